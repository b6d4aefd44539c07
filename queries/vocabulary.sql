-- title: Vocabulary
-- answers: Every name the parser can recognise: indicators, areas, priorities and periods, with their aliases.
-- params: none
SELECT 'indicator' AS kind, id, name, aliases, NULL AS extra FROM indicators
UNION ALL
SELECT 'area', id, name, aliases, type FROM areas
UNION ALL
SELECT 'priority', id, name, aliases, kind FROM priorities
UNION ALL
SELECT 'period', id, label, aliases, kind FROM periods
