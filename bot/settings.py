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


def _subscription(text: str) -> tuple[str, str | None]:
    """'C0123ABC' -> whole digest; 'C0123ABC:road safety' -> one priority's digest."""
    channel, _, priority = text.partition(":")
    return channel.strip(), priority.strip() or None


def _pairs(text: str | None, what: str) -> tuple[tuple[str, str], ...]:
    """'thanet=/srv/packs/thanet, swale=/srv/packs/swale' -> (('swale', ...), ('thanet', ...)); ValueError on a part
    without '='.

    >>> _pairs("T0THANET = thanet,T0SWALE=swale", "CRIMEBOT_WORKSPACES")
    (('T0SWALE', 'swale'), ('T0THANET', 'thanet'))
    """
    pairs = []
    for part in sorted(_split(text)):
        key, sep, value = part.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise ValueError(f"{what}: '{part}' is not NAME=VALUE")
        pairs.append((key.strip(), value.strip()))
    return tuple(pairs)


def _active_pack(state_dir: Path) -> str | None:
    """The pack installed by `crimebot import pack`, if any (CRIMEBOT_DATA_DIR, when set, wins)."""
    pointer = state_dir / "active-pack"
    if pointer.exists():
        installed = pointer.read_text().strip()
        return installed if Path(installed, "catalog.csv").exists() else None
    return None


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
    # (channel ID, priority or None for the whole digest), from CRIMEBOT_DIGEST_CHANNELS
    digest_channels: tuple[tuple[str, str | None], ...] = ()
    digest_cron: str = "0 9 15 1,4,7,10 *"  # 09:00 on the 15th of January, April, July, October
    digest_timezone: str = "Europe/London"
    import_max_bytes: int = 4_000_000_000  # the most one file in an import may expand to
    police_uk_url: str = "https://data.police.uk/data/archive/{month}.zip"  # {month} = YYYY-MM
    police_uk_max_bytes: int = 6_000_000_000  # the largest archive the fetch downloads
    police_uk_fetch_cron: str = "0 7 20 * *"  # 07:00 on the 20th of each month, after police.uk publishes
    # PostgreSQL shared by every replica (ledger, subscriptions, installations); empty: SQLite in the state dir
    database_url: str = field(default="", repr=False)
    recovery_seconds: int = 60  # how often each process looks for digest posts another process left cut off
    slack_client_id: str = ""  # with the secret: the OAuth install flow for many workspaces
    slack_client_secret: str = field(default="", repr=False)
    # more partnerships served beside the one in data_dir: (name, its data pack), from CRIMEBOT_PARTNERSHIPS
    partnerships: tuple[tuple[str, Path], ...] = ()
    # which partnership a workspace gets until an admin says otherwise: (team ID, name), from CRIMEBOT_WORKSPACES
    workspace_partnerships: tuple[tuple[str, str], ...] = ()

    @property
    def ledger_path(self) -> Path:
        return self.state_dir / "digests.sqlite"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        env = os.environ if environ is None else environ
        api_url = env.get("SLACK_API_URL") or cls.slack_api_url
        if not api_url.endswith("/"):
            api_url += "/"  # slack_sdk joins URLs: without the slash the last path part is lost
        state_dir = Path(env.get("CRIMEBOT_STATE_DIR") or cls.state_dir)
        return cls(
            data_dir=Path(env.get("CRIMEBOT_DATA_DIR") or _active_pack(state_dir) or cls.data_dir),
            queries_dir=Path(env.get("CRIMEBOT_QUERIES_DIR") or cls.queries_dir),
            state_dir=state_dir,
            slack_bot_token=env.get("SLACK_BOT_TOKEN", ""),
            slack_signing_secret=env.get("SLACK_SIGNING_SECRET", ""),
            slack_app_token=env.get("SLACK_APP_TOKEN", ""),
            slack_api_url=api_url,
            allowed_team_ids=_split(env.get("CRIMEBOT_ALLOWED_TEAMS")),
            admin_user_ids=_split(env.get("CRIMEBOT_ADMINS")),
            digest_channels=tuple(_subscription(part) for part in sorted(_split(env.get("CRIMEBOT_DIGEST_CHANNELS")))),
            digest_cron=env.get("CRIMEBOT_DIGEST_CRON") or cls.digest_cron,
            digest_timezone=env.get("CRIMEBOT_DIGEST_TIMEZONE") or cls.digest_timezone,
            import_max_bytes=int(env.get("CRIMEBOT_IMPORT_MAX_BYTES") or cls.import_max_bytes),
            police_uk_url=env.get("CRIMEBOT_POLICE_UK_URL") or cls.police_uk_url,
            police_uk_max_bytes=int(env.get("CRIMEBOT_POLICE_UK_MAX_BYTES") or cls.police_uk_max_bytes),
            police_uk_fetch_cron=env.get("CRIMEBOT_POLICE_UK_FETCH_CRON", cls.police_uk_fetch_cron),
            database_url=env.get("CRIMEBOT_DATABASE_URL", ""),
            recovery_seconds=int(env.get("CRIMEBOT_RECOVERY_SECONDS") or cls.recovery_seconds),
            slack_client_id=env.get("SLACK_CLIENT_ID", ""),
            slack_client_secret=env.get("SLACK_CLIENT_SECRET", ""),
            partnerships=tuple((name.lower(), Path(pack)) for name, pack in
                               _pairs(env.get("CRIMEBOT_PARTNERSHIPS"), "CRIMEBOT_PARTNERSHIPS")),
            workspace_partnerships=tuple((team, name.lower()) for team, name in
                                         _pairs(env.get("CRIMEBOT_WORKSPACES"), "CRIMEBOT_WORKSPACES")),
        )
