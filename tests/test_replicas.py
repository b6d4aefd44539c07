"""A shared PostgreSQL (CRIMEBOT_DATABASE_URL) and two replicas of `crimebot serve`: each digest posted once.

Runs against a real PostgreSQL 16 started for the test session (tests/conftest.py, the pgserver package).
"""
import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from bot.ledger import Ledger
from bot.settings import PROJECT_ROOT
from bot.store import shared_engine, sqlite_engine
from bot.slack.standin import SlackStandIn
from tests.test_slack import ADMIN, SECRET, TOKEN

CHANNELS = ["C0ALL", "C0ROADS"]


@pytest.fixture()
def slack():
    with SlackStandIn() as standin:
        yield standin


@pytest.fixture(params=["sqlite", "postgres"])
def engine(request, tmp_path):
    if request.param == "sqlite":
        return sqlite_engine(tmp_path / "digests.sqlite")
    return shared_engine(request.getfixturevalue("database_url"))


def test_claims_race_to_one_winner_in_either_database(engine):
    """Sixteen claimers, each with its own Ledger (its own connections), racing for the same digest."""
    start, granted = threading.Barrier(16), []

    def claim():
        ledger = Ledger(engine)
        start.wait()
        granted.append(ledger.claim("C0RACE", "Q2 2013/14").granted)

    threads = [threading.Thread(target=claim) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(granted) == [False] * 15 + [True]
    [entry] = Ledger(engine).entries()
    assert (entry.status, entry.attempts) == ("posting", 1)


def test_subscriptions_and_outcomes_live_in_the_shared_database(engine):
    first, second = Ledger(engine), Ledger(engine)
    first.seed([("C0ALL", None)])
    assert second.subscribe("C0ROADS", "road_safety", by=ADMIN)
    assert first.subscriptions() == [("C0ALL", None), ("C0ROADS", "road_safety")]
    assert first.claim("C0ALL", "Q2 2013/14").granted
    first.posted("C0ALL", "Q2 2013/14", None, "1700000000.000001")
    claim = second.claim("C0ALL", "Q2 2013/14")
    assert not claim.granted and claim.why == "already posted" and claim.entry.ts == "1700000000.000001"


def test_the_health_check_says_whether_the_database_answers(database_url, postgres_server):
    assert Ledger(shared_engine(database_url)).health() == {"ok": True, "database": "ok"}
    unreachable = Ledger.__new__(Ledger)
    unreachable.engine = shared_engine("postgresql://bot:pw@127.0.0.1:1/none?connect_timeout=2")
    assert unreachable.health() == {"ok": False, "database": "OperationalError"}


def environment(tmp_path, name, settings, slack, database_url, **extra):
    """A replica's environment: its own state directory (its own DuckDB copy), the shared database."""
    state = tmp_path / name
    state.mkdir()
    for path in settings.state_dir.glob("crimebot-*.duckdb"):
        os.link(path, state / path.name)
    return {"PATH": os.environ["PATH"], "CRIMEBOT_STATE_DIR": str(state), "SLACK_BOT_TOKEN": TOKEN,
            "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": slack.api_url, "CRIMEBOT_ADMINS": ADMIN,
            "CRIMEBOT_DATABASE_URL": database_url, "CRIMEBOT_DIGEST_CHANNELS": "C0ALL,C0ROADS:road safety",
            "CRIMEBOT_POLICE_UK_FETCH_CRON": "", "CRIMEBOT_RECOVERY_SECONDS": "1", **extra}


def serve(env):
    return subprocess.Popen([sys.executable, "-m", "bot.cli", "serve", "--http", "--host", "127.0.0.1", "--port", "0"],
                            cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def wait_until(condition, timeout=180.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def stop(*processes):
    output = []
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            output.append(process.communicate(timeout=30)[0])
        except subprocess.TimeoutExpired:
            process.kill()
            output.append(process.communicate()[0])
    return output


def digests_in(slack, channel):
    return [m for m in slack.messages_in(channel) if (m.get("metadata") or {}).get("event_type") == "crimebot_digest"]


@pytest.mark.parametrize("round_", range(3))
def test_two_replicas_starting_together_post_each_digest_once(settings, slack, database_url, tmp_path, round_):
    """Both replicas catch up the schedule's last run at start-up, at the same moment: one post per channel."""
    replicas = [serve(environment(tmp_path, f"r{i}", settings, slack, database_url,
                                  CRIMEBOT_DIGEST_CRON="* * * * *")) for i in range(2)]
    ledger = Ledger(shared_engine(database_url))
    try:
        settled = wait_until(lambda: len(ledger.entries()) == 2 and {e.status for e in ledger.entries()} == {"posted"})
    finally:
        output = stop(*replicas)
    assert settled, output
    assert {c: len(digests_in(slack, c)) for c in CHANNELS} == {"C0ALL": 1, "C0ROADS": 1}, output
    assert len({e.period for e in ledger.entries()}) == 1  # the quarter just ended, to both channels


def test_a_replica_killed_mid_post_loses_nothing_and_doubles_nothing(settings, slack, database_url, tmp_path):
    """The first post lands in Slack but its answer never arrives: that replica is killed mid-post, and the
    other one settles it from the channel's history (recorded, not posted again) within seconds."""
    slack.accept_then("chat.postMessage", "slow", delay=120)
    replicas = {}
    for i in range(2):
        process = serve(environment(tmp_path, f"r{i}", settings, slack, database_url,
                                    CRIMEBOT_DIGEST_CRON="* * * * *"))
        replicas[process.pid] = process
    ledger = Ledger(shared_engine(database_url))
    try:
        assert wait_until(lambda: any(slack.messages_in(c) for c in CHANNELS)), stop(*replicas.values())
        slow = slack.calls_to("chat.postMessage")[0].body.get("channel")  # the post whose answer never comes
        found = []

        def stuck() -> bool:  # the slow post landed and is still 'posting' (read once: the ledger moves meanwhile)
            found[:] = [e for e in ledger.entries() if e.status == "posting" and e.channel == slow
                        and slack.messages_in(e.channel)]
            return len(found) == 1

        assert wait_until(stuck, timeout=60), stop(*replicas.values())
        victim = replicas.pop(int(found[0].claimed_by.split(":")[1]))
        victim.kill()
        victim.communicate(timeout=30)
        settled = wait_until(lambda: len(ledger.entries()) == 2 and {e.status for e in ledger.entries()} == {"posted"})
    finally:
        output = stop(*replicas.values())
    assert settled, output
    assert {c: len(digests_in(slack, c)) for c in CHANNELS} == {"C0ALL": 1, "C0ROADS": 1}, output
    report = [c.body["text"] for c in slack.calls_to("chat.postMessage") if c.body.get("channel") == ADMIN]
    # settled by the survivor's sweep, by its start-up check when it was still starting, or by its next scheduled
    # run when that comes first (a slow machine): each says the post was cut off and found in the channel
    assert any("cut off" in r and "Slack had it" in r and "not posted again" in r for r in report), report


@pytest.mark.parametrize("url, said", [
    ("mysql://bot:pw@localhost/crimebot", "must be a PostgreSQL URL"),
    ("postgresql://bot:s3cret-password@127.0.0.1:1/crimebot", "cannot open CRIMEBOT_DATABASE_URL"),
])
def test_a_database_that_cannot_be_used_is_named_plainly(settings, slack, tmp_path, url, said):
    env = environment(tmp_path, "bad", settings, slack, url)
    result = subprocess.run([sys.executable, "-m", "bot.cli", "digest", "--post", "--channel", "C0X", "--period",
                             "Q2 2013/14"], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and said in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and "s3cret-password" not in result.stderr
    assert not slack.calls_to("chat.postMessage")


def test_an_event_delivered_to_both_replicas_is_answered_once(settings, answerer, slack, database_url):
    """Slack redelivers an event it thinks was missed, and behind a load balancer the retry may reach the other
    replica: the first to record its event id in the shared database answers; a DM is also kept by channel and ts."""
    import dataclasses
    import json

    from bot.service import Service
    from bot.slack.app import create_app
    from bot.slack.server import BackgroundServer, http_app
    from bot.slack.standin import signed_headers
    from tests.test_slack import TEAM, post

    shared = dataclasses.replace(settings, slack_bot_token=TOKEN, slack_signing_secret=SECRET,
                                 slack_api_url=slack.api_url, database_url=database_url,
                                 allowed_team_ids=frozenset({TEAM}))
    apps = [create_app(shared, Service(shared, answerer)) for _ in range(2)]  # two replicas' front doors

    def deliver(url, event, event_id):
        body = json.dumps({"team_id": TEAM, "api_app_id": "A0CRIMEBOT", "type": "event_callback", "event_id": event_id,
                           "event_time": int(time.time()), "event": event})
        return post(url + "/slack/events", body, signed_headers(SECRET, body, content_type="application/json"))

    mention = {"type": "app_mention", "user": "U0PARTNER", "channel": "C0CSP", "text": "<@U0CRIMEBOT> robbery 2012/13",
               "ts": "1700000000.000100"}
    dm = {"type": "message", "channel_type": "im", "channel": "D0PARTNER", "user": "U0PARTNER", "text": "burglary",
          "ts": "1700000000.000200"}
    with BackgroundServer(http_app(apps[0], SECRET)) as first, BackgroundServer(http_app(apps[1], SECRET)) as second:
        for url in (first, second):
            assert deliver(url, mention, "Ev0ONCE")[0] == 200
            assert deliver(url, dm, f"Ev0DM{url[-5:]}")[0] == 200  # the same message under a new event id
        slack.wait_for("chat.postMessage", count=2)
        time.sleep(1.5)  # a second answer from the other replica would have arrived by now
    posted = [c.body["channel"] for c in slack.calls_to("chat.postMessage")]
    assert sorted(posted) == ["C0CSP", "D0PARTNER"], posted
