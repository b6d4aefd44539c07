-- title: Comparison across areas
-- answers: One indicator across Maidstone, the other Kent districts, Kent, Kent & Medway and national figures, for every period the data has.
-- params: indicator (indicators.id)
SELECT
    a.id AS area,
    a.name AS area_name,
    a.type AS area_type,
    f.period,
    p.label AS period_label,
    p.start AS period_start,
    f.measure,
    f.value,
    f.flag,
    f.digits,
    f.compared_with,
    f.table_id
FROM figures AS f
JOIN areas AS a ON a.id = f.area AND a.type <> 'ward'
JOIN periods AS p ON p.id = f.period
WHERE f.indicator = $indicator
ORDER BY p.start DESC, a.type, a.name, f.measure
