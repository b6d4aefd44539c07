"""A sub-group's priority pack: its indicators' latest figures, ward hotspots and the areas beside them."""
from __future__ import annotations

import re

from typing import TYPE_CHECKING

import pandas as pd

from ..parse import Command
from .base import (
    ARROW,
    KIND_ORDER,
    MEASURE_LABEL,
    Answer,
    NoAnswer,
    Table,
    _drop_empty,
    area_name,
    fmt_change,
    fmt_number,
    fmt_rank,
    own_period_label,
    pct_digits,
)

if TYPE_CHECKING:
    from .answerer import Answerer


def _part(a: Answerer, have: set, asked: str) -> str | None:
    """The period asked, if the figure has it; else the part of it the figure has from its start (2013/14: April to
    September 2013; 'since april 2013': the span from then)."""
    if asked in have:
        return asked
    if asked not in a.periods:
        return None
    start, end = a.periods[asked].start, a.periods[asked].end
    month = a.periods[asked].kind == "month"
    parts = [p for p in have if p in a.periods and a.periods[p].start == start and a.periods[p].kind == "span"
             and (month or a.periods[p].end <= end)]
    return max(parts, key=lambda p: a.periods[p].end) if parts else None


def priority(a: Answerer, c: Command) -> Answer:
    years = sorted(set(a.priorities.year))
    within = None  # a figure that is one of a priority's, not its lead: "is criminal damage a priority"
    if not c.priority and c.indicator:  # "which team deals with young drivers getting hurt": the priority it is in
        owners = [r for r in a.priorities.itertuples() if c.indicator in str(r.indicators or "").split(",")]
        lead = [r for r in owners if c.indicator in str(r.headline_indicators or "").split(",")]
        if len(lead or owners) == 1:
            c.priority = (lead or owners)[0].id
            within = None if lead else c.indicator
    others = [x for x in c.areas if x != a.home]
    text = c.text.lower()
    named = a.named_beside_priority(c) if c.priority else []
    if c.priority and others and named and re.search(r"\b(?:sub ?-?groups?|groups?|grp|forum|board|team|panel)\b", text) \
            and not re.search(r"\b(?:priorit\w*|pack|digest|themes?)\b", text):
        # "for the asb subgroup: asb in park wood": the figure for the place, the group left aside
        from .figure import figure

        c.context.append(a.group_named(c.priority))
        c.kind, c.priority, c.indicator, c.indicators, c.choices = "figure", None, named[0], named[:1], []
        c.area = others[0]
        return figure(a, c)
    if c.priority and others:  # "priority 1 for thanet": the priorities, and their figures, are the home district's
        place = area_name(a, others[0])
        lead = a.priorities.set_index("id").loc[c.priority].headline_indicators
        lead = str(lead).split(",")[0] if isinstance(lead, str) and lead else None
        ask = f"{a.indicators[lead].name.lower()} {place.lower()}" if lead else f"compare {c.priority.replace('_', ' ')}"
        raise NoAnswer(f"The partnership's priorities and their figures are {area_name(a, a.home)}'s, not {place}'s. "
                       f"Ask for a figure for {place}: `{ask}`.", [ask, f"priority {c.priority.replace('_', ' ')}"])
    asked = None  # 'dv priority figures 2012/13': the priority's figures for a year it was not set for
    if c.since and not c.period and c.priority:
        asked = c.since  # 'priority 1 since april 2013': its figures from then
    if c.period and c.period not in years and c.priority:
        asked = c.period
    elif c.period and c.period not in years:
        raise NoAnswer(f"The assessment sets the partnership's priorities for {', '.join(years)} only, not for "
                       f"{c.period}.", [f"priorities {years[-1]}"])
    said = (f"from {a.periods[asked].label}" if asked == c.since and asked in a.periods else f"in {asked}") if asked else None
    if not c.priority:
        rows = [[(f"{int(r.number)}. " if not pd.isna(r.number) else "") + r.name,
                 r.kind.replace("_", " "), r.owner] for r in a.priorities.itertuples()]
        p = a.partnership
        named = ", ".join(years)
        if len(years) == 1:
            c.period, c.relative = years[0], None  # understood: the year the priorities are for
        asks = [f"`priority {r.id.replace('_', ' ')}`" for r in a.priorities.itertuples() if r.kind != "cross_cutting"]
        headline = f"The {p.name}'s priorities for {named}."
        if c.indicator and not any(c.indicator in str(r.indicators or "").split(",") for r in a.priorities.itertuples()):
            # "is burglary a priority": no priority has its figures; said first, the priorities listed below
            headline = (f"{a.indicators[c.indicator].name} is not among the figures of the {p.name}'s priorities for "
                        f"{named}; the priorities are below.")
        return Answer(c.text, {}, headline=headline,
                      tables=[Table(f"Priorities {named}", ["Priority", "Kind", "Owner"], rows)],
                      notes=[f"Ask for one: {', '.join(asks[:3])}."] if asks else [],
                      sources=[f"{p.name} {p.document}"])
    pri = a.priorities.set_index("id").loc[c.priority]
    frame = a.run("priority_figures", priority=c.priority)
    lead = frame[frame.headline.astype(bool)].indicator
    if len(lead):
        c.indicator = lead.iloc[0]  # understood: the priority's headline figure, whatever words named the priority
    answer = Answer(c.text, {}, headline=(f"{a.indicators[within].name} is not a priority of its own: it is one of the "
                                          f"figures of this priority. " if within else "")
                    + f"{pri['name']}: owned by {pri['owner']}." + (f" Its figures {said}, as asked." if asked else ""))
    if pri["kind"] == "cross_cutting":
        answer.notes.append("A cross-cutting theme: it runs through every priority and has no figures of its own.")
    borough, wards, beside = [], [], []
    for indicator, group in frame.groupby("indicator", sort=False):
        ward_rows = group[group.area_type == "ward"]
        in_period = (ward_rows.period == _part(a, set(ward_rows.period), asked)) if asked else True
        hot = ward_rows[in_period & ward_rows.measure.isin(["count", "percent", "rate_per_1000"])]
        for r in hot.sort_values(["period", "measure", "value"], ascending=[False, True, False]).itertuples():  # volume order
            wards.append([r.area_name, r.indicator_name, a.periods[r.period].label if asked and r.period in a.periods else r.period,
                          MEASURE_LABEL.get(r.measure, r.measure), fmt_number(r.value, r.digits)])
        mine = group[group.area == a.home]
        levels = mine[mine.measure.isin(["count", "percent"])]
        if levels.empty:
            continue
        kinds = levels.assign(order=levels.period_kind.map(KIND_ORDER)).sort_values(
            ["period_start", "order"], ascending=[False, True])
        latest = kinds.period.iloc[0]
        if asked:
            found = _part(a, set(mine.period), asked)  # an in-year change may come without a level
            if found is None:
                continue
            latest = found
        at = mine[mine.period == latest].set_index("measure")
        get = lambda m: at.loc[m] if m in at.index else None  # noqa: E731
        level = get("count") if get("count") is not None else get("percent")
        pct = level is not None and level.name == "percent"
        change, pchange, rate, rank, direction = (get(m) for m in (
            "pp_change" if pct else "volume_change", "pct_change", "rate_per_1000", "county_rank", "rank_direction"))
        borough.append([group.indicator_name.iloc[0] + (" (headline)" if group.headline.iloc[0] else ""),
                        own_period_label(a, indicator, latest) if not (asked and a.periods.get(latest) is not None and
                                                                       a.periods[latest].kind == "span")
                        else a.periods[latest].label,
                        fmt_number(level.value, level.digits, "%" if pct else "") if level is not None else "",
                        fmt_change(change.value, change.digits) if change is not None else "",
                        fmt_change(pchange.value, pct_digits(pchange.digits), "%") if pchange is not None else "",
                        fmt_number(rate.value, rate.digits) if rate is not None else "",
                        fmt_rank(rank.value, rank.flag) if rank is not None else "",
                        ARROW[int(direction.value)] if direction is not None else ""])
        for r in group[(group.area_type != "ward") & (group.area != a.home) & (group.period == latest)
                       & group.measure.isin(["count", "percent", "rate_per_1000", "pct_change"])].itertuples():
            beside.append([r.area_name, r.indicator_name, r.period, MEASURE_LABEL.get(r.measure, r.measure),
                           fmt_number(r.value, r.digits)])
        a.annotate(answer, indicator, a.home, [latest], set(group.table_id))
    if asked and not borough:
        raise NoAnswer(f"The data has no figures of the {pri['name']} priority for {area_name(a, a.home)} {said}.",
                       [f"priority {c.priority.replace('_', ' ')}"])
    if asked:
        answer.notes.append(f"The priorities are set for {', '.join(years)}; these are the priority's figures "
                            f"{said}, as asked (where a year is not over, the months the data has from its start). "
                            f"Figures the data does not give for {said} are left out.")
    columns = ["Indicator", "Period", "Figure", "Change", "% change", "Rate per 1,000", "County rank", "Direction"]
    rows, columns = _drop_empty(borough, columns)
    answer.tables.append(Table(f"{pri['name']}: {area_name(a, a.home)}'s "
                               f"{'figures ' + said if asked else 'latest figures'}", columns, rows))
    if wards:
        answer.tables.append(Table("Ward hotspots", ["Ward", "Indicator", "Period", "Measure", "Figure"], wards))
    if beside:
        answer.tables.append(Table(f"Beside {area_name(a, a.home)}", ["Area", "Indicator", "Period", "Measure", "Figure"], beside))
    if isinstance(pri["themes"], str) and pri["themes"]:
        answer.notes.insert(0, f"Themes: {pri['themes']}.")
    answer.notes.insert(0, pri["description"])
    return answer
