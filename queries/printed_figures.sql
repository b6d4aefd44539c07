-- title: Figures as printed
-- answers: Every figure of one indicator in one area that the assessment printed differently from the value the data keeps (a misprint corrected by the data check), with where it was printed: to say so when a partner quotes the printed one.
-- params: indicator (indicators.id), area (areas.id)
SELECT
    f.period,
    f.measure,
    f.value,
    f.digits,
    f.published,
    c.section
FROM facts AS f
JOIN catalog AS c ON c.table_id = f.table_id
WHERE f.indicator = $indicator
  AND f.area = $area
  AND f.published IS NOT NULL
  AND f.published <> ''
ORDER BY f.period, f.measure
