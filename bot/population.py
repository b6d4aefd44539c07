"""ONS mid-year population estimates for local authority districts: read the CSV as ONS publishes it (a code
and a name column, then one column per year such as ``Mid-2023``; or one row per year with ``year`` and
``population`` columns) and match its districts to the data pack's areas by name (or alias) or code.

>>> sorted(_year_columns(["Code", "Name", "Geography", "Mid-2023", "Mid-2022", "2021"]).items())
[('2021', 2021), ('Mid-2022', 2022), ('Mid-2023', 2023)]
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

from .datapack import DataError

YEAR = re.compile(r"^(?:mid[- ]?|estimated population mid[- ]?)?((?:19|20)\d{2})$", re.I)


def _year_columns(header: list[str]) -> dict[str, int]:
    return {h: int(m.group(1)) for h in header if (m := YEAR.match(h.strip()))}


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().lower().replace("&", "and"))


def read_estimates(path: Path, pack_tables: dict) -> pd.DataFrame:
    """Rows area,year,population,source,note for the pack's districts, unitaries and counties in the file;
    DataError naming the file, row and column at fault."""
    name = str(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    except UnicodeDecodeError as exc:
        raise DataError(name, None, None, f"not UTF-8 text (byte {exc.start}); save it as CSV UTF-8") from None
    except OSError as exc:
        raise DataError(name, None, None, exc.strerror or "cannot be read") from None
    start = next((i for i, r in enumerate(rows) if _year_columns(r) or {"year", "population"} <= {c.strip().lower()
                                                                                                  for c in r}), None)
    if start is None:  # ONS spreadsheets saved as CSV carry title lines above the header
        raise DataError(name, 1, None, "no header with a column per year (Mid-2023, 2023) or year,population columns")
    header = [h.strip() for h in rows[start]]
    lower = [h.lower() for h in header]
    code_col = next((i for i, h in enumerate(lower) if h in ("code", "area code", "geography code")
                     or h.startswith("ladcode") or h.startswith("lad") and h.endswith("cd")), None)
    name_col = next((i for i, h in enumerate(lower) if h in ("name", "area name", "geography name", "area")
                     or h.startswith("laname") or h.startswith("lad") and h.endswith("nm")), None)
    if name_col is None and code_col is None:
        raise DataError(name, start + 1, None, "no column naming the district (Name, or Code)")
    areas = [a for a in pack_tables["areas"] if a["type"] in ("district", "unitary", "county")]
    by_name = {}
    for area in areas:
        for alias in [area["name"], *(area["aliases"] or "").split(";")]:
            if alias.strip():
                by_name.setdefault(_key(alias), area["id"])
    by_code = {a["code"].upper(): a["id"] for a in areas if a["code"]}
    years = _year_columns(header)
    long = not years
    if long:
        year_col, value_col = lower.index("year"), lower.index("population")
    out = {}
    for number, row in enumerate(rows[start + 1:], start=start + 2):
        if not any(c.strip() for c in row):
            continue
        area = None
        if code_col is not None and code_col < len(row):
            area = by_code.get(row[code_col].strip().upper())
        if area is None and name_col is not None and name_col < len(row):
            area = by_name.get(_key(row[name_col]))
        if area is None:
            continue  # another district of England and Wales
        cells = [(year_col, row[year_col] if year_col < len(row) else "")] if long else \
            [(header.index(h), None) for h in years]
        for column, year_text in cells:
            year = int(year_text) if long and year_text.strip().isdigit() else years.get(header[column]) if not long \
                else None
            if year is None:
                raise DataError(name, number, header[column], f"'{year_text}' is not a year")
            index = value_col if long else column
            text = (row[index] if index < len(row) else "").replace(",", "").strip()
            if not re.match(r"^\d+(\.\d+)?$", text) or float(text) <= 0:
                raise DataError(name, number, header[index], f"'{text}' is not a population (a number of people)")
            out[(area, year)] = float(text)
    if not any(pack_area in {a["id"] for a in areas if a["type"] == "district"} for pack_area, _ in out):
        raise DataError(name, None, name_col is not None and header[name_col] or None,
                        "none of its rows names a district of the data pack (by name, alias or code)")
    source = f"ONS mid-year population estimates ({path.name})"
    return pd.DataFrame([{"area": a, "year": y, "population": v, "source": source,
                          "note": f"Mid-{y} estimate, imported with crimebot import population"}
                         for (a, y), v in sorted(out.items())], columns=["area", "year", "population", "source", "note"])
