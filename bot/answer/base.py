"""What every kind of answer shares: the Answer and its tables, the refusal, number formatting and labels.

An answer is plain data (tables of strings, notes, sources, or an error with suggestions); the
renderers turn it into terminal text, Markdown, JSON, CSV or Block Kit.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from types import SimpleNamespace

import pandas as pd

ARROW = {1: "↑ improved", 0: "← unchanged", -1: "↓ declined"}
KIND_ORDER = {"financial_year": 0, "span": 1, "quarter": 2, "calendar_year": 3, "month": 4}


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

    def __init__(self, message: str, suggestions: list[str] | None = None,
                 choices: list[tuple[str, str]] | None = None):
        super().__init__(message)
        self.suggestions = suggestions or []
        self.choices = choices or []  # (label, question): two readings, asked back as buttons


class Figure(str):
    """A table cell that prints as the answers print it ('+8.9%', '=6', '9.9 pts') and keeps its number,
    digits, unit and flag for the exports (CSV, Excel, charts), which write the number, not the text.

    >>> cell = fmt_change(8.94, 1, "%")
    >>> cell, cell.value, cell.digits, cell.unit, cell.signed
    ('+8.9%', 8.94, 1, '%', True)
    >>> rank = fmt_rank(6, "joint")
    >>> rank, rank.value, rank.tied
    ('=6', 6.0, True)
    """

    value: float
    digits: int
    unit: str  # "", "%" or " pts"
    flag: str | None  # "joint" (a tied rank)
    signed: bool  # printed with its sign ('+81'): a change

    def __new__(cls, text: str, value: float, digits: int = 0, unit: str = "", flag: str | None = None,
                signed: bool = False):
        cell = super().__new__(cls, text)
        cell.value, cell.digits, cell.unit, cell.flag, cell.signed = float(value), digits, unit, flag, signed
        return cell

    def __reduce__(self):  # copies (dataclasses.asdict deep-copies tables) stay figures
        return (Figure, (str(self), self.value, self.digits, self.unit, self.flag, self.signed))

    @property
    def tied(self) -> bool:
        return self.flag == "joint"

    @property
    def number(self) -> float:
        """The value as printed (rounded to its digits): what a spreadsheet should hold."""
        return round(self.value, self.digits)


def fmt_number(value, digits: int | None = 0, unit: str = "") -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    digits = 0 if digits is None or pd.isna(digits) else int(digits)
    text = f"{value:,.{digits}f}"
    return Figure(text + unit, value, digits, unit)


def pct_digits(digits) -> int:
    """A % change with the digits the assessment printed (at least none, at most 2); 1 when not known."""
    return 1 if digits is None or pd.isna(digits) else min(int(digits), 2)


def fmt_change(value, digits: int | None = 0, unit: str = "") -> str:
    text = fmt_number(value, digits, unit)
    if not text:
        return text
    return Figure(("+" + text) if value > 0 else str(text), value, text.digits, unit, signed=True)


def change_text(then, now, percent: bool = False) -> str:
    """The change from one figure to another, as the answers print it.

    >>> change_text(971, 994), change_text(37.6, 32.4, percent=True)
    ('+23 (+2.4%)', '-5.2 points')
    """
    diff = now - then
    if percent:
        return f"{fmt_change(diff, 1)} points"
    return fmt_change(diff) + (f" ({fmt_change(diff / then * 100, 1, '%')})" if then else "")


def in_text_order(names, notes) -> list:
    """Names (wards) in the order the notes that name them do: the text's own order, not the alphabet."""
    text = " ".join(str(n) for n in notes if isinstance(n, str))
    return sorted(dict.fromkeys(names), key=lambda name: text.find(name) if name in text else len(text))


def fmt_rank(value, flag) -> str:
    if value is None or pd.isna(value):
        return ""
    return Figure(("=" if flag == "joint" else "") + f"{int(value)}", int(value), 0, "", flag)


BESIDE_MEASURES = ("count", "percent", "volume_change", "pct_change", "rate_per_1000", "county_rank", "increase_rank",
                   "average_per_year", "share_pct")
MEASURE_LABEL = {"count": "Number", "percent": "%", "rate_per_1000": "Rate per 1,000", "pct_change": "% change",
                 "volume_change": "Change", "county_rank": "County rank", "share_pct": "Share of borough %",
                 "ward_rank_in_kent": "Rank among the county's wards", "increase_rank": "Rank of increase (1 = largest)",
                 "pp_change": "Change (points)", "average_per_year": "Average per year", "msg_rank": "Most similar group rank",
                 "national_rank": "National rank", "change_direction": "Direction (1 = rose or did not fall, -1 = fell)", "rank": "Rank",
                 "rank_change": "Change in rank", "named_hotspot": "Named as a hotspot (no figure given)",
                 "named_lowest": "Named among the lowest (no figure given)",
                 "named_wards_share_pct": "Share of the borough in the wards named %"}




def area_name(answerer, area: str) -> str:
    return answerer.vocab.names.get(("area", area), area)


def _beside_cell(figure, measure: str) -> str:
    if figure is None:
        return ""
    if measure == "county_rank":
        return fmt_rank(figure.value, figure.flag)
    unit = "%" if measure in ("percent", "pct_change") else ""
    if measure in ("volume_change", "pct_change", "pp_change"):  # signed, as in the place's own table: '+830'
        return fmt_change(figure.value, figure.digits, unit)
    return fmt_number(figure.value, figure.digits, unit)


def _drop_empty(rows: list[list[str]], columns: list[str]):
    keep = [i for i in range(len(columns)) if i == 0 or any(r[i] for r in rows)]
    return [[r[i] for i in keep] for r in rows], [columns[i] for i in keep]




LEAD_NOTES = 2  # notes an answer leads with; the rest fold under "More notes"


def note_weight(note: str) -> int:
    """How much a note matters to someone reading the figures, 0 first: the answer's own words about what it
    answered ('Read ... as ...', 'the assessment gives X, not Y'), then a printed figure that was corrected or
    disagrees with its parts, then what the figures cover ('January to September each year'), then any other
    data note, then denominators and pointers to later figures.

    >>> sorted(["Rate per 1,000 residents ...", "Data note: Published 27.7; recomputed 27.8.",
    ...         "About these figures: January to September each year."], key=note_weight)[0]
    'Data note: Published 27.7; recomputed 27.8.'
    """
    if note.startswith("Data note:"):
        return 1 if re.search(r"\b(?:Printed|Published|published|misprint|disagree|Two parts agree)", note) else 3
    if note.startswith("About these figures"):
        return 2
    if note.startswith(("Rate per 1,000", "Later figures")):
        return 4
    return 0


def ordered_notes(notes: list[str]) -> list[str]:
    """The notes, most important first (the order within a weight kept)."""
    return sorted(notes, key=note_weight)


def one_line(note: str, limit: int = 220) -> str:
    """A note shortened to its first sentence, at most ``limit`` characters.

    >>> one_line("Data note: Printed 'down to -76 fires': a count cannot be negative. Two parts agree on 76.")
    "Data note: Printed 'down to -76 fires': a count cannot be negative."
    """
    first = re.split(r"(?<=[a-z0-9)'%])\.\s+(?=[A-Z(])", note, maxsplit=1)[0]
    first = first if first.endswith(".") else first + "."
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


def split_notes(notes: list[str], full: bool = False, lead: int = LEAD_NOTES) -> tuple[list[str], list[str]]:
    """(the notes to lead with, the rest as 'More notes'), both in order of importance; with ``full``, every
    note in full and nothing folded; otherwise the folded ones shortened to one line each."""
    ordered = ordered_notes(notes)
    if full:
        return ordered, []
    return ordered[:lead], [one_line(n) for n in ordered[lead:]]


_MONTH_WORD = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"


def own_period_label(answerer, indicator: str, period: str, label: str | None = None) -> str:
    """A period as the indicator's own data has it: a financial year of an indicator counted over other months
    ('January to September each year', KSI car drivers 17-24) is labelled with those months, never 'April
    to March'; any other period keeps ``label`` (or its id)."""
    ind = answerer.indicators.get(indicator)
    note = getattr(ind, "period_note", None)
    match = re.match(rf"^({_MONTH_WORD} to {_MONTH_WORD}) each year", note) if isinstance(note, str) else None
    if match and period in answerer.periods and answerer.periods[period].kind == "financial_year":
        return f"{period} ({match.group(1)})"
    return label or period


def rows_of(frame: pd.DataFrame) -> list[SimpleNamespace]:
    """A frame's rows with their columns as attributes, as ``itertuples`` gives them but a few times faster (pandas
    builds a namedtuple class on every ``itertuples`` call, which an answer's small frames pay for each time).

    >>> [r.period for r in rows_of(pd.DataFrame({"period": ["2012/13", "2013/14"]}))]
    ['2012/13', '2013/14']
    """
    columns = list(frame.columns)
    return [SimpleNamespace(**dict(zip(columns, values))) for values in zip(*(frame[c].tolist() for c in columns))]
