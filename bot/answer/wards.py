"""Ward hotspots: the wards the assessment names, with their share of the borough."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..parse import Command
from .base import MEASURE_LABEL, Answer, NoAnswer, Table, fmt_number

if TYPE_CHECKING:
    from .answerer import Answerer


def wards(a: Answerer, c: Command) -> Answer:
    frame = a.run("wards", indicator=c.indicator)
    if frame.empty:
        name = a.vocab.names[("indicator", c.indicator)]
        covered = a.run("wards", indicator=None).indicator_name.unique()
        raise NoAnswer(f"The data gives no ward figures for {name}. It gives ward figures for: "
                       f"{', '.join(covered)}.", [f"{n.lower()} wards" for n in covered[:3]])
    rows = []
    for r in frame.itertuples():
        share = ""
        if not pd.isna(r.borough_total) and r.borough_total:
            share = f"{r.value / r.borough_total * 100:.0f}%"
        unit = "%" if r.measure == "percent" else ""
        value = "" if r.measure == "named_hotspot" else fmt_number(r.value, r.digits, unit)
        rows.append([r.ward, r.indicator_name, r.period_label, MEASURE_LABEL.get(r.measure, r.measure),
                     value, share, r.note if isinstance(r.note, str) else ""])
    title = "Ward hotspots" + (f": {a.vocab.names[('indicator', c.indicator)]}" if c.indicator else "")
    answer = Answer(c.text, {}, headline=f"{title} (the wards the assessment names).",
                    tables=[Table(title, ["Ward", "Indicator", "Period", "Measure", "Figure", "Share of borough",
                                          "Note"], rows)])
    answer.notes.append("The assessment names only the highest wards; other wards' figures are not published.")
    a.annotate(answer, c.indicator or "", "maidstone", [], set(frame.table_id))
    return answer
