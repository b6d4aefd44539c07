"""Ward hotspots: the wards the assessment names, with their share of the borough."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..parse import Command
from .base import (
    MEASURE_LABEL,
    Answer,
    NoAnswer,
    Table,
    fmt_number,
    in_text_order,
)

if TYPE_CHECKING:
    from .answerer import Answerer


def wards(a: Answerer, c: Command) -> Answer:
    frame = a.run("wards", indicator=c.indicator)
    if frame.empty and c.indicator and not c.related_tried:
        related = a.related_indicator(c, c.indicator, lambda other: other in a.ward_indicators)
        if related:  # "violence hotspots": violence against the person has ward figures
            name = a.indicators[c.indicator].name
            c.related_tried, c.indicator = True, related
            answer = wards(a, c)
            answer.notes.insert(0, f"The assessment gives ward figures for {a.indicators[related].name}, not {name}.")
            return answer
    if frame.empty:
        name = a.vocab.names[("indicator", c.indicator)]
        covered = a.run("wards", indicator=None).indicator_name.unique()
        raise NoAnswer(f"The data gives no ward figures for {name}. It gives ward figures for: "
                       f"{', '.join(covered)}.", [f"{n.lower()} wards" for n in covered[:3]])
    if c.period and c.indicator and c.period not in set(frame.period):
        # 'asb wards for 2017/18': the wards named for another period are no answer to it
        name = a.vocab.names[("indicator", c.indicator)]
        when = " and ".join(dict.fromkeys(frame.period_label))
        asked = a.vocab.names.get(("period", c.period), c.period)
        raise NoAnswer(f"The assessment gives ward figures for {name} for {when} only, not for {asked}.",
                       [f"{name.lower()} wards"])
    if c.period and c.period in set(frame.period):
        frame = frame[frame.period == c.period]
    frame = by_volume(frame)
    lowest = frame.measure == "named_lowest"  # named as the lowest ('the least deprived ... Bearsted'): after the highest
    frame = pd.concat([frame[~lowest], frame[lowest]])
    rows = []
    for r in frame.itertuples():
        share = ""
        if not pd.isna(r.borough_total) and r.borough_total:
            share = fmt_number(r.value / r.borough_total * 100, 0, "%")
        unit = "%" if r.measure == "percent" else ""
        value = "" if r.measure in ("named_hotspot", "named_lowest") else fmt_number(r.value, r.digits, unit)
        rows.append([r.ward, r.indicator_name, r.period_label, MEASURE_LABEL.get(r.measure, r.measure),
                     value, share, r.note if isinstance(r.note, str) else ""])
    title = "Ward hotspots" + (f": {a.vocab.names[('indicator', c.indicator)]}" if c.indicator else "")
    answer = Answer(c.text, {}, headline=_headline(a, c, frame, title),
                    tables=[Table(title, ["Ward", "Indicator", "Period", "Measure", "Figure", "Share of borough",
                                          "Note"], rows)])
    answer.notes.append("The assessment names only the highest wards" + (" (and, here, the lowest)" if lowest.any() else "")
                        + "; other wards' figures are not published.")
    a.annotate(answer, c.indicator or "", a.home, [], set(frame.table_id))
    if c.indicator:
        answer.series = _chart_series(a, c, frame, title)
    return answer


def by_volume(frame: pd.DataFrame) -> pd.DataFrame:
    """Ward rows in volume order: per indicator, the latest period first, and per measure the largest figure first;
    wards named without a figure after those with one (in the text's own order)."""
    counted = frame.measure != "named_hotspot"
    hot = frame[~counted]
    text_order = {w: -i for i, w in enumerate(in_text_order(hot.ward, hot.note))}
    newest = {p: i for i, p in enumerate(dict.fromkeys(frame.period))}  # the query gives the latest period first
    order = frame.assign(_named=~counted, _value=frame.value.where(counted, frame.ward.map(text_order).astype(float)),
                         _first=frame.groupby("indicator", sort=False).ngroup(), _period=frame.period.map(newest))
    return order.sort_values(["_first", "_named", "_period", "measure", "_value"],
                             ascending=[True, True, True, True, False],
                             kind="stable").drop(columns=["_named", "_value", "_first", "_period"])


def _chart_series(a: Answerer, c: Command, frame: pd.DataFrame, title: str) -> dict | None:
    """The ward hotspot bar chart: the wards with a figure, largest first, for the latest period; wards the
    assessment names without a figure go in a footnote, not as bars of zero."""
    counted = frame[frame.measure.isin(["count", "percent", "rate_per_1000"])]
    if counted.empty:
        return None
    latest = counted.period.iloc[0]
    counted = counted[(counted.period == latest) & (counted.measure == counted.measure.iloc[0])]
    counted = counted.sort_values("value", ascending=False)
    hot = frame[frame.measure == "named_hotspot"]
    named = [w for w in in_text_order(hot.ward, hot.note) if w not in set(counted.ward)]
    measure = counted.measure.iloc[0]
    total = counted.borough_total.iloc[0]
    return {"kind": "wards", "title": title, "when": counted.period_label.iloc[0], "measure": measure,
            "unit": a.indicators[c.indicator].unit, "percent": measure == "percent",
            "bars": [(r.ward, float(r.value)) for r in counted.itertuples()],
            "borough_total": None if pd.isna(total) else float(total),
            "named_without_figure": named}


def _headline(a: Answerer, c: Command, frame: pd.DataFrame, title: str) -> str:
    """The wards named, in order: those with a count first (largest first), then those named without one."""
    if not c.indicator:
        return f"{title}: the wards the data names for {frame.indicator_name.nunique()} subjects."
    counted = frame[frame.measure.isin(["count", "percent", "rate_per_1000"])]
    if len(counted):
        latest = counted.period.iloc[0]
        c.period = c.period or latest  # understood: the period the ward figures are for
        counted = counted[(counted.period == latest) & (counted.measure == counted.measure.iloc[0])]
    hot = frame[frame.measure == "named_hotspot"]
    named = [w for w in in_text_order(hot.ward, hot.note) if w not in set(counted.ward)]
    parts = []
    if len(counted):
        unit = "%" if counted.measure.iloc[0] == "percent" else ""
        together = a.lookup("area_figures", indicator=c.indicator, measure="named_wards_share_pct",
                            period=counted.period.iloc[0])
        together = together[together.area == a.home]
        share = (f"; together {fmt_number(together.value.iloc[0], together.digits.iloc[0], '%')} of the borough's"
                 if len(together) else "")  # 'these three wards accounted for 36% of all ASB'
        parts.append(", ".join(f"{r.ward} {fmt_number(r.value, r.digits, unit)}"
                               for r in counted.sort_values("value", ascending=False).itertuples())
                     + f" ({counted.period_label.iloc[0]}{share})")
    if named:
        parts.append(("also named, with no figure: " if parts else "named, with no figures given: ") + ", ".join(named))
    return f"{title}: " + "; ".join(parts) + "." if parts else f"{title} (the wards the data names)."
