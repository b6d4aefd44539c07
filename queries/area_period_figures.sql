-- title: Every indicator's figure in one area and period
-- answers: One measure (count, change, rate) of every indicator the data has for one area and period, to compare crime categories across years.
-- params: area (areas.id), period (periods.id), measure (measures.id)
SELECT
    i.id AS indicator,
    i.name AS indicator_name,
    i.unit,
    f.value,
    f.digits,
    f.table_id
FROM figures AS f
JOIN indicators AS i ON i.id = f.indicator
WHERE f.area = $area
  AND f.period = $period
  AND f.measure = $measure
  AND f.compared_with IS NULL
ORDER BY i.name
