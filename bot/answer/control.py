"""An XmR control chart of a monthly series (spc SUBJECT)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..parse import Command
from . import family
from .base import HOME, Answer, NoAnswer, Table, _drop_empty, area_name, fmt_number

if TYPE_CHECKING:
    from .answerer import Answerer


def spc(a: Answerer, c: Command) -> Answer:
    """An XmR control chart of a monthly series: centre line, natural process limits, signals."""
    indicator = a._need_indicator(c, "spc")
    monthly = a.indicators[indicator].monthly_indicator
    if isinstance(monthly, str) and monthly:
        indicator = c.indicator = monthly  # "spc all crime": its monthly series
    area = c.area or HOME
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
    chart = xmr(list(months.period_label), list(months.value), floor=0.0, ceiling=100.0 if pct else None)
    unit = "%" if pct else ""
    digits = 1 if pct else 0
    flags = {}
    for s in chart.signals:
        for i in s.points:
            flags.setdefault(i, []).append(s.rule)
    rows = [[label, fmt_number(v, digits, unit), "" if mr is None else fmt_number(mr, digits, " pts" if pct else ""),
             ", ".join(flags.get(i, []))] for i, (label, v, mr) in enumerate(zip(chart.labels, chart.values,
                                                                                 chart.moving_ranges))]
    rows, columns = _drop_empty(rows, ["Month", name, "Moving range", "Signal"])
    limits = [["Centre line (mean)", fmt_number(chart.centre, 1, unit)],
              ["Upper natural process limit", fmt_number(chart.upper, 1, unit)],
              ["Lower natural process limit", fmt_number(chart.lower, 1, unit)],
              ["Average moving range", fmt_number(chart.average_moving_range, 1)],
              ["Upper range limit", fmt_number(chart.upper_range, 1)]]
    when = f"{chart.labels[0]} to {chart.labels[-1]}"
    answer = Answer(c.text, {}, headline=f"{name}, {area_name(a, area)}, {when}: {chart.reading}",
                    tables=[Table(f"{name}, {area_name(a, area)}: XmR control chart", columns, rows),
                            Table("Control limits", ["Line", "Value"], limits)])
    answer.notes.append(f"Limits computed from these {len(chart.values)} months: mean ± 2.66 × average moving "
                        f"range; a signal is a month outside the limits or a run of 8 on one side of the centre.")
    a.annotate(answer, indicator, area, list(months.period), set(months.table_id))
    answer.series = {"kind": "spc", "title": f"{name}, {area_name(a, area)}: XmR control chart",
                     "when": when, "unit": a.indicators[indicator].unit, "percent": pct,
                     "labels": chart.labels, "values": chart.values, "moving_ranges": chart.moving_ranges,
                     "centre": chart.centre, "upper": chart.upper, "lower": chart.lower,
                     "average_moving_range": chart.average_moving_range, "upper_range": chart.upper_range,
                     "signals": [(s.rule, s.points) for s in chart.signals], "reading": chart.reading}
    return answer
