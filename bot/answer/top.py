"""Superlatives over areas or wards: "which district has the highest ...", "which ward has the most ...".

The headline names the answer ("Thanet has the highest ..., 44.32"), and says over how many areas the
assessment gives the figure: the data holds only the districts and wards the text names.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..parse import Command
from ..periods import month_label, months_between
from . import months as monthly
from .family import family_name
from .base import (
    MEASURE_LABEL,
    Answer,
    NoAnswer,
    Table,
    area_name,
    fmt_change,
    fmt_number,
    fmt_rank,
    in_text_order,
)

if TYPE_CHECKING:
    from .answerer import Answerer

MEASURE_ORDER = ("count", "percent", "rate_per_1000", "rank", "average_per_year", "share_pct")  # levels, not changes
SCOPES = {"wards": ("ward",), "districts": ("district", "unitary")}


def top(a: Answerer, c: Command) -> Answer:
    if c.scope == "categories":
        return over_categories(a, c)
    indicator = a._need_indicator(c, "highest")
    ind = a.indicators[indicator]
    asked = c.extreme  # as asked: 'worst deprivation' is the most deprived, whichever way its ranks run
    if c.extreme in ("worst", "best"):  # worst crime is the most; the best outcome rate is the highest
        high_is_good = str(ind.higher_is_better).lower() == "true"
        c.extreme = "high" if (c.extreme == "best") == high_is_good else "low"
    if c.scope in ("months", "quarters"):
        return over_time(a, c, indicator)
    if c.scope == "years":
        return over_years(a, c, indicator)
    if c.scope in ("districts", "wards") and c.changes and not c.extreme:
        return districts_changed(a, c, indicator)
    cov = a.lookup("area_coverage", indicator=indicator)
    cov = cov[cov.areas >= 1]
    scopes = [c.scope] if c.scope else ["districts", "wards"]
    wanted = {"rate": ("rate_per_1000",), "percent": ("percent", "share_pct")}.get(c.measure, MEASURE_ORDER)
    if c.direction:  # "the biggest rise": over the changes (in points, for a percentage)
        wanted = ("pct_change", "volume_change", "pp_change") if c.measure == "percent" else (
            "volume_change", "pct_change", "pp_change")
    if c.scope == "wards" and re.search(r"\b(?:in|of|across) (?:all of |the whole |the |all )?(?:kent|county)\b|"
                                        r"\bcounty ?wide\b", c.text.lower()):
        wanted = ("ward_rank_in_kent",) + tuple(wanted)  # "which ward in kent": the wards ranked across Kent
    choice = None
    for scope in scopes:
        here = cov[cov.area_type.isin(SCOPES[scope]) & cov.measure.isin(wanted)]
        if c.period:
            here = here[here.period == c.period]
        here = here.groupby(["measure", "period", "period_label", "period_end"], as_index=False).areas.sum()
        here = here[here.areas >= 2]
        if len(here):
            here = here.assign(order=here.measure.map({m: i for i, m in enumerate(wanted)}))
            best = here.sort_values(["period_end", "order"], ascending=[False, True]).iloc[0]
            choice = (scope, best.measure, best.period)
            break
    if choice is None and not c.scope:
        series, numerator, _ = monthly.parts_of(a, indicator)
        if monthly.series(a, numerator or series, c.area or a.home):
            c.scope = "months"  # "lowest outcome rate apr-dec 2013": a monthly series has only months to compare
            return over_time(a, c, indicator)
    if choice is None and c.scope == "wards":
        only = cov[cov.area_type.isin(SCOPES["wards"]) & cov.measure.isin(wanted) & (cov.areas == 1)]
        if c.period:
            only = only[only.period == c.period]
        if len(only):
            best = only.assign(order=only.measure.map({m: i for i, m in enumerate(wanted)})).sort_values(
                ["period_end", "order"], ascending=[False, True]).iloc[0]
            choice = ("wards", best.measure, best.period)
    if choice is None:
        named = _named_in_text(a, c, indicator, scopes)
        if named is not None:
            return named
    if choice is None and c.scope == "wards":
        named = _named_wards(a, c, indicator, asked)
        if named is not None:  # "most deprived areas in maidstone": the wards the text names, without figures
            return named
    if choice is None and c.scope == "wards" and not c.related_tried:
        related = a.related_indicator(c, indicator, lambda other: other in a.ward_indicators)
        if related:  # "which ward has the most violence": violence against the person has ward figures
            c.related_tried, c.indicator = True, related
            answer = top(a, c)
            answer.notes.insert(0, f"The assessment gives ward figures for {a.indicators[related].name}, not "
                                   f"{ind.name}.")
            return answer
    if choice is None:
        where = " or ".join(scopes).replace("districts", "districts").replace("wards", "wards")
        what = {"rate": " rate per 1,000", "percent": " percentage"}.get(c.measure, "")
        raise NoAnswer(f"The data cannot say which {where.rstrip('s')} has the {'highest' if c.extreme == 'high' else 'lowest'} "
                       f"{ind.name}{what}{' in ' + c.period if c.period else ''}: the assessment gives that figure "
                       "for fewer than two of them.",
                       [f"{ind.name.lower()}", f"compare {ind.name.lower()}"])
    scope, measure, period = choice
    c.period, c.scope = period, scope
    frame = a.run("area_figures", indicator=indicator, measure=measure, period=period)
    frame = frame[frame.area_type.isin(SCOPES[scope])]
    left_out = frame[frame.area.isin(c.excluded_areas)]  # 'high street aside': left out, as asked
    frame = frame[~frame.area.isin(c.excluded_areas)]
    if frame.empty:
        raise NoAnswer(f"The assessment gives {ind.name} for no other {scope[:-1]} than "
                       f"{', '.join(left_out.area_name) or 'the one left out'}.", [f"{ind.name.lower()} by ward"])
    if c.changes and measure in ("volume_change", "pct_change"):
        frame = _changed(frame, c.changes)
        if frame.empty:
            raise NoAnswer(f"No {scope[:-1]} the assessment gives had a {c.changes[:-1]} in {ind.name} in that period.",
                           [f"compare {ind.name.lower()}"])
    ranks_low_first = measure in ("rank", "ward_rank_in_kent")  # rank 1 = most deprived / highest
    high = c.extreme != "low"
    frame = frame.sort_values("value", ascending=(high == ranks_low_first))
    winner = frame.iloc[0]
    c.area = winner.area  # understood: the answer
    ties = frame[frame.value == winner.value]
    unit = "%" if measure in ("percent", "share_pct", "pct_change") else ""
    value = (fmt_rank(winner.value, winner.flag) if measure in ("rank", "ward_rank_in_kent")
             else fmt_number(winner.value, winner.digits, unit))
    label = a.periods[period].label if a.periods[period].kind != "financial_year" else period
    word = "highest" if high else "lowest"
    if measure in ("volume_change", "pct_change"):
        value = fmt_change(winner.value, winner.digits, unit)
        other = "pct_change" if measure == "volume_change" else "volume_change"
        beside = a.run("area_figures", indicator=indicator, measure=other, period=period)
        beside = beside[beside.area == winner.area]
        if len(beside):  # "+937 (+18.7%)": the change in both its forms
            value += f" ({fmt_change(beside.value.iloc[0], beside.digits.iloc[0], '%' if other == 'pct_change' else '')})"
        word = "biggest rise in" if high and winner.value > 0 else "biggest fall in" if not high and winner.value < 0 else word
        what, figure = ind.name, value
    elif ranks_low_first:
        most = re.search(r"1 = most (\w+)", ind.name)
        word = ("most " if high else "least ") + (most.group(1) if most else "highly ranked")
        what = f"{ind.name} {value}"
    elif measure in ("percent", "share_pct"):
        what, figure = ind.name, value
    elif measure in ("count", "average_per_year"):
        word = "most" if high else "fewest"
        what, figure = ind.name, f"{value} {ind.unit}"
    else:
        what, figure = f"{MEASURE_LABEL.get(measure, measure).lower()} of {ind.name}", value
    names = " and ".join(ties.area_name)
    verb = "have" if len(ties) > 1 else "has"
    total = len(frame) + len(left_out)  # of the places the assessment gives, those left out as asked too
    kind_word = "wards" if scope == "wards" else "districts"
    full = sum(1 for x in a.areas.values() if x.type == SCOPES[scope][0] and (scope != "wards" or x.parent == a.home))
    among = (f"of the {total} {kind_word} the assessment gives" if total < full else f"of all {full} {kind_word}")
    if len(left_out) and total == full:  # 'leaving thanet out, which district is most deprived': of the rest
        among = f"of the other {len(frame)} {kind_word}"
    if measure == "ward_rank_in_kent":
        headline = (f"{names} {'are' if len(ties) > 1 else 'is'} ranked {value} among {a.partnership.county_short_name}'s wards for {ind.name}, "
                    f"{label}: the {'highest' if high else 'lowest'} {among}.")
    elif ranks_low_first:
        headline = f"{names} {'are' if len(ties) > 1 else 'is'} the {word} {among}, {label}: {what}."
    else:
        headline = f"{names} {verb} the {word} {what} {among}, {label}: {figure}."
    rows = [[str(i), r.area_name, fmt_rank(r.value, r.flag) if ranks_low_first else fmt_number(r.value, r.digits, unit)]
            for i, r in enumerate(frame.itertuples(), start=1)]
    columns = ["#", kind_word[:-1].capitalize(), MEASURE_LABEL.get(measure, measure)]
    if ranks_low_first:  # the family's other ranks beside it: a district's national and county deprivation rank
        for other in _rank_siblings(a, indicator, measure, period, frame):
            by_area = dict(zip(other.area, other.value))
            member = re.sub(r"\s*\(1 = [^)]*\)", "", a.indicators[other.attrs["indicator"]].name.partition(": ")[2])
            columns[2] = re.sub(r"\s*\(1 = [^)]*\)", "", ind.name.partition(": ")[2]) or columns[2]
            columns.append(member)
            for row, area in zip(rows, frame.area):
                row.append(fmt_rank(by_area.get(area), "") if area in by_area else "")
            if winner.area in by_area:
                headline = headline[:-1] + f"; {member} {fmt_rank(by_area[winner.area], '')}."
    if len(left_out):  # 'high street aside, which ward has the most asb'
        headline = f"Leaving out {' and '.join(left_out.area_name)}, as asked: {headline}"
    answer = Answer(c.text, {}, headline=headline,
                    tables=[Table(f"{ind.name}: {MEASURE_LABEL.get(measure, measure)} by {kind_word[:-1]}, {label}",
                                  columns, rows)])
    if total == 1:
        # the ward's other figures for the period beside its rank: "rank 1 (2012/13); 204 crimes, 20.9 per 1,000"
        ward_rows = a.lookup("wards", indicator=indicator)
        others = [r for r in ward_rows.itertuples() if r.ward == winner.area_name and r.period == period
                  and r.measure in ("count", "rate_per_1000", "percent") and r.measure != measure]
        beside = "; ".join(dict.fromkeys(
            f"{fmt_number(r.value, r.digits)} {ind.unit}" if r.measure == "count" else
            f"{fmt_number(r.value, r.digits)} per 1,000" if r.measure == "rate_per_1000" else
            fmt_number(r.value, r.digits, "%") for r in others))
        answer.headline = (f"The assessment gives a ward figure for {names} only: {MEASURE_LABEL.get(measure, measure).lower()} "
                           f"of {ind.name}, {value} ({label}" + (f"; {beside}" if beside else "") +
                           "); it gives no other ward's figure to compare.")
        said = _said_of(a, c, indicator, winner.area, period)
        if said:  # "which ward has the most drug offences": the text itself names High Street the highest
            answer.headline = (f"{names}, as the assessment says: {'; '.join(said)} ({ind.name}, {value}, {label}"
                               + (f"; {beside}" if beside else "") + "). It gives no other ward's figure to compare.")
    elif total < full:
        answer.notes.append(f"The assessment gives this figure for {total} of the {full} {kind_word} only; "
                            "others may be higher or lower.")
    if ranks_low_first:
        answer.notes.append("Rank 1 = most deprived." if "Deprivation" in ind.name else "Rank 1 = highest.")
    if isinstance(winner.note, str) and winner.note:
        answer.notes.append(f"Data note ({winner.area_name}): {winner.note}")
    a.annotate(answer, indicator, winner.area, [period], set(frame.table_id))
    return answer


def _rank_siblings(a: Answerer, indicator: str, measure: str, period: str, frame) -> list:
    """The figures of the indicator's family members that are ranks of the same areas in the same period."""
    head = family_name(a.indicators[indicator].name)
    out = []
    for other, ind in a.indicators.items():
        if other == indicator or not head or family_name(ind.name) != head or ind.unit != a.indicators[indicator].unit:
            continue
        found = a.run("area_figures", indicator=other, measure=measure, period=period)
        found = found[found.area.isin(set(frame.area))]
        if len(found):
            found.attrs["indicator"] = other
            out.append(found)
    return out


def over_time(a: Answerer, c: Command, indicator: str) -> Answer:
    """"Which month had the lowest outcome rate": the month (or whole quarter) with the highest or lowest
    value of a monthly series, within the period asked if one was."""
    ind = a.indicators[indicator]
    area = c.area = c.area or a.home
    if c.direction:
        raise NoAnswer(f"The data gives {ind.name} month by month, not each month's change: ask which month was "
                       f"highest or lowest, or `trend {ind.name.lower()}`.",
                       [f"which month had the highest {ind.name.lower()}", f"trend {ind.name.lower()}"])
    series, numerator, denominator = monthly.parts_of(a, indicator)
    have = sorted(monthly.series(a, numerator or series, area))
    if not have:
        raise NoAnswer(f"The data has no monthly figures for {ind.name}, so no month can be picked out. "
                       "Monthly series: recorded crime, resolution outcomes and the outcome rate.",
                       ["which month had the lowest outcome rate", f"{ind.name.lower()}"])
    if c.period:
        dates = monthly.period_dates(a, c.period)
        if dates:
            wanted = set(months_between(dates[0], dates[1]))
            have = [m for m in have if m in wanted]
    if c.ytd and not c.period and not c.since and have:  # "worst month this year so far": April to the latest month
        last = have[-1]
        april = f"{int(last[:4]) - (1 if int(last[5:7]) < 4 else 0)}-04"
        have = [m for m in have if m >= april]
        if have:
            c.period = f"{have[0]}/{have[-1]}"
    if c.since and c.since in a.periods:  # "which month since april 2013": from that month on
        start = str(a.periods[c.since].start)[:7]
        have = [m for m in have if m[:7] >= start]
        if have and not c.period:  # understood as the months compared: "2013-04/2013-12"
            c.period = f"{have[0]}/{have[-1]}"
    groups: list[tuple[str, list[str]]] = [(month_label(m), [m]) for m in have]
    if c.scope == "quarters":
        groups = []
        for m in have:
            start_month = (int(m[5:7]) - 1) // 3 * 3 + 1
            first = f"{m[:4]}-{start_month:02d}"
            if m == first:
                quarter = months_between(f"{first}-01", f"{m[:4]}-{start_month + 2:02d}-01")
                if all(q in have for q in quarter):
                    fy = int(m[:4]) - (1 if start_month < 4 else 0)
                    groups.append((f"Q{(start_month - 4) % 12 // 3 + 1} {fy}/{str(fy + 1)[2:]} "
                                   f"({month_label(quarter[0]).split()[0][:3]}-{month_label(quarter[-1])[:3]} "
                                   f"{quarter[-1][:4]})", quarter))
    if len(groups) < 2:
        raise NoAnswer(f"The data has fewer than two whole {c.scope} of {ind.name} in that period.",
                       [f"{ind.name.lower()} {have[-1]}" if have else ind.name.lower()])
    values = []
    for label, months in groups:
        value, n, d = monthly.sums(a, indicator, area, months)
        values.append((label, value, n, d))
    high = c.extreme != "low"
    pick = (max if high else min)(values, key=lambda v: v[1])
    pct = numerator is not None
    unit = "%" if pct else ""
    digits = 1 if pct else 0
    what = f"{fmt_number(pick[1], digits, unit)}" + (
        f" ({monthly.counts_of(a, numerator, denominator, pick[2], pick[3])})" if pct else f" {a.indicators[series].unit}")
    span = f"{groups[0][0].split(' (')[0]} to {groups[-1][0].split(' (')[0]}"
    kind = "month" if c.scope == "months" else "quarter"
    headline = (f"{pick[0]} had the {'highest' if high else 'lowest'} {ind.name if pct else a.indicators[series].name} "
                f"in {area_name(a, area)} of the {len(groups)} {kind}s ({span}): {what}.")
    rows = [[label, fmt_number(v, digits, unit)] + ([fmt_number(n), fmt_number(d)] if pct else [])
            for label, v, n, d in sorted(values, key=lambda v: v[1], reverse=high)]
    columns = [kind.capitalize(), ind.name if pct else a.indicators[series].name] + (
        [a.indicators[numerator].name, a.indicators[denominator].name] if pct else [])
    c.indicator = indicator if pct else series
    answer = Answer(c.text, {}, headline=headline,
                    tables=[Table(f"{ind.name}, {area_name(a, area)}, by {kind}, {'highest' if high else 'lowest'} first",
                                  columns, rows)])
    if series != indicator and not pct:
        answer.notes.append(f"{ind.name} by month is the monthly series '{a.indicators[series].name}'.")
    a.annotate(answer, numerator or series, area, have, set(a.lookup("monthly_values", indicator=numerator or series,
                                                                      area=area).table_id))
    return answer


def _said_of(a: Answerer, c: Command, indicator: str, area: str, period: str) -> list[str]:
    """The assessment's own words naming an area the highest (or lowest) of something, in any of its tables:
    "Highest volume of drug offences in Kent"."""
    frame = a.run("named_extremes", indicator=indicator)
    words = r"\b(?:highest|most|worst)\b" if c.extreme != "low" else r"\b(?:lowest|fewest|best)\b"
    frame = frame[(frame.area == area) & (frame.period == period)]
    said = [n.split(";")[0].strip() for n in frame.note]  # "Highest ward rate in the county; ward population ..."
    said = [n for n in dict.fromkeys(said) if re.match(words, n.lower())]
    said.sort(key=lambda n: "volume" not in n.lower())  # the count first, as the figure shown is the count
    return [f"\"{n}\"" for n in said[:2]]


def _named_in_text(a: Answerer, c: Command, indicator: str, scopes: list[str]) -> Answer | None:
    """The area the assessment's text names as highest (or lowest) when it gives no figures to compare."""
    ind = a.indicators[indicator]
    frame = a.run("named_extremes", indicator=indicator)
    words = ("highest", "most", "worst") if c.extreme != "low" else ("lowest", "fewest", "best")
    if c.direction:  # "the biggest rise": what the text says rose most, not what is highest
        words = ("increase", "rise", "rose") if c.extreme != "low" else ("decrease", "fall", "fell", "reduction")
    types = {t for scope in scopes for t in SCOPES[scope]}
    notes = frame.note.str.lower()
    ordinal = notes.str.contains(r"(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth)\s+(?:highest|lowest|worst|best)")
    frame = frame[frame.area_type.isin(types) & notes.str.contains("|".join(words)) & ~ordinal]
    if c.scope == "wards":  # the wards named together as hotspots are answered together (``_named_wards``)
        frame = frame[~frame.measure.isin(["named_hotspot", "named_lowest"])]
    if c.period:
        frame = frame[frame.period == c.period]
    if frame.empty:
        return None
    row = frame.iloc[0]
    c.area, c.period = row.area, row.period
    unit = "%" if row.measure in ("percent", "pct_change") else ""
    value = fmt_change(row.value, row.digits, unit) if row.measure in ("pct_change", "volume_change", "pp_change") \
        else fmt_number(row.value, row.digits, unit)
    if row.measure == "county_rank" and row.area_type == "district":
        value = f"{value} {a.partnership.of_peers}"  # 'county rank 12 of 12': the field it is ranked in
    answer = Answer(c.text, {}, headline=(
        f"The assessment names {row.area_name}: \"{row.note}\" ({ind.name}, {MEASURE_LABEL.get(row.measure, row.measure).lower()} "
        f"{value}, {row.period_label}). It gives no other {'ward' if row.area_type == 'ward' else 'district'}'s "
        "figure to compare."),
        tables=[Table(f"{ind.name}: {row.area_name}, {row.period_label}", ["Area", "Period", "Measure", "Figure"],
                      [[row.area_name, row.period_label, MEASURE_LABEL.get(row.measure, row.measure), value]])])
    a.annotate(answer, indicator, row.area, [row.period], {row.table_id})
    return answer


CHANGE_MEASURES = ("volume_change", "pct_change", "change_direction")
NOT_FALLEN = "did not fall"  # a direction the assessment gives only as an exception to a fall: rose or held level
MOVED = {"rises": "rose", "falls": "fell", "not_falls": "did not fall (rose or held level)", "level": "held level"}


def districts_changed(a: Answerer, c: Command, indicator: str) -> Answer:
    """"which kent districts saw crime rise", "in which districts did crime not go down in 2012/13": the districts
    whose change moved the way asked, from the changes the assessment gives (a figure, or only its direction:
    "one of the four districts where recorded crime did not fall"). A district said only not to have fallen is
    never listed as having risen."""
    ind = a.indicators[indicator]
    scope = c.scope
    cov = a.lookup("area_coverage", indicator=indicator)
    cov = cov[cov.area_type.isin(SCOPES[scope]) & cov.measure.isin(CHANGE_MEASURES)]
    if c.period:
        cov = cov[cov.period == c.period]
    if cov.empty:  # "which wards saw asb fall": the wards' figures are for one period only
        wards = scope == "wards" and indicator in a.ward_indicators
        raise NoAnswer(f"The assessment gives no {scope[:-1]}'s change in {ind.name}"
                       + (f" for {c.period}" if c.period else "") + ", so it cannot say which "
                       + f"{scope} {'rose' if c.changes == 'rises' else 'fell' if c.changes == 'falls' else 'moved that way'}"
                       + (f"; it gives {ind.name} by ward for one period: ask `{ind.name.lower()} wards`." if wards
                          else "."),
                       [f"{ind.name.lower()} wards" if wards else f"compare {ind.name.lower()}"])
    if not c.period:  # "last year": the latest financial year; no year named: the period most districts have
        years = cov[[a.periods[x].kind == "financial_year" if x in a.periods else False for x in cov.period]]
        if c.relative is not None and len(years):
            order = sorted(set(years.period))
            c.period = order[max(0, len(order) - 1 + c.relative)]
        else:
            most = cov.groupby(["period", "period_end"], as_index=False).areas.sum()
            c.period = most.sort_values(["areas", "period_end"]).period.iloc[-1]
        c.relative = None
    period = c.period
    found: dict[str, dict] = {}
    for measure in CHANGE_MEASURES:
        frame = a.run("area_figures", indicator=indicator, measure=measure, period=period)
        for r in frame[frame.area_type.isin(SCOPES[scope])].itertuples():
            entry = found.setdefault(r.area, {"name": r.area_name, "sign": 0, "exact": False, "shown": [],
                                              "note": r.note, "table": r.table_id})
            if measure == "change_direction":  # the direction only; 'did not fall' is the text's word for no rise said
                entry["sign"] = entry["sign"] or (1 if r.value > 0 else -1 if r.value < 0 else 0)
                entry["exact"] = entry["exact"] or NOT_FALLEN not in str(r.note).lower()
            else:
                entry["sign"], entry["exact"] = (1 if r.value > 0 else -1 if r.value < 0 else 0), True
                entry["shown"].append(fmt_change(r.value, r.digits, "%" if measure == "pct_change" else ""))
    # 'did not fall' (a direction with no figure) is rose or held level: not a rise
    moved = {"rises": lambda e: e["sign"] > 0 and e["exact"], "falls": lambda e: e["sign"] < 0,
             "not_falls": lambda e: e["sign"] >= 0, "level": lambda e: e["sign"] == 0 and e["exact"]}[c.changes]
    listed = sorted((e for e in found.values() if moved(e)), key=lambda e: e["name"])
    label = a.periods[period].label if a.periods[period].kind != "financial_year" else period
    word = MOVED[c.changes]
    full = sum(1 for x in a.areas.values() if x.type == SCOPES[scope][0] and (scope != "wards" or x.parent == a.home))
    unsure = [e["name"] for e in found.values() if c.changes in ("rises", "level") and e["sign"] > 0 and not e["exact"]]
    if listed:
        among = f"the {full} {scope}" if len(found) >= full else f"the {len(found)} {scope} the assessment gives a change for"
        where = f"all {full} {scope}" if len(listed) >= full else f"{len(listed)} of {among}"
        shown = [e["name"] + (f" {' ('.join(e['shown'])}{')' * (len(e['shown']) > 1)}" if e["shown"] else "")
                 for e in listed]  # "Maidstone -577 (-6.5%)"
        headline = f"{ind.name} {word} in {where}, {label}: " + "; ".join(shown) + "."
    else:
        headline = (f"Of the {len(found)} {scope} the assessment gives a change for, it shows none where {ind.name} "
                    f"{word}, {label}.")
    if unsure:
        headline = headline[:-1] + (f"; the assessment says only that {', '.join(unsure)} did not fall (rose or held "
                                    "level), with no figure.")
    rows = [[e["name"], " ".join(e["shown"]) or {1: "rose" if e["exact"] else "did not fall", -1: "fell",
                                                  0: "no change"}[e["sign"]]]
            for e in sorted(found.values(), key=lambda e: e["name"])]
    answer = Answer(c.text, {}, headline=headline,
                    tables=[Table(f"{ind.name}: change by {scope[:-1]}, {label}", [scope[:-1].capitalize(), "Change"],
                                  rows)])
    if len(found) < full:
        answer.notes.append(f"The assessment gives a change for {len(found)} of the {full} {scope} only; it says "
                            "nothing of the others here.")
    for e in found.values():
        if isinstance(e["note"], str) and e["note"] and f"Data note: {e['note']}" not in answer.notes:
            answer.notes.append(f"Data note: {e['note']}")
    a.annotate(answer, indicator, a.home, [period], {e["table"] for e in found.values()})
    return answer


def _changed(frame, changes: str):
    """The rows of a frame of changes that moved the way asked: 'rises', 'falls', or 'not_falls' (rose or held)."""
    if changes == "rises":
        return frame[frame.value > 0]
    return frame[frame.value >= 0] if changes == "not_falls" else frame[frame.value < 0]


def over_categories(a: Answerer, c: Command) -> Answer:
    """"Which crime type rose the most in 2012/13": the categories the county ranks, side by side."""
    area = c.area = c.area or a.home
    ranked = a.run("ranked_periods", area=area)
    years = sorted(set(ranked[(ranked.measure == "county_rank") & (ranked.period_kind == "financial_year")].period))
    period = c.period or (years[-1] if years else None)
    if period is None:
        raise NoAnswer("The data has no crime categories ranked for that place.", ["rank changes"])
    measure = ("pct_change" if c.measure == "percent" else "volume_change") if c.direction else (
        "rate_per_1000" if c.measure == "rate" else "county_rank" if "rank" in c.cues else "count")
    ranked = set(a.run("area_period_figures", area=area, period=period, measure="county_rank").indicator)

    def categories(measure: str):  # the crime categories the county ranks in that period
        frame = a.run("area_period_figures", area=area, period=period, measure=measure)
        return frame[frame.indicator.isin(ranked)].sort_values(["value", "indicator_name"], ascending=[False, True])

    frame = categories(measure)
    since = c.since or c.against
    if since and measure == "volume_change" and since != period:  # "rose most since 2010/11": over those years
        now = categories("count")
        then = a.run("area_period_figures", area=area, period=since, measure="count")
        then = then.drop_duplicates("indicator").set_index("indicator")
        now = now[now.indicator.isin(then.index)]
        frame = now.assign(value=[r.value - then.value[r.indicator] for r in now.itertuples()], digits=0)
        if frame.empty:
            raise NoAnswer(f"The data has no crime categories with counts for both {since} and {period}.",
                           ["rank changes"])
    if c.changes and measure in ("volume_change", "pct_change"):
        frame = _changed(frame, c.changes)
    totals = {i for i, ind in a.indicators.items()
              if isinstance(ind.aliases, str) and any(x.startswith("total") for x in ind.aliases.split(";"))}
    frame = frame[~frame.indicator.isin(totals)]  # all crime is the sum of the categories, not one of them
    frame = frame[~frame.indicator.isin(c.excluded)]  # "other than shoplifting": left out, as asked
    if c.crime_word or "categories" in c.cues or c.excluded:  # crime categories, not casualties or fires
        frame = frame[frame.unit.isin(["crimes"] if c.crime_word else ["crimes", "incidents"])]
    if len(frame) < 2:
        raise NoAnswer(f"The data has no {MEASURE_LABEL.get(measure, measure).lower()} by crime category for "
                       f"{area_name(a, area)} in {period}.", ["rank changes"])
    if not c.extreme and c.changes and measure in ("volume_change", "pct_change"):
        # "which crimes went up in 2012/13": every category that rose (or fell), the largest change first
        frame = frame.sort_values(["value", "indicator_name"], ascending=[c.changes == "falls", True])
        signed_unit = "%" if measure == "pct_change" else ""
        listed = ", ".join(f"{r.indicator_name} {fmt_change(r.value, r.digits, signed_unit)}" for r in frame.itertuples())
        c.period, c.indicator = period, None
        word = MOVED[c.changes]
        answer = Answer(c.text, {}, headline=(
            f"{len(frame)} crime categories {word} in {area_name(a, area)}, {period}: {listed}."),
            tables=[Table(f"Crime categories that {word}, {area_name(a, area)}, {period}",
                          ["Category", MEASURE_LABEL.get(measure, measure)],
                          [[r.indicator_name, fmt_change(r.value, r.digits, signed_unit)] for r in frame.itertuples()])])
        a.annotate(answer, None, area, [period], set(frame.table_id) if "table_id" in frame else set())
        return answer
    high = c.extreme in ("high", "worst")  # the most crime is the worst
    if measure == "county_rank":
        high = c.extreme in ("worst", "low")  # rank 1 is the best: the best rank is the lowest number
    frame = frame.sort_values("value", ascending=not high)
    pick = frame.iloc[0]
    c.period, c.indicator = period, pick.indicator
    signed = measure in ("volume_change", "pct_change")
    unit = "%" if measure == "pct_change" else ""
    show = (lambda v, d: fmt_change(v, d, unit)) if signed else (
        (lambda v, d: f"{fmt_number(v, 0)} {a.partnership.of_peers}") if measure == "county_rank" else (lambda v, d: fmt_number(v, d, unit)))
    what = {"volume_change": "rise" if high else "fall", "pct_change": "% rise" if high else "% fall"}.get(
        measure, "highest " + MEASURE_LABEL.get(measure, measure).lower() if high else
        "lowest " + MEASURE_LABEL.get(measure, measure).lower())
    if measure == "county_rank":
        what = "best county rank" if not high else "worst county rank"
    if c.changes:
        what = {("falls", True): "smallest fall", ("falls", False): "biggest fall", ("rises", True): "biggest rise",
                ("rises", False): "smallest rise"}[(c.changes, high)]
    if since and measure == "volume_change" and since != period:
        what += f" since {since}"
    if signed and ((high and pick.value <= 0) or (not high and pick.value >= 0)):
        what = "smallest " + ("fall" if high else "rise")
    prefix = "biggest " if signed and not c.changes and "smallest" not in what else ""
    ties = list(frame[frame.value == pick.value].indicator_name)
    names = ", ".join(ties[:-1]) + f" and {ties[-1]}" if len(ties) > 1 else ties[0]
    kind = "crime categories" if set(frame.unit) <= {"crimes", "incidents"} else "categories of the county table"
    among = (f"of the {len(frame)} {kind} that {'rose' if c.changes == 'rises' else 'fell'}" if c.changes
             else f"of the {len(frame)} {kind}")
    headline = (f"{names} had the {prefix}{what} {among} "
                f"in {area_name(a, area)}, {period}: {show(pick.value, pick.digits)}{' each' if len(ties) > 1 else ''}.")
    rows = [[r.indicator_name, show(r.value, r.digits)] for r in frame.itertuples()]
    answer = Answer(c.text, {}, headline=headline, tables=[Table(
        f"{kind.capitalize()} by {MEASURE_LABEL.get(measure, measure).lower()}, {area_name(a, area)}, {period}",
        ["Category", MEASURE_LABEL.get(measure, measure)], rows)])
    answer.notes.append("The categories are those the county ranks (section 3.1); some overlap "
                        "(violent crime includes violence against the person).")
    a.annotate(answer, "", area, [period], set(frame.table_id))
    return answer


def over_years(a: Answerer, c: Command, indicator: str) -> Answer:
    """"When was asb highest", "which year was worst": the financial year with the highest or lowest level."""
    ind = a.indicators[indicator]
    area = c.area = c.area or a.home
    frame = a.run("trend", indicator=indicator, area=area, county=a.partnership.county)
    mine = frame[(frame.area == area) & (frame.period_kind == "financial_year")]
    measure = next((m for m in ("count", "percent", "rate_per_1000") if m in set(mine.measure)), None)
    mine = mine[mine.measure == measure] if measure else mine.iloc[0:0]
    if len(mine) < 2:
        raise NoAnswer(f"The data has fewer than two years of {ind.name} for {area_name(a, area)} to compare.",
                       [f"trend {ind.name.lower()}", ind.name.lower()])
    high = c.extreme != "low"
    pick = mine.sort_values("value", ascending=not high).iloc[0]
    unit = "%" if measure == "percent" else ""
    c.period = pick.period
    value = fmt_number(pick.value, pick.digits, unit)
    headline = (f"{ind.name} in {area_name(a, area)} was {'highest' if high else 'lowest'} in {pick.period} of the "
                f"{len(mine)} years the data has ({mine.period.iloc[0]} to {mine.period.iloc[-1]}): {value}"
                f"{'' if unit else ' ' + ind.unit}.")
    rows = [[r.period, fmt_number(r.value, r.digits, unit)] for r in mine.itertuples()]
    answer = Answer(c.text, {}, headline=headline,
                    tables=[Table(f"{ind.name}, {area_name(a, area)}, by year", ["Year", MEASURE_LABEL.get(measure, measure)],
                                  rows)])
    a.annotate(answer, indicator, area, list(mine.period), set(mine.table_id))
    return answer


def _named_wards(a: Answerer, c: Command, indicator: str, asked: str | None = None) -> Answer | None:
    """The wards the assessment names as highest (named_hotspot) or lowest (named_lowest), with no figures;
    ``asked``: the extreme as the question put it ('worst', 'most': the hotspots)."""
    ind = a.indicators[indicator]
    low = (asked or c.extreme) in ("low", "best")
    measure = "named_lowest" if low else "named_hotspot"
    rows = a.lookup("wards", indicator=indicator)
    rows = rows[rows.measure == measure]
    if rows.empty:
        return None
    if c.period and c.period not in set(rows.period):  # 'which ward had the most asb in 2010/11'
        when = " and ".join(dict.fromkeys(rows.period_label))
        raise NoAnswer(f"The assessment names the {'lowest' if low else 'highest'} wards for {ind.name} for {when} only, "
                       f"not for {a.vocab.names.get(('period', c.period), c.period)}.", [f"{ind.name.lower()} wards"])
    wards = in_text_order(rows.ward, rows.note)
    names = ", ".join(wards[:-1]) + f" and {wards[-1]}" if len(wards) > 1 else wards[0]
    word = "highest" if not low else "lowest"
    if "1 = most" in ind.name:
        word = re.search(r"1 = most (\w+)", ind.name).group(1)
        word = ("most " if not low else "least ") + word
    ward_ids = {name: key[1] for key, name in a.vocab.names.items() if key[0] == "area"}
    c.area = ward_ids.get(wards[0])  # understood: the first ward named
    answer = Answer(c.text, {}, headline=f"The assessment names {names} as the {word} "
                                         f"{'ward' if len(wards) == 1 else 'wards'} for {ind.name}, with no ward figures.",
                    tables=[Table(f"{ind.name}: wards named", ["Ward", "Note"],
                                  [[w, str(rows[rows.ward == w].note.iloc[0])] for w in wards])])
    a.annotate(answer, indicator, a.home, [], set(rows.table_id))
    return answer
