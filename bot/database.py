"""Build the embedded DuckDB database from ``data/``, and open it read-only for serving.

The database is a file under the state directory named by the fingerprint of ``data/``, so a change
to any data file means a new build. A build writes a temporary file and renames it into place only
when it is complete, so a failed build leaves the database that was there untouched, and a server
holding the old file open keeps answering from it.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pandas as pd

from .check import Issue, check_pack
from .datapack import Pack, fingerprint, load_pack

ISSUE_NUMBERS = ("computed", "stored")
FACT_FIELDS = ("table_id", "line", "indicator", "area", "period", "measure", "compared_with", "value", "flag",
               "published", "note", "digits")


@dataclass
class BuildReport:
    path: Path
    pack: Pack
    issues: list[Issue]


def _frame(rows: list[dict], columns) -> pd.DataFrame:
    return pd.DataFrame.from_records(rows, columns=list(columns))


def build(data_dir: Path, database_path: Path, imports: list[Path] = ()) -> BuildReport:
    """Validate the pack, check it, and write a fresh database file in place of the old one; ``imports``
    are stored police.uk monthly counts to add.

    Raises DataError (file, row, column) without touching an existing database.
    """
    pack = load_pack(data_dir)
    issues = check_pack(pack)
    database_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = database_path.with_name(f"{database_path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        con = duckdb.connect(str(tmp))
        os.chmod(tmp, 0o600)  # private whatever the umask (the state directory is 0700 too)
        try:
            _write(con, pack, issues, list(imports))
        finally:
            con.close()
        os.replace(tmp, database_path)
    finally:
        tmp.unlink(missing_ok=True)
    return BuildReport(database_path, pack, issues)


def _write(con: duckdb.DuckDBPyConnection, pack: Pack, issues: list[Issue], imports: list[Path]) -> None:
    from .datapack import MODEL_FILES
    from .police_uk import add_figures

    for name, spec in MODEL_FILES.items():
        frame = _frame(pack.tables[name], spec)  # noqa: F841 (DuckDB reads the local frame by name)
        con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM frame')
    facts = _frame(pack.facts, FACT_FIELDS)  # noqa: F841
    con.execute("CREATE TABLE facts AS SELECT * FROM facts")
    imported = add_figures(con, imports, pack.tables)
    if not imported.empty:
        new_periods = pd.DataFrame(imported.attrs["periods"])  # noqa: F841
        con.execute("INSERT INTO periods BY NAME SELECT * FROM new_periods WHERE id NOT IN (SELECT id FROM periods)")
        imported = imported[list(FACT_FIELDS)]  # noqa: F841
        con.execute("INSERT INTO facts BY NAME SELECT * FROM imported")
    # An issue's text fields hold '' where they have no value (an erratum about no one indicator): pandas
    # reads a NULL string back as NaN, which every reader would then print as "nan".
    issue_rows = _frame([{k: ("" if v is None and k not in ISSUE_NUMBERS else v)  # noqa: F841
                          for k, v in i.to_dict().items()} for i in issues], Issue.__dataclass_fields__)
    con.execute("CREATE TABLE data_issues AS SELECT row_number() OVER () AS issue_id, * FROM issue_rows")
    # One figure per key: the source table of highest precedence wins; the others stay in facts.
    con.execute("""
        CREATE TABLE figures AS
        SELECT f.indicator, f.area, f.period, f.measure, f.compared_with, f.value, f.flag, f.published, f.note,
               f.digits, f.table_id, c.section, c.title AS source_title
        FROM facts f JOIN catalog c USING (table_id)
        QUALIFY row_number() OVER (PARTITION BY f.indicator, f.area, f.period, f.measure, f.compared_with
                                   ORDER BY c.precedence, f.table_id) = 1
    """)
    # Notes to show beside a figure: every issue about that indicator, area and period (an issue with one
    # cause behind several indicators, such as one denominator behind two rates, is shown beside each).
    con.execute("""
        CREATE TABLE figure_notes AS
        WITH concerned AS (
            SELECT indicator, area, period, measure, severity, note FROM data_issues
            UNION ALL
            SELECT unnest(string_split(also, ',')), area, period, measure, severity, note FROM data_issues
            WHERE also <> ''
        )
        SELECT DISTINCT indicator, NULLIF(area, '') AS area, NULLIF(period, '') AS period,
               NULLIF(measure, '') AS measure, severity, note
        FROM concerned
        WHERE indicator <> '' AND severity <> 'excluded'
    """)
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('fingerprint', ?), ('built_at', ?)",
                [build_fingerprint(pack.root), datetime.now(timezone.utc).isoformat(timespec="seconds")])


def build_fingerprint(data_dir: Path) -> str:
    """The data files' fingerprint joined with the builder's own source: either changing means a rebuild."""
    here = Path(__file__).parent
    code = hashlib.sha256(b"".join((here / f).read_bytes() for f in ("database.py", "check.py", "datapack.py",
                                                                      "police_uk.py")))
    return fingerprint(data_dir) + ":" + code.hexdigest()[:16]


def connect_readonly(database_path: Path) -> duckdb.DuckDBPyConnection:
    """The serving connection: read-only, no file or network access, configuration locked."""
    con = duckdb.connect(str(database_path), read_only=True, config={"enable_external_access": False})
    con.execute("SET lock_configuration = true")
    return con


def imported_files(state_dir: Path) -> list[Path]:
    """The police.uk monthly counts stored by ``crimebot import police-uk``."""
    return sorted((Path(state_dir) / "imports" / "police-uk").glob("*.csv"))


def database_file(data_dir: Path, state_dir: Path, imports: list[Path] | None = None) -> Path:
    """The database file for the data as it is now (``data/`` and the imports): its name carries their fingerprint."""
    digest = hashlib.sha256(build_fingerprint(data_dir).encode())
    for path in sorted(imported_files(state_dir) if imports is None else imports, key=lambda p: p.name):
        digest.update(path.name.encode() + path.read_bytes())  # by name: a staged file hashes as it will when moved
    return Path(state_dir) / f"crimebot-{digest.hexdigest()[:16]}.duckdb"


def ensure_database(data_dir: Path, state_dir: Path) -> Path:
    """The database built from ``data/`` as it is now, building it first if ``data/`` (or the code that
    builds it) changed since the last build. Returns its path.

    Each build is a new file named by the fingerprint, so the check needs no database connection, a
    running server keeps its old file until it reloads (DuckDB caches open databases by path within a
    process, so a file must never be replaced under the same name), and files of older builds are removed.
    """
    imports = imported_files(state_dir)
    path = database_file(data_dir, state_dir, imports)
    if not path.exists():
        build(data_dir, path, imports)
    for old in Path(state_dir).glob("crimebot-*.duckdb"):
        if old != path:
            old.unlink(missing_ok=True)  # a process still reading it keeps its open file
    return path
