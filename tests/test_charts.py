"""Charts: SPC limits against values worked by hand, PNGs that render at a readable size, lazy matplotlib."""
import struct
import subprocess
import sys

import pytest

from bot.charts import NoChart, draw
from bot.settings import PROJECT_ROOT
from bot.spc import xmr

# Recorded crime (section 3.2), Maidstone, March 2012 to December 2013, worked by hand:
#   sum of the 22 months = 15,923, so the centre line is 15,923 / 22 = 723.77;
#   the 21 moving ranges (34, 102, 121, 0, 31, 17, 25, 24, 7, 31, 59, 58, 25, 39, 42, 28, 11, 70, 78, 9, 112)
#   add up to 923, so mR-bar = 923 / 21 = 43.95; limits 723.77 +/- 2.66 x 43.95 = 606.86 and 840.69;
#   upper range limit 3.268 x 43.95 = 143.64. September 2013 (874) is the only month above; no run of 8.
RECORDED_CRIME = [690, 656, 758, 637, 637, 668, 685, 710, 734, 741, 710, 651, 709, 684, 723, 765, 793, 804, 874,
                  796, 805, 693]
# Resolution outcome rate: sum 778.4 -> centre 35.38%; moving ranges add up to 101.5 -> mR-bar 4.833;
#   limits 35.38 +/- 12.86 = 22.53% and 48.24%; no month outside the limits and no run of 8 on one side.
OUTCOME_RATE = [35.8, 25.9, 36.9, 43.6, 40.7, 38.6, 44.1, 40.1, 38.3, 30.9, 40.6, 33.5, 37.8, 29.7, 32.6, 35.6, 32.8,
                30.5, 31.7, 30.4, 35.4, 32.9]


def months(n, start=(2012, 3)):
    names = "January February March April May June July August September October November December".split()
    year, month = start
    out = []
    for _ in range(n):
        out.append(f"{names[month - 1]} {year}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


# Against the 2012/13 baseline (April 2012 to March 2013, the first complete financial year: the default),
# worked by hand: recorded crime's twelve months add up to 8,296, centre 691.33; their 11 moving ranges
#   (102, 121, 0, 31, 17, 25, 24, 7, 31, 59, 58) add up to 475, mR-bar 43.18; limits 576.47 and 806.20; upper range
#   limit 141.12. After it, May to December 2013 (723 ... 693) are 8 above the centre line, and September 2013
#   (874) is above the upper limit. The outcome rate's twelve months add up to 451.0, centre 37.58%; moving ranges
#   add up to 62.5, mR-bar 5.682; limits 22.47% and 52.70%: April to December 2013 (29.7% ... 32.9%) are all
#   below 37.58, a run of 9.
@pytest.mark.parametrize("question, values, centre, mr_bar, lower, upper, upper_range, reading", [
    ("spc recorded crime", RECORDED_CRIME, 691.33, 43.18, 576.47, 806.20, 141.12,
     "1 month above the 2012/13 upper limit (September 2013); 8 months in a row above the 2012/13 centre line "
     "(691.3), May to December 2013."),
    ("spc outcome rate", OUTCOME_RATE, 37.58, 5.68, 22.47, 52.70, 18.57,
     "9 months in a row below the 2012/13 centre line (37.6%), April to December 2013."),
    ("spc outcome rate baseline 2012/13", OUTCOME_RATE, 37.58, 5.68, 22.47, 52.70, 18.57,
     "9 months in a row below the 2012/13 centre line (37.6%), April to December 2013."),
])
def test_spc_limits_match_hand_worked_values(answerer, question, values, centre, mr_bar, lower, upper, upper_range,
                                             reading):
    answer = answerer.ask(question)
    series = answer.series
    assert series["values"] == values and series["labels"] == months(22)
    assert series["baseline"] == (1, 12) and series["baseline_label"] == "2012/13"
    assert series["centre"] == pytest.approx(centre, abs=0.01)
    assert series["average_moving_range"] == pytest.approx(mr_bar, abs=0.01)
    assert series["lower"] == pytest.approx(lower, abs=0.01)
    assert series["upper"] == pytest.approx(upper, abs=0.01)
    assert series["upper_range"] == pytest.approx(upper_range, abs=0.01)
    assert series["reading"] == reading
    assert reading in answer.headline
    limits = dict(answer.tables[1].rows)  # the limits are in the text answer too
    unit = "%" if "rate" in question else ""
    assert limits["Centre line (mean of 2012/13)"] == f"{centre:,.1f}{unit}"
    assert limits["Upper natural process limit"] == f"{upper:,.1f}{unit}"


def test_the_outcome_rate_baseline_the_assessment_states_is_drawn_beside_the_limits(answerer):
    answer = answerer.ask("spc outcome rate")
    assert answer.series["stated_baseline"] == pytest.approx(37.6)
    assert dict(answer.tables[1].rows)["Baseline stated in the assessment (2012/13)"] == "37.6%"
    assert draw(answer)[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("question, message", [
    ("spc outcome rate baseline 2011/12", "no months for all of 2011/12"),
    ("spc outcome rate baseline 2013/14", "no months for all of 2013/14"),
])
def test_a_baseline_the_series_cannot_give_is_refused_with_one_it_can(answerer, question, message):
    answer = answerer.ask(question)
    assert answer.error and message in answer.error["message"]
    assert "spc outcome rate baseline 2012/13" in answer.error["suggestions"]


@pytest.mark.parametrize("values, centre, mr_bar, lower, upper, upper_range, reading", [
    # the whole series as one phase (no baseline): worked by hand in the comments at the top
    (RECORDED_CRIME, 723.77, 43.95, 606.86, 840.69, 143.64, "1 month above the upper limit (September 2013)."),
    (OUTCOME_RATE, 35.38, 4.83, 22.53, 48.24, 15.80,
     "No signal: every month within the natural process limits (22.5 to 48.2) and no run of 8 on one side of the "
     "centre line."),
])
def test_xmr_of_the_whole_series_matches_hand_worked_values(values, centre, mr_bar, lower, upper, upper_range, reading):
    chart = xmr(months(22), values, floor=0.0)
    assert (chart.centre, chart.average_moving_range, chart.lower, chart.upper, chart.upper_range) == pytest.approx(
        (centre, mr_bar, lower, upper, upper_range), abs=0.01)
    assert chart.reading == reading


@pytest.mark.parametrize("values, expected", [
    ([5, 5, 5, 5], "No signal: every month within the natural process limits (5.0 to 5.0)"),
    ([10, 12, 11, 13, 30], "1 month above the upper limit (July 2012)."),
    # mean 18.4, mR-bar 30 / 9 = 3.33, lower limit 18.4 - 8.87 = 9.53: 2 is below; the nine before are a run above
    ([20, 21, 19, 20, 22, 20, 21, 19, 20, 2],
     "1 month below the lower limit (December 2012); a run of 9 months above the centre line, March 2012 to "
     "November 2012."),
    ([1, 2, 1, 2, 1, 2, 1, 2, 1, 9, 8, 9, 8, 9, 8, 9], "a run of 9 months below the centre line, March 2012 to "
                                                      "November 2012"),
])
def test_spc_signal_rules(values, expected):
    assert expected in xmr(months(len(values)), values, floor=0).reading


def test_points_on_the_centre_line_break_a_run():
    chart = xmr(months(19), [3] * 9 + [1, 5] + [3] * 8)  # mean exactly 3
    assert chart.centre == 3 and not [s for s in chart.signals if s.rule.startswith("run")]


def test_run_of_eight_is_a_signal_and_seven_is_not():
    runs = lambda values: [s for s in xmr(months(len(values)), values).signals if s.rule.startswith("run")]  # noqa
    eight = runs([1, 2] * 4 + [8, 9] * 4)
    assert [(s.rule, s.first, s.last) for s in eight] == [("run below", 0, 7), ("run above", 8, 15)]
    assert runs([1, 2, 1, 2, 1, 2, 1] + [8, 9, 8, 9, 8, 9, 8]) == []


def test_spc_needs_a_monthly_series(answerer):
    answer = answerer.ask("spc shoplifting")
    assert answer.error and "monthly series" in answer.error["message"]
    assert "Resolution outcome rate" in answer.error["message"]


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("question, min_height", [
    ("trend shoplifting", 500), ("spc recorded crime", 700), ("spc outcome rate", 700), ("ranks 2012/13", 1200),
    ("shoplifting maidstone 2012/13", 500), ("trend perception drunk", 500),
])
def test_charts_render_readably(answerer, question, min_height):
    png = draw(answerer.ask(question))
    width, height = png_size(png)
    assert width == 1000 and min_height <= height <= 2000
    assert 20_000 < len(png) < 1_000_000


def test_an_answer_without_a_chart_says_so(answerer):
    with pytest.raises(NoChart):
        draw(answerer.ask("priority asb"))
    with pytest.raises(NoChart):
        draw(answerer.ask("zzqx"))


def test_text_answers_do_not_import_matplotlib(settings):
    code = ("import sys; from bot.answer import Answerer; from bot.render import render; from bot.settings import Settings;"
            "a = Answerer.open(Settings.from_env()); print(render(a.ask('spc recorded crime')));"
            "print('matplotlib' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT_ROOT,
                            env={"CRIMEBOT_STATE_DIR": str(settings.state_dir), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("False")


def test_cli_writes_the_chart_beside_the_text_answer(settings, tmp_path):
    env = {"CRIMEBOT_STATE_DIR": str(settings.state_dir), "PATH": "/usr/bin:/bin"}
    target = tmp_path / "trend.png"
    result = subprocess.run([sys.executable, "-m", "bot.cli", "ask", "trend shoplifting", "--chart", str(target)],
                            capture_output=True, text=True, cwd=PROJECT_ROOT, env=env)
    assert result.returncode == 0 and "Shoplifting" in result.stdout and f"chart written to {target}" in result.stderr
    assert png_size(target.read_bytes())[0] == 1000
    result = subprocess.run([sys.executable, "-m", "bot.cli", "ask", "priority asb", "--chart", str(tmp_path / "no.png")],
                            capture_output=True, text=True, cwd=PROJECT_ROOT, env=env)
    assert result.returncode == 1 and "no chart" in result.stderr and not (tmp_path / "no.png").exists()
    result = subprocess.run([sys.executable, "-m", "bot.cli", "ask", "trend asb", "--chart", str(tmp_path / "x" / "y.png")],
                            capture_output=True, text=True, cwd=PROJECT_ROOT, env=env)
    assert result.returncode == 1 and "cannot write the chart" in result.stderr and "Traceback" not in result.stderr


def test_ward_hotspot_chart_is_a_bar_per_ward_with_a_figure_largest_first(answerer):
    """The ASB Sub-Group chair's picture: bars for the wards with a figure, in volume order; the wards the
    assessment names without a figure in a footnote, never as bars of zero."""
    answer = answerer.ask("asb wards")
    series = answer.series
    assert series["kind"] == "wards" and series["when"] == "April 2012 to March 2013"
    assert series["bars"] == [("High Street", 911.0), ("Park Wood", 342.0), ("Fant", 333.0)]
    assert series["named_without_figure"] == ["Shepway North", "East"]
    png = draw(answer)
    width, height = struct.unpack(">II", png[16:24])
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and width == 1000 and height >= 400
    assert "Also named as hotspots, with no figure given: Shepway North, East." in series["footnotes"]
    table = answer.tables[0]
    assert [r[0] for r in table.rows if r[3] == "Number"] == ["High Street", "Park Wood", "Fant"]


def test_a_trend_of_kent_draws_kent_once(answerer):
    answer = answerer.ask("trend road deaths kent")
    assert answer.tables[0].columns == ["Period", "Kent (KCC area)"]
    assert all(p[2] is None for p in answer.series["points"])


def test_a_plotted_figure_that_was_corrected_says_so_on_the_chart(answerer):
    answer = answerer.ask("criminal damage 2012/13")
    assert answer.series["footnotes"] == [
        "2012/13: printed 1.277, shown 1,277 (corrected: two parts of the assessment agree; see the notes)."]
    assert draw(answer)[:4] == b"\x89PNG"
