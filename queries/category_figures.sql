-- title: Categories side by side
-- answers: For one area and period, one measure (count, change, % change, rate) of every crime category the county ranks, to say which category is highest or rose most.
-- params: area (areas.id), period (periods.id), measure (measures.id)
SELECT
    i.id AS indicator,
    i.name AS indicator_name,
    i.unit,
    f.value,
    f.digits,
    f.table_id
FROM figures AS f
JOIN indicators AS i ON i.id = f.indicator
WHERE f.area = $area
  AND f.period = $period
  AND f.measure = $measure
  AND f.compared_with IS NULL
  AND f.indicator IN (
      SELECT r.indicator FROM figures AS r
      WHERE r.area = $area AND r.period = $period AND r.measure = 'county_rank'
  )
ORDER BY f.value DESC, i.name
