-- title: Monthly series
-- answers: Which indicators have a monthly series long enough for a control chart (8 months or more), in which area.
-- params: none
SELECT i.id AS indicator, i.name AS indicator_name, f.area, count(*) AS months
FROM figures AS f
JOIN periods AS p ON p.id = f.period
JOIN indicators AS i ON i.id = f.indicator
WHERE p.kind = 'month'
  AND f.measure IN ('count', 'percent')
  AND f.compared_with IS NULL
GROUP BY i.id, i.name, f.area
HAVING count(*) >= 8
ORDER BY count(*) DESC, i.name
