-- title: Figure in context
-- answers: One indicator in one area over every period of one kind up to a given date, one row per figure: the level (count, percentage, average or rank), volume and % change, rate per 1,000, county rank and its direction, each with its flag, digits and source table. The answer sets them side by side per period.
-- params: indicator (indicators.id), area (areas.id), kind (periods.kind), until (last period start, YYYY-MM-DD)
SELECT
    p.id AS period,
    p.label AS period_label,
    p.start AS period_start,
    f.measure,
    f.value,
    f.flag,
    f.digits,
    f.table_id
FROM figures AS f
JOIN periods AS p ON p.id = f.period
WHERE f.indicator = $indicator
  AND f.area = $area
  AND p.kind = $kind
  AND p.start <= $until
  AND f.compared_with IS NULL
ORDER BY p.start, f.measure
