-- title: Priorities
-- answers: The partnership's priorities, task-and-finish group and cross-cutting themes, with the sub-group that owns each and its headline indicator.
-- params: none
SELECT
    p.id,
    p.year,
    p.kind,
    p.number,
    p.name,
    p.owner,
    p.themes,
    p.description,
    string_agg(pi.indicator, ',' ORDER BY pi.indicator) FILTER (WHERE pi.headline) AS headline_indicators,
    string_agg(pi.indicator, ',' ORDER BY pi.indicator) AS indicators
FROM priorities AS p
LEFT JOIN priority_indicators AS pi ON pi.priority = p.id
GROUP BY p.id, p.year, p.kind, p.number, p.name, p.owner, p.themes, p.description
ORDER BY p.kind = 'cross_cutting', p.kind = 'task_and_finish', p.number, p.name
