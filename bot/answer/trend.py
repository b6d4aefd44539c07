"""Every period the data has for one indicator, with Kent beside it."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..parse import Command
from .base import (
    HOME,
    MEASURE_LABEL,
    Answer,
    NoAnswer,
    Table,
    _drop_empty,
    area_name,
    fmt_number,
    rows_of,
)

if TYPE_CHECKING:
    from .answerer import Answerer


def trend(a: Answerer, c: Command) -> Answer:
    indicator = a._need_indicator(c, "trend")
    area = c.area or HOME
    frame = a.run("trend", indicator=indicator, area=area)
    name = a.vocab.names[("indicator", indicator)]
    mine = frame[frame.area == area]
    if mine.empty:
        raise NoAnswer(f"The data has no {name} figures for {area_name(a, area)}.",
                       [f"trend {name.lower()}"])
    measure = next(m for m in ("count", "percent", "average_per_year", "rate_per_1000") if m in set(mine.measure))
    # the longest run of one period kind (monthly series beat three years)
    kind = mine[mine.measure == measure].period_kind.value_counts().idxmax()
    if c.scope in ("months", "quarters") and kind != "month":
        raise NoAnswer(f"The data has no monthly {name} figures for {area_name(a, area)}; it has "
                       f"{', '.join(sorted(set(mine[mine.measure == measure].period)))}.",
                       [f"trend {name.lower()}", "trend recorded crime"])
    series = mine[(mine.measure == measure) & (mine.period_kind == kind)]
    if len(series) < 2 and c.since:  # "population growth since 2001": one period, and its change since then
        from .figure import figure

        c.period = None
        return figure(a, c)
    kent_rows = frame[(frame.area == "kent") & (frame.measure == measure)]
    kent = {r.period: r for r in rows_of(kent_rows)}  # one lookup per row: .loc per row is slow
    unit = "%" if measure == "percent" else ""
    points = rows_of(series)
    rows = [[r.period_label if kind != "financial_year" else r.period, fmt_number(r.value, r.digits, unit),
             fmt_number(kent[r.period].value, kent[r.period].digits, unit) if r.period in kent else ""]
            for r in points]
    rows, columns = _drop_empty(rows, ["Period", area_name(a, area), "Kent"])
    label = MEASURE_LABEL.get(measure, measure)
    answer = Answer(c.text, {}, headline=f"{name}, {area_name(a, area)}: {label.lower()} over "
                                         f"{len(rows)} periods ({rows[0][0]} to {rows[-1][0]}).",
                    tables=[Table(f"{name}: trend", columns, rows)])
    a.annotate(answer, indicator, area, list(series.period), set(series.table_id))
    answer.series = {"kind": "trend", "title": f"{name}, {area_name(a, area)}",
                     "when": f"{rows[0][0]} to {rows[-1][0]}", "unit": a.indicators[indicator].unit,
                     "area": area_name(a, area), "measure": measure,
                     "points": [(r.period_label if kind != "financial_year" else r.period, float(r.value),
                                 float(kent[r.period].value) if r.period in kent else None)
                                for r in points]}
    return answer
