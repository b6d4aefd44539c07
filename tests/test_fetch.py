"""The monthly police.uk fetch, against a real local HTTP server serving a small synthetic archive."""
import dataclasses
import re
import threading
import zipfile
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bot.fetch import FetchError, download, fetch_police_uk
from bot.scheduler import FetchScheduler
from bot.service import Service
from tests.test_import import MONTHS, figure, write_month, write_rows


class Archive(BaseHTTPRequestHandler):
    """Serves ``files`` (path -> bytes) with HTTP Range support, recording each request's Range header."""
    files: dict[str, bytes] = {}
    ranges: list[str | None] = []
    fail = False

    def do_GET(self):  # noqa: N802 (http.server's name)
        type(self).ranges.append(self.headers.get("Range"))
        body = self.files.get(self.path)
        if self.fail:
            self.send_error(500, "police.uk is down")
            return
        if body is None:
            self.send_error(404)
            return
        match = re.match(r"bytes=(\d+)-(\d*)", self.headers.get("Range") or "")
        start, end = (int(match[1]), int(match[2]) if match[2] else len(body) - 1) if match else (0, len(body) - 1)
        self.send_response(206 if match else 200)
        self.send_header("Content-Length", str(end - start + 1))
        self.end_headers()
        self.wfile.write(body[start:end + 1])

    def log_message(self, *args):
        pass


@pytest.fixture()
def archive_server(tmp_path):
    """police.uk's archive for March 2026: two years of Kent street files, an outcomes file, stop-and-search
    files and another force's files (which the import must leave alone)."""
    root = tmp_path / "archive"
    for month in MONTHS:
        write_month(root, month)
        write_rows(root, month, [("Wealden 001A", "Shoplifting", "Under investigation")] * 3, force="sussex")
        (root / month / f"{month}-kent-stop-and-search.csv").write_text("Type,Date\nPerson search,2026-01-01\n")
    zipped = tmp_path / "2026-03.zip"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as out:
        for path in sorted(root.rglob("*.csv")):
            out.write(path, path.relative_to(root).as_posix())
    Archive.files = {"/data/archive/2026-03.zip": zipped.read_bytes()}
    Archive.ranges, Archive.fail = [], False
    server = ThreadingHTTPServer(("127.0.0.1", 0), Archive)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/data/archive/{{month}}.zip"
    server.shutdown()
    server.server_close()


@pytest.fixture()
def fetching(settings, tmp_path, archive_server):
    return dataclasses.replace(settings, state_dir=tmp_path / "state", police_uk_url=archive_server)


def test_fetch_finds_the_newest_archive_and_imports_only_the_forces_files(fetching):
    month, report = fetch_police_uk(fetching, today=date(2026, 5, 3), progress=False)
    assert month == "2026-03"  # April's archive is not published yet: the newest is March's
    assert Archive.ranges[:2] == ["bytes=0-0", "bytes=0-0"]  # asked whether April, then March, exist
    assert report.files == 24 and report.skipped == 48  # 24 Sussex and 24 stop-and-search files left alone
    assert figure(fetching, "shoplifting", "maidstone", "2025/26", "count") == 96
    assert not list((fetching.state_dir / "downloads").iterdir())  # the archive is not kept once imported
    again, report = fetch_police_uk(fetching, today=date(2026, 5, 3), progress=False)
    assert again == "2026-03" and report is None  # imported already: skipped


def test_a_download_resumes_where_it_stopped_and_has_a_size_limit(fetching, tmp_path):
    body = Archive.files["/data/archive/2026-03.zip"]
    target = tmp_path / "dl" / "2026-03.zip"
    target.parent.mkdir()
    (target.parent / "2026-03.zip.part").write_bytes(body[:5000])
    download(fetching.police_uk_url.replace("{month}", "2026-03"), target, 10 ** 9, progress=False)
    assert Archive.ranges[-1] == "bytes=5000-" and target.read_bytes() == body
    with pytest.raises(FetchError, match="larger than the limit of 1,000"):
        download(fetching.police_uk_url.replace("{month}", "2026-03"), tmp_path / "x.zip", 1000, progress=False)
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch_police_uk(fetching, month="2025-01", progress=False)


def test_the_scheduled_fetch_imports_reloads_and_tells_the_admins_when_it_fails(fetching):
    service = Service(fetching)
    told: list[str] = []
    job = FetchScheduler(fetching, service, told.append, clock=lambda: __import__("datetime").datetime(2026, 4, 20, 7))
    assert "no police.uk" not in job.run() and not told
    assert service.ask("shoplifting maidstone 2025/26").headline.startswith("Shoplifting in Maidstone, 2025/26: 96")
    assert "imported already" in job.run()
    Archive.fail = True
    job.clock = lambda: __import__("datetime").datetime(2026, 6, 20, 7)
    text = job.run()
    assert told == [text] and "HTTP 500" in text and "still serving" in text
    assert service.ask("shoplifting maidstone 2025/26").headline.startswith("Shoplifting in Maidstone, 2025/26: 96")
