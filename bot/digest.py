"""The quarterly digest: what changed this financial quarter, for the partnership or one sub-group.

A digest is an Answer (so every renderer and Slack's Block Kit can show it): all crime for the year
to date against the same months a year before, computed from the monthly figures and checked against
what the assessment states; the year-to-date rises and falls the data has; county ranks stated for the
period; each priority's headline figure with its own period; data notes; sources. A quarter the data
does not reach gets a plain notice of the latest quarter it can report, never old figures dressed as new.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property

import pandas as pd

from .answer import Answer, Answerer, NoAnswer, Table, fmt_change, fmt_number
from .parse import Command, extract_period, parse
from .periods import MONTH_NAMES, month_end, month_id
from .words import normalise


@dataclass(frozen=True)
class FinancialQuarter:
    """Q1 = April to June. ``year`` is the calendar year the financial year starts in.

    >>> q = FinancialQuarter.parse("Q2 2013/14")
    >>> q.id, q.label, q.start, q.end, q.year_to_date_label
    ('2013/14 Q2', 'Q2 2013/14', datetime.date(2013, 7, 1), datetime.date(2013, 9, 30), 'April to September 2013')
    >>> FinancialQuarter.just_ended(date(2027, 1, 15)).label
    'Q3 2026/27'
    """

    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> "FinancialQuarter":
        period, _, rest = extract_period(normalise(text), set())
        match = re.fullmatch(r"(\d{4})/\d\d Q([1-4])", period or "")
        if not match or rest.strip():
            raise ValueError(f"'{text}' is not a financial quarter; write it like Q2 2013/14 (Q1 = April to June).")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def containing(cls, day: date) -> "FinancialQuarter":
        year = day.year if day.month >= 4 else day.year - 1
        return cls(year, (day.month - 4) % 12 // 3 + 1)

    @classmethod
    def just_ended(cls, day: date) -> "FinancialQuarter":
        """The last quarter that ended before ``day`` (what a digest on ``day`` reports)."""
        return cls.containing(day).previous()

    def previous(self) -> "FinancialQuarter":
        return FinancialQuarter(self.year - 1, 4) if self.number == 1 else FinancialQuarter(self.year, self.number - 1)

    def a_year_before(self) -> "FinancialQuarter":
        return FinancialQuarter(self.year - 1, self.number)

    @property
    def financial_year(self) -> str:
        return f"{self.year}/{(self.year + 1) % 100:02d}"

    @property
    def id(self) -> str:
        return f"{self.financial_year} Q{self.number}"

    @property
    def label(self) -> str:
        return f"Q{self.number} {self.financial_year}"

    def months(self) -> list[str]:
        """Month ids (YYYY-MM) of the quarter."""
        return [month_id(self.year, 4 + 3 * (self.number - 1) + i) for i in range(3)]

    def year_to_date_months(self) -> list[str]:
        return [month_id(self.year, 4 + i) for i in range(3 * self.number)]

    @property
    def start(self) -> date:
        year, month = _year_month(self.months()[0])
        return date(year, month, 1)

    @property
    def end(self) -> date:
        return date.fromisoformat(month_end(self.months()[-1]))

    @property
    def months_label(self) -> str:
        first, last = (_year_month(m) for m in (self.months()[0], self.months()[-1]))
        return f"{MONTH_NAMES[first[1] - 1]} to {MONTH_NAMES[last[1] - 1]} {last[0]}"

    @property
    def year_to_date_id(self) -> str:
        """The span id the data uses for April to the quarter's end (the quarter itself for Q1)."""
        months = self.year_to_date_months()
        if self.number == 4:
            return self.financial_year  # the whole year to date is the financial year
        return self.id if self.number == 1 else f"{months[0]}/{months[-1]}"

    @property
    def year_to_date_label(self) -> str:
        last = _year_month(self.year_to_date_months()[-1])
        if last[0] != self.year:
            return f"April {self.year} to {MONTH_NAMES[last[1] - 1]} {last[0]}"
        return f"April to {MONTH_NAMES[last[1] - 1]} {last[0]}"


def _year_month(month_id: str) -> tuple[int, int]:
    return int(month_id[:4]), int(month_id[5:7])


class Digester:
    """Builds digests from the answerer's read-only data (the same path as any question)."""

    def __init__(self, answerer: Answerer):
        self.answerer = answerer
        self.home_name = answerer.partnership.home_name

    # -- what the data covers --------------------------------------------------------------------
    @cached_property
    def monthly(self) -> dict[str, float]:
        """Month id -> the home district's all crime that month: its own months (police.uk imports), with the
        assessment's monthly figures (recorded crime by month, section 3.2) where it has them. Read once:
        finding the latest quarter looks at it for every quarter it tries."""
        indicator, area = "all_crime", self.answerer.home
        ind = self.answerer.indicators[indicator]
        sources = [indicator]
        if isinstance(ind.monthly_indicator, str) and ind.monthly_indicator:
            sources.append(ind.monthly_indicator)
        values: dict[str, float] = {}
        self.monthly_tables = set()
        for source in sources:
            frame = self.answerer.run("trend", indicator=source, area=area, county=self.answerer.partnership.county)
            frame = frame[(frame.area == area) & (frame.period_kind == "month") & (frame.measure == "count")]
            values.update(zip(frame.period, frame.value))
            self.monthly_tables |= set(frame.table_id)
        return values

    def covers(self, quarter: FinancialQuarter) -> bool:
        if all(m in self.monthly for m in quarter.months()):
            return True
        return not self.answerer.run("digest_figures", periods=[quarter.id, quarter.year_to_date_id],
                                                home=self.answerer.home).empty

    def latest_quarter(self) -> FinancialQuarter | None:
        months = sorted(self.monthly)
        if not months:
            return None
        year, month = _year_month(months[-1])
        quarter = FinancialQuarter.containing(date(year, month, 1))
        for _ in range(12):
            if self.covers(quarter):
                return quarter
            quarter = quarter.previous()
        return None

    # -- the digest ------------------------------------------------------------------------------
    def digest(self, quarter: FinancialQuarter | None = None, priority: str | None = None) -> Answer:
        """The digest for ``quarter`` (default: the latest the data covers), whole or for one priority."""
        quarter = quarter or self.latest_quarter()
        pri = self.priority(priority) if priority else None
        title = f"Quarterly digest, {quarter.label} ({quarter.months_label})" if quarter else "Quarterly digest"
        if pri is not None:
            title += f": {pri['name']}"
        query = f"digest {quarter.label if quarter else ''}" + (f" priority {priority}" if priority else "")
        if quarter is None or not self.covers(quarter):
            return self._no_data(query, title, quarter, self.latest_quarter())
        answer = Answer(query, {"kind": "digest", "period": quarter.label, "priority": priority}, headline="")
        figures = self.answerer.run("digest_figures", periods=[quarter.id, quarter.year_to_date_id],
                                                home=self.answerer.home)
        if pri is not None:
            indicators = set(self.answerer.run("priority_figures", priority=pri["id"]).indicator)
            figures = figures[figures.indicator.isin(indicators)]
        headline = self._year_to_date(answer, quarter, figures, whole=pri is None)
        if pri is None:
            self._outcome_rate(answer, quarter)
        self._rises_and_falls(answer, quarter, figures)
        self._ranks(answer, quarter, figures)
        self._priorities(answer, pri)
        if pri is not None:  # the sub-group's own figures, labelled with their periods: the latest, not new
            pack = self.answerer.answer(Command(f"priority {pri['id']}", "priority", priority=pri["id"]))
            if pack.tables:
                figures_now = pack.tables[0]
                answer.tables.append(Table(f"{pri['name']}: latest figures the data has (each with its period)",
                                           figures_now.columns, figures_now.rows))
                # the notes of the figures shown travel with them: a corrected or disputed figure says so, and
                # figures over other months ('January to September each year') say which
                shown = {str(r[0]).removesuffix(" (headline)") for r in figures_now.rows}
                for note in pack.notes:
                    if note.startswith("Data note:") and note not in answer.notes:
                        answer.notes.append(note)
                for ind in self.answerer.indicators.values():
                    period_note = ind.period_note if isinstance(ind.period_note, str) else ""
                    if ind.name in shown and " each year" in period_note:
                        answer.notes.append(f"About these figures: {ind.name}: {period_note}.")
        notes = self.answerer.run("notes", indicator=None, area=self.answerer.home,
                                  periods=[quarter.id, quarter.year_to_date_id])
        for note in dict.fromkeys(notes[notes.indicator.isin(set(figures.indicator))].note):
            answer.notes.append(f"Data note: {note}")
        self.answerer.annotate(answer, "", self.answerer.home, [], set(figures.table_id))
        if pri is not None:
            headline = (f"The data has no {quarter.label} figures for this priority's indicators; the latest it has "
                        "are below." if figures.empty else
                        f"{len(figures)} figures for {quarter.year_to_date_label} for this priority's indicators.")
        answer.headline = f"{title}. {headline}" if headline else f"{title}."
        return answer

    def _outcome_rate(self, answer: Answer, quarter: FinancialQuarter) -> None:
        """The quarter's outcome rate, as `outcome rate Q1 2025/26` answers it: the assessment's resolution
        outcome rate where it has the months, police.uk's outcome rate (a different measure, said so) after."""
        rate = self.answerer.ask(f"outcome rate {quarter.label}")
        if rate.error or not rate.headline:
            return
        answer.tables.append(Table(f"Outcome rate, {self.home_name}", ["Quarter", "Outcome rate"],
                                   [[quarter.label, rate.headline]]))
        answer.notes.extend(n for n in rate.notes[:1] if n not in answer.notes)

    def priority(self, name: str) -> dict:
        command = parse(f"priority {name}", self.answerer.vocab)
        if not command.priority:
            names = ", ".join(p.name for p in self.answerer.priorities.itertuples() if p.kind != "cross_cutting")
            raise NoAnswer(f"'{name}' is not one of the priorities. They are: {names}.")
        return self.answerer.priorities.set_index("id").loc[command.priority].to_dict() | {"id": command.priority}

    def _no_data(self, query, title, quarter, latest) -> Answer:
        asked = f"{quarter.label} ({quarter.months_label})" if quarter else "any quarter"
        if latest:
            message = (f"No new figures for {asked}: the data goes no further than {latest.label} "
                       f"({latest.months_label}). Load newer data (`crimebot import police-uk`, then `/crime "
                       "reload`) to report it.")
        else:
            message = f"No figures for {asked}: the data has no monthly series to report quarters from."
        return Answer(query, {"kind": "digest", "period": quarter.label if quarter else None},
                      headline=f"{title}. {message}",
                      sources=[f"Latest in the data: {latest.label}" if latest else "No quarterly data"])

    def _year_to_date(self, answer: Answer, quarter: FinancialQuarter, figures: pd.DataFrame, whole: bool) -> str:
        """All crime, April to the quarter's end, against the same months a year before, from the monthly data."""
        monthly = self.monthly
        before = quarter.a_year_before()
        rows, headline = [], ""
        spans = [(f"Year to date ({quarter.year_to_date_label})", quarter.year_to_date_months(), before.year_to_date_months())]
        if quarter.number > 1:
            spans.append((f"The quarter ({quarter.months_label})", quarter.months(), before.months()))
        for label, now_months, then_months in spans if whole else []:
            if not all(m in monthly for m in now_months):
                continue
            now = sum(monthly[m] for m in now_months)
            if not all(m in monthly for m in then_months):
                rows.append([label, "", fmt_number(now), "", ""])
                headline = headline or (f"All crime in {self.home_name}, {quarter.year_to_date_label}: {fmt_number(now)} crimes "
                                        "(the data has no figures for the same months a year before).")
                continue
            then = sum(monthly[m] for m in then_months)
            change, pct = now - then, (now - then) / then * 100
            rows.append([label, fmt_number(then), fmt_number(now), fmt_change(change), fmt_change(pct, 1, "%")])
            if not headline:
                headline = (f"All crime in {self.home_name}, {quarter.year_to_date_label}: {fmt_number(now)} crimes, "
                            f"{fmt_change(change)} ({fmt_change(pct, 1, '%')}) on the same months a year before.")
            period = quarter.year_to_date_id if now_months == quarter.year_to_date_months() else quarter.id
            answer.notes.append(self._check(period, change, pct, figures))
        if rows:
            answer.tables.append(Table(f"All crime, {self.home_name} (from the monthly figures)",
                                       ["Period", "A year before", "This year", "Change", "% change"], rows))
            self.answerer.annotate(answer, "", self.answerer.home, [], self.monthly_tables)
        elif whole:
            answer.notes.append(f"The monthly figures do not cover {quarter.year_to_date_label}; the figures below are "
                                "as the assessment states them.")
        return headline if whole else ""

    def _check(self, period: str, change: float, pct: float, figures: pd.DataFrame) -> str:
        """Say whether the change computed from months agrees with the one the text states."""
        stated = figures[(figures.indicator == "all_crime") & (figures.area == self.answerer.home)
                         & (figures.period == period)]
        stated = dict(zip(stated.measure, stated.value))
        label = self.answerer.periods[period].label if period in self.answerer.periods else period
        if "volume_change" not in stated and "pct_change" not in stated:
            return f"Computed from the monthly figures; the assessment states no change for {label} to check it against."
        parts = []
        if "volume_change" in stated:
            parts.append(f"{fmt_change(stated['volume_change'])}")
        if "pct_change" in stated:
            parts.append(f"({fmt_change(stated['pct_change'], 1, '%')})")
        agrees = ("volume_change" not in stated or round(change) == round(stated["volume_change"])) and \
                 ("pct_change" not in stated or round(pct, 1) == round(stated["pct_change"], 1))
        verdict = "the monthly figures agree" if agrees else \
            f"the monthly figures give {fmt_change(change)} ({fmt_change(pct, 1, '%')}) instead"
        return f"The assessment states {' '.join(parts)} for {label}: {verdict}."

    def _rises_and_falls(self, answer: Answer, quarter: FinancialQuarter, figures: pd.DataFrame) -> None:
        changes = figures[figures.measure.isin(["pct_change", "volume_change"]) & (figures.area_type != "ward")]
        if changes.empty:
            if not figures.empty:
                answer.notes.append(f"The data states no year-to-date changes by category for {quarter.label}.")
            return
        rows = []
        for (indicator, area, period), group in changes.groupby(["indicator", "area", "period"], sort=False):
            by = dict(zip(group.measure, group.value))
            first = group.iloc[0]
            note = next((n for n in group.note if isinstance(n, str) and n), "")
            rows.append((by.get("pct_change", 0), [first.indicator_name, first.area_name, first.period_label,
                                                   fmt_change(by.get("volume_change")),
                                                   fmt_change(by.get("pct_change"), 1, "%"), note]))
        rows.sort(key=lambda r: -abs(r[0]))
        if len(rows) > 15:  # imported data has every district: keep the home district and the county, biggest first
            p = self.answerer.partnership
            rows = [r for r in rows if r[1][1] in (p.home_name, p.county_name)][:15]
        answer.tables.append(Table(f"Rises and falls the data states for {quarter.label} (year to date)",
                                   ["Indicator", "Area", "Period", "Change", "% change", "Note"], [r for _, r in rows]))
        wards = figures[(figures.area_type == "ward") & figures.measure.isin(["count", "percent"])]
        if not wards.empty:
            answer.tables.append(Table("Ward hotspots for the period", ["Ward", "Indicator", "Period", "Figure", "Note"],
                                       [[r.area_name, r.indicator_name, r.period_label, fmt_number(r.value, r.digits),
                                         r.note if isinstance(r.note, str) else ""] for r in wards.itertuples()]))

    def _ranks(self, answer: Answer, quarter: FinancialQuarter, figures: pd.DataFrame) -> None:
        ranks = figures[(figures.area == self.answerer.home) & figures.measure.isin(["county_rank", "increase_rank"])]
        if ranks.empty:
            return
        # the rank to compare with: the same months a year before, else the last full financial year
        earlier = [quarter.a_year_before().year_to_date_id, FinancialQuarter(quarter.year - 1, 4).financial_year]
        before = self.answerer.run("digest_figures", periods=earlier, home=self.answerer.home)
        before = before[(before.area == self.answerer.home) & (before.measure == "county_rank")]
        rows = []
        for r in ranks.itertuples():
            of = self.answerer.partnership.of_peers
            what = f"County rank by rate (1 = lowest {of})" if r.measure == "county_rank" else \
                f"Rank of the increase (1 = largest {of})"
            then = ""
            if r.measure == "county_rank":
                for period in earlier:
                    match = before[(before.indicator == r.indicator) & (before.period == period)]
                    if len(match):
                        then = f"{fmt_number(match.value.iloc[0])} in {match.period_label.iloc[0]}"
                        break
            rows.append([r.indicator_name, r.period_label, what, fmt_number(r.value), then])
        answer.tables.append(Table("County ranks stated for the period",
                                   ["Indicator", "Period", "Rank", self.home_name, "Before"], rows))

    def _priorities(self, answer: Answer, pri: dict | None) -> None:
        items = [h for h in self.answerer.headlines() if pri is None or h["id"] == pri["id"]]
        answer.tables.append(Table("Priorities: headline figures (each with its own, latest, period)",
                                   ["Priority", "Headline figure"], [[h["name"], h["headline"]] for h in items]))
