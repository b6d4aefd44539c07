"""From a command to an answer: run the named query for its kind, and put the figure in context.

An answer is plain data (tables of strings, notes, sources, or an error with suggestions); the
renderers turn it into terminal text, Markdown, JSON, CSV or Block Kit.
"""
from __future__ import annotations

import hashlib
import logging
import re
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

from .database import connect_readonly, ensure_database
from .parse import Command, Vocabulary, parse
from .periods import PeriodIndex
from .settings import Settings

log = logging.getLogger(__name__)

ARROW = {1: "↑ improved", 0: "← unchanged", -1: "↓ declined"}
KIND_ORDER = {"financial_year": 0, "span": 1, "quarter": 2, "calendar_year": 3, "month": 4}
EXAMPLES = [
    ("shoplifting maidstone 2012/13", "a figure with the years before it, change, rate, county rank and source"),
    ("asb 2011-12", "any year spelling: 2011/12, 2011-12, 2011/2012, 11/12, FY2011/12"),
    ("DA repeat victims", "the assessment's abbreviations: ASB, DA, DV, VAP, KSI, RTC, NTE, PPO"),
    ("outcome rate september 2013", "months (sep 2013, 2013-09), quarters (Q2 2013/14), spans (apr-dec 2013)"),
    ("burglary dwelling last year", "no year, latest or last year: the latest the data has"),
    ("rank changes", "which categories rose and fell in the county ranking, improved first"),
    ("priority road safety", "a sub-group's pack: violent crime, asb, substance misuse, re-offending, road safety, shoplifting"),
    ("asb wards", "ward hotspots (or just: wards)"),
    ("drug offences high street", "a ward or another district: thanet all crime"),
    ("compare asb", "Maidstone beside Kent and the other districts"),
    ("trend recorded crime", "every period the data has"),
    ("spc outcome rate", "a control chart of a monthly series: centre line, limits, signals"),
]


@dataclass
class Table:
    title: str
    columns: list[str]
    rows: list[list[str]]


@dataclass
class Answer:
    query: str
    understood: dict
    headline: str = ""
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    error: dict | None = None
    # numbers for a chart: {"kind": "trend" | "spc" | "ranks", "title", "unit", ...} (bot/charts.py draws it)
    series: dict | None = None
    follow_ups: list[tuple[str, str]] = field(default_factory=list)  # (label, question): "Trend", "Wards"

    def to_dict(self) -> dict:
        data = asdict(self)
        data.pop("series")
        return data


class NoAnswer(Exception):
    """The data has no answer; the message says so plainly and says what is covered."""

    def __init__(self, message: str, suggestions: list[str] | None = None):
        super().__init__(message)
        self.suggestions = suggestions or []


def fmt_number(value, digits: int | None = 0, unit: str = "") -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    digits = 0 if digits is None or pd.isna(digits) else int(digits)
    text = f"{value:,.{digits}f}"
    return text + unit


def fmt_change(value, digits: int | None = 0, unit: str = "") -> str:
    text = fmt_number(value, digits, unit)
    return ("+" + text) if text and value > 0 else text


def fmt_rank(value, flag) -> str:
    if value is None or pd.isna(value):
        return ""
    return ("=" if flag == "joint" else "") + f"{int(value)}"


class Answerer:
    """Holds the read-only connection, the gated queries and the vocabulary: build once, ask many times.

    Safe to share between threads (Slack answers arrive on several): each thread queries through its
    own cursor, since one DuckDB connection must not run two statements at once.
    """

    def __init__(self, settings: Settings, con, queries):
        self.settings, self.con, self.queries = settings, con, queries
        self._local = threading.local()
        self.database = None  # the file it answers from, when opened by open()
        self._headlines: list[dict] | None = None
        self.vocab = Vocabulary.from_rows(con.execute(queries["vocabulary"].sql).fetchall())
        self.catalog = self.run("catalog").set_index("table_id")
        self.priorities = self.run("priorities")
        self.indicators = {row.id: row for row in con.execute("SELECT * FROM indicators").df().itertuples()}
        self.areas = {row.id: row for row in con.execute("SELECT * FROM areas").df().itertuples()}
        self.periods = {row.id: row for row in con.execute("SELECT * FROM periods").df().itertuples()}
        self.period_index = PeriodIndex((p.id, p.start, p.end) for p in self.periods.values())
        self.ward_indicators = set(self.run("ward_indicators").indicator)

    @classmethod
    def open(cls, settings: Settings) -> "Answerer":
        database = ensure_database(settings.data_dir, settings.state_dir)
        con = connect_readonly(database)
        answerer = cls(settings, con, load_gated_queries(settings, con))
        answerer.database = database
        return answerer

    def cursor(self):
        """This thread's cursor on the shared read-only connection."""
        cursor = getattr(self._local, "cursor", None)
        if cursor is None:
            cursor = self._local.cursor = self.con.cursor()
        return cursor

    def run(self, name: str, **params) -> pd.DataFrame:
        query = self.queries[name]
        return self.cursor().execute(query.sql, {p: params.get(p) for p in query.params}).df()

    def close(self) -> None:
        self.con.close()

    # -- the front door -------------------------------------------------------------------
    def ask(self, text: str) -> Answer:
        """Answer any text; never raises."""
        text = (text or "").strip()
        try:
            command = parse(text, self.vocab)
            return self.answer(command)
        except NoAnswer as exc:
            return self._error(text, parse(text, self.vocab), str(exc), exc.suggestions)
        except Exception:  # a bug must not reach the person asking as a traceback
            log.exception("could not answer %r", text)
            return Answer(text, {}, error={"message": "Sorry, something went wrong answering that. "
                                                      "Try `help` for questions that work.",
                                           "suggestions": [e for e, _ in EXAMPLES[:3]]})

    def understood(self, c: Command) -> dict:
        name = lambda kind, ident: self.vocab.names.get((kind, ident)) if ident else None  # noqa: E731
        return {"kind": c.kind, "subject": name("indicator", c.indicator) or name("priority", c.priority),
                "indicator": c.indicator, "priority": c.priority, "area": name("area", c.area),
                "period": c.period or ({0: "latest", -1: "year before latest"}.get(c.relative) if c.relative is not None else None),
                "corrections": [f"read '{a}' as '{b}'" for a, b in c.corrections], "ignored": c.unknown}

    def _error(self, text, command, message, suggestions) -> Answer:
        return Answer(text, self.understood(command), error={"message": message, "suggestions": suggestions})

    def answer(self, c: Command) -> Answer:
        if c.unknown and not (c.indicator or c.priority or c.kind in ("rank_changes", "wards", "help")):
            words = ", ".join(f"'{w}'" for w in c.unknown)
            if c.suggestions:
                raise NoAnswer(f"I didn't understand {words}. Did you mean: {', '.join(c.suggestions)}?",
                               [f"{s.lower()}" for s in c.suggestions] + [EXAMPLES[0][0]])
            raise NoAnswer(f"I didn't understand {words}. Try a crime type, a ward or district and a year, "
                           "e.g. `shoplifting maidstone 2012/13`, or `help`.", [e for e, _ in EXAMPLES[:4]])
        handler = {"help": self.help, "figure": self.figure, "rank_changes": self.rank_changes,
                   "priority": self.priority, "wards": self.wards, "compare": self.compare,
                   "trend": self.trend, "spc": self.spc}[c.kind]
        answer = handler(c)
        answer.understood = self.understood(c)
        if c.corrections:
            answer.notes.insert(0, "Read " + "; ".join(f"'{a}' as '{b}'" for a, b in c.corrections) + ".")
        if c.unknown:
            answer.notes.append("Ignored: " + ", ".join(f"'{w}'" for w in c.unknown) + ".")
        answer.follow_ups = self._follow_ups(c)
        return answer

    def _follow_ups(self, c: Command) -> list[tuple[str, str]]:
        """The next questions worth one click: the indicator's trend, and its wards where the data has them."""
        if not c.indicator or c.kind not in ("figure", "compare", "trend", "wards", "spc"):
            return []
        name = self.vocab.names[("indicator", c.indicator)].lower()
        area = f" {area_name(self, c.area).lower()}" if c.area and c.area != "maidstone" else ""
        ups = []
        if c.kind != "trend":
            ups.append(("Trend", f"trend {name}{area}"))
        if c.kind != "wards" and c.indicator in self.ward_indicators:
            ups.append(("Wards", f"{name} wards"))
        return ups

    def headlines(self) -> list[dict]:
        """Each priority's headline figure, for the App Home and the digest.

        Items: {"id", "name", "owner", "kind", "headline", "ask"}; the headline is the indicator the
        priority is measured by, with its latest figure, change and county rank direction. Worked out once
        per answerer (its data never changes; a reload makes a new answerer): every App Home opening uses it.
        """
        if self._headlines is not None:
            return self._headlines
        items = []
        for p in self.priorities.itertuples():
            if p.kind == "cross_cutting":
                continue
            ask = f"priority {p.id.replace('_', ' ')}"
            answer = self.priority(Command(ask, "priority", priority=p.id))
            table = answer.tables[0] if answer.tables else None
            text = "No figures in the assessment."
            if table and table.rows:
                row = next((r for r in table.rows if r[0].endswith("(headline)")), table.rows[0])
                cells = dict(zip(table.columns, row))
                parts = [f"{cells['Indicator'].removesuffix(' (headline)')}, {cells['Period']}: {cells['Figure']}"]
                change = " ".join(x for x in (cells.get("Change", ""), f"({cells['% change']})" if cells.get("% change") else "") if x)
                if change:
                    parts.append(change)
                if cells.get("County rank"):
                    parts.append(f"county rank {cells['County rank']}" + (f" {cells['Direction']}" if cells.get("Direction") else ""))
                text = "; ".join(parts)
            items.append({"id": p.id, "name": p.name, "owner": p.owner, "kind": p.kind, "headline": text, "ask": ask})
        self._headlines = items
        return items

    # -- kinds of answer ---------------------------------------------------------------------
    def help(self, c: Command) -> Answer:
        rows = [[f"/crime {q}", what] for q, what in EXAMPLES]
        return Answer(c.text, {}, headline="Ask crimebot for the Strategic Assessment's figures in plain words.",
                      tables=[Table("What you can ask", ["Ask", "You get"], rows)],
                      notes=["Words can come in any order; Maidstone and the latest year are the defaults."],
                      sources=["Safer Maidstone Partnership Strategic Assessment 2014/15 (data to December 2013)"])

    def _coverage(self, indicator: str) -> pd.DataFrame:
        return self.run("coverage", indicator=indicator)

    def _covered_text(self, cov: pd.DataFrame) -> str:
        parts = []
        for area, group in cov.groupby("area_name", sort=False):
            periods = group.sort_values("period_start").period.tolist()
            parts.append(f"{area} ({periods[0]}" + (f" to {periods[-1]})" if len(periods) > 1 else ")"))
        return "; ".join(parts[:8]) + ("; ..." if len(parts) > 8 else "")

    def _need_indicator(self, c: Command, what: str) -> str:
        if c.indicator:
            return c.indicator
        raise NoAnswer(f"Which figure? Name a crime type or measure for {what}, e.g. `{what} shoplifting`.",
                       [f"{what} shoplifting", f"{what} asb", "help"])

    def _resolve_period(self, c: Command, cov: pd.DataFrame, area: str) -> tuple[str, list[str]]:
        """The period to answer, and any later periods that have only changes (offered in a note)."""
        here = cov[cov.area == area]
        name = self.vocab.names[("indicator", c.indicator)]
        if c.period:
            if c.period in set(here.period):
                return c.period, []
            label = self.periods[c.period].label if c.period in self.periods else c.period
            suggestions = [f"{name.lower()} {p}" for p in here.sort_values('period_start').period.unique()[-3:]]
            related = self._related(c.indicator, area, c.period)
            also = f" For {label} the data has: {', '.join(n for n, _ in related)}." if related else ""
            raise NoAnswer(f"The data has no {name} figure for {area_name(self, area)} in {label}. "
                           f"It covers: {self._covered_text(here)}.{also}",
                           [f"{ask} {c.period}" for _, ask in related[:2]] + suggestions)
        levels = {r[0] for r in self.cursor().execute(
            "SELECT DISTINCT period FROM figures WHERE indicator = ? AND area = ? "
            "AND measure IN ('count', 'percent', 'average_per_year')", [c.indicator, area]).fetchall()}
        later: list[str] = []
        if levels:  # the latest figure with a level; a later change-only figure is offered in a note
            later = list(here[~here.period.isin(levels)].period.unique())
            here = here[here.period.isin(levels)]
        candidates = here.assign(order=here.period_kind.map(KIND_ORDER))
        ends = {p: self.periods[p].end for p in candidates.period}
        candidates = candidates.assign(end=candidates.period.map(ends)).sort_values(["end", "order"],
                                                                                    ascending=[False, True])
        fy = candidates[candidates.period_kind == "financial_year"].sort_values("end", ascending=False)
        if c.relative == -1 and len(fy) > 1:
            return fy.period.iloc[1], later
        if c.relative is not None and len(fy):
            return fy.period.iloc[0], later
        return candidates.period.iloc[0], later

    def _related(self, indicator: str, area: str, period: str) -> list[tuple[str, str]]:
        """Indicators with a figure for this area and period that share a word with the one asked for
        (the assessment's "Burglary - dwelling" and police.uk's "Burglary (dwelling and other)")."""
        if period not in self.periods:
            return []
        words = lambda name: set(re.findall(r"[a-z]{4,}", name.lower())) - {"with", "from", "other"}  # noqa: E731
        mine = words(self.vocab.names[("indicator", indicator)])
        there = self.run("indicators_in_period", area=area, period=period)
        related = []
        for r in there.itertuples():
            if r.indicator != indicator and words(r.name) & mine:
                aliases = self.indicators[r.indicator].aliases
                ask = aliases.split(";")[0] if isinstance(aliases, str) and aliases else r.name.lower()
                related.append((r.name, ask))  # a phrase that parses back to it, for the suggestion
        return related

    def figure(self, c: Command) -> Answer:
        indicator = self._need_indicator(c, "figure")
        area = c.area or "maidstone"
        ind = self.indicators[indicator]
        cov = self._coverage(indicator)
        if cov.empty:
            raise NoAnswer(f"No {ind.name} figures are loaded yet: they come from police.uk data "
                           "(`crimebot import police-uk`, see the README).", [e for e, _ in EXAMPLES[:2]])
        if area not in set(cov.area):
            raise NoAnswer(f"The data has no {ind.name} figures for {area_name(self, area)}. "
                           f"{ind.name} is covered for: {self._covered_text(cov)}.",
                           [f"{ind.name.lower()} {cov.area_name.iloc[0].lower()}"] if len(cov) else [])
        period, later = self._resolve_period(c, cov, area)
        c.period = period  # understood: the period answered
        p = self.periods[period]
        frame = self.run("figure", indicator=indicator, area=area, kind=p.kind, until=p.start)
        if p.kind == "month":
            frame = frame.tail(13)
        elif p.kind in ("span", "quarter", "calendar_year"):
            earlier = {period, (self.period_index.year_before(period) or period)}
            frame = frame[frame.period.isin(earlier)]
        if period not in set(frame.period):
            raise NoAnswer(f"The data states no {ind.name} figure for {area_name(self, area)} in {p.label} "
                           f"that can be shown on its own. It covers: {self._covered_text(cov[cov.area == area])}.")
        row = frame[frame.period == period].iloc[0]
        unit = ind.unit
        is_pct = row["value_measure"] == "percent"
        columns = ["Period", unit[0].upper() + unit[1:] if not is_pct else unit, "Change", "% change",
                   "Rate per 1,000", "County rank", "Rank direction"]
        rows = []
        for r in frame.itertuples():
            change = fmt_change(r.pp_change, 1, " pts") if is_pct else fmt_change(r.volume_change)
            rows.append([r.period_label if p.kind != "financial_year" else r.period,
                         fmt_number(r.value, r.value_digits, "%" if is_pct else ""), change,
                         fmt_change(r.pct_change, 1, "%"), fmt_number(r.rate_per_1000, r.rate_digits),
                         fmt_rank(r.county_rank, r.rank_flag),
                         ARROW.get(int(r.rank_direction), "") if not pd.isna(r.rank_direction) else ""])
        rows, columns = _drop_empty(rows, columns)
        place = area_name(self, area)
        answer = Answer(c.text, {}, headline=self._headline(ind, place, p, row, is_pct),
                        tables=[Table(f"{ind.name}, {place}", columns, rows)])
        comparisons = self.run("compare", indicator=indicator)
        same = comparisons[(comparisons.period == period) & (comparisons.area != area)
                           & comparisons.compared_with.isna()]
        if len(same):  # one row per area, a column per measure the data has
            present = set(same.measure) - {"rank_direction"}
            measures = [m for m in BESIDE_MEASURES if m in present] + sorted(present - set(BESIDE_MEASURES))
            rows = []
            for place_name, group in same.groupby("area_name", sort=False):
                by = {r.measure: r for r in group.itertuples()}
                rows.append([place_name] + [_beside_cell(by.get(m), m) for m in measures])
            if measures:
                answer.tables.append(Table(f"Beside it: {ind.name}, {p.label}",
                                           ["Area"] + [MEASURE_LABEL.get(m, m) for m in measures], rows))
        self.annotate(answer, indicator, area, list(frame.period), set(",".join(frame.tables).split(",")))
        if isinstance(ind.period_note, str) and ind.period_note:
            answer.notes.append(f"About these figures: {ind.period_note}.")
        if row["value_flag"] == "approximate":
            answer.notes.append("The published figure is approximate.")
        denominator = {"residents": "residents (mid-2011 population 155,800)", "households": "households (63,400)",
                       "adults": "residents aged 18+ (122,000)"}.get(ind.rate_base)
        if "police_uk" in str(row["tables"]).split(","):
            population = self.run("population", area=area, year=int(period[:4]))
            denominator = (f"residents ({fmt_number(population.population.iloc[0])}, {population.source.iloc[0]})"
                           if len(population) else None)
        if denominator and not pd.isna(row["rate_per_1000"]):
            answer.notes.append(f"Rate per 1,000 {denominator}; county rank among the 12 Kent districts, "
                                "1 = lowest rate.")
        newer = [q for q in later if self.periods[q].end > p.end]
        if newer:
            answer.notes.append("Later figures (changes only): " + ", ".join(
                f"`{ind.name.lower()} {self.periods[q].label.lower()}`" for q in newer) + ".")
        if len(frame) > 1:
            labels = [r.period_label if p.kind != "financial_year" else r.period for r in frame.itertuples()]
            answer.series = {"kind": "trend", "title": f"{ind.name}, {place}", "when": f"{labels[0]} to {labels[-1]}",
                             "unit": unit, "area": place, "measure": row["value_measure"],
                             "points": [(label, None if pd.isna(v) else float(v), None)
                                        for label, v in zip(labels, frame.value)]}
        return answer

    def _headline(self, ind, place, p, row, is_pct) -> str:
        row = row.to_dict()  # a Series' attribute names clash with its methods (pct_change)
        label = p.id if p.kind == "financial_year" else p.label
        value = fmt_number(row["value"], row["value_digits"], "%" if is_pct else "")
        text = f"{ind.name} in {place}, {label}:" + (f" {value}" + ("" if is_pct else f" {ind.unit}") if value else "")
        if is_pct and not pd.isna(row["pp_change"]):
            text += f", {fmt_change(row['pp_change'], 1)} points on the year before"
        elif not pd.isna(row["volume_change"]) or not pd.isna(row["pct_change"]):
            parts = [fmt_change(row["volume_change"]), fmt_change(row["pct_change"], 1, "%")]
            text += ", " + " ".join(parts[:1] + [f"({parts[1]})"] if parts[0] and parts[1] else [p for p in parts if p])
            text += " on the same period a year before"
        if not pd.isna(row["rate_per_1000"]):
            text += f"; {fmt_number(row['rate_per_1000'], row['rate_digits'])} per 1,000"
        if not pd.isna(row["county_rank"]):
            text += f"; county rank {fmt_rank(row['county_rank'], row['rank_flag'])} of 12"
            if not pd.isna(row["rank_direction"]):
                text += f" ({ARROW[int(row['rank_direction'])]})"
        return text.replace(":, ", ": ") + "."

    def annotate(self, answer: Answer, indicator, area, periods, tables) -> None:
        notes = self.run("notes", indicator=indicator, area=area, periods=periods)
        for r in notes.itertuples():
            text = f"Data note: {r.note}"
            if text not in answer.notes:
                answer.notes.append(text)
        for table in sorted(t for t in tables if t):
            if table in self.catalog.index:
                entry = self.catalog.loc[table]
                source = (f"{entry.title} ({entry.source})" if entry.file.startswith("imports/") else
                          f"Strategic Assessment section {entry.section}: {entry.title} ({entry.source})")
                if source not in answer.sources:
                    answer.sources.append(source)

    def rank_changes(self, c: Command) -> Answer:
        area = c.area or "maidstone"
        period = c.period or "2012/13"
        ranked = self.cursor().execute("SELECT DISTINCT period FROM figures WHERE measure = 'rank_direction' AND area = ?",
                                  [area]).fetchall()
        years = sorted(r[0] for r in ranked)
        if not years:
            raise NoAnswer(f"The data gives no county rank changes for {area_name(self, area)}; "
                           "it gives them for Maidstone only.", ["rank changes"])
        if c.period is None:
            period = years[-1]
        if period not in years:
            raise NoAnswer(f"The assessment gives county rank changes only for {', '.join(years)}.",
                           [f"rank changes {y}" for y in years])
        previous = (self.period_index.year_before(period) or period)
        frame = self.run("rank_changes", area=area, period=period, previous=previous)
        rows = [[r.category, fmt_rank(r.rank_before, None), fmt_rank(r.rank_now, r.rank_flag),
                 ARROW[int(r.direction)]] for r in frame.itertuples()]
        counts = frame.direction.value_counts()
        headline = (f"{area_name(self, area)}'s county ranks {period} against {previous}: "
                    f"{counts.get(1, 0)} improved, {counts.get(0, 0)} unchanged, {counts.get(-1, 0)} declined.")
        answer = Answer(c.text, {}, headline=headline, tables=[Table(
            f"County rank changes, {period}", ["Category", f"Rank {previous}", f"Rank {period}", "Direction"], rows)])
        notes = self.run("notes", indicator=None, area=area, periods=[period, previous])
        for r in notes[notes.measure.isin(["rank_direction", "county_rank"])].itertuples():
            answer.notes.append(f"Data note ({self.vocab.names[('indicator', r.indicator)]}): {r.note}")
        answer.notes.append("County rank among the 12 Kent districts by rate per 1,000; 1 = best. "
                            f"Ranks for {previous} are given only where the text states them.")
        self.annotate(answer, "", area, [], set(frame.table_id))
        answer.series = {"kind": "ranks", "title": f"{area_name(self, area)}'s county rank by category",
                         "when": f"{period} against {previous}", "unit": "county rank (1 = lowest rate of 12)",
                         "before_label": previous, "now_label": period,
                         "ranks": [(r.category, None if pd.isna(r.rank_before) else int(r.rank_before),
                                    None if pd.isna(r.rank_now) else int(r.rank_now), int(r.direction))
                                   for r in frame.itertuples()]}
        return answer

    def priority(self, c: Command) -> Answer:
        if not c.priority:
            rows = [[(f"{int(r.number)}. " if not pd.isna(r.number) else "") + r.name,
                     r.kind.replace("_", " "), r.owner] for r in self.priorities.itertuples()]
            return Answer(c.text, {}, headline="The Safer Maidstone Partnership's priorities for 2014/15.",
                          tables=[Table("Priorities 2014/15", ["Priority", "Kind", "Owner"], rows)],
                          notes=["Ask for one: `priority road safety`, `priority violent crime`, "
                                 "`priority substance misuse`."],
                          sources=["Strategic Assessment sections 5.8 and 5.9"])
        pri = self.priorities.set_index("id").loc[c.priority]
        frame = self.run("priority_figures", priority=c.priority)
        answer = Answer(c.text, {}, headline=f"{pri['name']}: owned by {pri['owner']}.")
        if pri["kind"] == "cross_cutting":
            answer.notes.append("A cross-cutting theme: it runs through every priority and has no figures of its own.")
        borough, wards, beside = [], [], []
        for indicator, group in frame.groupby("indicator", sort=False):
            mine = group[group.area == "maidstone"]
            levels = mine[mine.measure.isin(["count", "percent"])]
            if levels.empty:
                continue
            kinds = levels.assign(order=levels.period_kind.map(KIND_ORDER)).sort_values(
                ["period_start", "order"], ascending=[False, True])
            latest = kinds.period.iloc[0]
            at = mine[mine.period == latest].set_index("measure")
            get = lambda m: at.loc[m] if m in at.index else None  # noqa: E731
            level = get("count") if get("count") is not None else get("percent")
            pct = level is not None and level.name == "percent"
            change, pchange, rate, rank, direction = (get(m) for m in (
                "pp_change" if pct else "volume_change", "pct_change", "rate_per_1000", "county_rank", "rank_direction"))
            borough.append([group.indicator_name.iloc[0] + (" (headline)" if group.headline.iloc[0] else ""),
                            latest, fmt_number(level.value, level.digits, "%" if pct else ""),
                            fmt_change(change.value, change.digits) if change is not None else "",
                            fmt_change(pchange.value, 1, "%") if pchange is not None else "",
                            fmt_number(rate.value, rate.digits) if rate is not None else "",
                            fmt_rank(rank.value, rank.flag) if rank is not None else "",
                            ARROW[int(direction.value)] if direction is not None else ""])
            for r in group[(group.area_type == "ward") & group.measure.isin(["count", "percent", "rate_per_1000"])].itertuples():
                wards.append([r.area_name, r.indicator_name, r.period, MEASURE_LABEL.get(r.measure, r.measure),
                              fmt_number(r.value, r.digits)])
            for r in group[(group.area_type != "ward") & (group.area != "maidstone") & (group.period == latest)
                           & group.measure.isin(["count", "percent", "rate_per_1000", "pct_change"])].itertuples():
                beside.append([r.area_name, r.indicator_name, r.period, MEASURE_LABEL.get(r.measure, r.measure),
                               fmt_number(r.value, r.digits)])
            self.annotate(answer, indicator, "maidstone", [latest], set(group.table_id))
        columns = ["Indicator", "Period", "Figure", "Change", "% change", "Rate per 1,000", "County rank", "Direction"]
        rows, columns = _drop_empty(borough, columns)
        answer.tables.append(Table(f"{pri['name']}: Maidstone's latest figures", columns, rows))
        if wards:
            answer.tables.append(Table("Ward hotspots", ["Ward", "Indicator", "Period", "Measure", "Figure"], wards))
        if beside:
            answer.tables.append(Table("Beside Maidstone", ["Area", "Indicator", "Period", "Measure", "Figure"], beside))
        if isinstance(pri["themes"], str) and pri["themes"]:
            answer.notes.insert(0, f"Themes: {pri['themes']}.")
        answer.notes.insert(0, pri["description"])
        return answer

    def wards(self, c: Command) -> Answer:
        frame = self.run("wards", indicator=c.indicator)
        if frame.empty:
            name = self.vocab.names[("indicator", c.indicator)]
            covered = self.run("wards", indicator=None).indicator_name.unique()
            raise NoAnswer(f"The data gives no ward figures for {name}. It gives ward figures for: "
                           f"{', '.join(covered)}.", [f"{n.lower()} wards" for n in covered[:3]])
        rows = []
        for r in frame.itertuples():
            share = ""
            if not pd.isna(r.borough_total) and r.borough_total:
                share = f"{r.value / r.borough_total * 100:.0f}%"
            unit = "%" if r.measure == "percent" else ""
            rows.append([r.ward, r.indicator_name, r.period_label, MEASURE_LABEL.get(r.measure, r.measure),
                         fmt_number(r.value, r.digits, unit), share, r.note if isinstance(r.note, str) else ""])
        title = "Ward hotspots" + (f": {self.vocab.names[('indicator', c.indicator)]}" if c.indicator else "")
        answer = Answer(c.text, {}, headline=f"{title} (the wards the assessment names).",
                        tables=[Table(title, ["Ward", "Indicator", "Period", "Measure", "Figure", "Share of borough",
                                              "Note"], rows)])
        answer.notes.append("The assessment names only the highest wards; other wards' figures are not published.")
        self.annotate(answer, c.indicator or "", "maidstone", [], set(frame.table_id))
        return answer

    def compare(self, c: Command) -> Answer:
        indicator = self._need_indicator(c, "compare")
        frame = self.run("compare", indicator=indicator)
        name = self.vocab.names[("indicator", indicator)]
        if c.period:
            frame = frame[frame.period == c.period]
        rows = [[r.area_name, r.period_label, MEASURE_LABEL.get(r.measure, r.measure)
                 + (f" (against {r.compared_with})" if isinstance(r.compared_with, str) else ""),
                 fmt_number(r.value, r.digits, "%" if r.measure in ("percent", "pct_change", "pp_change") else "")]
                for r in frame.itertuples() if r.measure not in ("rank_direction",)]
        answer = Answer(c.text, {}, headline=f"{name}: Maidstone beside the other areas the assessment gives.",
                        tables=[Table(f"{name} by area", ["Area", "Period", "Measure", "Figure"], rows)])
        others = set(frame.area) - {"maidstone"}
        if not others:
            answer.notes.append(f"The data gives no other district's or Kent figure for {name}; "
                                "only Maidstone's, with its county rank.")
        self.annotate(answer, indicator, "maidstone", list(frame.period.unique()), set(frame.table_id))
        return answer

    def trend(self, c: Command) -> Answer:
        indicator = self._need_indicator(c, "trend")
        area = c.area or "maidstone"
        frame = self.run("trend", indicator=indicator, area=area)
        name = self.vocab.names[("indicator", indicator)]
        mine = frame[frame.area == area]
        if mine.empty:
            raise NoAnswer(f"The data has no {name} figures for {area_name(self, area)}.",
                           [f"trend {name.lower()}"])
        measure = next(m for m in ("count", "percent", "average_per_year", "rate_per_1000") if m in set(mine.measure))
        # the longest run of one period kind (monthly series beat three years)
        kind = mine[mine.measure == measure].period_kind.value_counts().idxmax()
        series = mine[(mine.measure == measure) & (mine.period_kind == kind)]
        kent_rows = frame[(frame.area == "kent") & (frame.measure == measure)]
        kent = {r.period: r for r in kent_rows.itertuples()}  # one lookup per row: .loc per row is slow
        unit = "%" if measure == "percent" else ""
        rows = [[r.period_label if kind != "financial_year" else r.period, fmt_number(r.value, r.digits, unit),
                 fmt_number(kent[r.period].value, kent[r.period].digits, unit) if r.period in kent else ""]
                for r in series.itertuples()]
        rows, columns = _drop_empty(rows, ["Period", area_name(self, area), "Kent"])
        label = MEASURE_LABEL.get(measure, measure)
        answer = Answer(c.text, {}, headline=f"{name}, {area_name(self, area)}: {label.lower()} over "
                                             f"{len(rows)} periods ({rows[0][0]} to {rows[-1][0]}).",
                        tables=[Table(f"{name}: trend", columns, rows)])
        self.annotate(answer, indicator, area, list(series.period), set(series.table_id))
        answer.series = {"kind": "trend", "title": f"{name}, {area_name(self, area)}",
                         "when": f"{rows[0][0]} to {rows[-1][0]}", "unit": self.indicators[indicator].unit,
                         "area": area_name(self, area), "measure": measure,
                         "points": [(r.period_label if kind != "financial_year" else r.period, float(r.value),
                                     float(kent[r.period].value) if r.period in kent else None)
                                    for r in series.itertuples()]}
        return answer

    def spc(self, c: Command) -> Answer:
        """An XmR control chart of a monthly series: centre line, natural process limits, signals."""
        indicator = self._need_indicator(c, "spc")
        area = c.area or "maidstone"
        name = self.vocab.names[("indicator", indicator)]
        frame = self.run("trend", indicator=indicator, area=area)
        months = frame[(frame.area == area) & (frame.period_kind == "month")]
        measure = next((m for m in ("count", "percent", "rate_per_1000") if m in set(months.measure)), None)
        months = months[months.measure == measure] if measure else months
        if len(months) < 8:
            monthly = list(dict.fromkeys(self.run("monthly_series").indicator_name))
            raise NoAnswer(f"A control chart needs a monthly series of at least 8 months; the assessment has "
                           f"{len(months)} monthly {name} figures for {area_name(self, area)}. Monthly series: "
                           f"{', '.join(monthly)}.", [f"spc {n.lower()}" for n in monthly[:3]])
        from .spc import xmr

        pct = measure == "percent"
        chart = xmr(list(months.period_label), list(months.value), floor=0.0, ceiling=100.0 if pct else None)
        unit = "%" if pct else ""
        digits = 1 if pct else 0
        flags = {}
        for s in chart.signals:
            for i in s.points:
                flags.setdefault(i, []).append(s.rule)
        rows = [[label, fmt_number(v, digits, unit), "" if mr is None else fmt_number(mr, digits, " pts" if pct else ""),
                 ", ".join(flags.get(i, []))] for i, (label, v, mr) in enumerate(zip(chart.labels, chart.values,
                                                                                     chart.moving_ranges))]
        rows, columns = _drop_empty(rows, ["Month", name, "Moving range", "Signal"])
        limits = [["Centre line (mean)", fmt_number(chart.centre, 1, unit)],
                  ["Upper natural process limit", fmt_number(chart.upper, 1, unit)],
                  ["Lower natural process limit", fmt_number(chart.lower, 1, unit)],
                  ["Average moving range", fmt_number(chart.average_moving_range, 1)],
                  ["Upper range limit", fmt_number(chart.upper_range, 1)]]
        when = f"{chart.labels[0]} to {chart.labels[-1]}"
        answer = Answer(c.text, {}, headline=f"{name}, {area_name(self, area)}, {when}: {chart.reading}",
                        tables=[Table(f"{name}, {area_name(self, area)}: XmR control chart", columns, rows),
                                Table("Control limits", ["Line", "Value"], limits)])
        answer.notes.append(f"Limits computed from these {len(chart.values)} months: mean ± 2.66 × average moving "
                            f"range; a signal is a month outside the limits or a run of 8 on one side of the centre.")
        self.annotate(answer, indicator, area, list(months.period), set(months.table_id))
        answer.series = {"kind": "spc", "title": f"{name}, {area_name(self, area)}: XmR control chart",
                         "when": when, "unit": self.indicators[indicator].unit, "percent": pct,
                         "labels": chart.labels, "values": chart.values, "moving_ranges": chart.moving_ranges,
                         "centre": chart.centre, "upper": chart.upper, "lower": chart.lower,
                         "average_moving_range": chart.average_moving_range, "upper_range": chart.upper_range,
                         "signals": [(s.rule, s.points) for s in chart.signals], "reading": chart.reading}
        return answer


BESIDE_MEASURES = ("count", "percent", "volume_change", "pct_change", "rate_per_1000", "county_rank", "increase_rank",
                   "average_per_year", "share_pct")
MEASURE_LABEL = {"count": "Number", "percent": "%", "rate_per_1000": "Rate per 1,000", "pct_change": "% change",
                 "volume_change": "Change", "county_rank": "County rank", "share_pct": "Share of borough %",
                 "ward_rank_in_kent": "Rank among Kent wards", "increase_rank": "Rank of increase (1 = largest)",
                 "pp_change": "Change (points)", "average_per_year": "Average per year", "msg_rank": "Most similar group rank",
                 "national_rank": "National rank", "change_direction": "Direction (1 up, -1 down)", "rank": "Rank",
                 "rank_change": "Change in rank"}


def area_name(answerer: Answerer, area: str) -> str:
    return answerer.vocab.names.get(("area", area), area)


def _beside_cell(figure, measure: str) -> str:
    if figure is None:
        return ""
    if measure == "county_rank":
        return fmt_rank(figure.value, figure.flag)
    return fmt_number(figure.value, figure.digits, "%" if measure in ("percent", "pct_change") else "")


def _drop_empty(rows: list[list[str]], columns: list[str]):
    keep = [i for i in range(len(columns)) if i == 0 or any(r[i] for r in rows)]
    return [[r[i] for i in keep] for r in rows], [columns[i] for i in keep]


def load_gated_queries(settings: Settings, con):
    """Gate every query file once per change of the files or the schema; remember the verdict in the state dir.

    The gate (sqlglot parse, qualify) is the slow part of start-up; a query text that passed against
    the same schema need not be parsed again by the next process.
    """
    from .queries import NamedQuery, parse_header

    files = sorted(Path(settings.queries_dir).glob("*.sql"))
    schema_rows = con.execute("SELECT table_name, column_name, data_type FROM information_schema.columns "
                              "WHERE table_schema = 'main' ORDER BY ALL").fetchall()
    digest = hashlib.sha256(repr(schema_rows).encode())
    texts = {}
    for path in files:
        texts[path.stem] = path.read_text(encoding="utf-8")
        digest.update(path.name.encode() + texts[path.stem].encode())
    stamp = settings.state_dir / "queries.gated"
    if stamp.exists() and stamp.read_text() == digest.hexdigest():
        queries = {}
        for name, text in texts.items():
            title, answers, params = parse_header(text, name)
            queries[name] = NamedQuery(name, title, answers, params, text)
        return queries
    from .queries import load_queries, schema_of

    queries = load_queries(settings.queries_dir, schema_of(con))
    stamp.write_text(digest.hexdigest())
    return queries
