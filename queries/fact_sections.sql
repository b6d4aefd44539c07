-- title: Where a figure is printed
-- answers: The sections of the assessment (catalog) that print a figure for one indicator in one area and period, whichever of them the answer's figure was taken from: to tell whether a section a partner names holds it.
-- params: indicator (indicators.id), area (areas.id), period (periods.id)
SELECT DISTINCT
    c.section,
    c.title
FROM facts AS f
JOIN catalog AS c ON c.table_id = f.table_id
WHERE f.indicator = $indicator
  AND f.area = $area
  AND f.period = $period
ORDER BY c.section
