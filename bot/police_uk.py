"""police.uk street-level crime: read the monthly files, validate them, count crimes by district,
crime type and month, and derive each year's counts, changes, rates per 1,000 and county ranks.

The files are as published at data.police.uk: ``YYYY-MM/YYYY-MM-<force>-street.csv`` (or zip archives
of such folders) with the columns in ``COLUMNS``. A crime is placed in its district by its LSOA name
("Maidstone 012C" is in Maidstone); an optional LSOA-to-ward lookup (``lsoa_code,ward``) adds ward
counts. Counts are kept per month and force in ``<state>/imports/police-uk/``: importing a month again
replaces it, so nothing is counted twice.
"""
from __future__ import annotations

import csv
import io
import re
import tempfile
import zipfile
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from .datapack import DataError
from .periods import PeriodIndex, month_end, month_label, months_between

COLUMNS = ["Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location", "LSOA code",
           "LSOA name", "Crime type", "Last outcome category", "Context"]
FILE_NAME = re.compile(r"(?:^|/)(\d{4}-\d{2})-([a-z0-9-]+)-street\.csv$")
COUNT_COLUMNS = {"month": "VARCHAR", "force": "VARCHAR", "area": "VARCHAR", "crime_type": "VARCHAR",
                 "indicator": "VARCHAR", "count": "BIGINT"}


@dataclass
class Source:
    name: str  # as the partner knows it: a path, or archive.zip:member
    path: Path  # readable on disk (extracted from an archive when need be)
    month: str
    force: str


@dataclass
class ImportReport:
    files: int = 0
    rows: int = 0
    months: list[str] = field(default_factory=list)
    forces: list[str] = field(default_factory=list)
    placed: int = 0
    no_location: int = 0
    outside: dict[str, int] = field(default_factory=dict)  # district name outside Kent and Medway -> crimes
    replaced: list[str] = field(default_factory=list)  # month files that were imported before
    seconds: float = 0.0
    database: Path | None = None

    def summary(self) -> str:
        lines = [f"Imported {self.rows:,} rows from {self.files} file(s): {len(self.months)} month(s) "
                 f"({self.months[0]} to {self.months[-1]})" if self.months else "Imported nothing",
                 f"  placed in a Kent or Medway district: {self.placed:,}"]
        if self.no_location:
            lines.append(f"  with no location (no LSOA), counted in no district: {self.no_location:,}")
        if self.outside:
            top = ", ".join(f"{k} {v:,}" for k, v in sorted(self.outside.items(), key=lambda kv: -kv[1])[:5])
            lines.append(f"  in LSOAs outside Kent and Medway, left out: {sum(self.outside.values()):,} ({top})")
        if self.replaced:
            lines.append(f"  replaced months imported before (not counted twice): {', '.join(self.replaced)}")
        if self.seconds:
            lines.append(f"  {self.rows / self.seconds:,.0f} rows/s")
        return "\n".join(lines)


def find_sources(paths: list[Path], stack: ExitStack) -> list[Source]:
    """Every street-level file under the paths (folders searched, zip archives opened); DataError if none."""
    sources: list[Source] = []
    for path in map(Path, paths):
        if not path.exists():
            raise DataError(str(path), None, None, "no such file or folder")
        if path.is_dir():
            files = sorted(p for p in path.rglob("*.csv") if FILE_NAME.search(p.as_posix()))
            sources += [_source(str(p), p) for p in files]
        elif zipfile.is_zipfile(path):
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="crimebot-zip-")))
            with zipfile.ZipFile(path) as archive:
                for member in sorted(archive.namelist()):
                    if FILE_NAME.search(member):
                        target = folder / member.replace("/", "__")
                        with archive.open(member) as src, open(target, "wb") as out:
                            while chunk := src.read(1 << 20):
                                out.write(chunk)
                        sources.append(_source(f"{path}:{member}", target, member))
        elif FILE_NAME.search(path.as_posix()):
            sources.append(_source(str(path), path))
        else:
            raise DataError(str(path), None, None, "not a police.uk street-level file (YYYY-MM-<force>-street.csv), "
                                                   "a folder of them, or a zip archive of them")
    if not sources:
        raise DataError(", ".join(map(str, paths)), None, None, "no YYYY-MM-<force>-street.csv files found")
    return sources


def _source(name: str, path: Path, member: str | None = None) -> Source:
    match = FILE_NAME.search(member or path.as_posix())
    return Source(name, path, match.group(1), match.group(2))


def count_file(con: duckdb.DuckDBPyConnection, source: Source, report: ImportReport) -> pd.DataFrame:
    """Validate one file and count its crimes by area (district, and ward where the lookup has the LSOA)
    and crime type. Raises DataError naming the file, row and column at fault."""
    with open(source.path, encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(io.StringIO(handle.readline())), [])
    if header != COLUMNS:
        missing = next((c for c in COLUMNS if c not in header), None)
        column = missing or next(h for h, c in zip(header, COLUMNS) if h != c)
        raise DataError(source.name, 1, column, f"expected the police.uk columns {', '.join(COLUMNS)}" +
                        (f"; '{missing}' is missing" if missing else "; they are in another order"))
    try:
        con.execute("""
            CREATE OR REPLACE TEMP TABLE rows AS
            SELECT row_number() OVER () + 1 AS line, *
            FROM read_csv(?, header = true, delim = ',', quote = '"', escape = '"', columns = ?, strict_mode = true,
                          null_padding = false, parallel = false)
        """, [str(source.path), {c: "VARCHAR" for c in COLUMNS}])
    except duckdb.Error as exc:
        line = re.search(r"Line: (\d+)", str(exc))
        raise DataError(source.name, int(line.group(1)) if line else None, None,
                        "not readable as CSV: " + str(exc).splitlines()[0][:200]) from None
    checks = [
        ("Month", "\"Month\" IS DISTINCT FROM ?", [source.month], f"month is not {source.month} (the file's month)"),
        ("Crime type", "\"Crime type\" IS NULL OR \"Crime type\" NOT IN (SELECT crime_type FROM crime_types)", [],
         "unknown crime type"),
        ("Longitude", "\"Longitude\" IS NOT NULL AND try_cast(\"Longitude\" AS DOUBLE) IS NULL", [], "not a number"),
        ("Latitude", "\"Latitude\" IS NOT NULL AND try_cast(\"Latitude\" AS DOUBLE) IS NULL", [], "not a number"),
    ]
    for column, where, params, problem in checks:
        bad = con.execute(f'SELECT line, "{column}", count(*) OVER () FROM rows WHERE {where} ORDER BY line LIMIT 1',
                          params).fetchone()
        if bad:
            more = f" ({bad[2]:,} rows like it)" if bad[2] > 1 else ""
            known = "; known types: " + ", ".join(r[0] for r in con.execute(
                "SELECT crime_type FROM crime_types ORDER BY 1").fetchall()) if column == "Crime type" else ""
            raise DataError(source.name, bad[0], column, f"'{bad[1] or ''}': {problem}{more}{known}")
    totals = con.execute("""
        SELECT count(*) AS rows,
               count(*) FILTER (WHERE "LSOA name" IS NULL) AS no_location
        FROM rows
    """).fetchone()
    report.rows += totals[0]
    report.no_location += totals[1]
    placed = con.execute("""
        WITH located AS (
            SELECT lower(regexp_replace("LSOA name", '\\s+[0-9]{3}[A-Z]$', '')) AS district_name,
                   "LSOA name" AS lsoa_name, "LSOA code" AS lsoa_code, "Crime type" AS crime_type
            FROM rows WHERE "LSOA name" IS NOT NULL
        )
        SELECT l.district_name, d.area, w.ward, l.crime_type, t.indicator, count(*) AS count
        FROM located AS l
        JOIN crime_types AS t ON t.crime_type = l.crime_type
        LEFT JOIN districts AS d ON d.name = l.district_name
        LEFT JOIN wards AS w ON w.lsoa_code = l.lsoa_code
        GROUP BY ALL
    """).df()
    outside = placed[placed.area.isna()]
    for name, n in outside.groupby("district_name")["count"].sum().items():
        report.outside[name.title()] = report.outside.get(name.title(), 0) + int(n)
    inside = placed[placed.area.notna()]
    report.placed += int(inside["count"].sum())
    by_district = inside.groupby(["area", "crime_type", "indicator"], as_index=False)["count"].sum()
    by_ward = inside[inside.ward.notna()].groupby(["ward", "crime_type", "indicator"], as_index=False)["count"].sum(
    ).rename(columns={"ward": "area"})
    counts = pd.concat([by_district, by_ward], ignore_index=True)
    counts["month"], counts["force"] = source.month, source.force
    return counts[list(COUNT_COLUMNS)]


def lookups(con: duckdb.DuckDBPyConnection, pack_tables: dict, ward_lookup: Path | None) -> None:
    """Register the district names (with aliases), crime types and the optional LSOA-to-ward lookup."""
    districts = []
    for area in pack_tables["areas"]:
        if area["type"] in ("district", "unitary"):
            names = [area["name"], *(area["aliases"] or "").split(";")]
            districts += [{"name": n.strip().lower().replace("&", "and"), "area": area["id"]} for n in names if n.strip()]
            districts += [{"name": n.strip().lower(), "area": area["id"]} for n in names if "&" in n]
    con.register("districts", pd.DataFrame(districts).drop_duplicates("name"))
    con.register("crime_types", pd.DataFrame(pack_tables["police_uk_crime_types"])[["crime_type", "indicator"]])
    wards = pd.DataFrame(columns=["lsoa_code", "ward"])
    if ward_lookup is not None:
        wards = _ward_lookup(Path(ward_lookup), pack_tables)
    con.register("wards", wards)


def _ward_lookup(path: Path, pack_tables: dict) -> pd.DataFrame:
    known = {a["id"]: a for a in pack_tables["areas"] if a["type"] == "ward"}
    names = {a["name"].lower(): a["id"] for a in known.values()}
    try:
        frame = pd.read_csv(path, dtype=str).fillna("")
    except (OSError, ValueError) as exc:
        raise DataError(str(path), None, None, f"cannot read the ward lookup: {exc}") from None
    if list(frame.columns[:2]) != ["lsoa_code", "ward"]:
        raise DataError(str(path), 1, "lsoa_code", "the ward lookup needs the columns lsoa_code,ward")
    wards = []
    for i, row in enumerate(frame.itertuples(), start=2):
        ward = row.ward if row.ward in known else names.get(row.ward.lower())
        if ward is None:
            raise DataError(str(path), i, "ward", f"'{row.ward}' is not a ward in areas.csv")
        wards.append({"lsoa_code": row.lsoa_code, "ward": ward})
    return pd.DataFrame(wards, columns=["lsoa_code", "ward"])


# -- from monthly counts to the bot's figures ------------------------------------------------------------
def derived_periods(months: list[str]) -> list[dict]:
    """Periods the counts need: each month, each complete financial year, and the year to date of an
    incomplete latest year with the same months a year before."""
    months = sorted(set(months))
    out = [{"id": m, "kind": "month", "start": f"{m}-01", "end": month_end(m), "label": month_label(m)} for m in months]
    years: dict[int, list[str]] = {}
    for m in months:
        year = int(m[:4]) if int(m[5:7]) >= 4 else int(m[:4]) - 1
        years.setdefault(year, []).append(m)
    for year, ms in sorted(years.items()):
        fy = f"{year}/{(year + 1) % 100:02d}"
        if len(ms) == 12:
            out.append({"id": fy, "kind": "financial_year", "start": f"{year}-04-01", "end": f"{year + 1}-03-31",
                        "label": f"April {year} to March {year + 1}"})
    latest_year = max(years) if years else None
    if latest_year is not None and len(years[latest_year]) < 12:
        last = max(years[latest_year])
        for y in (latest_year, latest_year - 1):
            end = f"{y + (int(last[5:7]) < 4)}-{last[5:7]}"
            out.append({"id": f"{y}-04/{end}", "kind": "span", "start": f"{y}-04-01", "end": month_end(end),
                        "label": f"April to {month_label(end)}" if end[:4] == str(y) else
                        f"April {y} to {month_label(end)}"})
    return out


def year_spans(periods: list[dict]) -> list[tuple[str, list[str], str | None]]:
    """(period id, its month ids, the period a year before or None) for each year-like period."""
    index = PeriodIndex((p["id"], p["start"], p["end"]) for p in periods)
    spans = []
    for p in periods:
        if p["kind"] not in ("financial_year", "span"):
            continue
        spans.append((p["id"], months_between(p["start"], p["end"]), index.year_before(p["id"])))
    return spans


FIGURES_SQL = """
-- Year figures from monthly counts: count, change on the year before, rate per 1,000, county rank.
WITH counts AS (
    SELECT c.indicator, c.area, s.period, sum(c.count) AS value, count(DISTINCT c.month) AS months
    FROM police_uk_monthly AS c JOIN year_months AS s ON s.month = c.month
    GROUP BY ALL
),
complete AS (  -- a year counts only when every one of its months was imported
    SELECT c.* FROM counts AS c JOIN (SELECT period, count(*) AS n FROM year_months GROUP BY period) AS y
        ON y.period = c.period AND c.months = y.n
),
pop AS (  -- the latest population at or before the year's first calendar year (Kent: its 12 districts)
    SELECT c.indicator, c.area, c.period, c.value, arg_max(p.population, p.year) AS population
    FROM complete AS c
    LEFT JOIN rate_population AS p ON p.area = c.area AND p.year <= CAST(left(c.period, 4) AS INTEGER)
    GROUP BY ALL
),
rated AS (
    SELECT p.*, p.value / p.population * 1000 AS rate,
           a.parent = 'kent' AND a.type = 'district' AS ranked
    FROM pop AS p JOIN area_model AS a ON a.id = p.area
),
ranked AS (
    SELECT r.*,
           CASE WHEN r.ranked AND r.rate IS NOT NULL THEN
               rank() OVER (PARTITION BY r.indicator, r.period, r.ranked ORDER BY r.rate) END AS county_rank,
           CASE WHEN r.ranked AND r.rate IS NOT NULL THEN
               count(*) OVER (PARTITION BY r.indicator, r.period, r.ranked, round(r.rate, 9)) > 1 END AS joint
    FROM rated AS r
)
SELECT n.*, b.value AS value_before, b.county_rank AS rank_before
FROM ranked AS n
LEFT JOIN year_before AS yb ON yb.period = n.period
LEFT JOIN ranked AS b ON b.indicator = n.indicator AND b.area = n.area AND b.period = yb.before
"""


def add_figures(con: duckdb.DuckDBPyConnection, count_files: list[Path], pack_tables: dict) -> pd.DataFrame:
    """Read the stored monthly counts and return the facts they give (months and years), for the build."""
    if not count_files:
        return pd.DataFrame()
    con.execute("CREATE TEMP TABLE police_uk_counts AS SELECT * FROM read_csv(?, header = true, delim = ',', "
                "quote = '\"', columns = ?)",
                [[str(p) for p in count_files], COUNT_COLUMNS])
    con.register("types", pd.DataFrame(pack_tables["police_uk_crime_types"]))
    con.register("area_model", pd.DataFrame(pack_tables["areas"]))
    # every crime type's own indicator, and all crime (every type except anti-social behaviour)
    con.execute("""
        CREATE TEMP TABLE police_uk_monthly AS
        SELECT indicator, area, month, sum(count) AS count FROM police_uk_counts GROUP BY ALL
        UNION ALL
        SELECT 'all_crime', c.area, c.month, sum(c.count) FROM police_uk_counts AS c
        JOIN types AS t ON t.crime_type = c.crime_type WHERE t.in_all_crime GROUP BY ALL
    """)
    con.execute("""
        INSERT INTO police_uk_monthly
        SELECT m.indicator, 'kent', m.month, sum(m.count) FROM police_uk_monthly AS m
        JOIN area_model AS a ON a.id = m.area WHERE a.parent = 'kent' AND a.type = 'district' GROUP BY ALL
    """)
    months = [r[0] for r in con.execute("SELECT DISTINCT month FROM police_uk_monthly").fetchall()]
    periods = derived_periods(months)
    spans = year_spans(periods)
    con.register("year_months", pd.DataFrame([(p, m) for p, ms, _ in spans for m in ms], columns=["period", "month"]))
    con.register("year_before", pd.DataFrame([(p, b) for p, _, b in spans], columns=["period", "before"]))
    population = pd.DataFrame(pack_tables["population"])
    kent_districts = {a["id"] for a in pack_tables["areas"] if a["parent"] == "kent" and a["type"] == "district"}
    kent = population[population.area.isin(kent_districts)].groupby("year").agg(
        population=("population", "sum"), districts=("area", "count")).reset_index()
    kent = kent[kent.districts == len(kent_districts)].assign(area="kent")  # Kent's rate only when all 12 are known
    con.register("rate_population", pd.concat([population, kent[["area", "year", "population"]]], ignore_index=True))
    years = con.execute(FIGURES_SQL).df()
    facts = [{"indicator": r.indicator, "area": r.area, "period": r.month, "measure": "count", "value": float(r.count),
              "digits": 0} for r in con.execute("SELECT * FROM police_uk_monthly").df().itertuples()]
    for r in years.itertuples():
        base = {"indicator": r.indicator, "area": r.area, "period": r.period}
        facts.append({**base, "measure": "count", "value": float(r.value), "digits": 0})
        if not pd.isna(r.value_before):
            facts.append({**base, "measure": "volume_change", "value": float(r.value - r.value_before), "digits": 0})
            if r.value_before:
                facts.append({**base, "measure": "pct_change", "value": round((r.value - r.value_before) /
                                                                              r.value_before * 100, 1), "digits": 1})
        if not pd.isna(r.rate):
            facts.append({**base, "measure": "rate_per_1000", "value": round(r.rate, 2), "digits": 2})
        if not pd.isna(r.county_rank):
            facts.append({**base, "measure": "county_rank", "value": float(r.county_rank), "digits": 0,
                          "flag": "joint" if r.joint else None})
            if not pd.isna(r.rank_before):
                facts.append({**base, "measure": "rank_direction", "digits": 0,
                              "value": float(int(r.rank_before > r.county_rank) - int(r.rank_before < r.county_rank))})
    frame = pd.DataFrame(facts)
    frame["table_id"], frame["line"] = "police_uk", 0
    for column in ("compared_with", "published", "note", "flag"):
        if column not in frame:
            frame[column] = None
    frame.attrs["periods"] = periods
    return frame
