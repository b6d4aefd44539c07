"""One place for settings: read from the environment once, frozen afterwards.

Nothing else in the bot reads ``os.environ``; every variable is documented in ``.env.example``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _split(value: str | None) -> frozenset[str]:
    return frozenset(part.strip() for part in (value or "").replace(";", ",").split(",") if part.strip())


@dataclass(frozen=True)
class Settings:
    data_dir: Path = PROJECT_ROOT / "data"
    queries_dir: Path = PROJECT_ROOT / "queries"
    state_dir: Path = PROJECT_ROOT / ".state"
    slack_bot_token: str = field(default="", repr=False)
    slack_signing_secret: str = field(default="", repr=False)
    slack_app_token: str = field(default="", repr=False)
    slack_api_url: str = "https://slack.com/api/"
    allowed_team_ids: frozenset[str] = frozenset()
    admin_user_ids: frozenset[str] = frozenset()

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        env = os.environ if environ is None else environ
        api_url = env.get("SLACK_API_URL") or cls.slack_api_url
        if not api_url.endswith("/"):
            api_url += "/"  # slack_sdk joins URLs: without the slash the last path part is lost
        return cls(
            data_dir=Path(env.get("CRIMEBOT_DATA_DIR") or cls.data_dir),
            queries_dir=Path(env.get("CRIMEBOT_QUERIES_DIR") or cls.queries_dir),
            state_dir=Path(env.get("CRIMEBOT_STATE_DIR") or cls.state_dir),
            slack_bot_token=env.get("SLACK_BOT_TOKEN", ""),
            slack_signing_secret=env.get("SLACK_SIGNING_SECRET", ""),
            slack_app_token=env.get("SLACK_APP_TOKEN", ""),
            slack_api_url=api_url,
            allowed_team_ids=_split(env.get("CRIMEBOT_ALLOWED_TEAMS")),
            admin_user_ids=_split(env.get("CRIMEBOT_ADMINS")),
        )
