"""A second partnership's data pack, built for the tests: a Thanet partnership that has no assessment tables of its
own, only police.uk data, its ranks counted among four districts of a county of its own (East Kent). The model files keep data/'s shape (and its
police.uk crime types, outcomes and indicators); the places, the partnership, its priorities and its examples are
Thanet's. Nothing in it names Maidstone, so an answer that does got the word from the code."""
from __future__ import annotations

import csv
import shutil
import zipfile
from pathlib import Path

from bot.datapack import MODEL_FILES
from bot.police_uk import COLUMNS
from bot.settings import PROJECT_ROOT

DATA = PROJECT_ROOT / "data"
# the peer group: four districts of Kent, each with its LSOA name prefix and population (2011 Census)
DISTRICTS = {"thanet": ("Thanet", 134186), "dover": ("Dover", 111674), "canterbury": ("Canterbury", 151145),
             "swale": ("Swale", 135835)}
WARDS = {"margate_central": "Margate Central", "cliftonville_west": "Cliftonville West",
         "eastcliff": "Eastcliff", "newington": "Newington"}
# crimes a month in each district, by police.uk crime type, in 2024/25 (2025/26: Thanet's shoplifting falls by 2)
MONTHLY = {"Shoplifting": {"thanet": 12, "dover": 6, "canterbury": 9, "swale": 10},
           "Burglary": {"thanet": 5, "dover": 3, "canterbury": 6, "swale": 4},
           "Anti-social behaviour": {"thanet": 20, "dover": 8, "canterbury": 11, "swale": 9},
           "Violence and sexual offences": {"thanet": 30, "dover": 15, "canterbury": 22, "swale": 25},
           "Criminal damage and arson": {"thanet": 9, "dover": 4, "canterbury": 7, "swale": 8}}
# which of Thanet's LSOAs is in which ward, and the share of Thanet's crimes placed in each
LSOAS = [("E01024600", "Thanet 001A", "margate_central"), ("E01024601", "Thanet 002B", "cliftonville_west"),
         ("E01024602", "Thanet 003C", "eastcliff"), ("E01024603", "Thanet 004D", "newington")]
MONTHS = [f"{y}-{m:02d}" for y, m in [(2024, m) for m in range(4, 13)] + [(2025, m) for m in range(1, 13)]
          + [(2026, m) for m in range(1, 4)]]


def _rows(name: str) -> list[dict]:
    with open(DATA / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _write(root: Path, name: str, rows: list[dict]) -> None:
    with open(root / f"{name}.csv", "w", encoding="utf-8", newline="") as handle:
        out = csv.DictWriter(handle, list(MODEL_FILES[name]), lineterminator="\n")
        out.writeheader()
        out.writerows(rows)


def build_pack(root: Path) -> Path:
    """Write the Thanet pack into ``root`` (a new folder) and return it."""
    root.mkdir(parents=True)
    for name in ("measures", "police_uk_crime_types", "police_uk_forces", "police_uk_outcomes"):
        shutil.copy(DATA / f"{name}.csv", root / f"{name}.csv")
    areas = [{"id": "kent_medway", "name": "Kent & Medway", "type": "force", "parent": "", "code": "", "aliases": ""},
             {"id": "east_kent", "name": "East Kent", "type": "county", "parent": "kent_medway", "code": "",
              "aliases": ""}]
    areas += [{"id": d, "name": name, "type": "district", "parent": "east_kent", "code": "", "aliases": ""}
              for d, (name, _) in DISTRICTS.items()]
    areas += [{"id": w, "name": name, "type": "ward", "parent": "thanet", "code": "", "aliases": ""}
              for w, name in WARDS.items()]
    _write(root, "areas", areas)
    _write(root, "partnership", [{"name": "Thanet Community Safety Partnership", "short_name": "TCSP",
                                  "home_area": "thanet", "county": "east_kent", "county_short_name": "East Kent",
                                  "peer_group": "East Kent districts", "document": "Community Safety Plan 2025/26"}])
    _write(root, "periods", [{"id": "2025/26", "kind": "financial_year", "start": "2025-04-01", "end": "2026-03-31",
                              "label": "April 2025 to March 2026", "aliases": ""}])
    crime_types = {r["indicator"] for r in _rows("police_uk_crime_types")}
    keep = crime_types | {"all_crime", "police_uk_outcomes", "police_uk_outcome_rate"}
    indicators = []
    for row in _rows("indicators"):
        if row["id"] in keep:
            for ref in ("part_of", "monthly_indicator", "continued_by", "ratio_of"):
                if row[ref] and any(part not in keep for part in row[ref].split("/")):
                    row[ref] = ""  # the other pack's indicators are not in this one
            indicators.append(row)
    _write(root, "indicators", indicators)
    catalog = [r for r in _rows("catalog") if r["file"].startswith("imports/")]
    for r in catalog:
        r["denominator"] = "population.csv: the latest population at or before the year"
        r["unit"] = "Counts; rates per 1,000 residents; county rank among the East Kent districts (1 = lowest rate)"
        r["footnotes"] = "Each crime is placed in the district named by its LSOA. All crime leaves out anti-social behaviour."
    _write(root, "catalog", catalog)
    _write(root, "denominators", [{"area": "thanet", "base": "residents", "period": "2025/26", "value": "140600",
                                   "label": "mid-2024 population", "source": "ONS mid-2024 estimate"}])
    _write(root, "priorities", [
        {"id": "asb", "year": "2025/26", "kind": "priority", "number": "1", "name": "Anti-social behaviour",
         "owner": "ASB Tasking Group", "themes": "", "aliases": "asb;anti-social behaviour",
         "description": "Reduce ASB in Margate and Cliftonville"},
        {"id": "acquisitive", "year": "2025/26", "kind": "priority", "number": "2", "name": "Shop theft",
         "owner": "Business Crime Group", "themes": "", "aliases": "shop theft;retail crime",
         "description": "Shoplifting in the town centres"},
        {"id": "violence", "year": "2025/26", "kind": "priority", "number": "3", "name": "Violence",
         "owner": "Violence Reduction Group", "themes": "", "aliases": "violence",
         "description": "Violence and sexual offences"}])
    _write(root, "priority_indicators", [{"priority": "asb", "indicator": "asb", "headline": "true"},
                                         {"priority": "acquisitive", "indicator": "shoplifting", "headline": "true"},
                                         {"priority": "violence", "indicator": "violence_sexual", "headline": "true"}])
    for name in ("errata", "excluded", "events", "places"):
        _write(root, name, [])
    _write(root, "population", [{"area": d, "year": "2011", "population": str(n), "source": "ONS 2011 Census",
                                 "note": ""} for d, (_, n) in DISTRICTS.items()])
    _write(root, "synonyms", [r for r in _rows("synonyms") if r["kind"] == "word"
                              or (r["kind"] in ("indicator", "within") and r["target"] in keep)]
           + [{"phrase": "outcome rate", "kind": "indicator", "target": "police_uk_outcome_rate",
               "note": "The only outcome rate this pack has"}])
    _write(root, "examples", [
        {"question": "shoplifting", "answers": "the latest year's figure, its change, rate and county rank"},
        {"question": "shoplifting rank", "answers": "one crime type's county rank among the East Kent districts"},
        {"question": "compare shoplifting", "answers": "Thanet beside the other districts and East Kent"},
        {"question": "trend all crime", "answers": "every month or year the data has"},
        {"question": "asb wards", "answers": "the wards with the most"},
        {"question": "rank changes", "answers": "which crime types rose and fell in the county ranking"},
        {"question": "priority asb", "answers": "a priority's figures"}])
    return root


def write_archive(root: Path) -> tuple[Path, Path]:
    """A police.uk archive (zip) of 24 months of Kent street files for the four districts, and the LSOA-to-ward
    lookup for Thanet's wards."""
    zipped = root / "police-uk.zip"
    root.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as archive:
        for month in MONTHS:
            rows = []
            for crime_type, per_district in MONTHLY.items():
                for district, count in per_district.items():
                    if district == "thanet" and crime_type == "Shoplifting" and month >= "2025-04":
                        count -= 2
                    name = DISTRICTS[district][0]
                    for k in range(count):
                        code, lsoa, _ = LSOAS[k % len(LSOAS)] if district == "thanet" else (
                            f"E0100{len(rows) % 997:04d}", f"{name} 00{k % 5}A", None)
                        outcome = "Offender given a caution" if k == 0 else "Under investigation"
                        rows.append([f"c{month}{len(rows)}", month, "Kent Police", "Kent Police", "1.38", "51.38",
                                     "On or near High Street", code, lsoa, crime_type,
                                     "" if crime_type == "Anti-social behaviour" else outcome, ""])
            text = [",".join(COLUMNS)] + [",".join(r) for r in rows]
            archive.writestr(f"{month}/{month}-kent-street.csv", "\n".join(text) + "\n")
    lookup = root / "wards.csv"
    lookup.write_text("lsoa_code,ward\n" + "".join(f"{code},{WARDS[ward]}\n" for code, _, ward in LSOAS))
    return zipped, lookup
