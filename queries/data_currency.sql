-- title: Data currency
-- answers: How current the data is: the latest month any figure covers, for the assessment's own tables and for imported police.uk figures.
-- params: none
SELECT
    starts_with(c.file, 'imports/') AS imported,
    max(p."end") AS figures_to,
    count(*) AS figures
FROM figures AS f
JOIN periods AS p ON p.id = f.period
JOIN catalog AS c ON c.table_id = f.table_id
GROUP BY starts_with(c.file, 'imports/')
ORDER BY imported
