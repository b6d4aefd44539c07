-- title: Ward hotspots
-- answers: Ward figures (counts, rates, shares, Kent ward ranks), optionally for one indicator, with the borough total beside each count.
-- params: indicator (indicators.id, or NULL for every indicator)
SELECT
    i.id AS indicator,
    i.name AS indicator_name,
    i.unit,
    w.name AS ward,
    f.period,
    p.label AS period_label,
    f.measure,
    f.value,
    f.digits,
    total.value AS borough_total,
    f.note,
    f.table_id
FROM figures AS f
JOIN areas AS w ON w.id = f.area AND w.type = 'ward'
JOIN indicators AS i ON i.id = f.indicator
JOIN periods AS p ON p.id = f.period
LEFT JOIN figures AS total
    ON total.indicator = f.indicator AND total.area = w.parent AND total.period = f.period
   AND total.measure = f.measure AND f.measure = 'count' AND total.compared_with IS NULL
WHERE ($indicator IS NULL OR f.indicator = $indicator)
  AND f.compared_with IS NULL
ORDER BY i.name, p.start DESC, f.measure, f.value DESC
