"""An Answer for spreadsheets: an Excel workbook (one sheet per table, and a sheet of notes and sources) and
spreadsheet-safe CSV, both written from the typed cells (``Figure``), never from the printed text.

The rules both follow, so that a table pasted into a meeting paper says what the answer said:

- a figure is a number (``994``, ``8.9`` for "+8.9%" in CSV; in Excel ``0.089`` shown as ``+8.9%``), with
  its unit in the column name where the printed cell carried it ("Moving range (pts)");
- a tied rank keeps its tie: the rank is a number and a column beside it says "tied";
- periods, ranks' arrows and names are text: in Excel a text cell; in CSV, a cell a spreadsheet would
  read as a date (``2010/11``, ``September 2013``) is written so that it cannot (``FY2010/11``,
  ``September 2013 (month)``), and one that starts like a formula gets a leading ``'``.

openpyxl is imported only when a workbook is written.
"""
from __future__ import annotations

import csv
import io
import re

from .answer import Answer, Figure, Table
from .periods import MONTH_NAMES

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"  # so that Excel reads the file as UTF-8 (the arrows, the en dashes)
TIED = "tied"
_MONTH = "|".join(m[:3] + f"(?:{m[3:]})?" if len(m) > 3 else m for m in MONTH_NAMES)
_DATE_LIKE = re.compile(rf"^\s*(?:\d{{1,4}}\s*[/.-]\s*\d{{1,4}}(?:\s*[/.-]\s*\d{{1,4}})?"
                        rf"|(?:{_MONTH})\.?[\s,/-]+\d{{1,4}}(?:[\s,/-]+\d{{1,4}})?"
                        rf"|\d{{1,4}}[\s/-]+(?:{_MONTH})\.?(?:[\s,/-]+\d{{1,4}})?)\s*$", re.IGNORECASE)


def csv_text(value) -> str:
    """A text cell as a spreadsheet will read it safely: never as a formula (OWASP's advice against CSV
    injection: a leading ``'``), never as a date.

    >>> [csv_text(v) for v in ["=HYPERLINK(A1)", "@SUM(A1)", "2010/11", "September 2013", "2013-09", "Maidstone"]]
    ["'=HYPERLINK(A1)", "'@SUM(A1)", 'FY2010/11', 'September 2013 (month)', '2013-09 (month)', 'Maidstone']
    >>> csv_text("April 2012 to March 2013"), csv_text("2012/13 Q3"), csv_text("1/2")
    ('April 2012 to March 2013', '2012/13 Q3', '1/2 (text)')
    """
    text = str(value)
    if re.fullmatch(r"\d{4}/\d{2}", text):  # a financial year: the form crimebot itself reads back
        return "FY" + text
    if _DATE_LIKE.match(text):
        month = re.fullmatch(rf"(?:{_MONTH})\s+\d{{4}}|\d{{4}}-(?:0[1-9]|1[0-2])", text, re.IGNORECASE)
        return f"{text} ({'month' if month else 'text'})"
    if text.startswith(FORMULA_START) and not re.fullmatch(r"[+-]?[\d,]*\.?\d+%?( pts)?", text):
        return "'" + text  # a figure printed as text ('-24', '+8.9%') stays a figure
    return text


def csv_cell(value) -> str:
    """A cell for CSV: a figure as its number (no thousands separator, sign or unit), text made safe.

    >>> from bot.answer import fmt_change, fmt_number, fmt_rank
    >>> [csv_cell(v) for v in [fmt_number(8296), fmt_change(8.94, 1, "%"), fmt_change(-24), fmt_rank(6, "joint"), "-2+3"]]
    ['8296', '8.9', '-24', '6', "'-2+3"]
    """
    if isinstance(value, Figure):
        return f"{value.number:.{value.digits}f}"
    return csv_text(value)


def _units(table: Table) -> list[str]:
    """The unit every figure in a column carries ('%', ' pts'), or '' when they differ or have none."""
    units = []
    for i in range(len(table.columns)):
        found = {r[i].unit for r in table.rows if i < len(r) and isinstance(r[i], Figure)}
        units.append(found.pop() if len(found) == 1 else "")
    return units


def _tied(table: Table) -> list[bool]:
    return [any(isinstance(r[i], Figure) and r[i].tied for r in table.rows if i < len(r))
            for i in range(len(table.columns))]


def plain_columns(table: Table) -> list[str]:
    """The column names with each column's unit ('Moving range (pts)') and a 'tied' column after a rank
    column that has ties."""
    names = []
    for name, unit, tied in zip(table.columns, _units(table), _tied(table)):
        label = unit.strip()
        said = label in name or (label == "pts" and "point" in name)
        names.append(f"{name} ({label})" if label and not said else name)
        if tied:
            names.append(f"{name}: {TIED}")
    return names


def plain_rows(table: Table) -> list[list]:
    """The rows with figures as Figure cells and a 'tied' cell after each rank of a column with ties."""
    tied = _tied(table)
    out = []
    for row in table.rows:
        cells = []
        for i, cell in enumerate(row):
            cells.append(cell)
            if i < len(tied) and tied[i]:
                cells.append(TIED if isinstance(cell, Figure) and cell.tied else "")
        out.append(cells)
    return out


def to_csv(answer: Answer) -> str:
    """All the answer's tables in one CSV, one header: the first column names the table each row is from
    (a table's columns are the union of all tables', empty where a table has no such column)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if answer.error:
        writer.writerow(["error", csv_text(answer.error["message"])])
        return buffer.getvalue().rstrip("\n")
    columns: list[str] = []
    for table in answer.tables:
        columns += [c for c in plain_columns(table) if c not in columns]
    writer.writerow(["Table", *(csv_text(c) for c in columns)])
    for table in answer.tables:
        place = {c: i for i, c in enumerate(plain_columns(table))}
        for row in plain_rows(table):
            writer.writerow([csv_text(table.title)] + [csv_cell(row[place[c]]) if c in place else "" for c in columns])
    return buffer.getvalue().rstrip("\n")


def _number_format(cell: Figure) -> str:
    digits = "0" + ("." + "0" * cell.digits if cell.digits else "")
    if cell.unit == "%":
        body = digits + "%"
    elif cell.unit.strip():
        body = f'#,##{digits}"{cell.unit}"'
    else:
        body = f"#,##{digits}"
    return f"+{body};-{body};{body}" if cell.signed else body


def _sheet_name(title: str, taken: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    base = re.sub(r"[\[\]:*?/\\]", "-", title).strip("' ")[:31] or "Table"
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def workbook(answer: Answer) -> bytes:
    """The answer as an .xlsx: one sheet per table (figures as numbers, periods and words as text, ties in a
    column of their own), then 'Notes and sources' with the question, the headline, every note and source."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    bold = Font(bold=True)

    def text_cell(sheet, row, column, text):
        cell = sheet.cell(row=row, column=column)
        cell.value = str(text)
        cell.data_type = "s"  # never a formula, whatever it starts with
        return cell

    for table in answer.tables:
        sheet = book.create_sheet(_sheet_name(table.title, taken))
        text_cell(sheet, 1, 1, table.title).font = Font(bold=True, size=12)
        columns = plain_columns(table)
        for j, name in enumerate(columns, 1):
            text_cell(sheet, 3, j, name).font = bold
        widths = [len(c) for c in columns]
        for i, row in enumerate(plain_rows(table), 4):
            for j, value in enumerate(row, 1):
                if isinstance(value, Figure):
                    cell = sheet.cell(row=i, column=j, value=value.number / 100 if value.unit == "%" else value.number)
                    cell.number_format = _number_format(value)
                elif str(value):
                    text_cell(sheet, i, j, value)
                widths[j - 1] = max(widths[j - 1], min(len(str(value)), 60))
        for j, width in enumerate(widths, 1):
            sheet.column_dimensions[get_column_letter(j)].width = width + 2
        sheet.freeze_panes = "B4"
    sheet = book.create_sheet(_sheet_name("Notes and sources", taken))
    lines = [("Question", answer.query), ("Answer", answer.error["message"] if answer.error else answer.headline)]
    understood = answer.understood or {}
    lines += [("Understood", ", ".join(f"{k}: {v}" for k, v in understood.items() if v and not isinstance(v, (list, dict))))]
    lines += [("Note", n) for n in answer.notes] + [("Source", s) for s in answer.sources]
    for i, (what, text) in enumerate(lines, 1):
        text_cell(sheet, i, 1, what).font = bold
        text_cell(sheet, i, 2, text).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = 12
    sheet.column_dimensions["B"].width = 120
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
