"""Logging for every front door: to the state directory's log file (and stderr for a server), with
tokens and secrets removed from every record before it is written anywhere.

The log is private (0600, in a 0700 state directory) and size-capped: it rotates at ``LOG_MAX_BYTES``
and keeps ``LOG_BACKUPS`` old files, so a flood of requests cannot fill the disk.
"""
from __future__ import annotations

import logging
import logging.handlers
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from .settings import Settings

LOG_MAX_BYTES = 5_000_000
LOG_BACKUPS = 4
# Slack token shapes: bot/user/app-level tokens, a response_url's secret path part, and the password
# in a URL's user part (https://user:password@host/).
TOKEN_SHAPES = re.compile(r"\b(xox[abposr]-[\w-]+|xapp-[\w-]+)|(hooks\.slack\.com/(?:commands|actions)/)[\w/]+"
                          r"|(?<=://)([^/@\s:]*:)[^/@\s]+(?=@)")


class RedactSecrets(logging.Filter):
    """Replace the configured secrets, and anything shaped like a Slack token, with [redacted].

    >>> f = RedactSecrets(["s3cret"])
    >>> record = logging.LogRecord("x", 20, "", 0, "secret %s and %s", ("s3cret", "xoxb-1-2-abc"), None)
    >>> f.filter(record) and record.getMessage()
    'secret [redacted] and [redacted]'
    """

    def __init__(self, secrets):
        super().__init__()
        self.secrets = [s for s in secrets if s and len(s) >= 6]

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        clean = self.redact(text)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if clean != text:
            record.msg, record.args = clean, ()
        return True

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "[redacted]")
        return TOKEN_SHAPES.sub(lambda m: (m.group(2) + "[redacted]") if m.group(2) else
                                (m.group(3) + "[redacted]") if m.group(3) else "[redacted]", text)


def secrets_of(settings: Settings) -> list[str]:
    """The settings' secrets: the tokens, the signing and client secrets, a password in SLACK_API_URL or
    CRIMEBOT_DATABASE_URL."""
    password = urlsplit(settings.slack_api_url).password
    database_password = urlsplit(settings.database_url).password if "://" in settings.database_url else None
    return [settings.slack_bot_token, settings.slack_signing_secret, settings.slack_app_token,
            settings.slack_client_secret, password or "", database_password or ""]


def redact(text: str, settings: Settings) -> str:
    """Text with the settings' secrets and anything shaped like a token removed (for stderr, a DM).

    >>> redact("invalid_auth for xoxb-1-2-abc", Settings())
    'invalid_auth for [redacted]'
    >>> redact("cannot reach https://bot:hunter2@proxy/api/", Settings())
    'cannot reach https://bot:[redacted]@proxy/api/'
    """
    return RedactSecrets(secrets_of(settings)).redact(text)


def private_dir(path: Path) -> Path:
    """Create (or tighten) a directory only its owner can read: the state directory."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, 0o700)
    return path


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A size-capped log whose files are readable by their owner only, whatever the umask."""

    def _open(self):
        stream = super()._open()
        os.chmod(self.baseFilename, 0o600)
        return stream


def configure(settings: Settings, to_stderr: bool = False) -> None:
    private_dir(settings.state_dir)
    handlers: list[logging.Handler] = [PrivateRotatingFileHandler(settings.state_dir / "crimebot.log",
                                                                  maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS)]
    if to_stderr:
        handlers.append(logging.StreamHandler())
    redact = RedactSecrets(secrets_of(settings))
    for handler in handlers:
        handler.addFilter(redact)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=handlers, force=True)
