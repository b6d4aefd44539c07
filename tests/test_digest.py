"""Quarterly digests: the figures, the London schedule, and exactly-once posting against the Slack stand-in."""
import dataclasses
import json
import os
import subprocess
import sys
import threading
import time
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest
from apscheduler.triggers.cron import CronTrigger

from bot.digest import Digester, FinancialQuarter
from bot.ledger import LEASE_SECONDS, Ledger
from bot.render import render
from bot.scheduler import DigestScheduler, digest_trigger, last_run, next_run
from bot.service import Service
from bot.settings import PROJECT_ROOT
from bot.slack.app import create_app, web_client
from bot.slack.digests import DigestPoster, admin_commands
from bot.slack.server import BackgroundServer, http_app
from bot.slack.standin import Reply, SlackStandIn
from tests.test_slack import ADMIN, PARTNER, SECRET, TEAM, TOKEN, command

LONDON = ZoneInfo("Europe/London")


# -- the figures ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("period, headline, quarter_row, check", [
    ("Q2 2013/14", "April to September 2013: 4,643 crimes, +602 (+14.9%)", ["+481", "+24.2%"],
     "The assessment states +602 (+14.9%) for April to September 2013: the monthly figures agree."),
    ("Q1 2013/14", "April to June 2013: 2,172 crimes, +121 (+5.9%)", None, None),
    ("Q3 2013/14", "April to December 2013: 6,937 crimes, +711 (+11.4%)", ["+109", "+5.0%"], None),
])
def test_digest_year_to_date_from_the_monthly_figures(answerer, period, headline, quarter_row, check):
    digest = Digester(answerer).digest(FinancialQuarter.parse(period))
    assert headline in digest.headline and not digest.error
    table = digest.tables[0]
    assert table.title == "All crime, Maidstone (from the monthly figures)"
    assert len(table.rows) == (2 if quarter_row else 1)
    if quarter_row:
        assert table.rows[1][3:] == quarter_row
    if check:
        assert check in digest.notes
    assert any("section 3.2" in s for s in digest.sources)


def test_q2_digest_has_rises_ranks_wards_and_every_priority(answerer):
    digest = Digester(answerer).digest(FinancialQuarter.parse("Q2 2013/14"))
    tables = {t.title: t for t in digest.tables}
    rises = tables["Rises and falls the data states for Q2 2013/14 (year to date)"]
    assert rises.rows[0][:5] == ["Violent crime", "Maidstone", "April to September 2013", "+315", "+35.0%"]
    assert ["All crime", "Kent (KCC area)", "April to September 2013", "+4,965", "+12.2%"] in [r[:5] for r in rises.rows]
    ranks = tables["County ranks stated for the period"]
    assert ["All crime", "April to September 2013", "County rank by rate (1 = lowest of 12)", "6", "5 in April 2012 to March 2013"] in ranks.rows
    assert "High Street" in {r[0] for r in tables["Ward hotspots for the period"].rows}
    priorities = tables["Priorities: headline figures (each with its own, latest, period)"]
    assert len(priorities.rows) == 6 and any("Shoplifting, 2012/13: 994" in r[1] for r in priorities.rows)
    assert "The assessment states +481 for Q2 2013/14 (Jul-Sep 2013): the monthly figures agree." in digest.notes


def test_a_quarter_with_no_year_before_says_so(answerer):
    digest = Digester(answerer).digest(FinancialQuarter.parse("Q1 2012/13"))
    assert "April to June 2012: 2,051 crimes (the data has no figures for the same months a year before)" in digest.headline
    assert digest.tables[0].rows == [["Year to date (April to June 2012)", "", "2,051", "", ""]]


@pytest.mark.parametrize("period", ["Q4 2013/14", "Q3 2026/27", "Q3 2011/12"])
def test_a_quarter_the_data_does_not_reach_says_what_is_latest(answerer, period):
    digest = Digester(answerer).digest(FinancialQuarter.parse(period))
    assert f"No new figures for {period}" in digest.headline
    assert "the data goes no further than Q3 2013/14 (October to December 2013)" in digest.headline
    assert digest.tables == []


def test_priority_digest_has_only_its_figures(answerer):
    digester = Digester(answerer)
    violent = digester.digest(FinancialQuarter.parse("Q2 2013/14"), "violent_crime")
    text = render(violent)
    assert "+315" in text and "Thanet" not in text and "4,643" not in text
    road = digester.digest(FinancialQuarter.parse("Q2 2013/14"), "road_safety")
    assert "no Q2 2013/14 figures for this priority" in road.headline
    assert "KSI car drivers aged 17-24 (headline)" in render(road)


@pytest.mark.parametrize("text, expected", [
    ("Q2 2013/14", ("2013/14 Q2", date(2013, 7, 1), date(2013, 9, 30))),
    ("q1 2013-14", ("2013/14 Q1", date(2013, 4, 1), date(2013, 6, 30))),
    ("2013/14 Q4", ("2013/14 Q4", date(2014, 1, 1), date(2014, 3, 31))),
    ("Q3 FY26/27", ("2026/27 Q3", date(2026, 10, 1), date(2026, 12, 31))),
    ("Q5 2013/14", None), ("2013/14", None), ("last quarter", None), ("", None),
])
def test_financial_quarters(text, expected):
    if expected is None:
        with pytest.raises(ValueError, match="write it like Q2 2013/14"):
            FinancialQuarter.parse(text)
    else:
        q = FinancialQuarter.parse(text)
        assert (q.id, q.start, q.end) == expected


@pytest.mark.parametrize("day, expected", [
    (date(2027, 1, 15), "Q3 2026/27"), (date(2026, 4, 15), "Q4 2025/26"), (date(2026, 7, 15), "Q1 2026/27"),
    (date(2026, 10, 15), "Q2 2026/27"), (date(2026, 3, 31), "Q3 2025/26"),
])
def test_the_quarter_just_ended(day, expected):
    assert FinancialQuarter.just_ended(day).label == expected


# -- the schedule ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("now_utc, expected_utc", [
    (datetime(2026, 3, 20, tzinfo=timezone.utc), datetime(2026, 4, 15, 8, 0, tzinfo=timezone.utc)),  # BST: 09:00 = 08:00Z
    (datetime(2026, 10, 20, tzinfo=timezone.utc), datetime(2027, 1, 15, 9, 0, tzinfo=timezone.utc)),  # GMT
    (datetime(2026, 4, 15, 8, 0, 1, tzinfo=timezone.utc), datetime(2026, 7, 15, 8, 0, tzinfo=timezone.utc)),
    (datetime(2026, 7, 16, tzinfo=timezone.utc), datetime(2026, 10, 15, 8, 0, tzinfo=timezone.utc)),
])
def test_default_schedule_is_nine_in_london_across_daylight_saving(settings, now_utc, expected_utc):
    fire = next_run(digest_trigger(settings), now_utc)
    assert fire == expected_utc and fire.astimezone(LONDON).hour == 9


def test_a_daily_schedule_keeps_london_time_over_the_clock_change(settings):
    trigger = digest_trigger(dataclasses.replace(settings, digest_cron="0 9 * * *"))
    fires, now = [], datetime(2026, 3, 27, 12, tzinfo=timezone.utc)
    for _ in range(4):
        now = next_run(trigger, now)
        fires.append(now.astimezone(timezone.utc).strftime("%d %H:%M"))
        now = now.replace(second=1)
    assert fires == ["28 09:00", "29 08:00", "30 08:00", "31 08:00"]  # clocks go forward on 29 March 2026


@pytest.mark.parametrize("cron, zone, problem", [
    ("0 9 15 1,4,7,10", "Europe/London", "CRIMEBOT_DIGEST_CRON"), ("every quarter", "Europe/London", "crontab"),
    ("0 9 15 1,4,7,10 *", "Europe/Londres", "CRIMEBOT_DIGEST_TIMEZONE"),
])
def test_bad_schedule_settings_are_named(settings, cron, zone, problem):
    with pytest.raises(ValueError, match=problem):
        digest_trigger(dataclasses.replace(settings, digest_cron=cron, digest_timezone=zone))


def test_last_run_is_the_most_recent_scheduled_time(settings):
    trigger = digest_trigger(settings)
    assert last_run(trigger, datetime(2027, 5, 1, tzinfo=timezone.utc)) == datetime(2027, 4, 15, 8, tzinfo=timezone.utc)
    assert last_run(trigger, datetime(2027, 4, 15, 7, 59, tzinfo=timezone.utc)) == datetime(2027, 1, 15, 9, tzinfo=timezone.utc)


# -- exactly once -------------------------------------------------------------------------------------------
@pytest.fixture()
def slack():
    with SlackStandIn() as standin:
        yield standin


@pytest.fixture()
def digest_settings(settings, slack, tmp_path):
    """Shared data (session database), but a fresh ledger per test."""
    state = tmp_path / "state"
    state.mkdir()
    for path in settings.state_dir.glob("crimebot-*.duckdb"):
        os.link(path, state / path.name)
    return dataclasses.replace(settings, state_dir=state, slack_bot_token=TOKEN, slack_api_url=slack.api_url,
                               admin_user_ids=frozenset({ADMIN}), digest_channels=(("C0ALL", None), ("C0ROADS", "road safety")))


@pytest.fixture()
def poster(digest_settings, answerer):
    return DigestPoster(digest_settings, Service(digest_settings, answerer), web_client(digest_settings, timeout=2),
                        settle_seconds=0)


def posts_to(slack, channel):
    return [c for c in slack.calls_to("chat.postMessage") if c.body.get("channel") == channel and c.ok
            and c.body.get("blocks")]


def test_subscriptions_come_from_settings_and_priorities_resolve(poster):
    assert poster.ledger.subscriptions() == [("C0ALL", None), ("C0ROADS", "road_safety")]


def test_catch_up_posts_once_and_a_restart_posts_nothing_more(poster, digest_settings, answerer, slack):
    down_until = datetime(2026, 10, 20, 10, tzinfo=LONDON)  # the 15 October run was missed
    outcomes = DigestScheduler(poster, digest_trigger(digest_settings)).catch_up(down_until)
    assert [(o.channel, o.status) for o in outcomes] == [("C0ALL", "posted"), ("C0ROADS", "posted")]
    [message] = posts_to(slack, "C0ALL")
    assert "Q2 2026/27" in message.body["text"] and "No new figures" in message.body["text"]
    restarted = DigestPoster(digest_settings, Service(digest_settings, answerer), web_client(digest_settings))
    again = DigestScheduler(restarted, digest_trigger(digest_settings)).catch_up(down_until.replace(hour=11))
    assert [o.status for o in again] == ["skipped", "skipped"] and "already posted" in again[0].detail
    assert len(posts_to(slack, "C0ALL")) == 1 and len(posts_to(slack, "C0ROADS")) == 1


def test_catch_up_after_two_missed_runs_posts_only_the_latest(poster, digest_settings, slack):
    DigestScheduler(poster, digest_trigger(digest_settings)).catch_up(datetime(2027, 5, 1, tzinfo=LONDON))
    [message] = posts_to(slack, "C0ALL")
    assert "Q4 2026/27" in message.body["text"]


def test_the_scheduled_run_reports_the_quarter_just_ended(poster, digest_settings, slack):
    DigestScheduler(poster, digest_trigger(digest_settings)).run(datetime(2027, 1, 15, 9, tzinfo=LONDON))
    assert "Q3 2026/27" in posts_to(slack, "C0ALL")[0].body["text"]


def test_threads_racing_post_once(poster, slack):
    quarter = FinancialQuarter.parse("Q2 2013/14")
    outcomes, start = [], threading.Barrier(8)

    def race():
        start.wait()
        outcomes.append(poster.post_one("C0RACE", quarter))

    threads = [threading.Thread(target=race) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(o.status for o in outcomes) == ["posted"] + ["skipped"] * 7
    assert len(posts_to(slack, "C0RACE")) == 1


def cli(digest_settings, slack, *args):
    env = {"PATH": os.environ["PATH"], "CRIMEBOT_STATE_DIR": str(digest_settings.state_dir), "SLACK_BOT_TOKEN": TOKEN,
           "SLACK_API_URL": slack.api_url, "CRIMEBOT_ADMINS": ADMIN}
    return subprocess.Popen([sys.executable, "-m", "bot.cli", "digest", *args], cwd=PROJECT_ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_processes_racing_post_once(digest_settings, slack):
    runs = [cli(digest_settings, slack, "--post", "--channel", "C0TWO", "--period", "Q2 2013/14") for _ in range(2)]
    results = [p.communicate(timeout=120) for p in runs]
    assert [p.returncode for p in runs] == [0, 0], results
    outputs = sorted(out for out, _ in results)
    assert sum("Posted the Q2 2013/14 digest to C0TWO" in o for o in outputs) == 1
    assert sum("Did not post" in o for o in outputs) == 1
    [message] = posts_to(slack, "C0TWO")
    assert "+602 (+14.9%)" in message.body["text"]


def test_post_by_hand_twice_posts_once_unless_forced(digest_settings, slack):
    first = cli(digest_settings, slack, "--post", "--channel", "C0HAND", "--period", "Q2 2013/14").communicate(timeout=120)
    second = cli(digest_settings, slack, "--post", "--channel", "C0HAND", "--period", "Q2 2013/14").communicate(timeout=120)
    assert "Posted" in first[0] and "already posted (ts " in second[0]
    assert len(posts_to(slack, "C0HAND")) == 1
    forced = cli(digest_settings, slack, "--post", "--channel", "C0HAND", "--period", "Q2 2013/14", "--force")
    assert "Posted" in forced.communicate(timeout=120)[0]
    assert len(posts_to(slack, "C0HAND")) == 2


def test_post_after_the_schedule_posted_is_refused(poster, digest_settings, slack):
    DigestScheduler(poster, digest_trigger(digest_settings)).run(datetime(2026, 10, 15, 9, tzinfo=LONDON))
    out, _ = cli(digest_settings, slack, "--post", "--period", "Q2 2026/27").communicate(timeout=120)
    assert out.count("already posted") == 2 and len(posts_to(slack, "C0ALL")) == 1


def test_rate_limited_then_posted_once(poster, slack):
    slack.rate_limit("chat.postMessage", retry_after=1)
    outcome = poster.post_one("C0SLOW", FinancialQuarter.parse("Q2 2013/14"))
    assert outcome.status == "posted"
    statuses = [c.status for c in slack.calls_to("chat.postMessage") if c.body.get("channel") == "C0SLOW"]
    assert statuses == [429, 200]
    assert [e.status for e in poster.ledger.entries()] == ["posted"]


def test_a_channel_the_bot_is_not_in_fails_alone_and_the_admins_hear(poster, slack):
    slack.fail("chat.postMessage", "not_in_channel")  # the first channel, C0ALL
    outcomes = poster.post(FinancialQuarter.parse("Q2 2013/14"))
    assert [(o.channel, o.status) for o in outcomes] == [("C0ALL", "failed"), ("C0ROADS", "posted")]
    entries = {e.channel: e for e in poster.ledger.entries()}
    assert entries["C0ALL"].status == "failed" and entries["C0ALL"].reason == "not_in_channel"
    [report] = [c for c in slack.calls_to("chat.postMessage") if c.body.get("channel") == ADMIN]
    assert "not_in_channel" in report.body["text"] and "/invite @crimebot" in report.body["text"]
    # after the invite, the next run posts the failed one and leaves the posted one alone
    retry = poster.post(FinancialQuarter.parse("Q2 2013/14"))
    assert [(o.channel, o.status) for o in retry] == [("C0ALL", "posted"), ("C0ROADS", "skipped")]
    assert len(posts_to(slack, "C0ALL")) == 1 and len(posts_to(slack, "C0ROADS")) == 1


def test_a_post_interrupted_by_a_crash_is_not_repeated_blindly(digest_settings, poster, slack):
    clock = [1_000_000.0]
    ledger = Ledger(digest_settings.ledger_path, clock=lambda: clock[0])
    assert ledger.claim("C0ALL", "Q2 2013/14").granted  # then the process died before recording the post
    clock[0] += LEASE_SECONDS + 1
    outcomes = poster.post(FinancialQuarter.parse("Q2 2013/14"), [("C0ALL", None)])
    # the channel's history was read first; the digest was not there, so it was posted, once
    assert slack.calls_to("conversations.history") and outcomes[0].status == "posted"
    assert len(posts_to(slack, "C0ALL")) == 1
    assert any("cut off" in c.body["text"] and "did not have it" in c.body["text"]
               for c in slack.calls_to("chat.postMessage") if c.body.get("channel") == ADMIN)


def test_a_failed_post_changes_nothing_already_posted(poster, slack):
    quarter = FinancialQuarter.parse("Q2 2013/14")
    poster.post_one("C0KEEP", quarter)
    before = poster.ledger.entries()
    slack.fail("chat.postMessage", "channel_not_found")
    assert poster.post_one("C0KEEP", quarter, force=False).status == "skipped"
    assert poster.ledger.entries() == before


def test_apscheduler_fires_and_the_ledger_keeps_it_to_once(poster, slack):
    scheduler = DigestScheduler(poster, CronTrigger(second="*", timezone=LONDON),
                                clock=lambda: datetime(2026, 10, 15, 9, tzinfo=LONDON))
    scheduler.start()  # catch-up, then a fire every second, all for Q2 2026/27
    try:
        time.sleep(3.5)
    finally:
        scheduler.shutdown()
    assert len(posts_to(slack, "C0ALL")) == 1 and len(posts_to(slack, "C0ROADS")) == 1
    assert {e.status for e in poster.ledger.entries()} == {"posted"}


# -- admin commands in Slack ---------------------------------------------------------------------------------
@pytest.fixture()
def admin_bot(digest_settings, poster):
    settings = dataclasses.replace(digest_settings, slack_signing_secret=SECRET, allowed_team_ids=frozenset({TEAM}))
    app = create_app(settings, poster.service, admin_commands(poster))
    with BackgroundServer(http_app(app, SECRET)) as url:
        yield url


@pytest.mark.parametrize("user, text, expected", [
    (PARTNER, "subscribe", "for crimebot's admins only"),
    (ADMIN, "subscribe", "now gets the quarterly digest"),
    (ADMIN, "subscribe priority road safety", "now gets the road safety digest"),
    (ADMIN, "unsubscribe", "was not subscribed"),
    (ADMIN, "subscribe priority nonsense", "is not one of the priorities"),
    (ADMIN, "subscriptions", "C0ALL"),
])
def test_admins_manage_subscriptions_in_slack(admin_bot, slack, poster, user, text, expected):
    name = f"sub-{user}-{text.replace(' ', '-')}"
    command(admin_bot, slack, text, name, user=user)
    [reply] = slack.wait_for(name)
    assert expected in reply.body["text"]


def test_unsubscribe_survives_a_restart(admin_bot, slack, poster, digest_settings, answerer):
    command(admin_bot, slack, "unsubscribe", "unsub", user=ADMIN)  # in C0CSP: not subscribed
    body = {"text": "unsubscribe", "channel_id": "C0ALL", "user_id": ADMIN}
    assert "no longer gets" in admin_commands(poster)["unsubscribe"][1](body)
    restarted = DigestPoster(digest_settings, Service(digest_settings, answerer), web_client(digest_settings))
    assert restarted.ledger.subscriptions() == [("C0ROADS", "road_safety")]


def test_digest_now_posts_here_once(admin_bot, slack):
    command(admin_bot, slack, "digest now", "now-1", user=ADMIN)
    [first] = slack.wait_for("now-1", timeout=30)
    assert "Posted the Q3 2013/14 digest to <#C0CSP>" in first.body["text"]
    [message] = posts_to(slack, "C0CSP")
    assert "+711 (+11.4%)" in message.body["text"]
    command(admin_bot, slack, "digest now", "now-2", user=ADMIN)
    [second] = slack.wait_for("now-2", timeout=30)
    assert "already posted" in second.body["text"] and "force" in second.body["text"]
    assert len(posts_to(slack, "C0CSP")) == 1


def test_cli_digest_preview_formats(settings):
    env = {"PATH": os.environ["PATH"], "CRIMEBOT_STATE_DIR": str(settings.state_dir)}
    result = subprocess.run([sys.executable, "-m", "bot.cli", "digest", "--period", "Q2 2013/14", "--format", "json"],
                            capture_output=True, text=True, cwd=PROJECT_ROOT, env=env)
    data = json.loads(result.stdout)
    assert "+602 (+14.9%)" in data["headline"] and data["understood"]["period"] == "Q2 2013/14"
    result = subprocess.run([sys.executable, "-m", "bot.cli", "digest", "--period", "Q9"], capture_output=True,
                            text=True, cwd=PROJECT_ROOT, env=env)
    assert result.returncode == 2 and "write it like Q2 2013/14" in result.stderr


# -- exactly once against an unreliable Slack ---------------------------------------------------------------------
def one_message_each(slack, channels):
    return {c: len(slack.messages_in(c)) for c in channels} == {c: 1 for c in channels}


@pytest.mark.parametrize("trouble", ["drop", "slow", 500, 503])
def test_a_post_with_no_answer_is_checked_in_the_channel_not_sent_again(poster, slack, trouble):
    slack.accept_then("chat.postMessage", trouble, delay=4)  # the client gives up after 2 s
    outcomes = poster.post(FinancialQuarter.parse("Q2 2013/14"))
    assert [o.status for o in outcomes] == ["posted", "posted"]
    assert one_message_each(slack, ["C0ALL", "C0ROADS"])
    [history] = [c for c in slack.calls_to("conversations.history") if c.body["channel"] == "C0ALL"]
    assert str(history.body["include_all_metadata"]).lower() in ("1", "true")
    entries = {e.channel: e for e in poster.ledger.entries()}
    assert entries["C0ALL"].ts == slack.messages_in("C0ALL")[0]["ts"] and entries["C0ALL"].attempts == 1
    [report] = [c for c in slack.calls_to("chat.postMessage") if c.body.get("channel") == ADMIN]
    assert "Slack had it" in report.body["text"] and "not posted again" in report.body["text"]


def test_each_digest_carries_its_key_in_message_metadata(poster, slack):
    poster.post_one("C0ROADS", FinancialQuarter.parse("Q2 2013/14"), "road_safety")
    [message] = slack.messages_in("C0ROADS")
    assert message["metadata"] == {"event_type": "crimebot_digest", "event_payload": {
        "key": "C0ROADS|Q2 2013/14|road_safety", "channel": "C0ROADS", "period": "Q2 2013/14",
        "priority": "road_safety"}}


def test_a_post_that_never_landed_is_posted_after_the_check(poster, slack):
    slack.script("chat.postMessage", Reply(500, {"ok": False, "error": "internal_error"}))  # refused, not accepted
    outcome = poster.post_one("C0LOST", FinancialQuarter.parse("Q2 2013/14"))
    assert outcome.status == "posted" and "did not have it" in outcome.reconciled
    assert one_message_each(slack, ["C0LOST"])


def test_history_that_cannot_be_read_means_no_repost_and_the_admins_hear(poster, slack):
    slack.accept_then("chat.postMessage", "drop")
    slack.fail("conversations.history", "missing_scope")
    outcomes = poster.post(FinancialQuarter.parse("Q2 2013/14"), [("C0ALL", None)])
    assert outcomes[0].status == "failed" and "channels:history" in outcomes[0].detail
    assert one_message_each(slack, ["C0ALL"])
    [entry] = poster.ledger.entries()
    assert entry.status == "failed" and entry.reason.startswith("unknown:")
    # the next run looks in the channel before posting: it finds it there
    again = poster.post(FinancialQuarter.parse("Q2 2013/14"), [("C0ALL", None)])
    assert again[0].status == "posted" and one_message_each(slack, ["C0ALL"])


def test_a_huge_retry_after_fails_the_digest_instead_of_sleeping(poster, slack):
    slack.rate_limit("chat.postMessage", retry_after=100000)
    outcome = {}
    worker = threading.Thread(target=lambda: outcome.update(o=poster.post_one("C0WAIT", FinancialQuarter.parse(
        "Q2 2013/14"))), daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive(), "asleep for Retry-After: 100000"
    assert outcome["o"].status == "failed" and "ratelimited" in outcome["o"].detail
    assert [e.status for e in poster.ledger.entries()] == ["failed"]


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.mark.parametrize("landed", [True, False])
def test_start_up_settles_a_post_cut_off_by_a_crash_inside_the_lease(digest_settings, answerer, slack, landed):
    ledger = Ledger(digest_settings.ledger_path)
    assert ledger.claim("C0ALL", "Q2 2013/14").granted
    with ledger._transaction() as con:  # claimed by a process that is gone, a moment ago
        con.exec_driver_sql("UPDATE digests SET claimed_by = ?", (f"{__import__('socket').gethostname()}:{dead_pid()}:1:1",))
    poster = DigestPoster(digest_settings, Service(digest_settings, answerer), web_client(digest_settings),
                          settle_seconds=0)
    if landed:  # Slack got it before the crash
        poster._post("C0ALL", "C0ALL|Q2 2013/14|", FinancialQuarter.parse("Q2 2013/14"), None, {"text": "digest"})
    assert poster.post(FinancialQuarter.parse("Q2 2013/14"), [("C0ROADS", "road_safety")])  # not C0ALL: in flight
    [outcome] = poster.recover()
    assert outcome.status == "posted" and one_message_each(slack, ["C0ALL"])
    report = [c.body["text"] for c in slack.calls_to("chat.postMessage") if c.body.get("channel") == ADMIN][-1]
    assert "After a restart" in report and ("Slack had it" if landed else "posted now") in report


def test_a_digest_process_killed_mid_post_is_settled_by_the_next_one(digest_settings, slack):
    slack.accept_then("chat.postMessage", "slow", delay=120)  # Slack has it; the answer never comes in time
    first = cli(digest_settings, slack, "--post", "--channel", "C0KILL", "--period", "Q2 2013/14")
    deadline = time.monotonic() + 120
    while not slack.messages_in("C0KILL") and time.monotonic() < deadline:
        time.sleep(0.1)
    first.kill()
    first.communicate(timeout=30)
    assert len(slack.messages_in("C0KILL")) == 1
    out, err = cli(digest_settings, slack, "--post", "--channel", "C0KILL", "--period", "Q2 2013/14").communicate(
        timeout=120)
    assert "Slack had it" in out, err
    assert one_message_each(slack, ["C0KILL"])
    assert [e.status for e in Ledger(digest_settings.ledger_path).entries()] == ["posted"]


def test_digest_errors_reach_the_admins_redacted(poster, slack):
    slack.fail("chat.postMessage", f"invalid_auth: token {TOKEN} rejected")
    poster.post(FinancialQuarter.parse("Q2 2013/14"), [("C0ALL", None)])
    [report] = [c for c in slack.calls_to("chat.postMessage") if c.body.get("channel") == ADMIN]
    assert TOKEN not in report.body["text"] and "[redacted]" in report.body["text"]
