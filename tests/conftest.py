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
