-- title: Priority pack
-- answers: Every figure for the indicators that belong to one priority (borough, wards, Kent and other comparisons), for the sub-group that owns it.
-- params: priority (priorities.id)
SELECT
    pi.indicator,
    pi.headline,
    i.name AS indicator_name,
    f.area,
    a.name AS area_name,
    a.type AS area_type,
    f.period,
    p.kind AS period_kind,
    p.start AS period_start,
    f.measure,
    f.value,
    f.flag,
    f.digits,
    f.table_id
FROM priority_indicators AS pi
JOIN indicators AS i ON i.id = pi.indicator
JOIN figures AS f ON f.indicator = pi.indicator
JOIN areas AS a ON a.id = f.area
JOIN periods AS p ON p.id = f.period
WHERE pi.priority = $priority
  AND f.compared_with IS NULL
ORDER BY pi.headline DESC, i.name, p.start
