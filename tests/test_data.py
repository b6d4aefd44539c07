"""The data pack: figures transcribed from the assessment, the data check, and bad input."""
import csv
import json
import subprocess
import sys

import duckdb
import pytest

from bot.database import connect_readonly, ensure_database
from bot.datapack import DataError, load_pack
from bot.settings import PROJECT_ROOT

# (indicator, area, period, measure, value as the text states it) -- a sample across every table
TEXT_FIGURES = [
    ("all_crime", "maidstone", "2010/11", "count", 9354), ("all_crime", "maidstone", "2011/12", "count", 8873),
    ("all_crime", "maidstone", "2012/13", "count", 8296), ("all_crime", "maidstone", "2012/13", "volume_change", -577),
    ("all_crime", "maidstone", "2012/13", "rate_per_1000", 53.2), ("all_crime", "maidstone", "2012/13", "county_rank", 5),
    ("asb", "maidstone", "2010/11", "count", 5254), ("asb", "maidstone", "2012/13", "pct_change", -19.6),
    ("asb", "maidstone", "2012/13", "rate_per_1000", 27.77), ("assault_admissions", "maidstone", "2011/12", "count", 80),
    ("burglary_dwelling", "maidstone", "2012/13", "count", 438), ("burglary_other", "maidstone", "2010/11", "count", 679),
    ("criminal_damage", "maidstone", "2012/13", "count", 1277), ("criminal_damage", "maidstone", "2012/13", "rank_direction", -1),
    ("da_incidents", "maidstone", "2010/11", "count", 1832), ("da_repeat_victims", "maidstone", "2011/12", "count", 451),
    ("da_repeat_pct", "maidstone", "2010/11", "percent", 24.0), ("drug_offences", "maidstone", "2010/11", "count", 501),
    ("drug_offences", "maidstone", "2012/13", "rate_per_1000", 2.66), ("metal_theft", "maidstone", "2012/13", "pct_change", 50.5),
    ("reoffending_gap", "maidstone", "2010/11", "percent", 19.9), ("reoffending_gap", "maidstone", "2011/12", "percent", 8.03),
    ("robbery", "maidstone", "2010/11", "count", 48), ("sexual_offences", "maidstone", "2012/13", "count", 112),
    ("shoplifting", "maidstone", "2012/13", "count", 994), ("shoplifting", "maidstone", "2012/13", "county_rank", 10),
    ("theft_handling", "maidstone", "2010/11", "count", 2983), ("theft_from_vehicle", "maidstone", "2012/13", "rate_per_1000", 3.7),
    ("theft_of_vehicle", "maidstone", "2011/12", "count", 209), ("pedal_cycle_theft", "maidstone", "2012/13", "count", 117),
    ("other_theft", "maidstone", "2012/13", "pct_change", -16.8), ("violent_crime", "maidstone", "2011/12", "count", 1718),
    ("vap", "maidstone", "2012/13", "rate_per_1000", 10.08), ("accidental_fires", "maidstone", "2012/13", "count", 187),
    ("deliberate_fires", "maidstone", "2012/13", "count", 76), ("rtc_casualties", "maidstone", "2010/11", "count", 657),
    ("ksi_all", "maidstone", "2012/13", "county_rank", 11), ("ksi_under16", "maidstone", "2011/12", "count", 5),
    ("ksi_drivers_17_24", "maidstone", "2012/13", "county_rank", 11), ("ksi_65plus", "maidstone", "2011/12", "count", 13),
    ("ksi_p2w", "maidstone", "2010/11", "count", 12), ("ksi_cyclists", "maidstone", "2011/12", "count", 8),
    ("ksi_pedestrians", "maidstone", "2012/13", "pct_change", -38.5),
    ("recorded_crime", "maidstone", "2012-03", "count", 690), ("resolution_outcomes", "maidstone", "2012-06", "count", 278),
    ("outcome_rate", "maidstone", "2012-09", "percent", 44.1), ("outcome_charge", "maidstone", "2013-09", "count", 173),
    ("outcome_caution", "maidstone", "2013-11", "count", 67), ("outcome_tic", "maidstone", "2012-05", "count", 29),
    ("outcome_pnd", "maidstone", "2012-05", "count", 36), ("outcome_fwc", "maidstone", "2013-10", "count", 15),
    ("recorded_crime", "maidstone", "2013-04/2013-12", "count", 6937), ("outcome_rate", "maidstone", "2013-04/2013-12", "percent", 32.4),
    ("perc_vandalism", "maidstone", "2010/11", "percent", 10.4), ("perc_litter", "kent", "2012/13", "percent", 17.5),
    ("perc_fly_tipping", "maidstone", "2012/13", "county_rank", 8), ("perc_speeding", "thanet", "2012/13", "percent", 30.2),
    ("perc_drunk_rowdy", "maidstone", "2011/12", "percent", 7.5), ("perc_drugs", "maidstone", "2012/13", "percent", 5.9),
    ("perc_teenagers", "kent", "2012/13", "percent", 10.6), ("perc_speeding", "tonbridge_malling", "2011/12", "percent", 17.8),
    ("asb", "high_street", "2012/13", "count", 911), ("asb", "fant", "2012/13", "count", 333),
    ("drug_offences", "high_street", "2012/13", "count", 204), ("vap", "shepway_north", "2013-04/2013-09", "count", 137),
    ("rtc_casualties", "boxley", "2012/13", "count", 100), ("unemployment_rate", "high_street", "2013-11", "percent", 4.9),
    ("unemployment_rate", "park_wood", "2012-07", "percent", 7.0), ("unemployed", "great_britain", "2012-07", "count", 1508910),
    ("unemployed", "kent", "2012-07", "count", 28746), ("all_crime", "thanet", "2013-04/2013-09", "volume_change", 937),
    ("all_crime", "kent", "2013-04/2013-09", "volume_change", 4965), ("all_crime", "kent_medway", "2012/13", "volume_change", -3227),
    ("first_time_entrants", "maidstone", "2011-07/2012-06", "count", 85), ("population", "maidstone", "2011", "count", 155200),
    ("imd_rank_national", "thanet", "2010", "rank", 49), ("imd_rank_kent", "shepway", "2010", "rank", 2),
    ("imd_rank_national", "tonbridge_malling", "2007", "rank", 256), ("imd_rank_national", "maidstone", "2010", "rank", 217),
    ("substance_admissions", "maidstone", "2012-06/2013-05", "count", 235),
]


@pytest.mark.parametrize("indicator, area, period, measure, expected", TEXT_FIGURES)
def test_figure_from_the_text_is_in_the_database(settings, answerer, indicator, area, period, measure, expected):
    row = answerer.con.execute("SELECT value, flag FROM figures WHERE indicator = ? AND area = ? AND period = ? "
                               "AND measure = ? AND compared_with IS NULL", [indicator, area, period, measure]).fetchone()
    assert row is not None, f"no figure {indicator} {area} {period} {measure}"
    assert row[0] == pytest.approx(expected)


def test_sample_covers_every_table(answerer):
    assert len(TEXT_FIGURES) >= 60
    tables = {r[0] for r in answerer.con.execute("SELECT DISTINCT table_id FROM figures").fetchall()}
    assert {"s3_1_time_series", "s3_2_outcomes", "s3_3_perceptions", "s5_6_road_safety", "appx2_deprivation",
            "appx2_unemployment", "s1_1_overview", "s1_2_key_facts", "s5_emerging_issues"} <= tables


def test_time_series_has_every_category_and_year(answerer):
    rows = answerer.con.execute("SELECT count(DISTINCT indicator) FROM facts WHERE table_id = 's3_1_time_series'").fetchone()
    assert rows[0] == 29  # the table's 29 rows (the issue counted 27)


def test_future_months_are_left_out_and_recorded(answerer):
    months = {r[0] for r in answerer.con.execute(
        "SELECT period FROM facts WHERE table_id = 's3_2_outcomes' AND period LIKE '2014-%'").fetchall()}
    assert months == set()
    excluded = answerer.con.execute("SELECT row FROM excluded").fetchall()
    assert {r[0] for r in excluded} == {"Jan 14", "Feb 14", "Mar 14"}


@pytest.mark.parametrize("indicator, period, measure, published, stored", [
    ("criminal_damage", "2012/13", "count", "1.277", 1277),
    ("deliberate_fires", "2012/13", "count", "-76", 76),
    ("ksi_65plus", "2012/13", "pct_change", "-225%", -69.2),
    ("vap", "2012/13", "count", "1579", 1570),
    ("recorded_crime", "2012/13", "count", "8986", 8296),
    ("outcome_rate", "2012/13", "percent", "37.4%", 37.6),
    ("ksi_p2w", "2012/13", "count", "13", 12),
    ("ksi_all", "2012/13", "pct_change", "53%", -34.8),
])
def test_corrections_keep_the_published_value_and_a_note(answerer, indicator, period, measure, published, stored):
    rows = answerer.con.execute("SELECT value, published, note FROM facts WHERE indicator = ? AND area = 'maidstone' "
                                "AND period = ? AND measure = ? AND published IS NOT NULL",
                                [indicator, period, measure]).fetchall()
    assert rows, "the correction is not recorded"
    assert all(r[0] == pytest.approx(stored) and r[1] == published and r[2] for r in rows)


def test_data_check_finds_the_documents_own_inconsistencies(settings):
    result = subprocess.run([sys.executable, "-m", "bot.cli", "data", "check", "--format", "json"],
                            capture_output=True, text=True, env={"CRIMEBOT_STATE_DIR": str(settings.state_dir),
                                                                 "PATH": "/usr/bin:/bin"}, cwd=PROJECT_ROOT)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report) == {"tables", "figures", "issues"}
    assert report["figures"] > 700
    for issue in report["issues"]:
        assert {"indicator", "area", "period", "published", "computed", "note"} <= set(issue)
    found = {(i["indicator"], i["period"], i["measure"]) for i in report["issues"] if i["severity"] in ("error", "correction")}
    for expected in [("da_incidents", "2012/13", "rank_direction"), ("all_crime", "2011/12", "rate_per_1000"),
                     ("ksi_65plus", "2012/13", "pct_change"), ("criminal_damage", "2012/13", "count"),
                     ("recorded_crime", "2012/13", "count"), ("vap", "2012/13", "count"),
                     ("all_crime", "2011/12", "pct_change")]:
        assert expected in found, expected
    assert len(found) >= 5


def test_check_recomputes_rather_than_trusting_the_notes(data_copy, tmp_path):
    """Change a count: the check must find the % change that no longer follows from it."""
    path = data_copy / "facts" / "s3_1_time_series.csv"
    text = path.read_text().replace("shoplifting,maidstone,2011/12,count,913,", "shoplifting,maidstone,2011/12,count,900,")
    path.write_text(text)
    from bot.check import check_pack
    issues = check_pack(load_pack(data_copy))
    hits = [i for i in issues if i.indicator == "shoplifting" and i.measure in ("pct_change", "volume_change")
            and i.table == "s3_1_time_series"]
    assert {i.measure for i in hits} == {"pct_change", "volume_change"}


def test_ytd_figures_follow_from_the_monthly_data(answerer):
    rows = dict(answerer.con.execute("""
        SELECT p.start >= '2013-01-01', sum(f.value) FROM figures f JOIN periods p ON p.id = f.period
        WHERE f.indicator = 'recorded_crime' AND p.kind = 'month'
          AND (p.start BETWEEN '2012-04-01' AND '2012-09-30' OR p.start BETWEEN '2013-04-01' AND '2013-09-30')
        GROUP BY 1""").fetchall())
    assert rows[True] - rows[False] == 602
    assert round((rows[True] - rows[False]) / rows[False] * 100, 1) == 14.9


def _edit(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


@pytest.mark.parametrize("file, old, new, column, message", [
    ("facts/s3_1_time_series.csv", "indicator,area,period,measure,value,", "indicator,area,period,measure,amount,",
     "value", "missing column"),
    ("facts/s3_1_time_series.csv", "shoplifting,maidstone,2012/13,count,994,", "shoplifting,maidstone,2012/13,count,99x,",
     "value", "not a number"),
    ("facts/s3_1_time_series.csv", "shoplifting,maidstone,2012/13,count,994,", "shopliftin,maidstone,2012/13,count,994,",
     "indicator", "unknown indicator"),
    ("facts/s3_1_time_series.csv", "shoplifting,maidstone,2012/13,count,994,", "shoplifting,maidstown,2012/13,count,994,",
     "area", "unknown area"),
    ("facts/s3_1_time_series.csv", "shoplifting,maidstone,2012/13,count,994,", "shoplifting,maidstone,2011/12,count,994,",
     "value", "duplicate figure"),
    ("areas.csv", "fant,Fant,ward,maidstone,,", "fant,Fant,ward,maidstone,,\nfant,Fant again,ward,maidstone,,",
     "id", "duplicate key"),
    ("periods.csv", "2012/13,financial_year,2012-04-01", "2012/13,financial_year,2012-13-01", "start", "not a date"),
])
def test_bad_csv_fails_naming_file_row_column_and_keeps_the_old_database(data_copy, tmp_path, file, old, new,
                                                                         column, message):
    state = tmp_path / "state"
    database = ensure_database(data_copy, state)
    before = database.read_bytes()
    _edit(data_copy / file, old, new)
    with pytest.raises(DataError) as caught:
        ensure_database(data_copy, state)
    assert caught.value.file == file and caught.value.column == column and message in str(caught.value)
    assert caught.value.row is not None
    assert database.read_bytes() == before
    assert sorted(state.iterdir()) == [database]


def test_cli_names_the_fault_and_exits_non_zero(data_copy, tmp_path):
    _edit(data_copy / "facts" / "s3_3_perceptions.csv", "perc_litter,maidstone,2010/11,percent,19.8",
          "perc_litter,maidstone,2010/11,percent,19,8")
    result = subprocess.run([sys.executable, "-m", "bot.cli", "data", "check"], capture_output=True, text=True,
                            cwd=PROJECT_ROOT, env={"CRIMEBOT_DATA_DIR": str(data_copy),
                                                   "CRIMEBOT_STATE_DIR": str(tmp_path / "s"), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 2
    assert "facts/s3_3_perceptions.csv, row" in result.stderr and "Traceback" not in result.stderr


def test_database_rebuilds_when_data_changes(data_copy, tmp_path):
    first = ensure_database(data_copy, tmp_path)
    built_at = first.stat().st_mtime_ns
    assert ensure_database(data_copy, tmp_path) == first and first.stat().st_mtime_ns == built_at
    _edit(data_copy / "facts" / "s3_2_baseline.csv", "37.6", "37.7")
    second = ensure_database(data_copy, tmp_path)
    assert second != first and second.exists() and not first.exists()
    con = connect_readonly(second)
    assert 37.7 in {r[0] for r in con.execute("SELECT value FROM facts WHERE indicator = 'outcome_rate' "
                                              "AND period = '2012/13' AND area = 'maidstone'").fetchall()}
    con.close()


def test_serving_connection_is_read_only_and_closed_to_files(answerer):
    with pytest.raises(duckdb.Error):
        answerer.con.execute("DELETE FROM facts")
    with pytest.raises(duckdb.Error):
        answerer.con.execute("SELECT * FROM read_csv('/etc/passwd')")
    with pytest.raises(duckdb.Error):
        answerer.con.execute("SET enable_external_access = true")


def test_every_csv_is_utf8_and_tidy():
    for path in (PROJECT_ROOT / "data").rglob("*.csv"):
        rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
        assert all(len(r) == len(rows[0]) for r in rows), path
