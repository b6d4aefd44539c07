-- title: Catalog
-- answers: Where each source table comes from in the assessment: section, table, period definition, unit, denominator, footnotes.
-- params: none
SELECT table_id, file, section, title, source_table, period_definition, unit, denominator, footnotes, source, precedence
FROM catalog
ORDER BY precedence, section
