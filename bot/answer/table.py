"""A source table of the assessment, whole: "table 3.1 2012/13" (or "all categories 2012/13") gives every
category with its years, change, rate per 1,000, county rank and direction, as the assessment prints it, for
an analyst to paste (or take as Excel) in one go."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..parse import Command
from .base import (
    ARROW,
    Answer,
    NoAnswer,
    Table,
    _drop_empty,
    area_name,
    fmt_change,
    fmt_number,
    fmt_rank,
    own_period_label,
)

if TYPE_CHECKING:
    from .answerer import Answerer

LEVELS = ("count", "percent", "average_per_year")
AT_THE_PERIOD = [("volume_change", "Change"), ("pp_change", "Change (points)"), ("pct_change", "% change"),
                 ("rate_per_1000", "Rate per 1,000"), ("county_rank", "County rank"), ("rank_direction", "Direction")]


def _suggestions(a: Answerer) -> list[str]:
    """Tables to ask for instead: the pack's first numbered section, and every category."""
    sections = [str(s) for s in a.catalog.section if str(s)[:1].isdigit()]
    return ([f"table {sections[0]}"] if sections else []) + ["all categories"]


def source_tables(a: Answerer, c: Command) -> list[str]:
    """The catalog tables asked for: those of the section named ('table 3.1'), or for 'all categories' the
    table with the most categories for the home district."""
    catalog = a.catalog
    if c.table and c.table != "*":
        found = [t for t, row in catalog.iterrows() if str(row.section).strip() == c.table
                 and not str(row.file).startswith("imports/")]
        if not found:
            sections = ", ".join(dict.fromkeys(str(s) for s in catalog.section if str(s)[:1].isdigit()))
            has = (f"It has the assessment's tables of sections {sections}." if sections else
                   "It has no tables of a document, only imported figures.")
            raise NoAnswer(f"The data has no table {c.table}. {has}", _suggestions(a))
        return found
    sizes = {t: a.run("table_figures", table_id=t, area=c.area or a.home).indicator.nunique() for t in catalog.index}
    return [max(sizes, key=sizes.get)]


def table(a: Answerer, c: Command) -> Answer:
    area = c.area or a.home
    place = area_name(a, area)
    answer = Answer(c.text, {})
    periods_answered = []
    for table_id in source_tables(a, c):
        frame = a.run("table_figures", table_id=table_id, area=area)
        frame = frame[frame.compared_with.isna()]
        entry = a.catalog.loc[table_id]
        if frame.empty:
            continue
        years = frame[frame.measure.isin(LEVELS)]
        if c.period:
            if c.period not in set(frame.period):
                have = ", ".join(dict.fromkeys(frame.sort_values("period_start").period))
                raise NoAnswer(f"Table {entry.section} ({entry.title}) has no {place} figures for {c.period}; it has "
                               f"{have}.", [f"table {entry.section} {p}" for p in list(dict.fromkeys(
                                   frame.sort_values("period_start").period))[-2:]])
            period = c.period
        else:  # the latest period with a level, as the table prints it
            period = years.sort_values("period_start").period.iloc[-1] if len(years) else frame.period.iloc[-1]
        kind, start = frame[frame.period == period].period_kind.iloc[0], frame[frame.period == period].period_start.iloc[0]
        shown = years[(years.period_kind == kind) & (years.period_start <= start)]
        columns_periods = list(dict.fromkeys(shown.sort_values("period_start").period))
        rows = []
        for indicator, group in frame.groupby("indicator", sort=False):  # the order of the facts file
            by = {(r.period, r.measure): r for r in group.itertuples()}
            name = group.indicator_name.iloc[0]
            label = own_period_label(a, indicator, period, "")
            row = [name + (f" ({label.split('(', 1)[1]}" if "(" in label else "")]
            unit_pct = any(m == "percent" for _, m in by)
            for p in columns_periods:
                level = next((by[(p, m)] for m in LEVELS if (p, m) in by), None)
                row.append(fmt_number(level.value, level.digits, "%" if level and level.measure == "percent" else "")
                           if level is not None else "")
            for measure, _ in AT_THE_PERIOD:
                r = by.get((period, measure))
                if r is None:
                    row.append("")
                elif measure == "county_rank":
                    row.append(fmt_rank(r.value, r.flag))
                elif measure == "rank_direction":
                    row.append(ARROW.get(int(r.value), ""))
                elif measure == "rate_per_1000":
                    row.append(fmt_number(r.value, r.digits))
                elif measure == "pct_change":
                    row.append(fmt_change(r.value, 1 if pd.isna(r.digits) else min(int(r.digits), 2), "%"))
                else:
                    row.append(fmt_change(r.value, r.digits, " pts" if unit_pct and measure == "pp_change" else ""))
            if any(row[1:]):
                rows.append(row)
        columns = ["Category", *columns_periods, *(label for _, label in AT_THE_PERIOD)]
        rows, columns = _drop_empty(rows, columns)
        answer.tables.append(Table(f"Table {entry.section}: {entry.title}, {place}, {period}", columns, rows))
        a.annotate(answer, None, area, [period], {table_id})
        periods_answered.append(period)
    if not answer.tables:
        raise NoAnswer(f"The table asked for has no figures for {place}.", _suggestions(a)[:1])
    c.period = periods_answered[0]
    counts = ", ".join(f"{len(t.rows)} categories" for t in answer.tables)
    answer.headline = (f"{'; '.join(t.title for t in answer.tables)}: {counts}, each with its periods, change, rate "
                       "per 1,000 and county rank where the table gives them.")
    answer.notes.insert(0, "Each category's own notes: ask for it on its own (e.g. `shoplifting 2012/13`), or "
                           "`--notes full`.")
    return answer
