-- title: Comparison across areas
-- answers: One indicator across Maidstone, the other Kent districts, Kent, Kent & Medway and national figures, for every period the data has.
-- params: indicator (indicators.id)
SELECT
    area,
    area_name,
    area_type,
    period,
    period_label,
    period_start,
    measure,
    value,
    flag,
    digits,
    compared_with,
    table_id
FROM figure_series
WHERE indicator = $indicator
  AND area_type <> 'ward'
ORDER BY period_start DESC, area_type, area_name, measure
