-- title: Periods with county ranks
-- answers: For one area, the periods in which the data gives county ranks (county_rank) or their direction (rank_direction), to say which years a rank question can be answered for.
-- params: area (areas.id)
SELECT DISTINCT
    f.period,
    p.kind AS period_kind,
    f.measure
FROM figures AS f
JOIN periods AS p ON p.id = f.period
WHERE f.area = $area
  AND f.measure IN ('county_rank', 'rank_direction')
ORDER BY f.period
