"""Direct messages: questions asked in the bot's Messages tab, and answers sent to a person privately.

A message to the bot in its DM (``message.im``) is answered there as ``/crime`` answers it; a reply in a
thread, and a button on an answer (Trend, Wards), is answered in that thread, so the DM is the person's
own record. The bot's own messages, edits and other subtypes are ignored, and each message is answered
once however often Slack delivers its event. The App Home's buttons and the Ask form answer through
``answer_privately``: a DM from the bot, with the same buttons.
"""
from __future__ import annotations

import logging
import threading
from collections import OrderedDict

from slack_bolt import App
from slack_sdk.errors import SlackApiError

from ..answer import Answer
from ..charts import has_chart
from .blocks import answer_messages, error_message
from .handlers import MENTION, Delivery, Door, _admin_name, _SeenEvents, channel_of, slack_trouble, unescape_slack, \
    upload_chart

log = logging.getLogger(__name__)


class DirectChannels:
    """A person's DM channel with the bot (``conversations.open``), remembered: it never changes."""

    def __init__(self, client, size: int = 10_000):
        self.client, self.size = client, size
        self._ids: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()

    def of(self, user: str) -> str:
        with self._lock:
            if user in self._ids:
                return self._ids[user]
        channel = self.client.conversations_open(users=user)["channel"]["id"]
        with self._lock:
            self._ids[user] = channel
            while len(self._ids) > self.size:
                self._ids.popitem(last=False)
        return channel


def is_direct(channel: str | None) -> bool:
    """Slack's DM channel ids start with D.

    >>> is_direct("D0123"), is_direct("C0123"), is_direct(None)
    (True, False, False)
    """
    return bool(channel) and channel.startswith("D")


def send_answer(client, channel: str, answer: Answer, thread_ts: str | None = None) -> Delivery:
    """Post an answer (in as many messages as it needs) and its chart into a DM or a thread of one.

    No *Post to channel* button: a DM has no channel to share into; Trend and Wards stay."""
    messages = [error_message(answer)] if answer.error else answer_messages(answer, shareable=False)
    try:
        for message in messages:
            client.chat_postMessage(channel=channel, thread_ts=thread_ts, **message)
    except SlackApiError as exc:
        slack_trouble(exc, channel)
        return Delivery(False, exc.response.get("error", "unknown_error") if exc.response is not None else "unknown")
    except OSError as exc:
        log.warning("could not post an answer to %s: %s", channel, exc.__class__.__name__)
        return Delivery(False, "network")
    if has_chart(answer) and not answer.error:
        upload_chart(client, answer, channel, thread_ts)
    return Delivery(True)


def answer_privately(door: Door, directs: DirectChannels, user: str, answer: Answer) -> Delivery:
    """Send an answer to a person as a DM from the bot."""
    try:
        channel = directs.of(user)
    except SlackApiError as exc:
        slack_trouble(exc, f"a DM with {user}")
        return Delivery(False, exc.response.get("error", "unknown_error") if exc.response is not None else "unknown")
    except OSError as exc:
        log.warning("could not open a DM with %s: %s", user, exc.__class__.__name__)
        return Delivery(False, "network")
    return send_answer(door.client, channel, answer)


def register(app: App, door: Door) -> DirectChannels:
    """Answer DMs, and buttons on answers in DMs; return the DM channels for the other modules."""
    directs = DirectChannels(door.client)
    # by channel and ts: a message is answered once whatever its event id, by whichever replica gets it first
    messages = _SeenEvents(10_000, shared=door.seen.shared, kind="message")

    def wanted(event: dict) -> bool:
        return (event.get("channel_type") == "im" and is_direct(event.get("channel")) and bool(event.get("user"))
                and not event.get("bot_id") and not event.get("subtype") and not event.get("hidden"))

    def ignore(ack):
        ack()

    def answer_dm(event, body, client):
        if not wanted(event) or not door.own_workspace(body):
            return
        if not door.seen.first_time(body.get("event_id")) or \
                not messages.first_time(f"{event['channel']}:{event.get('ts')}"):
            log.info("ignored a message event delivered again (%s)", body.get("event_id"))
            return
        text = unescape_slack(MENTION.sub(" ", event.get("text") or "")).strip() or "help"
        thread = event.get("thread_ts")  # a reply in a thread is answered in that thread; a new question at the top
        name = _admin_name(text, door.everyone)
        if name:  # `subscribe me` works here as with /crime
            reply = door.everyone[name][1]({"user_id": event["user"], "text": text, "team_id": body.get("team_id")})
            client.chat_postMessage(channel=event["channel"], thread_ts=thread, text=reply)
            return
        send_answer(client, event["channel"], door.service.ask(text), thread)

    app.event("message")(ack=ignore, lazy=[door.lazy(answer_dm)])

    def follow_up(body: dict, question: str) -> bool:
        container = body.get("container") or {}
        channel = container.get("channel_id") or channel_of(body)
        if not is_direct(channel) or container.get("is_ephemeral") or not door.own_workspace(body):
            return False
        message = body.get("message") or {}
        thread = message.get("thread_ts") or message.get("ts") or container.get("message_ts")
        send_answer(door.client, channel, door.service.ask(question), thread)
        return True

    door.follow_up = follow_up
    return directs
