"""Renderers: an Answer as terminal text, Markdown, JSON or CSV (Block Kit lives with the Slack app)."""
from __future__ import annotations

import csv
import io
import json
import re

from .answer import Answer, Table


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
              "spc": "control chart", "priority": "priority pack", "help": "help"}


def understood_line(answer: Answer) -> str:
    """What the question was read as, in a line: "Understood: Shoplifting · Maidstone · 2012/13"."""
    u = answer.understood or {}
    parts = [u.get("subject"), u.get("area"), u.get("period"), KIND_WORDS.get(u.get("kind") or "", "")]
    parts = [str(p) for p in parts if p]
    return "Understood: " + " · ".join(parts) if parts else ""


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    """A cell as a spreadsheet will read it safely: text starting like a formula gets a leading ``'``
    (OWASP's advice against CSV injection); a figure such as ``-24`` or ``+8.9%`` stays a figure.

    >>> [csv_cell(v) for v in ["=HYPERLINK(A1)", "@SUM(A1)", "-2+3", "+8.9%", "-24", "=11", "Maidstone"]]
    ["'=HYPERLINK(A1)", "'@SUM(A1)", "'-2+3", '+8.9%', '-24', "'=11", 'Maidstone']
    """
    text = str(value)
    if text.startswith(FORMULA_START) and not re.fullmatch(r"[+-]?[\d,]*\.?\d+%?( pts)?", text):
        return "'" + text
    return text


def render(answer: Answer, fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps(answer.to_dict(), indent=2, ensure_ascii=False)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        if answer.error:
            writer.writerow(["error", csv_cell(answer.error["message"])])
        for i, table in enumerate(answer.tables):
            if i:
                writer.writerow([])
            writer.writerow([csv_cell(c) for c in table.columns])
            writer.writerows([csv_cell(c) for c in row] for row in table.rows)
        return buffer.getvalue().rstrip("\n")
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
        parts += [f"- {n}" for n in answer.notes]
        parts += [f"_Source: {s}_" for s in answer.sources]
        return "\n\n".join(parts)
    parts = [answer.headline, *(table_text(t) for t in answer.tables)]
    if answer.notes:
        parts.append("\n".join(f"Note: {n}" for n in answer.notes))
    if understood_line(answer):
        parts.append(understood_line(answer))
    if answer.sources:
        parts.append("\n".join(f"Source: {s}" for s in answer.sources))
    return "\n\n".join(parts)
