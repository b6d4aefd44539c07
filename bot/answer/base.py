"""What every kind of answer shares: the Answer and its tables, the refusal, number formatting and labels.

An answer is plain data (tables of strings, notes, sources, or an error with suggestions); the
renderers turn it into terminal text, Markdown, JSON, CSV or Block Kit.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from types import SimpleNamespace

import pandas as pd

HOME = "maidstone"  # the partnership's home district: the place answered when none is named

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


def fmt_number(value, digits: int | None = 0, unit: str = "") -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    digits = 0 if digits is None or pd.isna(digits) else int(digits)
    text = f"{value:,.{digits}f}"
    return text + unit


def fmt_change(value, digits: int | None = 0, unit: str = "") -> str:
    text = fmt_number(value, digits, unit)
    return ("+" + text) if text and value > 0 else text


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
    return ("=" if flag == "joint" else "") + f"{int(value)}"


BESIDE_MEASURES = ("count", "percent", "volume_change", "pct_change", "rate_per_1000", "county_rank", "increase_rank",
                   "average_per_year", "share_pct")
MEASURE_LABEL = {"count": "Number", "percent": "%", "rate_per_1000": "Rate per 1,000", "pct_change": "% change",
                 "volume_change": "Change", "county_rank": "County rank", "share_pct": "Share of borough %",
                 "ward_rank_in_kent": "Rank among Kent wards", "increase_rank": "Rank of increase (1 = largest)",
                 "pp_change": "Change (points)", "average_per_year": "Average per year", "msg_rank": "Most similar group rank",
                 "national_rank": "National rank", "change_direction": "Direction (1 up, -1 down)", "rank": "Rank",
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
    return fmt_number(figure.value, figure.digits, "%" if measure in ("percent", "pct_change") else "")


def _drop_empty(rows: list[list[str]], columns: list[str]):
    keep = [i for i in range(len(columns)) if i == 0 or any(r[i] for r in rows)]
    return [[r[i] for i in keep] for r in rows], [columns[i] for i in keep]


def rows_of(frame: pd.DataFrame) -> list[SimpleNamespace]:
    """A frame's rows with their columns as attributes, as ``itertuples`` gives them but a few times faster (pandas
    builds a namedtuple class on every ``itertuples`` call, which an answer's small frames pay for each time).

    >>> [r.period for r in rows_of(pd.DataFrame({"period": ["2012/13", "2013/14"]}))]
    ['2012/13', '2013/14']
    """
    columns = list(frame.columns)
    return [SimpleNamespace(**dict(zip(columns, values))) for values in zip(*(frame[c].tolist() for c in columns))]
