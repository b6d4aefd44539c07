"""What crimebot does in Slack: translate Slack events into Service calls, and answers into messages.

Every command is acknowledged at once (an empty 200 within milliseconds) and answered afterwards,
from a bolt lazy listener, through the ``response_url``; nothing here queries data itself.
"""
from __future__ import annotations

import inspect
import json
import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit

from slack_bolt import App, BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from ..answer import Answer
from ..charts import draw, file_name, has_chart
from ..service import Partnerships
from ..settings import Settings
from .blocks import ASK_ACTION, EXCEL_ACTION, POST_ACTION, answer_messages, error_message, escape, notice
from .retries import response_url_retries
from .server import new_error_id

log = logging.getLogger(__name__)

SLACK_HOOK_HOSTS = frozenset({"hooks.slack.com"})
MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
# What to tell a partner when Slack refuses a post; the log gets the channel and the error code.
SLACK_TROUBLE = {
    "not_in_channel": "I'm not a member of this channel. Invite me with `/invite @crimebot`, then ask again.",
    "channel_not_found": "I can't see this channel (a private channel or a DM I'm not in). Invite me with "
                         "`/invite @crimebot`, or ask me in a direct message.",
    "is_archived": "This channel is archived, so I can't post in it.",
    "ratelimited": "Slack is asking me to slow down; please try again in a minute.",
    "expired_url": "That answer is too old to reply to (Slack allows 30 minutes and five replies); ask again.",
    "used_url": "That answer is too old to reply to (Slack allows 30 minutes and five replies); ask again.",
    "bad_response_url": "The request did not come with a Slack reply address.",
    "network": "I could not reach Slack; please try again in a minute.",
}

CHART_HINT = ":chart_with_upwards_trend: This answer has a chart: *Post to channel* shares it with the chart."

# An admin command: (what it does, function of the request body returning the reply text).
AdminCommand = tuple[str, Callable[[dict], str]]


def unescape_slack(text: str) -> str:
    """Undo Slack's escaping of ``&``, ``<`` and ``>`` in a message or command text (``&amp;`` last).

    >>> unescape_slack("drugs &amp; alcohol &lt;3 &amp;lt;")
    'drugs & alcohol <3 &lt;'
    """
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def response_url_allowed(url: str, api_url: str) -> bool:
    """Slack's response URLs are https on its hooks host; a test stand-in is on the Web API's own origin.

    >>> response_url_allowed("https://hooks.slack.com/commands/T1/2/x", "https://slack.com/api/")
    True
    >>> response_url_allowed("http://hooks.slack.com/commands/T1/2/x", "https://slack.com/api/")
    False
    >>> response_url_allowed("https://hooks.slack.com.evil.example/x", "https://slack.com/api/")
    False
    """
    parts = urlsplit(url or "")
    if parts.scheme == "https" and parts.hostname in SLACK_HOOK_HOSTS and not parts.username and not parts.port:
        return True
    api = urlsplit(api_url)
    return api.hostname != "slack.com" and (parts.scheme, parts.netloc) == (api.scheme, api.netloc)


@dataclass
class Delivery:
    """What became of a message: ``ok``, or ``reason`` (a key of SLACK_TROUBLE where there is one)."""

    ok: bool
    reason: str = ""


def send_response(url: str, message: dict, *, api_url: str = "https://slack.com/api/",
                  response_type: str = "ephemeral", **extra) -> Delivery:
    """Post to a ``response_url``, retrying a 429 after a short Retry-After; log (never raise) a failure.

    A URL that is not Slack's is never called. Slack answers ``expired_url`` (or ``used_url``) once a
    response URL is 30 minutes old or used 5 times: the caller then reaches the person another way.
    """
    if not response_url_allowed(url, api_url):
        log.warning("refused to post to a response_url that is not Slack's (%s)", urlsplit(url or "").netloc or "none")
        return Delivery(False, "bad_response_url")
    client = WebhookClient(url, timeout=15, retry_handlers=response_url_retries())
    try:
        result = client.send_dict({"response_type": response_type, **message, **extra})
    except Exception as exc:  # the network, not our data: log it and carry on
        log.warning("response_url post failed: %s", exc.__class__.__name__)
        return Delivery(False, "network")
    if result.status_code == 200:
        return Delivery(True)
    said = (result.body or "")[:40]
    reason = next((code for code in ("expired_url", "used_url") if code in said), None) or \
        ("expired_url" if result.status_code == 404 else "ratelimited" if result.status_code == 429
         else f"http_{result.status_code}")
    log.warning("response_url answered %s (%s)", result.status_code, reason)
    return Delivery(False, reason)


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
    """Slack redelivers an event it thinks was missed, perhaps to another replica: answer each once. Remembered
    in this process, and (``shared``, the ledger) in the database every replica shares."""

    def __init__(self, size: int = 1000, shared=None, kind: str = "event"):
        self._ids: OrderedDict[str, None] = OrderedDict()
        self._size, self._lock = size, threading.Lock()
        self.shared, self.kind = shared, kind

    def first_time(self, event_id: str | None) -> bool:
        if not event_id:
            return True
        with self._lock:
            if event_id in self._ids:
                return False
            self._ids[event_id] = None
            if len(self._ids) > self._size:
                self._ids.popitem(last=False)
        if self.shared is None:
            return True
        try:
            return self.shared.first_time(f"{self.kind}:{event_id}")
        except Exception:  # the database is away: answering twice is better than never
            log.exception("could not record %s %s as answered", self.kind, event_id)
            return True


class RequestClient:
    """The Web API client of the request being answered in this thread (bolt's, carrying the token of the
    workspace it came from), else the app's own: the Door's ``client`` for the listener modules.

    >>> theirs = type("C", (), {"token": "xoxb-theirs"})()
    >>> client = RequestClient(type("C", (), {"token": "xoxb-own"})())
    >>> client.token, (client.use(theirs), client.token)[1]
    ('xoxb-own', 'xoxb-theirs')
    """

    def __init__(self, default):
        self._default, self._local = default, threading.local()

    @property
    def default(self):
        return self._default

    def use(self, client) -> None:
        self._local.client = client

    @contextmanager
    def using(self, client):
        """``client`` in this thread for a while, then whichever was in use before."""
        before = getattr(self._local, "client", None)
        self.use(client)
        try:
            yield
        finally:
            self.use(before)

    def __getattr__(self, name: str):
        return getattr(getattr(self._local, "client", None) or self._default, name)


@dataclass
class Door:
    """What the listener modules share (bot/slack/home.py, ask_form.py, direct.py): the service, the Web API
    client, how a listener runs after its ack (``lazy``), and the commands ``/crime`` knows.

    ``everyone`` holds commands any member may run (``subscribe me``); ``admin`` the admins' own.
    ``follow_up``, when set, answers a button on an answer in a direct message (True when it did).
    """

    service: Partnerships  # answers from the partnership of the workspace whose request is being handled
    settings: Settings
    client: object
    acknowledge: Callable
    lazy: Callable
    own_workspace: Callable[[dict], bool]
    reach: Callable[..., Delivery]
    report_failure: Callable[[Exception, dict], str]
    seen: "_SeenEvents"
    admin: dict[str, AdminCommand]
    everyone: dict[str, AdminCommand]
    is_admin: Callable[[dict], bool] = lambda body: False
    follow_up: Callable[[dict, str], bool] | None = None


def register(app: App, service: Partnerships, settings: Settings,
             admin_commands: dict[str, AdminCommand] | None = None, token_team: str | None = None,
             installer_of: Callable[[str | None], str | None] = lambda team: None) -> Door:
    """Attach crimebot's listeners to a bolt App: workspace check, /crime, @mentions, buttons; return the Door
    the other listener modules (App Home, the Ask form, direct messages) register through.

    ``token_team`` is the workspace the bot token belongs to (``auth.test``); with one allowed workspace
    it is that one. Until installs per workspace exist, only that workspace's events are answered: a
    reply to another workspace's mention would go out with this workspace's token. ``installer_of`` names who
    installed the app into a workspace (installs into many): that workspace's own admin.
    """
    admin = {"reload": ("rebuild the data from data/ and serve it", lambda body: service.reload()),
             **(admin_commands or {})}
    everyone: dict[str, AdminCommand] = {}
    seen = _SeenEvents()
    installs = app.oauth_flow is not None  # every workspace has its own token, from the installation store
    if installs:
        token_team = None
    elif token_team is None and len(settings.allowed_team_ids) == 1:
        token_team = next(iter(settings.allowed_team_ids))
    client = door_client = RequestClient(app.client)

    def own_workspace(body: dict) -> bool:
        return token_team is None or team_of(body) == token_team

    def is_admin(body: dict) -> bool:
        """An admin of crimebot (CRIMEBOT_ADMINS), or the person who installed it into the workspace being served."""
        user = user_of(body)
        return bool(user) and (user in settings.admin_user_ids or
                               user == installer_of(service.team or team_of(body)))

    @app.middleware
    def only_allowed_workspaces(body, context, next, ack):  # noqa: A002 (bolt names it next)
        team = context.team_id or team_of(body)
        service.use(team)  # this request is answered from its workspace's partnership
        if body.get("type") == "url_verification":
            return next()
        if installs and not settings.allowed_team_ids:
            return next()  # bolt found this workspace's installation (or refused the request before this)
        if team in settings.allowed_team_ids:
            if body.get("type") == "event_callback" and not own_workspace(body):
                log.warning("ignored an event from workspace %s: one deployment serves one workspace (%s)",
                            team, token_team)
                return BoltResponse(status=200, body="")
            return next()
        log.warning("refused a request from workspace %s: not in CRIMEBOT_ALLOWED_TEAMS", team)
        if body.get("command"):
            return ack(response_type="ephemeral", **notice(
                f"crimebot is not enabled for this workspace. An administrator can add `{escape(str(team))}` to "
                "CRIMEBOT_ALLOWED_TEAMS in the bot's settings."))
        return BoltResponse(status=200, body="")  # events and clicks: acknowledged, ignored

    def acknowledge(ack):
        ack()

    def reach(body: dict, message: dict, *, skip_response_url: bool = False, **extra) -> Delivery:
        """Reach the person behind a request: its response_url, else an ephemeral message in the channel,
        else a direct message. Returns how the last attempt went."""
        delivered = Delivery(False, "no_response_url")
        if body.get("response_url") and not skip_response_url:
            delivered = send_response(body["response_url"], message, api_url=settings.slack_api_url, **extra)
            if delivered.ok:
                return delivered
        user, channel = user_of(body), channel_of(body)
        if not user or not own_workspace(body):
            return delivered
        thread = (body.get("event") or {}).get("thread_ts") or (body.get("event") or {}).get("ts")
        for target in ([{"channel": channel, "user": user, "thread_ts": thread}] if channel else []) + \
                [{"channel": user}]:
            try:
                if "user" in target:
                    client.chat_postEphemeral(**target, **message)
                else:
                    client.chat_postMessage(**target, **message)
                return Delivery(True)
            except SlackApiError as exc:
                slack_trouble(exc, target["channel"])
                delivered = Delivery(False, exc.response.get("error", "unknown_error"))
            except OSError as exc:
                log.warning("could not reach %s in %s: %s", user, target["channel"], exc.__class__.__name__)
                delivered = Delivery(False, "network")
        return delivered

    def answer(body: dict, question: str, **extra) -> None:
        """Ask, and send the answer in as many messages as it needs (a response_url takes five)."""
        result = service.ask(question)
        for message in answer_messages(result, hint=CHART_HINT if has_chart(result) else None):
            if not reach(body, message, **extra).ok:
                return

    def report_failure(error: Exception, body: dict) -> str:
        """A listener failed: log the trace beside an id, and tell the person that id."""
        error_id = new_error_id()
        log.error("error %s: a listener failed on %s from %s", error_id, kind_of(body), user_of(body) or "?",
                  exc_info=error)
        text = (f":warning: Sorry, something went wrong on my side (error `{error_id}`). It is in my log; please "
                "try again, or give the error id to the bot's admins.")
        event = body.get("event") or {}
        try:
            if event.get("type") == "app_home_opened" and own_workspace(body):
                client.views_publish(user_id=event.get("user"), view={"type": "home", "blocks": notice(text)["blocks"]})
            elif body.get("response_url") or user_of(body):
                reach(body, notice(text), replace_original=False)
        except Exception:  # telling the person failed too: the log has both
            log.exception("error %s: could not tell %s", error_id, user_of(body))
        return error_id

    def lazy(listener):
        """A lazy listener whose failure reaches the person (bolt would log one line and drop it)."""
        wanted = inspect.getfullargspec(listener).args

        def run(body, client, context):
            given = {"body": body, "client": client, "event": body.get("event") or {}}
            door_client.use(client)  # the Door's client answers with this workspace's token too
            # the workspace bolt authorised (its token): in a channel shared between workspaces it is not the
            # sender's, and the figures must come from the same workspace as the token
            service.use(context.team_id or team_of(body))
            try:
                listener(**{name: given[name] for name in wanted})
            except Exception as error:
                report_failure(error, body)
            finally:
                door_client.use(None)

        run.__name__ = run.__qualname__ = listener.__name__  # bolt tells lazy listeners apart by name
        return run

    def answer_command(body):
        text, user = unescape_slack(body.get("text") or "").strip(), body.get("user_id", "")
        if not body.get("response_url"):
            log.warning("a /crime command without a response_url; nothing to answer to")
            return
        name = _admin_name(text, everyone)
        if name:
            reach(body, notice(everyone[name][1]({**body, "text": text})))
            return
        name = _admin_name(text, admin)
        if name:
            if not is_admin(body):
                reach(body, notice(f"`{name}` is for crimebot's admins only. "
                                   "Ask a partnership analyst, or try `/crime help`."))
                return
            log.info("admin %s ran %r", user, name)
            reach(body, notice(admin[name][1]({**body, "text": text})))
            return
        if text.lower() in ("help", "?", ""):
            result = service.ask("help")
            if everyone:
                result.notes.append("Also: " + ", ".join(f"`{n}` ({what})" for n, (what, _) in everyone.items()))
            result.notes.append("Admins can also run: " + ", ".join(f"`{n}` ({what})" for n, (what, _) in admin.items()))
            for message in answer_messages(result):
                if not reach(body, message).ok:
                    return
            return
        answer(body, text)

    app.command("/crime")(ack=acknowledge, lazy=[lazy(answer_command)])

    def answer_mention(event, body, client):
        if not seen.first_time(body.get("event_id")):
            return
        text = unescape_slack(MENTION.sub(" ", event.get("text", ""))).strip() or "help"
        channel, thread = event.get("channel"), event.get("thread_ts") or event.get("ts")
        result = service.ask(text)
        try:
            if result.error:
                client.chat_postEphemeral(channel=channel, user=event.get("user"), thread_ts=thread,
                                          **error_message(result))
            else:
                for message in answer_messages(result, shareable=False):
                    client.chat_postMessage(channel=channel, thread_ts=thread, **message)
        except SlackApiError as exc:
            slack_trouble(exc, channel)
            return
        if has_chart(result):
            upload_chart(client, result, channel, thread)

    app.event("app_mention")(ack=acknowledge, lazy=[lazy(answer_mention)])

    def post_to_channel(body, client):
        question, user = body["actions"][0].get("value", ""), body["user"]["id"]
        channel = channel_of(body)
        result = service.ask(question)
        shared = answer_messages(result, shareable=False, shared_by=user)
        posted, sent = Delivery(True), 0
        for message in shared:
            posted = send_response(body.get("response_url", ""), message, api_url=settings.slack_api_url,
                                   response_type="in_channel", replace_original=False)
            if not posted.ok:
                break
            sent += 1
        if posted.ok:
            send_response(body["response_url"], {}, api_url=settings.slack_api_url, delete_original=True)
        elif posted.reason in ("expired_url", "used_url") and sent == 0 and channel and own_workspace(body):
            # The private answer is too old to reply to; the channel can still get it from the Web API.
            try:
                for message in shared:
                    client.chat_postMessage(channel=channel, **message)
                posted = Delivery(True)
            except SlackApiError as exc:
                reach(body, notice(f"I couldn't post it to the channel. {slack_trouble(exc, channel)}"),
                      skip_response_url=True)
                return
        if not posted.ok:
            why = SLACK_TROUBLE.get(posted.reason, f"Slack did not take the message ({posted.reason}).")
            reach(body, notice(f"I couldn't post it to the channel. {why}"),
                  skip_response_url=posted.reason in ("expired_url", "used_url", "bad_response_url"),
                  replace_original=False)
            return
        if has_chart(result) and channel and own_workspace(body):
            trouble = upload_chart(client, result, channel)
            if trouble:
                reach(body, notice(f"The chart was not posted: {trouble}"), replace_original=False)

    app.action(POST_ACTION)(ack=acknowledge, lazy=[lazy(post_to_channel)])

    def send_workbook(body, client):
        """The answer's tables as an Excel workbook, uploaded into the person's direct message with the bot:
        a file uploaded into a channel is seen by everyone there, and this answer was theirs alone."""
        question, user = body["actions"][0].get("value", ""), user_of(body)
        result = service.ask(question)
        if result.error or not result.tables:
            reach(body, notice("That answer has no tables to put in a workbook."), replace_original=False)
            return
        if not own_workspace(body):
            reach(body, notice("The workbook can only be sent in the bot's own workspace."), replace_original=False)
            return
        from ..spreadsheet import workbook

        try:
            direct = client.conversations_open(users=user)["channel"]["id"]
            client.files_upload_v2(channel=direct, file=workbook(result), filename=workbook_name(result),
                                   title=f"{result.tables[0].title} (crimebot)",
                                   initial_comment=f"The workbook for `{escape(question)}`: a sheet per table, "
                                                   "then the notes and sources.")
        except SlackApiError as exc:
            reach(body, notice(f"I couldn't send the workbook. {slack_trouble(exc, 'a direct message')}"),
                  replace_original=False)
            return
        except OSError as exc:
            log.warning("workbook upload for %s failed: %s", user, exc.__class__.__name__)
            reach(body, notice("The workbook could not be uploaded; please try again."), replace_original=False)
            return
        reach(body, notice("The workbook is in your direct messages with me."), replace_original=False)

    app.action(EXCEL_ACTION)(ack=acknowledge, lazy=[lazy(send_workbook)])

    def ask_again(body):
        if door.follow_up is not None and door.follow_up(body, body["actions"][0].get("value", "")):
            return  # an answer in a direct message: answered in its thread, where the record is kept
        answer(body, body["actions"][0].get("value", ""), replace_original=False)

    app.action(re.compile(f"^{ASK_ACTION}_\\d+$"))(ack=acknowledge, lazy=[lazy(ask_again)])

    door = Door(service, settings, client, acknowledge, lazy, own_workspace, reach, report_failure, seen, admin,
                everyone, is_admin)

    @app.error
    def on_error(error, body):
        # A failure while acknowledging (a lazy listener's failure comes here too, from `lazy`): the person
        # gets an id to quote, the log has the trace beside it, and Slack gets a 200, never a 500.
        error_id = report_failure(error, body)
        if body.get("command"):
            return BoltResponse(status=200, headers={"content-type": "application/json"}, body=json.dumps(
                {"response_type": "ephemeral", "text": f"Sorry, something went wrong (error {error_id})."}))
        return BoltResponse(status=200, body="")

    return door


def workbook_name(answer: Answer) -> str:
    """'asb wards' -> 'crimebot-asb-wards.xlsx'"""
    return file_name(answer).removesuffix(".png") + ".xlsx"


def team_of(body: dict) -> str | None:
    team = body.get("team")
    return body.get("team_id") or (team.get("id") if isinstance(team, dict) else team)


def user_of(body: dict) -> str | None:
    user = body.get("user")
    return body.get("user_id") or (user.get("id") if isinstance(user, dict) else None) or \
        (body.get("event") or {}).get("user")


def channel_of(body: dict) -> str | None:
    channel = body.get("channel")
    return body.get("channel_id") or (channel.get("id") if isinstance(channel, dict) else None) or \
        (body.get("event") or {}).get("channel")


def kind_of(body: dict) -> str:
    return body.get("command") or (body.get("event") or {}).get("type") or body.get("type") or "a request"


def words_after(body: dict, name: str) -> str:
    """What follows a command's name in its text: 'partnership Thanet' -> 'Thanet'."""
    words = " ".join((body.get("text") or "").split())
    return words[len(name):].strip() if words.lower().startswith(name) else ""


def _admin_name(text: str, admin: dict[str, AdminCommand]) -> str | None:
    """The admin command a text names ("reload", "data reload", "digest now" ...), if any."""
    words = " ".join(text.lower().split())
    for name in sorted(admin, key=len, reverse=True):
        if words == name or words.startswith(name + " ") or words == f"data {name}":
            return name
    return None
