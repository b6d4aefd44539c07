-- title: Monthly values
-- answers: One indicator's monthly counts (or percentages) in one area, month by month, to add up a quarter, a span or a year to date from the months.
-- params: indicator (indicators.id), area (areas.id)
SELECT
    f.period AS month,
    p.start AS month_start,
    f.measure,
    f.value,
    f.table_id
FROM figures AS f
JOIN periods AS p ON p.id = f.period
WHERE f.indicator = $indicator
  AND f.area = $area
  AND p.kind = 'month'
  AND f.measure IN ('count', 'percent')
  AND f.compared_with IS NULL
ORDER BY p.start
