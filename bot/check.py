"""The data check: recompute every derived figure from its parts and compare it with the published text.

Rules (each data-driven, so a new pack is checked without new code):

- change: volume change, % change and percentage-point change from the two levels (the comparison
  period is ``compared_with``, or the same period a year earlier); change in rank from two ranks;
- rate: rate per 1,000 from the count and the denominator named by the indicator's rate base;
- direction: the rank arrow from the county ranks of the two years;
- ratio: percentages defined as one indicator over another (outcome rate, % repeat victims);
- sum: totals over a span against the sum of the months inside it;
- share: a ward's share of its parent area's count, and the named wards' share together;
- parts: itemised parts (outcome types) that add up to more than their whole;
- whole: a percentage of a count of people (an indicator ``part_of`` a count) must be a whole number
  of them;
- rank basis: a table whose footnotes say its county ranks use the rate per 1,000, ranking rows that
  have no rate;
- weekday: a dated event's printed weekday against the calendar;
- agreement: one figure given differently by two source tables;
- and the corrections, text errata and left-out rows recorded in the pack itself.

A figure "agrees" when the computed value rounds to the published one at the published precision;
within one unit of the last printed digit it is a ``rounding`` issue, beyond that an ``error``.

Disagreements that share one cause are reported once: rates whose published values all imply the same
other denominator (or the same other scale, per 10,000 for per 1,000), a published change that
disagrees with both levels in the same way, and the same misprint printed in two tables.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import date

from .datapack import Pack
from .periods import PeriodIndex

# Whole numbers that are exact when right: any difference is an error, never rounding.
EXACT_MEASURES = frozenset({"count", "volume_change", "county_rank", "rank_direction", "rank", "rank_change",
                            "increase_rank", "ward_rank_in_kent", "msg_rank", "national_rank", "change_direction"})
ARROWS = {1.0: "↑ (improved)", 0.0: "← (unchanged)", -1.0: "↓ (declined)"}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
SAME_BASE = 0.01  # rates whose implied denominators agree within 1% share one cause
RATE_SCALES = (10_000, 100)  # per 10,000 or per 100 printed in a per 1,000 column
# A footnote saying what the county ranks are based on: '5 County ranking is based on the per 1,000 value'
RANK_BASIS = re.compile(r"(\d+)\s+([^.;]*\brank[^.;]*\b1,000\b[^.;]*)", re.IGNORECASE)


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
    also: str | None = None  # other indicators (comma-separated) the same issue concerns, same area and period

    def to_dict(self) -> dict:
        return asdict(self)


def _thousands(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"


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
        self.ward_counts = defaultdict(dict)  # (indicator, parent area, period) -> {ward: value}
        for (ind, area, period, measure, compared), rows in self.facts.items():
            if measure == "count" and not compared and self.areas[area]["type"] == "ward" and self.areas[area]["parent"]:
                self.ward_counts[(ind, self.areas[area]["parent"], period)][area] = self._first(rows)["value"]

    def _first(self, rows):
        return min(rows, key=lambda r: self.catalog[r["table_id"]]["precedence"])

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

    def _levels(self, fact):
        """For a change: the comparison period, and the level now and before ((value, how) each), or None."""
        ind, area, period, measure = fact["indicator"], fact["area"], fact["period"], fact["measure"]
        base = fact["compared_with"] or self.year_before(period)
        if not base:
            return None
        levels = ("rank",) if measure == "rank_change" else \
            ("percent",) if measure == "pp_change" or self.indicators[ind]["unit"].startswith("%") else \
            ("count", "average_per_year")
        now = self.value(ind, area, period, levels, fact["table_id"])
        before = self.value(ind, area, base, levels, fact["table_id"])
        if not now or not before:
            return None
        return base, now, before

    def _rate_parts(self, fact):
        """The count and the denominator row a rate per 1,000 is computed from, or None."""
        base = self.indicators[fact["indicator"]]["rate_base"]
        denominator = self.denominators.get((fact["area"], base, fact["period"])) if base else None
        count = self.value(fact["indicator"], fact["area"], fact["period"], ("count",), fact["table_id"])
        if not denominator or not count:
            return None
        return count[0], denominator

    # -- rules -----------------------------------------------------------------------------
    def computed(self, fact) -> tuple[float, str] | None:
        """The value this fact should have, recomputed from other figures, with how; None if it cannot be."""
        ind, area, period, measure = fact["indicator"], fact["area"], fact["period"], fact["measure"]
        table = fact["table_id"]
        if measure in ("volume_change", "pct_change", "pp_change", "rank_change"):
            levels = self._levels(fact)
            if not levels:
                return None
            _base, now, before = levels
            how = f"from {before[1]} ({before[0]:g}) and {now[1]} ({now[0]:g})"
            if measure == "rank_change":
                return before[0] - now[0], how
            if measure in ("volume_change", "pp_change"):
                return now[0] - before[0], how
            return (None, how) if before[0] == 0 else ((now[0] - before[0]) / before[0] * 100, how)
        if measure == "rate_per_1000":
            parts = self._rate_parts(fact)
            if not parts:
                return None
            count, denominator = parts
            return count / denominator["value"] * 1000, f"{count:g} / {denominator['value']:g} {denominator['base']} x 1,000"
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
        if measure == "named_wards_share_pct":
            wards = self.ward_counts.get((ind, area, period))
            whole = self.value(ind, area, period, ("count",), table)
            if not wards or not whole or not whole[0]:
                return None
            names = " + ".join(f"{self.areas[w]['name']} {v:g}" for w, v in wards.items())
            return sum(wards.values()) / whole[0] * 100, f"{names} = {sum(wards.values()):g} of {whole[0]:g} in {area}"
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
        disagreements = []  # (fact, verdict, (computed, how))
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
                disagreements.append((fact, verdict, result))
        issues.extend(self._disagreements(disagreements))
        issues.extend(self._agreement())
        issues.extend(self._parts())
        issues.extend(self._whole_numbers())
        issues.extend(self._rank_basis())
        issues.extend(self._weekdays())
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
                "named_wards_share_pct": "share", "percent": "ratio", "count": "sum"}.get(fact["measure"], "change")

    def _issue(self, severity, rule, fact, section, computed, note) -> Issue:
        return Issue(severity, rule, fact["table_id"], section, fact["indicator"], fact["area"], fact["period"],
                     fact["measure"], fact["published"] or self._printed(fact), computed, fact["value"], note)

    @staticmethod
    def _printed(fact) -> str:
        return f"{fact['value']:.{fact['digits']}f}"

    def _name(self, indicator: str) -> str:
        return self.indicators[indicator]["name"]

    # -- disagreements, grouped by cause ---------------------------------------------------------
    def _disagreements(self, found) -> list[Issue]:
        """One issue per cause: rates sharing a denominator or scale, a change against both its levels,
        and a misprint repeated in two tables; every other disagreement on its own."""
        rates = [(f, r) for f, v, r in found if v == "error" and f["measure"] == "rate_per_1000" and self._rate_parts(f)]
        grouped = {id(f) for f, _ in rates}
        issues = self._rate_groups(rates)
        changes = defaultdict(dict)
        for f, v, r in found:
            if v == "error" and f["measure"] in ("volume_change", "pct_change"):
                changes[(f["indicator"], f["area"], f["period"], f["table_id"], f["compared_with"])][f["measure"]] = (f, r)
        single = []
        for pair in changes.values():
            if len(pair) == 2:
                issue = self._change_pair(pair["volume_change"][0], pair["pct_change"][0])
                if issue:
                    single.append(issue)
                    grouped |= {id(pair["volume_change"][0]), id(pair["pct_change"][0])}
        for fact, verdict, result in found:
            if id(fact) in grouped:
                continue
            if fact["measure"] == "rank_direction":
                note = f"Published arrow {ARROWS[fact['value']]}, but {result[1]} mean {ARROWS[result[0]]}."
            else:
                note = (f"Published {self._printed(fact)}; recomputed {result[0]:.{max(fact['digits'], 1)}f} "
                        f"({result[1]}).")
            if fact["note"]:
                note += f" ({fact['note']})"
            single.append(self._issue(verdict, self._rule(fact), fact, self.catalog[fact["table_id"]]["section"],
                                      result[0], note))
        return issues + self._collapse(single)

    def _collapse(self, issues: list[Issue]) -> list[Issue]:
        """The same misprint printed in several tables (5.6 repeats rows of 3.1) is one issue naming each section."""
        kept: dict[tuple, Issue] = {}
        for issue in issues:
            key = (issue.severity, issue.rule, issue.indicator, issue.area, issue.period, issue.measure,
                   issue.published, None if issue.computed is None else round(issue.computed, 6))
            if key not in kept:
                kept[key] = issue
            elif issue.section not in kept[key].section.split(", "):
                kept[key].section += f", {issue.section}"
        for issue in kept.values():
            if ", " in issue.section:
                issue.note += f" The same figure is printed in sections {issue.section.replace(', ', ' and ')}."
        return list(kept.values())

    def _rate_groups(self, rates) -> list[Issue]:
        """Rate disagreements grouped by what the published rates imply: one other denominator for several
        rates (they share one cause), or a per 10,000 (or per 100) rate in a per 1,000 column."""
        readings = defaultdict(list)  # (area, base, period, scale) -> [(fact, count, denominator, implied base)]
        for fact, _result in rates:
            count, denominator = self._rate_parts(fact)
            scale = next((s for s in RATE_SCALES if self.compare(fact["value"], count / denominator["value"] * s,
                                                                  fact["digits"], False) != "error"), None)
            implied = count / fact["value"] * 1000 if fact["value"] else None
            readings[(fact["area"], denominator["base"], fact["period"], scale)].append(
                (fact, count, denominator, implied))
        issues = []
        for (_area, base, _period, scale), group in readings.items():
            if scale:
                issues.append(self._rate_issue(group, self._scale_note(group, base, scale)))
                continue
            group.sort(key=lambda g: g[3] or 0)
            clusters: list[list] = []
            for item in group:
                if item[3] and clusters and clusters[-1][0][3] and item[3] <= clusters[-1][0][3] * (1 + SAME_BASE):
                    clusters[-1].append(item)
                else:
                    clusters.append([item])
            for cluster in clusters:
                issues.append(self._rate_issue(cluster, self._base_note(cluster, base)))
        return issues

    def _rate_issue(self, group, note) -> Issue:
        first = group[0][0]
        sections = ", ".join(dict.fromkeys(self.catalog[g[0]["table_id"]]["section"] for g in group))
        computed = group[0][1] / group[0][2]["value"] * 1000
        others = ",".join(dict.fromkeys(g[0]["indicator"] for g in group[1:] if g[0]["indicator"] != first["indicator"]))
        return Issue("error", "rate", first["table_id"], sections, first["indicator"], first["area"], first["period"],
                     "rate_per_1000", ", ".join(self._printed(g[0]) for g in group), computed, first["value"], note,
                     others or None)

    def _base_note(self, group, base) -> str:
        denominator = group[0][2]
        recomputed = [g[1] / denominator["value"] * 1000 for g in group]
        if len(group) == 1:
            fact, count, _d, implied = group[0]
            note = (f"Published {self._printed(fact)}; recomputed {recomputed[0]:.{max(fact['digits'], 1)}f} "
                    f"({count:g} / {denominator['value']:g} {base} x 1,000)."
                    + (f" {self._printed(fact)} would need about {_thousands(round(implied, -2))} {base}." if implied else ""))
            return note + (f" ({fact['note']})" if fact["note"] else "")
        mean = sum(g[3] for g in group) / len(group)
        common = round(mean, -(len(str(int(mean))) - 3))  # three significant figures: about 126,000
        readings = "; ".join(f"{self._name(f['indicator'])} {self._printed(f)} = {_thousands(c)} / {_thousands(round(b))}"
                             for f, c, _d, b in group)
        on_stated = " and ".join(f"{r:.{max(g[0]['digits'], 1)}f}" for r, g in zip(recomputed, group))
        return (f"One cause behind {len(group)} rates: the published rates all imply a denominator of about "
                f"{_thousands(common)} {base} ({readings}), not the {_thousands(denominator['value'])} stated "
                f"({denominator['source']}). On {_thousands(denominator['value'])} they would be {on_stated}. "
                "Either the stated denominator or every one of these rates is wrong, and no second figure settles "
                "which, so the bot shows the published rates.")

    def _scale_note(self, group, base, scale) -> str:
        denominator = group[0][2]
        readings = "; ".join(f"{self._name(f['indicator'])} {self._printed(f)} ({c:g} / {_thousands(denominator['value'])} "
                             f"x {_thousands(scale)} = {c / denominator['value'] * scale:.{f['digits']}f})"
                             for f, c, _d, _b in group)
        per_1000 = " and ".join(f"{c / denominator['value'] * 1000:.3f}" for _f, c, _d, _b in group)
        these = "these published rates are" if len(group) > 1 else "this published rate is"
        return (f"{'One cause behind ' + str(len(group)) + ' rates: ' if len(group) > 1 else ''}the column says per "
                f"1,000 but {these} per {_thousands(scale)} {base}: {readings}. Per 1,000 {base} "
                f"({denominator['source']}) {'they' if len(group) > 1 else 'it'} would be {per_1000}. The bot shows "
                "the published figures.")

    def _change_pair(self, volume, percent) -> Issue | None:
        """A published volume change and % change that agree with each other but not with the two levels:
        one disagreement (a level or the change is misprinted), not two."""
        levels = self._levels(volume)
        if not levels:
            return None
        base, now, before = levels
        if not before[0] or self.compare(percent["value"], volume["value"] / before[0] * 100, percent["digits"], False) == "error":
            return None
        implied = before[0] + volume["value"]
        note = (f"One cause: the published changes {volume['value']:+g} and {percent['value']:+.{percent['digits']}f}% "
                f"agree with each other and mean {before[0]:g} in {base} to {implied:g} in {volume['period']}, but the "
                f"published {volume['period']} figure is {now[0]:g} ({before[0]:g} to {now[0]:g} is "
                f"{now[0] - before[0]:+g}, {(now[0] - before[0]) / before[0] * 100:+.1f}%). Either that figure or the "
                "change is misprinted, and no second figure settles which, so the bot shows the published figures.")
        if volume["note"]:
            note += f" ({volume['note']})"
        return Issue("error", "change", volume["table_id"], self.catalog[volume["table_id"]]["section"],
                     volume["indicator"], volume["area"], volume["period"], "volume_change",
                     f"{volume['value']:+g} ({percent['value']:+.{percent['digits']}f}%)", now[0] - before[0],
                     volume["value"], note)

    # -- other rules -------------------------------------------------------------------------------
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

    def _whole_numbers(self) -> list[Issue]:
        """A percentage of a count of people (its indicator is ``part_of`` that count) is k / N for a whole k."""
        issues = []
        for fact in self.pack.facts:
            whole_of = self.indicators[fact["indicator"]]["part_of"]
            if fact["measure"] != "percent" or not whole_of or fact["flag"] == "approximate":
                continue
            whole = self.value(whole_of, fact["area"], fact["period"], ("count",), fact["table_id"])
            if not whole or whole[0] <= 0 or not float(whole[0]).is_integer():
                continue
            n, pct = int(whole[0]), fact["value"]
            exact = pct * n / 100
            near = sorted({max(0, int(exact)), min(n, int(exact) + 1)})
            if any(self.compare(pct, k / n * 100, fact["digits"], False) is None for k in near):
                continue
            unit = self.indicators[whole_of]["unit"]
            options = " and ".join(f"{k} would be {k / n * 100:.{max(fact['digits'], 1)}f}%" for k in near)
            issues.append(Issue("error", "whole", fact["table_id"], self.catalog[fact["table_id"]]["section"],
                                fact["indicator"], fact["area"], fact["period"], "percent", self._printed(fact),
                                exact, pct, f"{self._printed(fact)}% of {n} ({self._name(whole_of).lower()}) is "
                                f"{exact:.2f} {unit}: not a whole number. {options[0].upper() + options[1:]}."))
        return issues

    def _rank_basis(self) -> list[Issue]:
        """A table whose footnotes say its county ranks use the rate per 1,000, ranking rows with no rate."""
        issues, seen = [], set()
        for table in sorted(self.pack.tables["catalog"], key=lambda t: t["precedence"]):
            basis = RANK_BASIS.search(table["footnotes"] or "")
            if not basis:
                continue
            ranked = []
            for fact in self.pack.facts:
                key = (fact["indicator"], fact["area"], fact["period"])
                ind = self.indicators[fact["indicator"]]
                if (fact["table_id"] != table["table_id"] or fact["measure"] != "county_rank" or key in seen
                        or fact["compared_with"] or ind["rate_base"] or ind["unit"].startswith("%")
                        or (*key, "rate_per_1000", None) in self.facts):
                    continue
                seen.add(key)
                ranked.append(fact)
            if not ranked:
                continue
            first = ranked[0]
            rows = ", ".join(f"{self._name(f['indicator'])} ({'=' if f['flag'] == 'joint' else ''}{f['value']:g})"
                             for f in ranked)
            periods = {f["period"] for f in ranked}
            note = (f"Footnote {basis.group(1)} of section {table['section']} says '{basis.group(2).strip()}', but "
                    f"{len(ranked)} ranked rows have no rate per 1,000 and no denominator: {rows}. Their county ranks "
                    "can only rank counts (or rates the assessment does not give).")
            others = ",".join(dict.fromkeys(f["indicator"] for f in ranked[1:]))
            issues.append(Issue("error", "rank basis", table["table_id"], table["section"], first["indicator"],
                                first["area"], first["period"] if len(periods) == 1 else None, "county_rank",
                                basis.group(2).strip(), None, None, note, others or None))
        return issues

    def _weekdays(self) -> list[Issue]:
        """Each dated event's printed weekday against the calendar; two weekdays swapped are one issue."""
        wrong = []
        for event in self.pack.tables["events"]:
            day = date.fromisoformat(event["date"])
            if WEEKDAYS[day.weekday()].lower() != event["weekday"].strip().lower():
                wrong.append((event, day))
        issues, done = [], set()

        def when(event, day):
            return f"{event['weekday']} {day.day} {MONTHS[day.month]}"

        for i, (a, day_a) in enumerate(wrong):
            if i in done:
                continue
            swap = next((j for j, (b, day_b) in enumerate(wrong) if j > i and j not in done
                         and b["weekday"].lower() == WEEKDAYS[day_a.weekday()].lower()
                         and a["weekday"].lower() == WEEKDAYS[day_b.weekday()].lower()), None)
            if swap is not None:
                b, day_b = wrong[swap]
                done.add(swap)
                published = f"{a['event']}: {when(a, day_a)}; {b['event']}: {when(b, day_b)}"
                note = (f"{day_a.day} {MONTHS[day_a.month]} {day_a.year} was a {WEEKDAYS[day_a.weekday()]} and "
                        f"{day_b.day} {MONTHS[day_b.month]} {day_b.year} a {WEEKDAYS[day_b.weekday()]}: the printed "
                        f"weekdays of {a['event']} and {b['event']} are swapped.")
            else:
                published = f"{a['event']}: {when(a, day_a)}"
                note = (f"{day_a.day} {MONTHS[day_a.month]} {day_a.year} was a {WEEKDAYS[day_a.weekday()]}, not a "
                        f"{a['weekday']}." + (f" ({a['note']})" if a["note"] else ""))
            issues.append(Issue("error", "weekday", None, a["section"], None, None, None, None, published, None, None,
                                note))
        return issues


def check_pack(pack: Pack) -> list[Issue]:
    """Every disagreement between the pack's figures and what they should be, recomputed."""
    return Checker(pack).run()
