"""Benchmark `crimebot ask`: whole-process time against importing duckdb, pandas and sqlglot, and the
in-process time from text to rendered answer. Prints medians and ratios; asserts nothing.

    .venv/bin/python bench/bench_ask.py [--runs 15]
"""
import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ["shoplifting maidstone 2012/13", "rank changes", "priority road safety", "asb wards",
             "outcome rate september 2013", "thanet all crime", "shopliftng 2011-12", "compare asb"]


def median_processes(commands, runs):
    """Median wall time of each command, the commands run in turn each round, so that a shared machine's
    slow spells fall on all of them alike rather than on one block of runs.

    Each command runs once untimed first, with Python free to write its bytecode (PYTHONDONTWRITEBYTECODE
    is dropped for the children): the libraries' bytecode was written when they were installed, so timing
    our modules compiled from source on every run would compare a cold start with a warm one."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for cmd in commands:
        subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, env=env)
    times = [[] for _ in commands]
    for _ in range(runs):
        for i, cmd in enumerate(commands):
            start = time.perf_counter()
            subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, env=env)
            times[i].append(time.perf_counter() - start)
    return [statistics.median(t) for t in times]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from bot.answer import Answerer
    from bot.render import render
    from bot.settings import Settings

    settings = Settings.from_env()
    start = time.perf_counter()
    answerer = Answerer.open(settings)
    print(f"start-up in process (build if needed, open, gate, vocabulary): {(time.perf_counter() - start) * 1000:.1f} ms")
    per_question = {}
    for q in QUESTIONS:
        times = []
        for _ in range(args.runs):
            t = time.perf_counter()
            render(answerer.ask(q), "text")
            times.append(time.perf_counter() - t)
        per_question[q] = statistics.median(times) * 1000
        print(f"  in-process {q!r:36} median {per_question[q]:6.2f} ms")
    overall = statistics.median(per_question.values())
    print(f"in-process text -> rendered answer: median {overall:.2f} ms (goal < 20 ms)")
    base, whole = median_processes([[sys.executable, "-c", "import duckdb, pandas, sqlglot"],
                                    [sys.executable, "-m", "bot.cli", "ask", "shoplifting maidstone 2012/13"]],
                                   args.runs)
    print(f"process: import duckdb, pandas, sqlglot  median {base * 1000:.0f} ms")
    print(f"process: crimebot ask                    median {whole * 1000:.0f} ms")
    print(f"ratio ask / imports: {whole / base:.2f}x (goal <= 1.3x)")


if __name__ == "__main__":
    main()
