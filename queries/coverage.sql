-- title: Coverage
-- answers: Which areas and periods the data has for one indicator, to say plainly what is covered when a question has no answer.
-- params: indicator (indicators.id)
SELECT
    a.id AS area,
    a.name AS area_name,
    a.type AS area_type,
    p.id AS period,
    p.kind AS period_kind,
    p.start AS period_start,
    count(*) AS figures
FROM figures AS f
JOIN areas AS a ON a.id = f.area
JOIN periods AS p ON p.id = f.period
WHERE f.indicator = $indicator
GROUP BY a.id, a.name, a.type, p.id, p.kind, p.start
ORDER BY a.type, a.name, p.start
