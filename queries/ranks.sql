-- title: One category's ranks
-- answers: Every rank the data gives for one indicator in one area (county rank and its direction, IMD ranks, ward ranks in Kent, most similar group and national ranks), with the rate or count it ranks and that count's change on the year before, by period.
-- params: indicator (indicators.id), area (areas.id)
SELECT
    f.period,
    p.label AS period_label,
    p.kind AS period_kind,
    p.start AS period_start,
    f.measure,
    f.value,
    f.flag,
    f.digits,
    f.note,
    f.table_id
FROM figures AS f
JOIN periods AS p ON p.id = f.period
WHERE f.indicator = $indicator
  AND f.area = $area
  AND f.compared_with IS NULL
  AND f.measure IN ('county_rank', 'rank_direction', 'rank', 'rank_change', 'ward_rank_in_kent', 'msg_rank',
                    'national_rank', 'increase_rank', 'rate_per_1000', 'count', 'percent', 'volume_change',
                    'pct_change')
ORDER BY p.start, f.measure
