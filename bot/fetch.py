"""The monthly fetch: download police.uk's archive for the newest (or a named) month and import it.

police.uk publishes one archive a month (``https://data.police.uk/data/archive/YYYY-MM.zip``: about three
years of every force's street, outcomes and stop-and-search files). The URL template is a setting
(``CRIMEBOT_POLICE_UK_URL``, ``{month}`` replaced by YYYY-MM). The download streams to disk, resumes a
partial file with an HTTP Range request, and stops at a size limit; the archive is then imported as
``crimebot import police-uk ARCHIVE.zip`` would (only the configured force's files, straight from the zip).
"""
from __future__ import annotations

import logging
import os
import sys
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path

from .database import imported_files
from .datapack import DataError
from .imports import import_police_uk
from .periods import month_id
from .police_uk import ImportReport
from .settings import Settings

log = logging.getLogger(__name__)
CHUNK = 1 << 20


class FetchError(Exception):
    """A download that failed: says what was asked and what happened."""


def archive_url(settings: Settings, month: str) -> str:
    return settings.police_uk_url.replace("{month}", month)


def _exists(url: str) -> bool:
    request = urllib.request.Request(url, headers={"Range": "bytes=0-0"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status in (200, 206)
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            return False
        raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise FetchError(f"{url}: {getattr(exc, 'reason', exc)}") from None


def newest_month(settings: Settings, today: date | None = None, look_back: int = 4) -> str:
    """The newest month whose archive exists, looking back from last month; FetchError if none does."""
    today = today or date.today()
    for back in range(1, look_back + 1):
        month = month_id(today.year, today.month - back)
        if _exists(archive_url(settings, month)):
            return month
    raise FetchError(f"no police.uk archive found for the {look_back} months before {today:%B %Y} "
                     f"(tried {archive_url(settings, month_id(today.year, today.month - 1))} and earlier)")


def download(url: str, target: Path, max_bytes: int, progress: bool | None = None) -> Path:
    """Stream ``url`` to ``target``, resuming ``target``.part where a download stopped; FetchError past
    ``max_bytes`` or on an HTTP error (the partial file is kept for the next try)."""
    part = target.with_name(target.name + ".part")
    target.parent.mkdir(parents=True, exist_ok=True)
    have = part.stat().st_size if part.exists() else 0
    request = urllib.request.Request(url, headers={"Range": f"bytes={have}-"} if have else {})
    try:
        response = urllib.request.urlopen(request, timeout=60)
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and have:  # the partial file is already whole
            os.replace(part, target)
            return target
        raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise FetchError(f"{url}: {getattr(exc, 'reason', exc)}") from None
    from tqdm import tqdm

    with response:
        if have and response.status != 206:
            have = 0  # the server ignored the Range: start again
        length = response.headers.get("Content-Length")
        total = have + int(length) if length and length.isdigit() else None
        if total is not None and total > max_bytes:
            raise FetchError(f"{url}: {total:,} bytes, larger than the limit of {max_bytes:,} "
                             "(CRIMEBOT_POLICE_UK_MAX_BYTES)")
        bar = tqdm(total=total, initial=have, unit="B", unit_scale=True, desc=f"download {target.name}",
                   disable=not (sys.stderr.isatty() if progress is None else progress), file=sys.stderr)
        with open(part, "ab" if have else "wb") as out, bar:
            written = have
            while True:
                try:
                    chunk = response.read(CHUNK)
                except OSError as exc:
                    raise FetchError(f"{url}: the download broke off after {written:,} bytes ({exc}); run again "
                                     "to resume") from None
                if not chunk:
                    break
                written += len(chunk)
                if written > max_bytes:
                    raise FetchError(f"{url}: more than the limit of {max_bytes:,} bytes (CRIMEBOT_POLICE_UK_MAX_BYTES)")
                out.write(chunk)
                bar.update(len(chunk))
        if total is not None and written < total:
            raise FetchError(f"{url}: the download broke off after {written:,} of {total:,} bytes; run again to resume")
    os.replace(part, target)
    return target


def imported_months(settings: Settings) -> set[str]:
    return {p.stem[:7] for p in imported_files(settings.state_dir) if p.parent.name == "police-uk"}


def fetch_police_uk(settings: Settings, month: str | None = None, progress: bool | None = None,
                    today: date | None = None) -> tuple[str, ImportReport | None]:
    """Download and import the archive for ``month`` (default: the newest published). Returns the month and the
    import report, or None when that month was imported already. FetchError or DataError on a fault
    (nothing changed)."""
    month = month or newest_month(settings, today)
    if month in imported_months(settings):
        return month, None
    target = settings.state_dir / "downloads" / f"police-uk-{month}.zip"
    download(archive_url(settings, month), target, settings.police_uk_max_bytes, progress)
    try:
        report = import_police_uk(settings, [target], progress=progress)
    except DataError:
        target.unlink(missing_ok=True)  # a bad archive is fetched afresh next time
        raise
    target.unlink(missing_ok=True)
    return month, report
