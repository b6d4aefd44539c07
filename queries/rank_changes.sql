-- title: County rank changes
-- answers: For one area and year, every category whose county rank moved or held, with the rank before and after and the published arrow; improvements first.
-- params: area (areas.id), period (periods.id, the year), previous (periods.id, the year before)
SELECT
    i.id AS indicator,
    i.name AS category,
    before.value AS rank_before,
    now.value AS rank_now,
    now.flag AS rank_flag,
    d.value AS direction,
    d.table_id
FROM figures AS d
JOIN indicators AS i ON i.id = d.indicator
LEFT JOIN figures AS now
    ON now.indicator = d.indicator AND now.area = d.area AND now.period = d.period
   AND now.measure = 'county_rank' AND now.compared_with IS NULL
LEFT JOIN figures AS before
    ON before.indicator = d.indicator AND before.area = d.area AND before.period = $previous
   AND before.measure = 'county_rank' AND before.compared_with IS NULL
WHERE d.measure = 'rank_direction'
  AND d.area = $area
  AND d.period = $period
ORDER BY d.value DESC, i.name
