-- title: Areas the text names as highest or lowest
-- answers: For one indicator, the figures whose note says the area is the highest, lowest, worst or best (e.g. Thanet, "highest crime rate of the Kent districts"), to answer "which district is highest" when the assessment gives no other district's figure to compare.
-- params: indicator (indicators.id)
SELECT
    a.id AS area,
    a.name AS area_name,
    a.type AS area_type,
    f.period,
    p.label AS period_label,
    f.measure,
    f.value,
    f.digits,
    f.note,
    f.table_id
FROM facts AS f  -- every source table's words, not only the one whose figure is shown ('highest in the county' is 1.2's)
JOIN areas AS a ON a.id = f.area
JOIN periods AS p ON p.id = f.period
WHERE f.indicator = $indicator
  AND f.compared_with IS NULL
  AND regexp_matches(lower(f.note), '(highest|lowest|worst|best|most|fewest)')
QUALIFY row_number() OVER (PARTITION BY f.area, f.period, f.measure, f.note ORDER BY f.table_id) = 1
ORDER BY p."end" DESC, f.table_id
