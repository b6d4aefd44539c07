"""Loading new data safely: police.uk monthly files and archives, population estimates, and whole data packs.

Every import validates everything first, writes a complete new store of imported data beside the served
one, builds its database, and only then switches to it with one atomic replace of a pointer
(``database.switch_store``); the served database is never written to. Killed at any moment, the bot serves
all the old data or all the new, and the next start removes what the killed run left. A failed import says
which file, row and column failed and leaves the served data exactly as it was.
"""
from __future__ import annotations

import csv
import os
import shutil
import stat
import sys
import tempfile
import time
import uuid
import zipfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import duckdb

from .database import (OUTCOMES_DIR, build, clean_up, database_file, ensure_database, import_lock, imports_dir, store_dir,
                       store_files, switch_store)
from .datapack import DataError, load_pack, pack_files
from .police_uk import (COUNT_COLUMNS, ImportReport, Source, find_sources, group_streets, lookups, readable,
                        resolved_crimes, stored_resolved, street_counts, write_resolved)
from .settings import Settings


BATCH_BYTES = 1 << 30  # a zip's members are extracted (and read in one pass) up to this many bytes at a time


def batches(sources: list[Source]) -> Iterator[list[Source]]:
    """The sources in batches read in one pass each: every file on disk in one, a zip's members in batches
    of at most ``BATCH_BYTES`` extracted (so the staging folder stays bounded)."""
    on_disk = [s for s in sources if s.member is None]
    if on_disk:
        yield on_disk
    batch, size = [], 0
    for source in (s for s in sources if s.member is not None):
        if batch and size + source.member.file_size > BATCH_BYTES:
            yield batch
            batch, size = [], 0
        batch.append(source)
        size += source.member.file_size
    if batch:
        yield batch


def write_rows(path: Path, columns, rows: list[tuple]) -> None:
    """A stored file (a month's counts) as CSV."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(list(columns))
        out.writerows(rows)


def police_uk_dir(settings: Settings) -> Path:
    """The police.uk monthly counts being served."""
    return (store_dir(settings.state_dir) or imports_dir(settings.state_dir)) / "police-uk"


@contextmanager
def new_store(settings: Settings):
    """Hold the import lock, clean up after any killed run, and yield a new empty store beside the served one;
    it is removed again unless ``commit`` switched to it."""
    with import_lock(settings.state_dir):
        clean_up(settings.state_dir)
        store = imports_dir(settings.state_dir) / f"store-{uuid.uuid4().hex[:12]}"
        (store / "police-uk").mkdir(parents=True)
        try:
            yield store
        except BaseException:
            shutil.rmtree(store, ignore_errors=True)
            raise


def commit(settings: Settings, store: Path, pack=None) -> Path:
    """Carry over the served store's files that ``store`` does not replace (hard links, no copies), build the
    database for the new store (over a copy of the served one when the pack is the same), and switch to it in
    one step. Returns the database now served."""
    current = store_dir(settings.state_dir)
    for old in store_files(current):
        target = store / old.relative_to(current)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(old, target)
            except OSError:
                shutil.copy2(old, target)
    files = store_files(store)
    database = database_file(settings.data_dir, settings.state_dir, files)
    if not database.exists():  # complete, or DataError with nothing changed
        # over a copy of the served database when its pack is the same: only the imports' tables are rebuilt
        served = database_file(settings.data_dir, settings.state_dir, store_files(current))
        build(settings.data_dir, database, files, base=served, pack=pack)  # the pack the import read, if unchanged
    switch_store(settings.state_dir, store)
    if current is not None and current != imports_dir(settings.state_dir):
        shutil.rmtree(current, ignore_errors=True)
    elif current is not None:  # the older layout, read in place until now
        shutil.rmtree(current / "police-uk", ignore_errors=True)
    return ensure_database(settings.data_dir, settings.state_dir, locked=True)


def import_police_uk(settings: Settings, paths: list[Path], ward_lookup: Path | None = None,
                     progress: bool | None = None) -> ImportReport:
    """Count the crimes (and resolved outcomes) in police.uk street-level and outcomes files, folders of them or
    police.uk's archive zips, for the data pack's force, and serve them; DataError (nothing changed) on a fault."""
    started = time.perf_counter()
    report = ImportReport()
    pack = load_pack(settings.data_dir)
    forces = {f["force"]: f["area"] for f in pack.tables["police_uk_forces"]}
    names = pack.index("areas")
    report.force_area = " and ".join(dict.fromkeys(names[area]["name"] for area in forces.values()))
    sources = find_sources(paths, set(forces), report)
    seen: dict[tuple[str, str, str], str] = {}
    for source in sources:
        key = (source.month, source.force, source.kind)
        if key in seen:
            raise DataError(source.name, None, None, f"{source.month} {source.kind} for {source.force} is also in "
                            f"{seen[key]}")
        seen[key] = source.name
    with new_store(settings) as store, ExitStack() as stack:
        served = store_dir(settings.state_dir)
        con = duckdb.connect(config={"memory_limit": "512MB", "preserve_insertion_order": False})
        stack.callback(con.close)
        lookups(con, pack.tables, ward_lookup)
        scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix=".staging-", dir=store.parent)))
        from tqdm import tqdm

        show = sys.stderr.isatty() if progress is None else progress
        # outcomes files first: the crimes they resolve are then counted with their street-level month
        outcomes = [s for s in sources if s.kind == "outcomes"]
        bar = tqdm(total=len(outcomes), unit="file", desc="police.uk outcomes", disable=not show or not outcomes,
                   file=sys.stderr)
        for batch in batches(outcomes):
            with ExitStack() as held:
                resolved_crimes(con, [(s, held.enter_context(readable(s, scratch, settings.import_max_bytes)))
                                      for s in batch], report)
            bar.update(len(batch))
        bar.close()
        # kept, so that a street-level month imported later still counts them
        resolved_now = write_resolved(con, store / OUTCOMES_DIR)
        report.kept = sum(resolved_now.values())
        # and those of outcomes files imported before (this import's replace theirs of the same month)
        stored_resolved(con, [p for p in store_files(served) if p.parent.name == OUTCOMES_DIR
                              and (p.name[:7], p.name[8:].removesuffix("-resolved.csv")) not in resolved_now])
        # then the street files: all in one pass (a zip's members extracted a batch at a time), every row counted
        # into small groups by DuckDB, checked file by file, then added up by month, force, area and crime type
        streets = sorted((s for s in sources if s.kind == "street"), key=lambda s: s.month)
        bar = tqdm(total=len(streets), unit="file", desc="police.uk street", disable=not show, file=sys.stderr)
        for batch in batches(streets):
            with ExitStack() as held:
                group_streets(con, [(s, held.enter_context(readable(s, scratch, settings.import_max_bytes)))
                                    for s in batch])
            bar.update(len(batch))
        bar.close()
        counts = street_counts(con, report)
        for source in streets:  # a file of no crimes is still a month imported: every count in it is 0
            write_rows(store / "police-uk" / f"{source.month}-{source.force}.csv", COUNT_COLUMNS,
                       counts.get((source.month, source.force), []))
        if resolved_now:  # street months counted before, that this import's outcomes may concern
            latest = max(month for month, _ in resolved_now)
            report.outcomes_not_applied = sorted(p.stem[:7] for p in store_files(served) if p.parent.name == "police-uk"
                                                 and p.stem[:7] <= latest and not (store / "police-uk" / p.name).exists())
        streets = [s for s in sources if s.kind == "street"]
        report.files = len(streets)
        report.months = sorted({s.month for s in streets})
        report.forces = sorted({s.force for s in streets})
        new = {p.name for p in (store / "police-uk").glob("*.csv")}
        report.replaced = sorted(p.stem for p in store_files(served)
                                 if p.parent.name == "police-uk" and p.name in new)
        stack.close()
        report.database = commit(settings, store, pack)
    report.seconds = time.perf_counter() - started
    return report


def import_population(settings: Settings, path: Path) -> tuple[int, list[int], Path]:
    """Import ONS mid-year population estimates (see ``population.read_estimates``): each year's police.uk rates
    and ranks then use that year's estimate (or the nearest earlier one); the pack's own populations (the
    2011 Census) stay for the years before. Returns (areas, years, database); DataError (nothing changed)."""
    import pandas as pd

    from .police_uk import POPULATION_COLUMNS, population_rows
    from .population import read_estimates

    pack = load_pack(settings.data_dir)
    estimates = read_estimates(Path(path), pack.tables)
    with new_store(settings) as store:
        current = store_dir(settings.state_dir)
        earlier = [current / "population.csv"] if current and (current / "population.csv").exists() else []
        merged = (pd.DataFrame(population_rows({"population": []}, earlier), columns=list(POPULATION_COLUMNS))
                  if earlier else estimates.iloc[0:0])
        merged = pd.concat([merged[~merged.set_index(["area", "year"]).index.isin(
            estimates.set_index(["area", "year"]).index)], estimates], ignore_index=True)
        merged.sort_values(["area", "year"]).to_csv(store / "population.csv", index=False)
        database = commit(settings, store)
    return estimates.area.nunique(), sorted(estimates.year.unique().tolist()), database


def import_pack(settings: Settings, source: Path, max_bytes: int | None = None) -> tuple[Path, int]:
    """Validate a data pack (a folder in data/'s schema, or a zip of one), build it, and make it the served
    pack. Returns the installed folder and its number of figures; DataError (nothing changed) on a fault.
    Only the pack's own files (the model files and the facts files its catalog names) are installed; a
    catalog path outside the pack, or a symbolic link, is refused."""
    source = Path(source)
    max_bytes = max_bytes or settings.import_max_bytes
    with ExitStack() as stack:
        if source.is_file() and source.suffix == ".zip":
            unpacked = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="crimebot-pack-")))
            _unzip_pack(source, unpacked, max_bytes)
            roots = [p.parent for p in unpacked.rglob("catalog.csv")]
            if len(roots) != 1:
                raise DataError(str(source), None, None, "the archive must hold one pack (one catalog.csv)")
            source = roots[0]
        if source.is_symlink():
            raise DataError(str(source), None, None, "a symbolic link: give the pack's own folder")
        if not (source / "catalog.csv").exists():
            raise DataError(str(source), None, None, "not a data pack: no catalog.csv (see data/ for the schema)")
        pack = load_pack(source)  # validates every file (file, row, column), refuses links and paths outside
        with import_lock(settings.state_dir):
            clean_up(settings.state_dir)
            packs = settings.state_dir / "packs"
            packs.mkdir(parents=True, exist_ok=True)
            staged = Path(tempfile.mkdtemp(prefix=".staging-", dir=packs))
            try:
                for name in pack_files(source):
                    (staged / name).parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(source / name, staged / name)
                database = database_file(staged, settings.state_dir)
                if not database.exists():
                    build(staged, database, store_files(store_dir(settings.state_dir)))  # complete, or nothing changed
                installed = packs / f"pack-{database.stem.split('-')[1]}"
                if installed.exists():
                    shutil.rmtree(staged)
                else:
                    os.replace(staged, installed)
            except BaseException:
                shutil.rmtree(staged, ignore_errors=True)
                raise
            pointer = settings.state_dir / "active-pack"
            tmp = pointer.with_name(f"active-pack.{os.getpid()}.tmp")
            tmp.write_text(str(installed.resolve()))
            os.replace(tmp, pointer)  # the one step that switches the served pack
    return installed, len(pack.facts)


def _unzip_pack(archive_path: Path, target: Path, max_bytes: int) -> None:
    """Extract a pack's zip within the size and ratio limits; links and paths outside the folder refused."""
    from .police_uk import MAX_RATIO

    total = 0
    with zipfile.ZipFile(archive_path) as archive:
        for info in archive.infolist():
            name = f"{archive_path}:{info.filename}"
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise DataError(name, None, None, "a symbolic link: a data pack holds its own files")
            parts = Path(info.filename).parts
            if info.filename.startswith("/") or ".." in parts:
                raise DataError(name, None, None, "a path outside the pack")
            total += info.file_size
            if total > max_bytes:
                raise DataError(name, None, None, f"the pack expands to more than {max_bytes:,} bytes "
                                "(CRIMEBOT_IMPORT_MAX_BYTES)")
            if info.file_size > MAX_RATIO * max(info.compress_size, 1) and info.file_size > 1 << 20:
                raise DataError(name, None, None, f"compression ratio over {MAX_RATIO} to 1 (a zip bomb?)")
            if info.is_dir():
                continue
            (target / info.filename).parent.mkdir(parents=True, exist_ok=True)
            written = 0
            with archive.open(info) as src, open(target / info.filename, "wb") as out:
                while chunk := src.read(1 << 20):
                    written += len(chunk)
                    if written > info.file_size:
                        raise DataError(name, None, None, "expands to more bytes than its header says")
                    out.write(chunk)
