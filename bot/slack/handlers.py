"""What crimebot does in Slack: translate Slack events into Service calls, and answers into messages.

Every command is acknowledged at once (an empty 200 within milliseconds) and answered afterwards,
from a bolt lazy listener, through the ``response_url``; nothing here queries data itself.
"""
from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Callable

from slack_bolt import App, BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler
from slack_sdk.webhook import WebhookClient

from ..answer import EXAMPLES, Answer
from ..charts import draw, file_name, has_chart
from ..service import Service
from ..settings import Settings
from .blocks import ASK_ACTION, POST_ACTION, answer_message, error_message, home_view, notice

log = logging.getLogger(__name__)

MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
# What to tell a partner when Slack refuses a post; the log gets the channel and the error code.
SLACK_TROUBLE = {
    "not_in_channel": "I'm not a member of this channel. Invite me with `/invite @crimebot`, then ask again.",
    "channel_not_found": "I can't see this channel (a private channel or a DM I'm not in). Invite me with "
                         "`/invite @crimebot`, or ask me in a direct message.",
    "is_archived": "This channel is archived, so I can't post in it.",
    "ratelimited": "Slack is asking me to slow down; please try again in a minute.",
    "expired_url": "That answer is too old to share (Slack allows 30 minutes); ask again.",
}

CHART_HINT = ":chart_with_upwards_trend: This answer has a chart: *Post to channel* shares it with the chart."

# An admin command: (what it does, function of the request body returning the reply text).
AdminCommand = tuple[str, Callable[[dict], str]]


def send_response(url: str, message: dict, *, response_type: str = "ephemeral", **extra) -> bool:
    """Post to a ``response_url``, retrying a 429 after its Retry-After; log (never raise) a failure."""
    client = WebhookClient(url, timeout=15, retry_handlers=[ConnectionErrorRetryHandler(),
                                                             RateLimitErrorRetryHandler(max_retry_count=3)])
    try:
        result = client.send_dict({"response_type": response_type, **message, **extra})
    except Exception as exc:  # the network, not our data: log it and carry on
        log.warning("response_url post failed: %s", exc.__class__.__name__)
        return False
    if result.status_code != 200:
        log.warning("response_url answered %s: %s", result.status_code, result.body[:200])
        return False
    return True


def slack_trouble(exc: SlackApiError, where: str) -> str:
    """Log a Web API refusal clearly and return what the partner should do about it."""
    code = exc.response.get("error", "unknown_error") if exc.response is not None else "unknown_error"
    log.warning("Slack refused %s in %s: %s", exc.response.api_url if exc.response is not None else "a call",
                where, code)
    return SLACK_TROUBLE.get(code, f"Slack refused the message ({code}).")


def upload_chart(client, answer: Answer, channel: str, thread_ts: str | None = None) -> str | None:
    """Draw the answer's chart and upload it (files_upload_v2) into the channel or thread; None when done,
    or what to tell the partner when Slack refused it."""
    try:
        png = draw(answer)
    except Exception:
        log.exception("could not draw the chart for %r", answer.query)
        return "The chart could not be drawn; the figures above are complete."
    try:
        client.files_upload_v2(channel=channel, thread_ts=thread_ts, file=png, filename=file_name(answer),
                               title=f"{answer.series['title']}, {answer.series['when']}",
                               alt_txt=answer.headline[:1000])
    except SlackApiError as exc:
        return slack_trouble(exc, channel)
    except OSError as exc:
        log.warning("chart upload to %s failed: %s", channel, exc.__class__.__name__)
        return "The chart could not be uploaded; please try again."
    return None


class _SeenEvents:
    """Slack redelivers an event it thinks was missed: answer each event_id once per process."""

    def __init__(self, size: int = 1000):
        self._ids: OrderedDict[str, None] = OrderedDict()
        self._size, self._lock = size, threading.Lock()

    def first_time(self, event_id: str | None) -> bool:
        if not event_id:
            return True
        with self._lock:
            if event_id in self._ids:
                return False
            self._ids[event_id] = None
            if len(self._ids) > self._size:
                self._ids.popitem(last=False)
            return True


def register(app: App, service: Service, settings: Settings,
             admin_commands: dict[str, AdminCommand] | None = None) -> None:
    """Attach crimebot's listeners to a bolt App: workspace check, /crime, @mentions, App Home, buttons."""
    admin = {"reload": ("rebuild the data from data/ and serve it", lambda body: service.reload()),
             **(admin_commands or {})}
    seen = _SeenEvents()

    @app.middleware
    def only_allowed_workspaces(body, context, next, ack):  # noqa: A002 (bolt names it next)
        team = context.team_id or body.get("team_id") or (body.get("team") or {}).get("id")
        if team in settings.allowed_team_ids or body.get("type") == "url_verification":
            return next()
        log.warning("refused a request from workspace %s: not in CRIMEBOT_ALLOWED_TEAMS", team)
        if body.get("command"):
            return ack(response_type="ephemeral", **notice(
                f"crimebot is not enabled for this workspace. An administrator can add `{team}` to "
                "CRIMEBOT_ALLOWED_TEAMS in the bot's settings."))
        return BoltResponse(status=200, body="")  # events and clicks: acknowledged, ignored

    def acknowledge(ack):
        ack()

    def answer_command(body):
        text, user = (body.get("text") or "").strip(), body.get("user_id", "")
        url = body.get("response_url")
        if not url:
            log.warning("a /crime command without a response_url; nothing to answer to")
            return
        name = _admin_name(text, admin)
        if name:
            if user not in settings.admin_user_ids:
                send_response(url, notice(f"`{name}` is for crimebot's admins only. "
                                          "Ask a partnership analyst, or try `/crime help`."))
                return
            log.info("admin %s ran %r", user, name)
            send_response(url, notice(admin[name][1](body)))
            return
        if text.lower() in ("help", "?", ""):
            answer = service.ask("help")
            answer.notes.append("Admins can also run: " + ", ".join(f"`{n}` ({what})" for n, (what, _) in admin.items()))
        else:
            answer = service.ask(text)
        send_response(url, answer_message(answer, hint=CHART_HINT if has_chart(answer) else None))

    app.command("/crime")(ack=acknowledge, lazy=[answer_command])

    def answer_mention(event, body, client):
        if not seen.first_time(body.get("event_id")):
            return
        text = MENTION.sub(" ", event.get("text", "")).strip() or "help"
        channel, thread = event.get("channel"), event.get("thread_ts") or event.get("ts")
        answer = service.ask(text)
        try:
            if answer.error:
                client.chat_postEphemeral(channel=channel, user=event.get("user"), thread_ts=thread,
                                          **error_message(answer))
            else:
                client.chat_postMessage(channel=channel, thread_ts=thread, **answer_message(answer, shareable=False))
        except SlackApiError as exc:
            slack_trouble(exc, channel)
            return
        if has_chart(answer):
            upload_chart(client, answer, channel, thread)

    app.event("app_mention")(ack=acknowledge, lazy=[answer_mention])

    def publish_home(event, client):
        if event.get("tab") not in (None, "home"):
            return
        try:
            client.views_publish(user_id=event["user"], view=home_view(service.answerer.headlines(), EXAMPLES))
        except SlackApiError as exc:
            slack_trouble(exc, f"the App Home of {event.get('user')}")

    app.event("app_home_opened")(ack=acknowledge, lazy=[publish_home])

    def post_to_channel(body, client):
        question, user = body["actions"][0].get("value", ""), body["user"]["id"]
        answer = service.ask(question)
        posted = send_response(body["response_url"], answer_message(answer, shareable=False, shared_by=user),
                               response_type="in_channel", replace_original=False)
        if not posted:
            send_response(body["response_url"], notice(SLACK_TROUBLE["channel_not_found"]), replace_original=False)
            return
        send_response(body["response_url"], {}, delete_original=True)
        channel = (body.get("channel") or {}).get("id")
        if has_chart(answer) and channel:
            trouble = upload_chart(client, answer, channel)
            if trouble:
                send_response(body["response_url"], notice(f"The chart was not posted: {trouble}"),
                              replace_original=False)

    app.action(POST_ACTION)(ack=acknowledge, lazy=[post_to_channel])

    def ask_again(body):
        answer = service.ask(body["actions"][0].get("value", ""))
        send_response(body["response_url"], answer_message(answer, hint=CHART_HINT if has_chart(answer) else None),
                      replace_original=False)

    app.action(re.compile(f"^{ASK_ACTION}_\\d+$"))(ack=acknowledge, lazy=[ask_again])

    @app.error
    def on_error(error, body):
        # A bug in a listener: logged with its trace, never shown to Slack as a 500.
        log.error("listener failed on %s: %r", body.get("command") or body.get("type"), error, exc_info=error)


def _admin_name(text: str, admin: dict[str, AdminCommand]) -> str | None:
    """The admin command a text names ("reload", "data reload", "digest now" ...), if any."""
    words = " ".join(text.lower().split())
    for name in sorted(admin, key=len, reverse=True):
        if words == name or words.startswith(name + " ") or words == f"data {name}":
            return name
    return None
