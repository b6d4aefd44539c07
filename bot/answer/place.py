"""Everything the data holds for one place: "fant ward", "anything flagged for park wood?", "what does the
assessment say about thanet". A partner asking about a place, not a subject: each figure the data has for it,
subject by subject, latest first. For a ward or another district (the home district has hundreds: a subject
is asked for instead)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pandas as pd

from ..parse import Command
from .base import (
    MEASURE_LABEL,
    Answer,
    NoAnswer,
    Table,
    _beside_cell,
    area_name,
    fmt_number,
    fmt_rank,
)

if TYPE_CHECKING:
    from .answerer import Answerer

NO_FIGURE = ("named_hotspot", "named_lowest")  # named in the text, with no figure beside the name
CHANGES = ("volume_change", "pct_change", "pp_change")
RANKS = ("county_rank", "ward_rank_in_kent", "national_rank", "rank", "msg_rank", "increase_rank")
LEAD = ("count", "percent", "rate_per_1000", "share_pct", *NO_FIGURE)  # the measure a subject leads with
MOST = 6  # subjects named in the headline; the rest are in the table


def place(a: Answerer, c: Command) -> Answer:
    area = c.area
    ward = a.vocab.area_types.get(area) == "ward"
    where = f"{area_name(a, area)} ward" if ward else area_name(a, area)
    frame = a.run("area_profile", area=area)
    held = list(dict.fromkeys(frame.period_label))
    if c.period:  # the period asked, and the months or spans inside it ('park wood 2013': November 2013 too)
        asked = a.periods.get(c.period)
        inside = {p.id for p in a.periods.values() if asked is not None and p.start >= asked.start and p.end <= asked.end}
        frame = frame[frame.period.isin(inside | {c.period})]
    if frame.empty:
        label = a.periods[c.period].label if c.period in a.periods else c.period
        if c.period and held:
            raise NoAnswer(f"The data has no figures for {where} in {label}; it has figures for {where} in: "
                           f"{', '.join(held[:6])}.", [f"{area_name(a, area).lower()}{' ward' if ward else ''}"])
        scope = ("names wards only where they stand out (the hotspots and a few ward tables)" if ward
                 else f"gives other districts' figures only beside {area_name(a, a.home)}'s")
        raise NoAnswer(f"The data has no figures for {where}: the {a.partnership.document_kind} {scope}. "
                       f"Ask about a subject for {area_name(a, a.home)}, e.g. `{a.example()}`.",
                       [a.example(), "asb wards" if ward else "help"])
    rows, leads = [], []
    for indicator, group in frame.groupby("indicator", sort=False):
        name = group.indicator_name.iloc[0]
        for r in group.itertuples():
            rows.append([name, r.period_label, MEASURE_LABEL.get(r.measure, r.measure), _cell(r),
                         r.note if isinstance(r.note, str) else ""])
        order = group.measure.map({m: i for i, m in enumerate(LEAD)}).fillna(len(LEAD))
        first = group.assign(order=order).sort_values("order", kind="stable").iloc[0]
        leads.append(f"{name}: {_lead(first)} ({first.period_label})")
    subjects = len(leads)
    shown = "; ".join(leads[:MOST]) + (f"; and {subjects - MOST} more in the table" if subjects > MOST else "")
    named = int(frame.measure.isin(NO_FIGURE).sum())  # named in the text without a figure: mentions, not figures
    held = [f"{len(frame) - named} figure{'s' * (len(frame) - named != 1)}"] * (len(frame) > named) + [
        f"{named} mention{'s' * (named != 1)} without a figure"] * bool(named)
    headline = (f"The {a.partnership.document_kind} gives {' and '.join(held)} for {where}, on "
                f"{subjects} subject{'s' * (subjects != 1)}: {shown}.")
    answer = Answer(c.text, {}, headline=headline,
                    tables=[Table(f"Everything the data holds for {where}", ["Subject", "Period", "Measure", "Figure",
                                                                             "Note"], rows)])
    if ward:
        answer.notes.append("The assessment gives ward figures only where a ward stands out (the hotspots, and a few "
                            "ward tables): a subject not listed has no figure for this ward, which is not a zero.")
    a.annotate(answer, "", area, [], set(frame.table_id))
    c.indicator = None
    return answer


def _lead(r) -> str:
    """A subject's leading figure in words: '333 incidents', '44.32 per 1,000', 'named as a hotspot'."""
    if r.measure in NO_FIGURE:  # the text's own words where it has them ('the least deprived areas ... Bearsted')
        quoted = re.search(r"'([^']{8,120})'", r.note) if isinstance(r.note, str) else None
        said = f"named: \"{quoted.group(1)}\"" if quoted else (
            "named as a hotspot" if r.measure == "named_hotspot" else "named among the lowest")
        return f"{said}, no figure given"
    figure = _cell(r)
    if r.measure == "count" and not str(r.unit).startswith("%"):
        return f"{figure} {r.unit}"
    if r.measure == "rate_per_1000":
        return f"{figure} per 1,000"
    if r.measure in CHANGES or r.measure in RANKS:
        return f"{MEASURE_LABEL.get(r.measure, r.measure).lower()} {figure}"
    return figure


def _cell(r) -> str:
    """One figure as the other answers show it (``_beside_cell``: changes signed, percentages with %), and what a
    place's list has besides: every kind of rank with its ties, a direction in words, a mention with no figure."""
    if r.measure in NO_FIGURE or pd.isna(r.value):
        return ""
    if r.measure == "change_direction":  # a direction the assessment gives without a figure
        return "fell" if r.value < 0 else "rose or did not fall"
    if r.measure in RANKS:
        return fmt_rank(r.value, r.flag)
    if r.measure == "share_pct" or (r.measure not in CHANGES and str(r.unit).startswith("%")):
        return fmt_number(r.value, r.digits, "%")
    return _beside_cell(r, r.measure)
