-- title: Indicators with ward figures
-- answers: Which indicators the data gives ward figures for (where a "Wards" button applies).
-- params: none
SELECT DISTINCT f.indicator
FROM figures AS f
JOIN areas AS a ON a.id = f.area AND a.type = 'ward'
ORDER BY f.indicator
