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
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from .datapack import DataError
from .partnership import Partnership
from .periods import PeriodIndex, month_end, month_id, month_label, months_between
from .tables import create_table

COLUMNS = ["Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location", "LSOA code",
           "LSOA name", "Crime type", "Last outcome category", "Context"]
OUTCOME_COLUMNS = ["Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location",
                   "LSOA code", "LSOA name", "Outcome type"]
FILE_NAME = re.compile(r"(?:^|/)(\d{4})-(\d{2})-([a-z0-9-]+?)-(street|outcomes|stop-and-search)\.csv$")
COUNT_COLUMNS = {"month": "VARCHAR", "force": "VARCHAR", "area": "VARCHAR", "crime_type": "VARCHAR",
                 "indicator": "VARCHAR", "count": "BIGINT", "resolved": "BIGINT"}
MAX_RATIO = 100  # a police.uk CSV deflates about 10 to 1; far more is a zip bomb, refused before it is read
# the district an LSOA is in, as written ("Maidstone 012C" is in Maidstone); lower-cased once the rows are grouped
# (cheaper than on every row)
DISTRICT_OF_LSOA = "regexp_replace(\"LSOA name\", '\\s+[0-9]{3}[A-Z]$', '')"
# the figures police.uk's outcomes give, beside each crime type's count
OUTCOMES = "police_uk_outcomes"  # crimes of the month with a resolved outcome
OUTCOME_RATE = "police_uk_outcome_rate"  # those over the crimes recorded in the month
FILE_COLUMNS = {"filename": "VARCHAR", "month": "VARCHAR", "force": "VARCHAR"}  # the files read in one pass


@dataclass
class Source:
    name: str  # as the partner knows it: a path, or archive.zip:member
    path: Path | None  # readable on disk; None for a zip member until it is extracted (see ``readable``)
    month: str
    force: str
    kind: str = "street"  # or "outcomes"
    archive: Path | None = None
    member: zipfile.ZipInfo | None = None


@dataclass
class ImportReport:
    files: int = 0
    rows: int = 0
    months: list[str] = field(default_factory=list)
    forces: list[str] = field(default_factory=list)
    placed: int = 0
    no_location: int = 0
    outside: dict[str, int] = field(default_factory=dict)  # district name outside the force's districts -> crimes
    replaced: list[str] = field(default_factory=list)  # month files that were imported before
    outcome_files: int = 0
    resolved: int = 0  # crimes with a resolved outcome (the street files' last outcome, or an outcomes file)
    unknown_outcomes: dict[str, int] = field(default_factory=dict)  # outcome categories not in the mapping
    kept: int = 0  # crimes the outcomes files resolve, kept in the store for street months imported later
    outcomes_not_applied: list[str] = field(default_factory=list)  # street months imported before, not in this run
    skipped: int = 0  # files of other forces, and stop-and-search files, in the archives or folders
    force_area: str = "the force area"  # the areas the pack's forces cover, by name: "Kent & Medway"
    seconds: float = 0.0
    database: Path | None = None

    def summary(self) -> str:
        if not self.months and self.outcome_files:  # outcomes files on their own
            lines = [f"Imported {self.outcome_files} outcomes file(s) and no street-level file: the {self.kept:,} "
                     "crime(s) they give a resolved outcome are kept, and counted with their street-level months when "
                     "those are imported"]
        else:
            lines = [f"Imported {self.rows:,} rows from {self.files} file(s): {len(self.months)} month(s) "
                     f"({self.months[0]} to {self.months[-1]})" if self.months else "Imported nothing",
                     f"  placed in a district of {self.force_area}: {self.placed:,}"]
        if self.no_location:
            lines.append(f"  with no location (no LSOA), counted in no district: {self.no_location:,}")
        if self.outside:
            top = ", ".join(f"{k} {v:,}" for k, v in sorted(self.outside.items(), key=lambda kv: -kv[1])[:5])
            lines.append(f"  in LSOAs outside {self.force_area}, left out: {sum(self.outside.values()):,} ({top})")
        if self.placed:
            via = f", with {self.outcome_files} outcomes file(s)" if self.outcome_files else ""
            lines.append(f"  with a resolved outcome (charge or summons, caution, penalty notice, community "
                         f"resolution){via}: {self.resolved:,}")
        if self.unknown_outcomes:
            top = ", ".join(f"'{k}' {v:,}" for k, v in sorted(self.unknown_outcomes.items(), key=lambda kv: -kv[1])[:3])
            lines.append(f"  outcome categories not in data/police_uk_outcomes.csv, counted as not resolved: {top}")
        if self.outcomes_not_applied:
            months = self.outcomes_not_applied
            lines.append(f"  the outcomes files may also resolve crimes of the {len(months)} street month(s) imported "
                         f"before ({months[0]} to {months[-1]}), which keep the counts they had: import their street "
                         "files again to count these (the outcomes are kept for that)")
        if self.skipped:
            lines.append(f"  other forces' files and stop-and-search files, not read: {self.skipped:,}")
        if self.replaced:
            lines.append(f"  replaced months imported before (not counted twice): {', '.join(self.replaced)}")
        if self.seconds and self.rows:
            lines.append(f"  {self.rows / self.seconds:,.0f} rows/s")
        return "\n".join(lines)


def find_sources(paths: list[Path], forces: set[str], report: ImportReport | None = None) -> list[Source]:
    """Every street-level and outcomes file of the configured forces under the paths (folders searched, zip
    archives listed, not yet extracted); DataError if none. Other forces' files in a folder or archive are
    skipped (counted in the report); one named on its own is refused."""
    report = report or ImportReport()
    sources: list[Source] = []
    for path in map(Path, paths):
        if not path.exists():
            raise DataError(str(path), None, None, "no such file or folder")
        if path.is_dir():
            for p in sorted(path.rglob("*.csv")):
                source = _source(str(p), p.as_posix(), p)
                if source is not None and source.force in forces and source.kind != "stop-and-search":
                    sources.append(source)
                elif source is not None:
                    report.skipped += 1
        elif zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                for info in sorted(archive.infolist(), key=lambda i: i.filename):
                    source = _source(f"{path}:{info.filename}", info.filename, None, path, info)
                    if source is not None and source.force in forces and source.kind != "stop-and-search":
                        sources.append(source)
                    elif source is not None:
                        report.skipped += 1
        else:
            source = _source(str(path), path.name, path)
            if source is None or source.kind == "stop-and-search":
                raise DataError(str(path), None, None, "not a police.uk street-level or outcomes file "
                                "(YYYY-MM-<force>-street.csv, YYYY-MM-<force>-outcomes.csv), a folder of them, "
                                "or a zip archive of them")
            if source.force not in forces:
                raise DataError(str(path), None, None, f"a file of the force '{source.force}'; the data pack "
                                f"imports {', '.join(sorted(forces))} (data/police_uk_forces.csv)")
            sources.append(source)
    if not sources:
        raise DataError(", ".join(map(str, paths)), None, None, f"no YYYY-MM-<force>-street.csv (or -outcomes.csv) "
                        f"files of {', '.join(sorted(forces))} found")
    return sources


def _source(name: str, member: str, path: Path | None, archive: Path | None = None,
            info: zipfile.ZipInfo | None = None) -> Source | None:
    match = FILE_NAME.search(member)
    if not match:
        return None
    year, month, force, kind = match.groups()
    if not 1 <= int(month) <= 12:
        raise DataError(name, None, None, f"month {int(month)} in the file name is not a month (01 to 12)")
    return Source(name, path, f"{year}-{month}", force, kind, archive, info)


@contextmanager
def readable(source: Source, staging: Path, max_bytes: int):
    """The source as a file on disk: a zip member is extracted to ``staging`` within the size and compression
    ratio limits (checked on the declared sizes first, then on the bytes as they come) and removed after."""
    if source.member is None:
        yield source.path
        return
    info = source.member
    if info.file_size > max_bytes:
        raise DataError(source.name, None, None, f"expands to {info.file_size:,} bytes, larger than the limit of "
                        f"{max_bytes:,} (CRIMEBOT_IMPORT_MAX_BYTES)")
    if info.file_size > MAX_RATIO * max(info.compress_size, 1) and info.file_size > 1 << 20:
        raise DataError(source.name, None, None, f"compression ratio {info.file_size / max(info.compress_size, 1):,.0f}"
                        f" to 1 is over the limit of {MAX_RATIO} to 1: not a police.uk file (a zip bomb?)")
    target = staging / f"{source.month}-{source.force}-{source.kind}.csv"
    try:
        written = 0
        with zipfile.ZipFile(source.archive) as archive, archive.open(info) as src, open(target, "wb") as out:
            while chunk := src.read(1 << 20):
                written += len(chunk)
                if written > min(max_bytes, info.file_size):
                    raise DataError(source.name, None, None, "expands to more bytes than its header says, or than "
                                    f"the limit of {max_bytes:,} (CRIMEBOT_IMPORT_MAX_BYTES)")
                out.write(chunk)
        yield target
    finally:
        target.unlink(missing_ok=True)


def check_header(source: Source, path: Path, columns: list[str]) -> None:
    """The header row is exactly police.uk's, in UTF-8: DataError naming the column (or the encoding) if not."""
    with open(path, "rb") as handle:
        first = handle.readline(1 << 16)
    if first.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\0" in first:
        raise DataError(source.name, 1, None, "UTF-16 text: police.uk files are UTF-8; save it as CSV UTF-8")
    try:
        text = first.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(source.name, 1, None, f"not UTF-8 text (byte {exc.start}); save it as CSV UTF-8") from None
    header = next(csv.reader(io.StringIO(text)), [])
    if header == columns:
        return
    unknown = next((h for h in header if h not in columns), None)
    missing = next((c for c in columns if c not in header), None)
    expected = f"expected the police.uk columns {', '.join(columns)}"
    if missing is not None:
        instead = f" ('{unknown}' is not one of them)" if unknown is not None else ""
        raise DataError(source.name, 1, missing, f"{expected}; '{missing}' is missing{instead}")
    if unknown is not None:
        raise DataError(source.name, 1, unknown, f"'{unknown}' is not a police.uk column; {expected}")
    column = next(h for h, c in zip(header, columns) if h != c)
    raise DataError(source.name, 1, column, f"{expected}; they are in another order")


def _read(con: duckdb.DuckDBPyConnection, files: list[tuple[Source, Path]], columns: list[str], sql: str,
          numbers: tuple[str, ...] = ()) -> None:
    """Run ``sql`` with the files (a list of (source, path)) as the relation ``r``, streamed by DuckDB's CSV
    reader and never held whole; a file DuckDB cannot read is named with its row (and column, for text that
    is not UTF-8, or a value of one of the ``numbers`` columns that is not a number)."""
    # every header was checked to be exactly ``columns`` (check_header); all_varchar rather than columns = {...}:
    # DuckDB 2.0 with explicit columns over several files was seen to leave a whole file's rows out, silently.
    # The ``numbers`` columns are read as numbers by the reader itself (cheaper than a cast of every row's text)
    types = ", ".join(f"'{c}': 'DOUBLE'" for c in numbers)
    reader = ("read_csv($path, header = true, delim = ',', quote = '\"', escape = '\"', all_varchar = true, "
              "strict_mode = true, null_padding = false, filename = true" + (f", types = {{{types}}})" if types else ")"))
    try:
        con.execute(sql.replace("{r}", reader), {"path": [str(p) for _, p in files]})
    except duckdb.Error as exc:
        source, path = next(((s, p) for s, p in files if str(p) in str(exc)), files[0])
        if "unicode" in str(exc).lower():
            row, column = _first_bad_byte(path, columns)
            raise DataError(source.name, row, column, "not UTF-8 text (Latin-1 or Windows-1252?): save it as CSV "
                            "UTF-8") from None
        line = re.search(r"Line: (\d+)", str(exc))
        number = re.search(r'converting column "([^"]+)"', str(exc))
        if number and number.group(1) in numbers:
            column = number.group(1)
            bad = [line for line, _ in _rows_where(path, lambda row: not _number(row[column]))]
            value = re.search(r'Could not convert string "([^"]*)"', str(exc))
            more = f" ({len(bad):,} rows like it)" if len(bad) > 1 else ""
            raise DataError(source.name, bad[0] if bad else int(line.group(1)) if line else None, column,
                            f"'{value.group(1) if value else ''}': not a number{more}") from None
        raise DataError(source.name, int(line.group(1)) if line else None, None,
                        "not readable as CSV: " + str(exc).splitlines()[0][:200]) from None


def _first_bad_byte(path: Path, columns: list[str]) -> tuple[int | None, str | None]:
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError as exc:
                before = next(csv.reader([line[:exc.start].decode("utf-8", "replace")]), [""])
                return number, columns[len(before) - 1] if len(before) <= len(columns) else None
    return None, None


def _rows_where(path: Path, test):
    """(line number, row) of each row for which ``test(row)`` holds, in file order (only when a check failed)."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            if test(row):
                yield reader.line_num, row


def _first_row(source: Source, path: Path, test) -> tuple[int | None, str | None]:
    """The line number and row of the first row for which ``test(row)`` holds (only when a check failed)."""
    return next(_rows_where(path, test), (None, None))


def resolved_crimes(con: duckdb.DuckDBPyConnection, files: list[tuple[Source, Path]], report: ImportReport) -> None:
    """Add the crimes outcomes files give a resolved outcome to the table ``resolved_ids`` (crime_id, and the
    month and force of the outcomes file): one streaming pass over all the files given."""
    for source, path in files:
        check_header(source, path, OUTCOME_COLUMNS)
    create_table(con, "outcome_files", FILE_COLUMNS, [(str(p), s.month, s.force) for s, p in files])
    _read(con, files, OUTCOME_COLUMNS, """
        INSERT INTO resolved_ids
        SELECT DISTINCT r."Crime ID", f.month, f.force
        FROM {r} AS r JOIN outcome_files AS f ON f.filename = r.filename
        JOIN outcome_types AS o ON o.outcome = r."Outcome type"
        WHERE o.resolved AND r."Crime ID" IS NOT NULL
    """)
    report.outcome_files += len(files)


def stored_resolved(con: duckdb.DuckDBPyConnection, files: list[Path]) -> None:
    """Add the resolved crimes of outcomes files imported before (kept in the store, one file per outcomes file) to
    ``resolved_ids``, so that a street-level month imported after its outcomes still counts them."""
    if files:
        con.execute("INSERT INTO resolved_ids SELECT crime_id, month, force FROM read_csv(?, header = true, "
                    "delim = ',', quote = '\"', auto_detect = false, columns = {'crime_id': 'VARCHAR', "
                    "'month': 'VARCHAR', 'force': 'VARCHAR'})", [[str(p) for p in files]])


def write_resolved(con: duckdb.DuckDBPyConnection, folder: Path) -> dict[tuple[str, str], int]:
    """Keep the resolved crimes read from this import's outcomes files (before ``stored_resolved`` adds those of
    earlier imports): one file <month>-<force>-resolved.csv in ``folder`` for each outcomes file, written by DuckDB
    (no row passes through Python). Returns how many crimes each holds, by (month, force)."""
    kept = {(month, force): n for month, force, n in con.execute(
        "SELECT month, force, count(*) FROM resolved_ids GROUP BY ALL ORDER BY ALL").fetchall()}
    if kept:
        folder.mkdir()
    for month, force in kept:
        path = str(folder / f"{month}-{force}-resolved.csv").replace("'", "''")
        con.execute(f"COPY (SELECT crime_id, month, force FROM resolved_ids WHERE month = $month AND force = $force "
                    f"ORDER BY crime_id) TO '{path}' (HEADER, DELIMITER ',')", {"month": month, "force": force})
    return kept


STREET_GROUPS = """
-- Stage 1, the only pass over the rows: every row counted into a small group (file, month, crime type,
-- district name, ward, outcome); the reader itself refuses coordinates that are not numbers. The look-ups (districts,
-- crime types, outcome categories) join the groups afterwards, not the rows.
CREATE OR REPLACE TEMP TABLE batch_groups AS
SELECT r.filename, r."Month" AS month, r."Crime type" AS crime_type, r."LSOA name" IS NULL AS no_location,
       CASE WHEN r."LSOA name" IS NOT NULL THEN {district} END AS district_name, {ward} AS ward,
       r."Last outcome category" AS outcome,
       count(*) AS count,
       -- referenced, so that the reader reads them, as numbers (a value that is not one stops the read, named)
       count(r."Longitude") + count(r."Latitude") AS coordinates,
       {resolved_by_id} AS resolved_by_id
FROM {{r}} AS r {joins}
GROUP BY 1, 2, 3, 4, 5, 6, 7
"""

FILE_CHECKS = """
-- Stage 2, per file, on the groups: rows whose month is not the file's, of an unknown crime type, and rows
-- placed in one of the force's districts.
SELECT g.filename,
       coalesce(sum(g.count) FILTER (WHERE g.month IS DISTINCT FROM f.month), 0) AS bad_month,
       coalesce(sum(g.count) FILTER (WHERE t.indicator IS NULL), 0) AS bad_type,
       sum(g.count) AS rows, coalesce(sum(g.count) FILTER (WHERE d.area IS NOT NULL), 0) AS inside
FROM batch_groups AS g
JOIN file_months AS f ON f.filename = g.filename
LEFT JOIN crime_types AS t ON t.crime_type = g.crime_type
LEFT JOIN districts AS d ON d.name = lower(g.district_name)
GROUP BY 1
"""


def group_streets(con: duckdb.DuckDBPyConnection, files: list[tuple[Source, Path]]) -> None:
    """Validate street-level files and add their rows, counted into groups, to the table ``street_groups``:
    one streaming DuckDB pass over all the files given. Raises DataError naming the file, row and column at
    fault (the files must still be on disk), and then adds nothing."""
    for source, path in files:
        check_header(source, path, COLUMNS)
    create_table(con, "file_months", FILE_COLUMNS, [(str(p), s.month, s.force) for s, p in files])
    wards = con.execute("SELECT count(*) FROM wards").fetchone()[0] > 0
    outcomes_given = con.execute("SELECT count(*) FROM resolved_ids").fetchone()[0] > 0
    joins = ('LEFT JOIN wards AS w ON w.lsoa_code = r."LSOA code"' if wards else "") + (
        ' LEFT JOIN (SELECT DISTINCT crime_id FROM resolved_ids) AS i ON i.crime_id = r."Crime ID"'
        if outcomes_given else "")
    _read(con, files, COLUMNS, STREET_GROUPS.format(
        district=DISTRICT_OF_LSOA, ward="w.ward" if wards else "NULL::VARCHAR", joins=joins,
        resolved_by_id="count(*) FILTER (WHERE i.crime_id IS NOT NULL)" if outcomes_given else "0::BIGINT"),
          numbers=("Longitude", "Latitude"))
    checks = {r[0]: r[1:] for r in con.execute(FILE_CHECKS).fetchall()}
    for source, path in files:
        bad_month, bad_type, rows, inside = checks.get(str(path), (0,) * 4)
        for column, n, test, problem in [
            ("Month", bad_month, lambda row: row["Month"] != source.month, f"month is not {source.month} (the file's month)"),
            ("Crime type", bad_type, lambda row: row["Crime type"] not in known_types(con), "unknown crime type"),
        ]:
            if n:
                line, row = _first_row(source, path, test)
                more = f" ({n:,} rows like it)" if n > 1 else ""
                known = "; known types: " + ", ".join(sorted(known_types(con))) if column == "Crime type" else ""
                raise DataError(source.name, line, column, f"'{(row or {}).get(column) or ''}': {problem}{more}{known}")
        if rows and not inside:
            outside = con.execute("SELECT lower(district_name), sum(count) FROM batch_groups WHERE filename = ? "
                                  "AND district_name IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 3", [str(path)]
                                  ).fetchall()
            where = ", ".join(f"{name.title()} {int(n):,}" for name, n in outside) or "no location at all"
            raise DataError(source.name, None, "LSOA name", f"none of its {rows:,} rows lies in a district of the "
                            f"force area ({where}): is it another force's file? Nothing was imported.")
    con.execute("""
        INSERT INTO street_groups
        SELECT f.month, f.force, g.crime_type, t.indicator, g.no_location, lower(g.district_name), d.area, g.ward,
               CASE WHEN o.outcome IS NULL THEN g.outcome END AS unknown_outcome, g.count,
               CASE WHEN o.resolved THEN g.count ELSE g.resolved_by_id END AS resolved
        FROM batch_groups AS g
        JOIN file_months AS f ON f.filename = g.filename
        LEFT JOIN crime_types AS t ON t.crime_type = g.crime_type
        LEFT JOIN districts AS d ON d.name = lower(g.district_name)
        LEFT JOIN outcome_types AS o ON o.outcome = g.outcome
    """)
    con.execute("DROP TABLE batch_groups")


def street_counts(con: duckdb.DuckDBPyConnection, report: ImportReport) -> dict[tuple[str, str], list[tuple]]:
    """The counts of every street-level file grouped so far, by area (district, and ward where the lookup has the
    LSOA) and crime type, with how many have a resolved outcome: {(month, force): rows of ``COUNT_COLUMNS``}.
    Adds what was placed, left out and resolved to the report."""
    rows, no_location, placed, resolved = con.execute("""
        SELECT coalesce(sum(count), 0), coalesce(sum(count) FILTER (WHERE no_location), 0),
               coalesce(sum(count) FILTER (WHERE area IS NOT NULL), 0),
               coalesce(sum(resolved) FILTER (WHERE area IS NOT NULL AND indicator <> 'asb'), 0)
        FROM street_groups
    """).fetchone()
    report.rows += int(rows)
    report.no_location += int(no_location)
    report.placed += int(placed)
    report.resolved += int(resolved)
    for name, n in con.execute("SELECT district_name, sum(count) FROM street_groups WHERE area IS NULL AND "
                               "district_name IS NOT NULL GROUP BY 1").fetchall():
        report.outside[name.title()] = report.outside.get(name.title(), 0) + int(n)
    for name, n in con.execute("SELECT unknown_outcome, sum(count) FROM street_groups WHERE unknown_outcome IS NOT "
                               "NULL GROUP BY 1").fetchall():
        report.unknown_outcomes[name] = report.unknown_outcomes.get(name, 0) + int(n)
    counts: dict[tuple[str, str], list[tuple]] = {}
    for row in con.execute(f"""
        SELECT {', '.join(COUNT_COLUMNS)} FROM (
            SELECT month, force, area, crime_type, indicator, sum(count) AS count, sum(resolved) AS resolved, 0 AS part
            FROM street_groups WHERE area IS NOT NULL GROUP BY ALL
            UNION ALL
            SELECT month, force, ward, crime_type, indicator, sum(count), sum(resolved), 1
            FROM street_groups WHERE area IS NOT NULL AND ward IS NOT NULL GROUP BY month, force, ward, crime_type,
                indicator
        ) ORDER BY month, force, part, area, crime_type, indicator
    """).fetchall():
        counts.setdefault((row[0], row[1]), []).append(row)
    return counts


def known_types(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("SELECT crime_type FROM crime_types").fetchall()}


def _number(text: str | None) -> bool:
    if not text:
        return True
    try:
        float(text)
        return True
    except ValueError:
        return False


def lookups(con: duckdb.DuckDBPyConnection, pack_tables: dict, ward_lookup: Path | None) -> None:
    """Register the district names (with aliases), crime types and the optional LSOA-to-ward lookup."""
    districts: dict[str, str] = {}  # name -> area: the first area of a name
    for area in pack_tables["areas"]:
        if area["type"] in ("district", "unitary"):
            names = [n.strip() for n in [area["name"], *(area["aliases"] or "").split(";")] if n.strip()]
            for name in [n.lower().replace("&", "and") for n in names] + [n.lower() for n in names if "&" in n]:
                districts.setdefault(name, area["id"])
    create_table(con, "districts", {"name": "VARCHAR", "area": "VARCHAR"}, districts.items())
    create_table(con, "crime_types", {"crime_type": "VARCHAR", "indicator": "VARCHAR"},
                 [(t["crime_type"], t["indicator"]) for t in pack_tables["police_uk_crime_types"]])
    create_table(con, "outcome_types", {"outcome": "VARCHAR", "resolved": "BOOLEAN"},
                 [(o["outcome"], o["resolved"]) for o in pack_tables["police_uk_outcomes"]])
    con.execute("CREATE OR REPLACE TEMP TABLE resolved_ids (crime_id VARCHAR, month VARCHAR, force VARCHAR)")
    con.execute("CREATE OR REPLACE TEMP TABLE street_groups (month VARCHAR, force VARCHAR, crime_type VARCHAR, "
                "indicator VARCHAR, no_location BOOLEAN, district_name VARCHAR, area VARCHAR, ward VARCHAR, "
                "unknown_outcome VARCHAR, count BIGINT, resolved BIGINT)")
    create_table(con, "wards", {"lsoa_code": "VARCHAR", "ward": "VARCHAR"},
                 _ward_lookup(Path(ward_lookup), pack_tables) if ward_lookup is not None else [])


def _ward_lookup(path: Path, pack_tables: dict) -> list[tuple[str, str]]:
    """(lsoa_code, ward id) from a lookup file of the columns lsoa_code,ward (a ward by id or by name)."""
    known = {a["id"]: a for a in pack_tables["areas"] if a["type"] == "ward"}
    names = {a["name"].lower(): a["id"] for a in known.values()}
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = [row for row in csv.reader(handle) if row]
    except (OSError, ValueError) as exc:
        raise DataError(str(path), None, None, f"cannot read the ward lookup: {exc}") from None
    if not rows or rows[0][:2] != ["lsoa_code", "ward"]:
        raise DataError(str(path), 1, "lsoa_code", "the ward lookup needs the columns lsoa_code,ward")
    wards = []
    for i, row in enumerate(rows[1:], start=2):
        lsoa_code, ward = (row + ["", ""])[:2]
        found = ward if ward in known else names.get(ward.lower())
        if found is None:
            raise DataError(str(path), i, "ward", f"'{ward}' is not a ward in areas.csv")
        wards.append((lsoa_code, found))
    return wards


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
    for year, ms in sorted(years.items()):  # each financial quarter whose three months are all imported
        fy = f"{year}/{(year + 1) % 100:02d}"
        for q in range(4):
            first, last = month_id(year, 4 + 3 * q), month_id(year, 6 + 3 * q)
            if all(month_id(year, 4 + 3 * q + k) in ms for k in range(3)):
                out.append({"id": f"{fy} Q{q + 1}", "kind": "quarter", "start": f"{first}-01", "end": month_end(last),
                            "label": f"Q{q + 1} {fy} ({month_label(first)[:3]}-{month_label(last)[:3]} "
                                     f"{last[:4]})" if first[:4] == last[:4] else
                            f"Q{q + 1} {fy} ({month_label(first)[:3]} {first[:4]}-{month_label(last)[:3]} {last[:4]})"})
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
-- Year figures from monthly counts: count, change on the year before, rate per 1,000, county rank (among the
-- partnership's peer group, the table peers).
WITH counts AS (
    SELECT c.indicator, c.area, s.period, sum(c.count) AS value, count(DISTINCT c.month) AS months
    FROM police_uk_monthly AS c JOIN year_months AS s ON s.month = c.month
    GROUP BY ALL
),
complete AS (  -- a year counts only when every one of its months was imported (months of 0 crimes included)
    SELECT c.* FROM counts AS c JOIN (SELECT period, count(*) AS n FROM year_months GROUP BY period) AS y
        ON y.period = c.period AND c.months = y.n
),
pop AS (  -- the latest population at or before the year's first calendar year (the county: its districts')
    SELECT c.indicator, c.area, c.period, c.value, arg_max(p.population, p.year) AS population
    FROM complete AS c
    LEFT JOIN rate_population AS p ON p.area = c.area AND p.year <= CAST(left(c.period, 4) AS INTEGER)
    GROUP BY ALL
),
rated AS (
    SELECT p.*, CASE WHEN i.rate_base = 'residents' THEN p.value / p.population * 1000 END AS rate,
           a.id IN (SELECT area FROM peers) AS ranked
    FROM pop AS p JOIN area_model AS a ON a.id = p.area JOIN indicator_model AS i ON i.id = p.indicator
),
ranked AS (
    SELECT r.*,
           CASE WHEN r.ranked AND r.rate IS NOT NULL THEN
               rank() OVER (PARTITION BY r.indicator, r.period, r.ranked, r.rate IS NULL ORDER BY round(r.rate, 9))
           END AS county_rank,
           CASE WHEN r.ranked AND r.rate IS NOT NULL THEN
               count(*) OVER (PARTITION BY r.indicator, r.period, r.ranked, round(r.rate, 9)) > 1 END AS joint
    FROM rated AS r
)
SELECT n.*, b.value AS value_before, b.county_rank AS rank_before
FROM ranked AS n
LEFT JOIN year_before AS yb ON yb.period = n.period
LEFT JOIN ranked AS b ON b.indicator = n.indicator AND b.area = n.area AND b.period = yb.before
"""

MONTHLY_SQL = """
-- Every imported month has every crime type in every district of its force: a type with no crimes in a
-- district that month is a count of 0, not a missing month.
CREATE TEMP TABLE police_uk_monthly AS
WITH imported AS (SELECT DISTINCT month, force FROM police_uk_counts),
places AS (  -- the force's districts, and the wards a lookup placed crimes in
    SELECT force, area FROM force_areas
    UNION SELECT DISTINCT force, area FROM police_uk_counts WHERE area NOT IN (SELECT area FROM force_areas)
),
grid AS (
    SELECT i.month, i.force, p.area, t.crime_type, t.indicator, t.in_all_crime
    FROM imported AS i JOIN places AS p USING (force) CROSS JOIN types AS t
),
full_counts AS (
    SELECT g.*, coalesce(c.count, 0) AS count,
           CASE WHEN c.crime_type IS NULL OR c.resolved IS NOT NULL THEN coalesce(c.resolved, 0) END AS resolved,
           c.crime_type IS NOT NULL OR NOT EXISTS (SELECT 1 FROM police_uk_counts AS x
                                                   WHERE x.month = g.month AND x.resolved IS NULL) AS has_outcomes
    FROM grid AS g LEFT JOIN (
        SELECT month, force, area, crime_type, sum(count) AS count, sum(resolved) AS resolved
        FROM police_uk_counts GROUP BY ALL
    ) AS c USING (month, force, area, crime_type)
),
by_type AS (
    SELECT indicator, area, month, sum(count) AS count, NULL::BIGINT AS resolved FROM full_counts GROUP BY ALL
    UNION ALL
    SELECT 'all_crime', area, month, sum(count),
           CASE WHEN bool_and(has_outcomes) AND count(resolved) = count(*) THEN sum(resolved) END
    FROM full_counts WHERE in_all_crime GROUP BY ALL
),
with_county AS (  -- the county: the sum of its districts (the peer group)
    SELECT * FROM by_type
    UNION ALL
    SELECT b.indicator, c.county, b.month, sum(b.count), CASE WHEN count(b.resolved) = count(*) THEN sum(b.resolved) END
    FROM by_type AS b JOIN peers AS p ON p.area = b.area CROSS JOIN (SELECT DISTINCT county FROM peers) AS c
    GROUP BY ALL
)
SELECT indicator, area, month, count FROM with_county
UNION ALL  -- police.uk's resolved outcomes: crimes of the month with a resolved outcome
SELECT '""" + OUTCOMES + """', area, month, resolved FROM with_county WHERE indicator = 'all_crime' AND resolved IS NOT NULL
"""


FACTS_SQL = """
-- The facts the monthly counts give: each month's count; each year's count, change on the year before, rate per
-- 1,000 and county rank (and its direction); police.uk's outcome rate (crimes with a resolved outcome over the
-- crimes recorded) each month and year, with its change in points. Values are rounded afterwards, in Python.
WITH rates AS (
    SELECT o.area, o.month AS period, o.count::DOUBLE / c.count * 100 AS rate, NULL::DOUBLE AS rate_before
    FROM police_uk_monthly AS o
    JOIN police_uk_monthly AS c ON c.area = o.area AND c.month = o.month AND c.indicator = 'all_crime'
    WHERE o.indicator = '""" + OUTCOMES + """' AND c.count <> 0
    UNION ALL
    SELECT o.area, o.period, o.value::DOUBLE / c.value * 100,
           CASE WHEN c.value_before <> 0 THEN o.value_before::DOUBLE / c.value_before * 100 END
    FROM police_uk_years AS o
    JOIN police_uk_years AS c ON c.area = o.area AND c.period = o.period AND c.indicator = 'all_crime'
    WHERE o.indicator = '""" + OUTCOMES + """' AND c.value <> 0
)
SELECT indicator, area, month AS period, 'count' AS measure, count::DOUBLE AS value, 0 AS digits,
       NULL::VARCHAR AS flag, NULL::DOUBLE AS before
FROM police_uk_monthly
UNION ALL SELECT indicator, area, period, 'count', value, 0, NULL, NULL FROM police_uk_years
UNION ALL SELECT indicator, area, period, 'volume_change', value - value_before, 0, NULL, NULL
          FROM police_uk_years WHERE value_before IS NOT NULL
UNION ALL SELECT indicator, area, period, 'pct_change', (value - value_before)::DOUBLE / value_before * 100, 1, NULL,
                 NULL
          FROM police_uk_years WHERE value_before IS NOT NULL AND value_before <> 0
UNION ALL SELECT indicator, area, period, 'rate_per_1000', rate, 2, NULL, NULL FROM police_uk_years WHERE rate IS NOT NULL
UNION ALL SELECT indicator, area, period, 'county_rank', county_rank, 0, CASE WHEN joint THEN 'joint' END, NULL
          FROM police_uk_years WHERE county_rank IS NOT NULL
UNION ALL SELECT indicator, area, period, 'rank_direction', sign(rank_before - county_rank), 0, NULL, NULL
          FROM police_uk_years WHERE county_rank IS NOT NULL AND rank_before IS NOT NULL
UNION ALL SELECT '""" + OUTCOME_RATE + """', area, period, 'percent', rate, 1, NULL, NULL FROM rates
UNION ALL SELECT '""" + OUTCOME_RATE + """', area, period, 'pp_change', rate, 1, NULL, rate_before
          FROM rates WHERE rate_before IS NOT NULL
"""


def force_areas(pack_tables: dict) -> list[tuple[str, str]]:
    """(force, area): the districts and unitary authorities inside each police.uk force's area."""
    children: dict[str, list[dict]] = {}
    for area in pack_tables["areas"]:
        children.setdefault(area["parent"], []).append(area)
    rows = []
    for force in pack_tables["police_uk_forces"]:
        todo = [force["area"]]
        while todo:
            for child in children.get(todo.pop(), []):
                todo.append(child["id"])
                if child["type"] in ("district", "unitary"):
                    rows.append((force["force"], child["id"]))
    return rows


POPULATION_COLUMNS = ("area", "year", "population", "source", "note")


def population_rows(pack_tables: dict, files: list[Path]) -> list[dict]:
    """The pack's populations (the 2011 Census) with imported mid-year estimates over them, year by year, in the
    order of area and year."""
    population = {(r["area"], r["year"]): {c: r.get(c) for c in POPULATION_COLUMNS} for r in pack_tables["population"]}
    for path in files:
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                population[row["area"], int(row["year"])] = {
                    "area": row["area"], "year": int(row["year"]), "population": float(row["population"]),
                    "source": row["source"] or None, "note": row["note"] or None}
    return [population[key] for key in sorted(population)]


def add_figures(con: duckdb.DuckDBPyConnection, files: list[Path], pack_tables: dict) -> list[dict]:
    """Read the stored monthly counts (and imported populations) into the temporary table ``police_uk_facts``
    (indicator, area, period, measure, value, digits, flag: months and years), for the build; returns the
    periods they need (``derived_periods``), none when no counts are stored."""
    count_files = [p for p in files if p.parent.name == "police-uk"]
    if not count_files:
        return []
    headers = set()
    for path in count_files:
        with open(path, encoding="utf-8") as handle:
            headers.add(handle.readline().strip())
    if headers == {",".join(COUNT_COLUMNS)}:  # as every import writes them: read without sniffing each file
        reader = "read_csv(?, header = true, delim = ',', quote = '\"', auto_detect = false, columns = {%s})" % (
            ", ".join(f"'{c}': '{t}'" for c, t in COUNT_COLUMNS.items()))
    else:  # a store written before the resolved column
        reader = ("read_csv(?, header = true, delim = ',', quote = '\"', union_by_name = true, "
                  "types = {'month': 'VARCHAR', 'count': 'BIGINT', 'resolved': 'BIGINT'})")
    con.execute("CREATE TEMP TABLE police_uk_counts AS SELECT month, force, area, crime_type, indicator, count, "
                f"resolved FROM {reader}", [[str(p) for p in count_files]])
    if "resolved" not in [r[0] for r in con.execute("DESCRIBE police_uk_counts").fetchall()]:
        con.execute("ALTER TABLE police_uk_counts ADD COLUMN resolved BIGINT")
    create_table(con, "types", {"crime_type": "VARCHAR", "indicator": "VARCHAR", "in_all_crime": "BOOLEAN"},
                 [(t["crime_type"], t["indicator"], t["in_all_crime"]) for t in pack_tables["police_uk_crime_types"]])
    create_table(con, "area_model", {"id": "VARCHAR"}, [(a["id"],) for a in pack_tables["areas"]])
    create_table(con, "indicator_model", {"id": "VARCHAR", "rate_base": "VARCHAR"},
                 [(i["id"], i["rate_base"]) for i in pack_tables["indicators"]])
    create_table(con, "force_areas", {"force": "VARCHAR", "area": "VARCHAR"}, force_areas(pack_tables))
    partnership = Partnership.from_tables(pack_tables)
    create_table(con, "peers", {"area": "VARCHAR", "county": "VARCHAR"},
                 [(area, partnership.county) for area in partnership.peers])
    con.execute(MONTHLY_SQL)
    months = [r[0] for r in con.execute("SELECT DISTINCT month FROM police_uk_monthly").fetchall()]
    periods = derived_periods(months)
    spans = year_spans(periods)
    create_table(con, "year_months", {"period": "VARCHAR", "month": "VARCHAR"}, [(p, m) for p, ms, _ in spans for m in ms])
    create_table(con, "year_before", {"period": "VARCHAR", "before": "VARCHAR"}, [(p, b) for p, _, b in spans])
    population = population_rows(pack_tables, [p for p in files if p.name == "population.csv"])
    # the county's rate only in years when every one of its districts' populations is known
    districts: dict[int, list[float]] = {}
    for row in population:
        if row["area"] in partnership.peers:
            districts.setdefault(row["year"], []).append(row["population"])
    create_table(con, "rate_population", {"area": "VARCHAR", "year": "BIGINT", "population": "DOUBLE"},
                 [(r["area"], r["year"], r["population"]) for r in population]
                 + [(partnership.county, year, sum(values)) for year, values in sorted(districts.items())
                    if len(values) == len(partnership.peers)])
    con.execute("CREATE TEMP TABLE police_uk_years AS " + FIGURES_SQL)
    con.execute("CREATE TEMP TABLE police_uk_facts AS SELECT row_number() OVER () AS n, * FROM (" + FACTS_SQL + ")")
    # rounded as Python rounds (to the nearest, ties to even on the exact binary value), as the facts always were;
    # only the rows with decimals go through Python, by row number
    rows = con.execute("SELECT n, measure, value, before FROM police_uk_facts WHERE measure IN ('pct_change', "
                       "'percent', 'rate_per_1000', 'pp_change')").fetchall()
    digits = {"pct_change": 1, "percent": 1, "rate_per_1000": 2}
    create_table(con, "rounded", {"n": "BIGINT", "value": "DOUBLE"}, [
        (n, round(round(v, 1) - round(b, 1), 1) if m == "pp_change" else round(v, digits[m])) for n, m, v, b in rows])
    con.execute("UPDATE police_uk_facts AS f SET value = r.value FROM rounded AS r WHERE r.n = f.n")
    return periods
