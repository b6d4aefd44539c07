"""One indicator across the areas the assessment gives: the areas asked for (or all), with a headline that
states the figures side by side for the latest period two or more of them share."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..parse import Command
from .base import (
    MEASURE_LABEL,
    Answer,
    NoAnswer,
    Table,
    area_name,
    fmt_change,
    fmt_number,
    fmt_rank,
    own_period_label,
)

if TYPE_CHECKING:
    from .answerer import Answerer

PERCENT_MEASURES = ("percent", "pct_change", "pp_change", "share_pct")
HEADLINE_MEASURES = ("count", "percent", "rate_per_1000", "rank", "pct_change", "volume_change", "pp_change",
                     "average_per_year")


def compare(a: Answerer, c: Command) -> Answer:
    indicator = a._need_indicator(c, "compare")
    frame = a.lookup("compare", indicator=indicator)
    name = a.vocab.names[("indicator", indicator)]
    home = a.home
    wards = [x for x in c.areas if a.vocab.area_types.get(x) == "ward"]
    if wards:  # "high street and fant asb": the wards' own figures
        names = {a.vocab.names[("area", w)]: w for w in wards}
        ward_rows = a.lookup("wards", indicator=indicator)
        ward_rows = ward_rows[ward_rows.ward.isin(names) & (ward_rows.measure != "named_hotspot")]
        import pandas as pd

        frame = pd.concat([frame.iloc[0:0], ward_rows.assign(
            area=ward_rows.ward.map(names), area_name=ward_rows.ward, area_type="ward", flag=None,
            compared_with=None)[["area", "area_name", "area_type", "period", "period_label", "measure", "value",
                                 "flag", "digits", "compared_with", "table_id"]]], ignore_index=True)
        asked = wards
    else:
        asked = list(c.areas)  # (a nation the figure is not held for is swapped before: Answerer._national_as_held)
        if set(asked) - {home}:  # only the home area named ("maidstone v kent districts"): beside every area given
            frame = frame[frame.area.isin(set(asked) | ({home} if len(asked) == 1 else set()))]
    missing = [x for x in asked if x not in set(frame.area)]
    if asked and len(missing) == len([x for x in asked if x != home]) and missing:
        related = a.related_indicator(c, indicator, lambda other: set(missing) <= set(
            a.lookup("compare", indicator=other).area))
        if related:  # 'out of work benefits, maidstone vs the county': the share is held for Kent, the count is not
            c.indicator = related
            answer = compare(a, c)
            given, asked = a.indicators[related], a.indicators[indicator]
            said = (f"{given.name} as {given.unit}, not as {asked.unit}" if given.name == asked.name
                    else f"{given.name}, not {name}")
            answer.notes.insert(0, f"The assessment gives {said}, for {', '.join(area_name(a, x) for x in missing)}.")
            return answer
        raise NoAnswer(f"The data has no {name} figures for {', '.join(area_name(a, x) for x in missing)}. "
                       f"Ask `compare {name.lower()}` for the areas it has.", [f"compare {name.lower()}"])
    if c.period:
        frame = frame[frame.period.isin({c.period, c.against} - {None})]
        if frame.empty:
            label = a.periods[c.period].label if c.period in a.periods else c.period
            raise NoAnswer(f"The data has no {name} figures to compare for {label}.",
                           [f"compare {name.lower()}", name.lower()])
    shared = frame[frame.compared_with.isna()].groupby(["period", "measure"]).area.nunique()
    if len(c.areas) <= 1 and not (shared >= 2).any() and not re.match(r"\s*compare\b", c.text.lower()):
        # 'how did the actual re-offending rate compare with the predicted rate?', 'accidental fires, where are we
        # compared to the rest of kent': no second place has the figure to set beside, so one place's figure, with
        # its county rank where it has one ('compare ksi 17-24' lists what there is, said so)
        from .figure import figure

        c.kind = "figure"
        return figure(a, c)
    rows = [[r.area_name, own_period_label(a, indicator, r.period, r.period_label), MEASURE_LABEL.get(r.measure, r.measure)
             + (f" (against {r.compared_with})" if isinstance(r.compared_with, str) else ""),
             _cell(r)]
            for r in frame.itertuples() if r.measure not in ("rank_direction",)]
    answer = Answer(c.text, {}, headline=_headline(a, c, frame, name),
                    tables=[Table(f"{name} by area", ["Area", "Period", "Measure", "Figure"], rows)])
    if missing:
        answer.notes.insert(0, f"The data has no {name} figures for {', '.join(area_name(a, x) for x in missing)}.")
    others = set(frame.area) - {home}
    if not others:
        answer.notes.append(f"The data gives no other district's or {a.partnership.county_short_name} figure for "
                            f"{name}; only {area_name(a, home)}'s, with its county rank.")
    a.annotate(answer, indicator, home, list(frame.period.unique()), set(frame.table_id))
    return answer


def _cell(r) -> str:
    if r.measure in ("rank", "county_rank"):
        return fmt_rank(r.value, r.flag)
    if r.measure in ("pct_change", "volume_change", "pp_change"):
        return fmt_change(r.value, r.digits, "%" if r.measure == "pct_change" else "")
    return fmt_number(r.value, r.digits, "%" if r.measure in PERCENT_MEASURES else "")


def _headline(a: Answerer, c: Command, frame, name: str) -> str:
    """The figures side by side for the latest period and measure that two or more areas share."""
    plain = frame[frame.compared_with.isna() & frame.measure.isin(HEADLINE_MEASURES)]
    wanted = {"rate": ["rate_per_1000"], "percent": ["percent", "pct_change"]}.get(c.measure, list(HEADLINE_MEASURES))
    best = None
    for (period, measure), group in plain.groupby(["period", "measure"]):
        if measure not in wanted or group.area.nunique() < 2:
            continue
        key = (str(a.periods[period].end), -wanted.index(measure), group.area.nunique())
        if best is None or key > best[0]:
            best = (key, period, measure, group)
    if best is None:
        return f"{name}: the areas the assessment gives (no period has figures for two of them to set side by side)."
    _, period, measure, group = best
    c.period = c.period or period  # understood: the period set side by side
    label = own_period_label(a, c.indicator, period,
                             period if a.periods[period].kind == "financial_year" else a.periods[period].label)
    order = {a.home: 0}
    parts = [f"{r.area_name} {_cell(r)}" for r in sorted(group.itertuples(), key=lambda r: (order.get(r.area, 1),
                                                                                          r.area_name))]
    what = "" if measure in ("count", "percent") else MEASURE_LABEL.get(measure, measure).lower() + ", "
    here = frame[(frame.area == a.home) & (frame.period == period)]
    rank = here[here.measure == "county_rank"]
    rise = here[here.measure == "increase_rank"]
    changed = measure in ("pct_change", "volume_change", "pp_change")
    if changed and len(rise) and a.home in set(group.area):  # beside a change, its place among the changes
        parts[0] += (f" (rank of the increase {fmt_rank(rise.value.iloc[0], rise.flag.iloc[0])} {a.partnership.of_peers},"
                     " 1 = largest)")
    elif len(rank) and a.home in set(group.area):  # the home district's place among its peers beside its figure
        parts[0] += (f" (county rank {fmt_rank(rank.value.iloc[0], rank.flag.iloc[0])} {a.partnership.of_peers}"
                     + (" for the level, not the change" if changed else "") + ")")
    return f"{name}, {what}{label}: " + "; ".join(parts) + "."
