-- title: Data notes
-- answers: The data check's notes about the figures of an answer: one indicator (or all), in one area, for the periods shown, and those that concern no single period.
-- params: indicator (indicators.id, or NULL for all), area (areas.id), periods (list of periods.id)
SELECT DISTINCT indicator, measure, severity, note
FROM figure_notes
WHERE ($indicator IS NULL OR indicator = $indicator)
  AND (area = $area OR area IS NULL)
  AND (period IS NULL OR list_contains($periods, period))
ORDER BY indicator, severity, note
