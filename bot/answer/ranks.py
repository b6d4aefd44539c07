"""County ranks: every category's rank against the year before."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..parse import Command
from .base import ARROW, Answer, NoAnswer, Table, area_name, fmt_rank

if TYPE_CHECKING:
    from .answerer import Answerer


def rank_changes(a: Answerer, c: Command) -> Answer:
    area = c.area or "maidstone"
    period = c.period or "2012/13"
    ranked = a.cursor().execute("SELECT DISTINCT period FROM figures WHERE measure = 'rank_direction' AND area = ?",
                              [area]).fetchall()
    years = sorted(r[0] for r in ranked)
    if not years:
        raise NoAnswer(f"The data gives no county rank changes for {area_name(a, area)}; "
                       "it gives them for Maidstone only.", ["rank changes"])
    if c.period is None:
        period = years[-1]
    if period not in years:
        raise NoAnswer(f"The assessment gives county rank changes only for {', '.join(years)}.",
                       [f"rank changes {y}" for y in years])
    previous = (a.period_index.year_before(period) or period)
    frame = a.run("rank_changes", area=area, period=period, previous=previous)
    rows = [[r.category, fmt_rank(r.rank_before, None), fmt_rank(r.rank_now, r.rank_flag),
             ARROW[int(r.direction)]] for r in frame.itertuples()]
    counts = frame.direction.value_counts()
    headline = (f"{area_name(a, area)}'s county ranks {period} against {previous}: "
                f"{counts.get(1, 0)} improved, {counts.get(0, 0)} unchanged, {counts.get(-1, 0)} declined.")
    answer = Answer(c.text, {}, headline=headline, tables=[Table(
        f"County rank changes, {period}", ["Category", f"Rank {previous}", f"Rank {period}", "Direction"], rows)])
    notes = a.run("notes", indicator=None, area=area, periods=[period, previous])
    for r in notes[notes.measure.isin(["rank_direction", "county_rank"])].itertuples():
        answer.notes.append(f"Data note ({a.vocab.names[('indicator', r.indicator)]}): {r.note}")
    answer.notes.append("County rank among the 12 Kent districts by rate per 1,000; 1 = best. "
                        f"Ranks for {previous} are given only where the text states them.")
    a.annotate(answer, "", area, [], set(frame.table_id))
    answer.series = {"kind": "ranks", "title": f"{area_name(a, area)}'s county rank by category",
                     "when": f"{period} against {previous}", "unit": "county rank (1 = lowest rate of 12)",
                     "before_label": previous, "now_label": period,
                     "ranks": [(r.category, None if pd.isna(r.rank_before) else int(r.rank_before),
                                None if pd.isna(r.rank_now) else int(r.rank_now), int(r.direction))
                               for r in frame.itertuples()]}
    return answer
