"""The App Home tab: a small dashboard, published when a person opens it and again after a data reload.

The partnership's name (from its data pack) and how current the data is; each priority with its headline
figure, its direction and a **View** button (the priority pack, as `/crime priority NAME` gives it, sent
privately by DM); **Ask a question** (the Ask form) and one click for the questions most asked; the
person's own digests; and, for admins only, every subscription with the next digest's date and a
**Post now** button each. The content comes from ``bot.dashboard`` (no Slack in it); this module only
renders it as Block Kit, inside Slack's limits (``blocks.limit_problems``), and handles its buttons.
"""
from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict
from datetime import datetime

from slack_bolt import App
from slack_sdk.errors import SlackApiError

from ..dashboard import Dashboard, dashboard
from ..digest import Digester
from ..scheduler import digest_trigger, next_run
from .blocks import MAX_HOME_BLOCKS, _button, _context, _section, cut, escape, notice
from .digests import DigestPoster, mention
from .direct import DirectChannels, answer_privately
from .handlers import Door, slack_trouble, team_of, user_of

log = logging.getLogger(__name__)

VIEW_ACTION = "crimebot_home_view"  # View: a priority's pack, by DM
QUESTION_ACTION = "crimebot_home_ask"  # one of the questions most asked, by DM (crimebot_home_ask_0 ...)
OPEN_ASK_ACTION = "crimebot_open_ask"  # Ask a question: opens the Ask form (bot/slack/ask_form.py)
DIGEST_NOW_ACTION = "crimebot_home_digest_now"  # admins: post the latest digest to one subscription now
MY_DIGEST_ACTION = "crimebot_home_my_digest"  # subscribe me / unsubscribe me
MAX_LISTED = 40  # subscriptions listed on an admin's Home tab (each a section with a button)


def home_view(board: Dashboard, examples: list[tuple[str, str]], *, mine: list[str | None] | None = None,
              admin: dict | None = None) -> dict:
    """The Home tab for one person.

    ``mine``: the priorities of the person's own digests (None for the whole digest); ``admin``: for an
    admin, {"subscriptions": [(target, priority)], "next": "text", "quarter": "Q3 2013/14"}.
    """
    blocks: list[dict] = [
        {"type": "header", "text": {"type": "plain_text", "text": cut(board.partnership, 150)}},
        _context([escape(f"{board.currency}. From the {board.document}.")]),
        _section("Ask with `/crime`, by mentioning me, in a direct message (the *Messages* tab), or with the form. "
                 "Answers come only to you."),
        {"type": "actions", "block_id": "crimebot_home_ask", "elements": [
            _button("Ask a question", OPEN_ASK_ACTION, "open", primary=True,
                    label="Open the Ask form: pick a crime type, a place and a period"),
            *[_button(label, f"{QUESTION_ACTION}_{i}", question) for i, (label, question) in enumerate(board.questions)]]},
        {"type": "divider"},
        {"type": "header", "text": {"type": "plain_text", "text": "Priorities and their headline figures"}},
    ]
    for p in board.priorities:
        direction = f"\n{p.direction.arrow} {p.direction.words}" if p.direction else ""
        blocks.append({**_section(escape(f"*{p.name}*\n{p.headline}") + escape(direction) +
                                  f"\n_{escape(cut(p.owner, 200))}_"),
                       "block_id": f"priority_{p.id}"[:255],
                       "accessory": _button("View", VIEW_ACTION, p.ask,
                                            label=f"View the {p.name} pack"[:75])})
    blocks.append({"type": "divider"})
    if mine:
        names = ", ".join("the quarterly digest" if p is None else f"the {p.replace('_', ' ')} digest" for p in mine)
        blocks.append({**_section(escape(f"Your digests: you get {names} by direct message, once a quarter.")),
                       "accessory": _button("Stop my digests", MY_DIGEST_ACTION, "unsubscribe me",
                                            label="Stop getting the quarterly digest by direct message")})
    else:
        example = board.priorities[0].ask if board.priorities else "priority NAME"  # the pack's own priority
        blocks.append({**_section(escape("Get the quarterly digest by direct message, once a quarter "
                                         f"(or one priority's: `/crime subscribe me {example}`).")),
                       "accessory": _button("Send me the digest", MY_DIGEST_ACTION, "subscribe me",
                                            label="Get the quarterly digest by direct message")})
    if admin is not None:
        blocks += [{"type": "divider"},
                   {"type": "header", "text": {"type": "plain_text", "text": "Digests (admins only)"}},
                   _context([escape(admin["next"])])]
        subscriptions = admin["subscriptions"]
        room = MAX_HOME_BLOCKS - len(blocks) - 4  # and the overflow line, the divider and How to ask
        listed = subscriptions[:min(MAX_LISTED, room)]
        for target, priority in listed:
            what = f"{mention(target)}" + (f": {priority.replace('_', ' ')} only" if priority else "")
            blocks.append({**_section(what), "accessory": _button(
                "Post now", DIGEST_NOW_ACTION, f"{target}|{priority or ''}",
                label=f"Post the {admin['quarter']} digest now"[:75])})
        if not subscriptions:
            blocks.append(_section("No channel or person gets the digest. `/crime subscribe` in a channel adds it."))
        elif len(subscriptions) > len(listed):
            blocks.append(_context([f"{len(subscriptions) - len(listed)} more: `/crime subscriptions` lists them all."]))
    blocks += [{"type": "divider"}, {"type": "header", "text": {"type": "plain_text", "text": "How to ask"}},
               _section(escape("\n".join(f"`/crime {q}`: {what}" for q, what in examples)))]
    return {"type": "home", "blocks": blocks[:MAX_HOME_BLOCKS]}


def next_digest_text(poster: DigestPoster, now: datetime | None = None) -> tuple[str, str]:
    """("Next digest: ...", the latest quarter the data has) for the admins' section."""
    latest = Digester(poster.service.answerer).latest_quarter()
    quarter = latest.label if latest else "no quarter"
    try:
        trigger = digest_trigger(poster.settings)
    except ValueError as exc:
        return f"The digest schedule is not valid: {exc}", quarter
    when = next_run(trigger, now or datetime.now(trigger.timezone))
    if when is None:
        return "No digest is scheduled.", quarter
    return (f"Next digest: {when:%A} {when.day} {when:%B %Y, %H:%M} ({poster.settings.digest_timezone}). "
            f"Post now sends the latest quarter the data has, {quarter}, once per subscription."), quarter


def register(app: App, door: Door, poster: DigestPoster, directs: DirectChannels) -> None:
    """Publish the Home tab on app_home_opened and after each reload; handle its buttons."""
    boards: dict[int, Dashboard] = {}  # by answerer: a reload makes a new one
    viewers: OrderedDict[str, None] = OrderedDict()  # who opened the Home tab lately: refreshed after a reload
    lock = threading.Lock()

    def board() -> Dashboard:
        answerer = door.service.answerer  # the partnership of the workspace being served
        with lock:
            found = boards.get(id(answerer))
        if found is None:
            found = dashboard(answerer, door.service.settings.state_dir)
            with lock:
                live = {id(s.answerer) for s in door.service.services.values()}
                for gone in set(boards) - live:  # a reload made a new answerer: its old board goes
                    del boards[gone]
                boards[id(answerer)] = found
        return found

    def view_for(user: str, team: str | None) -> dict:
        # this workspace's, never another's (nor, with installs into many, the settings' channels of no workspace)
        subscriptions = poster.ledger.subscriptions(team or None, unassigned=poster.installations is None)
        mine = [p for target, p in subscriptions if target == user]
        admin = None
        if door.is_admin({"user_id": user, "team_id": team}):
            text, quarter = next_digest_text(poster)
            admin = {"subscriptions": subscriptions, "next": text, "quarter": quarter}
        return home_view(board(), door.service.answerer.examples, mine=mine, admin=admin)

    def publish(user: str, team: str | None) -> None:
        try:
            door.client.views_publish(user_id=user, view=view_for(user, team))
        except SlackApiError as exc:
            slack_trouble(exc, f"the App Home of {user}")
        with lock:
            viewers[user] = team
            viewers.move_to_end(user)
            while len(viewers) > 1000:
                viewers.popitem(last=False)

    def publish_home(event, body):
        if event.get("tab") not in (None, "home") or not door.own_workspace(body):
            return
        publish(event["user"], team_of(body))

    app.event("app_home_opened")(ack=door.acknowledge, lazy=[door.lazy(publish_home)])

    def refresh_after_reload() -> None:
        with lock:
            users = list(viewers.items())
        for user, team in users:  # one by one: views.publish is rate limited per workspace
            # each viewer's own workspace: its token and its partnership
            with door.client.using(poster.client_for(team)), door.service.using(team):
                publish(user, team)

    door.service.on_reload(lambda: threading.Thread(target=refresh_after_reload, daemon=True,
                                                    name="home-refresh").start())

    def privately(body):
        if not door.own_workspace(body):
            return
        result = door.service.ask(body["actions"][0].get("value", ""))
        delivered = answer_privately(door, directs, user_of(body), result)
        if not delivered.ok:
            log.warning("a Home tab answer for %s was not delivered (%s)", user_of(body), delivered.reason)

    app.action(VIEW_ACTION)(ack=door.acknowledge, lazy=[door.lazy(privately)])
    app.action(re.compile(f"^{QUESTION_ACTION}_\\d+$"))(ack=door.acknowledge, lazy=[door.lazy(privately)])

    def my_digest(body):
        user = user_of(body)
        name = body["actions"][0].get("value", "")
        if name not in door.everyone or not door.own_workspace(body):
            return
        reply = door.everyone[name][1]({"user_id": user, "team_id": team_of(body), "text": name})
        door.client.chat_postMessage(channel=directs.of(user), **notice(reply))
        publish(user, team_of(body))

    app.action(MY_DIGEST_ACTION)(ack=door.acknowledge, lazy=[door.lazy(my_digest)])

    def digest_now(body):
        user = user_of(body)
        if not door.own_workspace(body):
            return
        if not door.is_admin(body):
            door.client.chat_postMessage(channel=directs.of(user), **notice("Posting digests is for crimebot's admins only."))
            return
        target, _, priority = body["actions"][0].get("value", "").partition("|")
        if (target, priority or None) not in poster.ledger.subscriptions(team_of(body) or None,
                                                                          unassigned=poster.installations is None):
            text = f"{mention(target)} is no longer subscribed; nothing was posted."
        else:
            quarter = Digester(door.service.answerer).latest_quarter()
            if quarter is None:
                text = "The data has no quarter to report."
            else:
                log.info("admin %s posted the %s digest to %s from the Home tab", user, quarter.label, target)
                outcome = poster.post_one(target, quarter, priority or None, team=team_of(body) or "")
                text = outcome.describe(quarter) + (" `/crime digest now force` in the channel posts it again."
                                                    if outcome.status == "skipped" else "")
        door.client.chat_postMessage(channel=directs.of(user), **notice(text))
        publish(user, team_of(body))

    app.action(DIGEST_NOW_ACTION)(ack=door.acknowledge, lazy=[door.lazy(digest_now)])
