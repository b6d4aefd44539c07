"""Benchmark police.uk imports at scale: generate police.uk-format files for the 13 Kent & Medway districts
over 10 years, import them, and time three typical questions against DuckDB on the raw rows and against
pandas reading the CSVs. Prints figures and ratios; asserts nothing.

    .venv/bin/python bench/bench_import.py                 # about 2 million rows
    .venv/bin/python bench/bench_import.py --rows 10000000  # the 10-million-row variant
    .venv/bin/python bench/bench_import.py --runs 5         # the import five times, each into a fresh state

The machine is shared: a run's wall clock moves with whatever else is running, so the import runs several times
(3 by default), each into its own freshly built state, and the best and the median are printed beside every run.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
DISTRICTS = ["Ashford", "Canterbury", "Dartford", "Dover", "Gravesham", "Maidstone", "Sevenoaks",
             "Folkestone and Hythe", "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells", "Medway"]
TYPES = ["Anti-social behaviour", "Bicycle theft", "Burglary", "Criminal damage and arson", "Drugs", "Other crime",
         "Other theft", "Possession of weapons", "Public order", "Robbery", "Shoplifting", "Theft from the person",
         "Vehicle crime", "Violence and sexual offences"]
WEIGHTS = [20, 2, 6, 10, 3, 2, 8, 1, 9, 1, 7, 1, 6, 24]  # roughly Kent's mix
MONTHS = [f"{y}-{m:02d}" for y in range(2016, 2026) for m in range(1, 13)]
QUESTIONS = [  # (the bot's question, SQL on the raw rows, pandas on the raw rows)
    ("shoplifting maidstone 2024/25",
     "SELECT count(*) FROM raw WHERE \"Crime type\" = 'Shoplifting' AND \"LSOA name\" LIKE 'Maidstone %' "
     "AND \"Month\" BETWEEN '2024-04' AND '2025-03'",
     lambda df: int(((df["Crime type"] == "Shoplifting") & df["LSOA name"].str.startswith("Maidstone ")
                     & df["Month"].between("2024-04", "2025-03")).sum())),
    ("trend all crime",
     "SELECT \"Month\", count(*) FROM raw WHERE \"Crime type\" <> 'Anti-social behaviour' AND \"LSOA name\" LIKE "
     "'Maidstone %' GROUP BY 1 ORDER BY 1",
     lambda df: df[(df["Crime type"] != "Anti-social behaviour") & df["LSOA name"].str.startswith("Maidstone ")]
     .groupby("Month").size()),
    ("all burglary 2024/25 thanet",
     "SELECT count(*) FROM raw WHERE \"Crime type\" = 'Burglary' AND \"LSOA name\" LIKE 'Thanet %' "
     "AND \"Month\" BETWEEN '2024-04' AND '2025-03'",
     lambda df: int(((df["Crime type"] == "Burglary") & df["LSOA name"].str.startswith("Thanet ")
                     & df["Month"].between("2024-04", "2025-03")).sum())),
]


def generate(folder: Path, rows: int) -> int:
    per_month = rows // len(MONTHS)
    con = duckdb.connect()
    districts = ", ".join(f"'{d}'" for d in DISTRICTS)
    types = ", ".join(f"'{t}'" for t, w in zip(TYPES, WEIGHTS) for _ in range(w))
    for month in MONTHS:
        (folder / month).mkdir(parents=True, exist_ok=True)
        con.execute(f"""
            COPY (
                SELECT md5(i::VARCHAR || '{month}') AS "Crime ID", '{month}' AS "Month",
                       'Kent Police' AS "Reported by", 'Kent Police' AS "Falls within",
                       CASE WHEN i % 97 = 0 THEN NULL ELSE 0.5 + (i % 1000) / 1000.0 END AS "Longitude",
                       CASE WHEN i % 97 = 0 THEN NULL ELSE 51.0 + (i % 700) / 1000.0 END AS "Latitude",
                       CASE WHEN i % 97 = 0 THEN 'No location' ELSE 'On or near Main Road' END AS "Location",
                       CASE WHEN i % 97 = 0 THEN NULL ELSE 'E0' || lpad(((i * 7) % 9000)::VARCHAR, 7, '0') END AS "LSOA code",
                       CASE WHEN i % 97 = 0 THEN NULL ELSE
                           ([{districts}])[1 + (hash(i, 'd', '{month}') % {len(DISTRICTS)})::BIGINT] || ' ' ||
                           lpad((hash(i, 'l') % 120)::VARCHAR, 3, '0') || chr(65 + (hash(i, 'x') % 5)::INTEGER) END
                           AS "LSOA name",
                       ([{types}])[1 + (hash(i, 't', '{month}') % {sum(WEIGHTS)})::BIGINT] AS "Crime type",
                       'Investigation complete; no suspect identified' AS "Last outcome category",
                       NULL AS "Context"
                FROM range({per_month}) AS r(i)
            ) TO '{folder / month / f"{month}-kent-street.csv"}' (HEADER, DELIMITER ',')
        """)
    return per_month * len(MONTHS)


def median_ms(fn, runs=9):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def run_import(files: Path, env: dict) -> tuple[float, float, float, str]:
    """Run ``crimebot import police-uk`` as a partner would; (seconds, CPU seconds, the process's own peak memory in
    MB, its output). The peak and the CPU time are that one process's (wait4), not every child's so far."""
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen([sys.executable, "-m", "bot.cli", "import", "police-uk", str(files)], cwd=ROOT,
                                   env=env, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        out.seek(0), err.seek(0)
        if process.returncode:
            raise SystemExit(err.read())
        return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.read()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--runs", type=int, default=3, help="imports, each into a fresh state (best and median shown)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    print(f"{os.cpu_count()} cores; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} (1, 5, 15 min)")
    with tempfile.TemporaryDirectory(prefix="crimebot-bench-") as tmp:
        files, state = Path(tmp) / "police", Path(tmp) / "state"
        start = time.perf_counter()
        rows = generate(files, args.rows)
        size = sum(p.stat().st_size for p in files.rglob("*.csv"))
        print(f"generated {rows:,} rows in {len(MONTHS)} monthly files ({size / 1e6:,.0f} MB) in "
              f"{time.perf_counter() - start:.1f} s")
        runs = []
        for run in range(max(1, args.runs)):
            state = Path(tmp) / f"state{run}"
            env = {**os.environ, "CRIMEBOT_STATE_DIR": str(state)}
            subprocess.run([sys.executable, "-m", "bot.cli", "ask", "asb"], cwd=ROOT, env=env, capture_output=True)
            load = os.getloadavg()[0]
            seconds, cpu, peak, output = run_import(files, env)
            own = re.search(r"([\d,]+) rows/s", output)
            runs.append((rows / seconds, int(own.group(1).replace(",", "")) if own else 0, cpu, peak))
            print(f"import run {run + 1}: {rows / seconds:,.0f} rows/s for the whole process ({seconds:.1f} s, Python "
                  f"start-up and the database build included); {own.group(1) if own else '?'} rows/s as the import "
                  f"reports it (files found to database switched); CPU {cpu:.1f} s; load average before {load:.2f}")
        whole = sorted(r[0] for r in runs)
        reported = sorted(r[1] for r in runs)
        cpu, peak = min(r[2] for r in runs), max(r[3] for r in runs)
        database = max(state.glob("crimebot-*.duckdb"), key=lambda p: p.stat().st_size)
        print(f"import: best {whole[-1]:,.0f} rows/s, median {statistics.median(whole):,.0f} for the whole process; "
              f"best {reported[-1]:,.0f}, median {statistics.median(reported):,.0f} as the import reports it "
              f"({len(runs)} runs) | goal >= 1,000,000 rows/s")
        print(f"  CPU time {cpu:.1f} s at least (user + system, all its threads): {rows / cpu:,.0f} rows per CPU second "
              f"(it moves with the machine's load too, less than the wall clock)")
        print(f"  peak memory {peak:,.0f} MB (goal < 1,000 MB at 10 million rows); database "
              f"{database.stat().st_size / 1e6:,.1f} MB; stored monthly counts "
              f"{sum(p.stat().st_size for p in (state / 'imports').rglob('*.csv')) / 1e6:,.1f} MB")
        with duckdb.connect(str(database), read_only=True) as built:
            kind = built.execute("SELECT value FROM meta WHERE key = 'build'").fetchone()[0]
        print(f"  database build: {kind} (the served one was built by `crimebot ask` before the import)")

        from bot.answer import Answerer
        from bot.settings import Settings

        settings = Settings.from_env({"CRIMEBOT_STATE_DIR": str(state)})
        answerer = Answerer.open(settings)
        raw = duckdb.connect()
        raw.execute("CREATE TABLE raw AS SELECT * FROM read_csv(?, header = true, all_varchar = true)",
                    [str(files / "*" / "*.csv")])
        import pandas as pd

        start = time.perf_counter()
        frame = pd.concat([pd.read_csv(p, dtype=str) for p in sorted(files.rglob("*.csv"))], ignore_index=True)
        pandas_load = (time.perf_counter() - start) * 1000
        print(f"pandas: reading the CSVs takes {pandas_load:,.0f} ms before any question")
        print("questions: the bot's whole answer (parse, queries, text), first time and then the median of 9, against "
              "one COUNT on the raw rows in DuckDB (an in-memory table); ratio = bot / (1.5 x COUNT + 5 ms), goal <= 1")
        served = answerer.con.cursor()  # DuckDB itself, on the same read-only database
        for question, sql, with_pandas in QUESTIONS:
            issued = []  # the named queries (and parameters) the bot runs for this question
            run = answerer.run
            answerer.run = lambda name, **params: issued.append((name, params)) or run(name, **params)
            start = time.perf_counter()
            answer = answerer.ask(question)
            first = (time.perf_counter() - start) * 1000
            answerer.run = run
            if answer.error:
                print(f"  {question!r}: {answer.error['message']}")
                continue
            statements = [(answerer.queries[n].sql, {k: p.get(k) for k in answerer.queries[n].params})
                          for n, p in issued]
            bot = median_ms(lambda: answerer.ask(question))
            same = median_ms(lambda: [served.execute(q, params).fetchall() for q, params in statements])
            direct = median_ms(lambda: raw.execute(sql).fetchall())
            panda = median_ms(lambda: with_pandas(frame), runs=3)
            bound = 1.5 * direct + 5
            print(f"  {question!r:32} bot {bot:6.1f} ms (first {first:6.1f} ms) | one COUNT on the raw rows "
                  f"{direct:6.1f} ms | ratio {bot / bound:.2f} (first {first / bound:.2f}) | the named queries it ran "
                  f"the first time ({len(statements)}), run directly {same:5.1f} ms | pandas {panda:6.1f} ms (+ "
                  f"{pandas_load:,.0f} ms to read the CSVs)\n      {answer.headline[:110]}")
        print(f"load average at the end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
