"""County ranks: every category's rank against the year before."""
from __future__ import annotations

import dataclasses
import re

from typing import TYPE_CHECKING

import pandas as pd

from ..parse import Command, parse
from ..words import normalise
from .base import (
    ARROW,
    MEASURE_LABEL,
    Answer,
    NoAnswer,
    Table,
    _drop_empty,
    area_name,
    fmt_change,
    fmt_number,
    pct_digits,
    fmt_rank,
)

if TYPE_CHECKING:
    from .answerer import Answerer


def rank_changes(a: Answerer, c: Command) -> Answer:
    if c.area and a.vocab.area_types.get(c.area) == "county":
        c.area = a.home  # "what did we improve on in the kent rankings": the county is the field, not the place
    area = c.area or a.home
    ranked = a.run("ranked_periods", area=area)
    years = sorted(set(ranked[ranked.measure == "rank_direction"].period))
    crime = parse("crime", a.vocab).indicator  # the indicator 'crime' alone names (all crime)
    if not years and crime and area != a.home:
        try:  # "kent police national rank": the area's rank for all crime, where the data has one
            answer = rank(a, dataclasses.replace(c, indicator=crime, indicators=[crime], kind="rank"))
            c.indicator, c.kind = crime, "rank"
            return answer
        except NoAnswer:
            pass
    if not years:
        raise NoAnswer(f"The data gives no county rank changes for {area_name(a, area)}; "
                       f"it gives them for {area_name(a, a.home)} only.", ["rank changes"])
    if c.period and c.period not in years and c.period in {a.period_index.year_before(y) for y in years}:
        c.period = next(y for y in years if a.period_index.year_before(y) == c.period)  # "v 2011/12": against it
    period = c.period = c.period or years[-1]  # understood: the year answered
    c.relative = None
    if period not in years:
        raise NoAnswer(f"The assessment gives county rank changes only for {', '.join(years)}.",
                       [f"rank changes {y}" for y in years])
    previous = (a.period_index.year_before(period) or period)
    frame = a.run("rank_changes", area=area, period=period, previous=previous)
    if c.excluded:  # "everything except asb": that category left out, as asked
        names = {a.vocab.names[("indicator", i)] for i in c.excluded}
        frame = frame[~frame.category.isin(names)]
    rows = [[r.category, fmt_rank(r.rank_before, None), fmt_rank(r.rank_now, r.rank_flag),
             ARROW[int(r.direction)]] for r in frame.itertuples()]
    counts = frame.direction.value_counts()
    text = normalise(c.text)
    named = {1: bool(re.search(r"\b(?:improv\w*|better|up|climb\w*|ris\w*|rose|risers)\b", text)),
             -1: bool(re.search(r"\b(?:declin\w*|worse|slip\w*|fell|fallen|drop\w*|down|fallers)\b", text)),
             0: bool(re.search(r"\b(?:hold|held|kept|same|unchanged|stay\w*)\b", text))}

    def moved(direction: int, word: str) -> str:  # "14 improved (Robbery, ...)" when that way was asked about
        which = [r.category for r in frame.itertuples() if int(r.direction) == direction]
        return f"{counts.get(direction, 0)} {word}" + (f" ({', '.join(which)})" if named[direction] and which else "")
    headline = (f"{area_name(a, area)}'s county ranks {period} against {previous}: {moved(1, 'improved')}, "
                f"{moved(0, 'unchanged')}, {moved(-1, 'declined')}.")
    answer = Answer(c.text, {}, headline=headline, tables=[Table(
        f"County rank changes, {period}", ["Category", f"Rank {previous}", f"Rank {period}", "Direction"], rows)])
    notes = a.run("notes", indicator=None, area=area, periods=[period, previous])
    for r in notes[notes.measure.isin(["rank_direction", "county_rank"])].itertuples():
        answer.notes.append(f"Data note ({a.vocab.names[('indicator', r.indicator)]}): {r.note}")
    answer.notes.append(f"County rank among {a.partnership.peers_phrase} by rate per 1,000; 1 = best. "
                        f"Ranks for {previous} are given only where the text states them.")
    a.annotate(answer, "", area, [], set(frame.table_id))
    answer.series = {"kind": "ranks", "title": f"{area_name(a, area)}'s county rank by category",
                     "when": f"{period} against {previous}", "unit": f"county rank (1 = lowest rate {a.partnership.of_peers})",
                     "peers": len(a.partnership.peers), "peer_group": a.partnership.peer_group,
                     "before_label": previous, "now_label": period,
                     "ranks": [(r.category, None if pd.isna(r.rank_before) else int(r.rank_before),
                                None if pd.isna(r.rank_now) else int(r.rank_now), int(r.direction))
                               for r in frame.itertuples()]}
    return answer


RANK_MEASURES = ("county_rank", "rank", "ward_rank_in_kent", "msg_rank", "national_rank", "increase_rank")


def rank(a: Answerer, c: Command) -> Answer:
    """One category's rank: "where do we rank for robbery", "our rank for drugs in 2011/12", IMD ranks."""
    indicator = a._need_indicator(c, "rank")
    area = c.area or a.home
    ind = a.indicators[indicator]
    frame = a.run("ranks", indicator=indicator, area=area)
    ranked = frame[frame.measure.isin(RANK_MEASURES)]
    if ranked.empty:
        others = a.cursor().execute(
            "SELECT DISTINCT i.name FROM figures f JOIN indicators i ON i.id = f.indicator "
            "WHERE f.measure = 'county_rank' AND f.area = ? ORDER BY 1", [area]).fetchall()
        raise NoAnswer(f"The assessment gives no rank for {ind.name} in {area_name(a, area)}. "
                       f"It gives county ranks for: {', '.join(r[0] for r in others[:12])}"
                       + (", ..." if len(others) > 12 else "") + ".",
                       [f"{ind.name.lower()}"] + [f"rank {r[0].lower()}" for r in others[:2]])
    periods = list(dict.fromkeys(ranked.sort_values("period_start").period))
    order = list(RANK_MEASURES)
    for word, measure in (("national", "national_rank"), ("similar", "msg_rank"), ("ward", "ward_rank_in_kent")):
        if word in c.text.lower():
            order.insert(0, order.pop(order.index(measure)))  # "national ranking": that rank first
    first = next(m for m in order if m in set(ranked.measure))  # the county rank before others
    main = list(dict.fromkeys(ranked[ranked.measure == first].sort_values("period_start").period))
    if c.period and c.period not in periods and re.fullmatch(r"\d{4}-\d\d", c.period):
        # "rank as at march 2013": the year the assessment ranks that ends in that month
        ending = [p for p in periods if p in a.periods and str(a.periods[p].end)[:7] == c.period]
        if len(ending) == 1:
            c.period = ending[0]
    if c.period and c.period not in periods:
        label = a.periods[c.period].label if c.period in a.periods else c.period
        raise NoAnswer(f"The assessment gives no rank for {ind.name} in {area_name(a, area)} for {label}; "
                       f"it gives one for {', '.join(periods)}.", [f"rank {ind.name.lower()} {p}" for p in periods[-2:]])
    years = [p for p in main if a.periods[p].kind == "financial_year"]
    period = c.period or (years[-1] if years else main[-1])  # the last full year, as the figure answers
    c.period = period
    at = {r.measure: r for r in frame[frame.period == period].itertuples()}
    measure = next((m for m in order if m in at), next(m for m in RANK_MEASURES if m in at))
    value = at[measure]
    place = area_name(a, area)
    label = period if a.periods[period].kind == "financial_year" else a.periods[period].label
    of = f" {a.partnership.of_peers}" if measure in ("county_rank", "increase_rank") else ""
    field = re.search(r"\b(?:of|among the) (\d+)\b", ind.name) if measure == "rank" else None
    if field:  # the field a rank is out of, as the indicator's name gives it ('1 = most deprived of 326')
        of = f" of {field.group(1)}"
    text = f"{place}'s {MEASURE_LABEL.get(measure, measure).lower()} for {ind.name}, {label}: {fmt_rank(value.value, value.flag)}{of}"
    if "rank_direction" in at and not pd.isna(at["rank_direction"].value):
        direction = int(at["rank_direction"].value)
        text += f" ({ARROW[direction]}"
        before = a.period_index.year_before(period)
        prior = frame[(frame.period == before) & (frame.measure == measure)] if before else frame.iloc[0:0]
        if len(prior):
            text += f" from {fmt_rank(prior.value.iloc[0], prior.flag.iloc[0])}{of} in {before}"
        text += ")"
    if "rank_change" in at:
        change = at["rank_change"].value
        text += f"; {abs(int(change))} place{'s' if abs(change) != 1 else ''} " + (
            "towards 1" if change > 0 else "away from 1") + " since the previous edition" if change else ""
    if "count" in at:  # the figure ranked, its change and its rate: "994 crimes (+60, +6.4%), rate 6.38 per 1,000"
        text += f"; {fmt_number(at['count'].value, at['count'].digits)} {ind.unit}"
        changes = [fmt_change(at[m].value, pct_digits(at[m].digits) if m == "pct_change" else 0,
                              "%" if m == "pct_change" else "")
                   for m in ("volume_change", "pct_change") if m in at]
        if changes:
            text += f" ({', '.join(changes)} on the year before)"
    elif "percent" in at:  # a survey's share ranked: "5.4%"
        text += f"; {fmt_number(at['percent'].value, at['percent'].digits, '%')}"
    if "rate_per_1000" in at:
        text += f"{',' if 'count' in at else ';'} rate {fmt_number(at['rate_per_1000'].value, at['rate_per_1000'].digits)} per 1,000"
    answer = Answer(c.text, {}, headline=text + ".")
    later = [p for p in main if a.periods[p].end > a.periods[period].end]
    if later and not c.period:
        by = {r.measure: r for r in frame[frame.period == later[-1]].itertuples()}
        if first in by:
            answer.notes.append(f"Later: {MEASURE_LABEL.get(first, first).lower()} {fmt_rank(by[first].value, by[first].flag)}"
                                f" for {a.periods[later[-1]].label}.")
    rows = []
    for p in periods:
        by = {r.measure: r for r in frame[frame.period == p].itertuples()}
        cells = [p if a.periods[p].kind == "financial_year" else a.periods[p].label]
        for m in RANK_MEASURES:
            cells.append(fmt_rank(by[m].value, by[m].flag) if m in by else "")
        cells.append(ARROW.get(int(by["rank_direction"].value), "") if "rank_direction" in by else "")
        cells.append(fmt_number(by["rate_per_1000"].value, by["rate_per_1000"].digits) if "rate_per_1000" in by else "")
        rows.append(cells)
    columns = ["Period"] + [MEASURE_LABEL.get(m, m) for m in RANK_MEASURES] + ["Direction", "Rate per 1,000"]
    rows, columns = _drop_empty(rows, columns)
    answer.tables.append(Table(f"{ind.name}: {place}'s ranks", columns, rows))
    if measure == "county_rank":
        answer.notes.append(f"County rank among {a.partnership.peers_phrase} by rate per 1,000; 1 = lowest rate "
                            "(best) unless a note says otherwise.")
    if measure == "ward_rank_in_kent":  # the other way round from the district ranks: say so, first
        answer.headline = answer.headline[:-1] + " (1 = highest in Kent)."
        answer.notes.insert(0, "A ward's rank among the county's wards runs the other way from the district ranks: "
                               "1 = the highest in Kent.")
    a.annotate(answer, indicator, area, periods, set(ranked.table_id))
    return answer
