"""A local stand-in for Slack's Web API, response URLs and file uploads: real HTTP on loopback.

Nothing here can reach Slack, so the tests and the benchmark point ``SLACK_API_URL`` at this server
(as bolt-python's own ``tests/mock_web_api_server`` does). It records every call and answers like
Slack: ``{"ok": true, ...}`` for Web API methods, ``ok`` for a ``response_url``, and an ``upload_url``
on itself for ``files.getUploadURLExternal``. A test can script trouble for a method: a 429 with
``Retry-After``, or an error such as ``not_in_channel``.

    >>> with SlackStandIn() as slack:
    ...     slack.api_url.startswith("http://127.0.0.1:")
    True
"""
from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse


@dataclass
class Call:
    """One request that reached the stand-in."""

    kind: str  # "api", "response_url" or "upload"
    name: str  # the Web API method ("chat.postMessage"), or the path after /response/ or /upload/
    headers: dict
    body: dict | bytes
    status: int
    reply: dict | None = None  # what the stand-in answered (Web API calls)

    @property
    def ok(self) -> bool:
        return self.status == 200 and (self.reply is None or bool(self.reply.get("ok")))


@dataclass
class Reply:
    status: int = 200
    body: dict | None = None
    headers: dict | None = None


class SlackStandIn:
    """Start with ``with SlackStandIn() as slack:``; ``slack.api_url`` is the Web API base URL."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._scripts: dict[str, deque[Reply]] = defaultdict(deque)
        self._lock = threading.Condition()
        self._ts = itertools.count(1)
        standin = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet: tests read self.calls instead
                pass

            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                status, headers, payload = standin._handle(self.path, dict(self.headers), raw)
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    # -- life cycle -------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        return self.base_url + "/api/"

    def response_url(self, name: str) -> str:
        """A ``response_url`` that lands here, recorded under ``name``."""
        return f"{self.base_url}/response/{name}"

    def __enter__(self) -> "SlackStandIn":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    # -- scripting and reading ----------------------------------------------------------------
    def script(self, method: str, *replies: Reply) -> None:
        """Answer the next calls of ``method`` with these replies, then as usual."""
        with self._lock:
            self._scripts[method].extend(replies)

    def rate_limit(self, method: str, retry_after: int = 1) -> None:
        self.script(method, Reply(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": str(retry_after)}))

    def fail(self, method: str, error: str) -> None:
        self.script(method, Reply(200, {"ok": False, "error": error}))

    def calls_to(self, name: str, kind: str | None = None) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.name == name and (kind is None or c.kind == kind)]

    def wait_for(self, name: str, count: int = 1, timeout: float = 10.0, kind: str | None = None) -> list[Call]:
        """Block until ``count`` calls of ``name`` have arrived (or the timeout passes); return them."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                found = [c for c in self.calls if c.name == name and (kind is None or c.kind == kind)]
                left = deadline - time.monotonic()
                if len(found) >= count or left <= 0:
                    return found
                self._lock.wait(left)

    # -- answering ----------------------------------------------------------------------------
    def _handle(self, path: str, headers: dict, raw: bytes) -> tuple[int, dict, bytes]:
        parts = urlparse(path).path.strip("/").split("/", 1)
        kind, name = (parts[0], parts[1] if len(parts) > 1 else "")
        if kind == "api":
            body = _decode(headers, raw)
            reply = self._scripted(name) or Reply(200, self._ok(name, body))
        elif kind == "response":
            kind, body = "response_url", _decode(headers, raw)
            reply = self._scripted("response_url") or Reply(200, None)
        elif kind == "upload":
            body = raw
            reply = Reply(200, None)
        else:
            return 404, {}, b"not found"
        with self._lock:
            self.calls.append(Call(kind, name, headers, body, reply.status, reply.body))
            self._lock.notify_all()
        if reply.body is None:
            text = b"ok" if kind == "response_url" else f"OK - {len(raw)}".encode()
            return reply.status, {"Content-Type": "text/plain", **(reply.headers or {})}, text
        return reply.status, {"Content-Type": "application/json", **(reply.headers or {})}, json.dumps(
            reply.body).encode()

    def _scripted(self, name: str) -> Reply | None:
        with self._lock:
            queue = self._scripts.get(name)
            return queue.popleft() if queue else None

    def _ok(self, method: str, body: dict) -> dict:
        ts = f"{1700000000 + next(self._ts)}.000100"
        channel = body.get("channel") or body.get("channel_id") or "C0STANDIN"
        return {
            "auth.test": {"ok": True, "url": "https://standin.slack.com/", "team": "Stand-in", "user": "crimebot",
                          "team_id": "T0STANDIN", "user_id": "U0CRIMEBOT", "bot_id": "B0CRIMEBOT"},
            "chat.postMessage": {"ok": True, "channel": channel, "ts": ts, "message": {"ts": ts}},
            "chat.postEphemeral": {"ok": True, "message_ts": ts},
            "files.getUploadURLExternal": {"ok": True, "upload_url": f"{self.base_url}/upload/F{ts[6:10]}",
                                           "file_id": f"F{ts[6:10]}"},
            "files.completeUploadExternal": {"ok": True, "files": [
                {"id": f["id"], "title": f.get("title", "")} for f in _files(body)]},
        }.get(method, {"ok": True})


def _decode(headers: dict, raw: bytes) -> dict:
    content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
    if "json" in content_type:
        return json.loads(raw or b"{}")
    return {k: v[0] for k, v in parse_qs(raw.decode("utf-8")).items()}


def _files(body: dict) -> list[dict]:
    files = body.get("files", [])
    return json.loads(files) if isinstance(files, str) else files


def signed_headers(secret: str, body: str, timestamp: int | None = None,
                   content_type: str = "application/x-www-form-urlencoded") -> dict:
    """The headers Slack sends with a request: its timestamp and the v0 HMAC-SHA256 signature."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    base = f"v0:{timestamp}:{body}".encode()
    signature = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"Content-Type": content_type, "X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": signature}
