"""Accuracy on the evaluation corpus (tests/questions/*.yaml), by question kind and by file.

    .venv/bin/python bench/bench_questions.py [--failures]

Prints, for each kind, how many questions got the right figures (or an honest refusal), and the share.
"""
from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def main() -> None:
    from bot.answer import Answerer
    from bot.settings import Settings
    from questions.corpus import load, problems

    answerer = Answerer.open(Settings.from_env())
    entries = load()
    right, total, failures = Counter(), Counter(), []
    started = time.perf_counter()
    for entry in entries:
        found = problems(answerer, entry)
        for key in (f"kind {entry['kind']}", f"file {entry['file']}", "all"):
            total[key] += 1
            right[key] += not found
        if found:
            failures.append((entry["id"], found))
    elapsed = time.perf_counter() - started
    print(f"{'group':<24} {'right':>6} {'of':>6} {'share':>7}")
    for key in sorted(total, key=lambda k: (k == "all", k)):
        print(f"{key:<24} {right[key]:>6} {total[key]:>6} {right[key] / total[key]:>7.1%}")
    print(f"\n{len(entries)} questions in {elapsed:.1f} s ({elapsed / len(entries) * 1000:.1f} ms each)")
    if "--failures" in sys.argv:
        for ident, found in failures:
            print(f"- {ident}\n    " + "\n    ".join(found))


if __name__ == "__main__":
    main()
