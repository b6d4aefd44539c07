"""The answerer a running bot serves: opened once, swapped whole when the data is reloaded.

Slack handlers, the digest scheduler and admin commands all ask through one Service, so a reload is
seen by every front door at once, and a reload that fails leaves the served answers exactly as they were.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable

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
        from .parse import ordinary_word

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
