"""A second partnership from its own data pack, with no code change: a Thanet partnership on police.uk data, its
ranks among the four districts of its own county (East Kent). Every kind of answer, the digest and the charts
speak of Thanet and its peer group, and no word of Maidstone's (or of Kent's twelve districts) reaches them."""
import dataclasses
import json
import os
import re
import subprocess
import sys

import pytest

from bot.answer import Answerer
from bot.charts import draw, has_chart
from bot.choices import area_groups
from bot.dashboard import dashboard
from bot.datapack import DataError, load_pack
from bot.digest import Digester, FinancialQuarter
from bot.imports import import_police_uk
from bot.render import render
from bot.settings import PROJECT_ROOT
from bot.slack.blocks import answer_messages
from bot.slack.home import home_view
from tests.thanet_pack import build_pack, write_archive

# words of the other pack that must never reach Thanet's answers
FOREIGN = re.compile(r"maidstone|kcc|of 12\b|\b12 kent|(?<!east )kent districts|strategic assessment 2014", re.IGNORECASE)


@pytest.fixture(scope="module")
def thanet(settings, tmp_path_factory):
    """Thanet's pack, its police.uk months imported (with a ward lookup), and an answerer on it."""
    root = tmp_path_factory.mktemp("thanet")
    pack = build_pack(root / "data")
    archive, wards = write_archive(root / "police")
    served = dataclasses.replace(settings, data_dir=pack, state_dir=root / "state")
    import_police_uk(served, [archive], wards, progress=False)
    answerer = Answerer.open(served)
    yield served, answerer
    answerer.close()


def said(answer) -> str:
    """Everything a partner could see of an answer: the terminal text with every note, the JSON, the Slack messages."""
    return "\n".join([render(answer, "text", notes="full"), json.dumps(answer.to_dict(), ensure_ascii=False),
                      json.dumps(answer_messages(answer), ensure_ascii=False)])


# (question, kind, words the answer must contain): worked from tests/thanet_pack.py's monthly counts
# Thanet shoplifting: 12 a month in 2024/25 (144), 10 in 2025/26 (120): -24 (-16.7%); rate 120 / 134,186 = 0.89 per
# 1,000; Dover .64, Canterbury .71, Swale .88, Thanet .89 -> 4 of 4. East Kent: 12 x (6 + 9 + 10 + 10) = 420.
QUESTIONS = [
    ("shoplifting", "figure", ["Shoplifting in Thanet, 2025/26: 120 crimes, -24 (-16.7%)", "0.89 per 1,000",
                               "county rank 4 of 4", "county rank among the 4 East Kent districts"]),
    ("shoplifting rank", "rank", ["Thanet's county rank for Shoplifting, 2025/26: 4 of 4",
                                  "County rank among the 4 East Kent districts"]),
    ("compare shoplifting", "compare", ["Thanet 120 (county rank 4 of 4)", "East Kent 420", "Dover 72"]),
    ("trend all crime", "trend", ["All crime, Thanet", "East Kent"]),
    ("asb wards", "wards", ["Margate Central", "Cliftonville West"]),
    ("rank changes", "rank_changes", ["Thanet's county ranks 2025/26 against 2024/25",
                                      "County rank among the 4 East Kent districts"]),
    ("which district has the most shoplifting", "top", ["Swale and Thanet have the most Shoplifting of all 4 districts"]),
    ("is shoplifting going down", "direction", ["Shoplifting", "Thanet", "-24"]),
    ("spc all crime", "spc", ["All crime", "Thanet"]),
    ("priorities", "priority", ["The Thanet Community Safety Partnership's priorities for 2025/26", "Shop theft"]),
    ("priority asb", "priority", ["Anti-social behaviour: Thanet's latest figures", "Beside Thanet"]),
    ("help", "help", ["Thanet and the latest year are the defaults",
                      "Thanet Community Safety Partnership Community Safety Plan 2025/26 (data to March 2026)"]),
]


@pytest.mark.parametrize("question, kind, words", QUESTIONS)
def test_every_kind_of_answer_speaks_of_the_second_partnership(thanet, question, kind, words):
    _, answerer = thanet
    answer = answerer.ask(question)
    assert answer.error is None, answer.error
    assert answer.understood["kind"] == kind
    text = said(answer)
    for word in words:
        assert word in text, (word, render(answer, "text"))
    assert not FOREIGN.search(text), FOREIGN.search(text).group(0)


@pytest.mark.parametrize("question, message", [
    ("shoplifting hastings", "figures for Thanet, its 4 wards, the 4 East Kent districts, East Kent"),
    ("rank changes margate central", "it gives them for Thanet only"),
    ("what about it", "Name one, e.g. `shoplifting`, or ask `help`"),
    ("table 3.1", "The data has no table 3.1. It has no tables of a document, only imported figures."),
])
def test_refusals_name_the_second_partnership_s_places(thanet, question, message):
    _, answerer = thanet
    answer = answerer.ask(question)
    assert answer.error and message in answer.error["message"], answer.error
    assert not FOREIGN.search(said(answer))


def test_every_example_of_its_own_help_answers(thanet):
    _, answerer = thanet
    assert [q for q, _ in answerer.examples][:2] == ["shoplifting", "shoplifting rank"]
    for question, _ in answerer.examples:
        answer = answerer.ask(question)
        assert answer.error is None and not FOREIGN.search(said(answer)), question


def test_its_digest_speaks_of_thanet(thanet):
    _, answerer = thanet
    digester = Digester(answerer)
    assert digester.latest_quarter() == FinancialQuarter(2025, 4)
    whole = digester.digest()
    # all crime in Thanet: 56 a month in 2024/25 (12 + 5 + 30 + 9), 54 in 2025/26 -> 648 against 672, -24 (-3.6%)
    assert whole.headline.startswith("Quarterly digest, Q4 2025/26")
    assert "All crime in Thanet, April 2025 to March 2026: 648 crimes, -24 (-3.6%)" in whole.headline
    titles = [t.title for t in whole.tables]
    assert "All crime, Thanet (from the monthly figures)" in titles and "Outcome rate, Thanet" in titles
    ranks = next(t for t in whole.tables if t.title == "County ranks stated for the period")
    assert ranks.columns[3] == "Thanet" and ranks.rows[0][2] == "County rank by rate (1 = lowest of 4)"
    one = digester.digest(priority="asb")
    assert one.headline.startswith("Quarterly digest, Q4 2025/26 (January to March 2026): Anti-social behaviour")
    for answer in (whole, one):
        assert answer.error is None and not FOREIGN.search(said(answer))


def test_its_charts_carry_its_places_and_peer_group(thanet):
    _, answerer = thanet
    drawn = {}
    for question in ("trend all crime", "rank changes", "spc all crime", "shoplifting", "asb wards"):
        answer = answerer.ask(question)
        assert has_chart(answer), question
        drawn[question] = draw(answer, image="svg").decode()
        assert draw(answer).startswith(b"\x89PNG")
    assert "Thanet" in drawn["trend all crime"] and "East Kent" in drawn["trend all crime"]  # the legend
    assert "County rank of 4 East Kent districts" in drawn["rank changes"]
    assert "Margate Central" in drawn["asb wards"]
    for question, svg in drawn.items():
        words = " ".join(re.findall(r">([^<>]+)</text>", svg))
        assert not FOREIGN.search(words), (question, FOREIGN.search(words).group(0))


def test_its_home_tab_names_the_partnership(thanet):
    served, answerer = thanet
    board = dashboard(answerer, served.state_dir)
    assert board.partnership == "Thanet Community Safety Partnership"
    view = json.dumps(home_view(board, answerer.examples))
    assert "Thanet Community Safety Partnership" in view and not FOREIGN.search(view)


def test_its_ask_form_offers_its_own_places(thanet):
    _, answerer = thanet
    groups = {label: [c.label for c in choices] for label, choices in area_groups(answerer, answerer.home)}
    assert groups == {"Thanet": ["Thanet"],
                      "Thanet's wards": ["Cliftonville West", "Eastcliff", "Margate Central", "Newington"],
                      "East Kent districts": ["Canterbury", "Dover", "Swale"], "Kent & Medway": ["East Kent"]}


def test_the_second_pack_s_facts_come_from_its_own_files(thanet):
    _, answerer = thanet
    p = answerer.partnership
    assert (p.home, p.county, p.county_short_name, p.peer_group) == ("thanet", "east_kent", "East Kent",
                                                                      "East Kent districts")
    assert sorted(p.peers) == ["canterbury", "dover", "swale", "thanet"] and p.of_peers == "of 4"
    assert p.rate_base_words("thanet", "residents", "2025/26") == "residents (mid-2024 population 140,600)"
    assert p.rate_base_words("dover", "residents") == "residents"


def test_maidstone_s_pack_names_its_own(answerer):
    p = answerer.partnership
    assert (p.name, p.home, p.county, p.peers_phrase) == ("Safer Maidstone Partnership", "maidstone", "kent",
                                                          "the 12 Kent districts")
    assert p.rate_base_words("maidstone", "residents", "2010/11") == "residents (mid-2011 population 155,800)"
    assert p.rate_base_words("maidstone", "adults", "2012/13") == "residents aged 18+ (122,000)"


@pytest.mark.parametrize("row, column, message", [
    ("SMP,,maidstone,medway,,,Doc", "county", "'medway' is a unitary, not a county"),
    ("SMP,,high_street,,,,Doc", "home_area", "'high_street' is a ward"),
    ("SMP,,maidstone,nowhere,,,Doc", "county", "unknown area 'nowhere'"),
    ("SMP,,maidstone,kent_medway,,,Doc", "county", "'kent_medway' is a force, not a county"),
])
def test_a_partnership_that_cannot_name_its_peer_group_is_refused_by_name(data_copy, row, column, message):
    (data_copy / "partnership.csv").write_text(
        "name,short_name,home_area,county,county_short_name,peer_group,document\n" + row + "\n")
    with pytest.raises(DataError) as caught:
        load_pack(data_copy)
    assert caught.value.file == "partnership.csv" and caught.value.column == column and message in str(caught.value)


# the cue phrases written with a place in them are read with the pack's places: Maidstone's 'where does maidstone
# sit', 'across kent' and 'of 12' are Thanet's 'where does thanet sit', 'across east kent' and 'out of 4'
@pytest.mark.parametrize("question, kind, area", [
    ("where does thanet sit for shoplifting", "rank", "Thanet"),
    ("shoplifting across east kent", "figure", "East Kent"),
    ("shoplifting out of 4", "figure", "East Kent"),
    ("where in thanet is asb", "wards", "Thanet"),
    ("shoplifting than east kent", "compare", "Thanet"),
    ("thanet's shoplifting", "figure", "Thanet"),
])
def test_questions_in_the_second_partnership_s_words(thanet, question, kind, area):
    _, answerer = thanet
    answer = answerer.ask(question)
    assert answer.error is None and (answer.understood["kind"], answer.understood["area"]) == (kind, area)


def test_another_pack_s_field_is_not_understood(thanet):
    _, answerer = thanet
    answer = answerer.ask("shoplifting out of 12")
    assert answer.error and "I didn't understand 'out of 12'" in answer.error["message"]


def test_the_cli_serves_the_second_pack_from_its_setting(thanet, tmp_path):
    """CRIMEBOT_DATA_DIR names the pack; nothing else changes."""
    served, _ = thanet
    env = {"PATH": os.environ["PATH"], "CRIMEBOT_STATE_DIR": str(served.state_dir),
           "CRIMEBOT_DATA_DIR": str(served.data_dir)}
    chart = tmp_path / "trend.png"
    asked = subprocess.run([sys.executable, "-m", "bot.cli", "ask", "trend shoplifting", "--chart", str(chart)],
                           capture_output=True, text=True, cwd=PROJECT_ROOT, env=env)
    assert asked.returncode == 0, asked.stderr
    assert "Shoplifting, Thanet" in asked.stdout and "East Kent" in asked.stdout and not FOREIGN.search(asked.stdout)
    assert chart.read_bytes().startswith(b"\x89PNG")


def test_the_partnerships_a_deployment_serves_are_checked_at_start(settings, answerer, tmp_path):
    """CRIMEBOT_PARTNERSHIPS and CRIMEBOT_WORKSPACES that cannot be served are refused by name, before serving."""
    from bot.service import Partnerships, Service
    from bot.settings import Settings

    with pytest.raises(ValueError, match="'thanet' is not NAME=VALUE"):
        Settings.from_env({"CRIMEBOT_PARTNERSHIPS": "thanet"})
    home = Service(settings, answerer)
    missing = dataclasses.replace(settings, partnerships=(("thanet", tmp_path / "missing"),))
    with pytest.raises(ValueError, match="thanet's data pack .* is not a folder"):
        Partnerships.open(missing, home)
    with pytest.raises(ValueError, match="names 'maidstone', the partnership of the data pack itself"):
        Partnerships(home, {"maidstone": home})
    with pytest.raises(ValueError, match="CRIMEBOT_WORKSPACES names swale, which is not a partnership served here"):
        Partnerships(home, assigned={"T0SWALE": "swale"})
    alone = Partnerships(home)
    assert alone.for_team("T0ANY") is home and alone.named("Safer Maidstone Partnership") == "maidstone"
    assert alone.named("smp") == "maidstone" and alone.named("hastings") is None
