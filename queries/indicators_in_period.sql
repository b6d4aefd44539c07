-- title: Indicators with a figure in a period
-- answers: Which indicators the data has a level (count or percentage) for, in one area and period: what to suggest when the one asked for has none.
-- params: area (areas.id), period (periods.id)
SELECT DISTINCT i.id AS indicator, i.name
FROM figures AS f
JOIN indicators AS i ON i.id = f.indicator
WHERE f.area = $area
  AND f.period = $period
  AND f.measure IN ('count', 'percent')
ORDER BY i.name
