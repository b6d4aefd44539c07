"""The command language: phrasings partners use, checked against the data; hostile text; the query gate."""
import json
import shutil
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from bot.queries import QueryRejected, gate, load_queries, schema_of
from bot.settings import PROJECT_ROOT

# (text, kind, indicator, area, period, words the answer must contain)
PHRASINGS = [
    ("shoplifting maidstone 2012/13", "figure", "shoplifting", "Maidstone", "2012/13", ["994", "+81", "+8.9%", "6.38", "10 of 12", "declined"]),
    ("shoplifting 2012-13", "figure", "shoplifting", "Maidstone", "2012/13", ["994"]),
    ("shoplifting 2012/2013", "figure", "shoplifting", "Maidstone", "2012/13", ["994"]),
    ("shoplifting 12/13", "figure", "shoplifting", "Maidstone", "2012/13", ["994"]),
    ("shoplifting FY2012/13", "figure", "shoplifting", "Maidstone", "2012/13", ["994"]),
    ("shoplifting fy 12-13", "figure", "shoplifting", "Maidstone", "2012/13", ["994"]),
    ("2012/13 shoplifting", "figure", "shoplifting", "Maidstone", "2012/13", ["994"]),
    ("Shoplifting in Maidstone for 2011/12", "figure", "shoplifting", "Maidstone", "2011/12", ["913"]),
    ("shopliftng 2012/13", "figure", "shoplifting", "Maidstone", "2012/13", ["994", "Read 'shopliftng' as 'Shoplifting'"]),
    ("shop theft", "figure", "shoplifting", "Maidstone", None, ["994"]),
    ("asb 2011-12", "figure", "asb", "Maidstone", "2011/12", ["5,382", "32.9"]),
    ("ASB", "figure", "asb", "Maidstone", None, ["4,326", "-1,056", "-19.6%", "27.77"]),
    ("anti social behaviour 2010/11", "figure", "asb", "Maidstone", "2010/11", ["5,254"]),
    ("antisocial behaviour", "figure", "asb", "Maidstone", None, ["4,326"]),
    ("DA repeat victims", "figure", "da_repeat_victims", "Maidstone", None, ["435", "-16", "3.45", "126,000"]),
    ("da", "figure", "da_incidents", "Maidstone", None, ["1,788", "-79", "-4.2%", "14.20", "unchanged"]),
    ("dv 2011/12", "figure", "da_incidents", "Maidstone", "2011/12", ["1,867"]),
    ("domestic abuse", "figure", "da_incidents", "Maidstone", None, ["1,788", "Published arrow"]),
    ("da % repeat", "figure", "da_repeat_pct", "Maidstone", None, ["24.3%", "+0.1"]),
    ("ksi pedestrians", "figure", "ksi_pedestrians", "Maidstone", None, ["8", "-5", "-38.5%", "=11"]),
    ("ksi cyclists", "figure", "ksi_cyclists", "Maidstone", None, ["4", "-50%"]),
    ("powered two wheelers", "figure", "ksi_p2w", "Maidstone", None, ["13", "+5", "+71.4%", "+85.7%"]),
    ("ksi", "figure", "ksi_all", "Maidstone", None, ["58", "-1", "11 of 12"]),
    ("ksi 65+", "figure", "ksi_65plus", "Maidstone", None, ["-69.2%", "Printed -225%", "January to September"]),
    ("young drivers", "figure", "ksi_drivers_17_24", "Maidstone", None, ["5", "=11"]),
    ("rtc", "figure", "rtc_casualties", "Maidstone", None, ["666", "+26", "12 of 12"]),
    ("road casualties 2010/11", "figure", "rtc_casualties", "Maidstone", "2010/11", ["657"]),
    ("burglary dwelling last year", "figure", "burglary_dwelling", "Maidstone", None, ["438", "6.90", "households"]),
    ("burglary dwelling latest", "figure", "burglary_dwelling", "Maidstone", None, ["438"]),
    ("burglary dwelling previous year", "figure", "burglary_dwelling", "Maidstone", "2011/12", ["431"]),
    ("burglery", "figure", "burglary_dwelling", "Maidstone", None, ["438"]),
    ("burglary other", "figure", "burglary_other", "Maidstone", None, ["639"]),
    ("criminal damage", "figure", "criminal_damage", "Maidstone", None, ["1,277", "Printed '1.277'"]),
    ("robbery 2010/11", "figure", "robbery", "Maidstone", "2010/11", ["48"]),
    ("robery", "figure", "robbery", "Maidstone", None, ["47", "Read 'robery'"]),
    ("sexual offences", "figure", "sexual_offences", "Maidstone", None, ["112", "-13.2%"]),
    ("drug offences", "figure", "drug_offences", "Maidstone", None, ["415", "2.66", "10 of 12"]),
    ("drugs 2011-12", "figure", "drug_offences", "Maidstone", "2011/12", ["422", "11"]),
    ("metal theft", "figure", "metal_theft", "Maidstone", None, ["274", "+50.5%"]),
    ("theft", "figure", "theft_handling", "Maidstone", None, ["2,638", "17.41", "recomputed 16.93"]),
    ("theft from a motor vehicle", "figure", "theft_from_vehicle", "Maidstone", None, ["577", "+47"]),
    ("tfmv 2011/12", "figure", "theft_from_vehicle", "Maidstone", "2011/12", ["530", "6"]),
    ("car theft", "figure", "theft_of_vehicle", "Maidstone", None, ["167", "-42", "-20.1%"]),
    ("bike theft", "figure", "pedal_cycle_theft", "Maidstone", None, ["117"]),
    ("other theft", "figure", "other_theft", "Maidstone", None, ["1,527", "-308"]),
    ("violent crime", "figure", "violent_crime", "Maidstone", None, ["1,729", "+11"]),
    ("vap", "figure", "vap", "Maidstone", None, ["1,570", "Printed 1,579"]),
    ("VATP 2010/11", "figure", "vap", "Maidstone", "2010/11", ["1,508"]),
    ("violence against the person 2011-12", "figure", "vap", "Maidstone", "2011/12", ["1,543"]),
    ("deliberate fires", "figure", "deliberate_fires", "Maidstone", None, ["76", "-102", "-57.3%"]),
    ("accidental fires", "figure", "accidental_fires", "Maidstone", None, ["187"]),
    ("assault admissions", "figure", "assault_admissions", "Maidstone", None, ["59", "June to May"]),
    ("all crime", "figure", "all_crime", "Maidstone", None, ["8,296", "-577", "-6.5%", "53.2"]),
    ("all crime 2012/2013", "figure", "all_crime", "Maidstone", "2012/13", ["8,296"]),
    ("all crime 2011/12", "figure", "all_crime", "Maidstone", "2011/12", ["8,873", "-12.9%", "recomputed -5.1"]),
    ("all crime apr-sep 2013", "figure", "all_crime", "Maidstone", "2013-04/2013-09", ["+602", "+14.9%"]),
    ("all crime april to september 2013", "figure", "all_crime", "Maidstone", "2013-04/2013-09", ["+602"]),
    ("Q2 2013/14 all crime", "figure", "all_crime", "Maidstone", "2013/14 Q2", ["+481"]),
    ("all crime 2013/14 q2", "figure", "all_crime", "Maidstone", "2013/14 Q2", ["+481"]),
    ("thanet all crime", "figure", "all_crime", "Thanet", None, ["+937", "+18.7%", "44.32"]),
    ("re-offending", "figure", "reoffending_gap", "Maidstone", None, ["-5.22%"]),
    ("ppo 2010/11", "figure", "reoffending_gap", "Maidstone", "2010/11", ["19.9%"]),
    ("outcome rate september 2013", "figure", "outcome_rate", "Maidstone", "2013-09", ["31.7%", "44.1%"]),
    ("outcome rate sep 2013", "figure", "outcome_rate", "Maidstone", "2013-09", ["31.7%"]),
    ("outcome rate 2013-09", "figure", "outcome_rate", "Maidstone", "2013-09", ["31.7%"]),
    ("outcome rate sep-13", "figure", "outcome_rate", "Maidstone", "2013-09", ["31.7%"]),
    ("outcome rate sept 2012", "figure", "outcome_rate", "Maidstone", "2012-09", ["44.1%"]),
    ("outcome rate 2012/13", "figure", "outcome_rate", "Maidstone", "2012/13", ["37.6%", "37.4%"]),
    ("outcomes apr-dec 2013", "figure", "resolution_outcomes", "Maidstone", "2013-04/2013-12", ["2,248"]),
    ("recorded crime march 2012", "figure", "recorded_crime", "Maidstone", "2012-03", ["690"]),
    ("charges december 2013", "figure", "outcome_charge", "Maidstone", "2013-12", ["134"]),
    ("vandalism perception", "figure", "perc_vandalism", "Maidstone", None, ["5.4%", "9.9%"]),
    ("speeding 2011/12", "figure", "perc_speeding", "Maidstone", "2011/12", ["26.1%"]),
    ("teenagers hanging around", "figure", "perc_teenagers", "Maidstone", None, ["8.1%", "10.6"]),
    ("fly tipping", "figure", "perc_fly_tipping", "Maidstone", None, ["10.2%"]),
    ("drug offences high street", "figure", "drug_offences", "High Street", None, ["204", "20.9"]),
    ("asb park wood", "figure", "asb", "Park Wood", None, ["342"]),
    ("unemployment high street", "figure", "unemployment_rate", "High Street", None, ["4.9%"]),
    ("unemployment", "figure", "unemployment_rate", "Maidstone", None, ["1.8%"]),
    ("rank changes", "rank_changes", None, None, None, ["improved", "Burglary - dwelling", "Published arrow"]),
    ("ranks 2012/13", "rank_changes", None, None, "2012/13", ["Theft & handling stolen goods", "declined"]),
    ("ranking changes maidstone", "rank_changes", None, "Maidstone", None, ["All crime"]),
    ("priority road safety", "priority", None, None, None, ["Road Safety Sub-Group", "KSI car drivers aged 17-24", "Boxley"]),
    ("priority violent crime", "priority", None, None, None, ["Domestic Violence Forum", "1,788", "High Street"]),
    ("priority substance misuse", "priority", None, None, None, ["Substance Misuse Sub-Group", "415", "235"]),
    ("priority asb", "priority", None, None, None, ["ASB Sub-Group", "4,326", "911", "vandalism"]),
    ("priority reoffending", "priority", None, None, None, ["Reducing Re-offending Sub-Group", "85"]),
    ("priority shoplifting", "priority", None, None, None, ["Task and Finish", "994"]),
    ("priorities", "priority", None, None, None, ["Violent Crime", "Road Safety", "cross cutting", "Task and Finish"]),
    ("asb wards", "wards", "asb", None, None, ["High Street", "911", "Park Wood", "342", "Fant", "333"]),
    ("wards", "wards", None, None, None, ["High Street", "545", "Boxley"]),
    ("vap hotspots", "wards", "vap", None, None, ["Shepway North", "137"]),
    ("compare asb", "compare", "asb", None, None, ["Kent (KCC area)", "31.9"]),
    ("compare all crime", "compare", "all_crime", None, None, ["Thanet", "937", "Kent & Medway"]),
    ("trend shoplifting", "trend", "shoplifting", None, None, ["971", "913", "994"]),
    ("trend recorded crime", "trend", "recorded_crime", None, None, ["690", "693"]),
    # a trend from a period: the period it runs from is the period understood
    ("asb 2010/11 onwards", "trend", "asb", None, "2010/11", ["5,254", "4,326"]),
    ("help", "help", None, None, None, ["rank changes", "priority road safety"]),
]


def _all_text(answer):
    parts = [answer.headline, *answer.notes, *answer.sources]
    for table in answer.tables:
        parts += [table.title, *table.columns, *(" | ".join(r) for r in table.rows)]
    return "\n".join(parts)


@pytest.mark.parametrize("text, kind, indicator, area, period, expected", PHRASINGS, ids=[p[0] for p in PHRASINGS])
def test_phrasing(answerer, text, kind, indicator, area, period, expected):
    answer = answerer.ask(text)
    assert answer.error is None, answer.error
    assert answer.understood["kind"] == kind
    if indicator:
        assert answer.understood["indicator"] == indicator
    if area:
        assert answer.understood["area"] == area or (answer.understood["area"] is None and area == "Maidstone")
    if period:
        assert answer.understood["period"] == period
    body = _all_text(answer)
    for word in expected:
        assert word in body, f"{word!r} not in answer to {text!r}:\n{body}"
    if kind != "help":
        assert answer.sources, "every answer names its source"


def test_enough_phrasings():
    assert len(PHRASINGS) >= 80


@pytest.mark.parametrize("text, message", [
    ("shoplifting thanet", "no Shoplifting figures for Thanet"),
    ("theft 2025/26", "no Theft & handling stolen goods figure for Maidstone in 2025/26"),
    ("xyzzy", "didn't understand 'xyzzy'"),
    ("compare", "I found no crime type or measure"),
    ("trend", "I found no crime type or measure"),
    ("rank changes 2010/11", "only for 2012/13"),
    ("shoplifting wards", "no ward figures for Shoplifting"),
])
def test_no_answer_says_so_plainly_and_what_is_covered(answerer, text, message):
    answer = answerer.ask(text)
    assert answer.error is not None
    assert message in answer.error["message"]


def test_help_examples_all_work(answerer):
    for text, _ in answerer.examples:
        assert answerer.ask(text).error is None, text


@hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=500))
def test_any_text_gets_an_answer_or_an_error(answerer, text):
    answer = answerer.ask(text)
    assert answer.error is None or answer.error["message"]
    assert "Traceback" not in (answer.error or {}).get("message", "")
    assert "something went wrong" not in (answer.error or {}).get("message", ""), text  # no bug behind it


WORDS = ["shoplifting", "asb", "maidstone", "kent", "thanet", "high", "street", "rank", "highest", "ward", "wards",
         "2012/13", "q4", "apr-dec", "2013", "is", "going", "down", "which", "month", "crime", "rate", "per", "1000",
         "vs", "compare", "trend", "spc", "priority", "da", "ksi", "outcome", "%", "ytd", "over", "east", "hastings",
         "most", "deprived", "fall", "type", "biggest", "baseline", "since", "2008", "the", "of", "in", "gun"]


@hsettings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8))
def test_any_mix_of_known_words_gets_an_answer_or_a_plain_refusal(answerer, words):
    answer = answerer.ask(" ".join(words))
    assert answer.error is None or "something went wrong" not in answer.error["message"], " ".join(words)


@pytest.mark.parametrize("text", ["'; drop table facts; --", "shoplifting'; DELETE FROM figures; --",
                                  "1=1 OR shoplifting", "asb\"; ATTACH 'x.db'; --", "read_csv('/etc/passwd')"])
def test_sql_shaped_text_changes_nothing(answerer, text):
    before = answerer.con.execute("SELECT count(*), sum(value) FROM facts").fetchone()
    answerer.ask(text)
    assert answerer.con.execute("SELECT count(*), sum(value) FROM facts").fetchone() == before


def test_every_query_file_passes_the_gate_and_runs(answerer):
    queries = load_queries(PROJECT_ROOT / "queries", schema_of(answerer.con))
    assert set(queries) >= {"figure", "rank_changes", "priority_figures", "wards", "compare", "trend", "notes"}
    samples = {"indicator": "asb", "area": "maidstone", "kind": "financial_year", "until": "2012-04-01",
               "period": "2012/13", "previous": "2011/12", "priority": "asb", "periods": ["2012/13"], "year": 2012,
               "measure": "count", "table_id": "s3_1_time_series", "id": "smp_chair", "home": "maidstone",
               "county": "kent"}
    for query in queries.values():
        answerer.con.execute(query.sql, {p: samples[p] for p in query.params}).fetchall()
        assert query.title and query.answers


@pytest.mark.parametrize("sql", [
    "DROP TABLE facts", "DELETE FROM facts", "INSERT INTO facts SELECT * FROM facts", "UPDATE facts SET value = 0",
    "SELECT 1; DROP TABLE facts", "SELECT * FROM read_csv('/etc/passwd')", "SELECT * FROM 'data.csv'",
    "SELECT * FROM glob('*')", "SELECT getenv('HOME')", "SELECT * FROM nowhere", "SELECT nothing FROM facts",
    "COPY facts TO 'out.csv'", "ATTACH 'other.db'", "PRAGMA database_list", "SET threads = 1",
    "CREATE TABLE x AS SELECT 1", "SELECT * FROM other.main.facts",
    "WITH x AS (SELECT * FROM read_parquet('a.parquet')) SELECT * FROM x", "select current_setting('threads')",
    "INSTALL httpfs", "", "SELEC * FROM facts",
    # functions no deny-list named: the gate allows known functions only
    "SELECT f.value FROM facts f, LATERAL read_ndjson_objects('/etc/passwd')", "SELECT * FROM parquet_schema('a.parquet')",
    "SELECT which_secret('s3://bucket/x', 's3') FROM facts", "SELECT value FROM facts WHERE getvariable('x') = 1",
    "SELECT duckdb_extensions() FROM facts",
])
def test_gate_refuses_hostile_sql(answerer, sql):
    with pytest.raises(QueryRejected):
        gate(sql, schema_of(answerer.con))


def test_cli_json_has_stable_keys_and_errors_exit_non_zero(settings):
    env = {"CRIMEBOT_STATE_DIR": str(settings.state_dir), "PATH": "/usr/bin:/bin"}
    ok = subprocess.run([sys.executable, "-m", "bot.cli", "ask", "shoplifting maidstone 2012/13", "--format", "json"],
                        capture_output=True, text=True, env=env, cwd=PROJECT_ROOT)
    assert ok.returncode == 0, ok.stderr
    data = json.loads(ok.stdout)
    assert {"query", "understood", "tables", "notes", "sources", "error"} <= set(data)
    assert data["error"] is None and data["tables"][0]["rows"][-1][1] == "994"
    bad = subprocess.run([sys.executable, "-m", "bot.cli", "ask", "xyzzy", "--format", "json"],
                         capture_output=True, text=True, env=env, cwd=PROJECT_ROOT)
    assert bad.returncode == 1 and json.loads(bad.stdout)["error"]["message"]
    assert "Traceback" not in bad.stderr
    csv_out = subprocess.run([sys.executable, "-m", "bot.cli", "ask", "asb wards", "--format", "csv"],
                             capture_output=True, text=True, env=env, cwd=PROJECT_ROOT)
    assert csv_out.stdout.splitlines()[0].startswith("\ufeffTable,Ward,")  # into a pipe or file: with a BOM
    help_out = subprocess.run([sys.executable, "-m", "bot.cli", "ask"], capture_output=True, text=True, env=env,
                              cwd=PROJECT_ROOT)
    assert help_out.returncode == 0 and "rank changes" in help_out.stdout


def test_a_query_file_calling_an_unknown_function_stops_the_load_not_ask(settings, tmp_path):
    queries = tmp_path / "queries"
    shutil.copytree(PROJECT_ROOT / "queries", queries)
    (queries / "figure.sql").write_text((queries / "figure.sql").read_text().replace(
        "SELECT", "SELECT which_secret('s3://x', 's3') AS s,", 1))
    env = {"CRIMEBOT_STATE_DIR": str(settings.state_dir), "CRIMEBOT_QUERIES_DIR": str(queries), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-m", "bot.cli", "ask", "shoplifting maidstone 2012/13"],
                            capture_output=True, text=True, env=env, cwd=PROJECT_ROOT)
    assert result.returncode == 2 and "which_secret" in result.stderr and "Traceback" not in result.stderr


def test_csv_cells_that_start_like_a_formula_are_escaped():
    from bot.answer import Answer, Table
    from bot.render import render

    answer = Answer("q", {}, tables=[Table("t", ["=cmd|' /C calc'!A0", "Change"],
                                           [["@SUM(1+1)", "-24"], ["+HYPERLINK(\"http://x\")", "+8.9%"]])])
    rows = list(__import__("csv").reader(render(answer, "csv").splitlines()))
    assert rows == [["Table", "'=cmd|' /C calc'!A0", "Change"], ["t", "'@SUM(1+1)", "-24"],
                    ["t", "'+HYPERLINK(\"http://x\")", "+8.9%"]]
