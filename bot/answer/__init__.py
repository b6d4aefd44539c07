"""From a command to an answer: one module per kind of answer over a shared context.

- `answerer`: the front door (`Answerer.ask`), the vocabulary and the context every kind shares
- `figure`, `ranks`, `wards`, `compare`, `trend`, `control` (spc), `priority`, `help`: the kinds
- `base`: the Answer, its tables, the refusal (NoAnswer) and number formatting
"""
from .answerer import Answerer, load_gated_queries
from .base import (
           ARROW,
           Answer,
           Figure,
           NoAnswer,
           Table,
           area_name,
           fmt_change,
           fmt_number,
           fmt_rank,
)

__all__ = ["ARROW", "Answer", "Answerer", "Figure", "NoAnswer", "Table", "area_name", "fmt_change", "fmt_number",
           "fmt_rank", "load_gated_queries"]
