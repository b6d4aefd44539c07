"""Slack for people who don't type commands: the App Home dashboard, the Ask form, questions by direct message
and personal digests, end to end: signed HTTP requests into uvicorn (and Socket Mode envelopes into
`crimebot serve`), answers out to the local Slack stand-in."""
import dataclasses
import json
import os
import subprocess
import sys
import time
from datetime import datetime
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import pytest

from bot.choices import area_groups, indicators_matching, periods_of, question
from bot.digest import FinancialQuarter
from bot.parse import parse
from bot.scheduler import DigestScheduler, digest_trigger
from bot.service import Service
from bot.settings import PROJECT_ROOT
from bot.slack.app import create_app
from bot.slack.ask_form import ask_modal
from bot.slack.blocks import limit_problems
from bot.slack.digests import DigestPoster, admin_commands
from bot.slack.server import BackgroundServer, http_app
from bot.slack.standin import Reply, SlackStandIn, SocketModeStandIn, signed_headers
from tests.test_slack import ADMIN, PARTNER, SECRET, TEAM, TOKEN, post

LONDON = ZoneInfo("Europe/London")
PRIORITIES = ["violent_crime", "asb", "substance_misuse", "reoffending", "road_safety", "shoplifting"]


def private_state(settings, tmp) -> "Path":  # noqa: F821
    """A state directory of its own (a fresh digest ledger) sharing the session's database."""
    tmp.mkdir(parents=True, exist_ok=True)
    for path in settings.state_dir.glob("crimebot-*.duckdb"):
        os.link(path, tmp / path.name)
    return tmp


@pytest.fixture(scope="module")
def slack():
    with SlackStandIn() as standin:
        yield standin


@pytest.fixture(scope="module")
def home_settings(settings, slack, tmp_path_factory):
    state = private_state(settings, tmp_path_factory.mktemp("home") / "state")
    return dataclasses.replace(settings, state_dir=state, slack_bot_token=TOKEN, slack_signing_secret=SECRET,
                               slack_api_url=slack.api_url, allowed_team_ids=frozenset({TEAM}),
                               admin_user_ids=frozenset({ADMIN}), digest_channels=(("C0ALL", None),))


@pytest.fixture(scope="module")
def service(home_settings, answerer):
    return Service(home_settings, answerer)


@pytest.fixture(scope="module")
def poster(home_settings, service, slack):
    from bot.slack.app import web_client

    return DigestPoster(home_settings, service, web_client(home_settings, timeout=5), settle_seconds=0)


@pytest.fixture(scope="module")
def bot(home_settings, service, poster):
    app = create_app(home_settings, service, admin_commands(poster), poster=poster)
    with BackgroundServer(http_app(app, SECRET)) as url:
        yield url


def send_event(bot, event: dict, event_id: str, retry: int | None = None):
    body = json.dumps({"token": "x", "team_id": TEAM, "api_app_id": "A0CRIMEBOT", "type": "event_callback",
                       "event_id": event_id, "event_time": int(time.time()), "event": event})
    headers = signed_headers(SECRET, body, content_type="application/json")
    if retry:  # Slack's redelivery of an event it thinks was missed
        headers |= {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
    return post(bot + "/slack/events", body, headers)


def interact(bot, payload: dict):
    body = urlencode({"payload": json.dumps({"team": {"id": TEAM}, "api_app_id": "A0CRIMEBOT", **payload})})
    return post(bot + "/slack/events", body, signed_headers(SECRET, body))


def home_click(action_id: str, value: str, user: str = PARTNER) -> dict:
    """A button on the App Home: no channel, no response_url."""
    return {"type": "block_actions", "user": {"id": user}, "trigger_id": "t.home", "container": {"type": "view"},
            "view": {"id": "VHOME", "type": "home"},
            "actions": [{"type": "button", "action_id": action_id, "block_id": "b", "value": value,
                         "action_ts": str(time.time_ns())}]}  # each click its own (a repeat is a replay)


def dm_posts(slack, user: str, since: int = 0) -> list:
    channel = "D" + user[1:]
    return [c for c in slack.calls_to("chat.postMessage")[since:] if c.body.get("channel") == channel and c.ok]


def wait_dm(slack, user: str, count: int, since: int, timeout: float = 20) -> list:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = dm_posts(slack, user, since)
        if len(found) >= count:
            return found
        time.sleep(0.05)
    return dm_posts(slack, user, since)


def buttons(message: dict) -> dict:
    found = {}
    for block in message["blocks"]:
        elements = block.get("elements", []) if block["type"] == "actions" else \
            [block["accessory"]] if block.get("accessory") else []
        found.update({e["text"]["text"]: e for e in elements if e.get("type") == "button"})
    return found


def view_of(call) -> dict:
    view = call.body["view"]
    return json.loads(view) if isinstance(view, str) else view


# -- the App Home ---------------------------------------------------------------------------------------------
def open_home(bot, slack, user: str, event_id: str) -> dict:
    before = len(slack.calls_to("views.publish"))
    assert send_event(bot, {"type": "app_home_opened", "user": user, "channel": "D0HOME", "tab": "home"}, event_id)[0] == 200
    calls = [c for c in slack.wait_for("views.publish", before + 1) if c.body.get("user_id") == user]
    assert calls, "no views.publish"
    return view_of(calls[-1])


def test_the_home_tab_is_a_dashboard_with_a_view_button_per_priority(bot, slack):
    view = open_home(bot, slack, PARTNER, "Ev-home-1")
    assert limit_problems(view, home=True) == []
    assert view["blocks"][0] == {"type": "header", "text": {"type": "plain_text", "text": "Safer Maidstone Partnership"}}
    text = json.dumps(view)
    assert "Figures to December 2013; no police.uk months imported" in text
    views = [b for b in view["blocks"] if (b.get("accessory") or {}).get("action_id") == "crimebot_home_view"]
    assert [b["block_id"] for b in views] == [f"priority_{p}" for p in PRIORITIES]
    assert [b["accessory"]["value"] for b in views][-2:] == ["priority road safety", "priority shoplifting"]
    shoplifting = views[-1]["text"]["text"]
    assert "Shoplifting, 2012/13: 994; +81 (+8.9%)" in shoplifting and "↑ up, the wrong way" in shoplifting
    assert "↓ down, the right way" in views[1]["text"]["text"]  # asb -1,056
    assert {"Ask a question", "Rank changes", "Latest quarter", "Ward hotspots", "Send me the digest"} <= set(buttons(view))
    assert "admins only" not in text  # a partner sees no admin section


def test_an_admin_sees_subscriptions_the_next_digest_and_post_now(bot, slack):
    view = open_home(bot, slack, ADMIN, "Ev-home-admin")
    assert limit_problems(view, home=True) == []
    text = json.dumps(view)
    assert "Digests (admins only)" in text and "<#C0ALL>" in text
    assert "Next digest: " in text and "09:00 (Europe/London)" in text and "Q3 2013/14" in text
    post_now = [b["accessory"] for b in view["blocks"] if (b.get("accessory") or {}).get("text", {}).get("text") == "Post now"]
    assert post_now[0]["value"] == "C0ALL|"


def test_view_sends_the_priority_pack_privately_by_dm(bot, slack, answerer):
    before = len(slack.calls_to("chat.postMessage"))
    assert interact(bot, home_click("crimebot_home_view", "priority road safety"))[0] == 200
    [message] = wait_dm(slack, PARTNER, 1, before)
    assert slack.calls_to("conversations.open")[-1].body["users"] == PARTNER
    expected = answerer.ask("priority road safety")
    assert message.body["blocks"][0]["text"]["text"] == expected.tables[0].title
    assert "KSI car drivers aged 17-24" in message.body["text"] and "5" in message.body["text"]
    assert limit_problems(message.body) == [] and "Post to channel" not in buttons(message.body)


@pytest.mark.parametrize("index, question_asked, expected", [
    (0, "rank changes", "14 improved, 9 unchanged, 8 declined"),
    (1, "all crime last quarter", "Q3 2013/14 (Oct-Dec 2013): 2,294 crimes"),
    (2, "wards", "Ward hotspots"),
])
def test_the_most_asked_questions_are_one_click(bot, slack, index, question_asked, expected):
    before = len(slack.calls_to("chat.postMessage"))
    interact(bot, home_click(f"crimebot_home_ask_{index}", question_asked))
    messages = wait_dm(slack, PARTNER, 1, before)
    assert expected in messages[0].body["text"]


# -- the Ask form ---------------------------------------------------------------------------------------------
def test_the_shortcut_opens_the_form_and_its_submission_sends_the_figures_by_dm(bot, slack):
    before_open = len(slack.calls_to("views.open"))
    status, _, _ = interact(bot, {"type": "shortcut", "callback_id": "ask_crimebot", "trigger_id": "t.shortcut",
                                  "user": {"id": PARTNER}, "action_ts": "1"})
    assert status == 200
    opened = slack.wait_for("views.open", before_open + 1)[-1]
    assert opened.body["trigger_id"] == "t.shortcut"
    view = opened.reply["view"]
    assert view["callback_id"] == "ask_crimebot_form" and limit_problems(view, home=True) == []
    area = next(b for b in view["blocks"] if b["block_id"] == "area")["element"]
    assert area["initial_option"]["value"] == "maidstone"
    assert [g["label"]["text"] for g in area["option_groups"]] == ["Maidstone", "Maidstone's wards", "Kent districts",
                                                                  "Kent & Medway"]
    # type-ahead: Slack asks for the options as the person types
    status, body, _ = interact(bot, {"type": "block_suggestion", "user": {"id": PARTNER}, "action_id": "ask_indicator",
                                     "block_id": "indicator", "value": "shopl", "view": view})
    assert status == 200 and json.loads(body)["options"][0] == {"text": {"type": "plain_text", "text": "Shoplifting"},
                                                                "value": "shoplifting"}
    # choosing the crime type updates the form with the periods it has
    state = {"indicator": {"ask_indicator": {"type": "external_select", "selected_option": {"value": "shoplifting"}}},
             "area": {"ask_area": {"type": "static_select", "selected_option": {"value": "maidstone"}}}}
    before_update = len(slack.calls_to("views.update"))
    interact(bot, {"type": "block_actions", "user": {"id": PARTNER}, "container": {"type": "view", "view_id": view["id"]},
                   "view": {**view, "state": {"values": state}},
                   "actions": [{"type": "external_select", "action_id": "ask_indicator", "block_id": "indicator",
                                "selected_option": {"value": "shoplifting"}, "action_ts": "2"}]})
    updated = slack.wait_for("views.update", before_update + 1)[-1]
    assert updated.body["view_id"] == view["id"]
    form = updated.reply["view"]
    periods = next(b for b in form["blocks"] if b["block_id"].startswith("period"))["element"]["options"]
    assert [o["value"] for o in periods][:4] == ["latest", "2012/13", "2011/12", "2010/11"]
    # submitted: the answer comes by DM, with Trend and Wards as a /crime answer has
    state["period_shoplifting"] = {"ask_period": {"type": "static_select", "selected_option": {"value": "2011/12"}}}
    before = len(slack.calls_to("chat.postMessage"))
    status, body, _ = interact(bot, {"type": "view_submission", "user": {"id": PARTNER},
                                     "view": {**form, "state": {"values": state}}})
    assert status == 200 and body == ""  # an empty ack closes the form
    [answer] = wait_dm(slack, PARTNER, 1, before)
    assert "Shoplifting in Maidstone, 2011/12: 913" in answer.body["text"]
    assert set(buttons(answer.body)) == {"Trend", "Excel"} and limit_problems(answer.body) == []


@pytest.mark.parametrize("state, expected", [
    ({"question": {"ask_text": {"type": "plain_text_input", "value": "asb wards"}}}, "High Street"),
    ({"indicator": {"ask_indicator": {"type": "external_select", "selected_option": {"value": "burglary_dwelling"}}},
      "area": {"ask_area": {"type": "static_select", "selected_option": {"value": "ashford"}}}}, "Ashford"),
])
def test_the_form_answers_typed_questions_and_other_places(bot, slack, state, expected):
    before = len(slack.calls_to("chat.postMessage"))
    interact(bot, {"type": "view_submission", "user": {"id": PARTNER},
                   "view": {"id": "V1", "type": "modal", "callback_id": "ask_crimebot_form",
                            "state": {"values": state}}})
    messages = wait_dm(slack, PARTNER, 1, before)
    assert expected in json.dumps(messages[0].body)


def test_an_empty_form_is_refused_with_a_message_beside_the_field(bot, slack):
    status, body, _ = interact(bot, {"type": "view_submission", "user": {"id": PARTNER},
                                     "view": {"id": "V1", "type": "modal", "callback_id": "ask_crimebot_form",
                                              "state": {"values": {}}}})
    assert status == 200
    assert json.loads(body) == {"response_action": "errors",
                                "errors": {"indicator": "Pick a crime type or measure, or type a question below."}}


def test_the_home_tabs_ask_button_opens_the_form(bot, slack):
    before = len(slack.calls_to("views.open"))
    interact(bot, home_click("crimebot_open_ask", "open"))
    assert slack.wait_for("views.open", before + 1)[-1].body["trigger_id"] == "t.home"


def test_every_choice_the_form_offers_reads_back_as_chosen(answerer):
    """Each crime type, in the home district, a ward, another district and the county, for its latest three
    periods and 'the latest': the question the form makes parses back to exactly those choices."""
    wrong = []
    for indicator in answerer.indicators:
        for area in ("maidstone", "high_street", "ashford", "kent"):
            for period in [None] + [p.value for p in periods_of(answerer, indicator, area)[:3]]:
                asked = question(answerer, indicator, area, period)
                read = parse(asked, answerer.vocab)
                if (read.indicator, read.area or "maidstone", read.period) != (indicator, area, period):
                    wrong.append((indicator, area, period, asked))
    assert wrong == []


@pytest.mark.parametrize("typed, first", [("shopl", "Shoplifting"), ("dv", "dv → Domestic abuse - incidents"),
                                          ("", None), ("zzqx", None)])
def test_type_ahead_over_names_and_partners_words(answerer, typed, first):
    found = indicators_matching(answerer, typed)
    if typed == "":
        assert len(found) == min(100, len(answerer.indicators))
    elif first is None:
        assert found == []
    else:
        assert found[0].label == first


def test_the_form_with_every_period_passes_slacks_limits(answerer):
    for indicator in answerer.indicators:
        from bot.choices import Choice

        view = ask_modal(area_groups(answerer, "maidstone"), "maidstone", indicator=Choice(indicator, indicator),
                         periods=periods_of(answerer, indicator))
        assert limit_problems(view, home=True) == [], indicator


# -- questions by direct message ----------------------------------------------------------------------------------
def dm(text: str, ts: str, **extra) -> dict:
    return {"type": "message", "channel": "D0PARTNER", "channel_type": "im", "user": PARTNER, "text": text,
            "ts": ts, **extra}


def test_a_dm_question_is_answered_in_the_dm_once_even_when_slack_retries(bot, slack):
    before = len(slack.calls_to("chat.postMessage"))
    assert send_event(bot, dm("shoplifting maidstone 2012/13", "1800.0001"), "Ev-dm-1")[0] == 200
    assert send_event(bot, dm("shoplifting maidstone 2012/13", "1800.0001"), "Ev-dm-1", retry=1)[0] == 200
    assert send_event(bot, dm("shoplifting maidstone 2012/13", "1800.0001"), "Ev-dm-1b", retry=2)[0] == 200
    [answer] = wait_dm(slack, PARTNER, 1, before)
    time.sleep(1)
    assert len(dm_posts(slack, PARTNER, before)) == 1
    assert "994" in answer.body["text"] and not answer.body.get("thread_ts")
    assert set(buttons(answer.body)) == {"Trend", "Excel"} and limit_problems(answer.body) == []


@pytest.mark.parametrize("event", [
    dm("asb", "1800.0002", bot_id="B0CRIMEBOT"),  # the bot's own message
    dm("asb", "1800.0003", subtype="message_changed"),  # an edit
    dm("asb", "1800.0004", subtype="channel_join"),
    {**dm("asb", "1800.0005"), "channel_type": "channel", "channel": "C0CSP"},  # not a DM
])
def test_the_bots_own_messages_edits_and_channel_messages_are_ignored(bot, slack, event):
    before = len(slack.calls_to("chat.postMessage"))
    send_event(bot, event, f"Ev-ignored-{event['ts']}")
    time.sleep(1)
    assert slack.calls_to("chat.postMessage")[before:] == []


def test_a_reply_in_a_thread_is_answered_in_the_thread(bot, slack):
    before = len(slack.calls_to("chat.postMessage"))
    send_event(bot, dm("trend shoplifting", "1800.0011", thread_ts="1800.0010"), "Ev-dm-thread")
    [answer] = wait_dm(slack, PARTNER, 1, before)
    assert answer.body["thread_ts"] == "1800.0010" and "Shoplifting" in answer.body["text"]


def test_a_button_on_a_dm_answer_replies_in_its_thread(bot, slack):
    before = len(slack.calls_to("chat.postMessage"))
    interact(bot, {"type": "block_actions", "user": {"id": PARTNER}, "channel": {"id": "D0PARTNER"},
                   "container": {"type": "message", "message_ts": "1800.0020", "channel_id": "D0PARTNER",
                                 "is_ephemeral": False},
                   "message": {"ts": "1800.0020", "text": "x"}, "response_url": slack.response_url("dm-button"),
                   "actions": [{"type": "button", "action_id": "crimebot_ask_0", "block_id": "crimebot_actions",
                                "value": "trend shoplifting", "action_ts": "3"}]})
    [answer] = wait_dm(slack, PARTNER, 1, before)
    assert answer.body["thread_ts"] == "1800.0020" and "Shoplifting" in answer.body["text"]
    assert slack.calls_to("dm-button") == []  # a real message in the thread, not an ephemeral reply


# -- personal digests ---------------------------------------------------------------------------------------------
def slash(bot, slack, text: str, name: str, user: str = PARTNER):
    body = urlencode({"team_id": TEAM, "channel_id": "C0CSP", "user_id": user, "command": "/crime", "text": text,
                      "response_url": slack.response_url(name), "trigger_id": "1.2.3"})
    post(bot + "/slack/events", body, signed_headers(SECRET, body))
    return slack.wait_for(name)[-1].body["text"]


def test_a_personal_subscription_gets_one_digest_per_quarter_by_dm(bot, slack, poster, home_settings):
    user = "U0READER"
    assert "You now get the quarterly digest by direct message" in slash(bot, slack, "subscribe me", "me-1", user)
    assert "already get" in slash(bot, slack, "subscribe me", "me-2", user)
    assert (user, None) in poster.ledger.subscriptions()
    before = len(slack.calls_to("chat.postMessage"))
    scheduler = DigestScheduler(poster, digest_trigger(home_settings))
    scheduler.run(datetime(2014, 1, 15, 9, tzinfo=LONDON))  # Q3 2013/14
    scheduler.run(datetime(2014, 1, 15, 9, 5, tzinfo=LONDON))  # fired again: the ledger keeps it to once
    scheduler.catch_up(datetime(2014, 2, 1, tzinfo=LONDON))
    digests = dm_posts(slack, user, before)
    assert len(digests) == 1 and "+711 (+11.4%)" in digests[0].body["text"]
    metadata = digests[0].body["metadata"]
    metadata = json.loads(metadata) if isinstance(metadata, str) else metadata
    assert metadata["event_payload"]["key"] == f"{user}|Q3 2013/14|"
    view = open_home(bot, slack, user, "Ev-home-reader")
    assert "Your digests: you get the quarterly digest by direct message" in json.dumps(view)
    assert "no longer get" in slash(bot, slack, "unsubscribe me", "me-3", user)
    assert (user, None) not in poster.ledger.subscriptions()


def test_a_personal_digest_whose_post_had_no_answer_is_found_in_the_dm_not_sent_again(poster, slack):
    user = "U0DROPPED"
    poster.ledger.subscribe(user, "road_safety", by=user)
    slack.accept_then("chat.postMessage", "drop")  # it landed in the DM, then the connection dropped
    outcome = poster.post_one(user, FinancialQuarter.parse("Q2 2013/14"), "road_safety")
    assert outcome.status == "posted" and "Slack had it" in outcome.reconciled
    assert [c.body["channel"] for c in slack.calls_to("conversations.history")][-1] == "D0DROPPED"
    assert len(slack.messages_in("D0DROPPED")) == 1


def test_subscribe_me_is_for_anyone_and_plain_subscribe_still_for_admins(bot, slack):
    assert "for crimebot's admins only" in slash(bot, slack, "subscribe", "plain-sub")
    assert "is not one of the priorities" in slash(bot, slack, "subscribe me priority nonsense", "me-bad")
    assert "road safety digest" in slash(bot, slack, "subscribe me priority road safety", "me-road", "U0ROADS")


def test_post_now_on_the_home_tab_posts_once_and_only_for_admins(bot, slack, poster):
    poster.ledger.subscribe("C0HOMEPOST", None, by=ADMIN)
    before = len(slack.calls_to("chat.postMessage"))
    interact(bot, home_click("crimebot_home_digest_now", "C0HOMEPOST|", user=PARTNER))
    [refused] = wait_dm(slack, PARTNER, 1, before)
    assert "admins only" in refused.body["text"]
    for n in range(2):
        before = len(slack.calls_to("chat.postMessage"))
        interact(bot, home_click("crimebot_home_digest_now", "C0HOMEPOST|", user=ADMIN))
        [told] = wait_dm(slack, ADMIN, 1, before)
        assert ("Posted the Q3 2013/14 digest to <#C0HOMEPOST>" if n == 0 else "already posted") in told.body["text"]
    assert len([m for m in slack.messages_in("C0HOMEPOST")]) == 1


# -- a data reload refreshes the Home tab -------------------------------------------------------------------------
def test_after_a_reload_the_home_tab_is_published_again_with_the_new_data(settings, slack, data_copy, tmp_path):
    state = private_state(settings, tmp_path / "state")
    reload_settings = dataclasses.replace(settings, data_dir=data_copy, state_dir=state, slack_bot_token=TOKEN,
                                          slack_signing_secret=SECRET, slack_api_url=slack.api_url,
                                          allowed_team_ids=frozenset({TEAM}))
    service = Service(reload_settings)
    app = create_app(reload_settings, service)
    with BackgroundServer(http_app(app, SECRET)) as url:
        open_home(url, slack, "U0WATCHER", "Ev-watch")
        (data_copy / "partnership.csv").write_text("name,short_name,home_area,county,county_short_name,peer_group,"
                                                   "document\nMaidstone Community Safety Partnership,MCSP,maidstone,"
                                                   ",,,Assessment\n")
        before = len(slack.calls_to("views.publish"))
        assert service.reload().startswith("Reloaded")
        calls = slack.wait_for("views.publish", before + 1)
        view = view_of(calls[-1])
        assert calls[-1].body["user_id"] == "U0WATCHER"
        assert view["blocks"][0]["text"]["text"] == "Maidstone Community Safety Partnership"


def test_a_partnership_file_with_two_rows_is_refused_by_name(data_copy):
    from bot.datapack import DataError, load_pack

    (data_copy / "partnership.csv").write_text("name,short_name,home_area,county,county_short_name,peer_group,document\n"
                                               "A,,maidstone,,,,x\nB,,maidstone,,,,y\n")
    with pytest.raises(DataError) as caught:
        load_pack(data_copy)
    assert caught.value.file == "partnership.csv" and "one row" in str(caught.value)


# -- Socket Mode -------------------------------------------------------------------------------------------------
def test_socket_mode_home_form_dm_and_personal_digest(slack, settings, tmp_path):
    """`crimebot serve` over a websocket: each path acked by envelope and answered through the Web API."""
    state = private_state(settings, tmp_path / "state")
    with SocketModeStandIn() as socket_mode:
        slack.script("apps.connections.open", Reply(200, {"ok": True, "url": socket_mode.url}))
        env = {"PATH": os.environ["PATH"], "CRIMEBOT_STATE_DIR": str(state), "SLACK_BOT_TOKEN": TOKEN,
               "SLACK_APP_TOKEN": "xapp-1-A0-123-socketmode", "SLACK_API_URL": slack.api_url, "CRIMEBOT_ADMINS": ADMIN,
               "CRIMEBOT_POLICE_UK_FETCH_CRON": ""}
        process = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve"], cwd=PROJECT_ROOT, env=env,
                                   stderr=subprocess.PIPE, text=True)
        envelopes = iter(range(1000))

        def send(kind: str, payload: dict) -> dict:
            envelope = f"env-home-{next(envelopes)}"
            socket_mode.send({"envelope_id": envelope, "type": kind, "payload": payload,
                              "accepts_response_payload": kind != "events_api"})
            ack = socket_mode.wait_for_ack(envelope, timeout=30)
            assert ack is not None, kind
            return ack

        def event(payload: dict, event_id: str) -> dict:
            return send("events_api", {"team_id": TEAM, "api_app_id": "A0CRIMEBOT", "type": "event_callback",
                                       "event_id": event_id, "event": payload})

        def interactive(payload: dict) -> dict:
            return send("interactive", {"team": {"id": TEAM}, "api_app_id": "A0CRIMEBOT", **payload})

        try:
            assert socket_mode.wait_connected(60)
            before = len(slack.calls_to("views.publish"))
            event({"type": "app_home_opened", "user": PARTNER, "tab": "home", "channel": "D0PARTNER"}, "Ev-sm-home")
            home = view_of([c for c in slack.wait_for("views.publish", before + 1, timeout=30)
                            if c.body["user_id"] == PARTNER][-1])
            assert len([b for b in home["blocks"] if (b.get("accessory") or {}).get("text", {}).get("text") == "View"]) == 6
            assert "Figures to December 2013" in json.dumps(home)

            before = len(slack.calls_to("views.open"))
            interactive({"type": "shortcut", "callback_id": "ask_crimebot", "trigger_id": "t.sm", "user": {"id": PARTNER}})
            form = slack.wait_for("views.open", before + 1, timeout=30)[-1].reply["view"]
            ack = interactive({"type": "block_suggestion", "user": {"id": PARTNER}, "action_id": "ask_indicator",
                               "block_id": "indicator", "value": "asb", "view": form})
            assert ack["payload"]["options"][0]["value"] == "asb"
            before = len(slack.calls_to("chat.postMessage"))
            state = {"indicator": {"ask_indicator": {"type": "external_select", "selected_option": {"value": "asb"}}},
                     "area": {"ask_area": {"type": "static_select", "selected_option": {"value": "maidstone"}}}}
            interactive({"type": "view_submission", "user": {"id": PARTNER}, "view": {**form, "state": {"values": state}}})
            [answer] = wait_dm(slack, PARTNER, 1, before, timeout=30)
            assert "Anti-social behaviour in Maidstone, 2012/13: 4,326" in answer.body["text"]

            before = len(slack.calls_to("chat.postMessage"))
            for retry in range(2):  # delivered twice
                event(dm("shoplifting 2011/12", "1900.0001"), "Ev-sm-dm")
            [answer] = wait_dm(slack, PARTNER, 1, before, timeout=30)
            time.sleep(1)
            assert len(dm_posts(slack, PARTNER, before)) == 1 and "913" in answer.body["text"]

            payload = {"team_id": TEAM, "channel_id": "C0CSP", "user_id": "U0SOCKET", "command": "/crime",
                       "text": "subscribe me", "response_url": slack.response_url("sm-subscribe"), "trigger_id": "1"}
            send("slash_commands", payload)
            assert "You now get the quarterly digest" in slack.wait_for("sm-subscribe", timeout=30)[-1].body["text"]
            for n in range(2):  # an admin presses Post now twice: one digest in the person's DM
                before = len(slack.calls_to("chat.postMessage"))
                interactive(home_click("crimebot_home_digest_now", "U0SOCKET|", user=ADMIN))
                [told] = wait_dm(slack, ADMIN, 1, before, timeout=60)
                assert ("Posted the Q3 2013/14 digest to <@U0SOCKET>" if n == 0 else "already posted") in told.body["text"]
            assert len(slack.messages_in("D0SOCKET")) == 1 and "+711 (+11.4%)" in slack.messages_in("D0SOCKET")[0]["text"]
        finally:
            process.terminate()
            _, stderr = process.communicate(timeout=20)
        assert "Traceback" not in stderr, stderr[-3000:]
        assert "xapp-1-A0-123-socketmode" not in stderr and TOKEN not in stderr


def test_the_manifest_has_the_shortcut_the_messages_tab_and_dm_events():
    import yaml

    manifest = yaml.safe_load((PROJECT_ROOT / "manifest.yml").read_text())
    [shortcut] = manifest["features"]["shortcuts"]
    assert shortcut["callback_id"] == "ask_crimebot" and shortcut["type"] == "global"
    home = manifest["features"]["app_home"]
    assert home["messages_tab_enabled"] is True and home["messages_tab_read_only_enabled"] is False
    assert "message.im" in manifest["settings"]["event_subscriptions"]["bot_events"]
    assert {"im:history", "im:write"} <= set(manifest["oauth_config"]["scopes"]["bot"])


def test_readme_shows_the_home_tab_the_form_and_dms():
    readme = (PROJECT_ROOT / "README.md").read_text()
    section = readme[readme.index("## Connect to Slack"):readme.index("### Security")]
    for words in ("Home tab", "Ask crimebot", "direct message", "/crime subscribe me", "ask_crimebot"):
        assert words in section, words



def test_the_dashboard_works_without_slack(settings):
    result = subprocess.run([sys.executable, "-m", "bot.cli", "home"], capture_output=True, text=True, cwd=PROJECT_ROOT,
                            env={"PATH": os.environ["PATH"], "CRIMEBOT_STATE_DIR": str(settings.state_dir)}, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Safer Maidstone Partnership" and lines[1].startswith("Figures to December 2013")
    assert "  Shoplifting, 2012/13: 994; +81 (+8.9%); county rank 10 ↓ declined" in lines
    assert "  ↓ down, the right way" in lines and result.stdout.count("  ask: priority ") == 6
