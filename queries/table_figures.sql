-- title: A source table, whole
-- answers: Every figure of one source table of the assessment (catalog.table_id) for one area, in the order of its facts file: the whole of table 3.1 as printed, every category with its three years, change, rate, county rank and direction.
-- params: table_id (catalog.table_id), area (areas.id)
SELECT
    f.indicator,
    i.name AS indicator_name,
    f.period,
    p.label AS period_label,
    p.kind AS period_kind,
    p.start AS period_start,
    f.measure,
    f.value,
    f.flag,
    f.digits,
    f.compared_with
FROM figures AS f
JOIN indicators AS i ON i.id = f.indicator
JOIN periods AS p ON p.id = f.period
WHERE f.table_id = $table_id
  AND f.area = $area
