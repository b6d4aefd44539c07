-- title: One measure across areas
-- answers: One indicator's figure in every area the data has for one measure and period (districts, wards, Kent), for "which district or ward is highest" questions.
-- params: indicator (indicators.id), measure (measures.id), period (periods.id)
SELECT
    a.id AS area,
    a.name AS area_name,
    a.type AS area_type,
    f.value,
    f.flag,
    f.digits,
    f.note,
    f.table_id
FROM figures AS f
JOIN areas AS a ON a.id = f.area
WHERE f.indicator = $indicator
  AND f.measure = $measure
  AND f.period = $period
  AND f.compared_with IS NULL
ORDER BY f.value DESC, a.name
