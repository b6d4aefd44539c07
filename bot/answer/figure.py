"""A figure in context: one indicator, one place, one period, with the periods before it, change, rate,
county rank and its arrow, the areas beside it, notes and sources."""
from __future__ import annotations

import dataclasses
import re

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..parse import Command
from ..periods import months_between
from . import months
from .base import (
    ARROW,
    BESIDE_MEASURES,
    MEASURE_LABEL,
    Answer,
    NoAnswer,
    Table,
    _beside_cell,
    _drop_empty,
    area_name,
    change_text,
    fmt_change,
    fmt_number,
    pct_digits,
    fmt_rank,
    own_period_label,
    rows_of,
)

if TYPE_CHECKING:
    from .answerer import Answerer


def _force_area(a: Answerer, area: str, cov) -> str | None:
    """The police force area holding a county, when the figure is given for the force and not the county."""
    parent = getattr(a.areas.get(area), "parent", None)
    if area in set(cov.area) or a.vocab.area_types.get(area) != "county" or not isinstance(parent, str):
        return None
    return parent if a.vocab.area_types.get(parent) == "force" and parent in set(cov.area) else None


def figure(a: Answerer, c: Command) -> Answer:
    indicator = a._need_indicator(c, "figure")
    area = c.area or a.home
    ind = a.indicators[indicator]
    cov = a._coverage(indicator)
    if cov.empty:
        raise NoAnswer(f"No {ind.name} figures are loaded yet: they come from police.uk data "
                       "(`crimebot import police-uk`, see the README).", [e for e, _ in a.examples[:2]])
    wider = _in_its_place(a, c, indicator, area)
    if wider is not None:
        return wider
    force = _force_area(a, area, cov)
    if force:  # "spc limits kent": the assessment gives them for Kent & Medway, the force area holding Kent
        c.area = force
        answer = figure(a, c)
        answer.notes.insert(0, f"The assessment gives {ind.name} for {area_name(a, force)} (the police force area, "
                               f"which holds {area_name(a, area)}), not for {area_name(a, area)} alone.")
        return answer
    if not (cov.area == area).any():
        related = a.related_indicator(c, indicator, lambda other: (a._coverage(other).area == area).any())
        if related:  # "high street violence": the assessment gives violence against the person for the ward
            c.indicator = related
            answer = figure(a, c)
            answer.notes.insert(0, f"The assessment gives {a.indicators[related].name}, not {ind.name}, for "
                                   f"{area_name(a, area)}.")
            return answer
        anywhere = set(cov.period.tolist())
        when = (f" It has none for {a.periods[c.period].label if c.period in a.periods else c.period} anywhere."
                if c.period and c.period not in anywhere and not any(str(p).startswith(str(c.period)) for p in anywhere)
                else "")  # 'road deaths in maidstone in 2019': the period is missing too, said so
        raise NoAnswer(f"The data has no {ind.name} figures for {area_name(a, area)}. "
                       f"{ind.name} is covered for: {a._covered_text(cov)}.{when}",
                       [f"{ind.name.lower()} {cov.area_name.iloc[0].lower()}"] if len(cov) else [])
    here = set(cov.period[cov.area == area].tolist())
    if c.latest and not c.period:  # "this month", "last quarter": the latest the monthly series has
        series, numerator, _ = months.parts_of(a, indicator)
        have = sorted(months.series(a, numerator or series, area))
        if not have:
            raise NoAnswer(f"The data has no monthly {ind.name} figures, so no latest {c.latest}.",
                           [ind.name.lower()])
        if c.latest == "month":
            c.period = have[-1]
        else:
            last = have[-1]
            end_month = int(last[5:7])
            if end_month % 3:  # the last whole quarter (financial quarters end in Mar, Jun, Sep, Dec)
                last = f"{int(last[:4]) - (end_month < 3)}-{(end_month - end_month % 3 - 1) % 12 + 1:02d}"
            year, month = int(last[:4]), int(last[5:7])
            fy = year if month >= 4 else year - 1
            c.period = f"{fy}/{str(fy + 1)[2:]} Q{((month - 4) % 12) // 3 + 1}"
        return figure(a, c)
    if c.ytd and c.period in a.periods and a.periods[c.period].kind == "financial_year" and c.period not in here:
        # "charges year to date 2013/14": April to the latest month of that year the monthly series has
        series, numerator, _ = months.parts_of(a, indicator)
        year = a.periods[c.period]
        have = [m for m in sorted(months.series(a, numerator or series, area))
                if str(year.start)[:7] <= m <= str(year.end)[:7]]
        if have:
            c.period = f"{str(year.start)[:7]}/{have[-1]}" if have[-1] != str(year.start)[:7] else have[-1]
            return figure(a, c)
    if c.ytd and (not c.period or c.period not in here):
        # "all crime ytd", "vap ytd 2013/14": the latest April-to-date span the data has (in the year asked)
        start = str(a.periods[c.period].start)[:7] if c.period in a.periods else r"\d{4}-04"
        spans = sorted((x for x in here if re.match(rf"^{start}/\d{{4}}-\d{{2}}$", x)), key=lambda x: x[-7:])
        if spans and (not c.period or a.periods[c.period].kind == "financial_year"):
            c.period = spans[-1]
            return figure(a, c)
        series, numerator, _ = months.parts_of(a, indicator)
        if not c.period and not months.series(a, numerator or series, area):
            raise NoAnswer(f"The data has no year-to-date {ind.name} figure for {area_name(a, area)}: it gives "
                           f"{a._covered_text(cov[cov.area == area])}.", [ind.name.lower()])
    if c.relative is not None and not c.period and not re.search(r"\b(?:latest|most recent|current)\b", c.text.lower()) \
            and not any(
            a.periods[x].kind == "financial_year" for x in here if x in a.periods):
        latest = max((x for x in here if x in a.periods), key=lambda x: a.periods[x].end)
        raise NoAnswer(f"The data has no full-year {ind.name} figure for {area_name(a, area)}; the latest it has is "
                       f"for {a.periods[latest].label}. Ask for that: `{ind.name.lower()} {latest}`.",
                       [f"{ind.name.lower()} {area_name(a, area).lower()} {latest}"])
    if c.baseline:
        if c.period and c.period not in here:  # 'unemployment rate january 2015, i need a baseline': the period
            figure(a, dataclasses.replace(c, baseline=False))  # asked, refused first when the data lacks it
        baseline = a.run("baseline", indicator=indicator, area=area)
        if baseline.empty:
            raise NoAnswer(f"The assessment names no baseline for {ind.name} in {area_name(a, area)}.",
                           [ind.name.lower(), f"trend {ind.name.lower()}"])
        asked, c.period, c.baseline = c.period, baseline.period.iloc[0], False
        answer = figure(a, c)
        answer.headline = "Baseline: " + answer.headline
        answer.notes.insert(0, f"The baseline: {baseline.note.iloc[0]}.")
        if asked and asked != c.period:  # "are we above the baseline apr-dec 2013": both, side by side
            c.period = asked
            now = figure(a, c)
            answer.headline = now.headline + " " + answer.headline
            answer.tables = now.tables + answer.tables
            c.period = asked
        return answer
    if c.period and c.scope == "months" and c.period in a.periods and a.periods[c.period].kind in ("quarter", "span",
                                                                                                  "financial_year"):
        summed = months.added_up(a, c, indicator, area)  # "outcome rate by month apr-dec 2013": month by month
        if summed is not None:
            return summed
    if c.period and c.period not in here:
        monthly = ind.monthly_indicator if isinstance(ind.monthly_indicator, str) and ind.monthly_indicator else None
        if c.period in a.periods and a.periods[c.period].kind == "month" and monthly:
            c.indicator = monthly  # "how many crimes in september 2013": the monthly series
            answer = figure(a, c)
            answer.notes.insert(0, f"{ind.name} by month is the monthly series '{a.indicators[monthly].name}'.")
            return answer
        summed = months.added_up(a, c, indicator, area)
        if summed is not None:
            return summed
        if c.period not in a.periods or a.periods[c.period].kind in ("quarter", "span"):
            months.refuse_unless_months(a, c, indicator, area)
    period, later = a._resolve_period(c, cov, area)
    c.period = period  # understood: the period answered
    p = a.periods[period]
    frame = figure_rows(a, indicator, area, p.kind, p.start)
    if p.kind == "month":
        frame = frame.tail(13)
    elif p.kind in ("span", "quarter", "calendar_year"):
        earlier = {period, (a.period_index.year_before(period) or period), c.against}
        frame = frame[frame.period.isin(earlier)]
    if period not in set(frame.period):
        raise NoAnswer(f"The data states no {ind.name} figure for {area_name(a, area)} in {p.label} "
                       f"that can be shown on its own. It covers: {a._covered_text(cov[cov.area == area])}.")
    row = frame[frame.period == period].iloc[0]
    if pd.isna(row["value"]) and all(pd.isna(row[m]) for m in ("volume_change", "pct_change", "pp_change",
                                                                 "rate_per_1000", "county_rank")):
        summed = months.added_up(a, c, indicator, area) if p.kind in ("quarter", "span") else None
        if summed is not None:
            return summed
        named = a.run("wards", indicator=indicator)
        named = named[(named.ward == area_name(a, area)) & (named.measure == "named_hotspot")]
        if len(named):
            why = f" {named.note.iloc[0]}." if isinstance(named.note.iloc[0], str) else ""
            if not re.search(r"\b(bad|worse|worst|problem|problems|issue|hotspots?|hot spots?|high|concern|"
                             r"serious)\b", c.text.lower()):  # a figure asked: there is none, said plainly
                raise NoAnswer(f"The assessment names {area_name(a, area)} as a hotspot for {ind.name} but gives no "
                               f"figure for it.{why}", [f"{ind.name.lower()} wards", ind.name.lower()])
            # "is asb bad in east ward": what the assessment says of the ward answers it, beside the hotspots
            from .wards import wards

            hotspots = wards(a, dataclasses.replace(c, area=a.home, kind="wards"))
            hotspots.headline = (f"The assessment names {area_name(a, area)} as a hotspot for {ind.name} but gives no "
                                 f"figure for it.{why} The hotspots it gives: {hotspots.headline}")
            return hotspots
        raise NoAnswer(f"The data states no {ind.name} figure for {area_name(a, area)} in {p.label} that can be "
                       f"shown on its own (only a rank or a share). It covers: {a._covered_text(cov[cov.area == area])}.",
                       [ind.name.lower()])
    unit = ind.unit
    is_pct = row["value_measure"] == "percent"
    columns = ["Period", unit[0].upper() + unit[1:] if not is_pct else unit, "Change", "% change",
               "Rate per 1,000", "County rank", "Rank direction"]
    rows = []
    for r in rows_of(frame):
        change = fmt_change(r.pp_change, 1, " pts") if is_pct else fmt_change(r.volume_change)
        rows.append([r.period_label if p.kind != "financial_year" else own_period_label(a, indicator, r.period),
                     fmt_number(r.value, r.value_digits, "%" if is_pct else ""), change,
                     fmt_change(r.pct_change, pct_digits(r.pct_digits), "%"), fmt_number(r.rate_per_1000, r.rate_digits),
                     fmt_rank(r.county_rank, r.rank_flag),
                     ARROW.get(int(r.rank_direction), "") if not pd.isna(r.rank_direction) else ""])
    rows, columns = _drop_empty(rows, columns)
    place = area_name(a, area)
    if c.measure == "rate" and pd.isna(row["rate_per_1000"]) and not is_pct and row["value_measure"] != "rank":
        every = figure_rows(a, indicator, area, p.kind, "2999-12-31")
        rated = [r.period for r in every.itertuples() if not pd.isna(r.rate_per_1000)]
        raise NoAnswer(f"The data gives no rate per 1,000 for {ind.name} in {place} for {p.label}"
                       + (f"; it gives one for {', '.join(rated)}." if rated else "."),
                       [f"{ind.name.lower()} rate {rated[-1]}" if rated else ind.name.lower()])
    headline = _headline(a, ind, place, p, row, is_pct)
    if p.kind == "month":  # the counts behind a month's rate, and the year to date
        headline = headline[:-1] + months.month_context(a, indicator, area, period) + "."
    elif p.kind in ("span", "quarter"):  # the counts behind a rate, and the same months a year before
        headline = headline[:-1] + months.span_context(a, indicator, area, period, row) + "."
    earlier = c.against or c.since
    if earlier and earlier != period and earlier in set(frame.period) and not pd.isna(row["value"]):
        # "since 2010/11", "2012/13 vs 2010/11": the change between the two periods asked, not the year before
        then = frame[frame.period == earlier].iloc[0]
        if not pd.isna(then["value"]):
            unit = "%" if is_pct else ""
            said = earlier if p.kind == "financial_year" or earlier not in a.periods else a.periods[earlier].label
            headline += (f" Against {said}: {fmt_number(then['value'], then['value_digits'], unit)}, so "
                         f"{change_text(then['value'], row['value'], is_pct)} from {said} to "
                         f"{period if p.kind == 'financial_year' else p.label}.")
    answer = Answer(c.text, {}, headline=headline,
                    tables=[Table(f"{ind.name}, {place}", columns, rows)])
    comparisons = a.by_period("compare", indicator=indicator).get(period, [])
    against = changes_against(a, indicator, area, period)
    if earlier and earlier != period and earlier not in set(frame.period) and earlier not in against \
            and p.kind in ("financial_year", "calendar_year"):  # (spans and quarters: against their months)
        # "robbery 2009/10 vs 2012/13": the earlier period asked is not in the data; never answered without it
        label = a.periods[earlier].label if earlier in a.periods and a.periods[earlier].kind != "financial_year" \
            else earlier
        have = [x for x in frame.period if x != period]
        raise NoAnswer(f"The data has no {ind.name} figure for {place} in {label} to set against {period}; it has "
                       f"{', '.join(list(frame.period))}" + (f". Ask `{ind.name.lower()} {have[0]} vs {period}`." if have
                                                             else "."),
                       [f"{ind.name.lower()} {x} vs {period}" for x in have[:2]] or [f"{ind.name.lower()} {period}"])
    for other, by in against.items():  # "+16,300 (+11.7%) against 2001"
        parts = [fmt_change(by[m].value, by[m].digits, "%" if m == "pct_change" else "")
                 for m in ("volume_change", "pct_change", "pp_change") if m in by]
        if "rank_change" in by:  # IMD: places moved, positive towards rank 1
            moved = by["rank_change"].value
            parts.append("no change in rank" if moved == 0 else
                         f"{fmt_change(moved)} place{'s' * (abs(moved) != 1)} (positive = towards rank 1)")
        if parts:
            text = parts[0] + (f" ({parts[1]})" if len(parts) > 1 else "")
            said = a.periods[other].label if other in a.periods and a.periods[other].kind == "month" else other
            answer.headline = answer.headline[:-1] + f"; {text} against {said}."  # ('against June 2012', not 2012-06)
    shares = _shares(a, indicator, area, period)
    if shares:  # "85 people; First-time entrants identified as re-offending: 15.6%"
        answer.headline = answer.headline[:-1] + "; " + "; ".join(shares) + "."
    same: dict[str, dict] = {}
    for r in comparisons:
        if r.area != area and not isinstance(r.compared_with, str):
            same.setdefault(r.area_name, {})[r.measure] = r
    if same:  # one row per area, a column per measure the data has
        present = {m for by in same.values() for m in by} - {"rank_direction"}
        measures = [m for m in BESIDE_MEASURES if m in present] + sorted(present - set(BESIDE_MEASURES))
        rows = [[place_name] + [_beside_cell(by.get(m), m) for m in measures] for place_name, by in same.items()]
        if measures:
            answer.tables.append(Table(f"Beside it: {ind.name}, {p.label}",
                                       ["Area"] + [MEASURE_LABEL.get(m, m) for m in measures], rows))
    a.annotate(answer, indicator, area, list(frame.period), set(",".join(frame.tables).split(",")))
    if isinstance(ind.period_note, str) and ind.period_note:
        answer.notes.append(f"About these figures: {ind.period_note}.")
    if row["value_flag"] == "approximate":
        answer.notes.append("The published figure is approximate.")
    # the pack's own denominator for the area's rates (denominators.csv), said beside the rate
    denominator = a.partnership.rate_base_words(area, ind.rate_base, period) if isinstance(ind.rate_base, str) \
        and ind.rate_base else None
    if "police_uk" in str(row["tables"]).split(","):
        population = a.lookup("population", area=area, year=int(period[:4]))
        denominator = (f"residents ({fmt_number(population.population.iloc[0])}, {population.source.iloc[0]}"
                       + (f"; the {population.year.iloc[0]} figure, the latest at or before {period[:4]}"
                          if int(population.year.iloc[0]) < int(period[:4]) else f"; {population.year.iloc[0]}")
                       + ")" if len(population) else None)
    if denominator and not pd.isna(row["rate_per_1000"]):
        answer.notes.append(f"Rate per 1,000 {denominator}; county rank among {a.partnership.peers_phrase}, "
                            "1 = lowest rate.")
    newer = [q for q in later if a.periods[q].end > p.end]
    if newer:
        answer.notes.append("Later figures (changes only): " + ", ".join(
            f"`{ind.name.lower()} {a.periods[q].label.lower()}`" for q in newer) + ".")
    if len(frame) > 1:
        labels = [r.period_label if p.kind != "financial_year" else r.period for r in rows_of(frame)]
        answer.series = {"kind": "trend", "title": f"{ind.name}, {place}", "when": f"{labels[0]} to {labels[-1]}",
                         "unit": unit, "area": place, "measure": row["value_measure"],
                         "points": [(label, None if pd.isna(v) else float(v), None)
                                    for label, v in zip(labels, frame.value)]}
    return answer

def _in_its_place(a: Answerer, c: Command, indicator: str, area: str) -> Answer | None:
    """A period the indicator has no figure for at all, answered by the indicator that holds it: its parent
    (``part_of``: police.uk's all burglary for "burglary", when police.uk does not split it) or the measure
    that continues it (``continued_by``: police.uk's outcome rate after the assessment's ends), with a note."""
    ind = a.indicators[indicator]
    if not c.period or c.period not in a.periods or (a._coverage(indicator).period == c.period).any():
        return None
    dates = months.period_dates(a, c.period)
    within = months_between(dates[0], dates[1]) if dates else []
    if within and months.sums(a, indicator, area, within) is not None:
        return None  # its own months add up to the period ("charges q4 2012/13")
    for relation in ("part_of", "continued_by"):
        other = getattr(ind, relation, None)
        if not isinstance(other, str) or not other:
            continue
        theirs = a._coverage(other)
        if not ((theirs.area == area) & (theirs.period == c.period)).any() and (
                not within or months.sums(a, other, area, within) is None):
            continue  # neither a figure of its own for the period, nor every month of it to add up
        label = a.periods[c.period].label
        name = a.indicators[other].name
        if relation == "part_of":
            parts = [i.name for i in a.indicators.values() if i.part_of == other]
            note = (f"police.uk does not split {name} into {' and '.join(parts)}: for {label} the data has only "
                    f"{name}, which includes {ind.name}.")
        else:
            note = f"The assessment has no {ind.name} figure for {label}: this is {name}, a different measure."
        c.indicator = other
        answer = figure(a, c)
        answer.notes.insert(0, note)
        return answer
    return None


def changes_against(a: Answerer, indicator: str, area: str, period: str) -> dict[str, dict]:
    """The changes the data gives for a figure against other dates than the year before ('+16,300 against 2001',
    '+14 against 2012-06'): {date: {measure: row}}, in the query's order."""
    against: dict[str, dict] = {}
    for r in a.by_period("compare", indicator=indicator).get(period, []):
        if r.area == area and isinstance(r.compared_with, str):
            against.setdefault(r.compared_with, {})[r.measure] = r
    return against


def _shares(a: Answerer, indicator: str, area: str, period: str) -> list[str]:
    """The shares of this count the data gives for the same place and period (indicators ``part_of`` it measured in
    %: first-time entrants identified as re-offending, assault admissions by sex), as "name: 15.6%"."""
    shares = []
    for part in (i for i in a.indicators.values() if i.part_of == indicator and str(i.unit).startswith("%")):
        for r in a.by_period("compare", indicator=part.id).get(period, []):
            if r.area == area and r.measure == "percent" and not isinstance(r.compared_with, str):
                shares.append(f"{part.name}: {fmt_number(r.value, r.digits, '%')}")
    return shares


def _headline(a, ind, place, p, row, is_pct) -> str:
    row = row.to_dict()  # a Series' attribute names clash with its methods (pct_change)
    label = own_period_label(a, ind.id, p.id) if p.kind == "financial_year" else p.label
    value = fmt_number(row["value"], row["value_digits"], "%" if is_pct else "")
    if row["value_measure"] == "rank":
        field = re.search(r"\b(?:of|among the) (\d+)\b", ind.name)  # '... among the 12 Kent districts': 9 of 12
        value = f"rank {value}" + (f" of {field[1]}" if field else "") if value else value
    text = f"{ind.name} in {place}, {label}:" + (
        f" {value}" + ("" if is_pct or row["value_measure"] == "rank" else f" {ind.unit}") if value else "")
    if is_pct and not pd.isna(row["pp_change"]):
        text += f", {fmt_change(row['pp_change'], 1)} points on the year before"
    elif not pd.isna(row["volume_change"]) or not pd.isna(row["pct_change"]):
        parts = [fmt_change(row["volume_change"]), fmt_change(row["pct_change"], pct_digits(row["pct_digits"]), "%")]
        text += ", " + " ".join(parts[:1] + [f"({parts[1]})"] if parts[0] and parts[1] else [p for p in parts if p])
        text += " on the same period a year before"
    if not pd.isna(row.get("rank_change", float("nan"))):
        change = row["rank_change"]
        text += (f", {fmt_change(change)} place{'s' if abs(change) != 1 else ''} on the edition before "
                 "(positive = towards rank 1)")
    if not pd.isna(row.get("share_pct", float("nan"))):
        text += f"; {fmt_number(row['share_pct'], row['share_digits'], '%')} of the borough's"
    if not pd.isna(row["rate_per_1000"]):
        text += f"; {fmt_number(row['rate_per_1000'], row['rate_digits'])} per 1,000"
    if not pd.isna(row["county_rank"]):
        text += f"; county rank {fmt_rank(row['county_rank'], row['rank_flag'])} {a.partnership.of_peers}"
        if not pd.isna(row["rank_direction"]):
            text += f" ({ARROW[int(row['rank_direction'])]})"
    return text.replace(":, ", ": ").replace(":;", ":") + "."


LEVELS = ("count", "percent", "average_per_year", "rank")  # the measure that is the figure, in this order


def figure_rows(a: Answerer, indicator: str, area: str, kind: str, until) -> pd.DataFrame:
    """The `figure` query's rows set side by side, one row per period: value (and which measure it is),
    changes, rate, county rank and direction, with their flags and digits and the source tables."""
    query = a.queries["figure"]
    rows = a.cursor().execute(query.sql, {"indicator": indicator, "area": area, "kind": kind,
                                          "until": until}).fetchall()
    by_period: dict[str, dict] = {}
    for period, label, start, measure, value, flag, digits, table in rows:
        r = by_period.setdefault(period, {"period": period, "period_label": label, "period_start": start,
                                          "measures": {}, "tables": set()})
        r["measures"][measure] = (value, flag, digits)
        r["tables"].add(table)
    out = []
    for r in by_period.values():
        m = r.pop("measures")
        level = next((x for x in LEVELS if x in m), None)
        get = lambda name, i=0: m[name][i] if name in m else None  # noqa: E731
        out.append({**r, "value": get(level) if level else None, "value_measure": level,
                    "value_flag": get(level, 1) if level in ("count", "percent") else None,
                    "volume_change": get("volume_change"), "pct_change": get("pct_change"),
                    "pct_digits": get("pct_change", 2), "pp_change": get("pp_change"),
                    "rate_per_1000": get("rate_per_1000"), "rate_digits": get("rate_per_1000", 2),
                    "county_rank": get("county_rank"), "rank_flag": get("county_rank", 1),
                    "share_pct": get("share_pct"), "share_digits": get("share_pct", 2),
                    "rank_change": get("rank_change"),
                    "rank_direction": get("rank_direction"),
                    "value_digits": get(level, 2) if level in ("count", "percent", "rank") else None,
                    "tables": ",".join(sorted(t for t in r["tables"] if t))})
    columns = ["period", "period_label", "period_start", "value", "value_measure", "value_flag", "share_pct",
               "share_digits", "rank_change", "volume_change",
               "pct_change", "pct_digits", "pp_change", "rate_per_1000", "rate_digits", "county_rank", "rank_flag",
               "rank_direction", "value_digits", "tables"]
    floats = ("value", "share_pct", "share_digits", "rank_change", "volume_change", "pct_change", "pct_digits",
              "pp_change", "rate_per_1000", "rate_digits", "county_rank", "rank_direction", "value_digits")
    return pd.DataFrame({c: np.array([r[c] for r in out], dtype="float64") if c in floats else [r[c] for r in out]
                         for c in columns}, columns=columns)
