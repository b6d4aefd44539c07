"""Read and validate a data pack: the tidy CSV files under ``data/``.

A data pack is the model (indicators, areas, periods, measures), the catalog of source tables, and
one facts file per source table, all in fixed schemas. A new year's pack, or another partnership's,
is more rows in the same files. Every problem is reported with its file, row and column, so that a
partner editing a CSV can find it.

>>> pack = load_pack(Path("data"))            # doctest: +SKIP
>>> sorted(pack.tables)[:2]                    # doctest: +SKIP
['areas', 'catalog']
"""
from __future__ import annotations

import csv
import hashlib
import re
from datetime import date
from dataclasses import dataclass, field
from pathlib import Path

FACT_COLUMNS = ("indicator", "area", "period", "measure", "value", "flag", "published", "compared_with", "note")
FLAGS = ("", "joint", "approximate")
PERIOD_KINDS = ("financial_year", "quarter", "month", "span", "calendar_year")
AREA_TYPES = ("district", "unitary", "ward", "county", "force", "nation")
PRIORITY_KINDS = ("priority", "task_and_finish", "cross_cutting")

# Each model file: its columns, and a type for each. "id" is a unique key; "ref:X" must name a row of X.
MODEL_FILES: dict[str, dict[str, str]] = {
    "measures": {"id": "id", "name": "text", "unit": "text", "description": "text"},
    "areas": {"id": "id", "name": "text", "type": "enum:" + ",".join(AREA_TYPES), "parent": "opt_ref:areas",
              "code": "opt_text", "aliases": "opt_text"},
    # the partnership itself, one row: its name (the App Home's title), the district it serves, the county whose
    # districts its ranks are counted among (empty: the home district's parent), the county as running text says it
    # ("Kent"), that peer group in words ("Kent districts"), and its document
    "partnership": {"name": "text", "short_name": "opt_text", "home_area": "ref:areas", "county": "opt_ref:areas",
                    "county_short_name": "opt_text", "peer_group": "opt_text", "document": "text"},
    "periods": {"id": "id", "kind": "enum:" + ",".join(PERIOD_KINDS), "start": "date", "end": "date",
                "label": "text", "aliases": "opt_text"},
    "indicators": {"id": "id", "name": "text", "unit": "text", "higher_is_better": "opt_bool",
                   "rate_base": "opt_enum:residents,households,adults", "ratio_of": "opt_text",
                   "part_of": "opt_ref:indicators", "monthly_indicator": "opt_ref:indicators",
                   "period_note": "opt_text",
                   # the indicator that carries this one on where its own source stops (another measure: said so)
                   "continued_by": "opt_ref:indicators", "aliases": "opt_text"},
    "catalog": {"table_id": "id", "file": "text", "title": "text", "section": "text", "source_table": "text",
                "period_definition": "text", "unit": "text", "denominator": "opt_text", "footnotes": "opt_text",
                "source": "text", "precedence": "int"},
    # label: what the figure is, as the document calls it ("mid-2011 population"), said beside a rate
    "denominators": {"area": "ref:areas", "base": "enum:residents,households,adults", "period": "ref:periods",
                     "value": "number", "label": "opt_text", "source": "text"},
    "priorities": {"id": "id", "year": "ref:periods", "kind": "enum:" + ",".join(PRIORITY_KINDS),
                   "number": "opt_int", "name": "text", "owner": "text", "themes": "opt_text",
                   "aliases": "opt_text", "description": "text"},
    "priority_indicators": {"priority": "ref:priorities", "indicator": "ref:indicators", "headline": "bool"},
    "errata": {"section": "text", "indicator": "opt_ref:indicators", "area": "opt_ref:areas",
               "period": "opt_ref:periods", "published": "text", "correction": "text", "note": "text"},
    "excluded": {"table": "ref:catalog", "row": "text", "published": "text", "reason": "text"},
    # dated events the text names with a weekday (the check compares the weekday with the calendar)
    "events": {"section": "text", "event": "text", "date": "date", "weekday": "text", "note": "opt_text"},
    "population": {"area": "ref:areas", "year": "int", "population": "number", "source": "text", "note": "opt_text"},
    # facts the text states in words (who chairs the partnership, the PCC's election): asked by their aliases;
    # an event of the same section is listed with its statement
    "statements": {"id": "id", "section": "text", "statement": "text", "aliases": "text", "note": "opt_text"},
    # partners' words for the names above, one row per word: added without code (kind word = a word rewrite;
    # kind asker = a role or organisation that says who is asking, target role or organisation)
    "synonyms": {"phrase": "text", "kind": "enum:indicator,area,priority,word,within,asker", "target": "text",
                 "note": "opt_text"},
    # places a partner may name that the data does not cover as areas: refused by name, never guessed
    "places": {"name": "text", "within": "opt_ref:areas", "type": "text", "note": "opt_text"},
    "police_uk_crime_types": {"crime_type": "id", "indicator": "ref:indicators", "in_all_crime": "bool",
                              "note": "opt_text"},
    # police.uk's force ids to import (the <force> of its file names) and the area each covers
    "police_uk_forces": {"force": "id", "area": "ref:areas", "name": "text", "note": "opt_text"},
    # police.uk outcome categories: which count as resolved (charge or summons, caution, penalty notice,
    # community resolution) for the police.uk outcome rate
    "police_uk_outcomes": {"outcome": "id", "resolved": "bool", "note": "opt_text"},
    # the questions `help` shows, each with what it gives: the pack's own places, periods and priorities
    "examples": {"question": "id", "answers": "text"},
}
# Load order: a file may refer only to files before it (and to itself).
MODEL_ORDER = ("measures", "areas", "partnership", "periods", "indicators", "catalog", "denominators", "priorities",
               "priority_indicators", "errata", "excluded", "events", "population", "statements", "synonyms", "places",
               "police_uk_crime_types", "police_uk_forces", "police_uk_outcomes", "examples")
UNIQUE_KEYS = {"synonyms": ("phrase", "kind", "target"), "denominators": ("area", "base", "period"), "priority_indicators": ("priority", "indicator"),
               "population": ("area", "year")}
OPTIONAL_FILES = {"statements", "examples"}  # a pack without them has none
IMPORTED = "imports/"  # a catalog file starting so is filled by `crimebot import`, not read from the pack
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class DataError(ValueError):
    """A data pack that cannot be loaded: names the file, row (line number) and column at fault."""

    def __init__(self, file: str, row: int | None, column: str | None, message: str):
        self.file, self.row, self.column = file, row, column
        where = file + (f", row {row}" if row is not None else "") + (f", column '{column}'" if column else "")
        super().__init__(f"{where}: {message}")


@dataclass
class Pack:
    """A validated data pack: model tables as lists of dicts, and every fact with its source table."""

    root: Path
    tables: dict[str, list[dict]] = field(default_factory=dict)
    facts: list[dict] = field(default_factory=list)
    fingerprint: str = ""

    def index(self, name: str, key: str = "id") -> dict[str, dict]:
        return {row[key]: row for row in self.tables[name]}


def pack_files(root: Path) -> list[str]:
    """The files that make the pack, relative to ``root``: the model files and the facts files its catalog
    names. Nothing else in the folder is read, copied or fingerprinted."""
    files = [f"{name}.csv" for name in MODEL_ORDER]
    try:
        with open(root / "catalog.csv", encoding="utf-8", newline="") as handle:
            files += [row.get("file") or "" for row in csv.DictReader(handle)
                      if (row.get("file") or "") and not (row.get("file") or "").startswith(IMPORTED)]
    except (OSError, UnicodeDecodeError, csv.Error):
        pass  # load_pack names the fault
    return list(dict.fromkeys(files))


def fingerprint(root: Path) -> str:
    """A hash of the pack's files (see ``pack_files``): the database is rebuilt when one changes."""
    digest = hashlib.sha256()
    for name in sorted(pack_files(root)):
        path = root / name
        digest.update(name.encode())
        if path.is_file() and _inside(root, name):
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _inside(root: Path, name: str) -> bool:
    """Whether a pack-relative file name stays inside the pack (no absolute path, no '..', no link out)."""
    path = Path(name)
    return bool(name.strip()) and not path.is_absolute() and ".." not in path.parts and "\\" not in name


def _own_file(root: Path, name: str) -> Path:
    """The pack's file ``name``: DataError if it is a symbolic link (a pack is self-contained)."""
    path = root / name
    for part in [path, *[p for p in path.parents if p.is_relative_to(root) and p != root]]:
        if part.is_symlink():
            raise DataError(name, None, None, "a symbolic link: a data pack holds its own files (copy the file in)")
    return path


def _read_csv(path: Path, root: Path, columns: tuple[str, ...]) -> list[tuple[int, dict]]:
    name = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(name, None, None, "file not found") from None
    except UnicodeDecodeError as exc:
        raise DataError(name, None, None, f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
    reader = csv.reader(text.splitlines())
    header = next(reader, None)
    if header is None:
        raise DataError(name, 1, None, "empty file: expected a header row")
    header = [h.strip() for h in header]
    missing = [c for c in columns if c not in header]
    if missing:
        raise DataError(name, 1, missing[0], f"missing column (expected columns: {', '.join(columns)})")
    extra = [c for c in header if c not in columns]
    if extra:
        raise DataError(name, 1, extra[0], f"unknown column (expected columns: {', '.join(columns)})")
    rows = []
    for line_no, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            raise DataError(name, line_no, None,
                            f"{len(cells)} cells but the header has {len(header)} (a comma inside an unquoted value?)")
        rows.append((line_no, {h: c.strip() for h, c in zip(header, cells)}))
    return rows


def _convert(kind: str, value: str, known: dict[str, set[str]]):
    """Check one cell against its declared type; return the typed value or raise ValueError."""
    optional = kind.startswith("opt_")
    base = kind[4:] if optional else kind
    if value == "":
        if optional:
            return None
        raise ValueError("empty, but a value is required")
    if base in ("id", "text"):
        return value
    if base == "number":
        if not NUMBER.match(value):
            raise ValueError(f"'{value}' is not a number (write digits, no thousands separators or % signs)")
        return float(value)
    if base == "int":
        if not re.match(r"^-?\d+$", value):
            raise ValueError(f"'{value}' is not a whole number")
        return int(value)
    if base == "bool":
        if value.lower() not in ("true", "false"):
            raise ValueError(f"'{value}' is not true or false")
        return value.lower() == "true"
    if base == "date":
        try:
            if not DATE.match(value):
                raise ValueError
            date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"'{value}' is not a date (YYYY-MM-DD)") from None
        return value
    if base.startswith("enum:"):
        allowed = base[5:].split(",")
        if value not in allowed:
            raise ValueError(f"'{value}' is not one of: {', '.join(allowed)}")
        return value
    if base.startswith("ref:"):
        target = base[4:]
        if value not in known.get(target, set()):
            raise ValueError(f"unknown {target[:-1] if target.endswith('s') else target} '{value}' (not in {target}.csv)")
        return value
    raise AssertionError(f"unknown column type {kind}")


def load_pack(root: Path) -> Pack:
    """Read and validate every file of the pack at ``root``; raise DataError at the first fault."""
    root = Path(root)
    if not root.is_dir():
        raise DataError(str(root), None, None, "data directory not found")
    pack = Pack(root=root, fingerprint=fingerprint(root))
    known: dict[str, set[str]] = {}
    for name in MODEL_ORDER:
        spec = MODEL_FILES[name]
        path = _own_file(root, f"{name}.csv")
        rows = [] if name in OPTIONAL_FILES and not path.exists() else _read_csv(path, root, tuple(spec))
        id_column = next((c for c, k in spec.items() if k == "id"), None)
        if id_column:
            known[name] = {r[id_column] for _, r in rows}  # self-references (area parents) resolve
        typed, seen = [], {}
        for line_no, row in rows:
            out = {}
            for column, kind in spec.items():
                try:
                    out[column] = _convert(kind, row[column], known)
                except ValueError as exc:
                    raise DataError(f"{name}.csv", line_no, column, str(exc)) from None
            key_cols = (id_column,) if id_column else UNIQUE_KEYS.get(name)
            if key_cols:
                key = tuple(out[c] for c in key_cols)
                if key in seen:
                    raise DataError(f"{name}.csv", line_no, key_cols[0],
                                    f"duplicate key {'/'.join(map(str, key))} (first on row {seen[key]})")
                seen[key] = line_no
            typed.append(out)
        pack.tables[name] = typed
    _check_model(pack)
    for line_no, table in enumerate(pack.tables["catalog"], start=2):
        if not table["file"].startswith(IMPORTED) and not _inside(root, table["file"]):
            raise DataError("catalog.csv", line_no, "file", f"'{table['file']}' is not inside the pack: a catalog "
                            "names files by their path inside the pack folder")
    for table in pack.tables["catalog"]:
        if not table["file"].startswith(IMPORTED):
            pack.facts.extend(_load_facts(root, table, known))
    return pack


def _check_model(pack: Pack) -> None:
    indicators = pack.index("indicators")
    for line_no, ind in enumerate(pack.tables["indicators"], start=2):
        ratio = ind["ratio_of"]
        if ratio:
            parts = ratio.split("/")
            if len(parts) != 2 or any(p not in indicators for p in parts):
                raise DataError("indicators.csv", line_no, "ratio_of",
                                f"'{ratio}' must be two known indicators as numerator/denominator")
    names = {kind: pack.index(table) for kind, table in
             (("indicator", "indicators"), ("area", "areas"), ("priority", "priorities"), ("within", "indicators"))}
    for line_no, synonym in enumerate(pack.tables["synonyms"], start=2):
        if synonym["kind"] in names and synonym["target"] not in names[synonym["kind"]]:
            raise DataError("synonyms.csv", line_no, "target",
                            f"'{synonym['target']}' is not a known {synonym['kind']} id")
        if synonym["kind"] == "asker" and synonym["target"] not in ("role", "organisation"):
            raise DataError("synonyms.csv", line_no, "target",
                            f"'{synonym['target']}' must be role or organisation for an asker")
    if len(pack.tables["partnership"]) != 1:
        raise DataError("partnership.csv", 2 if not pack.tables["partnership"] else 3, "name",
                        "one row expected: the partnership's name, short name, home district and document")
    _check_partnership(pack)
    for line_no, period in enumerate(pack.tables["periods"], start=2):
        if period["start"] > period["end"]:
            raise DataError("periods.csv", line_no, "end", "ends before it starts")


def _check_partnership(pack: Pack) -> None:
    """The home district is a district, and one of the county's: its ranks are counted among them."""
    areas = pack.index("areas")
    row = pack.tables["partnership"][0]
    home = areas[row["home_area"]]
    county = row["county"] or home["parent"]
    if home["type"] not in ("district", "unitary"):
        raise DataError("partnership.csv", 2, "home_area", f"'{home['id']}' is a {home['type']}: the home area is "
                        "the district (or unitary authority) the partnership serves")
    if row["county"] and areas[county]["type"] != "county":
        raise DataError("partnership.csv", 2, "county", f"'{county}' is a {areas[county]['type']}, not a county "
                        "(areas.csv)")
    if not county or not any(a["type"] == "district" and a["parent"] == county for a in pack.tables["areas"]):
        raise DataError("partnership.csv", 2, "county", f"no district in areas.csv has the parent '{county}': the "
                        "county's districts are the peer group ranks are counted among")


def _load_facts(root: Path, table: dict, known: dict[str, set[str]]) -> list[dict]:
    name = table["file"]
    rows = _read_csv(_own_file(root, name), root, FACT_COLUMNS)
    facts, seen = [], {}
    for line_no, row in rows:
        out = {"table_id": table["table_id"], "line": line_no}
        for column, kind in (("indicator", "ref:indicators"), ("area", "ref:areas"), ("period", "ref:periods"),
                             ("measure", "ref:measures"), ("value", "number"),
                             ("compared_with", "opt_ref:periods")):
            try:
                out[column] = _convert(kind, row[column], known)
            except ValueError as exc:
                raise DataError(name, line_no, column, str(exc)) from None
        if row["flag"] not in FLAGS:
            raise DataError(name, line_no, "flag", f"'{row['flag']}' is not one of: joint, approximate (or empty)")
        out["flag"] = row["flag"] or None
        out["published"] = row["published"] or None
        out["note"] = row["note"] or None
        if out["published"] and not out["note"]:
            raise DataError(name, line_no, "note", "a published value that differs from the stored one needs a note")
        out["digits"] = len(row["value"].split(".")[1]) if "." in row["value"] else 0
        key = (out["indicator"], out["area"], out["period"], out["measure"], out["compared_with"])
        if key in seen:
            raise DataError(name, line_no, "value",
                            f"duplicate figure {'/'.join(k for k in key if k)} (first on row {seen[key]})")
        seen[key] = line_no
        facts.append(out)
    return facts
