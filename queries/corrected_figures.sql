-- title: Corrected figures
-- answers: The figures of one indicator in one area whose stored value differs from the one printed (the data check's corrections), so that a chart plotting them can say so in a footnote.
-- params: indicator (indicators.id), area (areas.id)
SELECT
    f.period,
    p.label AS period_label,
    f.measure,
    f.value,
    f.digits,
    f.published
FROM figures AS f
JOIN periods AS p ON p.id = f.period
WHERE f.indicator = $indicator
  AND f.area = $area
  AND f.published IS NOT NULL
  AND f.published <> ''
ORDER BY p.start, f.measure
