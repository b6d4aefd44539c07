import shutil
from pathlib import Path

import pytest

from bot.answer import Answerer
from bot.settings import PROJECT_ROOT, Settings


@pytest.fixture(scope="session")
def settings(tmp_path_factory) -> Settings:
    """Settings with a fresh state directory: the database is built from data/ for the test session."""
    state = tmp_path_factory.mktemp("state")
    return Settings.from_env({"CRIMEBOT_STATE_DIR": str(state)})


@pytest.fixture(scope="session")
def answerer(settings) -> Answerer:
    return Answerer.open(settings)


@pytest.fixture()
def data_copy(tmp_path) -> Path:
    """A writable copy of data/ for tests that break it."""
    target = tmp_path / "data"
    shutil.copytree(PROJECT_ROOT / "data", target)
    return target


@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway PostgreSQL 16 (the pgserver package, from the test extras) for the whole test session.

    Its data directory is outside pytest's temporary tree: run as root, pgserver runs the server as another
    user, and pytest makes its tree readable by root alone whenever a run starts (another session's too).
    """
    import tempfile

    import pgserver

    directory = Path(tempfile.mkdtemp(prefix="crimebot-postgres-"))
    directory.chmod(0o755)
    server = pgserver.get_server(directory, cleanup_mode="stop")
    yield server.get_uri()
    server.cleanup()
    shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture()
def database_url(postgres_server):
    """A fresh, empty database on the session's PostgreSQL for one test (dropped afterwards)."""
    import uuid

    import sqlalchemy as sa

    from bot.store import database_url as normalised

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(normalised(postgres_server), isolation_level="AUTOCOMMIT")
    with admin.connect() as con:
        con.exec_driver_sql(f"CREATE DATABASE {name}")
    base, _, query = postgres_server.partition("?")
    yield f"{base.rsplit('/', 1)[0]}/{name}?{query}"
    with admin.connect() as con:
        con.exec_driver_sql(f"DROP DATABASE {name} WITH (FORCE)")
    admin.dispose()
