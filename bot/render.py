"""Renderers: an Answer as terminal text, Markdown, JSON or CSV (Block Kit lives with the Slack app; Excel and
the spreadsheet-safe CSV in spreadsheet.py)."""
from __future__ import annotations

import json

from .answer import Answer, Table
from .answer.base import one_line, split_notes
from .spreadsheet import csv_cell, to_csv  # noqa: F401 (csv_cell: the CSV rule, kept importable here)


def table_text(table: Table) -> str:
    widths = [max(len(str(c)), *(len(str(r[i])) for r in table.rows)) if table.rows else len(str(c))
              for i, c in enumerate(table.columns)]
    numeric = numeric_columns(table)

    def line(cells):
        return "  ".join(str(c).rjust(w) if numeric[i] else str(c).ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    out = [table.title, line(table.columns), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in table.rows]
    return "\n".join(out)


def looks_numeric(text) -> bool:
    """A figure as the answers print it: '1,234', '+8.9%', '=11', '-2.1 pts'.

    >>> looks_numeric("+8.9%"), looks_numeric("=11"), looks_numeric("2012/13")
    (True, True, False)
    """
    return str(text).replace(",", "").replace("%", "").replace("+", "").replace("-", "").replace(".", "").replace(
        "=", "").replace(" pts", "").strip().isdigit()


def numeric_columns(table: Table) -> list[bool]:
    """For each column after the first: do all its filled cells hold figures (aligned right)?"""
    return [i > 0 and all(looks_numeric(r[i]) for r in table.rows if r[i]) for i in range(len(table.columns))]


KIND_WORDS = {"figure": "", "rank": "rank", "rank_changes": "all ranks", "top": "highest or lowest",
              "direction": "direction", "wards": "wards", "compare": "side by side", "trend": "trend",
              "spc": "control chart", "priority": "priority pack", "help": "help",
              "table": "whole table", "place": "everything held for the place"}


def understood_line(answer: Answer) -> str:
    """What the question was read as, in a line: "Understood: Shoplifting · Maidstone · 2012/13"."""
    u = answer.understood or {}
    parts = [u.get("subject"), u.get("area"), u.get("period"), KIND_WORDS.get(u.get("kind") or "", "")]
    parts = [str(p) for p in parts if p]
    return "Understood: " + " · ".join(parts) if parts else ""


def note_lines(answer: Answer, notes: str = "short") -> tuple[list[str], list[str]]:
    """(the notes to lead with, the rest folded under "More notes"). An answer leads with its two most important
    notes in full; a digest or a priority pack shows every note shortened to one line; ``notes="full"``
    gives every note in full."""
    if notes == "full":
        return split_notes(answer.notes, full=True)
    kind = (answer.understood or {}).get("kind")
    if kind == "digest":  # a digest is a summary: every note of its figures, one line each
        return [one_line(n) for n in split_notes(answer.notes, full=True)[0]], []
    lead, more = split_notes(answer.notes)
    if kind == "priority":
        lead = [one_line(n) for n in lead]
    return lead, more


def render(answer: Answer, fmt: str = "text", notes: str = "short") -> str:
    """The answer as ``text``, ``markdown``, ``json`` or ``csv``; ``notes``: "short" (lead with two, fold
    the rest under "More notes", one line each) or "full"."""
    if fmt == "json":
        return json.dumps(answer.to_dict(), indent=2, ensure_ascii=False)
    if fmt == "csv":
        return to_csv(answer)
    if answer.error:
        lines = [answer.error["message"]]
        if answer.error["suggestions"]:
            lines.append("Try: " + " | ".join(answer.error["suggestions"]))
        return "\n".join(lines)
    if fmt == "markdown":
        parts = [f"**{answer.headline}**"]
        for table in answer.tables:
            parts.append(f"*{table.title}*\n\n| " + " | ".join(table.columns) + " |\n|"
                         + "|".join("---" for _ in table.columns) + "|\n"
                         + "\n".join("| " + " | ".join(r) + " |" for r in table.rows))
        lead, more = note_lines(answer, notes)
        parts += [f"- {n}" for n in lead]
        if more:
            parts.append(f"<details><summary>More notes ({len(more)})</summary>\n\n"
                         + "\n".join(f"- {n}" for n in more) + "\n\n</details>")
        parts += [f"_Source: {s}_" for s in answer.sources]
        return "\n\n".join(parts)
    parts = [answer.headline, *(table_text(t) for t in answer.tables)]
    lead, more = note_lines(answer, notes)
    if lead:
        parts.append("\n".join(f"Note: {n}" for n in lead))
    if more:
        parts.append(f"More notes ({len(more)}; --notes full for all in full):\n" + "\n".join(f"  - {n}" for n in more))
    if understood_line(answer):
        parts.append(understood_line(answer))
    if answer.sources:
        parts.append("\n".join(f"Source: {s}" for s in answer.sources))
    return "\n\n".join(parts)
