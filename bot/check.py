"""The data check: recompute every derived figure from its parts and compare it with the published text.

Rules (each data-driven, so a new pack is checked without new code):

- change: volume change, % change and percentage-point change from the two levels (the comparison
  period is ``compared_with``, or the same period a year earlier); change in rank from two ranks;
- rate: rate per 1,000 from the count and the denominator named by the indicator's rate base;
- direction: the rank arrow from the county ranks of the two years;
- ratio: percentages defined as one indicator over another (outcome rate, % repeat victims);
- sum: totals over a span against the sum of the months inside it;
- share: a ward's share of its parent area's count;
- parts: itemised parts (outcome types) that add up to more than their whole;
- agreement: one figure given differently by two source tables;
- and the corrections, text errata and left-out rows recorded in the pack itself.

A figure "agrees" when the computed value rounds to the published one at the published precision;
within one unit of the last printed digit it is a ``rounding`` issue, beyond that an ``error``.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass

from .periods import PeriodIndex
from .datapack import Pack

# Whole numbers that are exact when right: any difference is an error, never rounding.
EXACT_MEASURES = frozenset({"count", "volume_change", "county_rank", "rank_direction", "rank", "rank_change",
                            "increase_rank", "ward_rank_in_kent", "msg_rank", "national_rank", "change_direction"})
ARROWS = {1.0: "↑ (improved)", 0.0: "← (unchanged)", -1.0: "↓ (declined)"}


@dataclass
class Issue:
    severity: str  # error | rounding | correction | text | excluded
    rule: str
    table: str | None
    section: str | None
    indicator: str | None
    area: str | None
    period: str | None
    measure: str | None
    published: str | None
    computed: float | None
    stored: float | None
    note: str

    def to_dict(self) -> dict:
        return asdict(self)


class Checker:
    def __init__(self, pack: Pack):
        self.pack = pack
        self.periods = pack.index("periods")
        self.indicators = pack.index("indicators")
        self.areas = pack.index("areas")
        self.catalog = pack.index("catalog", "table_id")
        self.period_index = PeriodIndex((p["id"], p["start"], p["end"]) for p in pack.tables["periods"])
        self.facts = defaultdict(list)  # (indicator, area, period, measure, compared_with) -> rows
        for fact in pack.facts:
            key = (fact["indicator"], fact["area"], fact["period"], fact["measure"], fact["compared_with"])
            self.facts[key].append(fact)
        self.denominators = {(d["area"], d["base"], d["period"]): d for d in pack.tables["denominators"]}
        self.months = defaultdict(dict)  # (indicator, area, table) -> {month start: value}
        for fact in pack.facts:
            if fact["measure"] == "count" and self.periods[fact["period"]]["kind"] == "month":
                self.months[(fact["indicator"], fact["area"], fact["table_id"])][self.periods[fact["period"]]["start"]] = fact

    # -- looking things up -------------------------------------------------------------------
    def year_before(self, period: str) -> str | None:
        """The same period one year earlier (2012/13 -> 2011/12, Apr-Sep 2013 -> Apr-Sep 2012), if defined."""
        return self.period_index.year_before(period)

    def value(self, indicator, area, period, measures, prefer_table=None):
        """The stored value of a figure, preferring the given table, then the table of highest precedence."""
        for measure in measures:
            rows = self.facts.get((indicator, area, period, measure, None))
            if rows:
                rows = sorted(rows, key=lambda r: (r["table_id"] != prefer_table,
                                                   self.catalog[r["table_id"]]["precedence"]))
                return rows[0]["value"], f"{measure} {period}"
        return self.monthly_sum(indicator, area, period)

    def monthly_sum(self, indicator, area, period):
        """A count for a span or year built from monthly figures, when every month is there."""
        if self.periods[period]["kind"] == "month":
            return None
        p = self.periods[period]
        for source in (indicator, self.indicators[indicator]["monthly_indicator"]):
            if not source:
                continue
            for (ind, ar, _table), months in self.months.items():
                if ind != source or ar != area:
                    continue
                wanted = list(self._month_starts(p["start"], p["end"]))
                if all(m in months for m in wanted):
                    return sum(months[m]["value"] for m in wanted), f"sum of {len(wanted)} months of {source}"
        return None

    @staticmethod
    def _month_starts(start: str, end: str):
        y, m = int(start[:4]), int(start[5:7])
        while f"{y:04d}-{m:02d}-01" <= end:
            yield f"{y:04d}-{m:02d}-01"
            m += 1
            if m > 12:
                y, m = y + 1, 1

    # -- rules -----------------------------------------------------------------------------
    def computed(self, fact) -> tuple[float, str] | None:
        """The value this fact should have, recomputed from other figures, with how; None if it cannot be."""
        ind, area, period, measure = fact["indicator"], fact["area"], fact["period"], fact["measure"]
        table = fact["table_id"]
        if measure in ("volume_change", "pct_change", "pp_change", "rank_change"):
            base = fact["compared_with"] or self.year_before(period)
            if not base:
                return None
            levels = ("rank",) if measure == "rank_change" else \
                ("percent",) if measure == "pp_change" or self.indicators[ind]["unit"].startswith("%") else \
                ("count", "average_per_year")
            now, before = self.value(ind, area, period, levels, table), self.value(ind, area, base, levels, table)
            if not now or not before:
                return None
            how = f"from {before[1]} ({before[0]:g}) and {now[1]} ({now[0]:g})"
            if measure == "rank_change":
                return before[0] - now[0], how
            if measure in ("volume_change", "pp_change"):
                return now[0] - before[0], how
            return (None, how) if before[0] == 0 else ((now[0] - before[0]) / before[0] * 100, how)
        if measure == "rate_per_1000":
            base = self.indicators[ind]["rate_base"]
            denominator = self.denominators.get((area, base, period)) if base else None
            count = self.value(ind, area, period, ("count",), table)
            if not denominator or not count:
                return None
            return count[0] / denominator["value"] * 1000, f"{count[0]:g} / {denominator['value']:g} {base} x 1,000"
        if measure == "rank_direction":
            now = self.value(ind, area, period, ("county_rank",), table)
            base = self.year_before(period)
            before = self.value(ind, area, base, ("county_rank",), table) if base else None
            if not now or not before:
                return None
            sign = (before[0] > now[0]) - (before[0] < now[0])
            return float(sign), f"county rank {before[0]:g} in {base} and {now[0]:g} in {period}"
        if measure == "percent" and self.indicators[ind]["ratio_of"]:
            top, bottom = self.indicators[ind]["ratio_of"].split("/")
            a = self.value(top, area, period, ("count",), table)
            b = self.value(bottom, area, period, ("count",), table)
            if not a or not b or not b[0]:
                return None
            return a[0] / b[0] * 100, f"{top} {a[0]:g} / {bottom} {b[0]:g}"
        if measure == "count" and self.periods[period]["kind"] != "month":
            summed = self.monthly_sum(ind, area, period)
            if summed and summed[1].endswith(f"of {ind}"):
                return summed
        if measure == "share_pct":
            parent = self.areas[area]["parent"]
            part = self.value(ind, area, period, ("count",), table)
            whole = self.value(ind, parent, period, ("count",), table) if parent else None
            if not part or not whole or not whole[0]:
                return None
            return part[0] / whole[0] * 100, f"{part[0]:g} of {whole[0]:g} in {parent}"
        return None

    @staticmethod
    def compare(stored: float, computed: float, digits: int, approximate: bool, exact: bool = False) -> str | None:
        """None when they agree; 'rounding' within one unit of the last printed digit; else 'error'.

        >>> Checker.compare(6.90, 6.9085, 2, False), Checker.compare(53.2, 53.2477, 1, False)
        ('rounding', None)
        """
        diff = abs(stored - computed)
        if exact:
            return None if diff < 1e-9 else "error"
        if approximate:
            return None if diff <= max(1.0, abs(stored) * 0.05) else "error"
        unit = 10 ** -digits
        if diff <= unit / 2 + 1e-9:
            return None
        return "rounding" if diff <= unit + 1e-9 else "error"

    def run(self) -> list[Issue]:
        issues: list[Issue] = []
        for fact in self.pack.facts:
            section = self.catalog[fact["table_id"]]["section"]
            result = self.computed(fact)
            computed = result[0] if result else None
            verdict = None
            if computed is not None:
                verdict = self.compare(fact["value"], computed, fact["digits"], fact["flag"] == "approximate",
                                       fact["measure"] in EXACT_MEASURES)
            if fact["published"]:
                issues.append(self._issue("correction", "correction", fact, section, computed, fact["note"]))
            elif verdict:
                if fact["measure"] == "rank_direction":
                    note = (f"Published arrow {ARROWS[fact['value']]}, but {result[1]} mean "
                            f"{ARROWS[computed]}.")
                else:
                    note = (f"Published {fact['value']:.{fact['digits']}f}; recomputed {computed:.{max(fact['digits'], 1)}f} "
                            f"({result[1]}).")
                if fact["note"]:
                    note += f" ({fact['note']})"
                issues.append(self._issue(verdict, self._rule(fact), fact, section, computed, note))
        issues.extend(self._agreement())
        issues.extend(self._parts())
        for e in self.pack.tables["errata"]:
            issues.append(Issue("text", "erratum", None, e["section"], e["indicator"], e["area"], e["period"],
                                None, e["published"], None, None, f"{e['note']} Correction: {e['correction']}."))
        for x in self.pack.tables["excluded"]:
            issues.append(Issue("excluded", "left out", x["table"], self.catalog[x["table"]]["section"], None,
                                None, x["row"], None, x["published"], None, None, x["reason"]))
        return issues

    @staticmethod
    def _rule(fact) -> str:
        return {"rate_per_1000": "rate", "rank_direction": "direction", "share_pct": "share",
                "percent": "ratio", "count": "sum"}.get(fact["measure"], "change")

    def _issue(self, severity, rule, fact, section, computed, note) -> Issue:
        return Issue(severity, rule, fact["table_id"], section, fact["indicator"], fact["area"], fact["period"],
                     fact["measure"], fact["published"] or f"{fact['value']:.{fact['digits']}f}", computed,
                     fact["value"], note)

    def _agreement(self) -> list[Issue]:
        issues = []
        for key, rows in self.facts.items():
            if len(rows) < 2:
                continue
            rows = sorted(rows, key=lambda r: self.catalog[r["table_id"]]["precedence"])
            first = rows[0]
            for other in rows[1:]:
                digits = min(first["digits"], other["digits"])
                approximate = "approximate" in (first["flag"], other["flag"])
                verdict = self.compare(other["value"], first["value"], digits, approximate, key[3] in EXACT_MEASURES)
                if verdict:
                    a, b = (self.catalog[r["table_id"]]["section"] for r in (first, other))
                    note = (f"Section {a} gives {first['value']:g}; section {b} gives {other['value']:g}. "
                            f"The bot shows section {a}'s figure.")
                    if other["note"]:
                        note += f" ({other['note']})"
                    issues.append(Issue(verdict, "agreement", other["table_id"], b, *key[:4],
                                        f"{other['value']:g}", first["value"], first["value"], note))
        return issues

    def _parts(self) -> list[Issue]:
        wholes = defaultdict(float)
        for fact in self.pack.facts:
            whole = self.indicators[fact["indicator"]]["part_of"]
            if whole and fact["measure"] == "count":
                wholes[(whole, fact["area"], fact["period"], fact["table_id"])] += fact["value"]
        issues = []
        for (whole, area, period, table), parts in wholes.items():
            total = self.value(whole, area, period, ("count",), table)
            if total and parts > total[0]:
                issues.append(Issue("error", "parts", table, self.catalog[table]["section"], whole, area, period,
                                    "count", f"{total[0]:g}", parts, total[0],
                                    f"The itemised parts add up to {parts:g}, more than the total {total[0]:g}."))
        return issues


def check_pack(pack: Pack) -> list[Issue]:
    """Every disagreement between the pack's figures and what they should be, recomputed."""
    return Checker(pack).run()
