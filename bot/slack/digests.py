"""Posting digests to Slack channels exactly once, and the admin commands that manage them.

Every post goes through the ledger: claim, post, record. One channel's failure is recorded with
Slack's reason, reported to the admins, and does not stop the other channels.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from slack_sdk.errors import SlackApiError

from ..answer import NoAnswer
from ..digest import Digester, FinancialQuarter
from ..ledger import Ledger
from ..service import Service
from ..settings import Settings
from .blocks import answer_message
from .handlers import SLACK_TROUBLE

log = logging.getLogger(__name__)


@dataclass
class Outcome:
    channel: str
    priority: str | None
    status: str  # posted, skipped, failed
    detail: str = ""
    ts: str | None = None

    def describe(self, quarter: FinancialQuarter) -> str:
        what = f"{quarter.label} digest" + (f" ({self.priority})" if self.priority else "")
        return {"posted": f"Posted the {what} to <#{self.channel}> (ts {self.ts}).",
                "skipped": f"Did not post the {what} to <#{self.channel}>: {self.detail}.",
                "failed": f"Could not post the {what} to <#{self.channel}>: {self.detail}"}[self.status]


class DigestPoster:
    def __init__(self, settings: Settings, service: Service, client, ledger: Ledger | None = None):
        self.settings, self.service, self.client = settings, service, client
        self.ledger = ledger or Ledger(settings.ledger_path)
        self.ledger.seed([(c, self.priority_id(p) if p else None) for c, p in settings.digest_channels])

    def priority_id(self, name: str) -> str:
        """A priority's id from any name partners use for it (NoAnswer when there is none)."""
        return Digester(self.service.answerer).priority(name)["id"]

    def post(self, quarter: FinancialQuarter, subscriptions: list[tuple[str, str | None]] | None = None,
             force: bool = False) -> list[Outcome]:
        """Post the quarter's digest to each subscription; report failures to the admins."""
        targets = self.ledger.subscriptions() if subscriptions is None else subscriptions
        outcomes = [self.post_one(channel, quarter, priority, force) for channel, priority in targets]
        problems = [o for o in outcomes if o.status == "failed" or "interrupted" in o.detail]
        if problems:
            self.tell_admins("\n".join(o.describe(quarter) for o in problems))
        return outcomes

    def post_one(self, channel: str, quarter: FinancialQuarter, priority: str | None = None,
                 force: bool = False) -> Outcome:
        claim = self.ledger.claim(channel, quarter.label, priority, force=force)
        if not claim.granted:
            entry = claim.entry
            return Outcome(channel, priority, "skipped", claim.why + (f" (ts {entry.ts})" if entry and entry.ts else ""),
                           entry.ts if entry else None)
        try:
            answer = Digester(self.service.answerer).digest(quarter, priority)
            result = self.client.chat_postMessage(channel=channel, **answer_message(answer, shareable=False))
        except SlackApiError as exc:
            code = exc.response.get("error", "unknown_error") if exc.response is not None else "unknown_error"
            log.warning("digest %s for %s not posted: %s", quarter.label, channel, code)
            self.ledger.failed(channel, quarter.label, priority, code)
            return Outcome(channel, priority, "failed", f"{code}. {SLACK_TROUBLE.get(code, '')}".strip())
        except Exception as exc:  # a network fault or a bug: recorded, reported, the next channel still goes
            log.exception("digest %s for %s failed", quarter.label, channel)
            self.ledger.failed(channel, quarter.label, priority, f"error: {exc.__class__.__name__}")
            return Outcome(channel, priority, "failed", f"error: {exc.__class__.__name__} (see the bot's log)")
        self.ledger.posted(channel, quarter.label, priority, result["ts"])
        log.info("digest %s posted to %s (ts %s)", quarter.label, channel, result["ts"])
        return Outcome(channel, priority, "posted", ts=result["ts"])

    def tell_admins(self, text: str, title: str = "crimebot digest report") -> None:
        for admin in sorted(self.settings.admin_user_ids):
            try:
                self.client.chat_postMessage(channel=admin, text=f"{title}:\n{text}")
            except SlackApiError as exc:
                log.warning("could not report to admin %s: %s", admin, exc.response.get("error"))


def admin_commands(poster: DigestPoster) -> dict:
    """``/crime subscribe [priority]``, ``unsubscribe [priority]``, ``subscriptions``, ``digest now [priority]``."""

    def words_after(body: dict, name: str) -> str:
        text = " ".join((body.get("text") or "").split())
        return text[len(name):].strip() if text.lower().startswith(name) else ""

    def priority_in(body: dict, name: str) -> tuple[str | None, str | None]:
        rest = words_after(body, name)
        rest = rest[len("priority"):].strip() if rest.lower().startswith("priority") else rest
        if not rest:
            return None, None
        try:
            return poster.priority_id(rest), None
        except NoAnswer as exc:
            return None, str(exc)

    def subscribe(body: dict, active: bool) -> str:
        name = "subscribe" if active else "unsubscribe"
        priority, problem = priority_in(body, name)
        if problem:
            return problem
        channel = body.get("channel_id", "")
        changed = poster.ledger.subscribe(channel, priority, by=body.get("user_id", ""), active=active)
        what = f"the {priority.replace('_', ' ')} digest" if priority else "the quarterly digest"
        if active:
            return (f"<#{channel}> now gets {what}." if changed else f"<#{channel}> already gets {what}.") + \
                " Invite me here (`/invite @crimebot`) if I'm not a member."
        return f"<#{channel}> no longer gets {what}." if changed else f"<#{channel}> was not subscribed to {what}."

    def subscriptions(body: dict) -> str:
        rows = poster.ledger.subscriptions()
        if not rows:
            return "No channel gets the quarterly digest. `/crime subscribe` in a channel adds it."
        return "Channels that get the quarterly digest:\n" + "\n".join(
            f"• <#{c}>" + (f" ({p.replace('_', ' ')} only)" if p else "") for c, p in rows)

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
        outcome = poster.post_one(body.get("channel_id", ""), quarter, priority, force=force)
        text = outcome.describe(quarter)
        return text + (" Add `force` to post it again." if outcome.status == "skipped" and not force else "")

    return {
        "subscribe": ("this channel gets the quarterly digest (or one priority's)", lambda b: subscribe(b, True)),
        "unsubscribe": ("this channel stops getting it", lambda b: subscribe(b, False)),
        "subscriptions": ("which channels get it", subscriptions),
        "digest now": ("post the latest quarter's digest here", digest_now),
    }
