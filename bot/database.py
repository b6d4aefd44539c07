"""Build the embedded DuckDB database from ``data/``, and open it read-only for serving.

The database is a file under the state directory named by the fingerprint of ``data/``, so a change
to any data file means a new build. A build writes a temporary file and renames it into place only
when it is complete, so a failed build leaves the database that was there untouched, and a server
holding the old file open keeps answering from it.
"""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from .check import Issue, check_pack
from .datapack import Pack, fingerprint, load_pack
from .tables import create_table

ISSUE_NUMBERS = ("computed", "stored")
FACT_FIELDS = ("table_id", "line", "indicator", "area", "period", "measure", "compared_with", "value", "flag",
               "published", "note", "digits")


@dataclass
class BuildReport:
    path: Path
    pack: Pack
    incremental: bool  # only the imports' tables were rebuilt, over a copy of the served database


# The tables the imports change (police.uk counts, imported populations), and those built from them: every
# build writes these; every other table comes from the pack alone, so a build over a copy of a database of
# the same pack (``build``'s ``base``) keeps that copy's. ``meta`` says which pack and which build.
IMPORT_TABLES = ("population", "periods", "facts", "figures", "figure_series", "coverage", "meta")


FACT_TYPES = {"line": "BIGINT", "value": "DOUBLE", "digits": "BIGINT"}  # the others VARCHAR


def _frame(rows: list[dict], columns):
    import pandas as pd  # only a full build reads the pack's tables through pandas: an import's process never loads it

    return pd.DataFrame.from_records(rows, columns=list(columns))


def _sql_type(kind: str) -> str:
    """A model column's type (datapack.MODEL_FILES) in SQL."""
    base = kind.removeprefix("opt_")
    return {"number": "DOUBLE", "int": "BIGINT", "bool": "BOOLEAN"}.get(base, "VARCHAR")


def _create(con: duckdb.DuckDBPyConnection, name: str, frame, types: dict[str, str],
            select: str = "*") -> None:
    """A table from a frame; an empty frame (a pack with no rows in a file) still gets its columns' types, which
    DuckDB cannot read from a frame with no values."""
    if frame.empty:
        columns = ", ".join(f'"{c}" {types.get(c, "VARCHAR")}' for c in frame.columns)
        con.execute(f'CREATE TABLE "{name}" ({"issue_id BIGINT, " if select != "*" else ""}{columns})')
    else:
        con.execute(f'CREATE TABLE "{name}" AS SELECT {select} FROM frame')


def build(data_dir: Path, database_path: Path, imports: list[Path] = (), base: Path | None = None,
          pack: Pack | None = None) -> BuildReport:
    """Validate the pack, check it, and write a fresh database file in place of the old one; ``imports``
    are stored police.uk monthly counts (and imported populations) to add.

    ``base`` is a database built before (the one served): when it was built from this same pack by this same
    code (its fingerprint, in its meta table), a copy of it is taken and only the tables the imports change
    (``IMPORT_TABLES``) are rebuilt; the pack's own tables and its checks are as a full build would write them.
    ``pack``: the pack already read by the caller (an import), used when the files are still the ones it was read
    from (the same fingerprint); else the pack is read again.

    Raises DataError (file, row, column) without touching an existing database.
    """
    pack = pack if pack is not None and pack.fingerprint == fingerprint(Path(data_dir)) else load_pack(data_dir)
    built_from = build_fingerprint(pack.root)
    database_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = database_path.with_name(f"{database_path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        incremental = base is not None and _copy_of_same_pack(base, tmp, built_from)
        con = duckdb.connect(str(tmp))
        os.chmod(tmp, 0o600)  # private whatever the umask (the state directory is 0700 too)
        try:
            if incremental:  # dropped and checkpointed first, so that the new tables reuse the old ones' blocks
                con.execute("BEGIN")
                for name in IMPORT_TABLES:
                    con.execute(f'DROP TABLE "{name}"')
                con.execute("COMMIT")
                con.execute("CHECKPOINT")
            con.execute("BEGIN")  # one commit (and one sync of the file) for the whole build
            if not incremental:
                _write_pack(con, pack, check_pack(pack))
            _write_imports(con, pack, list(imports), built_from, base.name if incremental else None)
            con.execute("COMMIT")
        finally:
            con.close()
        os.replace(tmp, database_path)
    finally:
        tmp.unlink(missing_ok=True)
    return BuildReport(database_path, pack, incremental)


def _copy_of_same_pack(base: Path, tmp: Path, built_from: str) -> bool:
    """Copy ``base`` to ``tmp`` when it was built from the pack and by the code that ``built_from`` names (and
    was closed whole: no write-ahead log beside it); False, and no copy, otherwise."""
    if not base.exists() or base.with_name(base.name + ".wal").exists():
        return False
    shutil.copyfile(base, tmp)  # a served file is never written to again, so a copy of it is whole
    try:
        con = duckdb.connect(str(tmp))  # the copy, not the served file (which this process may hold read-only)
        try:
            same = con.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone() == (built_from,)
        finally:
            con.close()
    except duckdb.Error:  # not a database this module built
        same = False
    if not same:
        tmp.unlink()
    return same


def _write_pack(con: duckdb.DuckDBPyConnection, pack: Pack, issues: list[Issue]) -> None:
    """The tables of the pack alone: its model files (but those in ``IMPORT_TABLES``), its checks' issues and
    the notes they put beside figures."""
    from .datapack import MODEL_FILES

    for name, spec in MODEL_FILES.items():
        if name not in IMPORT_TABLES:
            frame = _frame(pack.tables[name], spec)  # noqa: F841 (DuckDB reads the local frame by name)
            _create(con, name, frame, {c: _sql_type(k) for c, k in spec.items()})
    # An issue's text fields hold '' where they have no value (an erratum about no one indicator): pandas
    # reads a NULL string back as NaN, which every reader would then print as "nan".
    issue_rows = _frame([{k: ("" if v is None and k not in ISSUE_NUMBERS else v)  # noqa: F841
                          for k, v in i.to_dict().items()} for i in issues], Issue.__dataclass_fields__)
    _create(con, "data_issues", issue_rows, {n: "DOUBLE" for n in ISSUE_NUMBERS},
            select="row_number() OVER () AS issue_id, *")
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


def _write_imports(con: duckdb.DuckDBPyConnection, pack: Pack, imports: list[Path], built_from: str,
                   base: str | None) -> None:
    """The tables in ``IMPORT_TABLES``: the pack's populations, periods and facts with the imports' added, and
    the figures, their coverage and their series worked out from them."""
    from .datapack import MODEL_FILES
    from .police_uk import add_figures, population_rows

    # with the imported mid-year estimates over the pack's own populations
    populations = population_rows(pack.tables, [p for p in imports if p.name == "population.csv"])
    for name, rows in (("population", populations), ("periods", pack.tables["periods"])):
        columns = {c: _sql_type(k) for c, k in MODEL_FILES[name].items()}
        create_table(con, name, columns, [tuple(r.get(c) for c in columns) for r in rows], temporary=False)
    create_table(con, "facts", {c: FACT_TYPES.get(c, "VARCHAR") for c in FACT_FIELDS},
                 [tuple(f.get(c) for c in FACT_FIELDS) for f in pack.facts], temporary=False)
    periods = add_figures(con, imports, pack.tables)
    if periods:
        columns = {c: "VARCHAR" for c in MODEL_FILES["periods"]}
        create_table(con, "new_periods", columns, [tuple(p.get(c) for c in columns) for p in periods])
        con.execute("INSERT INTO periods BY NAME SELECT * FROM new_periods WHERE id NOT IN (SELECT id FROM periods)")
        con.execute("INSERT INTO facts BY NAME SELECT 'police_uk' AS table_id, 0 AS line, indicator, area, period, "
                    "measure, value, flag, digits FROM police_uk_facts")
    # One figure per key: the source table of highest precedence wins; the others stay in facts.
    con.execute("""
        CREATE TABLE figures AS
        SELECT f.indicator, f.area, f.period, f.measure, f.compared_with, f.value, f.flag, f.published, f.note,
               f.digits, f.table_id, c.section, c.title AS source_title
        FROM facts f JOIN catalog c USING (table_id)
        QUALIFY row_number() OVER (PARTITION BY f.indicator, f.area, f.period, f.measure, f.compared_with
                                   ORDER BY c.precedence, f.table_id) = 1
    """)
    # What each indicator covers, and its figures beside the areas' and periods' names, worked out once here and
    # kept in indicator order: the coverage and compare queries read one indicator's rows of them on every first
    # answer about it (a filter, not a join and a grouping over every figure).
    con.execute("""
        CREATE TABLE coverage AS
        SELECT f.indicator, a.id AS area, a.name AS area_name, a.type AS area_type, p.id AS period,
               p.kind AS period_kind, p.start AS period_start, count(*) AS figures
        FROM figures AS f JOIN areas AS a ON a.id = f.area JOIN periods AS p ON p.id = f.period
        GROUP BY ALL
        ORDER BY f.indicator, a.type, a.name, p.start
    """)
    # Every figure beside its area's and period's names, kept in indicator, area and period order: a figure answer
    # reads one indicator in one area over the periods of one kind, a comparison one indicator across the areas,
    # on every answer (a filter on one table, not a join).
    con.execute("""
        CREATE TABLE figure_series AS
        SELECT f.indicator, f.area, a.name AS area_name, a.type AS area_type, p.kind AS period_kind, p.id AS period,
               p.label AS period_label, p.start AS period_start, f.measure, f.value, f.flag, f.digits,
               f.compared_with, f.table_id
        FROM figures AS f JOIN periods AS p ON p.id = f.period LEFT JOIN areas AS a ON a.id = f.area
        ORDER BY f.indicator, f.area, p.kind, p.start, f.measure
    """)
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('fingerprint', ?), ('built_at', ?), ('build', ?)",
                [built_from, datetime.now(timezone.utc).isoformat(timespec="seconds"),
                 "full" if base is None else f"the imports' tables over a copy of {base}"])


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


# -- the store of imported data, switched in one step -------------------------------------------------------
# <state>/imports/current names the store being served: a folder holding police-uk/<month>-<force>.csv (the
# monthly counts) and population.csv (imported mid-year estimates). An import writes a whole new store beside
# it, builds its database, then replaces the pointer (one os.replace): killed at any moment, the served data is
# all the old store or all the new, and the next start removes what the killed run left.
OUTCOMES_DIR = "police-uk-outcomes"  # in a store: <month>-<force>-resolved.csv, the crimes each outcomes file resolved


def imports_dir(state_dir: Path) -> Path:
    return Path(state_dir) / "imports"


def store_dir(state_dir: Path) -> Path | None:
    """The store being served (or None): the one <state>/imports/current names; an older layout's
    <state>/imports/police-uk/ is read in place until the next import."""
    pointer = imports_dir(state_dir) / "current"
    if pointer.exists():
        store = imports_dir(state_dir) / pointer.read_text().strip()
        return store if store.is_dir() else None
    return imports_dir(state_dir) if (imports_dir(state_dir) / "police-uk").is_dir() else None


def store_files(store: Path | None) -> list[Path]:
    """A store's files: the police.uk monthly counts, the crimes police.uk's outcomes files resolved (kept for
    street-level months imported later), then the imported populations if any."""
    if store is None:
        return []
    return (sorted((store / "police-uk").glob("*.csv")) + sorted((store / OUTCOMES_DIR).glob("*.csv"))
            + [p for p in [store / "population.csv"] if p.exists()])


def imported_files(state_dir: Path) -> list[Path]:
    """The files of the store being served (police.uk monthly counts and imported populations)."""
    return store_files(store_dir(state_dir))


@contextlib.contextmanager
def import_lock(state_dir: Path, wait: bool = True):
    """Held by an import for its whole run, and by the start-up clean-up; yields False when ``wait`` is
    False and another process holds it."""
    folder = imports_dir(state_dir)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def clean_up(state_dir: Path, keep: Path | None = None) -> None:
    """Remove what an import or build killed part-way left: unswitched stores and staging folders, database
    files other than ``keep`` (the one served), and temporary files of builds no longer running. Call with
    the import lock held."""
    state_dir = Path(state_dir)
    current = store_dir(state_dir)
    folder = imports_dir(state_dir)
    if folder.is_dir():
        for path in folder.iterdir():
            if path.is_dir() and path.name.startswith(("store-", ".staging-")) and path != current:
                shutil.rmtree(path, ignore_errors=True)
            elif path.name.startswith("current.") and path.name.endswith(".tmp"):
                path.unlink(missing_ok=True)
    for path in state_dir.glob("*.tmp*"):
        pid = path.name.rsplit(".tmp", 1)[0].rsplit(".", 1)[-1]
        if not pid.isdigit() or not _running(int(pid)):
            path.unlink(missing_ok=True)
    packs = state_dir / "packs"
    if packs.is_dir():
        for path in packs.glob(".staging-*"):
            shutil.rmtree(path, ignore_errors=True)
    if keep is not None:
        for old in state_dir.glob("crimebot-*.duckdb"):
            if old != keep:
                old.unlink(missing_ok=True)  # a process still reading it keeps its open file


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def switch_store(state_dir: Path, store: Path) -> None:
    """Serve ``store`` from now on: one atomic replace of the pointer."""
    pointer = imports_dir(state_dir) / "current"
    tmp = pointer.with_name(f"current.{os.getpid()}.tmp")
    tmp.write_text(store.name)
    with open(tmp, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, pointer)


def database_file(data_dir: Path, state_dir: Path, imports: list[Path] | None = None) -> Path:
    """The database file for the data as it is now (``data/`` and the imports): its name carries their fingerprint."""
    digest = hashlib.sha256(build_fingerprint(data_dir).encode())
    for path in sorted(imported_files(state_dir) if imports is None else imports, key=lambda p: p.name):
        digest.update(path.name.encode() + path.read_bytes())  # by name: a staged file hashes as it will when moved
    return Path(state_dir) / f"crimebot-{digest.hexdigest()[:16]}.duckdb"


def ensure_database(data_dir: Path, state_dir: Path, locked: bool = False) -> Path:
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
    if locked or not imports_dir(state_dir).is_dir():
        clean_up(state_dir, keep=path)
    else:
        with import_lock(state_dir, wait=False) as held:
            if held:  # an import running now owns its staging files: leave them, and clean up next time
                clean_up(state_dir, keep=path)
    return path
