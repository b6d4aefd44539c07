"""A sub-group's priority pack: its indicators' latest figures, ward hotspots and the areas beside them."""
from __future__ import annotations

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


def priority(a: Answerer, c: Command) -> Answer:
    years = sorted(set(a.priorities.year))
    if not c.priority and c.indicator:  # "which team deals with young drivers getting hurt": the priority it is in
        owners = [r for r in a.priorities.itertuples() if c.indicator in str(r.indicators or "").split(",")]
        lead = [r for r in owners if c.indicator in str(r.headline_indicators or "").split(",")]
        if len(lead or owners) == 1:
            c.priority = (lead or owners)[0].id
    asked = None  # 'dv priority figures 2012/13': the priority's figures for a year it was not set for
    if c.period and c.period not in years and c.priority:
        asked = c.period
    elif c.period and c.period not in years:
        raise NoAnswer(f"The assessment sets the partnership's priorities for {', '.join(years)} only, not for "
                       f"{c.period}.", [f"priorities {years[-1]}"])
    if not c.priority:
        rows = [[(f"{int(r.number)}. " if not pd.isna(r.number) else "") + r.name,
                 r.kind.replace("_", " "), r.owner] for r in a.priorities.itertuples()]
        p = a.partnership
        named = ", ".join(years)
        if len(years) == 1:
            c.period, c.relative = years[0], None  # understood: the year the priorities are for
        asks = [f"`priority {r.id.replace('_', ' ')}`" for r in a.priorities.itertuples() if r.kind != "cross_cutting"]
        return Answer(c.text, {}, headline=f"The {p.name}'s priorities for {named}.",
                      tables=[Table(f"Priorities {named}", ["Priority", "Kind", "Owner"], rows)],
                      notes=[f"Ask for one: {', '.join(asks[:3])}."] if asks else [],
                      sources=[f"{p.name} {p.document}"])
    pri = a.priorities.set_index("id").loc[c.priority]
    frame = a.run("priority_figures", priority=c.priority)
    lead = frame[frame.headline.astype(bool)].indicator
    if len(lead):
        c.indicator = lead.iloc[0]  # understood: the priority's headline figure, whatever words named the priority
    answer = Answer(c.text, {}, headline=f"{pri['name']}: owned by {pri['owner']}." + (
        f" Its figures for {asked}, as asked." if asked else ""))
    if pri["kind"] == "cross_cutting":
        answer.notes.append("A cross-cutting theme: it runs through every priority and has no figures of its own.")
    borough, wards, beside = [], [], []
    for indicator, group in frame.groupby("indicator", sort=False):
        mine = group[group.area == a.home]
        levels = mine[mine.measure.isin(["count", "percent"])]
        if levels.empty:
            continue
        kinds = levels.assign(order=levels.period_kind.map(KIND_ORDER)).sort_values(
            ["period_start", "order"], ascending=[False, True])
        latest = kinds.period.iloc[0]
        if asked:
            if asked not in set(levels.period):
                continue
            latest = asked
        at = mine[mine.period == latest].set_index("measure")
        get = lambda m: at.loc[m] if m in at.index else None  # noqa: E731
        level = get("count") if get("count") is not None else get("percent")
        pct = level is not None and level.name == "percent"
        change, pchange, rate, rank, direction = (get(m) for m in (
            "pp_change" if pct else "volume_change", "pct_change", "rate_per_1000", "county_rank", "rank_direction"))
        borough.append([group.indicator_name.iloc[0] + (" (headline)" if group.headline.iloc[0] else ""),
                        own_period_label(a, indicator, latest), fmt_number(level.value, level.digits, "%" if pct else ""),
                        fmt_change(change.value, change.digits) if change is not None else "",
                        fmt_change(pchange.value, pct_digits(pchange.digits), "%") if pchange is not None else "",
                        fmt_number(rate.value, rate.digits) if rate is not None else "",
                        fmt_rank(rank.value, rank.flag) if rank is not None else "",
                        ARROW[int(direction.value)] if direction is not None else ""])
        hot = group[(group.area_type == "ward") & ((group.period == asked) if asked else True) & group.measure.isin(["count", "percent", "rate_per_1000"])]
        for r in hot.sort_values(["period", "measure", "value"], ascending=[False, True, False]).itertuples():  # volume order
            wards.append([r.area_name, r.indicator_name, r.period, MEASURE_LABEL.get(r.measure, r.measure),
                          fmt_number(r.value, r.digits)])
        for r in group[(group.area_type != "ward") & (group.area != a.home) & (group.period == latest)
                       & group.measure.isin(["count", "percent", "rate_per_1000", "pct_change"])].itertuples():
            beside.append([r.area_name, r.indicator_name, r.period, MEASURE_LABEL.get(r.measure, r.measure),
                           fmt_number(r.value, r.digits)])
        a.annotate(answer, indicator, a.home, [latest], set(group.table_id))
    if asked and not borough:
        raise NoAnswer(f"The data has no figures of the {pri['name']} priority for {area_name(a, a.home)} in {asked}.",
                       [f"priority {c.priority.replace('_', ' ')}"])
    if asked:
        answer.notes.append(f"The priorities are set for {', '.join(years)}; these are the priority's figures for "
                            f"{asked}, as asked. Figures the data does not give for {asked} are left out.")
    columns = ["Indicator", "Period", "Figure", "Change", "% change", "Rate per 1,000", "County rank", "Direction"]
    rows, columns = _drop_empty(borough, columns)
    answer.tables.append(Table(f"{pri['name']}: {area_name(a, a.home)}'s "
                               f"{'figures for ' + asked if asked else 'latest figures'}", columns, rows))
    if wards:
        answer.tables.append(Table("Ward hotspots", ["Ward", "Indicator", "Period", "Measure", "Figure"], wards))
    if beside:
        answer.tables.append(Table(f"Beside {area_name(a, a.home)}", ["Area", "Indicator", "Period", "Measure", "Figure"], beside))
    if isinstance(pri["themes"], str) and pri["themes"]:
        answer.notes.insert(0, f"Themes: {pri['themes']}.")
    answer.notes.insert(0, pri["description"])
    return answer
