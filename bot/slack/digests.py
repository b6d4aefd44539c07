"""Posting digests to Slack channels exactly once, and the admin commands that manage them.

Every post goes through the ledger: claim, post, record. One channel's failure is recorded with
Slack's reason, reported to the admins, and does not stop the other channels.

Exactly once against an unreliable Slack: a post is never resent by the client (bot/slack/retries.py),
and each digest message carries Slack message metadata (event type ``crimebot_digest``, a key of
channel, quarter and priority). When a post's outcome is unknown (a timeout, a dropped connection, a
5xx) the channel's recent history is read for that key before anything is posted again: found, it is
recorded as posted; not found, it is posted. A post cut off by a crash or a kill is settled the same
way when ``crimebot serve`` starts (``recover``), and the admins are told what happened.
"""
from __future__ import annotations

import logging
import time
from contextlib import contextmanager
from dataclasses import dataclass

from slack_sdk.errors import SlackApiError

from ..answer import NoAnswer
from ..digest import Digester, FinancialQuarter
from ..ledger import Claim, Ledger
from ..logs import redact
from ..service import Partnerships, Service, Unserved
from ..settings import Settings
from ..store import engine_for
from .blocks import answer_message, escape
from .handlers import SLACK_TROUBLE, RequestClient, team_of, words_after

log = logging.getLogger(__name__)

EVENT_TYPE = "crimebot_digest"
POST_ATTEMPTS = 3  # posts of one digest whose outcome stays unknown before giving up for this run
HISTORY_PAGES = 10  # of 200 messages: how far back the channel is read for a digest's key


class OutcomeUnknown(Exception):
    """A post that may or may not have reached Slack (a timeout, a dropped connection, a 5xx)."""


def digest_key(channel: str, period: str, priority: str | None) -> str:
    """The key a digest's message carries in its metadata.

    >>> digest_key("C0ALL", "Q2 2013/14", None), digest_key("C0R", "Q2 2013/14", "road_safety")
    ('C0ALL|Q2 2013/14|', 'C0R|Q2 2013/14|road_safety')
    """
    return f"{channel}|{period}|{priority or ''}"


@dataclass
class Outcome:
    channel: str
    priority: str | None
    status: str  # posted, skipped, failed
    detail: str = ""
    ts: str | None = None
    reconciled: str = ""  # what the channel's history showed after an attempt with no answer

    def describe(self, quarter: FinancialQuarter) -> str:
        what = f"{quarter.label} digest" + (f" ({self.priority})" if self.priority else "")
        where = mention(self.channel)
        if self.reconciled:
            return f"The {what} for {where}: {self.reconciled}"
        return {"posted": f"Posted the {what} to {where} (ts {self.ts}).",
                "skipped": f"Did not post the {what} to {where}: {self.detail}.",
                "failed": f"Could not post the {what} to {where}: {self.detail}"}[self.status]


def is_person(target: str) -> bool:
    """A subscription's target is a channel (C..., G...) or a person (U..., W...: a personal digest, by DM).

    >>> is_person("U0PARTNER"), is_person("W0GRID"), is_person("C0ALL")
    (True, True, False)
    """
    return target[:1] in ("U", "W")


def mention(target: str) -> str:
    """How Slack shows a subscription's target: ``<@U...>`` (a person, by DM) or ``<#C...>``."""
    return f"<@{target}> (by DM)" if is_person(target) else f"<#{target}>"


class DigestPoster:
    """Posts digests. Each subscription belongs to a workspace: its digest is built from that workspace's
    partnership and posted with that workspace's token (``installations``, set by the app when it installs into
    many workspaces; else the one client)."""

    def __init__(self, settings: Settings, service: Service | Partnerships, client, ledger: Ledger | None = None,
                 settle_seconds: float = 5.0):
        self.settings, self.client = settings, RequestClient(client)
        self.ledger = ledger or Ledger(engine_for(settings))
        self.service = service if isinstance(service, Partnerships) else Partnerships(service, ledger=self.ledger)
        if self.service.ledger is None:
            self.service.ledger = self.ledger
        self.ledger.seed([(c, self.priority_id(p) if p else None) for c, p in settings.digest_channels])
        # before reading a channel's history for a post with no answer: a slow post may still be landing
        self.settle_seconds = settle_seconds
        self._directs: dict[tuple[str, str], str] = {}  # (workspace, person) -> their DM channel with the bot
        self.installations = None  # bolt's installation store, with installs into many workspaces
        self._clients: dict[str, object] = {}

    def client_for(self, team: str | None):
        """The Web API client with ``team``'s own token (installs), else the deployment's one client."""
        if self.installations is None or not team:
            return self.client.default
        try:
            bot = self.installations.find_bot(enterprise_id=None, team_id=team)
        except Exception:
            log.exception("could not read the installation of %s", team)
            bot = None
        if bot is None or not bot.bot_token:
            log.warning("workspace %s has no installation: its digests cannot be posted", team)
            return self.client.default
        if bot.bot_token not in self._clients:
            from .app import web_client

            self._clients[bot.bot_token] = web_client(self.settings, token=bot.bot_token)
        return self._clients[bot.bot_token]

    @contextmanager
    def serving(self, team: str | None):
        """Post, read history and build digests as ``team``'s: its token and its partnership."""
        with self.client.using(self.client_for(team)), self.service.using(team):
            yield

    def team_of(self, target: str) -> str:
        return self.ledger.subscription_teams().get(target, "")

    def conversation(self, target: str) -> str:
        """Where a subscription's digest is posted: the channel itself, or a person's DM with the bot
        (``conversations.open``; its id is needed to read the DM's history before any repost)."""
        if not is_person(target):
            return target
        key = (self.service.team or "", target)
        if key not in self._directs:
            self._directs[key] = self.client.conversations_open(users=target)["channel"]["id"]
        return self._directs[key]

    def priority_id(self, name: str) -> str:
        """A priority's id from any name partners use for it (NoAnswer when there is none)."""
        return Digester(self.service.answerer).priority(name)["id"]

    def post(self, quarter: FinancialQuarter, subscriptions: list[tuple[str, str | None]] | None = None,
             force: bool = False) -> list[Outcome]:
        """Post the quarter's digest to each subscription; report failures to the admins."""
        targets = self.ledger.subscriptions() if subscriptions is None else subscriptions
        teams = self.ledger.subscription_teams()
        outcomes = [self.post_one(channel, quarter, priority, force, team=teams.get(channel, ""))
                    for channel, priority in targets]
        for team in sorted({teams.get(o.channel, "") for o in outcomes}):
            problems = [o for o in outcomes if (o.status == "failed" or o.reconciled) and teams.get(o.channel, "") == team]
            if problems:
                with self.serving(team):
                    self.tell_admins("\n".join(o.describe(quarter) for o in problems))
        return outcomes

    def recover(self, heading: str = "After a restart, posts cut off last time") -> list[Outcome]:
        """At start-up, and now and then while serving: settle every post a crash or kill cut off (found in the
        channel: recorded; not found: posted now), and tell the admins what happened."""
        outcomes, lines = [], {}
        for entry in self.ledger.interrupted_entries():
            try:
                quarter = FinancialQuarter.parse(entry.period)
            except ValueError:
                continue
            team = self.team_of(entry.channel)
            outcome = self.post_one(entry.channel, quarter, entry.priority or None, team=team)
            outcomes.append(outcome)
            lines.setdefault(team, []).append(outcome.describe(quarter))
        for team, told in sorted(lines.items()):
            log.info("settled %d interrupted digest post(s)", len(told))
            with self.serving(team):
                self.tell_admins(f"{heading}:\n" + "\n".join(told))
        return outcomes

    def post_one(self, channel: str, quarter: FinancialQuarter, priority: str | None = None,
                 force: bool = False, team: str | None = None) -> Outcome:
        """Post one subscription's digest, as its workspace's (``team``; looked up when not given)."""
        team = self.team_of(channel) if team is None else team
        try:
            self.service.for_team(team)  # before the claim: a digest not built is not recorded as attempted
            with self.serving(team):
                return self._post_one(channel, quarter, priority, force)
        except Unserved as exc:  # the workspace is set to a partnership not served here: nothing posted, said why
            return Outcome(channel, priority, "failed", str(exc))

    def _post_one(self, channel: str, quarter: FinancialQuarter, priority: str | None, force: bool) -> Outcome:
        claim = self.ledger.claim(channel, quarter.label, priority, force=force)
        if not claim.granted:
            entry = claim.entry
            return Outcome(channel, priority, "skipped", claim.why + (f" (ts {entry.ts})" if entry and entry.ts else ""),
                           entry.ts if entry else None)
        key = digest_key(channel, quarter.label, priority)
        try:
            answer = Digester(self.service.answerer).digest(quarter, priority)
            message = answer_message(answer, shareable=False)
        except Exception as exc:  # a bug: recorded, reported, the next channel still goes
            log.exception("digest %s for %s could not be built", quarter.label, channel)
            self.ledger.failed(channel, quarter.label, priority, f"error: {exc.__class__.__name__}")
            return Outcome(channel, priority, "failed", f"error: {exc.__class__.__name__} (see the bot's log)")
        return self._deliver(claim, channel, quarter, priority, key, message)

    def _deliver(self, claim: Claim, channel: str, quarter: FinancialQuarter, priority: str | None, key: str,
                 message: dict) -> Outcome:
        previous = claim.entry
        since = (previous.first_claimed_at or previous.claimed_at) if previous else None
        reconciled, why = "", "the earlier attempt was cut off" if previous and previous.status == "posting" else \
            "the earlier attempt had no answer from Slack"
        check = claim.check_first
        for attempt in range(POST_ATTEMPTS):
            if check:
                try:
                    found = self.find_posted(channel, key, since)
                except (SlackApiError, OSError) as exc:
                    return self._unsettled(channel, quarter, priority, why, exc)
                if found:
                    self.ledger.posted(channel, quarter.label, priority, found)
                    log.info("digest %s for %s was already in the channel (ts %s): recorded", quarter.label, channel,
                             found)
                    return Outcome(channel, priority, "posted", ts=found,
                                   reconciled=f"{why}, but Slack had it (ts {found}): recorded, not posted again.")
                reconciled = f"{why}, and Slack did not have it: "
            try:
                ts = self._post(channel, key, quarter, priority, message)
            except OutcomeUnknown as exc:
                log.warning("digest %s for %s: no answer from Slack (%s); checking the channel before any repost",
                            quarter.label, channel, exc)
                why, check = f"a post had no answer from Slack ({exc})", True
                since = since or self.ledger_entry_time(channel, quarter, priority)
                time.sleep(self.settle_seconds)
                continue
            except SlackApiError as exc:
                code = exc.response.get("error", "unknown_error") if exc.response is not None else "unknown_error"
                log.warning("digest %s for %s not posted: %s", quarter.label, channel, code)
                self.ledger.failed(channel, quarter.label, priority, code)
                return Outcome(channel, priority, "failed", f"{code}. {SLACK_TROUBLE.get(code, '')}".strip(),
                               reconciled=reconciled and f"{reconciled}posting it failed ({code}).")
            self.ledger.posted(channel, quarter.label, priority, ts)
            log.info("digest %s posted to %s (ts %s)", quarter.label, channel, ts)
            return Outcome(channel, priority, "posted", ts=ts, reconciled=reconciled and f"{reconciled}posted now (ts {ts}).")
        try:  # every attempt went unanswered: one last look
            found = self.find_posted(channel, key, since)
        except (SlackApiError, OSError) as exc:
            return self._unsettled(channel, quarter, priority, why, exc)
        if found:
            self.ledger.posted(channel, quarter.label, priority, found)
            return Outcome(channel, priority, "posted", ts=found, reconciled=f"{why}, but Slack had it (ts {found}).")
        self.ledger.failed(channel, quarter.label, priority, f"unknown: {why}")
        return Outcome(channel, priority, "failed", f"{POST_ATTEMPTS} posts had no answer from Slack and none is in the "
                       "channel; the next run tries again")

    def ledger_entry_time(self, channel: str, quarter: FinancialQuarter, priority: str | None) -> float | None:
        entry = next((e for e in self.ledger.entries() if (e.channel, e.period, e.priority) ==
                      (channel, quarter.label, priority or "")), None)
        return entry.claimed_at if entry else None

    def _unsettled(self, channel, quarter, priority, why: str, exc: Exception) -> Outcome:
        code = exc.response.get("error", "unknown_error") if isinstance(exc, SlackApiError) and \
            exc.response is not None else exc.__class__.__name__
        self.ledger.failed(channel, quarter.label, priority, f"unknown: {why}; the channel's history: {code}")
        log.warning("digest %s for %s: %s and the channel's history could not be read (%s)", quarter.label, channel,
                    why, code)
        return Outcome(channel, priority, "failed",
                       f"{why}, and I could not read the channel's history to see whether it landed ({code}: the "
                       "app needs channels:history, and groups:history for a private channel). Not posted again; "
                       "look in the channel, and use `digest now force` there if it is missing")

    def _post(self, channel: str, key: str, quarter: FinancialQuarter, priority: str | None, message: dict) -> str:
        """Post once (no client retry after a connection error); OutcomeUnknown when Slack's answer is lost."""
        metadata = {"event_type": EVENT_TYPE, "event_payload": {"key": key, "channel": channel,
                                                                "period": quarter.label, "priority": priority or ""}}
        try:
            return self.client.chat_postMessage(channel=self.conversation(channel), metadata=metadata, **message)["ts"]
        except SlackApiError as exc:
            status = exc.response.status_code if exc.response is not None else 0
            if status >= 500 or (exc.response is not None and exc.response.get("error") in
                                 ("internal_error", "fatal_error", "request_timeout", "service_unavailable")):
                raise OutcomeUnknown(f"HTTP {status}") from exc
            raise
        except (OSError, TimeoutError) as exc:  # URLError, a reset, a timeout: it may have landed
            raise OutcomeUnknown(exc.__class__.__name__) from exc

    def find_posted(self, channel: str, key: str, since: float | None) -> str | None:
        """The ts of the digest message with this key in the channel's history since ``since``, if any."""
        cursor, oldest = None, f"{max(0.0, (since or 0) - 120):.6f}"
        for _ in range(HISTORY_PAGES):
            page = self.client.conversations_history(channel=self.conversation(channel), oldest=oldest, limit=200, cursor=cursor,
                                                     include_all_metadata=True)
            for message in page.get("messages", []):
                metadata = message.get("metadata") or {}
                if metadata.get("event_type") == EVENT_TYPE and (metadata.get("event_payload") or {}).get("key") == key:
                    return message["ts"]
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not page.get("has_more") or not cursor:
                return None
        return None

    def installer_of(self, team: str | None) -> str | None:
        """Who installed the app into a workspace (installs into many workspaces): that workspace's own admin."""
        if self.installations is None or not team:
            return None
        try:
            found = self.installations.find_installation(enterprise_id=None, team_id=team)
        except Exception:
            log.exception("could not read the installation of %s", team)
            return None
        return found.user_id if found is not None else None

    def tell_admins(self, text: str, title: str = "crimebot digest report") -> None:
        """Tell the admins of the workspace being served (CRIMEBOT_ADMINS and whoever installed the app there), by
        direct message with its token."""
        text = redact(text, self.settings)
        installer = self.installer_of(self.service.team)
        for admin in sorted(self.settings.admin_user_ids | ({installer} if installer else set())):
            try:
                self.client.chat_postMessage(channel=admin, text=f"{title}:\n{text}")
            except (SlackApiError, OSError) as exc:
                log.warning("could not report to admin %s: %s", admin,
                            exc.response.get("error") if isinstance(exc, SlackApiError) else exc.__class__.__name__)


def _priority_in(poster: DigestPoster, body: dict, name: str) -> tuple[str | None, str | None]:
    """The priority a command names after ``name`` ("subscribe priority road safety"), or why it names none."""
    rest = words_after(body, name)
    rest = rest[len("priority"):].strip() if rest.lower().startswith("priority") else rest
    if not rest:
        return None, None
    try:
        return poster.priority_id(rest), None
    except NoAnswer as exc:
        return None, str(exc)


def admin_commands(poster: DigestPoster) -> dict:
    """``/crime subscribe [priority]``, ``unsubscribe [priority]``, ``subscriptions``, ``digest now [priority]``."""

    def priority_in(body: dict, name: str) -> tuple[str | None, str | None]:
        return _priority_in(poster, body, name)

    def subscribe(body: dict, active: bool) -> str:
        name = "subscribe" if active else "unsubscribe"
        priority, problem = priority_in(body, name)
        if problem:
            return problem
        channel, team = body.get("channel_id", ""), poster.service.team or team_of(body) or ""
        owner = poster.ledger.subscription_teams().get(channel, "")
        if owner and team and owner != team:  # a channel shared between workspaces: each keeps its own
            return f"<#{channel}>'s digest is managed from another workspace; nothing was changed."
        changed = poster.ledger.subscribe(channel, priority, by=body.get("user_id", ""), active=active, team=team)
        what = f"the {priority.replace('_', ' ')} digest" if priority else "the quarterly digest"
        if active:
            return (f"<#{channel}> now gets {what}." if changed else f"<#{channel}> already gets {what}.") + \
                " Invite me here (`/invite @crimebot`) if I'm not a member."
        return f"<#{channel}> no longer gets {what}." if changed else f"<#{channel}> was not subscribed to {what}."

    def subscriptions(body: dict) -> str:
        rows = poster.ledger.subscriptions(poster.service.team or team_of(body) or None,
                                           unassigned=poster.installations is None)
        if not rows:
            return "No channel gets the quarterly digest. `/crime subscribe` in a channel adds it."
        return "Channels and people that get the quarterly digest:\n" + "\n".join(
            f"• {mention(c)}" + (f" ({p.replace('_', ' ')} only)" if p else "") for c, p in rows)

    def digest_now(body: dict) -> str:
        force = (body.get("text") or "").lower().split()[-1:] == ["force"]
        if force:
            body = {**body, "text": " ".join((body.get("text") or "").split()[:-1])}
        priority, problem = priority_in(body, "digest now")
        if problem:
            return problem
        quarter = Digester(poster.service.answerer).latest_quarter()
        if quarter is None:
            return "The data has no quarter to report."
        outcome = poster.post_one(body.get("channel_id", ""), quarter, priority, force=force, team=team_of(body) or "")
        text = outcome.describe(quarter)
        return text + (" Add `force` to post it again." if outcome.status == "skipped" and not force else "")

    return {
        "subscribe": ("this channel gets the quarterly digest (or one priority's)", lambda b: subscribe(b, True)),
        "unsubscribe": ("this channel stops getting it", lambda b: subscribe(b, False)),
        "subscriptions": ("which channels get it", subscriptions),
        "digest now": ("post the latest quarter's digest here", digest_now),
    }


def personal_commands(poster: DigestPoster) -> dict:
    """``/crime subscribe me [priority NAME]`` and ``unsubscribe me``: the quarterly digest by DM, for anyone."""

    def subscribe_me(body: dict, active: bool) -> str:
        name = "subscribe me" if active else "unsubscribe me"
        priority, problem = _priority_in(poster, body, name)
        if problem:
            return problem
        user = body.get("user_id") or ""
        if not user:
            return "I could not tell who asked; try again from Slack."
        if active:
            changed = poster.ledger.subscribe(user, priority, by=user, active=True, team=team_of(body) or "")
            what = f"the {priority.replace('_', ' ')} digest" if priority else "the quarterly digest"
            return (f"You now get {what} by direct message from me, once a quarter." if changed else
                    f"You already get {what} by direct message.") + " `/crime unsubscribe me` stops it."
        mine = [(c, p) for c, p in poster.ledger.subscriptions() if c == user and (priority is None or p == priority)]
        for _, p in mine:
            poster.ledger.subscribe(user, p, by=user, active=False, team=team_of(body) or "")
        if not mine:
            return "You were not getting a digest by direct message. `/crime subscribe me` starts one."
        return "You no longer get " + " or ".join(
            f"the {p.replace('_', ' ')} digest" if p else "the quarterly digest" for _, p in mine) + " by direct message."

    return {
        "subscribe me": ("the quarterly digest (or one priority's: `subscribe me priority NAME`) by DM",
                         lambda b: subscribe_me(b, True)),
        "unsubscribe me": ("stop your digests by DM", lambda b: subscribe_me(b, False)),
    }


def partnership_commands(poster: DigestPoster, is_admin) -> dict:
    """``/crime partnership [NAME]`` where one deployment serves several partnerships: anyone may ask which one
    the workspace gets; an admin (``is_admin(body)``) sets it."""
    partnerships = poster.service

    def described(key: str) -> str:
        if key not in partnerships.services:
            return f"`{key}`, which this deployment does not serve"
        p = partnerships.services[key].answerer.partnership
        return f"*{p.name}* (`{key}`: {p.home_name})"

    def stranded(team: str, key: str) -> str:
        """A warning for the workspace's priority digests that the partnership now chosen has no priority for."""
        digester, names = Digester(partnerships.services[key].answerer), []
        for target, priority in poster.ledger.subscriptions(team, unassigned=False):
            try:
                if priority:
                    digester.priority(priority)
            except NoAnswer:
                names.append(f"{mention(target)} ({priority.replace('_', ' ')})")
        return (" These digests name a priority it does not have, so they will fail until changed: "
                + ", ".join(names) + ". `/crime unsubscribe priority NAME` in the channel stops one.") if names else ""

    def choose(body: dict) -> str:
        team, text = partnerships.team or team_of(body), words_after(body, "partnership")
        choices = ", ".join(f"`{key}`" for key in sorted(partnerships.services))
        if not text:
            return (f"This workspace gets {described(partnerships.key_for(team))}. Partnerships served here: "
                    f"{choices}; `/crime partnership NAME` changes it.")
        if not is_admin(body):
            return ("Choosing the workspace's partnership is for crimebot's admins (and whoever installed the app "
                    f"here). This workspace gets {described(partnerships.key_for(team))}.")
        key = partnerships.named(text)
        if key is None:
            return f"There is no partnership '{escape(text[:100])}' here. Partnerships served here: {choices}."
        if not team:
            return "I could not tell which workspace asked; try again from Slack."
        if partnerships.choose(team, key, body.get("user_id") or "") == key:
            return f"This workspace already gets {described(key)}."
        return (f"This workspace now gets {described(key)}: every question, the Home tab and the digests here answer "
                "from its figures." + stranded(team, key))

    return {"partnership": ("which partnership's figures this workspace gets (admins: `partnership NAME` sets it)",
                            choose)}

