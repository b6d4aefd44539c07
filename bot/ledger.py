"""The digest ledger: every digest posted (or refused), the channels subscribed, and which partnership each
workspace gets.

In a SQLite file in the state directory, or, with ``CRIMEBOT_DATABASE_URL``, in the PostgreSQL that every
replica of ``crimebot serve`` shares (bot/store.py). Several processes may hold it at once (two ``crimebot
serve``, a ``crimebot digest --post`` by hand). A digest is keyed by (channel, period, priority): the row is
claimed inside a transaction that holds a lock before it reads (SQLite's write lock, ``BEGIN IMMEDIATE``;
PostgreSQL's transaction advisory lock on the key), so only one process, thread or retry ever posts it.

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
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from .store import is_postgres, sqlite_engine

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
    claimed_at DOUBLE PRECISION,
    posted_at  DOUBLE PRECISION,
    attempts   INTEGER NOT NULL DEFAULT 0,
    first_claimed_at DOUBLE PRECISION,
    PRIMARY KEY (channel, period, priority)
);
CREATE TABLE IF NOT EXISTS subscriptions (
    channel    TEXT NOT NULL,
    priority   TEXT NOT NULL DEFAULT '',
    active     INTEGER NOT NULL,
    changed_by TEXT,
    changed_at DOUBLE PRECISION,
    PRIMARY KEY (channel, priority)
);
CREATE TABLE IF NOT EXISTS answered (
    key TEXT PRIMARY KEY,
    at  DOUBLE PRECISION NOT NULL
);
CREATE TABLE IF NOT EXISTS workspaces (
    team_id     TEXT PRIMARY KEY,
    partnership TEXT NOT NULL,
    changed_by  TEXT,
    changed_at  DOUBLE PRECISION
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
    """The ledger in ``target``: a SQLite file's path, or an engine (bot/store.py's ``engine_for``)."""

    def __init__(self, target: Path | Engine, clock=time.time):
        self.engine = target if isinstance(target, Engine) else sqlite_engine(Path(target))
        self.clock = clock
        self.postgres = is_postgres(self.engine)
        with self._transaction() as con:
            if self.postgres:  # two replicas starting at once would race to create the same tables
                con.execute(sa.text("SELECT pg_advisory_xact_lock(hashtextextended('crimebot schema', 0))"))
            for statement in filter(str.strip, SCHEMA.split(";")):
                con.exec_driver_sql(statement)
            # columns added since the first ledgers: reconciliation's first claim; the workspace of a subscription
            for table, column, kind in (("digests", "first_claimed_at", "DOUBLE PRECISION"),
                                        ("subscriptions", "team", "TEXT NOT NULL DEFAULT ''")):
                if self.postgres:
                    con.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column} {kind}")
                elif column not in {row[1] for row in con.exec_driver_sql(f"PRAGMA table_info({table})")}:
                    con.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")

    @contextmanager
    def _transaction(self):
        """One transaction, committed at the end or rolled back on any error: a failed operation changes nothing."""
        with self.engine.begin() as con:
            yield con

    def _lock(self, con, *key: str) -> None:
        """Serialise writers of one key (SQLite's BEGIN IMMEDIATE already serialises every writer)."""
        if self.postgres:
            con.execute(sa.text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"),
                        {"key": "\x1f".join(key)})

    def health(self) -> dict:
        """For ``/healthz``: whether the ledger's database answers (a replica without it must not take traffic)."""
        try:
            with self.engine.connect() as con:
                con.exec_driver_sql("SELECT 1")
        except Exception as exc:  # the reason's class only: the message may hold the database's address
            return {"ok": False, "database": exc.__class__.__name__}
        return {"ok": True, "database": "ok"}

    # -- digests ------------------------------------------------------------------------------
    def claim(self, channel: str, period: str, priority: str | None = None, force: bool = False) -> Claim:
        """Claim a digest for posting. Refused while it is posted or being posted by a live process;
        granted for a new one, a failed one, or one interrupted mid-post (``check_first`` then says to
        look in the channel before posting)."""
        key = (channel, period, priority or "")
        me = f"{socket.gethostname()}:{os.getpid()}:{id(self)}:{time.monotonic_ns()}"
        now = self.clock()
        with self._transaction() as con:
            self._lock(con, "digest", *key)
            row = con.execute(sa.text(f"SELECT {COLUMNS} FROM digests WHERE channel = :channel AND period = :period "
                                      "AND priority = :priority"), _key(*key)).fetchone()
            entry = _entry(row) if row else None
            if entry and not force:
                if entry.status == "posted":
                    return Claim(False, "already posted", entry)
                if entry.status == "posting" and not self.interrupted(entry, now):
                    return Claim(False, "being posted by another process", entry)
            con.execute(sa.text("""
                INSERT INTO digests (channel, period, priority, status, claimed_by, claimed_at, attempts,
                                     first_claimed_at)
                VALUES (:channel, :period, :priority, 'posting', :me, :now, 1, :now)
                ON CONFLICT (channel, period, priority) DO UPDATE SET
                    status = 'posting', claimed_by = excluded.claimed_by, claimed_at = excluded.claimed_at,
                    reason = NULL, attempts = digests.attempts + 1,
                    first_claimed_at = CASE WHEN :force THEN excluded.first_claimed_at
                                            ELSE coalesce(digests.first_claimed_at, digests.claimed_at) END
            """), {**_key(*key), "me": me, "now": now, "force": bool(force)})
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
            con.execute(sa.text("UPDATE digests SET status = 'posted', ts = :ts, posted_at = :now, reason = NULL "
                                "WHERE channel = :channel AND period = :period AND priority = :priority"),
                        {**_key(channel, period, priority), "ts": ts, "now": self.clock()})

    def failed(self, channel: str, period: str, priority: str | None, reason: str) -> None:
        with self._transaction() as con:
            con.execute(sa.text("UPDATE digests SET status = 'failed', reason = :reason "
                                "WHERE channel = :channel AND period = :period AND priority = :priority"),
                        {**_key(channel, period, priority), "reason": reason})

    def entries(self) -> list[Entry]:
        with self.engine.connect() as con:
            rows = con.execute(sa.text(f"SELECT {COLUMNS} FROM digests ORDER BY claimed_at, channel")).fetchall()
        return [_entry(r) for r in rows]

    # -- subscriptions ------------------------------------------------------------------------
    def seed(self, subscriptions: list[tuple[str, str | None]]) -> None:
        """Subscriptions from the settings; a channel an admin unsubscribed stays unsubscribed."""
        if not subscriptions:
            return
        with self._transaction() as con:
            con.execute(sa.text("INSERT INTO subscriptions (channel, priority, active, changed_by, changed_at) "
                                "VALUES (:channel, :priority, 1, 'settings', :now) ON CONFLICT DO NOTHING"),
                        [{"channel": c, "priority": p or "", "now": self.clock()} for c, p in subscriptions])

    def subscribe(self, channel: str, priority: str | None, by: str, active: bool = True, team: str = "") -> bool:
        """Subscribe (or unsubscribe) a channel of workspace ``team`` ("": the bot's own); True when that changed
        anything."""
        with self._transaction() as con:
            self._lock(con, "subscription", channel, priority or "")
            row = con.execute(sa.text("SELECT active FROM subscriptions WHERE channel = :channel AND priority = :priority"),
                              {"channel": channel, "priority": priority or ""}).fetchone()
            if row is not None and bool(row[0]) == active:
                return False
            if row is None and not active:
                return False
            con.execute(sa.text("INSERT INTO subscriptions (channel, priority, active, changed_by, changed_at, team) "
                                "VALUES (:channel, :priority, :active, :by, :now, :team) ON CONFLICT (channel, priority) "
                                "DO UPDATE SET active = excluded.active, changed_by = excluded.changed_by, "
                                "changed_at = excluded.changed_at, team = excluded.team"),
                        {"channel": channel, "priority": priority or "", "active": int(active), "by": by,
                         "now": self.clock(), "team": team or ""})
            return True

    def subscriptions(self, team: str | None = None, unassigned: bool = True) -> list[tuple[str, str | None]]:
        """Active subscriptions: every workspace's, or (``team`` given) that workspace's and, with ``unassigned``, those
        of no workspace (the settings' own, in a deployment with one token)."""
        with self.engine.connect() as con:
            of_team = "" if team is None else "AND team IN (:team, '') " if unassigned else "AND team = :team "
            rows = con.execute(sa.text(f"SELECT channel, priority FROM subscriptions WHERE active = 1 {of_team}"
                                       "ORDER BY channel, priority"), {"team": team}).fetchall()
        return [(c, p or None) for c, p in rows]

    def subscription_teams(self) -> dict[str, str]:
        """The workspace each subscribed channel or person belongs to ("" for the bot's own)."""
        with self.engine.connect() as con:
            rows = con.execute(sa.text("SELECT channel, max(team) FROM subscriptions WHERE active = 1 "
                                       "GROUP BY channel")).fetchall()
        return {c: t or "" for c, t in rows}

    # -- answer once ---------------------------------------------------------------------------
    def first_time(self, key: str) -> bool:
        """True for the first process to ask about ``key`` (an event id, a DM's channel and ts): Slack may deliver
        an event again, to another replica. Keys older than a day are dropped now and then."""
        now = self.clock()
        with self._transaction() as con:
            taken = con.execute(sa.text("INSERT INTO answered (key, at) VALUES (:key, :now) ON CONFLICT DO NOTHING"),
                                {"key": key, "now": now}).rowcount == 1
            if taken and hash(key) % 200 == 0:
                con.execute(sa.text("DELETE FROM answered WHERE at < :old"), {"old": now - 86400})
        return taken

    # -- workspaces ---------------------------------------------------------------------------
    def partnership_of(self, team: str) -> str | None:
        """The partnership an admin set for a workspace (``/crime partnership NAME``), if any."""
        with self.engine.connect() as con:
            row = con.execute(sa.text("SELECT partnership FROM workspaces WHERE team_id = :team"),
                              {"team": team}).fetchone()
        return row[0] if row else None

    def set_partnership(self, team: str, partnership: str, by: str) -> None:
        with self._transaction() as con:
            con.execute(sa.text("INSERT INTO workspaces (team_id, partnership, changed_by, changed_at) "
                                "VALUES (:team, :partnership, :by, :now) ON CONFLICT (team_id) DO UPDATE SET "
                                "partnership = excluded.partnership, changed_by = excluded.changed_by, "
                                "changed_at = excluded.changed_at"),
                        {"team": team, "partnership": partnership, "by": by, "now": self.clock()})


COLUMNS = "channel, period, priority, status, ts, reason, claimed_by, claimed_at, posted_at, attempts, first_claimed_at"


def _key(channel: str, period: str, priority: str | None) -> dict:
    return {"channel": channel, "period": period, "priority": priority or ""}


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
