"""The digest ledger: every digest posted (or refused), and the channels subscribed, in the state directory.

SQLite, because several processes may hold it at once (two ``crimebot serve``, a ``crimebot digest
--post`` by hand) and SQLite locks across processes; DuckDB allows one writer process only. A digest
is keyed by (channel, period, priority): the row is claimed inside a transaction before anything is
posted, so only one process, thread or retry ever posts it.

Row states: ``posting`` (claimed; the post is under way), ``posted`` (with the message ts), ``failed``
(with Slack's reason; a later run may try again). A failure whose outcome is unknown (a timeout, a
dropped connection, a 5xx: Slack may have posted it) has a reason starting ``unknown:``. A ``posting``
row whose process is gone (no such process on this host) or whose lease ran out was interrupted
mid-post. Either may be claimed again, but the claim says ``check_first``: the poster reads the
channel's history for the digest's key before posting, so a post that landed is recorded, not repeated.
"""
from __future__ import annotations

import os
import socket
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

LEASE_SECONDS = 600

SCHEMA = """
CREATE TABLE IF NOT EXISTS digests (
    channel    TEXT NOT NULL,
    period     TEXT NOT NULL,
    priority   TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL CHECK (status IN ('posting', 'posted', 'failed')),
    ts         TEXT,
    reason     TEXT,
    claimed_by TEXT,
    claimed_at REAL,
    posted_at  REAL,
    attempts   INTEGER NOT NULL DEFAULT 0,
    first_claimed_at REAL,
    PRIMARY KEY (channel, period, priority)
);
CREATE TABLE IF NOT EXISTS subscriptions (
    channel    TEXT NOT NULL,
    priority   TEXT NOT NULL DEFAULT '',
    active     INTEGER NOT NULL,
    changed_by TEXT,
    changed_at REAL,
    PRIMARY KEY (channel, priority)
);
"""


@dataclass
class Entry:
    channel: str
    period: str
    priority: str
    status: str
    ts: str | None
    reason: str | None
    claimed_at: float | None
    posted_at: float | None
    attempts: int
    claimed_by: str | None = None
    first_claimed_at: float | None = None

    @property
    def outcome_unknown(self) -> bool:
        """An earlier attempt may have reached Slack: a post interrupted, or a failure with no answer."""
        return self.status == "posting" or (self.status == "failed" and (self.reason or "").startswith("unknown:"))


@dataclass
class Claim:
    """The outcome of trying to claim a digest: ``granted``, or why not (with the row that stops it)."""

    granted: bool
    why: str = ""
    entry: Entry | None = None

    @property
    def check_first(self) -> bool:
        """Read the channel's history before posting: the attempt before this one may have landed."""
        return self.granted and self.entry is not None and self.entry.outcome_unknown and self.why != "forced"


class Ledger:
    def __init__(self, path: Path, clock=time.time):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.clock = clock
        fresh = not self.path.exists()
        if fresh:  # private from the start: the ledger names channels and people
            self.path.touch(mode=0o600)
        with self._transaction() as con:
            for statement in filter(str.strip, SCHEMA.split(";")):
                con.execute(statement)
            columns = {row[1] for row in con.execute("PRAGMA table_info(digests)")}
            if "first_claimed_at" not in columns:  # a ledger from before reconciliation
                con.execute("ALTER TABLE digests ADD COLUMN first_claimed_at REAL")

    @contextmanager
    def _connect(self):
        # The default rollback journal, not WAL: switching a file to WAL needs an exclusive lock that a
        # second process opening the ledger at the same moment can be refused ("database is locked")
        # without waiting; every write here waits up to 30 s for its turn instead.
        con = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            yield con
        finally:
            con.close()

    @contextmanager
    def _transaction(self):
        with self._connect() as con:
            con.execute("BEGIN IMMEDIATE")  # the write lock first: no two claimers read the same row state
            try:
                yield con
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise

    # -- digests ------------------------------------------------------------------------------
    def claim(self, channel: str, period: str, priority: str | None = None, force: bool = False) -> Claim:
        """Claim a digest for posting. Refused while it is posted or being posted by a live process;
        granted for a new one, a failed one, or one interrupted mid-post (``check_first`` then says to
        look in the channel before posting)."""
        key = (channel, period, priority or "")
        me = f"{socket.gethostname()}:{os.getpid()}:{id(self)}:{time.monotonic_ns()}"
        now = self.clock()
        with self._transaction() as con:
            row = con.execute("SELECT * FROM digests WHERE channel = ? AND period = ? AND priority = ?", key).fetchone()
            entry = _entry(row) if row else None
            if entry and not force:
                if entry.status == "posted":
                    return Claim(False, "already posted", entry)
                if entry.status == "posting" and not self.interrupted(entry, now):
                    return Claim(False, "being posted by another process", entry)
            con.execute("""
                INSERT INTO digests (channel, period, priority, status, claimed_by, claimed_at, attempts,
                                     first_claimed_at)
                VALUES (?, ?, ?, 'posting', ?, ?, 1, ?)
                ON CONFLICT (channel, period, priority) DO UPDATE SET
                    status = 'posting', claimed_by = excluded.claimed_by, claimed_at = excluded.claimed_at,
                    reason = NULL, attempts = digests.attempts + 1,
                    first_claimed_at = CASE WHEN ? THEN excluded.first_claimed_at
                                            ELSE coalesce(digests.first_claimed_at, digests.claimed_at) END
            """, (*key, me, now, now, force))
        return Claim(True, "forced" if force else "", entry)

    def interrupted(self, entry: Entry, now: float | None = None) -> bool:
        """A ``posting`` row whose claimer is gone: its process is not running on this host, or its lease ran out."""
        if entry.status != "posting":
            return False
        now = self.clock() if now is None else now
        if now - (entry.claimed_at or 0) > LEASE_SECONDS:
            return True
        host, pid = _claimer(entry.claimed_by)
        return pid is not None and host in (None, socket.gethostname()) and not _running(pid)

    def interrupted_entries(self) -> list[Entry]:
        """Digests whose post was cut off (a crash, a kill): for the start-up check."""
        now = self.clock()
        return [e for e in self.entries() if self.interrupted(e, now)]

    def posted(self, channel: str, period: str, priority: str | None, ts: str) -> None:
        with self._transaction() as con:
            con.execute("UPDATE digests SET status = 'posted', ts = ?, posted_at = ?, reason = NULL "
                        "WHERE channel = ? AND period = ? AND priority = ?", (ts, self.clock(), channel, period, priority or ""))

    def failed(self, channel: str, period: str, priority: str | None, reason: str) -> None:
        with self._transaction() as con:
            con.execute("UPDATE digests SET status = 'failed', reason = ? "
                        "WHERE channel = ? AND period = ? AND priority = ?", (reason, channel, period, priority or ""))

    def entries(self) -> list[Entry]:
        with self._connect() as con:
            rows = con.execute("SELECT * FROM digests ORDER BY claimed_at, channel").fetchall()
        return [_entry(r) for r in rows]

    # -- subscriptions ------------------------------------------------------------------------
    def seed(self, subscriptions: list[tuple[str, str | None]]) -> None:
        """Subscriptions from the settings; a channel an admin unsubscribed stays unsubscribed."""
        with self._transaction() as con:
            con.executemany("INSERT OR IGNORE INTO subscriptions VALUES (?, ?, 1, 'settings', ?)",
                            [(c, p or "", self.clock()) for c, p in subscriptions])

    def subscribe(self, channel: str, priority: str | None, by: str, active: bool = True) -> bool:
        """Subscribe (or unsubscribe) a channel; True when that changed anything."""
        with self._transaction() as con:
            row = con.execute("SELECT active FROM subscriptions WHERE channel = ? AND priority = ?",
                              (channel, priority or "")).fetchone()
            if row is not None and bool(row[0]) == active:
                return False
            if row is None and not active:
                return False
            con.execute("INSERT INTO subscriptions VALUES (?, ?, ?, ?, ?) ON CONFLICT (channel, priority) DO UPDATE "
                        "SET active = excluded.active, changed_by = excluded.changed_by, changed_at = excluded.changed_at",
                        (channel, priority or "", int(active), by, self.clock()))
            return True

    def subscriptions(self) -> list[tuple[str, str | None]]:
        with self._connect() as con:
            rows = con.execute("SELECT channel, priority FROM subscriptions WHERE active = 1 "
                               "ORDER BY channel, priority").fetchall()
        return [(c, p or None) for c, p in rows]


def _entry(row) -> Entry:
    channel, period, priority, status, ts, reason, claimed_by, claimed_at, posted_at, attempts, first = row
    return Entry(channel, period, priority, status, ts, reason, claimed_at, posted_at, attempts, claimed_by, first)


def _claimer(claimed_by: str | None) -> tuple[str | None, int | None]:
    """(host, pid) from ``host:pid:...``; an older ``pid:...`` has no host."""
    parts = (claimed_by or "").split(":")
    if parts and parts[0].isdigit():
        return None, int(parts[0])
    if len(parts) > 1 and parts[1].isdigit():
        return parts[0], int(parts[1])
    return None, None


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True
