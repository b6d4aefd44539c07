-- title: Figure in context
-- answers: One indicator in one area over every period of one kind up to a given date, one row per figure: the level (count, percentage, average or rank), volume and % change, rate per 1,000, county rank and its direction, each with its flag, digits and source table. The answer sets them side by side per period.
-- params: indicator (indicators.id), area (areas.id), kind (periods.kind), until (last period start, YYYY-MM-DD)
SELECT
    period,
    period_label,
    period_start,
    measure,
    value,
    flag,
    digits,
    table_id
FROM figure_series
WHERE indicator = $indicator
  AND area = $area
  AND period_kind = $kind
  AND period_start <= $until
  AND compared_with IS NULL
ORDER BY period_start, measure
