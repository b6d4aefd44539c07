-- title: Baselines
-- answers: The periods the assessment calls a baseline for one indicator in one area (the Police and Crime Plan's 2012/13 outcome rate, the 1994-98 KSI average), from the notes on its figures.
-- params: indicator (indicators.id), area (areas.id)
SELECT DISTINCT
    f.period,
    p."end" AS period_end,
    f.note
FROM figures AS f
JOIN periods AS p ON p.id = f.period
WHERE f.indicator = $indicator
  AND f.area = $area
  AND lower(f.note) LIKE '%baseline%'
ORDER BY p."end" DESC
