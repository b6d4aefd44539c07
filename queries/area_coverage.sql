-- title: Areas with a figure, by measure and period
-- answers: For one indicator, how many areas of each type have a figure for each measure and period: which comparisons across districts or wards the data can make.
-- params: indicator (indicators.id)
SELECT
    f.measure,
    f.period,
    p.label AS period_label,
    p.kind AS period_kind,
    p."end" AS period_end,
    a.type AS area_type,
    count(DISTINCT f.area) AS areas
FROM figures AS f
JOIN areas AS a ON a.id = f.area
JOIN periods AS p ON p.id = f.period
WHERE f.indicator = $indicator
  AND f.compared_with IS NULL
GROUP BY f.measure, f.period, p.label, p.kind, p."end", a.type
ORDER BY p."end" DESC, areas DESC
