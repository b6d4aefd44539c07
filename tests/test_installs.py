"""Installs into many workspaces: bolt's OAuth flow against the Slack stand-in, tokens kept per workspace in the
shared PostgreSQL, and every Web API call made with the token of the workspace it answers."""
import dataclasses
import json
import re
import time
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import sqlalchemy as sa

from bot.service import Service
from bot.slack.app import BOT_SCOPES, create_app
from bot.slack.server import BackgroundServer, http_app
from bot.slack.standin import SlackStandIn, signed_headers
from bot.store import shared_engine
from tests.test_slack import SECRET, post

WORKSPACES = ["T0MAIDSTONE", "T0THANET"]


@pytest.fixture()
def slack():
    with SlackStandIn() as standin:
        yield standin


@pytest.fixture()
def install_settings(settings, slack, database_url):
    """Many workspaces: a client ID and secret, no bot token of its own, the shared database."""
    return dataclasses.replace(settings, slack_bot_token="", slack_signing_secret=SECRET, slack_api_url=slack.api_url,
                               slack_client_id="111.222", slack_client_secret="client-secret-0123456789",
                               database_url=database_url, allowed_team_ids=frozenset())


@pytest.fixture()
def bot(install_settings, answerer):
    app = create_app(install_settings, Service(install_settings, answerer))
    with BackgroundServer(http_app(app, SECRET)) as url:
        yield url


def get(url: str, cookie: str | None = None) -> tuple[int, str, dict]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(), dict(exc.headers)


def install(bot: str, team: str) -> tuple[int, str]:
    """A workspace admin clicks "Add to Slack", approves, and Slack redirects back with a code."""
    status, page, headers = get(bot + "/slack/install")
    assert status == 200 and "Add to Slack" in page
    authorize = re.search(r'href="(https://slack.com/oauth/v2/authorize\?[^"]+)"', page).group(1).replace("&amp;", "&")
    query = parse_qs(urlsplit(authorize).query)
    assert set(query["scope"][0].split(",")) == set(BOT_SCOPES) and query["client_id"] == ["111.222"]
    cookie = headers["set-cookie"].split(";")[0]
    status, page, _ = get(f"{bot}/slack/oauth_redirect?" + urlencode({"code": f"code-{team}",
                                                                      "state": query["state"][0]}), cookie)
    return status, page


def mention(bot: str, team: str, text: str, event_id: str):
    body = json.dumps({"token": "deprecated", "team_id": team, "api_app_id": "A0CRIMEBOT", "type": "event_callback",
                       "event_id": event_id, "event_time": int(time.time()),
                       "event": {"type": "app_mention", "user": "U0PARTNER", "channel": f"C{team[1:]}",
                                 "text": f"<@U0CRIMEBOT> {text}", "ts": "1700000000.000100"},
                       "authorizations": [{"team_id": team, "user_id": "U0CRIMEBOT", "is_bot": True}]})
    return post(bot + "/slack/events", body, signed_headers(SECRET, body, content_type="application/json"))


def test_two_workspaces_install_and_each_is_answered_with_its_own_token(bot, slack, install_settings):
    for team in WORKSPACES:
        status, page = install(bot, team)
        assert status == 200, page
    with shared_engine(install_settings.database_url).connect() as con:
        stored = dict(con.execute(sa.text("SELECT team_id, bot_token FROM slack_bots")).fetchall())
    assert stored == {team: f"xoxb-{team}-installed" for team in WORKSPACES}
    for n, team in enumerate(WORKSPACES):
        status, _, _ = mention(bot, team, "shoplifting 2012/13", f"Ev{n}")
        assert status == 200
    posts = slack.wait_for("chat.postMessage", count=2)
    by_channel = {c.body["channel"]: c for c in posts}
    assert set(by_channel) == {f"C{team[1:]}" for team in WORKSPACES}
    for team in WORKSPACES:
        call = by_channel[f"C{team[1:]}"]
        assert call.headers["Authorization"] == f"Bearer xoxb-{team}-installed"
        assert "994" in call.body["text"]  # the answer itself: shoplifting in 2012/13


def test_a_workspace_that_never_installed_is_not_answered(bot, slack):
    install(bot, WORKSPACES[0])
    status, _, _ = mention(bot, "T0ELSEWHERE", "shoplifting 2012/13", "EvX")
    assert status in (200, 401)
    mention(bot, WORKSPACES[0], "shoplifting 2012/13", "EvY")  # answered after it, as a marker
    [answered] = slack.wait_for("chat.postMessage", count=1)
    time.sleep(1)  # a late answer to the uninstalled workspace would show up now
    assert [c.body["channel"] for c in slack.calls_to("chat.postMessage")] == [f"C{WORKSPACES[0][1:]}"]


@pytest.mark.parametrize("query, said", [
    ({"code": "code-T0X", "state": "forged"}, "invalid_state"),
    ({"error": "access_denied", "state": "forged"}, "access_denied"),
])
def test_a_bad_or_refused_install_changes_nothing(bot, slack, install_settings, query, said):
    status, page, _ = get(f"{bot}/slack/oauth_redirect?" + urlencode(query))
    assert status in (400, 200) and "Traceback" not in page
    with shared_engine(install_settings.database_url).connect() as con:
        assert con.execute(sa.text("SELECT count(*) FROM slack_bots")).scalar() == 0
    assert not slack.calls_to("oauth.v2.access")


def test_the_install_scopes_are_the_manifests():
    import yaml

    from bot.settings import PROJECT_ROOT

    manifest = yaml.safe_load((PROJECT_ROOT / "manifest.yml").read_text())
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == set(BOT_SCOPES)


# -- one deployment, two partnerships: each workspace gets its own ----------------------------------------------
FOREIGN = re.compile(r"maidstone|kcc|of 12\b|\b12 kent", re.IGNORECASE)  # Maidstone's words, never in Thanet's


@pytest.fixture(scope="module")
def thanet_pack(tmp_path_factory):
    """Thanet's pack (tests/thanet_pack.py) and its police.uk archive, written once for the module."""
    from tests.thanet_pack import build_pack, write_archive

    root = tmp_path_factory.mktemp("thanet-install")
    return build_pack(root / "data"), write_archive(root / "police")


@pytest.fixture()
def two_partnerships(install_settings, thanet_pack, tmp_path):
    """A deployment serving Maidstone (data/) and Thanet (CRIMEBOT_PARTNERSHIPS), Thanet's police.uk months imported
    into its own state directory, as `crimebot import police-uk` run with its settings would."""
    from bot.imports import import_police_uk
    from bot.service import Partnerships

    pack, (archive, wards) = thanet_pack
    served = dataclasses.replace(install_settings, state_dir=tmp_path / "state", partnerships=(("thanet", pack),))
    own = dataclasses.replace(served, data_dir=pack, state_dir=served.state_dir / "partnerships" / "thanet")
    import_police_uk(own, [archive], wards, progress=False)
    return served, Partnerships.open(served, Service(served))


@pytest.fixture()
def partnered_bot(two_partnerships, slack):
    """The app as `crimebot serve` builds it: one poster for the admin commands and the schedule."""
    from bot.slack.app import web_client
    from bot.slack.digests import DigestPoster, admin_commands

    served, partnerships = two_partnerships
    poster = DigestPoster(served, partnerships, web_client(served), settle_seconds=0)
    app = create_app(served, partnerships, admin_commands(poster), poster=poster)
    with BackgroundServer(http_app(app, SECRET)) as url:
        yield url, poster


def slash(bot: str, slack, team: str, text: str, name: str, user: str = "U0INSTALLER") -> str:
    body = urlencode({"team_id": team, "channel_id": f"C{team[1:]}", "user_id": user, "command": "/crime",
                      "text": text, "response_url": slack.response_url(name), "trigger_id": "1.2.3"})
    post(bot + "/slack/events", body, signed_headers(SECRET, body))
    return slack.wait_for(name)[-1].body["text"]


def test_each_workspace_gets_its_own_partnership_s_answers_and_digests(partnered_bot, slack, two_partnerships):
    served, partnerships = two_partnerships
    bot, poster = partnered_bot
    for team in WORKSPACES:
        assert install(bot, team)[0] == 200
    # a workspace gets the deployment's own partnership until its admin says otherwise
    assert "This workspace gets *Safer Maidstone Partnership*" in slash(bot, slack, "T0THANET", "partnership", "p-0")
    # only an admin may change it: the configured admins, or whoever installed the app into that workspace
    assert "This workspace gets *Safer Maidstone" in slash(bot, slack, "T0THANET", "partnership", "p-0b", user="U0PARTNER")
    refused = slash(bot, slack, "T0THANET", "partnership thanet", "p-1", user="U0PARTNER")
    assert "is for crimebot's admins" in refused and partnerships.key_for("T0THANET") == "maidstone"
    assert "There is no partnership 'hastings' here" in slash(bot, slack, "T0THANET", "partnership hastings", "p-2")
    said = slash(bot, slack, "T0THANET", "partnership Thanet", "p-3")
    assert "now gets *Thanet Community Safety Partnership* (`thanet`: Thanet)" in said
    assert partnerships.key_for("T0THANET") == "thanet" and partnerships.key_for("T0MAIDSTONE") == "maidstone"

    for n, team in enumerate(WORKSPACES):
        mention(bot, team, "shoplifting", f"EvP{n}")
    posts = {c.body["channel"]: c for c in slack.wait_for("chat.postMessage", count=2)}
    maidstone, thanet = posts["C0MAIDSTONE"], posts["C0THANET"]
    assert maidstone.headers["Authorization"] == "Bearer xoxb-T0MAIDSTONE-installed"
    assert thanet.headers["Authorization"] == "Bearer xoxb-T0THANET-installed"
    assert "Shoplifting in Maidstone" in maidstone.body["text"] and "994" in maidstone.body["text"]
    assert "Shoplifting in Thanet, 2025/26: 120 crimes" in thanet.body["text"]
    assert not FOREIGN.search(json.dumps(thanet.body))

    # each workspace subscribes a channel; a scheduled run posts each its own partnership's digest, with its token
    for team in WORKSPACES:
        assert "now gets the quarterly digest" in slash(bot, slack, team, "subscribe", f"s-{team}")
    assert slash(bot, slack, "T0THANET", "subscriptions", "list-t").count("<#") == 1  # its own, not Maidstone's
    from bot.digest import FinancialQuarter

    before = len(slack.calls_to("chat.postMessage"))
    outcomes = poster.post(FinancialQuarter(2025, 4))
    assert sorted((o.channel, o.status) for o in outcomes) == [("C0MAIDSTONE", "posted"), ("C0THANET", "posted")]
    digests = {c.body["channel"]: c for c in slack.calls_to("chat.postMessage")[before:]}
    assert digests["C0THANET"].headers["Authorization"] == "Bearer xoxb-T0THANET-installed"
    assert digests["C0MAIDSTONE"].headers["Authorization"] == "Bearer xoxb-T0MAIDSTONE-installed"
    assert "All crime in Thanet, April 2025 to March 2026: 648 crimes" in digests["C0THANET"].body["text"]
    assert not FOREIGN.search(json.dumps(digests["C0THANET"].body))
    assert "Thanet" not in digests["C0MAIDSTONE"].body["text"]
    # and the mapping lives in the shared database: another replica's Partnerships sees it
    from bot.ledger import Ledger
    from bot.store import engine_for

    assert Ledger(engine_for(served)).partnership_of("T0THANET") == "thanet"


def test_what_one_workspace_sets_never_reaches_another(partnered_bot, slack, two_partnerships):
    """A channel shared between workspaces, a mapping to a partnership not served here, the settings' own digest
    channels: each workspace sees and changes only its own, and never gets another partnership's figures."""
    served, partnerships = two_partnerships
    bot, poster = partnered_bot
    for team in WORKSPACES:
        install(bot, team)
    slash(bot, slack, "T0THANET", "partnership thanet", "m-1")
    # a shared channel: Thanet's member mentions the bot in a channel of Maidstone's workspace; bolt answers with
    # Thanet's token (the authorisation), so the figures are Thanet's too
    body = json.dumps({"team_id": "T0MAIDSTONE", "api_app_id": "A0CRIMEBOT", "type": "event_callback",
                       "event_id": "EvShared", "event_time": int(time.time()),
                       "event": {"type": "app_mention", "user": "U0THANETMEMBER", "channel": "C0SHARED",
                                 "text": "<@U0CRIMEBOT> shoplifting", "ts": "1700000000.000300"},
                       "authorizations": [{"team_id": "T0THANET", "user_id": "U0CRIMEBOT", "is_bot": True}]})
    post(bot + "/slack/events", body, signed_headers(SECRET, body, content_type="application/json"))
    [answer] = slack.wait_for("chat.postMessage", count=1)
    assert answer.headers["Authorization"] == "Bearer xoxb-T0THANET-installed"
    assert "Shoplifting in Thanet" in answer.body["text"] and not FOREIGN.search(answer.body["text"])
    # the shared channel's digest belongs to the workspace that subscribed it; the other can neither take it over
    # nor cancel it
    assert "now gets the quarterly digest" in slash_in(bot, slack, "T0MAIDSTONE", "C0SHARED", "subscribe", "sh-1")
    said = slash_in(bot, slack, "T0THANET", "C0SHARED", "unsubscribe", "sh-2")
    assert "managed from another workspace" in said
    assert poster.ledger.subscription_teams() == {"C0SHARED": "T0MAIDSTONE"}
    # a priority digest the new partnership has no priority for is named when the workspace changes partnership
    slash(bot, slack, "T0THANET", "partnership maidstone", "m-2")
    assert "now gets the" in slash(bot, slack, "T0THANET", "subscribe priority road safety", "m-3")
    warned = slash(bot, slack, "T0THANET", "partnership thanet", "m-4")
    assert "name a priority it does not have" in warned and "road safety" in warned
    # the settings' own channels (no workspace) are not listed, nor posted to, in a workspace of many installs
    poster.ledger.seed([("C0SEEDED", None)])
    assert "C0SEEDED" not in slash(bot, slack, "T0THANET", "subscriptions", "m-5")
    # a workspace set to a partnership this deployment no longer serves: refused plainly, never Maidstone's figures
    poster.ledger.set_partnership("T0THANET", "tcsp", by="U0ADMIN")
    before = len(slack.calls_to("chat.postMessage"))
    mention(bot, "T0THANET", "shoplifting", "EvGone")
    [refused] = slack.wait_for("chat.postEphemeral", count=1)
    assert "set to the partnership 'tcsp', which this deployment does not serve" in refused.body["text"]
    assert len(slack.calls_to("chat.postMessage")) == before
    assert "which this deployment does not serve" in slash(bot, slack, "T0THANET", "partnership", "m-6")
    from bot.digest import FinancialQuarter

    [outcome] = [o for o in poster.post(FinancialQuarter(2025, 4), [("C0THANET", None)]) if o.channel == "C0THANET"]
    assert outcome.status == "failed" and "does not serve" in outcome.detail
    help_text = slash(bot, slack, "T0MAIDSTONE", "help", "m-7")
    assert "Strategic Assessment" in help_text


def slash_in(bot: str, slack, team: str, channel: str, text: str, name: str, user: str = "U0INSTALLER") -> str:
    body = urlencode({"team_id": team, "channel_id": channel, "user_id": user, "command": "/crime",
                      "text": text, "response_url": slack.response_url(name), "trigger_id": "1.2.3"})
    post(bot + "/slack/events", body, signed_headers(SECRET, body))
    return slack.wait_for(name)[-1].body["text"]
