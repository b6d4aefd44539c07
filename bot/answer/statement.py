"""A fact the assessment states in words, not figures: who chairs the partnership, when the PCC was elected,
the World Cup dates it plans around (with the dated events of the same section)."""
from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from ..parse import Command
from .base import Answer, NoAnswer, Table

if TYPE_CHECKING:
    from .answerer import Answerer


def statement(a: Answerer, c: Command) -> Answer:
    rows = a.run("statement", id=c.statement)
    if rows.empty:
        raise NoAnswer("The assessment states nothing on that.", ["help"])
    first = rows.iloc[0]
    asked = c.period or c.since
    latest = max((p.end for p in a.periods.values()), default=None)
    year = re.match(r"(\d{4})", asked or "")
    if asked and asked not in a.periods and year and latest and int(year.group(1)) > int(str(latest)[:4]):
        # 'who chairs the smp in 2018': the assessment says who did when it was written ('the kent csa 2014-17' is its own)
        raise NoAnswer(f"The {a.partnership.document_kind} says this as it stood when it was written; it says nothing "
                       f"for {a.vocab.names.get(('period', asked), asked)}. Ask without the year for what it says.",
                       [re.sub(r"\s+", " ", re.sub(r"\b(?:in |for |during |as of )?(?:19|20)\d\d(?:\s*/\s*\d\d)?\b", " ",
                                                  (c.text or "").lower())).strip(" ?")[:60] or "help"])
    answer = Answer(c.text, {}, headline=str(first.statement),
                    sources=[f"{a.partnership.document_kind} section {first.section}"])
    events = rows.dropna(subset=["event"])
    if len(events):
        table = []
        for r in events.itertuples():
            day = date.fromisoformat(str(r.date)[:10])
            weekday = day.strftime("%A")
            printed = f" (printed '{r.weekday}')" if str(r.weekday) != weekday else ""
            table.append([r.event, f"{weekday} {day.day} {day.strftime('%B %Y')}{printed}",
                          str(r.event_note) if isinstance(r.event_note, str) else ""])
            if printed:
                answer.notes.append(f"The assessment prints {r.event} as {r.weekday} {day.day} {day.strftime('%B')}; "
                                    f"{day.day} {day.strftime('%B %Y')} was a {weekday}.")
        answer.headline += " " + "; ".join(f"{row[0]}, {row[1].split(' (')[0]}" for row in table) + "."
        answer.tables.append(Table(f"Section {first.section}: dates", ["Event", "Date", "Note"], table))
    if isinstance(first.note, str) and first.note:
        answer.notes.append(first.note)
    return answer
