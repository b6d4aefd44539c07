-- title: Coverage
-- answers: Which areas and periods the data has for one indicator, to say plainly what is covered when a question has no answer.
-- params: indicator (indicators.id)
SELECT
    area,
    area_name,
    area_type,
    period,
    period_kind,
    period_start,
    figures
FROM coverage
WHERE indicator = $indicator
ORDER BY area_type, area_name, period_start
