"""Figures quoted to be checked: "asb wards 911 342 333 is that right", "is it right it fell 20%".

The question is answered as usual; the headline then starts by saying, for each figure quoted, whether the
answer's own figures (its headline and tables, not its notes) hold it exactly, hold one that rounds to it, or
hold none: a partner checking a figure in a paper sees the figure the data has beside the one they had. A figure
quoted as the assessment printed it, where the data check corrected the print ("table 3.1 prints 1.277"), is
said to be the print, with the figure the data keeps.
"""
from __future__ import annotations

import re

from .base import Answer, fmt_change, fmt_number

SHOWN = re.compile(r"(?<![\w.])([-+]?\d[\d,]*(?:\.\d+)?)(%|st\b|nd\b|rd\b|th\b)?")


def _figures(answer: Answer) -> list[tuple[float, str, str]]:
    """(value, kind, as shown) of every figure in the headline and tables; kind is '%', 'ordinal' or ''."""
    texts = [answer.headline] + [cell for table in answer.tables for row in table.rows for cell in row]
    found = []
    for text in texts:  # not the rate's base or a rank's field: "per 1,000", "of 12"
        text = re.sub(r"\bper 1,000\b|\bof \d+\b", " ", str(text))
        for match in SHOWN.finditer(text):
            suffix = match.group(2) or ""
            found.append((float(match.group(1).replace(",", "")), "%" if suffix == "%" else
                          "ordinal" if suffix else "", match.group(0)))
    return found


def _kind(claim: str) -> tuple[float, str, bool, int]:
    """(value, kind, signed, decimals) of a figure quoted: '20%', '-5', '4th', '27.7'."""
    match = re.fullmatch(r"([-+]?)(\d+(?:\.(\d+))?)(%|st|nd|rd|th)?", claim)
    sign, number, decimals, suffix = match.groups()
    value = float(number) * (-1 if sign == "-" else 1)
    return value, "%" if suffix == "%" else "ordinal" if suffix else "", bool(sign), len(decimals or "")


def _verdict(claim: str, shown: list[tuple[float, str, str]], printed: list[tuple[float, str, str]]) -> str:
    value, kind, signed, decimals = _kind(claim)
    if not decimals and not kind and abs(value) >= 1000:
        claim = f"{value:+,.0f}" if signed else f"{value:,.0f}"  # as the answer writes it: 1,200
    misprint = next((p for p in printed if p[0] == value or (not signed and abs(p[0]) == abs(value))), None)
    if misprint is not None:
        return (f"{claim} is what the assessment printed ({misprint[1]}); the data has {misprint[2]} "
                "(see the data note)")
    # a rank is shown as "4 of 12" or "rank 4": an ordinal quoted is checked against plain numbers too
    same = [s for s in shown if s[1] == kind or (kind == "ordinal" and s[1] == "")]
    compare = (lambda x: x) if signed else abs
    exact = [s for s in same if compare(s[0]) == compare(value)]
    if exact:
        return f"{claim} is right"
    rounded = [s for s in same if round(compare(s[0]), decimals) == compare(value)]
    if rounded:
        return f"{claim} is right, rounded (the data has {rounded[0][2]})"
    opposite = [s for s in same if signed and abs(s[0]) == abs(value)] or \
        [s for s in same if signed and round(abs(s[0]), decimals) == abs(value)]
    if opposite:
        return f"{claim} is not right: the data has {opposite[0][2]}, the other way"
    near = sorted(same, key=lambda s: abs(compare(s[0]) - compare(value)))
    if near and abs(compare(near[0][0]) - compare(value)) < 10 ** -decimals:  # 27.7 for 27.77: cut, not rounded
        return f"{claim} is close: the data has {near[0][2]}"
    if near and abs(compare(near[0][0]) - compare(value)) <= 0.25 * max(abs(value), 1):
        return f"{claim} is not a figure the data has here; the nearest is {near[0][2]}"
    return f"{claim} is not among the figures below"


def check(answer: Answer, claims: list[str], printed=None) -> None:
    """Lead the headline with a verdict on each figure quoted; ``printed``: the figures_as_printed rows of the
    subject asked (period, measure, value, digits, published, section)."""
    shown = _figures(answer)
    misprints = []
    for row in printed.itertuples() if printed is not None else []:
        try:
            as_printed = float(str(row.published).replace(",", "").rstrip("%"))
        except ValueError:
            continue
        unit = "%" if row.measure in ("percent", "pct_change") else ""
        kept = fmt_change(row.value, row.digits, unit) if row.measure.endswith("change") else \
            fmt_number(row.value, row.digits, unit)
        misprints.append((as_printed, f"section {row.section}, {row.period}: {row.published}", kept))
    verdicts = [_verdict(claim, shown, misprints) for claim in claims]
    answer.headline = "Checked: " + "; ".join(verdicts) + ". " + answer.headline
