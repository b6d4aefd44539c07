"""police.uk imports and data packs: counts, rates and ranks worked by hand; re-imports; faults change nothing."""
import csv
import dataclasses
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from bot.answer import Answerer
from bot.database import connect_readonly, ensure_database
from bot.datapack import load_pack, DataError
from bot.imports import import_pack, import_police_uk
from bot.police_uk import COLUMNS
from bot.settings import PROJECT_ROOT, Settings

# Shoplifting per month in each district: 2024/25 and 2025/26 the same except Maidstone (10, then 8).
SHOPLIFTING = {"Ashford": 5, "Canterbury": 9, "Dartford": 4, "Dover": 6, "Gravesham": 7, "Maidstone": 8,
               "Sevenoaks": 2, "Folkestone and Hythe": 6, "Swale": 10, "Thanet": 12, "Tonbridge and Malling": 3,
               "Tunbridge Wells": 4, "Medway": 20}
MONTHS = [f"{y}-{m:02d}" for y, m in [(2024, m) for m in range(4, 13)] + [(2025, m) for m in range(1, 13)]
          + [(2026, m) for m in range(1, 4)]]


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

        def row(lsoa_code, lsoa_name, crime_type):
            nonlocal n
            n += 1
            out.writerow([f"c{month}{n}", month, "Kent Police", "Kent Police", "0.52", "51.27", "On or near High Street",
                          lsoa_code, lsoa_name, crime_type_override if n == 7 and crime_type_override else crime_type,
                          "Under investigation", ""])

        for i, (district, per_month) in enumerate(SHOPLIFTING.items()):
            count = 10 if district == "Maidstone" and month < "2025-04" else per_month
            for _ in range(count + (extra_rows if district == "Maidstone" else 0)):
                row(f"E0100{i:04d}", f"{district} 0{i:02d}A", "Shoplifting")
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
    broken = tmp_path / "broken"
    shutil.copytree(data_copy, broken)
    (broken / "areas.csv").write_text((broken / "areas.csv").read_text().replace("maidstone,Maidstone,", "maidstone,,"))
    before = (state.state_dir / "active-pack").read_text()
    with pytest.raises(DataError) as caught:
        import_pack(state, broken)
    assert caught.value.file == "areas.csv" and caught.value.column == "name"
    assert (state.state_dir / "active-pack").read_text() == before


def test_an_indicator_without_the_year_points_to_the_one_that_has_it(state, police_files):
    import_police_uk(state, [police_files], progress=False)
    answerer = Answerer.open(state)
    answer = answerer.ask("burglary maidstone 2025/26")  # "burglary" is the assessment's burglary dwelling
    assert answer.error and "For 2025/26 (April 2025 to March 2026) the data has: Burglary (dwelling and other)" in \
        answer.error["message"]
    suggestion = answer.error["suggestions"][0]
    assert suggestion == "all burglary 2025/26"
    assert answerer.ask(suggestion).headline.startswith("Burglary (dwelling and other) in Maidstone, 2025/26: 12 crimes")
    answerer.close()
