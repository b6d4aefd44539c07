"""Logging for every front door: to the state directory's log file (and stderr for a server), with
tokens and secrets removed from every record before it is written anywhere."""
from __future__ import annotations

import logging
import re

from .settings import Settings

# Slack token shapes: bot/user/app-level tokens, and a response_url's secret path part.
TOKEN_SHAPES = re.compile(r"\b(xox[abposr]-[\w-]+|xapp-[\w-]+)|(hooks\.slack\.com/(?:commands|actions)/)[\w/]+")


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
        return TOKEN_SHAPES.sub(lambda m: (m.group(2) + "[redacted]") if m.group(2) else "[redacted]", text)


def configure(settings: Settings, to_stderr: bool = False) -> None:
    settings.state_dir.mkdir(parents=True, exist_ok=True)
    handlers: list[logging.Handler] = [logging.FileHandler(settings.state_dir / "crimebot.log")]
    if to_stderr:
        handlers.append(logging.StreamHandler())
    redact = RedactSecrets([settings.slack_bot_token, settings.slack_signing_secret, settings.slack_app_token])
    for handler in handlers:
        handler.addFilter(redact)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=handlers, force=True)
