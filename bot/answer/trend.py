"""Every period the data has for one indicator, with the county beside it."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..parse import Command
from ..periods import month_label
from .base import (
    MEASURE_LABEL,
    Answer,
    NoAnswer,
    Table,
    _drop_empty,
    area_name,
    fmt_change,
    fmt_number,
    rows_of,
)

if TYPE_CHECKING:
    from .answerer import Answerer


def _overlaps_any(a: Answerer, period: str, held: set[str]) -> bool:
    """Whether a period asked shares any days with a period the series holds (a year holds its months)."""
    if period in held:
        return True
    if period not in a.periods:
        return bool(re.match(r"^\d{4}-\d{2}(?:/\d{4}-\d{2})?$", period)) and any(p[:4] == period[:4] for p in held)
    asked = a.periods[period]
    return any(p in a.periods and a.periods[p].start <= asked.end and asked.start <= a.periods[p].end for p in held) \
        or any(re.match(r"^\d{4}-\d{2}$", p) and str(asked.start)[:7] <= p <= str(asked.end)[:7] for p in held)


def trend(a: Answerer, c: Command) -> Answer:
    indicator = a._need_indicator(c, "trend")
    area = c.area or a.home
    frame = a.run("trend", indicator=indicator, area=area, county=a.partnership.county)
    name = a.vocab.names[("indicator", indicator)]
    mine = frame[frame.area == area]
    if mine.empty:
        raise NoAnswer(f"The data has no {name} figures for {area_name(a, area)}.",
                       [f"trend {name.lower()}"])
    if c.period and not c.since and not c.listed and not _overlaps_any(a, c.period, set(mine.period)):
        # "road casualties in 2003, for a long-term comparison": a year the series does not reach is said, never
        # dropped for the years it has
        held = _without_overlaps(a, mine, mine.period_kind.value_counts().idxmax()).period
        label = a.periods[c.period].label if c.period in a.periods else c.period
        raise NoAnswer(f"The data has no {name} figure for {area_name(a, area)} in {label}; it has "
                       f"{held.iloc[0]} to {held.iloc[-1]}. Ask `trend {name.lower()}` for those.",
                       [f"trend {name.lower()}"])
    measure = next(m for m in ("count", "percent", "average_per_year", "rate_per_1000", "rank") if m in set(mine.measure))
    # the longest run of one period kind (monthly series beat three years)
    kind = mine[mine.measure == measure].period_kind.value_counts().idxmax()
    if c.scope in ("months", "quarters") and kind != "month":
        raise NoAnswer(f"The data has no monthly {name} figures for {area_name(a, area)}; it has "
                       f"{', '.join(sorted(set(mine[mine.measure == measure].period)))}.",
                       [f"trend {name.lower()}", "trend recorded crime"])
    series = mine[(mine.measure == measure) & (mine.period_kind == kind)]
    mixed = False
    if (kind != "month" or len(series) < 3) and c.scope not in ("months", "quarters"):
        # the whole history the data gives: "ksi trend" adds 1994-98 (a yearly average), 2008 and 2009 to the
        # three years of table 3.1; "unemployment trend": 2010, 2011, July 2012, November 2013
        alike = {measure} | ({"average_per_year"} if measure == "count" else set())
        every = _without_overlaps(a, mine[mine.measure.isin(alike)], kind)
        if len(every) > len(series):
            series, mixed = every, True
    month_named = bool(c.since and re.match(r"^\d{4}-\d{2}$", c.since))  # "crime since march 2012": a month named
    if c.since and (c.since in a.periods or month_named):  # "month by month since april 2013", "asb 2011/12 onwards"
        start = str(a.periods[c.since].start)[:10] if c.since in a.periods else f"{c.since}-01"
        label = a.periods[c.since].label if c.since in a.periods else month_label(c.since)
        later = series[[str(a.periods[x].start)[:10] >= start if x in a.periods else x >= c.since[:7]
                        for x in series.period]]
        if (later.empty or month_named) and kind != "month":  # its monthly series from then, if it has one
            from . import months as monthly

            series_id, numerator, _ = monthly.parts_of(a, indicator)
            if series_id != indicator and not numerator and monthly.series(a, series_id, area):
                c.indicator, c.scope = series_id, "months"
                answer = trend(a, c)
                answer.notes.insert(0, f"{name} by month is the monthly series "
                                       f"'{a.vocab.names[('indicator', series_id)]}'.")
                return answer
        if later.empty and month_named and c.since in a.periods:  # "violent crime since april 2013": the in-year span
            c.kind = "figure"
            note = a._year_so_far(c)
            if note and c.period:
                from .figure import figure

                answer = figure(a, c)
                answer.notes.insert(0, note)
                return answer
            c.kind = "trend"
        if len(later) == 1 and month_named:  # "crime since december 2013": the one month there is
            from .figure import figure

            c.period, c.since, c.kind = later.period.iloc[0], None, "figure"
            return figure(a, c)
        if later.empty:  # "asb since april 2013": nothing from then on, said so, not the earlier years unasked
            held = list(series.period)
            held = ", ".join(held) if len(held) <= 4 else f"{held[0]} to {held[-1]}"
            raise NoAnswer(f"The data has no {name} figures for {area_name(a, area)} from {label} on; it has "
                           f"{held}.", [f"trend {name.lower()}"])
        if len(later) >= 2:
            series = later
            if kind == "month" and not c.period:  # understood as the months shown: "2013-04/2013-12"
                c.period = f"{series.period.iloc[0]}/{series.period.iloc[-1]}"
    if c.listed:  # "imd rank 2004, 2007 and 2010": the periods named, each one the data must have
        every = mine[mine.measure == measure]
        missing = [x for x in c.listed if x not in set(every.period)]
        if missing:
            have = ", ".join(_without_overlaps(a, every, kind).period) or "none"
            raise NoAnswer(f"The data has no {name} figure for {area_name(a, area)} in {', '.join(missing)}; "
                           f"it has {have}.", [f"trend {name.lower()}"])
        series = every[every.period.isin(c.listed)].drop_duplicates("period")
        series = series.set_index("period").loc[c.listed].reset_index()
        mixed = len(set(series.period_kind)) > 1
    if len(series) < 2:  # "population growth since 2001", "18 year old drivers over the last 5 years": one period
        from .figure import figure  # (its change since then, where the data gives one): the figure, not a trend

        c.period = None
        c.kind = "figure"
        return figure(a, c)
    county = a.partnership.county
    kent_rows = frame[(frame.area == county) & (frame.measure == measure) & (frame.area != area)]  # county asked: once
    kent = {r.period: r for r in rows_of(kent_rows)}  # one lookup per row: .loc per row is slow
    unit = "%" if measure == "percent" else ""
    points = rows_of(series)
    rows = [[r.period_label if r.period_kind != "financial_year" else r.period, fmt_number(r.value, r.digits, unit),
             fmt_number(kent[r.period].value, kent[r.period].digits, unit) if r.period in kent else ""]
            for r in points]
    rows, columns = _drop_empty(rows, ["Period", area_name(a, area), a.partnership.county_short_name])
    label = MEASURE_LABEL.get(measure, measure)
    values = "; ".join(f"{r[0]} {r[1]}" for r in rows) if len(rows) <= 5 else ""  # a short run: in the sentence
    answer = Answer(c.text, {}, headline=f"{name}, {area_name(a, area)}: {label.lower()} over "
                                         f"{len(rows)} periods ({rows[0][0]} to {rows[-1][0]})"
                                         + (f": {values}" if values else "")
                                         + ("" if mixed else _first_to_last(points, name, measure, rows)) + ".",
                    tables=[Table(f"{name}: trend", columns, rows)])
    if mixed:
        answer.notes.append("The periods are not all alike (financial and calendar years, single months, "
                            "yearly averages over several years), as the assessment gives them; compare like with like.")
    a.annotate(answer, indicator, area, list(series.period), set(series.table_id))
    answer.series = {"kind": "trend", "title": f"{name}, {area_name(a, area)}",
                     "when": f"{rows[0][0]} to {rows[-1][0]}", "unit": a.indicators[indicator].unit,
                     "area": area_name(a, area), "county": a.partnership.county_short_name, "measure": measure,
                     "points": [(r.period_label if r.period_kind != "financial_year" else r.period, float(r.value),
                                 float(kent[r.period].value) if r.period in kent else None)
                                for r in points]}
    return answer


def _first_to_last(points: list, name: str, measure: str, rows: list) -> str:
    """The change from the first period to the last, in the headline ('2004 270; 2007 225; 2010 217: -53 from 2004 to
    2010, more deprived'): a rank's move said the way its 1 points ('1 = most deprived')."""
    first, last = points[0], points[-1]
    change = float(last.value) - float(first.value)
    digits = max(int(first.digits or 0), int(last.digits or 0))
    said = fmt_change(change, digits, " pts" if measure == "percent" else "")
    span = f"from {rows[0][0]} to {rows[-1][0]}"
    if not change:
        return f"; unchanged {span}"
    if measure == "rank":  # ('1 = most deprived': a smaller rank is nearer the most deprived)
        most = re.search(r"1 = (most \w+|\w+est)", name)
        said = f"{fmt_change(change, 0)} places" + (f" ({'nearer' if change < 0 else 'further from'} 1, the {most.group(1)})"
                                                     if most else "")
    return f"; {said} {span}"


def _without_overlaps(a: Answerer, rows, kind: str):
    """Every period of the rows in time order, dropping any that overlaps one already kept (periods of the
    most common kind first): a year's figure and a month inside it are not two points of one trend."""
    order = sorted(rows.itertuples(), key=lambda r: (r.period_kind != kind, str(a.periods[r.period].start)))
    kept = []
    for r in order:
        p = a.periods[r.period]
        if all(p.end < a.periods[k.period].start or p.start > a.periods[k.period].end for k in kept):
            kept.append(r)
    keep = {k.period for k in kept}
    out = rows[rows.period.isin(keep)].copy()
    out["_end"] = [a.periods[p].end for p in out.period]
    return out.sort_values("_end").drop(columns="_end")
