-- title: Vocabulary
-- answers: Every name the parser can recognise: indicators, areas, priorities and periods, with their aliases, partners' words for them (synonyms; kind "word" rewrites a word), and places the data does not cover (refused by name).
-- params: none
SELECT 'indicator' AS kind, id, name, aliases, concat_ws(' ', unit, period_note) AS extra FROM indicators
UNION ALL
SELECT 'area', id, name, aliases, type FROM areas
UNION ALL
SELECT 'priority', id, name, concat_ws(';', aliases, CASE WHEN number IS NOT NULL
       THEN concat_ws(';', 'priority ' || CAST(CAST(number AS INTEGER) AS VARCHAR),
                      'priority number ' || CAST(CAST(number AS INTEGER) AS VARCHAR)) END), kind FROM priorities
UNION ALL
SELECT 'period', id, label, aliases, kind FROM periods
UNION ALL
SELECT kind, target, NULL, phrase, NULL FROM synonyms
UNION ALL
SELECT 'place', name, name, CASE WHEN lower(note) LIKE '%ordinary word%' THEN 'ordinary' ELSE type END, within FROM places
UNION ALL
SELECT 'ratio', id, NULL, ratio_of, NULL FROM indicators WHERE ratio_of IS NOT NULL
UNION ALL
SELECT 'part', id, NULL, part_of, NULL FROM indicators WHERE part_of IS NOT NULL
UNION ALL
-- a statement's words include the dated events of its section ('when do england play italy')
SELECT 'statement', s.id, NULL, s.aliases,
       concat_ws(' ', s.statement, (SELECT string_agg(e.event, ' ') FROM events e WHERE e.section = s.section))
FROM statements s
