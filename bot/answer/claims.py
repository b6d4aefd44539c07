"""Figures quoted to be checked: "asb wards 911 342 333 is that right", "is it right it fell 20%".

The question is answered as usual; the headline then starts with a verdict on each figure quoted, found in the
answer's own tables, cell by cell: each cell is a figure of one kind (a level, a change, a % change, a rate, a
rank) for one row (a period, an area or a ward). A figure quoted is checked against the cell of its kind in the row
asked (the period answered, or the place named just before the figure) and is "right" only there; a figure that is
another row's ("971 is 2010/11's") is said to be so, never called right. A figure quoted as the assessment printed
it, where the data check corrected the print ("table 3.1 prints 1.277"), is said to be the print, with the figure
the data keeps.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from .base import Answer, fmt_change, fmt_number

SKIP = re.compile(r"^(?:period|area|ward|indicator|measure|note|category|direction|rank direction|month)$", re.I)


@dataclass
class Cell:
    value: float
    kind: str  # level, change, pct (a % change), percent (a share), rate or rank
    row: str  # the row's label: a period, an area or a ward
    shown: str  # as the table shows it


def _kind_of(header: str, measure: str, text: str) -> str | None:
    """A cell's kind from its column header (or, in an Area/Measure/Figure table, its row's measure)."""
    label = (measure or header).lower()
    if SKIP.match(header.strip()) or not label:
        return None
    if "rank" in label:
        return "rank"
    if "% change" in label:
        return "pct"
    if "change" in label:
        return "change"
    if "rate" in label and "1,000" in label:
        return "rate"
    return "percent" if text.endswith("%") else "level"


def cells(answer: Answer) -> list[Cell]:
    found = []
    for table in answer.tables:
        columns = [c.lower() for c in table.columns]
        measure_at = columns.index("measure") if "measure" in columns else None
        for row in table.rows:
            label = str(row[0])
            for header, text in zip(table.columns[1:], row[1:]):
                text = str(text).strip()
                number = re.fullmatch(r"=?([-+]?\d[\d,]*(?:\.\d+)?)\s*(%|pts)?", text)
                if not number:
                    continue
                kind = _kind_of(header, str(row[measure_at]) if measure_at is not None and header.lower() == "figure"
                                else "", text)
                if kind:
                    found.append(Cell(float(number.group(1).replace(",", "")), kind, label, text))
    # a share the headline gives of a whole: 'High Street 911, Park Wood 342, Fant 333 (together 36% of the borough's)'
    for share in re.finditer(r"(\btogether )?(\d+(?:\.\d+)?)% of (?:the |all )?(?:borough|district|county|total|kent)",
                             answer.headline):
        found.append(Cell(float(share.group(2)), "percent", SHARE, f"{share.group(2)}% of the whole"))
    # a count the headline gives beside a rank ('9 of 12 (...); 2,638 crimes (-230 ...)'), when no table holds one
    if not any(c.kind == "level" for c in found):
        for count in re.finditer(r"(?<![\d.,+-])(\d{1,3}(?:,\d{3})+|\d+) (?:crimes|incidents|casualties|admissions|fires|"
                                 r"offences|victims|outcomes)\b", answer.headline):
            found.append(Cell(float(count.group(1).replace(",", "")), "level", SHARE, count.group(1)))
    return found


SHARE = "\x00share"  # the row of a share the headline gives: the row asked, whichever it is


def _parse(figure: str) -> tuple[float, str, bool, int]:
    """(value, unit, signed, decimals) of a figure quoted: '20%' -> (20, '%', False, 0); '-5' ; '4th' ; '27.7'."""
    match = re.fullmatch(r"([-+]?)(\d+(?:\.(\d+))?)(%|st|nd|rd|th)?", figure)
    sign, number, decimals, suffix = match.groups()
    return (float(number) * (-1 if sign == "-" else 1), "%" if suffix == "%" else "ordinal" if suffix else "",
            bool(sign), len(decimals or ""))


def _kinds(unit: str, signed: bool, ranked: bool) -> set[str]:
    if unit == "ordinal":
        return {"rank"}
    if unit == "%":
        return {"pct"} if signed else {"percent", "pct"}
    if signed:
        return {"change"}
    return {"level", "rate", "percent"} | ({"rank"} if ranked else set())


def _holds(cell: Cell, value: float, signed: bool, decimals: int, qualifier: str) -> str | None:
    """'exact', 'rounded', 'close', 'opposite' (the size right, the sign wrong), or None."""
    have = cell.value if signed else abs(cell.value)
    want = value if signed else abs(value)
    if qualifier in (">", ">=", "<", "<="):  # "over 1000", "less than 4000": a bound on the size
        size = abs(cell.value)
        ok = {">": size > abs(value), ">=": size >= abs(value), "<": size < abs(value), "<=": size <= abs(value)}
        if signed and (cell.value < 0) != (value < 0) and cell.value:
            return "opposite" if ok[qualifier] else None
        return "exact" if ok[qualifier] else None
    if have == want:
        return "exact"
    if round(have, decimals) == want:
        return "rounded"
    if qualifier == "~" and abs(have - want) <= 0.05 * max(abs(want), 1):
        return "rounded"
    zeros = len(str(int(abs(want)))) - len(str(int(abs(want))).rstrip("0")) if want and want == int(want) else 0
    if qualifier == "~" and zeros and round(have / 10 ** zeros) * 10 ** zeros == want:
        return "rounded"  # 'about 4,000' for 4,326: a round guess, right to its nearest thousand
    if abs(have - want) < 10 ** -decimals:
        return "close"  # 27.7 for 27.77: cut, not rounded
    if signed and (abs(cell.value) == abs(value) or round(abs(cell.value), decimals) == abs(value)):
        return "opposite"
    return None


def _nearest(cells: list[Cell], value: float) -> Cell:
    """The cell whose figure is nearest the size of ``value`` (its count for a count, its rate for a rate)."""
    return min(cells, key=lambda c: abs(math.log((abs(c.value) or 0.5) / (abs(value) or 0.5))))


def _asked_rows(claim, answered: list[str] | None, rows: set[str]) -> set[str]:
    """The rows a figure quoted is about: a place named just before it ('high street 342'), else the period
    answered (or, for a list of places or wards, ``answered`` None, any of them)."""
    before = f" {claim.before.lower()} "
    named = {r for r in rows if re.search(rf"\b{re.escape(r.lower())}\b", before)}
    if named:
        return named
    if answered and re.search(r"\b(?:from|the year before|the previous year|last year)\s*$", before):
        # '112 down from 129', 'was 5th last year': the figure of the row before the one answered
        earlier = sorted(r for r in rows if r < min(answered) and re.match(r"^\d{4}", r))
        return set(earlier[-1:])
    if answered is None:
        return set(rows)
    return {r for r in rows if any(r == a or r.startswith(f"{a} ") for a in answered)}


def _verdict(claim, found: list[Cell], answered: list[str], ranked: bool, misprints: list) -> str:
    value, unit, signed, decimals = _parse(claim.figure)
    said = claim.figure
    if not decimals and not unit and abs(value) >= 1000:
        said = f"{value:+,.0f}" if signed else f"{value:,.0f}"  # as the answer writes it: 1,200
    if claim.qualifier and signed:  # "fell by over 1000": "over 1,000 down"
        said = said.lstrip("+-") + (" down" if value < 0 else " up")
    said = {"~": "about ", ">": "over ", ">=": "at least ", "<": "under ", "<=": "at most "}.get(claim.qualifier, "") + said
    kinds = _kinds(unit, signed, ranked)
    same = [c for c in found if c.kind in kinds]
    asked = _asked_rows(claim, answered, {c.row for c in same})
    here = [c for c in same if c.row in asked]
    if claim.qualifier and claim.qualifier != "~" and here:
        # "under 4,000": a bound on one figure, the asked row's figure of the size quoted (not its rate)
        here = [_nearest(here, value)]
    for cell in here:
        held = _holds(cell, value, signed, decimals, claim.qualifier)
        if held == "exact":
            return f"{said} is right ({cell.row}: {cell.shown})"
        if held == "rounded":
            return f"{said} is right, rounded ({cell.row}: {cell.shown})"
        if held == "close":
            return f"{said} is close ({cell.row}: {cell.shown})"
        if held == "opposite":
            return f"{said} is not right: {cell.row} is {cell.shown}, the other way"
    misprint = next((m for m in misprints if m[0] == value or (not signed and abs(m[0]) == abs(value))), None)
    if misprint is not None:
        return f"{said} is what the assessment printed ({misprint[1]}); the data has {misprint[2]} (see the data note)"
    elsewhere = next((c for c in same if c not in here and _holds(c, value, signed, decimals, claim.qualifier)
                      in ("exact", "rounded")), None) if claim.qualifier in ("", "~") else None
    where = f" ({said.split(' ')[-1]} is {elsewhere.row}'s figure)" if elsewhere is not None else ""
    if here:  # the asked row's figure of the size quoted: its count for a count, its rate for a rate
        nearest = _nearest(here, value)
        return f"{said} is not right: {nearest.row} is {nearest.shown}{where}"
    if elsewhere is not None:
        return f"{said} is not a figure for what was asked here; it is {elsewhere.row}'s ({elsewhere.shown})"
    return f"{said} is not among the answer's figures"


def _scaled(claim, scale: float):
    """A figure quoted in full ('75000000', from '£75m') in the answer's units (75, of a figure in millions)."""
    value, unit, signed, decimals = _parse(claim.figure)
    if scale == 1 or unit or abs(value) < scale:
        return claim
    return replace(claim, figure=f"{value / scale:+g}" if signed else f"{value / scale:g}")


def check(answer: Answer, claims: list, answered: list[str] | None, ranked: bool = False, printed=None,
          scale: float = 1) -> None:
    """Lead the headline with a verdict on each figure quoted. ``answered``: the labels of the period and place
    answered (a table's rows are labelled by one or the other), None for a list of places or wards; ``ranked``: the question asks for a rank, so a
    plain number quoted may be one; ``printed``: the printed_figures rows of the subject, place and period asked;
    ``scale``: what one of the answer's units is (1e6 for a figure in millions, so '£75m' is checked as 75)."""
    claims = [_scaled(claim, scale) for claim in claims]
    found = [replace(c, row=(answered[-1] if answered else "the places together")) if c.row == SHARE else c
             for c in cells(answer)]
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
    verdicts = [_verdict(claim, found, answered, ranked, misprints) for claim in claims]
    answer.headline = "Checked: " + "; ".join(verdicts) + ". " + answer.headline
