-- title: Population
-- answers: The population a rate per 1,000 uses for an area in a year: the latest at or before that year, with its source.
-- params: area (areas.id), year (the calendar year the period starts in)
SELECT area, year, population, source
FROM population
WHERE area = $area
  AND year <= $year
ORDER BY year DESC
LIMIT 1
