"""police.uk imports and data packs: counts, rates and ranks worked by hand; re-imports; faults change nothing."""
import csv
import dataclasses
import os
import shutil
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

from bot.answer import Answerer
from bot.database import connect_readonly, ensure_database
from bot.datapack import load_pack, DataError
from bot.imports import import_pack, import_police_uk, import_population
from bot.police_uk import COLUMNS, OUTCOME_COLUMNS
from bot.settings import PROJECT_ROOT, Settings

# Shoplifting per month in each district: 2024/25 and 2025/26 the same except Maidstone (10, then 8).
SHOPLIFTING = {"Ashford": 5, "Canterbury": 9, "Dartford": 4, "Dover": 6, "Gravesham": 7, "Maidstone": 8,
               "Sevenoaks": 2, "Folkestone and Hythe": 6, "Swale": 10, "Thanet": 12, "Tonbridge and Malling": 3,
               "Tunbridge Wells": 4, "Medway": 20}
MONTHS = [f"{y}-{m:02d}" for y, m in [(2024, m) for m in range(4, 13)] + [(2025, m) for m in range(1, 13)]
          + [(2026, m) for m in range(1, 4)]]


def write_rows(root: Path, month: str, rows: list[tuple[str, str, str]], force: str = "kent",
               columns: list[str] = COLUMNS, encoding: str = "utf-8") -> Path:
    """A police.uk street-level file of the given (LSOA name, crime type, last outcome) rows."""
    folder = root / month
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{month}-{force}-street.csv"
    with open(path, "w", newline="", encoding=encoding) as handle:
        out = csv.writer(handle)
        out.writerow(columns)
        for n, (lsoa_name, crime_type, outcome) in enumerate(rows):
            cells = [f"c{month}{n}", month, "Kent Police", "Kent Police", "0.52", "51.27", "On or near High Street",
                     f"E0{zlib.crc32(lsoa_name.encode()) % 10**7:07d}" if lsoa_name else "", lsoa_name, crime_type, outcome, ""]
            out.writerow(cells + [""] * (len(columns) - len(cells)))
    return path


def write_month(root: Path, month: str, extra_rows: int = 0, crime_type_override: str | None = None) -> Path:
    """One police.uk street-level file: shoplifting by district, plus Maidstone burglary and ASB, plus
    rows with no location and rows just over the border (Wealden)."""
    folder = root / month
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{month}-kent-street.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(COLUMNS)
        n = 0

        def row(lsoa_code, lsoa_name, crime_type, outcome="Under investigation"):
            nonlocal n
            n += 1
            out.writerow([f"c{month}{n}", month, "Kent Police", "Kent Police", "0.52", "51.27", "On or near High Street",
                          lsoa_code, lsoa_name, crime_type_override if n == 7 and crime_type_override else crime_type,
                          outcome, ""])

        for i, (district, per_month) in enumerate(SHOPLIFTING.items()):
            count = 10 if district == "Maidstone" and month < "2025-04" else per_month
            for k in range(count + (extra_rows if district == "Maidstone" else 0)):
                resolved = district == "Maidstone" and k < 3  # a caution, a charge, a community resolution
                outcome = ("Offender given a caution", "Awaiting court outcome", "Local resolution")[k] if resolved \
                    else "Under investigation"
                row(f"E0100{i:04d}", f"{district} 0{i:02d}A", "Shoplifting", outcome)
        row("E01024001", "Maidstone 001A", "Burglary")
        for _ in range(5):
            row("E01024002", "Maidstone 002B", "Anti-social behaviour")
        row("", "", "Drugs")
        row("E01021000", "Wealden 003C", "Shoplifting")
    return path


@pytest.fixture()
def police_files(tmp_path) -> Path:
    root = tmp_path / "police"
    for month in MONTHS:
        write_month(root, month)
    return root


@pytest.fixture()
def state(settings, tmp_path) -> Settings:
    return dataclasses.replace(settings, state_dir=tmp_path / "state")


def figure(settings, indicator, area, period, measure):
    con = connect_readonly(ensure_database(settings.data_dir, settings.state_dir))
    try:
        row = con.execute("SELECT value, flag FROM figures WHERE indicator = ? AND area = ? AND period = ? "
                          "AND measure = ?", [indicator, area, period, measure]).fetchone()
        return row[0] if row else None
    finally:
        con.close()


def test_counts_rates_and_ranks_match_the_hand_worked_values(state, police_files):
    report = import_police_uk(state, [police_files], progress=False)
    assert report.files == 24 and report.months[0] == "2024-04" and report.months[-1] == "2026-03"
    per_month_rows = sum(SHOPLIFTING.values()) + 1 + 5 + 1 + 1  # burglary, 5 ASB, no location, Wealden
    assert report.rows == 24 * per_month_rows + 12 * 2
    assert report.no_location == 24 and report.outside == {"Wealden": 24}
    # Maidstone shoplifting 2025/26: 8 a month = 96; 2024/25: 10 a month = 120; -24 (-20.0%)
    assert figure(state, "shoplifting", "maidstone", "2025/26", "count") == 96
    assert figure(state, "shoplifting", "maidstone", "2025/26", "volume_change") == -24
    assert figure(state, "shoplifting", "maidstone", "2025/26", "pct_change") == -20.0
    # rate: 96 / 155,143 x 1,000 = 0.62; rank by rate among the 12 Kent districts (Medway left out):
    # Sevenoaks .21, T&M .30, T Wells .42, Dartford .49, Ashford .51, Maidstone .62 -> 6th.
    # 2024/25: 120 / 155,143 = 0.77, above Canterbury .71 and below Gravesham .83 -> 9th, so it improved.
    assert figure(state, "shoplifting", "maidstone", "2025/26", "rate_per_1000") == 0.62
    assert figure(state, "shoplifting", "maidstone", "2025/26", "county_rank") == 6
    assert figure(state, "shoplifting", "maidstone", "2024/25", "county_rank") == 9
    assert figure(state, "shoplifting", "maidstone", "2025/26", "rank_direction") == 1
    assert figure(state, "shoplifting", "medway", "2025/26", "county_rank") is None
    assert figure(state, "shoplifting", "thanet", "2025/26", "county_rank") == 12
    # Kent = the 12 districts: 12 x 76 = 912; all crime leaves out anti-social behaviour: 12 x (8 + 1) = 108
    assert figure(state, "shoplifting", "kent", "2025/26", "count") == 912
    assert figure(state, "shoplifting", "kent", "2025/26", "rate_per_1000") == 0.62  # 912 / 1,463,740 (12 districts)
    assert figure(state, "all_crime", "maidstone", "2025/26", "count") == 108
    assert figure(state, "asb", "maidstone", "2025/26", "count") == 60
    assert figure(state, "shoplifting", "shepway", "2025-06", "count") == 6  # "Folkestone and Hythe" is Shepway


def test_the_bot_answers_this_years_rank_as_for_the_assessment_years(state, police_files):
    import_police_uk(state, [police_files], progress=False)
    answerer = Answerer.open(state)
    answer = answerer.ask("shoplifting maidstone 2025/26")
    assert not answer.error, answer.error
    assert answer.headline == ("Shoplifting in Maidstone, 2025/26: 96 crimes, -24 (-20.0%) on the same period a year "
                               "before; 0.62 per 1,000; county rank 6 of 12 (↑ improved).")
    assert answer.tables[0].rows[-1] == ["2025/26", "96", "-24", "-20.0%", "0.62", "6", "↑ improved"]
    assert any("police.uk street-level crime (imported)" in s for s in answer.sources)
    assert answerer.ask("shoplifting maidstone 2012/13").headline.startswith("Shoplifting in Maidstone, 2012/13: 994")
    latest = answerer.ask("shoplifting maidstone")
    assert "2025/26" in latest.headline
    answerer.close()


def test_reimporting_a_month_does_not_double_count(state, police_files):
    import_police_uk(state, [police_files], progress=False)
    report = import_police_uk(state, [police_files / "2025-06"], progress=False)
    assert report.replaced == ["2025-06-kent"]
    assert figure(state, "shoplifting", "maidstone", "2025/26", "count") == 96
    write_month(police_files, "2025-06", extra_rows=6)  # a corrected file for June: 6 more crimes
    import_police_uk(state, [police_files / "2025-06" / "2025-06-kent-street.csv"], progress=False)
    assert figure(state, "shoplifting", "maidstone", "2025/26", "count") == 102


def test_zip_archives_import_like_folders(state, police_files, tmp_path):
    archive = tmp_path / "latest.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for path in sorted(police_files.rglob("*.csv")):
            out.write(path, path.relative_to(police_files).as_posix())
    report = import_police_uk(state, [archive], progress=False)
    assert report.files == 24
    assert figure(state, "shoplifting", "maidstone", "2025/26", "count") == 96


def snapshot(state: Settings) -> dict:
    return {p.relative_to(state.state_dir).as_posix(): p.read_bytes() for p in state.state_dir.rglob("*")
            if p.is_file() and p.suffix in (".csv", ".duckdb")}


@pytest.mark.parametrize("corrupt, row, column, message", [
    ("crime type", 8, "Crime type", "'Shoplifted': unknown crime type"),
    ("month", 2, "Month", "month is not 2025-07"),
    ("header", 1, "LSOA name", "'LSOA name' is missing"),
    ("ragged", None, None, "not readable as CSV"),
])
def test_a_corrupt_file_changes_nothing_and_names_file_row_column(state, police_files, corrupt, row, column, message):
    import_police_uk(state, [police_files], progress=False)
    before = snapshot(state)
    path = police_files / "2025-07" / "2025-07-kent-street.csv"
    if corrupt == "crime type":
        write_month(police_files, "2025-07", extra_rows=3, crime_type_override="Shoplifted")
    else:
        text = path.read_text()
        if corrupt == "month":
            text = text.replace(",2025-07,", ",2025-08,", 1)
        elif corrupt == "header":
            text = text.replace("LSOA name,", "LSOA,", 1)
        else:
            text = text.replace("Under investigation,", "Under investigation,extra,stuff,", 3)
        path.write_text(text)
    with pytest.raises(DataError) as caught:
        import_police_uk(state, [police_files], progress=False)
    assert caught.value.file.endswith("2025-07-kent-street.csv") and message in str(caught.value)
    if row is not None:
        assert caught.value.row == row and caught.value.column == column
    assert snapshot(state) == before
    assert not list((state.state_dir / "imports" / "police-uk").glob(".staging-*"))
    assert figure(state, "shoplifting", "maidstone", "2025/26", "count") == 96


def test_ward_lookup_adds_ward_counts(state, police_files, tmp_path):
    lookup = tmp_path / "wards.csv"
    lookup.write_text("lsoa_code,ward\nE01000005,High Street\nE01024001,park_wood\n")
    import_police_uk(state, [police_files], lookup, progress=False)
    assert figure(state, "shoplifting", "high_street", "2025/26", "count") == 96
    assert figure(state, "burglary_all", "park_wood", "2025/26", "count") == 12
    lookup.write_text("lsoa_code,ward\nE01000005,Nowhere Ward\n")
    with pytest.raises(DataError, match="'Nowhere Ward' is not a ward"):
        import_police_uk(state, [police_files], lookup, progress=False)


def test_cli_import_says_what_failed_and_exits_non_zero(state, police_files, tmp_path):
    env = {"PATH": os.environ["PATH"], "CRIMEBOT_STATE_DIR": str(state.state_dir)}
    ok = subprocess.run([sys.executable, "-m", "bot.cli", "import", "police-uk", str(police_files)],
                        capture_output=True, text=True, cwd=PROJECT_ROOT, env=env)
    assert ok.returncode == 0 and "Imported" in ok.stdout and "Wealden" in ok.stdout
    missing = subprocess.run([sys.executable, "-m", "bot.cli", "import", "police-uk", str(tmp_path / "nope")],
                             capture_output=True, text=True, cwd=PROJECT_ROOT, env=env)
    assert missing.returncode == 2 and "nothing was changed" in missing.stderr and "no such file" in missing.stderr
    asked = subprocess.run([sys.executable, "-m", "bot.cli", "ask", "shoplifting maidstone 2025/26"],
                           capture_output=True, text=True, cwd=PROJECT_ROOT, env=env)
    assert "county rank 6 of 12" in asked.stdout


def test_import_pack_installs_a_valid_pack_and_refuses_a_broken_one(state, data_copy, tmp_path):
    facts = data_copy / "facts" / "s3_1_time_series.csv"
    facts.write_text(facts.read_text().replace("shoplifting,maidstone,2012/13,count,994,",
                                               "shoplifting,maidstone,2012/13,count,995,"))
    installed, figures = import_pack(state, data_copy)
    assert figures == len(load_pack(data_copy).facts) and (installed / "catalog.csv").exists()
    served = Settings.from_env({"CRIMEBOT_STATE_DIR": str(state.state_dir)})
    assert served.data_dir == installed
    assert Answerer.open(served).ask("shoplifting maidstone 2012/13").headline.startswith(
        "Shoplifting in Maidstone, 2012/13: 995")
    assert build_kind(ensure_database(served.data_dir, served.state_dir)) == "full"  # a new pack: every table built
    broken = tmp_path / "broken"
    shutil.copytree(data_copy, broken)
    (broken / "areas.csv").write_text((broken / "areas.csv").read_text().replace("maidstone,Maidstone,", "maidstone,,"))
    before = (state.state_dir / "active-pack").read_text()
    with pytest.raises(DataError) as caught:
        import_pack(state, broken)
    assert caught.value.file == "areas.csv" and caught.value.column == "name"
    assert (state.state_dir / "active-pack").read_text() == before


def test_an_indicator_the_data_has_only_as_its_parent_answers_with_the_parent(state, police_files):
    import_police_uk(state, [police_files], progress=False)
    answerer = Answerer.open(state)
    answer = answerer.ask("burglary maidstone 2025/26")  # "burglary" is the assessment's burglary dwelling
    assert not answer.error, answer.error
    assert answer.headline.startswith("Burglary (dwelling and other) in Maidstone, 2025/26: 12 crimes")
    assert "police.uk does not split Burglary (dwelling and other) into Burglary - dwelling and Burglary - other" \
        in answer.notes[0]
    answer = answerer.ask("burglary folkestone and hythe 2024/25")  # no burglary there at all: 0, not refused
    assert answer.headline.startswith("Burglary (dwelling and other) in Shepway, 2024/25: 0 crimes"), answer.error
    assert answerer.ask("burglary maidstone 2012/13").headline.startswith("Burglary - dwelling in Maidstone, 2012/13")
    answerer.close()


# -- zero is a figure ------------------------------------------------------------------------------------
DISTRICTS = [d for d in SHOPLIFTING if d != "Medway"]


def sparse_robbery(district: str, month: str) -> int:
    """Robbery a month: none at all in Sevenoaks, and in the others only in some months (most are zero)."""
    if district == "Sevenoaks":
        return 0
    i, m = DISTRICTS.index(district) if district in DISTRICTS else 12, MONTHS.index(month)
    return (i % 3 + 1) if (i + m) % 4 == 0 else 0


@pytest.fixture()
def sparse_files(tmp_path) -> Path:
    root = tmp_path / "sparse"
    for month in MONTHS:
        rows = []
        for i, district in enumerate(SHOPLIFTING):
            rows += [(f"{district} 0{i:02d}A", "Robbery", "Under investigation")] * sparse_robbery(district, month)
            rows += [(f"{district} 0{i:02d}A", "Shoplifting", "Under investigation")]
        if month == "2024-11":  # one bicycle theft in two years, in Maidstone
            rows.append(("Maidstone 005A", "Bicycle theft", "Under investigation"))
        write_rows(root, month, rows)
    return root


def expected_year(district: str, year: int) -> int:
    months = [m for m in MONTHS if (m >= f"{year}-04" and m <= f"{year + 1}-03")]
    return sum(sparse_robbery(district, m) for m in months)


def hand_ranks(year: int) -> dict[str, int]:
    """County ranks by robbery rate, worked here from the counts and data/population.csv (1 = lowest, ties share)."""
    population = {r["area"]: float(r["population"]) for r in csv.DictReader(open(PROJECT_ROOT / "data" / "population.csv"))}
    ids = {d: d.lower().replace(" and ", "_").replace(" ", "_") for d in DISTRICTS}
    ids["Folkestone and Hythe"], ids["Tonbridge and Malling"] = "shepway", "tonbridge_malling"
    rates = {ids[d]: round(expected_year(d, year) / population[ids[d]] * 1000, 9) for d in DISTRICTS}
    return {area: 1 + sum(other < rate for other in rates.values()) for area, rate in rates.items()}


def test_zero_months_keep_every_district_year_and_rank(state, sparse_files):
    import_police_uk(state, [sparse_files], progress=False)
    for year, fy in ((2024, "2024/25"), (2025, "2025/26")):
        ranks = hand_ranks(year)
        assert len(ranks) == 12
        for district in DISTRICTS:
            area = "shepway" if district == "Folkestone and Hythe" else \
                "tonbridge_malling" if district == "Tonbridge and Malling" else district.lower().replace(" ", "_")
            assert figure(state, "robbery", area, fy, "count") == expected_year(district, year), (district, fy)
            assert figure(state, "robbery", area, fy, "county_rank") == ranks[area], (district, fy)
            assert figure(state, "shoplifting", area, fy, "count") == 12
        # a month with no robbery in Maidstone is a month of 0, not a missing month
        zero_month = next(m for m in MONTHS if sparse_robbery("Maidstone", m) == 0)
        assert figure(state, "robbery", "maidstone", zero_month, "count") == 0
    # a whole type missing from a district: 0 crimes, rate 0, the lowest rate in the county
    assert figure(state, "robbery", "sevenoaks", "2025/26", "count") == 0
    assert figure(state, "robbery", "sevenoaks", "2025/26", "rate_per_1000") == 0
    assert figure(state, "pedal_cycle_theft", "maidstone", "2024/25", "count") == 1
    assert figure(state, "pedal_cycle_theft", "maidstone", "2025/26", "count") == 0
    assert figure(state, "pedal_cycle_theft", "maidstone", "2025/26", "volume_change") == -1
    assert figure(state, "pedal_cycle_theft", "dover", "2025/26", "count") == 0
    answer = Answerer.open(state).ask("robbery sevenoaks 2025/26")
    assert answer.headline.startswith("Robbery in Sevenoaks, 2025/26: 0 crimes"), answer.headline


# -- every bad file named, nothing changed ----------------------------------------------------------------
def _latin1(path: Path) -> None:
    text = path.read_text().splitlines()
    text[4] = text[4].replace("On or near High Street", "On or near Caf\u00e9 Row")
    path.write_bytes(("\n".join(text) + "\n").encode("latin-1"))


def _bad_latitude(path: Path) -> None:
    lines = path.read_text().splitlines()
    for n in (4, 8):  # the file's lines 5 and 9
        lines[n] = lines[n].replace(",51.27,", ",51.27N,")
    path.write_text("\n".join(lines) + "\n")


BAD_FILES = [  # (what is wrong, how to make it, file name ends, row, column, message)
    ("extra header column", lambda p: p.write_text(p.read_text().replace("Context", "Context,Notes", 1)),
     "2025-07-kent-street.csv", 1, "Notes", "not a police.uk column"),
    ("Latin-1 text", _latin1, "2025-07-kent-street.csv", 5, "Location", "not UTF-8"),
    ("UTF-16 text", lambda p: p.write_bytes(p.read_text().encode("utf-16")), "2025-07-kent-street.csv", 1, None,
     "UTF-16"),
    ("month 13", lambda p: shutil.copy(p, p.parent / "2025-13-kent-street.csv"), "2025-13-kent-street.csv", None, None,
     "month 13"),
    ("coordinates not numbers", _bad_latitude, "2025-07-kent-street.csv", 5, "Latitude",
     "'51.27N': not a number (2 rows like it)"),
    ("all outside", lambda p: _all_outside(p),
     "2025-07-kent-street.csv", None, "LSOA name", "none of its"),
]


def _all_outside(path: Path) -> None:
    rows = [("Wealden 001A", "Shoplifting", "Under investigation")] * 500 + [("", "Drugs", "")] * 3
    write_rows(path.parent.parent, path.parent.name, rows)


@pytest.mark.parametrize("what, make, name, row, column, message", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_every_bad_file_is_named_and_changes_nothing(state, police_files, what, make, name, row, column, message):
    import_police_uk(state, [police_files], progress=False)
    before = snapshot(state)
    make(police_files / "2025-07" / "2025-07-kent-street.csv")
    with pytest.raises(DataError) as caught:
        import_police_uk(state, [police_files], progress=False)
    assert caught.value.file.endswith(name), caught.value
    assert message in str(caught.value)
    assert (caught.value.row, caught.value.column) == (row, column), caught.value
    assert snapshot(state) == before
    assert figure(state, "shoplifting", "maidstone", "2025/26", "count") == 96


def test_zip_limits_refuse_a_bomb_before_reading_it(state, police_files, tmp_path):
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        out.write(police_files / "2025-06" / "2025-06-kent-street.csv", "2025-06/2025-06-kent-street.csv")
        header = ",".join(COLUMNS) + "\n"
        out.writestr("2025-07/2025-07-kent-street.csv", header + "x" * 50_000_000)  # about 1,000 to 1
    with pytest.raises(DataError) as caught:
        import_police_uk(state, [bomb], progress=False)
    assert caught.value.file == f"{bomb}:2025-07/2025-07-kent-street.csv" and "compression ratio" in str(caught.value)
    small = dataclasses.replace(state, import_max_bytes=10_000)
    with pytest.raises(DataError) as caught:
        import_police_uk(small, [bomb], progress=False)
    assert caught.value.file == f"{bomb}:2025-06/2025-06-kent-street.csv" and "larger than" in str(caught.value)
    assert not any(p.suffix == ".duckdb" for p in state.state_dir.rglob("*")) if state.state_dir.exists() else True


def test_a_pack_is_self_contained(state, data_copy, tmp_path):
    outside = tmp_path / "elsewhere.csv"
    shutil.copy(data_copy / "facts" / "s3_2_baseline.csv", outside)
    catalog = data_copy / "catalog.csv"
    original = catalog.read_text()
    catalog.write_text(original.replace("facts/s3_2_baseline.csv", "../elsewhere.csv"))
    with pytest.raises(DataError) as caught:
        import_pack(state, data_copy)
    assert caught.value.file == "catalog.csv" and caught.value.column == "file" and "inside the pack" in str(caught.value)
    catalog.write_text(original)
    (data_copy / "facts" / "s3_2_baseline.csv").unlink()
    (data_copy / "facts" / "s3_2_baseline.csv").symlink_to(outside)
    with pytest.raises(DataError) as caught:
        import_pack(state, data_copy)
    assert caught.value.file == "facts/s3_2_baseline.csv" and "symbolic link" in str(caught.value)
    assert not (state.state_dir / "active-pack").exists()


def test_only_catalogued_files_count(data_copy, tmp_path):
    from bot.datapack import fingerprint

    before = fingerprint(data_copy)
    (data_copy / "notes.txt").write_text("a stray file")
    (data_copy / "big.bin").write_bytes(b"\0" * 1_000_000)
    assert fingerprint(data_copy) == before
    _edit = data_copy / "facts" / "s3_2_baseline.csv"
    _edit.write_text(_edit.read_text().replace("37.6", "37.7"))
    assert fingerprint(data_copy) != before


# -- nothing half-applied ---------------------------------------------------------------------------------
KILLER = r"""
import os, signal, sys, shutil, duckdb, pandas
from pathlib import Path
kill_at, counter, copies = int(sys.argv[1]), [0], []

def step(fn):
    def wrapped(*args, **kwargs):
        counter[0] += 1
        if counter[0] == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)  # as a power cut or `kill -9` would, mid-import
        if fn is copyfile and str(args[1]).endswith(".tmp"):  # the incremental build's copy of the served database
            copies.append(counter[0])
        return fn(*args, **kwargs)
    return wrapped

# every step that writes to the state directory
copyfile = shutil.copyfile
os.replace, os.link, os.fsync, shutil.copy2, shutil.copyfile, shutil.rmtree = map(step, (
    os.replace, os.link, os.fsync, shutil.copy2, shutil.copyfile, shutil.rmtree))
duckdb.connect = step(duckdb.connect)
pandas.DataFrame.to_csv = step(pandas.DataFrame.to_csv)
Path.mkdir, Path.write_text, Path.unlink = step(Path.mkdir), step(Path.write_text), step(Path.unlink)
from bot.settings import Settings
from bot.imports import import_police_uk
import_police_uk(Settings.from_env(), [Path(p) for p in sys.argv[2:]], progress=False)
print("copies", *copies)
print("steps", counter[0])
"""


def served_months(state: Settings) -> tuple:
    return tuple(figure(state, "shoplifting", "maidstone", m, "count") for m in ("2025-06", "2025-07", "2025/26"))


def test_an_import_killed_at_any_step_serves_all_old_or_all_new(state, police_files, tmp_path):
    import_police_uk(state, [police_files], progress=False)
    old = served_months(state)
    fixed = tmp_path / "fixed"
    for month in ("2025-06", "2025-07"):
        write_month(fixed, month, extra_rows=6)
    env = {"PATH": os.environ["PATH"], "CRIMEBOT_STATE_DIR": str(state.state_dir)}
    pristine = tmp_path / "pristine"
    shutil.copytree(state.state_dir, pristine, symlinks=True)

    def run(kill_at: int) -> subprocess.CompletedProcess:
        shutil.rmtree(state.state_dir)
        shutil.copytree(pristine, state.state_dir, symlinks=True)
        return subprocess.run([sys.executable, "-c", KILLER, str(kill_at), str(fixed)], capture_output=True, text=True,
                              cwd=PROJECT_ROOT, env=env)

    whole = run(0)
    assert whole.returncode == 0, whole.stderr
    steps = int(whole.stdout.split()[-1])
    new = served_months(state)
    assert old == (8, 8, 96) and new == (14, 14, 108)
    assert steps >= 8
    # built over a copy of the served database: every step from that copy to the switch is a kill point too
    assert build_kind(ensure_database(state.data_dir, state.state_dir)).startswith("the imports' tables over a copy")
    copied = int(whole.stdout.split("copies")[1].split()[0])
    points = sorted({1, 2, steps - 2, steps - 1, steps} | set(range(3, steps - 2, max(1, steps // 8)))
                    | set(range(copied, min(copied + 6, steps))))
    outcomes = set()
    for kill_at in points:
        killed = run(kill_at)
        assert killed.returncode == -9, (kill_at, killed.stderr)
        served = served_months(state)  # the next start: serves one whole state, and cleans up
        assert served in (old, new), (kill_at, served)
        outcomes.add(served)
        imports = state.state_dir / "imports"
        current = (imports / "current").read_text() if (imports / "current").exists() else None
        leftovers = [p.name for p in imports.iterdir() if p.name not in (".lock", "current", current)]
        assert leftovers == [], (kill_at, leftovers)
        assert len(list(state.state_dir.glob("crimebot-*.duckdb"))) == 1, kill_at
        assert not list(state.state_dir.glob("*.tmp*")), kill_at
    assert outcomes == {old, new}  # some kills came before the switch, some after



# -- the incremental build: an import rebuilds only the imports' tables over a copy of the served database -----
def every_table(path: Path) -> dict:
    """Every table of a database: its columns and types, and its rows in a stable order (meta's build time and
    kind left out, which say when and how it was built)."""
    con = connect_readonly(path)
    try:
        tables = {}
        for (name,) in con.execute("SELECT table_name FROM information_schema.tables ORDER BY 1").fetchall():
            rows = con.execute(f'SELECT * FROM "{name}"').fetchall()
            if name == "meta":
                rows = [r for r in rows if r[0] not in ("built_at", "build")]
            tables[name] = (con.execute(f'DESCRIBE "{name}"').fetchall(),
                            sorted(rows, key=lambda r: [(v is None, str(v)) for v in r]))
        return tables
    finally:
        con.close()


def build_kind(path: Path) -> str:
    con = connect_readonly(path)
    try:
        return con.execute("SELECT value FROM meta WHERE key = 'build'").fetchone()[0]
    finally:
        con.close()


def test_an_incremental_import_gives_the_database_a_full_rebuild_gives(state, police_files, tmp_path):
    from bot.database import build, imported_files

    ensure_database(state.data_dir, state.state_dir)  # served before the first import, as after `crimebot ask`
    import_police_uk(state, [police_files], progress=False)
    fixed = tmp_path / "fixed"
    write_month(fixed, "2025-06", extra_rows=6)  # a month imported again: its counts, years and ranks replaced
    estimates = tmp_path / "estimates.csv"
    estimates.write_text("Code,Name,Mid-2024\n" + "".join(f"E0700{i:04d},{d},{100000 + i}\n" for i, d in
                                                           enumerate(SHOPLIFTING)))
    for step in (lambda: None, lambda: import_police_uk(state, [fixed], progress=False),
                 lambda: import_population(state, estimates)):
        step()
        served = ensure_database(state.data_dir, state.state_dir)
        assert build_kind(served).startswith("the imports' tables over a copy of crimebot-")
        full = build(state.data_dir, tmp_path / "full.duckdb", imported_files(state.state_dir))
        assert not full.incremental and build_kind(full.path) == "full"
        incremental, rebuilt = every_table(served), every_table(full.path)
        assert list(incremental) == list(rebuilt) and len(incremental) > 20
        for name in rebuilt:
            assert incremental[name] == rebuilt[name], name
        assert len(incremental["facts"][1]) > len(load_pack(state.data_dir).facts)  # the imports are in it
    assert figure(state, "shoplifting", "maidstone", "2025-06", "count") == 14


@pytest.mark.parametrize("base, pack_edited, incremental", [
    ("served", False, True),  # the same pack, built by the same code: the imports' tables only
    ("served", True, False),  # the pack changed since (its fingerprint): everything rebuilt
    ("none", False, False),  # nothing built before
    ("not a database", False, False),  # not a file this builder wrote
])
def test_only_the_same_pack_is_built_over(state, police_files, data_copy, tmp_path, base, pack_edited, incremental):
    from bot.database import build, imported_files

    state = dataclasses.replace(state, data_dir=data_copy)
    import_police_uk(state, [police_files], progress=False)
    served = ensure_database(state.data_dir, state.state_dir)
    if pack_edited:
        facts = data_copy / "facts" / "s3_1_time_series.csv"
        facts.write_text(facts.read_text().replace("shoplifting,maidstone,2012/13,count,994,",
                                                   "shoplifting,maidstone,2012/13,count,995,"))
    given = {"served": served, "none": None, "not a database": tmp_path / "other.duckdb"}[base]
    (tmp_path / "other.duckdb").write_bytes(b"not a database")
    report = build(state.data_dir, tmp_path / "new.duckdb", imported_files(state.state_dir), base=given)
    assert report.incremental is incremental
    assert build_kind(report.path) == ("full" if not incremental else f"the imports' tables over a copy of {served.name}")
    con = connect_readonly(report.path)
    try:
        assert con.execute("SELECT value FROM facts WHERE indicator = 'shoplifting' AND area = 'maidstone' AND "
                           "period = '2012/13' AND measure = 'count'").fetchone()[0] == (995 if pack_edited else 994)
        assert con.execute("SELECT count(*) FROM facts WHERE table_id = 'police_uk'").fetchone()[0] > 0
    finally:
        con.close()
    assert not list(tmp_path.glob("new.duckdb.*"))  # no copy left behind when it was not built over


def test_an_import_after_the_pack_changed_rebuilds_everything(state, police_files, data_copy):
    state = dataclasses.replace(state, data_dir=data_copy)
    import_police_uk(state, [police_files / "2025-06"], progress=False)
    facts = data_copy / "facts" / "s3_1_time_series.csv"
    facts.write_text(facts.read_text().replace("shoplifting,maidstone,2012/13,count,994,",
                                               "shoplifting,maidstone,2012/13,count,995,"))
    report = import_police_uk(state, [police_files / "2025-07"], progress=False)
    assert build_kind(report.database) == "full"
    assert figure(state, "shoplifting", "maidstone", "2012/13", "count") == 995
    assert figure(state, "shoplifting", "maidstone", "2025-06", "count") == 8
    assert figure(state, "shoplifting", "maidstone", "2025-07", "count") == 8



def test_an_import_over_the_served_database_does_not_load_pandas(state, police_files):
    # pandas takes 0.4 s of CPU to load: the import's look-ups go to DuckDB without it (bot/tables.py)
    ensure_database(state.data_dir, state.state_dir)
    code = ("import sys; from pathlib import Path; from bot.settings import Settings; from bot.imports import "
            "import_police_uk; report = import_police_uk(Settings.from_env(), [Path(sys.argv[1])], progress=False); "
            "print(report.placed, sorted(m for m in ('pandas', 'numpy') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code, str(police_files)], capture_output=True, text=True,
                         cwd=PROJECT_ROOT, env={"PATH": os.environ["PATH"], "CRIMEBOT_STATE_DIR": str(state.state_dir)})
    assert run.returncode == 0, run.stderr
    # every month: the shoplifting, a burglary and 5 ASB placed; Maidstone 2 more shoplifting a month in 2024/25
    assert run.stdout.split() == [str(24 * (sum(SHOPLIFTING.values()) + 1 + 5) + 12 * 2), "[]"]
    assert build_kind(ensure_database(state.data_dir, state.state_dir)).startswith("the imports' tables over a copy")


# -- outcomes continue table 3.2 ---------------------------------------------------------------------------
def test_police_uk_outcome_rate_continues_the_assessments(state, police_files):
    # Maidstone each month: 3 resolved (caution, charge, local resolution) of 8 shoplifting + 1 burglary = 9 crimes
    outcomes = police_files / "2025-06" / "2025-06-kent-outcomes.csv"
    with open(outcomes, "w", newline="") as handle:  # the outcomes file resolves one more June crime: the burglary
        out = csv.writer(handle)
        out.writerow(OUTCOME_COLUMNS)
        burglary = next(r for r in csv.reader(open(police_files / "2025-06" / "2025-06-kent-street.csv"))
                        if r[9] == "Burglary")
        out.writerow([burglary[0], "2025-08", "Kent Police", "Kent Police", "", "", "", "", "", "Suspect charged"])
        out.writerow(["c-unknown", "2025-08", "Kent Police", "Kent Police", "", "", "", "", "", "Suspect charged"])
    report = import_police_uk(state, [police_files], progress=False)
    assert report.outcome_files == 1
    assert figure(state, "police_uk_outcomes", "maidstone", "2025-05", "count") == 3
    assert figure(state, "police_uk_outcome_rate", "maidstone", "2025-05", "percent") == 33.3
    assert figure(state, "police_uk_outcome_rate", "maidstone", "2025-06", "percent") == 44.4  # 4 of 9
    assert figure(state, "police_uk_outcomes", "maidstone", "2025/26", "count") == 37  # 12 x 3 + 1
    assert figure(state, "police_uk_outcome_rate", "maidstone", "2025/26", "percent") == round(37 / 108 * 100, 1)
    assert figure(state, "police_uk_outcome_rate", "thanet", "2025-06", "percent") == 0
    answerer = Answerer.open(state)
    answer = answerer.ask("outcome rate june 2025")
    assert not answer.error, answer.error
    assert answer.headline.startswith("police.uk outcome rate in Maidstone, June 2025: 44.4%"), answer.headline
    assert "a different measure" in answer.notes[0] and "Resolution outcome rate" in answer.notes[0]
    quarter = answerer.ask("outcome rate q1 2025/26")  # added up from the months: 3 x 3 + 1 of 27
    assert quarter.headline.startswith("police.uk outcome rate in Maidstone, Q1 2025/26 (Apr-Jun 2025): 37.0%")
    from bot.digest import Digester, FinancialQuarter

    digest = Digester(answerer).digest(FinancialQuarter.parse("Q1 2025/26"))
    assert any(t.title == "Outcome rate, Maidstone" and "37.0%" in t.rows[0][1] for t in digest.tables)
    assert answerer.ask("spc police.uk outcome rate").series["values"][0] == round(3 / 11 * 100, 1)  # April 2024: 10 + 1 crimes
    # where the assessment has the month, its own measure answers
    assert answerer.ask("outcome rate september 2013").headline.startswith(
        "Resolution outcome rate in Maidstone, September 2013: 31.7%")
    answerer.close()


def _outcomes_file(folder: Path, month: str, street: Path) -> Path:
    """An outcomes file of ``month`` that charges the burglary in the street file ``street``, then cautions it."""
    burglary = next(r for r in csv.reader(open(street)) if r[9] == "Burglary")
    path = folder / f"{month}-kent-outcomes.csv"
    with open(path, "w", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(OUTCOME_COLUMNS)
        for outcome in ("Suspect charged", "Offender given a caution"):
            out.writerow([burglary[0], month, "Kent Police", "Kent Police", "", "", "", "", "", outcome])
    return path


def test_outcomes_imported_apart_from_their_street_files_still_count(state, police_files, tmp_path):
    june = tmp_path / "june"
    shutil.move(police_files / "2025-06", june / "2025-06")
    _outcomes_file(police_files / "2025-08", "2025-08", june / "2025-06" / "2025-06-kent-street.csv")
    import_police_uk(state, [police_files], progress=False)  # every month but June, with August's outcomes
    assert figure(state, "police_uk_outcomes", "maidstone", "2025-06", "count") is None
    report = import_police_uk(state, [june], progress=False)  # June's street file after its outcomes: counted
    assert report.resolved == 3 + 1 and report.outcome_files == 0
    assert figure(state, "police_uk_outcomes", "maidstone", "2025-06", "count") == 4  # the burglary once, not twice
    assert figure(state, "police_uk_outcomes", "maidstone", "2025-05", "count") == 3
    # the other way round, an outcomes file on its own: kept, but the street months imported before keep their
    # counts until their street files are imported again, and the import says so
    outcomes = _outcomes_file(tmp_path, "2025-09", police_files / "2025-07" / "2025-07-kent-street.csv")
    report = import_police_uk(state, [outcomes], progress=False)
    assert report.kept == 1 and "2025-07" in report.outcomes_not_applied and "2025-10" not in report.outcomes_not_applied
    assert report.summary().startswith("Imported 1 outcomes file(s) and no street-level file: the 1 crime(s)")
    assert "import their street files again" in report.summary()
    assert figure(state, "police_uk_outcomes", "maidstone", "2025-07", "count") == 3
    import_police_uk(state, [police_files / "2025-07"], progress=False)  # then July's street file again
    assert figure(state, "police_uk_outcomes", "maidstone", "2025-07", "count") == 4
    assert figure(state, "police_uk_outcomes", "maidstone", "2025-06", "count") == 4  # kept from before


# -- populations by year -------------------------------------------------------------------------------------
ONS_NAMES = {"maidstone": ("E07000110", "Maidstone"), "shepway": ("E07000112", "Folkestone and Hythe"),
             "thanet": ("E07000114", "Thanet")}


def write_estimates(path: Path, years: dict[int, dict[str, int]], wide: bool = True) -> Path:
    """An ONS mid-year estimates file: title lines, then Code, Name, Geography and a column per year (or
    one row per year). Every Kent district and Medway, plus a district outside the pack (Wealden)."""
    population = {r["area"]: int(r["population"]) for r in csv.DictReader(open(PROJECT_ROOT / "data" / "population.csv"))}
    names = {a: ONS_NAMES.get(a, (f"E0700{i:04d}", a.replace("_malling", " and Malling").replace("_", " ").title()))
             for i, a in enumerate(population)}
    with open(path, "w", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["Mid-year population estimates, local authority districts"])
        out.writerow([])
        ordered = sorted(years, reverse=True)
        if wide:
            out.writerow(["Code", "Name", "Geography"] + [f"Mid-{y}" for y in ordered])
        else:
            out.writerow(["Code", "Name", "year", "population"])
        for area, (code, name) in list(names.items()) + [("wealden", ("E07000065", "Wealden"))]:
            values = [years[y].get(area, population.get(area, 160_000)) for y in ordered]
            if wide:
                out.writerow([code, name, "Non-metropolitan District"] + [f"{v:,}" for v in values])
            else:
                for y, v in zip(ordered, values):
                    out.writerow([code, name, y, v])
    return path


@pytest.mark.parametrize("wide", [True, False], ids=["a column per year", "a row per year"])
def test_each_years_rates_and_ranks_use_that_years_population(state, police_files, tmp_path, wide):
    import_police_uk(state, [police_files], progress=False)
    assert figure(state, "shoplifting", "maidstone", "2025/26", "county_rank") == 6  # on the 2011 Census
    # Maidstone grows: 2024 at 190,000 (120 / 190,000 = 0.63), 2025 at 200,000 (96 / 200,000 = 0.48)
    estimates = write_estimates(tmp_path / "ons.csv", {2024: {"maidstone": 190_000}, 2025: {"maidstone": 200_000}},
                                wide)
    areas, years, _ = import_population(state, estimates)
    assert areas == 13 and years == [2024, 2025]  # the 12 districts and Medway (Wealden is not in the pack)
    assert figure(state, "shoplifting", "maidstone", "2025/26", "rate_per_1000") == 0.48
    assert figure(state, "shoplifting", "maidstone", "2024/25", "rate_per_1000") == 0.63
    # 2025/26 ranks by rate: Sevenoaks .21, T&M .30, Maidstone .48 (96 / 200,000), T Wells .42 ... -> 4th
    rates = {a: 12 * n / p for a, n, p in [("sevenoaks", 2, 114893), ("tonbridge_malling", 3, 120805),
                                            ("tunbridge_wells", 4, 115049), ("dartford", 4, 97365),
                                            ("ashford", 5, 117956), ("maidstone", 8, 200_000)]}
    assert figure(state, "shoplifting", "maidstone", "2025/26", "county_rank") == \
        1 + sum(r < rates["maidstone"] for r in rates.values())
    answer = Answerer.open(state).ask("shoplifting maidstone 2025/26")
    assert "200,000, ONS mid-year population estimates (ons.csv); 2025" in " ".join(answer.notes)
    assert figure(state, "shoplifting", "maidstone", "2012/13", "count") == 994  # the assessment's years unchanged


def test_the_nearest_earlier_estimate_is_used_and_said(state, police_files, tmp_path):
    import_police_uk(state, [police_files], progress=False)
    import_population(state, write_estimates(tmp_path / "ons.csv", {2023: {"maidstone": 192_000}}))
    assert figure(state, "shoplifting", "maidstone", "2025/26", "rate_per_1000") == 0.5  # 96 / 192,000
    answer = Answerer.open(state).ask("shoplifting maidstone 2025/26")
    assert "the 2023 figure, the latest at or before 2025" in " ".join(answer.notes)
    bad = tmp_path / "bad.csv"
    bad.write_text("Code,Name,Mid-2024\nE07000110,Maidstone,lots\n")
    with pytest.raises(DataError) as caught:
        import_population(state, bad)
    assert (caught.value.row, caught.value.column) == (2, "Mid-2024") and "not a population" in str(caught.value)
    assert figure(state, "shoplifting", "maidstone", "2025/26", "rate_per_1000") == 0.5
