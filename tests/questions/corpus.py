"""The evaluation corpus: load the questions and check one answer against what it must carry.

Used by tests/test_questions.py (every question, table-driven) and bench/bench_questions.py (accuracy by kind).
"""
from __future__ import annotations

from pathlib import Path

import yaml

HERE = Path(__file__).parent


def load() -> list[dict]:
    """Every question in every corpus file, each with its `file` and a stable `id`."""
    entries = []
    for path in sorted(HERE.glob("*.yaml")):
        for i, entry in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
            entry = dict(entry, file=path.stem)
            entry["id"] = f"{path.stem}:{i}:{entry['q']}"
            entry.setdefault("kind", "refuse" if entry.get("refuse") else "figure")
            entries.append(entry)
    return entries


def problems(answerer, entry: dict) -> list[str]:
    """What is wrong with the bot's answer to one corpus question (empty: right)."""
    from bot.render import render

    answer = answerer.ask(entry["q"])
    if entry.get("refuse"):
        if not answer.error:
            return [f"answered instead of refusing: {answer.headline}"]
        message = answer.error["message"].lower()
        return [f"refusal does not name {w!r}: {answer.error['message']}" for w in entry.get("names", [])
                if str(w).lower() not in message]
    if answer.error:
        return [f"refused: {answer.error['message']}"]
    found = []
    understood = answer.understood or {}
    for key in ("indicator", "area", "period"):
        want = entry.get(key)
        if want is not None and str(understood.get(key)) != str(want):
            found.append(f"{key}: wanted {want!r}, understood {understood.get(key)!r}")
    text = render(answer, "text").lower()
    found += [f"missing {str(want)!r}" for want in entry.get("contains", []) if str(want).lower() not in text]
    return found
