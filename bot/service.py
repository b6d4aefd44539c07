"""The answerer a running bot serves: opened once, swapped whole when the data is reloaded.

Slack handlers, the digest scheduler and admin commands all ask through one Service, so a reload is
seen by every front door at once, and a reload that fails leaves the served answers exactly as they were.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from contextlib import contextmanager

from .answer import Answer, Answerer
from .database import database_file
from .datapack import DataError
from .queries import QueryRejected
from .settings import Settings

log = logging.getLogger(__name__)


class Service:
    def __init__(self, settings: Settings, answerer: Answerer | None = None):
        self.settings = settings
        self._answerer = answerer or Answerer.open(settings)
        self._reload_lock = threading.Lock()
        self._on_reload: list[Callable[[], None]] = []

    def on_reload(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` after each reload that serves new data (the App Home republishes)."""
        self._on_reload.append(callback)

    @staticmethod
    def warm_up() -> None:
        """Load what the first question would otherwise wait for: the word-frequency list (about 0.3 s).

        A long-running bot calls this at start; a one-off `crimebot ask` does not need it."""
        from .words import ordinary_word

        ordinary_word("the")

    @property
    def answerer(self) -> Answerer:
        return self._answerer

    def ask(self, text: str) -> Answer:
        return self._answerer.ask(text)

    def reload(self) -> str:
        """Rebuild from ``data/`` if it changed and serve the new data; say what happened, never raise."""
        with self._reload_lock:
            try:
                if database_file(self.settings.data_dir, self.settings.state_dir) == self._answerer.database:
                    return "The data has not changed since it was loaded; nothing to reload."
                fresh = Answerer.open(self.settings)
            except (DataError, QueryRejected) as exc:
                log.warning("reload refused: %s", exc)
                return f"Reload failed; still serving the data loaded before. {exc}"
            except Exception:
                log.exception("reload failed")
                return "Reload failed (see the bot's log); still serving the data loaded before."
            old, self._answerer = self._answerer, fresh
            # Threads still answering from the old connection finish first; it closes when collected.
            del old
            figures = fresh.cursor().execute("SELECT count(*) FROM facts").fetchone()[0]
        for callback in self._on_reload:
            try:
                callback()
            except Exception:  # the new data is served whatever a listener does
                log.exception("a reload listener failed")
        return f"Reloaded: {figures:,} figures from {self.settings.data_dir}."


class Partnerships:
    """Every partnership one deployment serves, and which one answers the request being handled.

    The partnership of ``data_dir`` is the home one; ``CRIMEBOT_PARTNERSHIPS`` adds more, each its own data pack
    with its own state (``STATE_DIR/partnerships/NAME``: its database and police.uk imports). A workspace gets the
    partnership an admin set with ``/crime partnership NAME`` (kept in the ledger's database, so every replica
    sees it), else the one ``CRIMEBOT_WORKSPACES`` names, else the home one.

    It stands in for a Service where the Slack listeners use one (``ask``, ``answerer``, ``reload``): each request's
    thread first says whose it is (``use``), and every call goes to that workspace's partnership.
    """

    def __init__(self, home: Service, others: dict[str, Service] | None = None, ledger=None,
                 assigned: dict[str, str] | None = None):
        self.home = home
        if key_of(home) in (others or {}):
            raise ValueError(f"CRIMEBOT_PARTNERSHIPS names '{key_of(home)}', the partnership of the data pack itself")
        self.services: dict[str, Service] = {key_of(home): home, **(others or {})}
        self.ledger, self.assigned = ledger, dict(assigned or {})
        self._local = threading.local()
        unknown = sorted(set(self.assigned.values()) - set(self.services))
        if unknown:
            raise ValueError(f"CRIMEBOT_WORKSPACES names {', '.join(unknown)}, which is not a partnership served "
                             f"here ({', '.join(sorted(self.services))})")

    @classmethod
    def open(cls, settings: Settings, home: Service, ledger=None) -> "Partnerships":
        """The home Service and one per CRIMEBOT_PARTNERSHIPS pack (DataError or ValueError when one cannot load)."""
        import dataclasses

        others = {}
        for name, pack in settings.partnerships:
            if not pack.is_dir():
                raise ValueError(f"CRIMEBOT_PARTNERSHIPS: {name}'s data pack {pack} is not a folder")
            own = dataclasses.replace(settings, data_dir=pack, state_dir=settings.state_dir / "partnerships" / name,
                                      partnerships=())
            others[name] = Service(own)
        return cls(home, others, ledger, dict(settings.workspace_partnerships))

    # -- whose request ---------------------------------------------------------------------------
    def use(self, team: str | None) -> None:
        """Serve ``team``'s partnership in this thread until told otherwise."""
        self._local.team = team

    @contextmanager
    def using(self, team: str | None):
        """``team``'s partnership in this thread for a while (a digest for another workspace's channel)."""
        before = self.team
        self.use(team)
        try:
            yield
        finally:
            self._local.team = before

    @property
    def team(self) -> str | None:
        return getattr(self._local, "team", None)

    def key_for(self, team: str | None) -> str:
        """The partnership a workspace gets (a name this deployment may not serve: see ``for_team``)."""
        key = None
        if team and len(self.services) > 1:
            key = (self.ledger.partnership_of(team) if self.ledger is not None else None) or self.assigned.get(team)
        return key or key_of(self.home)

    def for_team(self, team: str | None) -> Service:
        """The workspace's partnership; Unserved when an admin chose one this deployment does not serve (a pack
        renamed or not yet deployed here): never another partnership's figures in its place."""
        key = self.key_for(team)
        if key not in self.services:
            log.warning("workspace %s is set to partnership %r, which this deployment does not serve", team, key)
            raise Unserved(f"This workspace is set to the partnership '{key}', which this deployment does not serve "
                           f"(it serves {', '.join(sorted(self.services))}). An admin can choose one with "
                           "`/crime partnership NAME`.")
        return self.services[key]

    @property
    def current(self) -> Service:
        return self.for_team(self.team)

    # -- a Service's face, for the request's partnership ---------------------------------------
    @property
    def settings(self) -> Settings:
        return self.current.settings

    @property
    def answerer(self) -> Answerer:
        return self.current.answerer

    def ask(self, text: str) -> Answer:
        try:
            return self.current.ask(text)
        except Unserved as exc:
            return Answer(text, {}, error={"message": str(exc), "suggestions": []})

    def reload(self) -> str:
        try:
            return self.current.reload()
        except Unserved as exc:
            return str(exc)

    def on_reload(self, callback: Callable[[], None]) -> None:
        """``callback`` after any partnership's reload (the App Home republishes its viewers)."""
        for service in self.services.values():
            service.on_reload(callback)

    @staticmethod
    def warm_up() -> None:
        Service.warm_up()

    # -- choosing -------------------------------------------------------------------------------
    def named(self, text: str) -> str | None:
        """The partnership a name means: its key, home district, name or short name (any case)."""
        wanted = " ".join(text.lower().split())
        for key, service in self.services.items():
            p = service.answerer.partnership
            if wanted in {key, p.home, p.home_name.lower(), p.name.lower(), (p.short_name or "").lower()} - {""}:
                return key
        return None

    def choose(self, team: str, key: str, by: str) -> str:
        """Set the partnership a workspace gets (kept in the ledger, so every replica sees it); the one before."""
        before = self.key_for(team)
        self.ledger.set_partnership(team, key, by)
        log.info("%s set workspace %s to partnership %s (was %s)", by, team, key, before)
        return before


class Unserved(Exception):
    """A workspace set to a partnership this deployment does not serve."""


def key_of(service: Service) -> str:
    """A partnership's name in settings and commands: its home district's area id ('maidstone')."""
    return service.answerer.partnership.home
