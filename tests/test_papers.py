"""Fit for the meeting papers: three users' tasks end to end, through the command line as they would run them.

- the ASB Sub-Group chair: the ward hotspot chart and the priority pack, wards in volume order, notes short;
- the police analyst: the whole of table 3.1 as an Excel workbook (read back with openpyxl: numbers are
  numbers, periods are text, ties kept) and as CSV (no cell a spreadsheet reads as a date or a formula);
- the Road Safety Sub-Group chair: the digest whose corrected and disputed figures say so, and whose KSI
  figures say they are January to September.
"""
import csv
import io
import struct
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from bot.parse import parse
from bot.render import render
from bot.settings import PROJECT_ROOT


def crimebot(settings, *args):
    env = {"CRIMEBOT_STATE_DIR": str(settings.state_dir), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], capture_output=True, text=True, env=env,
                          cwd=PROJECT_ROOT)


# -- the ASB Sub-Group chair ----------------------------------------------------------------------------------
def test_chair_ward_chart_and_priority_pack(settings, tmp_path):
    chart = tmp_path / "wards.png"
    result = crimebot(settings, "ask", "asb wards", "--chart", str(chart))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Ward hotspots: Anti-social behaviour: High Street 911, Park Wood 342, Fant 333")
    png = chart.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24])[0] == 1000
    pack = crimebot(settings, "ask", "priority asb")
    assert pack.returncode == 0
    wards = pack.stdout.split("Ward hotspots\n", 1)[1].split("\n\n", 1)[0].splitlines()[2:]
    assert [w.split("  ")[0] for w in wards] == ["High Street", "Park Wood", "Fant"]  # volume order
    notes = [line for line in pack.stdout.splitlines() if line.startswith("Note: ")]
    assert len(notes) == 2  # two lead; the rest folded, one line each
    assert "More notes (" in pack.stdout
    full = crimebot(settings, "ask", "priority asb", "--notes", "full")
    assert "More notes" not in full.stdout and len([n for n in full.stdout.splitlines() if n.startswith("Note: ")]) > 2


def test_wards_in_volume_order_with_the_named_ones_after(answerer):
    rows = answerer.ask("asb wards").tables[0].rows
    assert [r[0] for r in rows] == ["High Street", "Park Wood", "Fant", "High Street", "Shepway North", "Fant",
                                    "Park Wood", "East"]


# -- the analyst ------------------------------------------------------------------------------------------------
def test_analyst_table_3_1_as_an_excel_workbook(settings, tmp_path):
    book_path = tmp_path / "table31.xlsx"
    result = crimebot(settings, "ask", "table 3.1 2012/13", "--xlsx", str(book_path))
    assert result.returncode == 0, result.stderr
    book = load_workbook(book_path)
    assert book.sheetnames[-1] == "Notes and sources"
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[3]]
    assert header[:4] == ["Category", "2010/11", "2011/12", "2012/13"]  # periods are text, never dates
    assert all(sheet.cell(row=3, column=j).data_type == "s" for j in range(1, len(header) + 1))
    rows = {r[0]: dict(zip(header, r)) for r in sheet.iter_rows(min_row=4, values_only=True)}
    assert len(rows) == 29
    crime = rows["All crime"]
    assert crime["2012/13"] == 8296 and isinstance(crime["2012/13"], int)  # numbers are numbers
    assert crime["Change"] == -577 and crime["% change"] == pytest.approx(-0.065)  # a percentage is a percentage
    assert crime["Rate per 1,000"] == pytest.approx(53.2) and crime["County rank"] == 5
    assert crime["Direction"] == "↑ improved"
    drivers = rows["KSI car drivers aged 17-24 (January to September)"]
    assert drivers["County rank"] == 11 and drivers["County rank: tied"] == "tied"  # the tie is kept
    assert rows["All crime"]["County rank: tied"] is None
    number_formats = {sheet.cell(row=4, column=header.index(h) + 1).number_format for h in ("% change", "Change")}
    assert number_formats == {"+0.0%;-0.0%;0.0%", "+#,##0;-#,##0;#,##0"}
    notes = [r for r in book["Notes and sources"].iter_rows(values_only=True)]
    assert notes[0] == ("Question", "table 3.1 2012/13")
    assert any(kind == "Source" and "section 3.1" in text for kind, text in notes)


def test_analyst_spc_workbook_has_numbers_and_text_periods(answerer):
    from bot.spreadsheet import workbook

    book = load_workbook(io.BytesIO(workbook(answerer.ask("spc outcome rate"))))
    chart, limits = book.worksheets[0], book.worksheets[1]
    rows = list(chart.iter_rows(min_row=3, values_only=True))
    assert rows[0] == ("Month", "Resolution outcome rate (%)", "Moving range (pts)", "Signal")
    assert rows[1][:3] == ("March 2012", pytest.approx(0.358), None)
    assert rows[2][:3] == ("April 2012", pytest.approx(0.259), pytest.approx(9.9))
    assert rows[-1][-1] == "run below"
    assert dict(limits.iter_rows(min_row=4, values_only=True))["Centre line (mean of 2012/13)"] == pytest.approx(0.376)


def test_analyst_csv_is_spreadsheet_safe(settings):
    result = crimebot(settings, "ask", "table 3.1 2012/13", "--format", "csv")
    assert result.stdout.startswith("\ufeffTable,Category,FY2010/11")  # a BOM; a year is not a date
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    header = rows[0]
    crime = dict(zip(header, next(r for r in rows if r[1] == "All crime")))
    assert crime["FY2012/13"] == "8296" and crime["% change"] == "-6.5" and crime["County rank"] == "5"
    drivers = dict(zip(header, next(r for r in rows if r[1].startswith("KSI car drivers"))))
    assert drivers["County rank"] == "11" and drivers["County rank: tied"] == "tied"
    assert not any(c.startswith(("=", "+", "@")) for r in rows for c in r)


def test_csv_answers_with_several_tables_have_one_header_and_a_table_column(answerer):
    rows = list(csv.reader(io.StringIO(render(answerer.ask("spc outcome rate"), "csv"))))
    assert rows[0][:2] == ["Table", "Month"] and "Line" in rows[0]
    assert {r[0] for r in rows[1:]} == {"Resolution outcome rate, Maidstone: XmR control chart", "Control limits"}
    assert all(len(r) == len(rows[0]) for r in rows)
    assert next(r for r in rows if r[0] != "Table")[1] == "March 2012 (month)"  # not read as a date


# -- the Road Safety Sub-Group chair ---------------------------------------------------------------------------
def test_road_safety_digest_says_which_figures_were_corrected_and_which_months(settings):
    result = crimebot(settings, "digest", "--priority", "road safety")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "KSI car drivers aged 17-24 (headline)        2012/13 (January to September)" in text
    assert "the published 2012/13 figure is 13" in text  # powered two-wheelers: printed 13, the changes say 12
    assert "Printed -225%" in text
    assert "About these figures: KSI car drivers aged 17-24: January to September each year." in text
    full = crimebot(settings, "digest", "--priority", "road safety", "--notes", "full").stdout
    assert "Either that figure or the change is misprinted" in full and len(full) > len(text)


def test_compare_labels_ksi_with_the_data_s_own_months(answerer):
    rows = answerer.ask("compare ksi 17-24").tables[0].rows
    assert {r[1] for r in rows} == {"2010/11 (January to September)", "2011/12 (January to September)",
                                    "2012/13 (January to September)"}


# -- periods and whole tables, from the words ---------------------------------------------------------------------
@pytest.mark.parametrize("question, kind, period, against, table", [
    ("table 3.1 2012/13", "table", "2012/13", None, "3.1"),
    ("all categories 2012/13", "table", "2012/13", None, "*"),
    ("the whole table 3.3", "table", None, None, "3.3"),
    ("outcome rate q3 2013/14 vs q3 last year", "figure", "2013/14 Q3", "2012/13 Q3", None),
    ("all crime q2 2013/14 against the same quarter last year", "figure", "2013/14 Q2", "2012/13 Q2", None),
])
def test_parse_reads_tables_and_the_same_quarter_last_year(answerer, question, kind, period, against, table):
    c = parse(question, answerer.vocab)
    assert (c.kind, c.period, c.against, c.table, c.unknown) == (kind, period, against, table, [])


@pytest.mark.parametrize("question, headline", [
    ("all crime 2013/14", "2013/14 so far (April to December 2013): 6,937 crimes, +711 (+11.4%) on the same months "
                          "a year before (6,226)"),
    ("outcome rate q3 2013/14 vs q3 last year", "32.9% — 755 outcomes of 2,294 crimes; -3.5 points on the same "
                                                "months a year before (36.4%)"),
    ("outcome rate 2013/14", "2013/14 so far (April to December 2013): 32.4% — 2,248 outcomes of 6,937 crimes; "
                             "-5.2 points on the same months a year before (37.6%)"),
    ("all crime year to date", "April to September 2013: +602 (+14.9%)"),
])
def test_periods_computed_from_the_monthly_series(answerer, question, headline):
    answer = answerer.ask(question)
    assert answer.error is None and headline in answer.headline


def test_suggestions_parse_back_to_themselves(answerer):
    """Every suggestion a refusal offers is a question the bot answers."""
    for question in ("table 3.1 2015/16", "table 9.9", "spc outcome rate baseline 2011/12", "all crime 2014/15"):
        answer = answerer.ask(question)
        assert answer.error, question
        for suggestion in answer.error["suggestions"]:
            assert answerer.ask(suggestion).error is None, (question, suggestion)
