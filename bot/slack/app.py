"""Build the bolt App from settings and register crimebot's listeners: the whole Slack front door."""
from __future__ import annotations

from slack_bolt import App
from slack_sdk import WebClient

from ..service import Partnerships, Service
from ..settings import Settings
from . import ask_form, direct, handlers, home
from .digests import DigestPoster, partnership_commands, personal_commands
from .retries import web_api_retries


def web_client(settings: Settings, timeout: int = 30, token: str | None = None) -> WebClient:
    """The Web API client (with ``token``, else SLACK_BOT_TOKEN): base URL from settings (a local stand-in in
    tests); 429s retried after a Retry-After of up to 30 s; a post never resent after a connection error
    (bot/slack/retries.py)."""
    return WebClient(token=token or settings.slack_bot_token or None, base_url=settings.slack_api_url, timeout=timeout,
                     retry_handlers=web_api_retries())


# The bot scopes an install asks for: manifest.yml's oauth_config.scopes.bot (a test keeps them the same).
BOT_SCOPES = ("commands", "chat:write", "chat:write.public", "files:write", "app_mentions:read", "channels:history",
              "groups:history", "im:history", "im:write")


def oauth_settings(settings: Settings):
    """Installs into many workspaces (SLACK_CLIENT_ID and SLACK_CLIENT_SECRET set): "Add to Slack" at
    /slack/install, Slack's redirect at /slack/oauth_redirect, each workspace's bot token kept in bolt's
    SQLAlchemy installation store in the shared database (or the SQLite ledger file), beside the ledger."""
    import sqlalchemy as sa
    from slack_bolt.oauth.oauth_settings import OAuthSettings
    from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
    from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

    from ..store import engine_for, is_postgres

    engine = engine_for(settings)
    installations = SQLAlchemyInstallationStore(client_id=settings.slack_client_id, engine=engine)
    states = SQLAlchemyOAuthStateStore(expiration_seconds=600, engine=engine)
    with engine.begin() as con:
        if is_postgres(engine):  # replicas starting together would race to create the same tables
            con.execute(sa.text("SELECT pg_advisory_xact_lock(hashtextextended('crimebot schema', 0))"))
        installations.metadata.create_all(con)
        states.metadata.create_all(con)
    return OAuthSettings(client_id=settings.slack_client_id, client_secret=settings.slack_client_secret,
                         scopes=list(BOT_SCOPES), installation_store=installations, installation_store_bot_only=True,
                         state_store=states)


def create_app(settings: Settings, service: Service | Partnerships, admin_commands=None, client: WebClient | None = None,
               token_team: str | None = None, poster: DigestPoster | None = None) -> App:
    # Signatures are checked by the HTTP server before bolt sees a request (bot/slack/server.py), with
    # a clock a test can set; Socket Mode needs none. The token is checked once by `crimebot serve`.
    # process_before_response: the ack (an empty 200) is sent from the request's own thread; bolt's
    # listener pool then only runs the answers, so a queue of slow answers never delays an ack.
    # With a client ID and secret, bolt picks each request's token from the installation store by workspace.
    oauth = oauth_settings(settings) if settings.slack_client_id and settings.slack_client_secret else None
    app = App(client=client or web_client(settings), signing_secret=settings.slack_signing_secret or "unused",
              request_verification_enabled=False, token_verification_enabled=False, process_before_response=True,
              oauth_settings=oauth)
    poster = poster or DigestPoster(settings, service, app.client)
    if oauth is not None:  # digests go out with each workspace's own token
        poster.installations = oauth.installation_store
    # one Partnerships for the listeners and the digests: a request's workspace decides both
    door = handlers.register(app, poster.service, settings, admin_commands, token_team, poster.installer_of)
    door.seen.shared = poster.ledger  # an event redelivered to another replica is answered once
    door.everyone.update(personal_commands(poster))  # `/crime subscribe me`: anyone, not only admins
    if len(poster.service.services) > 1:  # several partnerships: which one this workspace gets
        door.everyone.update(partnership_commands(poster, door.is_admin))
    directs = direct.register(app, door)  # questions by DM; answers sent privately
    home.register(app, door, poster, directs)  # the App Home dashboard
    ask_form.register(app, door, directs)  # the ask_crimebot shortcut and its form
    return app
