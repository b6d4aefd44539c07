"""The Slack app over real HTTP: signed requests into uvicorn, answers out to a local Slack stand-in."""
import dataclasses
import json
import logging
import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from urllib.parse import urlencode

import pytest

from bot.answer import Answer, Table
from bot.service import Service
from bot.settings import PROJECT_ROOT
from bot.slack.app import create_app
from bot.slack.blocks import answer_message, answer_messages, limit_problems
from bot.slack.server import BackgroundServer, http_app
from bot.slack.standin import Reply, SlackStandIn, signed_headers
from tests.test_ask import PHRASINGS

SECRET = "test-signing-secret-0123456789"
TOKEN = "xoxb-111-222-testtokenvalue"
TEAM, ADMIN, PARTNER = "T0STANDIN", "U0ADMIN", "U0PARTNER"


class FixedClock:
    def __init__(self, now: float):
        self.value = now

    def now(self) -> float:
        return self.value


@pytest.fixture(scope="module")
def slack():
    with SlackStandIn() as standin:
        yield standin


@pytest.fixture(scope="module")
def bot_settings(settings, slack):
    return dataclasses.replace(settings, slack_bot_token=TOKEN, slack_signing_secret=SECRET,
                               slack_api_url=slack.api_url, allowed_team_ids=frozenset({TEAM}),
                               admin_user_ids=frozenset({ADMIN}))


@pytest.fixture(scope="module")
def bot(bot_settings, answerer):
    """The bot in HTTP mode on loopback; yields its base URL."""
    app = create_app(bot_settings, Service(bot_settings, answerer))
    with BackgroundServer(http_app(app, SECRET)) as url:
        yield url


def post(url: str, body: str, headers: dict) -> tuple[int, str, float]:
    request = urllib.request.Request(url, data=body.encode(), headers=headers, method="POST")
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode(), time.monotonic() - started
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(), time.monotonic() - started


def command(bot, slack, text: str, name: str, user: str = PARTNER, team: str = TEAM, timestamp=None, secret=SECRET):
    body = urlencode({"token": "deprecated", "team_id": team, "team_domain": "smp", "channel_id": "C0CSP",
                      "channel_name": "csp", "user_id": user, "user_name": "partner", "command": "/crime",
                      "text": text, "response_url": slack.response_url(name), "trigger_id": "1.2.3",
                      "api_app_id": "A0CRIMEBOT", "is_enterprise_install": "false"})
    return post(bot + "/slack/events", body, signed_headers(secret, body, timestamp))


def event(bot, payload: dict, event_id: str):
    body = json.dumps({"token": "deprecated", "team_id": TEAM, "api_app_id": "A0CRIMEBOT", "type": "event_callback",
                       "event_id": event_id, "event_time": int(time.time()), "event": payload,
                       "authorizations": [{"team_id": TEAM, "user_id": "U0CRIMEBOT", "is_bot": True}]})
    return post(bot + "/slack/events", body, signed_headers(SECRET, body, content_type="application/json"))


def click(bot, slack, action_id: str, value: str, name: str):
    payload = {"type": "block_actions", "team": {"id": TEAM}, "user": {"id": PARTNER}, "api_app_id": "A0CRIMEBOT",
               "channel": {"id": "C0CSP"}, "container": {"type": "message", "is_ephemeral": True},
               "response_url": slack.response_url(name), "trigger_id": "1.2.3",
               "actions": [{"type": "button", "action_id": action_id, "block_id": "crimebot_actions",
                            "value": value, "action_ts": "1.2"}]}
    body = urlencode({"payload": json.dumps(payload)})
    return post(bot + "/slack/events", body, signed_headers(SECRET, body))


def cells(message: dict) -> list[list[str]]:
    table = next(b for b in message["blocks"] if b["type"] == "table")
    return [[c["text"] for c in row] for row in table["rows"]]


# -- signing ---------------------------------------------------------------------------------------
SLACK_EXAMPLE = {
    "secret": "8f742231b10e8888abcd99yyyzzz85a5", "timestamp": 1531420618,
    "body": "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&"
            "channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&"
            "response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&"
            "trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c",
    "signature": "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
}


@pytest.mark.parametrize("clock_at, signature, expected", [
    (SLACK_EXAMPLE["timestamp"], SLACK_EXAMPLE["signature"], 200),  # Slack's own example verifies
    (SLACK_EXAMPLE["timestamp"] + 299, SLACK_EXAMPLE["signature"], 200),
    (SLACK_EXAMPLE["timestamp"] + 301, SLACK_EXAMPLE["signature"], 401),  # more than 5 minutes off
    (SLACK_EXAMPLE["timestamp"] - 301, SLACK_EXAMPLE["signature"], 401),
    (SLACK_EXAMPLE["timestamp"], SLACK_EXAMPLE["signature"][:-1] + "0", 401),
    (SLACK_EXAMPLE["timestamp"], "", 401),
])
def test_slacks_published_signing_example(bot_settings, answerer, clock_at, signature, expected):
    settings = dataclasses.replace(bot_settings, slack_signing_secret=SLACK_EXAMPLE["secret"])
    app = create_app(settings, Service(settings, answerer))
    with BackgroundServer(http_app(app, settings.slack_signing_secret, clock=FixedClock(clock_at))) as url:
        headers = {"Content-Type": "application/x-www-form-urlencoded",
                   "X-Slack-Request-Timestamp": str(SLACK_EXAMPLE["timestamp"]), "X-Slack-Signature": signature}
        status, body, _ = post(url + "/slack/events", SLACK_EXAMPLE["body"], headers)
    assert status == expected
    if expected == 200:  # verified; then refused politely, as T1DC2JH3J is not an allowed workspace
        assert "not enabled for this workspace" in body and "T1DC2JH3J" in body


@pytest.mark.parametrize("case", ["bad signature", "no signature", "old timestamp", "future timestamp", "other secret"])
def test_unsigned_or_stale_requests_get_401_and_no_answer(bot, slack, case):
    name = "refused-" + case.replace(" ", "-")
    if case == "bad signature":
        body = urlencode({"team_id": TEAM, "command": "/crime", "text": "asb", "response_url": slack.response_url(name)})
        headers = signed_headers(SECRET, body)
        headers["X-Slack-Signature"] = headers["X-Slack-Signature"][:-4] + "beef"
        status, _, _ = post(bot + "/slack/events", body, headers)
    elif case == "no signature":
        body = urlencode({"team_id": TEAM, "command": "/crime", "text": "asb", "response_url": slack.response_url(name)})
        status, _, _ = post(bot + "/slack/events", body, {"Content-Type": "application/x-www-form-urlencoded"})
    elif case == "other secret":
        status, _, _ = command(bot, slack, "asb", name, secret="not-the-secret")
    else:
        offset = -301 if case == "old timestamp" else 301
        status, _, _ = command(bot, slack, "asb", name, timestamp=int(time.time()) + offset)
    assert status == 401
    time.sleep(0.3)
    assert slack.calls_to(name) == []


# -- /crime ----------------------------------------------------------------------------------------
def test_slash_command_acks_at_once_and_answers_through_the_response_url(bot, slack):
    status, body, elapsed = command(bot, slack, "shoplifting maidstone 2012/13", "shoplifting")
    assert status == 200 and body == ""
    assert elapsed < 3.0  # Slack's limit; the answer itself follows through the response_url
    [call] = slack.wait_for("shoplifting")
    message = call.body
    assert message["response_type"] == "ephemeral"
    assert limit_problems(message) == []
    rows = cells(message)
    assert rows[0][:2] == ["Period", "Crimes"]
    assert ["2012/13", "994"] == rows[-1][:2] and "10" in rows[-1] and "↓ declined" in rows[-1]
    assert "994" in message["text"]
    texts = json.dumps(message["blocks"])
    assert "Source: Strategic Assessment section" in texts
    buttons = {e["text"]["text"]: e["value"] for b in message["blocks"] if b["type"] == "actions" for e in b["elements"]}
    # the assessment names no shoplifting wards, so there is no Wards button (asb has one: below)
    assert buttons == {"Post to channel": "shoplifting maidstone 2012/13", "Trend": "trend shoplifting",
                       "Excel": "shoplifting maidstone 2012/13"}


def test_wards_button_where_the_assessment_names_wards(answerer):
    message = answer_message(answerer.ask("asb 2012/13"))
    buttons = {e["text"]["text"]: e["value"] for b in message["blocks"] if b["type"] == "actions" for e in b["elements"]}
    assert buttons == {"Post to channel": "asb 2012/13", "Trend": "trend anti-social behaviour",
                       "Wards": "anti-social behaviour wards", "Excel": "asb 2012/13"}


def test_error_answers_ephemerally_with_did_you_mean_and_an_example(bot, slack):
    status, body, _ = command(bot, slack, "shopliftng 2012/13", "typo")
    assert status == 200
    [call] = slack.wait_for("typo")
    assert call.body["response_type"] == "ephemeral"
    text = json.dumps(call.body)
    assert "Shoplifting" in text or "shoplifting" in text
    status, body, _ = command(bot, slack, "zzqx blorp", "nonsense")
    [call] = slack.wait_for("nonsense")
    text = json.dumps(call.body)
    assert "didn't understand" in text and "/crime shoplifting maidstone 2012/13" in text
    assert limit_problems(call.body) == []


def test_workspace_not_allowed_is_refused_politely(bot, slack):
    status, body, _ = command(bot, slack, "asb", "other-team", team="T0ELSEWHERE")
    assert status == 200
    reply = json.loads(body)
    assert reply["response_type"] == "ephemeral" and "not enabled for this workspace" in reply["text"]
    time.sleep(0.3)
    assert slack.calls_to("other-team") == []


@pytest.mark.parametrize("user, text, expected", [
    (PARTNER, "reload", "for crimebot's admins only"),
    (PARTNER, "data reload", "for crimebot's admins only"),
    (ADMIN, "reload", "has not changed"),
])
def test_admin_commands_answer_only_admins(bot, slack, user, text, expected):
    name = f"admin-{user}-{text.replace(' ', '-')}"
    command(bot, slack, text, name, user=user)
    [call] = slack.wait_for(name)
    assert expected in call.body["text"]


def test_help_in_slack_lists_every_example_and_admin_commands(bot, slack):
    command(bot, slack, "help", "help")
    [call] = slack.wait_for("help")
    rows = cells(call.body)
    assert len(rows) > 10 and rows[1][0].startswith("/crime ")
    assert "`reload`" in json.dumps(call.body)


def test_post_to_channel_shares_the_answer_in_channel_and_removes_the_private_copy(bot, slack):
    status, _, elapsed = click(bot, slack, "crimebot_post", "asb 2012/13", "share")
    assert status == 200 and elapsed < 3.0
    calls = slack.wait_for("share", 2)
    shared, removed = calls[0].body, calls[1].body
    assert shared["response_type"] == "in_channel" and shared["replace_original"] is False
    assert f"Shared by <@{PARTNER}>" in json.dumps(shared["blocks"])
    assert not any(e["text"]["text"] == "Post to channel" for b in shared["blocks"] if b["type"] == "actions"
                   for e in b["elements"])
    assert removed["delete_original"] is True
    assert limit_problems(shared) == []


def test_two_readings_come_back_as_buttons_that_each_ask_their_question(bot, slack):
    command(bot, slack, "asb or criminal damage", "choices")
    [call] = slack.wait_for("choices")
    assert call.body["response_type"] == "ephemeral" and "Did you mean" in call.body["text"]
    buttons = [e for b in call.body["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [b["value"] for b in buttons] == ["anti-social behaviour", "criminal damage"]
    assert limit_problems(call.body) == []
    click(bot, slack, buttons[1]["action_id"], buttons[1]["value"], "chosen")  # the partner picks one
    [call] = slack.wait_for("chosen")
    assert "Criminal damage in Maidstone" in call.body["text"]


def test_trend_button_asks_the_follow_up_question(bot, slack):
    click(bot, slack, "crimebot_ask_0", "trend shoplifting", "trend")
    [call] = slack.wait_for("trend")
    assert call.body["replace_original"] is False
    assert "Shoplifting" in call.body["text"] and len(cells(call.body)) > 2


# -- @mentions and App Home ------------------------------------------------------------------------
def test_mention_answers_in_a_thread(bot, slack):
    before = len(slack.calls_to("chat.postMessage"))
    status, _, _ = event(bot, {"type": "app_mention", "user": PARTNER, "channel": "C0CSP", "ts": "1700.0001",
                               "text": "<@U0CRIMEBOT> asb wards"}, "Ev-wards")
    assert status == 200
    calls = slack.wait_for("chat.postMessage", before + 1)
    message = calls[-1].body
    assert message["channel"] == "C0CSP" and message["thread_ts"] == "1700.0001"
    assert calls[-1].headers.get("Authorization") == f"Bearer {TOKEN}"
    assert "High Street" in json.dumps(message["blocks"])
    assert limit_problems(message) == []


def test_mention_that_is_not_understood_answers_only_the_asker(bot, slack):
    before = len(slack.calls_to("chat.postEphemeral"))
    event(bot, {"type": "app_mention", "user": PARTNER, "channel": "C0CSP", "ts": "1700.0002",
                "text": "<@U0CRIMEBOT> qwertyuiop"}, "Ev-nonsense")
    calls = slack.wait_for("chat.postEphemeral", before + 1)
    assert calls[-1].body["user"] == PARTNER and "didn't understand" in calls[-1].body["text"]


def test_redelivered_event_is_answered_once(bot, slack):
    before = len(slack.calls_to("chat.postMessage"))
    mention = {"type": "app_mention", "user": PARTNER, "channel": "C0CSP", "ts": "1700.0003", "text": "<@U0CRIMEBOT> asb"}
    event(bot, mention, "Ev-twice")
    event(bot, mention, "Ev-twice")
    slack.wait_for("chat.postMessage", before + 1)
    time.sleep(0.5)
    assert len(slack.calls_to("chat.postMessage")) == before + 1


def test_rate_limited_post_is_retried_after_retry_after(bot, slack):
    before = [c.status for c in slack.calls_to("chat.postMessage")]
    slack.rate_limit("chat.postMessage", retry_after=1)
    started = time.monotonic()
    event(bot, {"type": "app_mention", "user": PARTNER, "channel": "C0CSP", "ts": "1700.0004",
                "text": "<@U0CRIMEBOT> burglary dwelling"}, "Ev-429")
    calls = slack.wait_for("chat.postMessage", len(before) + 2, timeout=15)
    assert [c.status for c in calls[len(before):]] == [429, 200]
    assert time.monotonic() - started >= 1.0  # waited for Retry-After
    assert calls[-1].body["thread_ts"] == "1700.0004"


def test_not_in_channel_is_logged_clearly_and_the_bot_keeps_serving(bot, slack, caplog):
    slack.fail("chat.postMessage", "not_in_channel")
    before = len(slack.calls_to("chat.postMessage"))
    with caplog.at_level(logging.WARNING):
        event(bot, {"type": "app_mention", "user": PARTNER, "channel": "C0NOTIN", "ts": "1700.0005",
                    "text": "<@U0CRIMEBOT> asb"}, "Ev-notin")
        slack.wait_for("chat.postMessage", before + 1)
        deadline = time.monotonic() + 5
        while "not_in_channel" not in caplog.text and time.monotonic() < deadline:
            time.sleep(0.05)
    assert "not_in_channel" in caplog.text and "C0NOTIN" in caplog.text
    with urllib.request.urlopen(bot + "/healthz", timeout=5) as response:
        assert response.status == 200 and json.loads(response.read())["ok"] is True


def test_app_home_shows_priorities_with_headline_figures(bot, slack):
    event(bot, {"type": "app_home_opened", "user": PARTNER, "channel": "D0HOME", "tab": "home"}, "Ev-home")
    [call] = slack.wait_for("views.publish")
    view = json.loads(call.body["view"]) if isinstance(call.body["view"], str) else call.body["view"]
    assert call.body["user_id"] == PARTNER and view["type"] == "home"
    text = json.dumps(view)
    for expected in ("Road Safety", "KSI car drivers aged 17-24, 2012/13 (January to September): 5", "Shoplifting, 2012/13: 994",
                     "/crime priority road safety", "/crime rank changes"):
        assert expected in text
    assert limit_problems(view, home=True) == []


def test_tokens_and_secrets_never_reach_the_log(bot, slack, bot_settings, tmp_path):
    from bot.logs import RedactSecrets

    handler = logging.FileHandler(tmp_path / "bot.log")
    handler.addFilter(RedactSecrets([TOKEN, SECRET]))
    root = logging.getLogger()
    root.addHandler(handler)
    level = root.level
    root.setLevel(logging.DEBUG)
    try:
        logging.getLogger("slack_sdk").setLevel(logging.DEBUG)
        command(bot, slack, "asb", "logged")
        slack.wait_for("logged")
        event(bot, {"type": "app_mention", "user": PARTNER, "channel": "C0CSP", "ts": "1700.0006",
                    "text": "<@U0CRIMEBOT> asb"}, "Ev-logged")
        time.sleep(1)
        logging.getLogger("test").info("token %s secret %s", TOKEN, SECRET)
    finally:
        root.removeHandler(handler)
        root.setLevel(level)
        logging.getLogger("slack_sdk").setLevel(logging.NOTSET)
        handler.close()
    text = (tmp_path / "bot.log").read_text()
    assert text and "[redacted]" in text
    assert TOKEN not in text and SECRET not in text and "testtokenvalue" not in text


# -- Block Kit limits --------------------------------------------------------------------------------
def every_question():
    extra = ["help", "rank changes", "priority", "priority road safety", "priority violent crime", "priority asb",
             "priority substance misuse", "priority reoffending", "priority shoplifting", "wards", "asb wards",
             "compare asb", "trend recorded crime", "trend outcome rate", "", "zzqx", "shopliftng", "asb 1999/00"]
    return sorted({p[0] for p in PHRASINGS} | set(extra))


def test_every_message_the_bot_can_build_passes_block_kit_limits(answerer):
    questions = every_question()
    assert len(questions) > 100
    for question in questions:
        answer = answerer.ask(question)
        for shareable, shared_by in ((True, None), (False, PARTNER)):
            message = answer_message(answer, shareable=shareable, shared_by=shared_by)
            assert limit_problems(message) == [], question
    from bot.dashboard import dashboard
    from bot.slack.home import home_view

    board = dashboard(answerer, answerer.settings.state_dir)
    everything = {"subscriptions": [(f"C{i:08d}", "road_safety") for i in range(300)], "next": "n" * 5000, "quarter": "q"}
    for mine, admin in ((None, None), ([None, "asb"], everything)):
        view = home_view(board, [("q" * 200, "w" * 3000)] * 80, mine=mine, admin=admin)
        assert limit_problems(view, home=True) == []


def test_an_answer_too_big_for_slack_is_sent_in_parts_and_names_what_is_left_out():
    wide = Table("Wide " * 40, [f"Column {i}" for i in range(25)], [[f"{i * j:,}" for j in range(25)] for i in range(150)])
    long = Table("Long", ["Ward", "Note"], [[f"Ward {i}", "x" * 400] for i in range(300)])
    answer = Answer("everything", {}, headline="h" * 5000, tables=[long, wide] * 30,
                    notes=[f"note {i} " + "n" * 2500 for i in range(30)], sources=["s" * 3000] * 5,
                    follow_ups=[("Trend " * 30, "q" * 3000)] * 40)
    messages = answer_messages(answer)
    assert 1 < len(messages) <= 4
    assert all(limit_problems(m) == [] for m in messages)
    assert "Part 2 of" in json.dumps(messages[1]) and messages[0]["blocks"][0]["type"] == "header"
    last = json.dumps(messages[-1])
    assert "do not fit in Slack" in last and "Ask a narrower question" in last
    assert "crimebot ask" not in last  # partners in Slack have no command line
    assert "actions" in {b["type"] for b in messages[-1]["blocks"]}  # the buttons come last
    one = answer_message(answer)  # a digest: one message, saying what it leaves out
    assert limit_problems(one) == [] and "do not fit in Slack" in json.dumps(one)


def test_a_two_part_answer_reaches_the_person_whole(bot, slack, monkeypatch):
    from bot.slack import handlers

    parts = [{"text": f"part {n}", "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": f"part {n}"}}]}
             for n in (1, 2)]
    monkeypatch.setattr(handlers, "answer_messages", lambda answer, **kwargs: parts)
    command(bot, slack, "asb", "two-parts")
    calls = slack.wait_for("two-parts", 2)
    assert [c.body["text"] for c in calls] == ["part 1", "part 2"]


# -- crimebot serve -----------------------------------------------------------------------------------
def run_serve(args, env, timeout=60):
    base = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp")}
    return subprocess.run([sys.executable, "-m", "bot.cli", "serve", *args], capture_output=True, text=True,
                          cwd=PROJECT_ROOT, env={**base, **env}, timeout=timeout)


def test_serve_says_what_is_missing(tmp_path):
    result = run_serve([], {"CRIMEBOT_STATE_DIR": str(tmp_path)})
    assert result.returncode == 2 and "SLACK_BOT_TOKEN" in result.stderr and "SLACK_APP_TOKEN" in result.stderr
    result = run_serve(["--http"], {"CRIMEBOT_STATE_DIR": str(tmp_path), "SLACK_BOT_TOKEN": TOKEN})
    assert result.returncode == 2 and "SLACK_SIGNING_SECRET" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_reports_a_refused_token(tmp_path, slack, settings):
    slack.fail("auth.test", "invalid_auth")
    result = run_serve(["--http"], {"CRIMEBOT_STATE_DIR": str(settings.state_dir), "SLACK_BOT_TOKEN": TOKEN,
                                    "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": slack.api_url})
    assert result.returncode == 2 and "invalid_auth" in result.stderr and "Traceback" not in result.stderr
    assert TOKEN not in result.stderr


def test_serve_uses_socket_mode_with_an_app_token(tmp_path, slack, settings):
    slack.fail("apps.connections.open", "invalid_auth")
    result = run_serve([], {"CRIMEBOT_STATE_DIR": str(settings.state_dir), "SLACK_BOT_TOKEN": TOKEN,
                            "SLACK_APP_TOKEN": "xapp-1-A0-123-abcdef", "SLACK_API_URL": slack.api_url})
    [call] = slack.calls_to("apps.connections.open")
    assert call.headers.get("Authorization") == "Bearer xapp-1-A0-123-abcdef"
    assert result.returncode == 2 and "SLACK_APP_TOKEN" in result.stderr and "Traceback" not in result.stderr


def test_http_serve_runs_under_uvicorn_and_answers_health_checks(tmp_path, slack, settings):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {"PATH": os.environ["PATH"], "CRIMEBOT_STATE_DIR": str(settings.state_dir), "SLACK_BOT_TOKEN": TOKEN,
           "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": slack.api_url}
    process = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve", "--http", "--host", "127.0.0.1",
                                "--port", str(port)], cwd=PROJECT_ROOT, env=env, stderr=subprocess.PIPE, text=True)
    try:
        deadline, status = time.monotonic() + 60, None
        while time.monotonic() < deadline and status is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                    status = response.status
            except OSError:
                time.sleep(0.2)
        assert status == 200
        # no CRIMEBOT_ALLOWED_TEAMS: the token's own workspace (auth.test says T0STANDIN) is allowed
        code, body, _ = command(f"http://127.0.0.1:{port}", slack, "asb", "served")
        assert code == 200 and body == ""
        assert slack.wait_for("served")
        assert command(f"http://127.0.0.1:{port}", slack, "asb", "served-elsewhere", team="T0OTHER")[0] == 200
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=20)
    assert TOKEN not in stderr and SECRET not in stderr
    assert "serving workspace(s) T0STANDIN" in stderr


def test_manifest_declares_what_the_app_listens_for():
    import yaml

    manifest = yaml.safe_load((PROJECT_ROOT / "manifest.yml").read_text())
    [crime] = manifest["features"]["slash_commands"]
    assert crime["command"] == "/crime" and len(crime["command"]) <= 32
    assert set(manifest["settings"]["event_subscriptions"]["bot_events"]) == {"app_mention", "app_home_opened", "message.im"}
    assert {"commands", "chat:write", "chat:write.public", "files:write", "app_mentions:read", "channels:history",
            "groups:history"} <= set(manifest["oauth_config"]["scopes"]["bot"])
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True
    assert manifest["settings"]["interactivity"]["is_enabled"] is True  # the buttons
    assert manifest["settings"]["socket_mode_enabled"] is True


def test_every_setting_is_documented_in_env_example():
    documented = {line.split("=")[0] for line in (PROJECT_ROOT / ".env.example").read_text().splitlines()
                  if "=" in line and not line.startswith("#")}
    read = set(__import__("re").findall(r'env\.get\("([A-Z_]+)"', (PROJECT_ROOT / "bot" / "settings.py").read_text()))
    assert read and read == documented


# -- charts ----------------------------------------------------------------------------------------------
def test_mention_uploads_the_chart_into_the_thread(bot, slack):
    before = len(slack.calls_to("files.completeUploadExternal"))
    event(bot, {"type": "app_mention", "user": PARTNER, "channel": "C0CSP", "ts": "1700.0100",
                "text": "<@U0CRIMEBOT> spc recorded crime"}, "Ev-chart")
    calls = slack.wait_for("files.completeUploadExternal", before + 1, timeout=30)
    complete = calls[-1].body
    assert complete["channel_id"] == "C0CSP" and complete["thread_ts"] == "1700.0100"
    files = json.loads(complete["files"]) if isinstance(complete["files"], str) else complete["files"]
    assert "XmR control chart" in files[0]["title"]
    [upload] = [c for c in slack.calls if c.kind == "upload" and c.name == files[0]["id"]]
    assert upload.body[:8] == b"\x89PNG\r\n\x1a\n"
    ask_for_url = [c for c in slack.calls_to("files.getUploadURLExternal")][-1]
    assert ask_for_url.body["filename"] == "crimebot-spc-recorded-crime.png"
    assert int(ask_for_url.body["length"]) == len(upload.body)


def test_private_answer_with_a_chart_says_how_to_share_it_and_posting_uploads_it(bot, slack):
    command(bot, slack, "trend shoplifting", "chart-private")
    [call] = slack.wait_for("chart-private")
    assert "Post to channel* shares it with the chart" in json.dumps(call.body["blocks"])
    before = len(slack.calls_to("files.completeUploadExternal"))
    click(bot, slack, "crimebot_post", "trend shoplifting", "chart-share")
    calls = slack.wait_for("files.completeUploadExternal", before + 1, timeout=30)
    assert calls[-1].body["channel_id"] == "C0CSP" and not calls[-1].body.get("thread_ts")


def test_chart_upload_refused_tells_the_partner(bot, slack):
    slack.fail("files.getUploadURLExternal", "not_in_channel")
    click(bot, slack, "crimebot_post", "ranks 2012/13", "chart-refused")
    calls = slack.wait_for("chart-refused", 3, timeout=30)
    assert "/invite @crimebot" in calls[-1].body["text"]


def test_socket_mode_end_to_end(slack, settings):
    """`crimebot serve` with an app token: connects over a websocket, acks the envelope, answers via response_url."""
    from bot.slack.standin import SocketModeStandIn

    with SocketModeStandIn() as socket_mode:
        slack.script("apps.connections.open", Reply(200, {"ok": True, "url": socket_mode.url}))
        env = {"PATH": os.environ["PATH"], "CRIMEBOT_STATE_DIR": str(settings.state_dir), "SLACK_BOT_TOKEN": TOKEN,
               "SLACK_APP_TOKEN": "xapp-1-A0-123-socketmode", "SLACK_API_URL": slack.api_url}
        process = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve"], cwd=PROJECT_ROOT, env=env,
                                   stderr=subprocess.PIPE, text=True)
        try:
            assert socket_mode.wait_connected(60)
            payload = {"token": "deprecated", "team_id": "T0STANDIN", "channel_id": "C0CSP", "user_id": PARTNER,
                       "command": "/crime", "text": "asb 2012/13", "response_url": slack.response_url("socket"),
                       "trigger_id": "1.2.3", "api_app_id": "A0CRIMEBOT"}
            socket_mode.send({"envelope_id": "env-1", "type": "slash_commands", "payload": payload,
                              "accepts_response_payload": True})
            assert socket_mode.wait_for_ack("env-1") is not None
            [answer] = slack.wait_for("socket", timeout=30)
            assert "Anti-social behaviour in Maidstone, 2012/13: 4,326" in answer.body["text"]
        finally:
            process.terminate()
            _, stderr = process.communicate(timeout=20)
        assert "xapp-1-A0-123-socketmode" not in stderr and TOKEN not in stderr


# -- the front door: fails fast, no traces for client faults -------------------------------------------------
def raw_http(url: str, data: bytes, read: bool = True, timeout: float = 20) -> bytes:
    """Send bytes as they are (a hostile or broken client) and return what the server answers."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=timeout) as sock:
        sock.sendall(data)
        if not read:
            return b""
        answer = b""
        while True:
            try:
                chunk = sock.recv(65536)
            except (ConnectionResetError, TimeoutError):
                break
            if not chunk:
                break
            answer += chunk
            if b"\r\n\r\n" in answer and b"content-length: " in answer.lower():
                head, _, rest = answer.partition(b"\r\n\r\n")
                length = int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
                if len(rest) >= length:
                    break
        return answer


def no_traces(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.exc_info or "Traceback" in r.getMessage()]


@pytest.mark.parametrize("timestamp, signature", [
    ("abc", None), ("1e9", None), ("", None), (" 12", None), ("-5", None), ("9" * 40, None),
    (None, "garbage"), (None, "v0=" + "z" * 64), (None, "v0=" + "a" * 63), (None, "v1=" + "a" * 64), (None, ""),
])
def test_every_bad_signature_shape_gets_401_without_a_trace(bot, slack, caplog, timestamp, signature):
    body = urlencode({"team_id": TEAM, "command": "/crime", "text": "asb", "response_url": slack.response_url("shape")})
    headers = signed_headers(SECRET, body)
    if timestamp is not None:
        headers["X-Slack-Request-Timestamp"] = timestamp
    if signature is not None:
        headers["X-Slack-Signature"] = signature
    with caplog.at_level(logging.INFO):
        status, _, _ = post(bot + "/slack/events", body, headers)
    assert status == 401
    assert no_traces(caplog) == []


def test_a_body_that_is_not_utf8_is_refused_not_a_500(bot, caplog):
    body = b"team_id=T0STANDIN&text=\xff\xfe\xfa"
    unsigned = {"Content-Type": "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp": str(int(time.time())),
                "X-Slack-Signature": "v0=" + "0" * 64}
    with caplog.at_level(logging.INFO):
        assert post_bytes(bot + "/slack/events", body, unsigned)[0] == 401
        assert post_bytes(bot + "/slack/events", body, signed_headers(SECRET, body))[0] == 400
    assert no_traces(caplog) == []


def post_bytes(url: str, body: bytes, headers: dict) -> tuple[int, str]:
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


@pytest.mark.parametrize("body, content_type", [
    ('[{"command": "/crime"}]', "application/x-www-form-urlencoded"),  # JSON where a form belongs
    ('"just a string"', "application/json"),
    ("[1, 2]", "application/json"),
    ("payload=not-json", "application/x-www-form-urlencoded"),
    ("payload=" + urllib.parse.quote('["a list"]'), "application/x-www-form-urlencoded"),
    ("payload=" + urllib.parse.quote(json.dumps({"type": "block_actions", "team": {"id": TEAM}, "user": {"id": PARTNER},
                                                 "response_url": "x", "actions": []})), "application/x-www-form-urlencoded"),
    ("payload=" + urllib.parse.quote(json.dumps({"type": "block_actions", "team": {"id": TEAM}, "user": {"id": PARTNER},
                                                 "actions": [{"value": "no action_id"}]})), "application/x-www-form-urlencoded"),
    ('{"type": "event_callback", "team_id": "T0STANDIN", "event": "not an object"}', "application/json"),
    ('{"type": "event_callback", "team_id": "T0STANDIN", "event": ' + "[" * 50000 + "]" * 50000 + "}", "application/json"),
    ('{"a": ' + '{"b": ' * 100 + "1" + "}" * 100 + "}", "application/json"),
    ("command=%2Fcrime&text=asb&team_id=" + TEAM, "application/json"),  # a form labelled JSON
])
def test_signed_but_malformed_bodies_get_400_without_a_trace(bot, caplog, body, content_type):
    with caplog.at_level(logging.INFO):
        status, text, _ = post(bot + "/slack/events", body, signed_headers(SECRET, body, content_type=content_type))
    assert status == 400, text
    assert no_traces(caplog) == []


def test_a_body_over_1_mb_is_refused_before_it_is_read(bot, caplog):
    timestamp = str(int(time.time()))
    head = (f"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            f"X-Slack-Request-Timestamp: {timestamp}\r\nX-Slack-Signature: v0={'0' * 64}\r\n"
            f"Content-Length: 100000000\r\n\r\n").encode()
    answer = raw_http(bot, head + b"a=" + b"x" * 1000)  # 100 MB announced, 1 KB sent: answered at once
    assert answer.startswith(b"HTTP/1.1 413")
    chunked = (f"POST /slack/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
               f"X-Slack-Request-Timestamp: {timestamp}\r\nX-Slack-Signature: v0={'0' * 64}\r\n\r\n").encode()
    chunk = b"x" * 65536
    body = b"".join(b"%x\r\n" % len(chunk) + chunk + b"\r\n" for _ in range(20)) + b"0\r\n\r\n"  # 1.3 MB, no length
    assert raw_http(bot, chunked + body).startswith(b"HTTP/1.1 413")
    assert no_traces(caplog) == []


@pytest.fixture(scope="module")
def strict_bot(bot_settings, answerer):
    """The bot with short deadlines and a small connection cap, to see the limits act."""
    app = create_app(bot_settings, Service(bot_settings, answerer))
    with BackgroundServer(http_app(app, SECRET, body_timeout=0.5), header_timeout=0.5, max_connections=20) as url:
        yield url


def test_a_connection_that_never_finishes_its_headers_is_closed(strict_bot):
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(strict_bot)
    with socket.create_connection((parts.hostname, parts.port), timeout=20) as sock:
        sock.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\n")  # and then nothing
        assert sock.recv(1024) == b""  # closed by the server (a recv timeout here raises instead)


def test_a_body_that_never_arrives_gets_408(strict_bot, caplog):
    head = (f"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n"
            f"X-Slack-Request-Timestamp: {int(time.time())}\r\nX-Slack-Signature: v0={'0' * 64}\r\n\r\n").encode()
    assert raw_http(strict_bot, head + b"a=1").startswith(b"HTTP/1.1 408")
    assert no_traces(caplog) == []


def test_when_the_door_is_full_the_slowest_waiting_connections_make_room(strict_bot, slack):
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(strict_bot)
    stalled = []
    try:
        for _ in range(60):  # three times the cap, each stalled half-way through its headers
            sock = socket.create_connection((parts.hostname, parts.port), timeout=20)
            sock.sendall(b"GET /healthz HTTP/1.1\r\n")
            stalled.append(sock)
        status, body, _ = command(strict_bot, slack, "asb 2012/13", "past-the-crowd")
        assert status == 200 and body == ""
        assert slack.wait_for("past-the-crowd")
        with urllib.request.urlopen(strict_bot + "/healthz", timeout=10) as response:
            assert response.status == 200
        closed = 0
        for sock in stalled[:20]:  # the oldest were closed to make room (or reached their head deadline)
            sock.settimeout(10)
            try:
                closed += sock.recv(1024) == b""
            except TimeoutError:  # still open: nothing made room
                pass
            except OSError:  # reset by the server
                closed += 1
        assert closed == 20
    finally:
        for sock in stalled:
            sock.close()


def test_a_client_leaving_mid_body_leaves_no_trace_in_the_log(bot, caplog):
    head = (f"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n"
            f"X-Slack-Request-Timestamp: {int(time.time())}\r\nX-Slack-Signature: v0={'0' * 64}\r\n\r\n").encode()
    with caplog.at_level(logging.DEBUG):
        for _ in range(20):
            raw_http(bot, head + b"a=" + b"x" * 100, read=False)
        time.sleep(0.5)
        with urllib.request.urlopen(bot + "/healthz", timeout=10) as response:
            assert response.status == 200
    assert no_traces(caplog) == []


def test_refusals_are_summarised_not_logged_one_by_one(bot, slack, caplog):
    body = urlencode({"team_id": TEAM, "command": "/crime", "text": "asb"})
    with caplog.at_level(logging.INFO):
        for _ in range(100):
            post(bot + "/slack/events", body, {"Content-Type": "application/x-www-form-urlencoded"})
    lines = [r for r in caplog.records if r.name.startswith("bot.slack")]
    assert len(lines) <= 2, [r.getMessage() for r in lines]


def test_a_replayed_request_is_not_acted_on_twice(bot, slack):
    body = urlencode({"token": "x", "team_id": TEAM, "channel_id": "C0CSP", "user_id": PARTNER, "command": "/crime",
                      "text": "asb 2012/13", "response_url": slack.response_url("replayed")})
    headers = signed_headers(SECRET, body)
    assert post(bot + "/slack/events", body, headers)[0] == 200
    assert slack.wait_for("replayed")
    assert post(bot + "/slack/events", body, headers)[0] == 200  # the same bytes, within the five minutes
    time.sleep(1)
    assert len(slack.calls_to("replayed")) == 1


# -- every failure reaches the person ---------------------------------------------------------------------------
def explode_on(monkeypatch, text: str):
    real = Service.ask

    def ask(self, question):
        if text in question:
            raise RuntimeError("a bug in the answer")
        return real(self, question)

    monkeypatch.setattr(Service, "ask", ask)


def error_id_in(text: str) -> str:
    import re

    match = re.search(r"error `?([0-9a-f]{8})`?", text)
    assert match, text
    return match.group(1)


def logged_with_trace(caplog, error_id: str) -> bool:
    return any(error_id in r.getMessage() and r.exc_info and "a bug in the answer" in str(r.exc_info[1])
               for r in caplog.records)


def test_a_failing_command_tells_the_person_an_id_that_is_beside_the_trace(bot, slack, monkeypatch, caplog):
    explode_on(monkeypatch, "explode now")
    with caplog.at_level(logging.INFO):
        status, _, _ = command(bot, slack, "explode now", "exploded")
        [reply] = slack.wait_for("exploded")
    assert status == 200 and reply.body["response_type"] == "ephemeral"
    assert logged_with_trace(caplog, error_id_in(reply.body["text"]))


def test_a_failing_mention_tells_the_person_in_the_thread(bot, slack, monkeypatch, caplog):
    explode_on(monkeypatch, "explode mention")
    before = len(slack.calls_to("chat.postEphemeral"))
    with caplog.at_level(logging.INFO):
        event(bot, {"type": "app_mention", "user": PARTNER, "channel": "C0CSP", "ts": "1700.0900",
                    "text": "<@U0CRIMEBOT> explode mention"}, "Ev-explode")
        calls = slack.wait_for("chat.postEphemeral", before + 1)
    reply = calls[-1].body
    assert reply["user"] == PARTNER and reply["thread_ts"] == "1700.0900"
    assert logged_with_trace(caplog, error_id_in(reply["text"]))


def test_a_failing_button_tells_the_person(bot, slack, monkeypatch, caplog):
    explode_on(monkeypatch, "explode button")
    with caplog.at_level(logging.INFO):
        click(bot, slack, "crimebot_ask_0", "explode button", "exploded-button")
        [reply] = slack.wait_for("exploded-button")
    assert logged_with_trace(caplog, error_id_in(reply.body["text"]))


def test_post_to_channel_after_the_response_url_expired_posts_with_the_web_api(bot, slack):
    slack.expire_response_urls(1)
    before = len(slack.calls_to("chat.postMessage"))
    click(bot, slack, "crimebot_post", "asb 2012/13", "expired-share")
    calls = slack.wait_for("chat.postMessage", before + 1)
    shared = calls[-1].body
    assert shared["channel"] == "C0CSP" and f"Shared by <@{PARTNER}>" in json.dumps(shared["blocks"])
    assert len(slack.calls_to("expired-share")) == 1  # the dead URL was not used again


def test_post_to_channel_that_cannot_post_tells_the_person_the_true_reason_elsewhere(bot, slack):
    slack.expire_response_urls(1)
    slack.fail("chat.postMessage", "not_in_channel")
    before = len(slack.calls_to("chat.postEphemeral"))
    click(bot, slack, "crimebot_post", "asb 2012/13", "expired-refused")
    calls = slack.wait_for("chat.postEphemeral", before + 1)
    told = calls[-1].body
    assert told["user"] == PARTNER and told["channel"] == "C0CSP"
    assert "not a member of this channel" in told["text"] and "can't see this channel" not in told["text"]
    assert len(slack.calls_to("expired-refused")) == 1  # never a notice to the dead URL


def test_a_button_on_an_old_answer_answers_ephemerally(bot, slack):
    slack.expire_response_urls(1)
    before = len(slack.calls_to("chat.postEphemeral"))
    click(bot, slack, "crimebot_ask_0", "trend shoplifting", "old-answer")
    calls = slack.wait_for("chat.postEphemeral", before + 1)
    assert calls[-1].body["user"] == PARTNER and "Shoplifting" in calls[-1].body["text"]


def test_a_response_url_that_is_not_slacks_is_never_called(bot, slack, caplog):
    with SlackStandIn() as elsewhere:
        body = urlencode({"team_id": TEAM, "channel_id": "C0CSP", "user_id": PARTNER, "command": "/crime",
                          "text": "asb", "response_url": elsewhere.response_url("stolen")})
        before = len(slack.calls_to("chat.postEphemeral"))
        with caplog.at_level(logging.INFO):
            assert post(bot + "/slack/events", body, signed_headers(SECRET, body))[0] == 200
            slack.wait_for("chat.postEphemeral", before + 1)  # the answer comes the Web API's way instead
        assert elsewhere.calls == []
    assert "not Slack's" in caplog.text and "stolen" not in caplog.text


def test_slack_escaping_in_the_text_is_undone_before_the_question_is_read(bot, slack):
    command(bot, slack, "drugs &amp; alcohol", "escaped")
    [reply] = slack.wait_for("escaped")
    assert "amp" not in reply.body["text"] and "235 admissions" in reply.body["text"]


def test_another_allowed_workspaces_mention_is_not_answered_with_this_workspaces_token(bot_settings, answerer, slack,
                                                                                         caplog):
    settings = dataclasses.replace(bot_settings, allowed_team_ids=frozenset({TEAM, "T0SECOND"}))
    app = create_app(settings, Service(settings, answerer), token_team=TEAM)
    with BackgroundServer(http_app(app, SECRET)) as url:
        before = len(slack.calls_to("chat.postMessage"))
        body = json.dumps({"team_id": "T0SECOND", "api_app_id": "A0CRIMEBOT", "type": "event_callback",
                           "event_id": "Ev-second", "event": {"type": "app_mention", "user": PARTNER, "channel": "C0X",
                                                              "ts": "1.2", "text": "<@U0CRIMEBOT> asb"}})
        with caplog.at_level(logging.INFO):
            assert post(url + "/slack/events", body, signed_headers(SECRET, body, content_type="application/json"))[0] == 200
            time.sleep(1)
        assert len(slack.calls_to("chat.postMessage")) == before
        assert "one deployment serves one workspace" in caplog.text
        command(url, slack, "asb", "second-team-command", team="T0SECOND")  # commands answer by response_url
        assert slack.wait_for("second-team-command")


def test_a_huge_retry_after_is_not_slept_through(bot, slack, caplog):
    import threading

    from bot.slack.app import web_client

    slack.rate_limit("chat.postMessage", retry_after=100000)
    client = web_client(dataclasses.replace(answerer_settings_for(slack)))
    outcome = {}

    def call():
        try:
            client.chat_postMessage(channel="C0CSP", text="x")
        except Exception as exc:
            outcome["error"] = exc

    worker = threading.Thread(target=call, daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive(), "asleep for Retry-After: 100000"
    assert outcome["error"].response["error"] == "ratelimited"


def answerer_settings_for(slack):
    from bot.settings import Settings

    return Settings(slack_bot_token=TOKEN, slack_api_url=slack.api_url)


def test_a_post_is_never_resent_after_the_connection_dropped(slack):
    from bot.slack.app import web_client

    slack.accept_then("chat.postMessage", "drop")
    before = len(slack.messages_in("C0DROP"))
    with pytest.raises(OSError):
        web_client(answerer_settings_for(slack)).chat_postMessage(channel="C0DROP", text="once")
    assert len(slack.messages_in("C0DROP")) == before + 1


# -- what Slack shows -------------------------------------------------------------------------------------------
def test_data_and_partners_words_are_escaped_in_mrkdwn(answerer):
    refused = answer_message(answerer.ask("tonbridge and malling all crime"))
    assert "Tonbridge &amp; Malling" in refused["text"] and "Tonbridge & Malling" not in json.dumps(refused)
    injected = answer_message(answerer.ask("asb <!channel> <@U0BOSS>"))
    text = json.dumps(injected)
    assert "<!" not in text and "<@" not in text and "&lt;" in text
    from bot.dashboard import Dashboard, PriorityLine
    from bot.slack.home import home_view

    board = Dashboard("P & Q", "doc <!channel>", "now", [PriorityLine("a", "A & B", "<!here>", "x", None, "y")])
    home = json.dumps(home_view(board, []))
    assert "A &amp; B" in home and "<!here>" not in home and "<!channel>" not in home


@pytest.mark.parametrize("question", ["priority road safety", "priority substance misuse", "compare asb", "asb wards",
                                      "trend recorded crime", "which ward has the most asb", "rank changes"])
def test_the_notification_text_carries_a_figure(answerer, question):
    import re

    answer = answerer.ask(question)
    message = answer_message(answer)
    figures = {c for row in answer.tables[0].rows for c in row[1:] if re.fullmatch(r"[=+-]?[\d,.]+%?", c)}
    assert any(f in message["text"] for f in figures), message["text"]


def test_buttons_have_accessibility_labels(answerer):
    message = answer_message(answerer.ask("asb 2012/13"))
    buttons = [e for b in message["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert buttons and all(0 < len(b["accessibility_label"]) <= 75 for b in buttons)
    assert "Post this answer to the channel" in buttons[0]["accessibility_label"]


def test_a_table_over_slacks_10000_characters_is_sent_as_text():
    from bot.slack.blocks import table_block

    big = Table("Notes", ["Ward", "Note"], [[f"Ward {i}", "n" * 150] for i in range(80)])  # 12,000+ characters
    assert table_block(big) is None
    message = answer_message(Answer("q", {}, headline="h", tables=[big]))
    assert limit_problems(message) == [] and not any(b["type"] == "table" for b in message["blocks"])
    fake = {"text": "x", "blocks": [{"type": "table", "rows": [[{"type": "raw_text", "text": "n" * 6000}] * 2]}]}
    assert any("10,000" in p for p in limit_problems(fake))


# -- secrets and the state directory --------------------------------------------------------------------------
def test_a_token_echoed_in_an_error_body_is_not_printed(tmp_path, slack, settings):
    slack.fail("auth.test", f"invalid_auth (token {TOKEN})")
    result = run_serve(["--http"], {"CRIMEBOT_STATE_DIR": str(settings.state_dir), "SLACK_BOT_TOKEN": TOKEN,
                                    "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": slack.api_url})
    assert result.returncode == 2 and "invalid_auth" in result.stderr
    assert TOKEN not in result.stderr and "testtokenvalue" not in result.stderr


def test_a_password_in_the_api_url_is_never_printed_or_logged(tmp_path, settings):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    state = tmp_path / "state"
    state.mkdir()
    for path in settings.state_dir.glob("crimebot-*.duckdb"):
        os.link(path, state / path.name)
    result = run_serve(["--http"], {"CRIMEBOT_STATE_DIR": str(state), "SLACK_BOT_TOKEN": TOKEN,
                                    "SLACK_SIGNING_SECRET": SECRET,
                                    "SLACK_API_URL": f"http://crimebot:hunter2-proxy-pass@127.0.0.1:{port}/api/"})
    assert result.returncode == 2 and "cannot reach" in result.stderr
    assert "hunter2-proxy-pass" not in result.stderr
    assert "hunter2-proxy-pass" not in (state / "crimebot.log").read_text()


def test_the_state_directory_and_its_files_are_private(tmp_path):
    from bot.ledger import Ledger

    state = tmp_path / "state"
    env = {"PATH": os.environ["PATH"], "CRIMEBOT_STATE_DIR": str(state)}
    result = subprocess.run(["sh", "-c", f"umask 022 && {sys.executable} -m bot.cli data check"], capture_output=True,
                            text=True, cwd=PROJECT_ROOT, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    old = os.umask(0o022)
    try:
        Ledger(state / "digests.sqlite")
    finally:
        os.umask(old)
    assert state.stat().st_mode & 0o777 == 0o700
    files = [state / "crimebot.log", state / "digests.sqlite", *state.glob("crimebot-*.duckdb")]
    assert len(files) == 3
    assert {f.name: f.stat().st_mode & 0o777 for f in files} == {f.name: 0o600 for f in files}


def test_the_log_rotates_at_its_size_cap(tmp_path, monkeypatch):
    from bot import logs
    from bot.settings import Settings

    monkeypatch.setattr(logs, "LOG_MAX_BYTES", 5000)
    monkeypatch.setattr(logs, "LOG_BACKUPS", 2)
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    try:
        logs.configure(Settings(state_dir=tmp_path / "state"))
        for i in range(2000):
            logging.getLogger("bot.slack.server").info("a line of the log, number %d", i)
    finally:
        for handler in root.handlers:
            handler.close()
        root.handlers[:], root.level = saved[0], saved[1]
    names = sorted(p.name for p in (tmp_path / "state").iterdir())
    assert names == ["crimebot.log", "crimebot.log.1", "crimebot.log.2"]
    assert all((tmp_path / "state" / n).stat().st_size <= 5000 for n in names)
    assert all((tmp_path / "state" / n).stat().st_mode & 0o777 == 0o600 for n in names)


def test_a_huge_retry_after_on_a_response_url_does_not_hold_an_answer_thread(slack):
    import threading

    from bot.slack.handlers import send_response

    slack.script("response_url", Reply(429, None, {"Retry-After": "100000"}))
    outcome = {}
    worker = threading.Thread(target=lambda: outcome.update(d=send_response(
        slack.response_url("held"), {"text": "x"}, api_url=slack.api_url)), daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive(), "asleep for Retry-After: 100000"
    assert outcome["d"].ok is False and outcome["d"].reason == "ratelimited"


def test_excel_button_sends_the_workbook_privately(bot, slack):
    """The "Excel" button: the workbook goes into the person's direct message with the bot (never the channel),
    and reads back with numbers as numbers and periods as text."""
    import io

    from openpyxl import load_workbook

    command(bot, slack, "shoplifting maidstone 2012/13", "excel-answer")
    [call] = slack.wait_for("excel-answer")
    buttons = [e for b in call.body["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert any(e["action_id"] == "crimebot_excel" and e["value"] == "shoplifting maidstone 2012/13" for e in buttons)
    before = len(slack.calls_to("files.completeUploadExternal"))
    click(bot, slack, "crimebot_excel", "shoplifting maidstone 2012/13", "excel-sent")
    calls = slack.wait_for("files.completeUploadExternal", before + 1, timeout=30)
    [opened] = slack.calls_to("conversations.open")[-1:]
    assert opened.body["users"] == PARTNER
    assert calls[-1].body["channel_id"] == "D" + PARTNER[1:]  # the direct message, not C0CSP
    files = json.loads(calls[-1].body["files"]) if isinstance(calls[-1].body["files"], str) else calls[-1].body["files"]
    upload = [c for c in slack.calls if c.kind == "upload" and c.name == files[0]["id"]][-1]
    book = load_workbook(io.BytesIO(upload.body))
    sheet = book.worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    assert rows[0][:2] == ["Period", "Crimes"] and rows[-1][:2] == ["2012/13", 994]
    assert "direct messages" in slack.wait_for("excel-sent")[-1].body["text"]
