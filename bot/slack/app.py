"""Build the bolt App from settings and register crimebot's listeners: the whole Slack front door."""
from __future__ import annotations

from slack_bolt import App
from slack_sdk import WebClient

from ..service import Service
from ..settings import Settings
from . import ask_form, direct, handlers, home
from .digests import DigestPoster, personal_commands
from .retries import web_api_retries


def web_client(settings: Settings, timeout: int = 30) -> WebClient:
    """The Web API client: base URL from settings (a local stand-in in tests); 429s retried after a
    Retry-After of up to 30 s; a post never resent after a connection error (bot/slack/retries.py)."""
    return WebClient(token=settings.slack_bot_token or None, base_url=settings.slack_api_url, timeout=timeout,
                     retry_handlers=web_api_retries())


def create_app(settings: Settings, service: Service, admin_commands=None, client: WebClient | None = None,
               token_team: str | None = None, poster: DigestPoster | None = None) -> App:
    # Signatures are checked by the HTTP server before bolt sees a request (bot/slack/server.py), with
    # a clock a test can set; Socket Mode needs none. The token is checked once by `crimebot serve`.
    # process_before_response: the ack (an empty 200) is sent from the request's own thread; bolt's
    # listener pool then only runs the answers, so a queue of slow answers never delays an ack.
    app = App(client=client or web_client(settings), signing_secret=settings.slack_signing_secret or "unused",
              request_verification_enabled=False, token_verification_enabled=False, process_before_response=True)
    door = handlers.register(app, service, settings, admin_commands, token_team)
    poster = poster or DigestPoster(settings, service, app.client)
    door.everyone.update(personal_commands(poster))  # `/crime subscribe me`: anyone, not only admins
    directs = direct.register(app, door)  # questions by DM; answers sent privately
    home.register(app, door, poster, directs)  # the App Home dashboard
    ask_form.register(app, door, directs)  # the ask_crimebot shortcut and its form
    return app
