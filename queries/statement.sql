-- title: Statement
-- answers: A fact the assessment states in words (who chairs the partnership, when the PCC was elected), with the dated events of its section.
-- params: id
SELECT s.id, s.section, s.statement, s.note, e.event, e.date, e.weekday, e.note AS event_note
FROM statements s
LEFT JOIN events e ON e.section = s.section
WHERE s.id = $id
ORDER BY e.date
