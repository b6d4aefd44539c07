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
    # the figures that live only in the prose (issue 16)
    ("kent_crime_spc_lower", "kent_medway", "2011-10", "count", 102000),
    ("kent_crime_spc_upper", "kent_medway", "2013-03", "count", 98000),
    ("kent_crime_spc_band", "kent_medway", "2012-02", "count", 5000),
    ("kcvs_sample_size", "kent_medway", "2012/13", "count", 3000), ("kcvs_sample_size", "maidstone", "2012/13", "count", 216),
    ("kcvs_sample_size", "medway", "2012/13", "count", 408),
    ("assault_admissions_male_pct", "maidstone", "2012/13", "percent", 85),
    ("assault_admissions_female_pct", "maidstone", "2012/13", "percent", 15),
    ("nte_value", "maidstone", "2012/13", "count", 75), ("nte_jobs", "maidstone", "2012/13", "count", 1500),
    ("town_centre_shops", "maidstone", "2012/13", "count", 700), ("town_centre_jobs", "maidstone", "2012/13", "count", 4400),
    ("borough_hectares", "maidstone", "2012/13", "count", 40000),
    ("da_reporting_pct", "maidstone", "2012/13", "percent", 56), ("ksi_all", "maidstone", "1994-1998", "average_per_year", 115),
    ("asb", "maidstone", "2012/13", "named_wards_share_pct", 36),
    ("da_incidents", "park_wood", "2012/13", "named_hotspot", 1), ("asb", "east", "2012/13", "named_hotspot", 1),
    ("substance_admissions", "north", "2012-06/2013-05", "named_hotspot", 1),
    ("ksi_pedestrians", "bridge", "2011-01/2013-12", "named_hotspot", 1),
    ("imd_rank_national", "bearsted", "2010", "named_lowest", 1),
    # corrections re-judged (issue 16): kept as printed, the disagreement recorded by the check
    ("da_incidents", "maidstone", "2012/13", "rate_per_1000", 14.20),
    ("da_repeat_victims", "maidstone", "2012/13", "rate_per_1000", 3.45),
    ("theft_handling", "maidstone", "2012/13", "rate_per_1000", 17.41), ("ksi_p2w", "maidstone", "2012/13", "count", 13),
    ("all_crime", "maidstone", "2011/12", "pct_change", -12.9),
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
    excluded = answerer.con.execute("SELECT row FROM excluded WHERE \"table\" = 's3_2_outcomes'").fetchall()
    assert {r[0] for r in excluded} == {"Jan 14", "Feb 14", "Mar 14"}


# Every stored correction and the two parts of the document that agree on the stored value (README: corrections)
CORRECTIONS = [
    ("criminal_damage", "2012/13", "count", "1.277", 1277),
    ("drug_offences", "2012/13", "rate_per_1000", "2.666", 2.66),
    ("deliberate_fires", "2012/13", "count", "-76", 76),
    ("ksi_65plus", "2012/13", "pct_change", "-225%", -69.2),
    ("vap", "2012/13", "count", "1579", 1570),
    ("recorded_crime", "2012/13", "count", "8986", 8296),
    ("resolution_outcomes", "2012/13", "count", "3363", 3116),
    ("outcome_rate", "2012/13", "percent", "37.4%", 37.6),
    ("outcome_charge", "2012/13", "count", "1668", 1562),
    ("outcome_caution", "2012/13", "count", "671", 621),
    ("outcome_tic", "2012/13", "count", "238", 211),
    ("outcome_pnd", "2012/13", "count", "315", 284),
    ("outcome_fwc", "2012/13", "count", "88", 79),
]


@pytest.mark.parametrize("indicator, period, measure, published, stored", CORRECTIONS)
def test_corrections_keep_the_published_value_and_a_note(answerer, indicator, period, measure, published, stored):
    rows = answerer.con.execute("SELECT value, published, note FROM facts WHERE indicator = ? AND area = 'maidstone' "
                                "AND period = ? AND measure = ? AND published IS NOT NULL",
                                [indicator, period, measure]).fetchall()
    assert rows, "the correction is not recorded"
    assert all(r[0] == pytest.approx(stored) and r[1] == published and r[2] for r in rows)
    # the rule: two independent parts of the document agree on the stored value, and the note names them
    assert all("Two parts agree" in r[2] or "Two sums agree" in r[2] for r in rows)


def test_every_stored_correction_is_one_the_rule_allows(answerer):
    """No correction beyond the list above: a figure only one part of the document contradicts stays as printed."""
    stored = {(r[0], r[1], r[2]) for r in answerer.con.execute(
        "SELECT indicator, period, measure FROM facts WHERE published IS NOT NULL").fetchall()}
    assert stored == {(c[0], c[1], c[2]) for c in CORRECTIONS}


@pytest.mark.parametrize("indicator, period, measure, compared_with, printed", [
    ("da_incidents", "2012/13", "rate_per_1000", None, 14.20),
    ("da_repeat_victims", "2012/13", "rate_per_1000", None, 3.45),
    ("theft_handling", "2012/13", "rate_per_1000", None, 17.41),
    ("ksi_p2w", "2012/13", "count", None, 13),
    ("all_crime", "2011/12", "pct_change", None, -12.9),
    ("ksi_all", "2012/13", "pct_change", "2008", -53),
])
def test_a_correction_on_one_part_alone_is_reverted_to_the_printed_figure(answerer, indicator, period, measure,
                                                                            compared_with, printed):
    rows = answerer.con.execute("SELECT value, published FROM facts WHERE indicator = ? AND area = 'maidstone' "
                                "AND period = ? AND measure = ? AND compared_with IS NOT DISTINCT FROM ?",
                                [indicator, period, measure, compared_with]).fetchall()
    assert rows and all(r[0] == pytest.approx(printed) and r[1] is None for r in rows)
    notes = answerer.con.execute("SELECT severity FROM figure_notes WHERE indicator = ? AND period = ?",
                                 [indicator, period]).fetchall()
    assert ("error",) in notes, "the disagreement is recorded beside the figure"


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
    # the printed +81 and +8.9% agree with each other and disagree with the new level in the same way: one issue
    assert len(hits) == 1 and hits[0].severity == "error"
    assert all(s in hits[0].note for s in ("+81", "+8.9%", "900", "994"))


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


# -- issue 16: what the data check must find, and the figures from the prose -------------------------------
@pytest.fixture(scope="module")
def report(settings):
    """`crimebot data check --format json`, run once."""
    result = subprocess.run([sys.executable, "-m", "bot.cli", "data", "check", "--format", "json"],
                            capture_output=True, text=True, env={"CRIMEBOT_STATE_DIR": str(settings.state_dir),
                                                                 "PATH": "/usr/bin:/bin"}, cwd=PROJECT_ROOT)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["issues"]


def _about(report, indicator=None, rule=None, severity=None):
    return [i for i in report if (indicator is None or i["indicator"] == indicator) and (rule is None or i["rule"] == rule)
            and (severity is None or i["severity"] == severity)]


def test_rates_with_one_other_denominator_are_one_issue(report):
    da = _about(report, rule="rate", indicator="da_incidents")
    assert len(da) == 1 and not _about(report, rule="rate", indicator="da_repeat_victims")
    assert all(s in da[0]["note"] for s in ("One cause", "14.20", "3.45", "126,000", "122,000", "14.66", "3.57"))
    older = _about(report, rule="rate", indicator="all_crime")
    older = [i for i in older if i["period"] == "2011/12"]
    assert len(older) == 1 and not [i for i in _about(report, rule="rate", indicator="asb") if i["period"] == "2011/12"]
    assert all(s in older[0]["note"] for s in ("54.4", "32.9", "163,000", "155,800"))
    theft = _about(report, rule="rate", indicator="theft_handling")
    assert len(theft) == 1 and "One cause" not in theft[0]["note"] and "17.41" in theft[0]["note"]


def test_ksi_rates_per_10000_are_noted_on_both_rows(report, answerer):
    ksi = _about(report, rule="rate", indicator="ksi_drivers_17_24")
    assert len(ksi) == 1 and "per 10,000" in ksi[0]["note"] and "0.32" in ksi[0]["note"] and "0.25" in ksi[0]["note"]
    for indicator in ("ksi_drivers_17_24", "ksi_65plus"):
        notes = [r[0] for r in answerer.con.execute("SELECT note FROM figure_notes WHERE indicator = ? AND period = '2012/13'",
                                                    [indicator]).fetchall()]
        assert any("per 10,000" in n for n in notes), indicator


def test_a_change_against_both_levels_is_one_issue(report):
    p2w = _about(report, indicator="ksi_p2w")
    assert len(p2w) == 1 and p2w[0]["severity"] == "error"
    assert all(s in p2w[0]["note"] for s in ("+5", "+71.4%", "13", "+85.7%"))


def test_a_misprint_in_two_tables_is_one_issue(report):
    ksi = [i for i in _about(report, indicator="ksi_all", rule="change") if i["published"] == "-53"]
    assert len(ksi) == 1 and ksi[0]["section"] == "1.2, 5.2-5.6"


@pytest.mark.parametrize("rule, words", [
    ("weekday", ["19 June 2014 was a Thursday", "24 June 2014 a Tuesday", "swapped"]),
    ("whole", ["15.6%", "85", "13.26", "not a whole number"]),
    ("rank basis", ["Footnote 5", "per 1,000", "Accidental fires", "Deliberate fires",
                    "Road traffic collisions", "KSI casualties - all ages"]),
])
def test_check_computes_what_it_can(report, rule, words):
    found = _about(report, rule=rule)
    assert len(found) == 1, found
    assert all(w in found[0]["note"] for w in words), found[0]["note"]


def test_three_asb_wards_share_is_recomputed(report):
    share = _about(report, indicator="asb", rule="share")
    assert len(share) == 1 and share[0]["published"] == "36" and round(share[0]["computed"], 1) == 36.7


@pytest.mark.parametrize("section, indicator, words", [
    ("Appendix 2", "unemployed_18_24_pct", ["majority", "27.3%"]),
    ("5.2.1", "da_repeat_pct", ["repeat incidents", "repeat victims"]),
    ("5.2.1", "da_incidents", ["16", "18+"]),
    ("5.6", "perc_speeding", ["2013", "2012/13", "26.9%"]),
    ("5.6", "ksi_pedestrians", ["Bridge East", "Bridge", "East"]),
])
def test_textual_inconsistencies_are_errata(report, section, indicator, words):
    errata = [i for i in _about(report, indicator=indicator, rule="erratum") if i["section"] == section]
    assert len(errata) == 1
    assert all(w in errata[0]["published"] + errata[0]["note"] for w in words)


def test_data_check_prints_empty_fields_as_empty(settings):
    result = subprocess.run([sys.executable, "-m", "bot.cli", "data", "check"], capture_output=True, text=True,
                            env={"CRIMEBOT_STATE_DIR": str(settings.state_dir), "PATH": "/usr/bin:/bin"},
                            cwd=PROJECT_ROOT)
    assert result.returncode == 0, result.stderr
    assert "nan" not in result.stdout.split() and " nan" not in result.stdout
    assert "[5.1.5] England v Uruguay" in result.stdout


def test_weekday_check_uses_the_calendar(data_copy):
    from bot.check import check_pack
    _edit(data_copy / "events.csv", "2014-06-14,Saturday", "2014-06-14,Friday")
    _edit(data_copy / "events.csv", "2014-06-19,Tuesday", "2014-06-19,Thursday")
    _edit(data_copy / "events.csv", "2014-06-24,Thursday", "2014-06-24,Tuesday")
    found = [i for i in check_pack(load_pack(data_copy)) if i.rule == "weekday"]
    assert len(found) == 1 and "14 June 2014 was a Saturday, not a Friday" in found[0].note


def test_rate_grouping_follows_the_denominator(data_copy):
    """State the denominator both DA rates imply, and the DA rate disagreement goes away."""
    from bot.check import check_pack
    _edit(data_copy / "denominators.csv", "maidstone,adults,2012/13,122000", "maidstone,adults,2012/13,125950")
    found = [i for i in check_pack(load_pack(data_copy)) if i.rule == "rate" and i.indicator.startswith("da_")]
    assert found == []


# the new facts files and the passages each holds
NEW_FILES = {
    "s1_1_1_spc_chart": ("1.1.1", {"kent_crime_spc_lower", "kent_crime_spc_upper", "kent_crime_spc_band"}),
    "s3_3_1_survey": ("3.3.1", {"kcvs_sample_size"}),
    "s5_hotspot_wards": ("5.2.1-5.6", {"da_incidents", "asb", "substance_admissions", "ksi_pedestrians"}),
    "appx2_place": ("Appendix 2", {"nte_value", "nte_jobs", "town_centre_shops", "town_centre_cafes_restaurants",
                                   "town_centre_jobs", "borough_hectares", "imd_rank_national"}),
}


@pytest.mark.parametrize("table", sorted(NEW_FILES))
def test_new_facts_file_is_catalogued_and_in_the_database(answerer, table):
    section, indicators = NEW_FILES[table]
    entry = answerer.con.execute("SELECT section, file FROM catalog WHERE table_id = ?", [table]).fetchone()
    assert entry == (section, f"facts/{table}.csv")
    found = {r[0] for r in answerer.con.execute("SELECT DISTINCT indicator FROM figures WHERE table_id = ?",
                                                [table]).fetchall()}
    assert found == indicators
    unnoted = answerer.con.execute("SELECT count(*) FROM facts WHERE table_id = ? AND (note IS NULL OR note = '')",
                                   [table]).fetchone()[0]
    assert unnoted == 0, "every prose figure quotes its passage"


def test_survey_samples_add_up_to_the_overall_sample(answerer):
    rows = dict(answerer.con.execute("""
        SELECT a.type, sum(f.value) FROM figures f JOIN areas a ON a.id = f.area
        WHERE f.indicator = 'kcvs_sample_size' GROUP BY a.type""").fetchall())
    assert rows == {"district": 12 * 216, "unitary": 408, "force": 3000}
    assert rows["district"] + rows["unitary"] == rows["force"]


@pytest.mark.parametrize("indicator, wards", [
    ("da_incidents", {"Park Wood", "Shepway North", "High Street"}),
    ("asb", {"High Street", "Shepway North", "Fant", "Park Wood", "East"}),
    ("substance_admissions", {"Fant", "North"}),
    ("ksi_pedestrians", {"High Street", "Bridge", "East", "Park Wood"}),
    ("imd_rank_national", {"Park Wood", "Shepway North", "Shepway South", "High Street"}),
])
def test_wards_named_as_hotspots_come_from_the_wards_query(answerer, indicator, wards):
    frame = answerer.run("wards", indicator=indicator)
    named = frame[frame.measure == "named_hotspot"]
    assert set(named.ward) == wards
    assert all(isinstance(n, str) and n for n in named.note)


def test_a_figure_for_a_span_of_months_says_so(answerer):
    rows = answerer.con.execute("""
        SELECT f.indicator, p.label, i.period_note FROM figures f JOIN periods p ON p.id = f.period
        JOIN indicators i ON i.id = f.indicator
        WHERE f.indicator IN ('substance_admissions', 'assault_admissions_male_pct', 'assault_admissions_female_pct')
          AND f.area = 'maidstone'""").fetchall()
    assert ("substance_admissions", "June 2012 to May 2013", "June to May") in rows
    assert all("June to May" in (label + (note or "")) for _, label, note in rows)


def test_national_context_left_out_is_listed_with_a_reason(answerer):
    rows = answerer.con.execute("SELECT row, published, reason FROM excluded").fetchall()
    text = " ".join(" ".join(r) for r in rows)
    for passage in ("£13 billion", "£8.5 to £11 billion", "13,000 hospital admissions", "60,797", "35 occurrences"):
        assert passage in text, passage
    assert all(r[2] for r in rows)
