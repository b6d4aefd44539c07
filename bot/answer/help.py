"""Help: what can be asked, with an example of each kind (the pack's own, from examples.csv)."""
from __future__ import annotations

from ..parse import Command
from .base import Answer, Table


def help(a, c: Command) -> Answer:
    p = a.partnership
    rows = [[f"/crime {q}", what] for q, what in a.examples]
    to = a.figures_to()
    return Answer(c.text, {}, headline=f"Ask crimebot for the {p.document_kind}'s figures in plain words.",
                  tables=[Table("What you can ask", ["Ask", "You get"], rows)],
                  notes=[f"Words can come in any order; {p.home_name} and the latest year are the defaults.",
                         "A word crimebot does not know is never skipped: it says so and suggests what it can answer."],
                  sources=[f"{p.name} {p.document}" + (f" (data to {to})" if to else "")])
