-- title: Trend
-- answers: One indicator's level (count, percentage, rate or yearly average) over every period the data has, in one area and beside it the county's figure where there is one.
-- params: indicator (indicators.id), area (areas.id), county (areas.id: the partnership's county)
SELECT
    p.id AS period,
    p.label AS period_label,
    p.kind AS period_kind,
    p.start AS period_start,
    f.area,
    f.measure,
    f.value,
    f.flag,
    f.digits,
    f.table_id
FROM figures AS f
JOIN periods AS p ON p.id = f.period
WHERE f.indicator = $indicator
  AND f.area IN ($area, $county)
  AND f.measure IN ('count', 'percent', 'rate_per_1000', 'average_per_year', 'rank')
  AND f.compared_with IS NULL
ORDER BY p.start, p."end", f.area, f.measure
