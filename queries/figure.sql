-- title: Figure in context
-- answers: One indicator in one area over every period of one kind up to a given date: the level, volume and % change, rate per 1,000, county rank and its direction, and the source sections.
-- params: indicator (indicators.id), area (areas.id), kind (periods.kind), until (last period start, YYYY-MM-DD)
SELECT
    p.id AS period,
    p.label AS period_label,
    p.start AS period_start,
    max(CASE WHEN f.measure IN ('count', 'percent', 'average_per_year', 'rank') THEN f.value END) AS value,
    max(CASE WHEN f.measure IN ('count', 'percent', 'average_per_year', 'rank') THEN f.measure END) AS value_measure,
    max(CASE WHEN f.measure IN ('count', 'percent') THEN f.flag END) AS value_flag,
    max(CASE WHEN f.measure = 'volume_change' THEN f.value END) AS volume_change,
    max(CASE WHEN f.measure = 'pct_change' THEN f.value END) AS pct_change,
    max(CASE WHEN f.measure = 'pct_change' THEN f.digits END) AS pct_digits,
    max(CASE WHEN f.measure = 'pp_change' THEN f.value END) AS pp_change,
    max(CASE WHEN f.measure = 'rate_per_1000' THEN f.value END) AS rate_per_1000,
    max(CASE WHEN f.measure = 'rate_per_1000' THEN f.digits END) AS rate_digits,
    max(CASE WHEN f.measure = 'county_rank' THEN f.value END) AS county_rank,
    max(CASE WHEN f.measure = 'county_rank' THEN f.flag END) AS rank_flag,
    max(CASE WHEN f.measure = 'rank_direction' THEN f.value END) AS rank_direction,
    max(CASE WHEN f.measure IN ('count', 'percent', 'rank') THEN f.digits END) AS value_digits,
    string_agg(DISTINCT f.table_id, ',' ORDER BY f.table_id) AS tables
FROM figures AS f
JOIN periods AS p ON p.id = f.period
WHERE f.indicator = $indicator
  AND f.area = $area
  AND p.kind = $kind
  AND p.start <= $until
  AND f.compared_with IS NULL
GROUP BY p.id, p.label, p.start
ORDER BY p.start
