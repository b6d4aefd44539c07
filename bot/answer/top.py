"""Superlatives over areas or wards: "which district has the highest ...", "which ward has the most ...".

The headline names the answer ("Thanet has the highest ..., 44.32"), and says over how many areas the
assessment gives the figure: the data holds only the districts and wards the text names.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..parse import Command
from .base import MEASURE_LABEL, Answer, NoAnswer, Table, area_name, fmt_number, fmt_rank

if TYPE_CHECKING:
    from .answerer import Answerer

MEASURE_ORDER = ("count", "percent", "rate_per_1000", "rank", "average_per_year", "share_pct", "pct_change",
                 "volume_change", "ward_rank_in_kent")
SCOPES = {"wards": ("ward",), "districts": ("district", "unitary")}


def top(a: Answerer, c: Command) -> Answer:
    indicator = a._need_indicator(c, "highest")
    ind = a.indicators[indicator]
    cov = a.run("area_coverage", indicator=indicator)
    cov = cov[cov.areas >= 1]
    scopes = [c.scope] if c.scope else ["districts", "wards"]
    wanted = {"rate": ("rate_per_1000",), "percent": ("percent", "share_pct")}.get(c.measure, MEASURE_ORDER)
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
    if ranks_low_first:
        word = ("most " if high else "least ") + ("deprived" if "Deprivation" in ind.name else "highly ranked")
        what = f"{ind.name} {value}"
    else:
        what = f"{MEASURE_LABEL.get(measure, measure).lower()} of {ind.name}".replace("number of", "number of") + f", {value}"
    names = " and ".join(ties.area_name)
    verb = "have" if len(ties) > 1 else "has"
    total = len(frame)
    kind_word = "wards" if scope == "wards" else "districts"
    full = sum(1 for t in a.vocab.area_types.values() if t in SCOPES[scope])
    among = (f"of the {total} {kind_word} the assessment gives" if total < full else f"of all {total} {kind_word}")
    if ranks_low_first:
        headline = f"{names} {verb} the {word} ({what}) {among}, {label}."
    else:
        headline = f"{names} {verb} the {word} {what} {among}, {label}."
    rows = [[str(i), r.area_name, fmt_rank(r.value, r.flag) if ranks_low_first else fmt_number(r.value, r.digits, unit)]
            for i, r in enumerate(frame.itertuples(), start=1)]
    answer = Answer(c.text, {}, headline=headline,
                    tables=[Table(f"{ind.name}: {MEASURE_LABEL.get(measure, measure)} by {kind_word[:-1]}, {label}",
                                  ["#", kind_word[:-1].capitalize(), MEASURE_LABEL.get(measure, measure)], rows)])
    if total < full:
        answer.notes.append(f"The assessment gives this figure for {total} of the {full} {kind_word} only; "
                            "others may be higher or lower.")
    if ranks_low_first:
        answer.notes.append("Rank 1 = most deprived." if "Deprivation" in ind.name else "Rank 1 = highest.")
    a.annotate(answer, indicator, winner.area, [period], set(frame.table_id))
    return answer
