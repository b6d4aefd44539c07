-- title: Figures for a digest period
-- answers: Every figure the data states for the given periods (a quarter, and the year to date that ends with it), with names, for the quarterly digest.
-- params: periods (list of periods.id), home (areas.id: the home district, listed first)
SELECT
    f.indicator,
    i.name AS indicator_name,
    i.higher_is_better,
    f.area,
    a.name AS area_name,
    a.type AS area_type,
    f.period,
    p.label AS period_label,
    p.kind AS period_kind,
    f.measure,
    f.value,
    f.digits,
    f.flag,
    f.note,
    f.table_id
FROM figures AS f
JOIN indicators AS i ON i.id = f.indicator
JOIN areas AS a ON a.id = f.area
JOIN periods AS p ON p.id = f.period
WHERE list_contains($periods, f.period)
  AND f.compared_with IS NULL
ORDER BY f.area <> $home, f.indicator, p.start, f.measure
