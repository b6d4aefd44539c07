"""Direction: "is criminal damage going down", "has asb gone up or down".

The headline answers yes or no with the latest change on the period a year before; for a monthly
series it adds the latest year to date against the same months a year before. The figure in context
follows, as for a figure question.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..parse import Command
from .base import Answer, fmt_change, fmt_number
from .figure import figure

if TYPE_CHECKING:
    from .answerer import Answerer


def direction(a: Answerer, c: Command) -> Answer:
    answer = figure(a, c)
    indicator = c.indicator
    ind = a.indicators[indicator]
    area = c.area or "maidstone"
    p = a.periods[c.period]
    frame = a.run("figure", indicator=indicator, area=area, kind=p.kind, until=p.start)
    row = frame[frame.period == c.period]
    if row.empty:
        return answer
    row = row.iloc[0]
    pct = row["value_measure"] == "percent"
    change = row["pp_change"] if pct else row["volume_change"]
    if pd.isna(change) and len(frame) > 1:
        before = frame[frame.period != c.period].iloc[-1]
        change = row["value"] - before["value"]
    if pd.isna(change):
        answer.notes.insert(0, "The data gives no change for this period, so no direction.")
        return answer
    asked = "up" if "up" in c.cues and "down" not in c.cues else "down" if "down" in c.cues and "up" not in c.cues else None
    went = "up" if change > 0 else "down" if change < 0 else "level"
    better = ind.higher_is_better
    judged = ""
    if went != "level" and isinstance(better, (bool,)) or better in ("true", "false", True, False):
        good = (went == "up") == (str(better).lower() == "true")
        judged = " (better)" if good else " (worse)"
    label = c.period if p.kind == "financial_year" else p.label
    amount = (fmt_change(change, 1) + " points" if pct else
              fmt_change(change) + (f" ({fmt_change(row['pct_change'], 1, '%')})" if not pd.isna(row["pct_change"]) else ""))
    value = fmt_number(row["value"], row["value_digits"], "%" if pct else "")
    yes = "" if asked is None else ("Yes: " if asked == went else "No: ")
    verb = {"up": "went up", "down": "went down", "level": "was unchanged"}[went]
    answer.headline = (f"{yes}{ind.name} in {a.vocab.names[('area', area)]} {verb}{judged}: {value}"
                       f"{'' if pct else ' ' + ind.unit} in {label}, {amount} on the period a year before.")
    return answer
