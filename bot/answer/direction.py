"""Direction: "is criminal damage going down", "has asb gone up or down".

The headline answers yes or no with the latest change on the period a year before; for a monthly
series it adds the latest year to date against the same months a year before. The figure in context
follows, as for a figure question.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pandas as pd

from ..parse import Command
from ..periods import month_id, month_label
from ..words import normalise
from . import months
from .base import Answer, NoAnswer, change_text, fmt_change, fmt_number, pct_digits
from .figure import changes_against, figure, figure_rows
from .top import MOVED, NOT_FALLEN

if TYPE_CHECKING:
    from .answerer import Answerer


def _label(a: Answerer, period: str) -> str:
    """A period as the answer names it: a financial year by its id (2012/13), anything else by its label."""
    p = a.periods.get(period)
    return period if p is None or p.kind == "financial_year" else p.label


def direction(a: Answerer, c: Command) -> Answer:
    # "did crime go up last year": the last full year; "is crime going up this year": the latest period the data
    # has, in-year included
    explicit = c.period is not None or c.since is not None or (c.relative == 0 and bool(re.search(
        r"\b(?:last|previous|past) (?:full |financial |fin )?year\b", normalise(c.text))))
    if c.relative == 0 and not explicit:
        c.relative = None
    try:
        answer = figure(a, c)
    except NoAnswer:
        stated = _stated_direction(a, c)
        if stated is None:
            raise
        return stated
    _better_means_up(a, c)
    if not explicit:
        later = _latest_change(a, c)
        if later is not None:
            return _in_year(a, c, answer, later)
    indicator = c.indicator
    ind = a.indicators[indicator]
    area = c.area or a.home
    if c.period not in a.periods:  # months added up ('since october 2013'): the figure carries its change
        return answer
    p = a.periods[c.period]
    frame = figure_rows(a, indicator, area, p.kind, p.start)
    row = frame[frame.period == c.period]
    if row.empty:
        return answer
    row = row.iloc[0]
    pct = row["value_measure"] == "percent"
    change = row["pp_change"] if pct else row["volume_change"]
    earlier = c.since or c.against
    if earlier and earlier not in set(frame.period) and earlier in a.periods and a.periods[earlier].kind != p.kind:
        # "has unemployment gone down since 2010": the 2010 figure, though the latest is a month
        other = figure_rows(a, indicator, area, a.periods[earlier].kind, a.periods[earlier].start)
        if earlier in set(other.period):
            frame = pd.concat([other[other.period == earlier], frame], ignore_index=True)
    if earlier and earlier in set(frame.period) and row["value_measure"] != "rank":  # "since 2010/11": against it
        then = frame[frame.period == earlier].iloc[0]
        if not pd.isna(then["value"]) and not pd.isna(row["value"]):
            diff = row["value"] - then["value"]
            went = "up" if diff > 0 else "down" if diff < 0 else "level"
            yes = _yes(c, went)
            unit = "%" if pct else ""
            amount = change_text(then["value"], row["value"], pct)
            verb = {"up": "went up", "down": "went down", "level": "was unchanged"}[went]
            unsteady = _not_steadily(a, frame, earlier, c.period, went, then["value"], unit)
            if unsteady and yes and re.search(r"\b(?:whole time|all the time|every year|each year|steadil\w*|"
                                              r"consistent\w*|all the way|continuous\w*|year on year|every time)\b",
                                              (c.text or "").lower()):
                yes = "No, not every year: "  # 'has it been falling the whole time?'
            answer.headline = (f"{yes}{ind.name} in {a.vocab.names[('area', area)]} {verb} from "
                               f"{fmt_number(then['value'], then['value_digits'], unit)} in {_label(a, earlier)} to "
                               f"{fmt_number(row['value'], row['value_digits'], unit)} in {_label(a, c.period)}: {amount}."
                               + unsteady)
            return answer
    against = changes_against(a, indicator, area, c.period)
    if earlier and earlier not in set(frame.period) and earlier in against:
        return answer  # "how much has crime fallen since 2009/10": the change the data gives against that year
    if pd.isna(change) and not pd.isna(row["pct_change"]):
        change = row["pct_change"]  # only the % change is given: its sign is the direction
    since_label = None  # what the change is against, when it is not the period a year before
    year_ago = f"{int(c.period[:4]) - 1}{c.period[4:]}" if p.kind == "month" else None
    earlier_rows = frame[frame.period < c.period].period.tolist() if p.kind == "month" else []
    month_before = month_id(int(c.period[:4]), int(c.period[5:7]) - 1) if p.kind == "month" else None
    if pd.isna(change) and year_ago and year_ago in set(frame.period):  # "has crime gone up in may 2013": May 2012
        change = row["value"] - frame[frame.period == year_ago].iloc[0]["value"]
    elif pd.isna(change) and earlier_rows and earlier_rows[-1] == month_before:
        pass  # a monthly series without the month a year before: not the month before, read as a year's change
    elif pd.isna(change) and len(frame) > 1:
        before = frame[frame.period != c.period].iloc[-1]
        change = row["value"] - before["value"]
        if p.kind == "month":  # a series with gaps ('unemployment nov 2013'): against the figure before, named
            since_label = month_label(before["period"]) if re.match(r"^\d{4}-\d{2}$", str(before["period"])) \
                else str(before["period"])
    if pd.isna(change):  # a span of a monthly series: against the same months a year before, added up
        change = _on_same_months(a, indicator, area, c.period)
    if pd.isna(change) and against:
        return answer  # "claimant count jul 2012 monthly and annual change": its changes against other dates
    if pd.isna(change) and re.search(r"\b(?:growth|change|increase|reduction)\b", ind.name.lower()):
        c.kind = "figure"  # "how fast is the population expected to grow": the figure is itself the change
        return answer
    if pd.isna(change):
        raise NoAnswer(f"The data gives one {ind.name} figure for {a.vocab.names[('area', area)]} ({c.period}) and no "
                       "change, so it cannot say whether it is going up or down. Ask for the figure: "
                       f"`{ind.name.lower()} {a.vocab.names[('area', area)].lower()}`.",
                       [f"{ind.name.lower()} {a.vocab.names[('area', area)].lower()}"])
    asked = _asked(c)
    went = "up" if change > 0 else "down" if change < 0 else "level"
    better = ind.higher_is_better
    judged = ""
    if went != "level" and str(better).lower() in ("true", "false"):
        good = (went == "up") == (str(better).lower() == "true")
        judged = " (better)" if good else " (worse)"
    label = c.period if p.kind == "financial_year" else p.label
    if row["value_measure"] == "rank":  # rank 1 = most: a falling number is more of what is ranked
        before = frame[frame.period != c.period].iloc[-1] if len(frame) > 1 else None
        more = change < 0
        most = re.search(r"1 = most (\w+)", ind.name)
        adjective = most.group(1) if most else "highly ranked"
        yes = "" if asked is None else ("Yes: " if (asked == "up") == more else "No: ")
        since = f" from {fmt_number(before['value'])} in {before['period']}" if before is not None else ""
        comp = a.lookup("compare", indicator=indicator)
        moved_rows = comp[(comp.area == area) & (comp.period == c.period) & (comp.measure == "rank_change")]
        moved = f", {fmt_change(moved_rows.value.iloc[0])} places" if len(moved_rows) else ""
        answer.headline = (f"{yes}{a.vocab.names[('area', area)]} became {'more' if more else 'less'} {adjective} by "
                           f"{label}: rank {fmt_number(row['value'])}{since}{moved} ({ind.name}; positive = towards "
                           "rank 1).")
        return answer
    if pct:
        amount = fmt_change(change, 1) + " points"
    elif pd.isna(row["volume_change"]) and not pd.isna(row["pct_change"]):
        amount = fmt_change(row["pct_change"], pct_digits(row["pct_digits"]), "%")
    else:
        amount = fmt_change(change) + (f" ({fmt_change(row['pct_change'], pct_digits(row['pct_digits']), '%')})"
                                       if not pd.isna(row["pct_change"]) else "")
    value = fmt_number(row["value"], row["value_digits"], "%" if pct else "")
    yes = _yes(c, went)
    verb = {"up": "went up", "down": "went down", "level": "was unchanged"}[went]
    level = f": {value}{'' if pct else ' ' + ind.unit} in {label}, " if value else f" in {label}: "
    answer.headline = (f"{yes}{ind.name} in {a.vocab.names[('area', area)]} {verb}{judged}{level}"
                       f"{amount} on {since_label if since_label else 'the period a year before'}.")
    return answer


def _not_steadily(a: Answerer, frame: pd.DataFrame, earlier: str, period: str, went: str, start: float, unit: str) -> str:
    """What the figures between two periods say against the way it went: 'asb went down from 5,254 in 2010/11
    to 4,326 in 2012/13' rose to 5,382 in 2011/12 first, and 'has it been falling the whole time?' is answered
    by that too."""
    between = frame[(frame.period > earlier) & (frame.period < period)].sort_values("period")
    last = start
    for r in between.itertuples():
        if pd.isna(r.value):
            continue
        if (went == "down" and r.value > last) or (went == "up" and r.value < last):
            way = "rose" if r.value > last else "fell"
            return (f" Not steadily: it {way} to {fmt_number(r.value, r.value_digits, unit)} in {_label(a, r.period)} "
                    "on the way.")
        last = r.value
    return ""


def _on_same_months(a: Answerer, indicator: str, area: str, period: str) -> float:
    """The change of a period of whole months on the same months a year before, from the monthly figures
    (points for a rate); NaN when the data lacks a month of either."""
    found = months.with_year_before(a, indicator, area, period)
    if not found or not found[2] or found[1][0] is None or found[2][0] is None:
        return float("nan")
    return found[1][0] - found[2][0]


def _latest_change(a: Answerer, c: Command):
    """The latest period with a change that ends after the period answered (an in-year span), if any."""
    comp = a.lookup("compare", indicator=c.indicator)
    mine = comp[(comp.area == (c.area or a.home)) & comp.compared_with.isna()
                & comp.measure.isin(["volume_change", "pct_change", "pp_change"])]
    if mine.empty or c.period not in a.periods:
        return None
    ends = {p: a.periods[p].end for p in mine.period.unique() if p in a.periods}
    # the latest end; of two ending together, the longer (the year to date before its last quarter)
    latest = max(ends, key=lambda p: (ends[p], -pd.Timestamp(a.periods[p].start).value), default=None)
    if latest is None or ends[latest] <= a.periods[c.period].end:
        return None
    return latest, {r.measure: r for r in mine[mine.period == latest].itertuples()}


def _in_year(a: Answerer, c: Command, answer: Answer, later) -> Answer:
    period, by = later
    ind = a.indicators[c.indicator]
    change = by.get("volume_change") or by.get("pct_change") or by.get("pp_change")
    went = "up" if change.value > 0 else "down" if change.value < 0 else "level"
    yes = _yes(c, went)
    parts = []
    if "volume_change" in by:
        parts.append(fmt_change(by["volume_change"].value))
    if "pct_change" in by:
        pct = fmt_change(by["pct_change"].value, pct_digits(by["pct_change"].digits), "%")
        parts.append(f"({pct})" if parts else pct)
    if "pp_change" in by and not parts:
        parts.append(fmt_change(by["pp_change"].value, 1) + " points")
    verb = {"up": "went up", "down": "went down", "level": "was unchanged"}[went]
    label = a.periods[period].label
    answer.headline = (f"{yes}{ind.name} in {a.vocab.names[('area', c.area or a.home)]} {verb} in the latest "
                       f"period the data has, {label}: {' '.join(parts)} on the same period a year before. "
                       f"Over the last full year: {answer.headline}")
    c.period = period
    return answer


def _better_means_up(a: Answerer, c: Command) -> None:
    """'Getting worse' is read as 'going up' (more crime); for a figure where higher is better (an outcome
    rate), worse is down and better is up."""
    judged = re.search(r"\b(worse|worsen\w*|better|improv\w*|deteriorat\w*)\b", normalise(c.text))
    if judged and str(a.indicators[c.indicator].higher_is_better).lower() == "true":
        c.cues = ["down" if q == "up" else "up" if q == "down" else q for q in c.cues]


def _asked(c: Command) -> str | None:
    """The direction the question asked about ('is it going up'), if it named one."""
    if " notdown " in f" {normalise(c.text)} ":
        return None  # "asb did not go down": a statement to check, answered with what happened, no yes or no
    up, down = "up" in c.cues, "down" in c.cues
    return "up" if up and not down else "down" if down and not up else None


def _yes(c: Command, went: str) -> str:
    asked = _asked(c)
    return "" if asked is None else ("Yes: " if asked == went else "No: ")


def _stated_direction(a: Answerer, c: Command) -> Answer | None:
    """"did crime go up or down in ashford in 2012/13": no figure for the place, but the assessment says which way
    it went (Ashford is one of the four districts where recorded crime did not fall); that, said as the
    assessment says it, with no figure made up."""
    indicator, area = c.indicator, c.area or a.home
    if not indicator:
        return None
    periods = [c.period] if c.period else sorted(
        {r.period for r in a._coverage(indicator).itertuples() if r.area == area}, reverse=True)
    for period in periods:
        rows = a.lookup("area_figures", indicator=indicator, measure="change_direction", period=period)
        rows = rows[rows.area == area]
        if rows.empty:
            continue
        row = rows.iloc[0]
        went = MOVED["not_falls" if NOT_FALLEN in str(row.note).lower() else "rises"] if row.value > 0 else \
            MOVED["falls"] if row.value < 0 else MOVED["level"]
        place, name = a.vocab.names[("area", area)], a.indicators[indicator].name
        c.period = period
        label = a.periods[period].label if a.periods[period].kind != "financial_year" else period
        answer = Answer(c.text, {}, headline=f"{name} in {place} {went} in {label}, the assessment says"
                                             + (f" ({row.note[0].lower() + row.note[1:]})" if row.note else "")
                                             + f"; it gives no {name.lower()} figure or change for {place}.")
        a.annotate(answer, indicator, area, [period], {row.table_id})
        return answer
    return None

