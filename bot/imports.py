"""Loading new data safely: police.uk monthly files, and whole data packs.

Every import validates everything first, builds a complete new database beside the served one, and
only then moves the new data into place; the served database is never written to. A failed import
says which file, row and column failed and leaves the served data exactly as it was.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import zipfile
from contextlib import ExitStack
from pathlib import Path

import duckdb

from .database import build, database_file, ensure_database, imported_files
from .datapack import DataError, load_pack
from .police_uk import ImportReport, count_file, find_sources, lookups
from .settings import Settings


def police_uk_dir(settings: Settings) -> Path:
    return settings.state_dir / "imports" / "police-uk"


def import_police_uk(settings: Settings, paths: list[Path], ward_lookup: Path | None = None,
                     progress: bool | None = None) -> ImportReport:
    """Count the crimes in police.uk street-level files and serve them; DataError (nothing changed) on a fault."""
    started = time.perf_counter()
    report = ImportReport()
    pack = load_pack(settings.data_dir)
    target = police_uk_dir(settings)
    with ExitStack() as stack:
        sources = find_sources(paths, stack)
        seen: dict[tuple[str, str], str] = {}
        for source in sources:
            key = (source.month, source.force)
            if key in seen:
                raise DataError(source.name, None, None, f"{source.month} for {source.force} is also in {seen[key]}")
            seen[key] = source.name
        con = duckdb.connect()
        stack.callback(con.close)
        lookups(con, pack.tables, ward_lookup)
        staged = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix=".staging-", dir=_ensure(target))))
        from tqdm import tqdm

        bar = tqdm(sources, unit="file", desc="police.uk", disable=not (sys.stderr.isatty() if progress is None
                                                                          else progress), file=sys.stderr)
        for source in bar:
            counts = count_file(con, source, report)
            counts.to_csv(staged / f"{source.month}-{source.force}.csv", index=False)
            bar.set_postfix(rows=f"{report.rows:,}")
        report.files = len(sources)
        report.months = sorted({s.month for s in sources})
        report.forces = sorted({s.force for s in sources})
        new = {p.name: p for p in staged.glob("*.csv")}
        report.replaced = sorted(p.stem for p in imported_files(settings.state_dir) if p.name in new)
        effective = [p for p in imported_files(settings.state_dir) if p.name not in new] + list(new.values())
        database = database_file(settings.data_dir, settings.state_dir, effective)
        if not database.exists():
            build(settings.data_dir, database, effective)  # complete, or DataError with nothing changed
        for name, path in new.items():
            os.replace(path, target / name)
    report.database = ensure_database(settings.data_dir, settings.state_dir)
    report.seconds = time.perf_counter() - started
    return report


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def import_pack(settings: Settings, source: Path) -> tuple[Path, int]:
    """Validate a data pack (a folder in data/'s schema, or a zip of one), build it, and make it the served
    pack. Returns the installed folder and its number of figures; DataError (nothing changed) on a fault."""
    source = Path(source)
    with ExitStack() as stack:
        if source.is_file() and source.suffix == ".zip":
            unpacked = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="crimebot-pack-")))
            with zipfile.ZipFile(source) as archive:
                archive.extractall(unpacked)
            roots = [p.parent for p in unpacked.rglob("catalog.csv")]
            if len(roots) != 1:
                raise DataError(str(source), None, None, "the archive must hold one pack (one catalog.csv)")
            source = roots[0]
        if not (source / "catalog.csv").exists():
            raise DataError(str(source), None, None, "not a data pack: no catalog.csv (see data/ for the schema)")
        pack = load_pack(source)  # validates every file: file, row, column on a fault
        packs = _ensure(settings.state_dir / "packs")
        staged = Path(tempfile.mkdtemp(prefix=".staging-", dir=packs))
        try:
            shutil.copytree(source, staged, dirs_exist_ok=True)
            database = database_file(staged, settings.state_dir)
            if not database.exists():
                build(staged, database, imported_files(settings.state_dir))  # complete, or nothing changed
            installed = packs / f"pack-{database.stem.split('-')[1]}"
            if installed.exists():
                shutil.rmtree(staged)
            else:
                os.replace(staged, installed)
        except BaseException:
            shutil.rmtree(staged, ignore_errors=True)
            raise
    pointer = settings.state_dir / "active-pack"
    tmp = pointer.with_suffix(".tmp")
    tmp.write_text(str(installed.resolve()))
    os.replace(tmp, pointer)
    return installed, len(pack.facts)
