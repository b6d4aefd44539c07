"""One indicator across the areas the assessment gives."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..parse import Command
from .base import MEASURE_LABEL, Answer, Table, fmt_number

if TYPE_CHECKING:
    from .answerer import Answerer


def compare(a: Answerer, c: Command) -> Answer:
    indicator = a._need_indicator(c, "compare")
    frame = a.lookup("compare", indicator=indicator)
    name = a.vocab.names[("indicator", indicator)]
    if c.period:
        frame = frame[frame.period == c.period]
    rows = [[r.area_name, r.period_label, MEASURE_LABEL.get(r.measure, r.measure)
             + (f" (against {r.compared_with})" if isinstance(r.compared_with, str) else ""),
             fmt_number(r.value, r.digits, "%" if r.measure in ("percent", "pct_change", "pp_change") else "")]
            for r in frame.itertuples() if r.measure not in ("rank_direction",)]
    answer = Answer(c.text, {}, headline=f"{name}: Maidstone beside the other areas the assessment gives.",
                    tables=[Table(f"{name} by area", ["Area", "Period", "Measure", "Figure"], rows)])
    others = set(frame.area) - {"maidstone"}
    if not others:
        answer.notes.append(f"The data gives no other district's or Kent figure for {name}; "
                            "only Maidstone's, with its county rank.")
    a.annotate(answer, indicator, "maidstone", list(frame.period.unique()), set(frame.table_id))
    return answer
