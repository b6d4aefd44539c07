"""Where the bot's shared state lives: one SQLAlchemy engine for the ledger, subscriptions and installations.

Without ``CRIMEBOT_DATABASE_URL`` that is a SQLite file in the state directory, as it always was; with it
(``postgresql://...``) a PostgreSQL server that every replica of ``crimebot serve`` shares. The DuckDB
figures are not here: each process builds and reads its own copy from the data pack.
"""
from __future__ import annotations

import threading
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.pool import NullPool

_engines: dict[str, Engine] = {}
_lock = threading.Lock()


def database_url(url: str) -> str:
    """A PostgreSQL URL as SQLAlchemy wants it with psycopg 3; ValueError for anything else.

    >>> database_url("postgres://bot:pw@db/crimebot")
    'postgresql+psycopg://bot:pw@db/crimebot'
    >>> database_url("mysql://x")
    Traceback (most recent call last):
    ValueError: CRIMEBOT_DATABASE_URL must be a PostgreSQL URL (postgresql://user:password@host:5432/database), not 'mysql://…'
    """
    scheme, sep, rest = url.partition("://")
    if not sep or scheme not in ("postgres", "postgresql", "postgresql+psycopg"):
        raise ValueError("CRIMEBOT_DATABASE_URL must be a PostgreSQL URL (postgresql://user:password@host:5432/"
                         f"database), not '{scheme}://…'")
    return "postgresql+psycopg://" + rest


def sqlite_engine(path: Path) -> Engine:
    """SQLite with a write lock taken at the start of each transaction (``BEGIN IMMEDIATE``): no two
    claimers read the same row state. No pool: each operation opens the file, as several processes may."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():  # private from the start: the ledger names channels and people
        path.touch(mode=0o600)
    engine = sa.create_engine(f"sqlite:///{path}", poolclass=NullPool, connect_args={"timeout": 30})

    @sa.event.listens_for(engine, "connect")
    def _no_implicit_begin(dbapi_connection, _record):
        # SQLAlchemy's documented recipe: let pysqlite not BEGIN by itself, so the BEGIN below is ours. The
        # default rollback journal, not WAL: switching a file to WAL needs an exclusive lock that a second
        # process opening it at the same moment can be refused without waiting.
        dbapi_connection.isolation_level = None

    @sa.event.listens_for(engine, "begin")
    def _write_lock_first(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def shared_engine(url: str) -> Engine:
    """One engine (and connection pool) per database URL in this process."""
    url = database_url(url)
    with _lock:
        if url not in _engines:
            _engines[url] = sa.create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)
        return _engines[url]


def engine_for(settings) -> Engine:
    """The shared database when ``CRIMEBOT_DATABASE_URL`` is set, else the SQLite file in the state directory."""
    if settings.database_url:
        return shared_engine(settings.database_url)
    return sqlite_engine(settings.ledger_path)


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"
