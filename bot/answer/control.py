"""An XmR control chart of a monthly series (spc SUBJECT)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..parse import Command
from ..periods import month_label, months_between
from . import family
from .base import Answer, NoAnswer, Table, _drop_empty, area_name, fmt_number
from .months import period_dates

if TYPE_CHECKING:
    from .answerer import Answerer


def spc(a: Answerer, c: Command) -> Answer:
    """An XmR control chart of a monthly series: centre line, natural process limits, signals."""
    if not c.indicator and c.area:  # "spc limits kent oct 2011": the limits the assessment gives for the place
        published = family.published_limits(a, c, c.area)
        if published is not None:
            return published
    if not c.indicator and not c.areas and c.period:
        # "control limits oct 2011": no subject or place named, and one place has control limits for that month
        places = {r.area for i in family.limit_indicators(a) for r in a._coverage(i).itertuples()
                  if r.period == c.period}
        if len(places) == 1:
            c.area = places.pop()
            return family.published_limits(a, c, c.area)
    if not c.indicator and c.period and _month(c.period):
        # "was sept 2013 outside the control limits": which monthly series is asked
        series = sorted(dict.fromkeys(a.run("monthly_series").indicator_name),
                        key=lambda n: not n.startswith(("Recorded crime", "Resolution outcome rate")))  # the main two first
        raise NoAnswer(f"Which monthly series? The assessment's monthly series are: {', '.join(series)}. Ask e.g. "
                       f"`spc {series[0].lower()} {month_label(c.period).lower()}`.",
                       [f"spc {n.lower()} {month_label(c.period).lower()}" for n in series[:3]])
    indicator = a._need_indicator(c, "spc")
    monthly = a.indicators[indicator].monthly_indicator
    if isinstance(monthly, str) and monthly:
        indicator = c.indicator = monthly  # "spc all crime": its monthly series
    area = c.area or a.home
    name = a.vocab.names[("indicator", indicator)]
    frame = a.run("trend", indicator=indicator, area=area)
    months = frame[(frame.area == area) & (frame.period_kind == "month")]
    measure = next((m for m in ("count", "percent", "rate_per_1000") if m in set(months.measure)), None)
    months = months[months.measure == measure] if measure else months
    if len(months) < 8:
        published = family.published_limits(a, c, area)
        if published is not None:  # "kent crime control limits march 2013": the limits the assessment read off its chart
            return published
        monthly = list(dict.fromkeys(a.run("monthly_series").indicator_name))
        raise NoAnswer(f"A control chart needs a monthly series of at least 8 months; the assessment has "
                       f"{len(months)} monthly {name} figures for {area_name(a, area)}. Monthly series: "
                       f"{', '.join(monthly)}.", [f"spc {n.lower()}" for n in monthly[:3]])
    from ..spc import xmr

    pct = measure == "percent"
    unit = "%" if pct else ""
    ids = list(months.period)
    judged = c.period if c.period and _month(c.period) and not c.baseline else None
    if judged and judged not in ids:  # "was sept 2014 outside the limits": a month the series does not have
        raise NoAnswer(f"The monthly {name} series for {area_name(a, area)} runs from {month_label(ids[0])} to "
                       f"{month_label(ids[-1])}; it has no figure for {month_label(judged)}.",
                       [f"spc {name.lower()}", f"{name.lower()} {month_label(ids[-1]).lower()}"])
    phase, phase_label, stated = _baseline(a, c, indicator, area, ids)
    chart = xmr(list(months.period_label), list(months.value), floor=0.0, ceiling=100.0 if pct else None,
                baseline=phase, baseline_label=phase_label, unit=unit)
    digits = 1 if pct else 0
    flags = {}
    for s in chart.signals:
        for i in s.points:
            flags.setdefault(i, []).append(s.rule)
    rows = [[label, fmt_number(v, digits, unit), "" if mr is None else fmt_number(mr, digits, " pts" if pct else ""),
             ", ".join(flags.get(i, []))] for i, (label, v, mr) in enumerate(zip(chart.labels, chart.values,
                                                                                 chart.moving_ranges))]
    rows, columns = _drop_empty(rows, ["Month", name, "Moving range", "Signal"])
    centre = f"Centre line (mean of {phase_label})" if phase else "Centre line (mean)"
    limits = [[centre, fmt_number(chart.centre, 1, unit)],
              ["Upper natural process limit", fmt_number(chart.upper, 1, unit)],
              ["Lower natural process limit", fmt_number(chart.lower, 1, unit)],
              ["Average moving range", fmt_number(chart.average_moving_range, 1)],
              ["Upper range limit", fmt_number(chart.upper_range, 1)]]
    when = f"{chart.labels[0]} to {chart.labels[-1]}"
    headline = f"{name}, {area_name(a, area)}, {when}: {chart.reading}"
    if judged:  # "was sept 2013 outside the control limits": that month against the limits, first
        i = ids.index(judged)
        value, lower, upper = chart.values[i], fmt_number(chart.lower, 1, unit), fmt_number(chart.upper, 1, unit)
        where = "above the upper limit" if value > chart.upper else "below the lower limit" if value < chart.lower \
            else "within the limits"
        rules = flags.get(i, [])
        headline = (f"{name}, {area_name(a, area)}, {chart.labels[i]}: {fmt_number(value, digits, unit)}, {where} "
                    f"({lower} to {upper}" + (f", from {phase_label}" if phase else "") + ")"
                    + (f"; signal: {', '.join(rules)}" if rules else "; no signal that month") + f". {when}: "
                    + chart.reading[0].lower() + chart.reading[1:])
    answer = Answer(c.text, {}, headline=headline,
                    tables=[Table(f"{name}, {area_name(a, area)}: XmR control chart", columns, rows),
                            Table("Control limits", ["Line", "Value"], limits)])
    if stated:
        limits.append([f"Baseline stated in the assessment ({phase_label})", fmt_number(stated[0], stated[1], unit)])
    if phase:  # for comparison, the limits all the months would give (the months judged move them)
        whole = xmr(chart.labels, chart.values, floor=0.0, ceiling=100.0 if pct else None)
        n = len(chart.values)
        limits += [[f"Centre line, all {n} months", fmt_number(whole.centre, 1, unit)],
                   [f"Upper limit, all {n} months", fmt_number(whole.upper, 1, unit)],
                   [f"Lower limit, all {n} months", fmt_number(whole.lower, 1, unit)]]
    if phase:
        answer.notes.append(f"Limits computed from the {phase[1] - phase[0] + 1} months of the {phase_label} baseline "
                            f"({chart.labels[phase[0]]} to {chart.labels[phase[1]]}): mean ± 2.66 × average moving "
                            f"range; the months after it are judged against them (a month outside the limits, or a "
                            f"run of 8 on one side of the centre line). Choose the baseline by naming it: `spc {name.lower()} "
                            f"baseline {phase_label}` (a financial year or span of months the series has).")
    else:
        answer.notes.append(f"Limits computed from these {len(chart.values)} months: mean ± 2.66 × average moving "
                            f"range; a signal is a month outside the limits or a run of 8 on one side of the centre.")
    a.annotate(answer, indicator, area, list(months.period), set(months.table_id))
    answer.series = {"kind": "spc", "title": f"{name}, {area_name(a, area)}: XmR control chart",
                     "when": when, "unit": a.indicators[indicator].unit, "percent": pct,
                     "labels": chart.labels, "values": chart.values, "moving_ranges": chart.moving_ranges,
                     "centre": chart.centre, "upper": chart.upper, "lower": chart.lower,
                     "average_moving_range": chart.average_moving_range, "upper_range": chart.upper_range,
                     "signals": [(s.rule, s.points) for s in chart.signals], "reading": chart.reading,
                     "baseline": phase, "baseline_label": phase_label,
                     "stated_baseline": stated[0] if stated else None}
    return answer


def _baseline(a: Answerer, c: Command, indicator: str, area: str, months: list[str]):
    """(first and last index of the baseline months, its label, (the figure the assessment states for that
    period, digits) or None). The baseline asked for ('spc outcome rate baseline 2012/13'), else the first
    complete financial year of the series with months after it; (None, '', None) when there is none."""
    asked = c.period if c.baseline or (c.period and not _month(c.period)) else None
    candidates = [asked] if asked else sorted({p for p, q in a.periods.items() if q.kind == "financial_year"})
    for period in candidates:
        if period in a.periods:
            q = a.periods[period]
            span = months_between(str(q.start)[:10], str(q.end)[:10])
        else:
            dates = period_dates(a, period)
            if not dates:
                continue
            span = months_between(dates[0], dates[1])
        if not all(m in months for m in span):
            if asked:
                raise NoAnswer(f"The monthly series has no months for all of {asked} to use as the baseline; it "
                               f"runs from {month_label(months[0])} to {month_label(months[-1])}.",
                               [f"{c.text.split(' baseline')[0].strip()} baseline {fy}" for fy in _years(a, months)[:2]])
            continue
        first, last = months.index(span[0]), months.index(span[-1])
        if last >= len(months) - 1 and asked and not c.baseline and first == 0:
            return None, "", None  # "spc recorded crime mar 12 - dec 13": the whole series, limits from all of it
        if last >= len(months) - 1 or last - first < 1:
            if asked:
                raise NoAnswer(f"{asked} is the end of the monthly series, so no month comes after it to judge "
                               "against it.", [f"spc {a.indicators[indicator].name.lower()}"])
            continue
        label = period if period in a.periods and a.periods[period].kind == "financial_year" else \
            f"{month_label(span[0])} to {month_label(span[-1])}"
        stated = a.lookup("area_figures", indicator=indicator, measure="percent", period=period)
        stated = stated[stated.area == area]
        if stated.empty:
            stated = a.lookup("area_figures", indicator=indicator, measure="count", period=period)
            stated = stated[stated.area == area] if len(span) == 1 else stated.iloc[0:0]
        return (first, last), label, ((float(stated.value.iloc[0]), stated.digits.iloc[0]) if len(stated) else None)
    return None, "", None


def _month(period: str) -> bool:
    """A single month's id ('2013-09'), not a year, span or quarter."""
    return len(period) == 7 and period[4] == "-"


def _years(a: Answerer, months: list[str]) -> list[str]:
    """The financial years whose every month is in the series."""
    return [p for p, q in sorted(a.periods.items()) if q.kind == "financial_year"
            and all(m in months for m in months_between(str(q.start)[:10], str(q.end)[:10]))]
