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


@pytest.mark.parametrize("question, values, centre, mr_bar, lower, upper, upper_range, reading", [
    ("spc recorded crime", RECORDED_CRIME, 723.77, 43.95, 606.86, 840.69, 143.64,
     "1 month above the upper limit (September 2013)."),
    ("spc outcome rate", OUTCOME_RATE, 35.38, 4.83, 22.53, 48.24, 15.80,
     "No signal: every month within the natural process limits (22.5 to 48.2) and no run of 8 on one side of the "
     "centre line."),
])
def test_spc_limits_match_hand_worked_values(answerer, question, values, centre, mr_bar, lower, upper, upper_range,
                                             reading):
    answer = answerer.ask(question)
    series = answer.series
    assert series["values"] == values and series["labels"] == months(22)
    assert series["centre"] == pytest.approx(centre, abs=0.01)
    assert series["average_moving_range"] == pytest.approx(mr_bar, abs=0.01)
    assert series["lower"] == pytest.approx(lower, abs=0.01)
    assert series["upper"] == pytest.approx(upper, abs=0.01)
    assert series["upper_range"] == pytest.approx(upper_range, abs=0.01)
    assert series["reading"] == reading
    assert reading in answer.headline
    limits = dict(answer.tables[1].rows)  # the limits are in the text answer too
    unit = "%" if "rate" in question else ""
    assert limits["Centre line (mean)"] == f"{centre:,.1f}{unit}"
    assert limits["Upper natural process limit"] == f"{upper:,.1f}{unit}"


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
        draw(answerer.ask("asb wards"))
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
    result = subprocess.run([sys.executable, "-m", "bot.cli", "ask", "asb wards", "--chart", str(tmp_path / "no.png")],
                            capture_output=True, text=True, cwd=PROJECT_ROOT, env=env)
    assert result.returncode == 1 and "no chart" in result.stderr and not (tmp_path / "no.png").exists()
    result = subprocess.run([sys.executable, "-m", "bot.cli", "ask", "trend asb", "--chart", str(tmp_path / "x" / "y.png")],
                            capture_output=True, text=True, cwd=PROJECT_ROOT, env=env)
    assert result.returncode == 1 and "cannot write the chart" in result.stderr and "Traceback" not in result.stderr
