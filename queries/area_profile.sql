-- title: Everything held for one place
-- answers: Every figure the data holds for one area (a ward or a district), with its indicator's and period's names, latest first within each indicator, for "what does the assessment say about fant ward".
-- params: area (areas.id)
SELECT
    f.indicator,
    i.name AS indicator_name,
    i.unit,
    f.period,
    p.label AS period_label,
    f.measure,
    f.value,
    f.flag,
    f.digits,
    f.note,
    f.table_id
FROM figures AS f
JOIN indicators AS i ON i.id = f.indicator
JOIN periods AS p ON p.id = f.period
WHERE f.area = $area
  AND f.compared_with IS NULL
ORDER BY i.name, p."end" DESC, f.measure
