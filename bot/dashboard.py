"""What the App Home shows, without Slack: the partnership, how current its data is, each priority's
headline figure and direction, and the questions most asked.

The Slack layer renders a Dashboard as Block Kit (bot/slack/home.py); everything in it comes from the
data pack and the same answer functions as ``crimebot ask`` (``Answerer.headlines``, the priority pack).

>>> Direction.of(2, True), Direction.of(-1.5, False), Direction.of(0, None).words
(Direction(arrow='↑', words='up, the right way'), Direction(arrow='↓', words='down, the right way'), 'no change')
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from .answer import Answerer
from .answer.base import KIND_ORDER
from .database import imported_files
from .periods import MONTH_NAMES

# The kinds of question partners ask most, one click each on the App Home: (button, question).
COMMON_QUESTIONS = (("Rank changes", "rank changes"), ("Latest quarter", "all crime last quarter"),
                    ("Ward hotspots", "wards"))


@dataclass(frozen=True)
class Direction:
    """Which way a figure moved against the period before, and whether that is the right way."""

    arrow: str
    words: str

    @classmethod
    def of(cls, change: float | None, higher_is_better: bool | None) -> "Direction | None":
        if change is None or pd.isna(change):
            return None
        if change == 0:
            return cls("→", "no change")
        up = change > 0
        way = "" if higher_is_better is None or pd.isna(higher_is_better) else \
            (", the right way" if up == bool(higher_is_better) else ", the wrong way")
        return cls("↑" if up else "↓", ("up" if up else "down") + way)


@dataclass(frozen=True)
class PriorityLine:
    id: str
    name: str
    owner: str
    headline: str  # "Shoplifting, 2012/13: 994; -72 (-6.8%); county rank 10 ↓ declined"
    direction: Direction | None
    ask: str  # the question that gives the whole priority pack: "priority road safety"


@dataclass(frozen=True)
class Dashboard:
    partnership: str
    document: str
    currency: str  # "Figures to December 2013; police.uk imported 2 April 2026"
    priorities: list[PriorityLine] = field(default_factory=list)
    questions: tuple[tuple[str, str], ...] = COMMON_QUESTIONS


def month_year(day: str | date) -> str:
    """A day's month, in words.

    >>> month_year("2013-12-31")
    'December 2013'
    """
    day = date.fromisoformat(day) if isinstance(day, str) else day
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"


def currency_line(answerer: Answerer, state_dir: Path) -> str:
    """How current the data is: the last month any figure covers, and when police.uk was last imported."""
    frame = answerer.run("data_currency")
    if frame.empty:
        return "The data has no figures yet."
    parts = [f"Figures to {month_year(max(frame.figures_to))}"]
    own = frame[~frame.imported.astype(bool)]
    imported = frame[frame.imported.astype(bool)]
    if len(imported) and len(own):
        parts[0] += f" (the assessment's own to {month_year(own.figures_to.iloc[0])})"
    police = [p for p in imported_files(state_dir) if p.parent.name == "police-uk"]
    if police:
        when = datetime.fromtimestamp(max(p.stat().st_mtime for p in police)).date()
        parts.append(f"police.uk imported {when.day} {MONTH_NAMES[when.month - 1]} {when.year}")
    else:
        parts.append("no police.uk months imported")
    return "; ".join(parts)


def headline_direction(answerer: Answerer, priority: str, home: str) -> Direction | None:
    """The direction of a priority's headline indicator at home, at its latest period with a level (the
    period the priority pack shows), from the figures themselves, not from the pack's formatted cells."""
    frame = answerer.run("priority_figures", priority=priority)
    frame = frame[(frame.area == home) & frame.headline.astype(bool)]
    levels = frame[frame.measure.isin(["count", "percent"])]
    if levels.empty:
        return None
    latest = levels.assign(order=levels.period_kind.map(KIND_ORDER)).sort_values(
        ["period_start", "order"], ascending=[False, True])
    indicator, period = latest.indicator.iloc[0], latest.period.iloc[0]
    at = frame[(frame.indicator == indicator) & (frame.period == period)].set_index("measure").value
    change = next((at[m] for m in ("volume_change", "pp_change", "pct_change") if m in at.index), None)
    return Direction.of(change, answerer.indicators[indicator].higher_is_better)


def dashboard(answerer: Answerer, state_dir: Path) -> Dashboard:
    """The App Home's content for the data being served."""
    partnership = answerer.partnership
    lines = [PriorityLine(h["id"], h["name"], h["owner"], h["headline"],
                          headline_direction(answerer, h["id"], partnership.home), h["ask"])
             for h in answerer.headlines()]
    return Dashboard(partnership.name, partnership.document, currency_line(answerer, state_dir), lines)
