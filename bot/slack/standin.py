"""A local stand-in for Slack's Web API, response URLs and file uploads: real HTTP on loopback.

Nothing here can reach Slack, so the tests and the benchmark point ``SLACK_API_URL`` at this server
(as bolt-python's own ``tests/mock_web_api_server`` does). It records every call and answers like
Slack: ``{"ok": true, ...}`` for Web API methods, ``ok`` for a ``response_url``, and an ``upload_url``
on itself for ``files.getUploadURLExternal``. A test can script trouble for a method: a 429 with
``Retry-After``, an error such as ``not_in_channel``, or an unreliable network: a post that Slack
accepts and then the connection drops (``accept_then("chat.postMessage", "drop")``), answers slowly
(``"slow"``), or answers 500 (``500``). ``conversations.history`` returns the messages a channel got,
newest first, with their metadata when asked for ``include_all_metadata``. ``conversations.open`` gives a
person's direct-message channel (``D`` + their id without its ``U``); ``views.open``, ``views.update`` and
``views.publish`` answer with the view and an id, and ``views`` / ``home_of`` keep the latest of each.

    >>> with SlackStandIn() as slack:
    ...     slack.api_url.startswith("http://127.0.0.1:")
    True
"""
from __future__ import annotations

import base64
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
    text: str | None = None  # a plain-text body (a response_url's "expired_url")
    accept: bool = False  # Slack takes the message as usual, then: ...
    drop: bool = False  # ... the connection closes with no answer,
    delay: float = 0.0  # ... or the answer comes this many seconds later (or with ``status``)


class SlackStandIn:
    """Start with ``with SlackStandIn() as slack:``; ``slack.api_url`` is the Web API base URL."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._scripts: dict[str, deque[Reply]] = defaultdict(deque)
        self._lock = threading.Condition()
        self._ts = itertools.count(1)
        self.history: dict[str, list[dict]] = defaultdict(list)  # channel -> messages, oldest first
        self.views: dict[str, dict] = {}  # view id -> the latest view opened or updated (modals)
        self.homes: dict[str, dict] = {}  # user -> the latest App Home view published
        self._view_ids = itertools.count(1)
        standin = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet: tests read self.calls instead
                pass

            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                status, headers, payload, reply = standin._handle(self.path, dict(self.headers), raw)
                if reply.delay:
                    time.sleep(reply.delay)
                if reply.drop:  # accepted, then the connection goes before any answer
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
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

    def accept_then(self, method: str, trouble, delay: float = 5.0) -> None:
        """The next call of ``method`` lands (the channel has the message), then: ``"drop"`` (the
        connection closes with no answer), ``"slow"`` (the answer comes ``delay`` seconds later), or an
        HTTP status such as 500."""
        if trouble == "drop":
            self.script(method, Reply(accept=True, drop=True))
        elif trouble == "slow":
            self.script(method, Reply(accept=True, delay=delay))
        else:
            self.script(method, Reply(int(trouble), {"ok": False, "error": "internal_error"}, accept=True))

    def expire_response_urls(self, count: int = 1) -> None:
        """The next ``count`` response_url posts get Slack's answer to one used up or too old."""
        self.script("response_url", *[Reply(404, None, text="expired_url") for _ in range(count)])

    def messages_in(self, channel: str) -> list[dict]:
        """The messages the channel has (posted and accepted), oldest first."""
        with self._lock:
            return list(self.history[channel])

    def home_of(self, user: str) -> dict | None:
        """The App Home view last published for ``user``."""
        with self._lock:
            return self.homes.get(user)

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
    def _handle(self, path: str, headers: dict, raw: bytes) -> tuple[int, dict, bytes, Reply]:
        parts = urlparse(path).path.strip("/").split("/", 1)
        kind, name = (parts[0], parts[1] if len(parts) > 1 else "")
        if kind == "api":
            body = _decode(headers, raw)
            if name == "oauth.v2.access":  # slack_sdk sends the app's credentials as HTTP basic auth
                body = {**body, **_basic_auth(headers)}
            reply = self._scripted(name) or Reply(200, None)
            if reply.body is None or reply.accept:
                answer = self._ok(name, body)
                if reply.accept:  # it landed: recorded as Slack would have it, whatever the client hears
                    self._record(Call(kind, name, headers, body, 200, answer))
                    return reply.status, {"Content-Type": "application/json", **(reply.headers or {})}, \
                        json.dumps(reply.body or answer).encode(), reply
                reply = Reply(reply.status, answer, reply.headers, delay=reply.delay)
        elif kind == "response":
            kind, body = "response_url", _decode(headers, raw)
            reply = self._scripted("response_url") or Reply(200, None)
        elif kind == "upload":
            body = raw
            reply = Reply(200, None)
        else:
            return 404, {}, b"not found", Reply()
        self._record(Call(kind, name, headers, body, reply.status, reply.body))
        if reply.body is None:
            text = (reply.text or ("ok" if kind == "response_url" else f"OK - {len(raw)}")).encode()
            return reply.status, {"Content-Type": "text/plain", **(reply.headers or {})}, text, reply
        return reply.status, {"Content-Type": "application/json", **(reply.headers or {})}, json.dumps(
            reply.body).encode(), reply

    def _record(self, call: Call) -> None:
        with self._lock:
            self.calls.append(call)
            if call.name == "chat.postMessage" and call.ok and isinstance(call.body, dict):
                message = {"type": "message", "ts": call.reply["ts"], "text": call.body.get("text", ""),
                           "bot_id": "B0CRIMEBOT", "app_id": "A0CRIMEBOT"}
                metadata = call.body.get("metadata")
                if metadata:
                    message["metadata"] = json.loads(metadata) if isinstance(metadata, str) else metadata
                self.history[call.reply["channel"]].append(message)
            self._lock.notify_all()

    def _scripted(self, name: str) -> Reply | None:
        with self._lock:
            queue = self._scripts.get(name)
            return queue.popleft() if queue else None

    def _ok(self, method: str, body: dict) -> dict:
        ts = f"{int(time.time())}.{next(self._ts):06d}"  # unique, and as recent as the clock
        channel = body.get("channel") or body.get("channel_id") or "C0STANDIN"
        return {
            "auth.test": {"ok": True, "url": "https://standin.slack.com/", "team": "Stand-in", "user": "crimebot",
                          "team_id": "T0STANDIN", "user_id": "U0CRIMEBOT", "bot_id": "B0CRIMEBOT"},
            "chat.postMessage": {"ok": True, "channel": channel, "ts": ts, "message": {"ts": ts}},
            "chat.postEphemeral": {"ok": True, "message_ts": ts},
            "conversations.history": self._history(body),
            "files.getUploadURLExternal": {"ok": True, "upload_url": f"{self.base_url}/upload/F{ts[6:10]}",
                                           "file_id": f"F{ts[6:10]}"},
            "files.completeUploadExternal": {"ok": True, "files": [
                {"id": f["id"], "title": f.get("title", "")} for f in _files(body)]},
        }.get(method) or self._other(method, body)

    def _other(self, method: str, body: dict) -> dict:
        """conversations.open and views.*, as Slack answers them; anything else: ok."""
        if method == "oauth.v2.access":  # an install: code "code-T0TEAM" installs into workspace T0TEAM
            code = str(body.get("code") or "")
            if not code.startswith("code-T") or not body.get("client_id") or not body.get("client_secret"):
                return {"ok": False, "error": "invalid_code"}
            team = code[len("code-"):]
            return {"ok": True, "access_token": f"xoxb-{team}-installed", "token_type": "bot",
                    "scope": "commands,chat:write", "bot_user_id": "U0CRIMEBOT", "app_id": "A0CRIMEBOT",
                    "team": {"id": team, "name": f"Workspace {team}"}, "enterprise": None,
                    "is_enterprise_install": False, "authed_user": {"id": "U0INSTALLER"}}
        if method == "conversations.open":
            users = str(body.get("users") or "")
            if not users or "," in users:
                return {"ok": False, "error": "users_not_found" if not users else "not_implemented"}
            return {"ok": True, "channel": {"id": "D" + users[1:]}}
        if method not in ("views.open", "views.update", "views.publish", "views.push"):
            return {"ok": True}
        view = _json(body.get("view")) or {}
        if method in ("views.open", "views.push") and not body.get("trigger_id"):
            return {"ok": False, "error": "invalid_arguments"}
        with self._lock:
            if method == "views.update":
                view_id = body.get("view_id") or ""
                if view_id not in self.views:
                    return {"ok": False, "error": "not_found"}
            else:
                view_id = f"V{next(self._view_ids):08d}"
            view = {**view, "id": view_id, "hash": f"{time.time():.6f}"}
            if method == "views.publish":
                self.homes[body.get("user_id", "")] = view
            else:
                self.views[view_id] = view
        return {"ok": True, "view": view}


    def _history(self, body: dict) -> dict:
        """conversations.history: newest first, ``limit`` a page, ``oldest`` and ``cursor`` honoured."""
        channel = body.get("channel", "")
        oldest, limit = float(body.get("oldest") or 0), int(body.get("limit") or 100)
        start = int(body.get("cursor") or 0)
        with self._lock:
            found = [m for m in reversed(self.history.get(channel, [])) if float(m["ts"]) > oldest]
        page = found[start:start + limit]
        if str(body.get("include_all_metadata", "")).lower() not in ("1", "true"):
            page = [{k: v for k, v in m.items() if k != "metadata"} for m in page]
        more = start + limit < len(found)
        return {"ok": True, "messages": page, "has_more": more,
                "response_metadata": {"next_cursor": str(start + limit) if more else ""}}


def _basic_auth(headers: dict) -> dict:
    scheme, _, value = (headers.get("Authorization") or headers.get("authorization") or "").partition(" ")
    if scheme.lower() != "basic":
        return {}
    client_id, _, client_secret = base64.b64decode(value).decode().partition(":")
    return {"client_id": client_id, "client_secret": client_secret}


def _decode(headers: dict, raw: bytes) -> dict:
    content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
    if "json" in content_type:
        return json.loads(raw or b"{}")
    return {k: v[0] for k, v in parse_qs(raw.decode("utf-8")).items()}


def _json(value):
    return json.loads(value) if isinstance(value, str) else value


def _files(body: dict) -> list[dict]:
    files = body.get("files", [])
    return json.loads(files) if isinstance(files, str) else files


def signed_headers(secret: str, body: str | bytes, timestamp: int | None = None,
                   content_type: str = "application/x-www-form-urlencoded") -> dict:
    """The headers Slack sends with a request: its timestamp and the v0 HMAC-SHA256 signature."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    base = f"v0:{timestamp}:".encode() + (body if isinstance(body, bytes) else body.encode())
    signature = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"Content-Type": content_type, "X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": signature}


class SocketModeStandIn:
    """Slack's Socket Mode end: a websocket server on loopback (ws://, which slack_sdk allows off port 443).

    Point ``apps.connections.open`` at ``url`` (``standin.script("apps.connections.open", Reply(200,
    {"ok": True, "url": socket_mode.url}))``), then ``send`` envelopes once a client is connected; the
    client's acknowledgements arrive in ``acks``.
    """

    GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    def __init__(self) -> None:
        import socket

        self._listener = socket.create_server(("127.0.0.1", 0))
        self._client = None
        self.acks: list[dict] = []
        self._connected = threading.Event()
        self._lock = threading.Condition()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._listener.getsockname()[:2]
        return f"ws://{host}:{port}/link"

    def __enter__(self) -> "SocketModeStandIn":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        for sock in (self._client, self._listener):
            try:
                if sock is not None:
                    sock.close()
            except OSError:
                pass

    def wait_connected(self, timeout: float = 30) -> bool:
        return self._connected.wait(timeout)

    def send(self, message: dict) -> None:
        self._frame(0x1, json.dumps(message).encode())

    def wait_for_ack(self, envelope_id: str, timeout: float = 10) -> dict | None:
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                found = next((a for a in self.acks if a.get("envelope_id") == envelope_id), None)
                if found or time.monotonic() > deadline:
                    return found
                self._lock.wait(max(0.0, deadline - time.monotonic()))

    def _serve(self) -> None:
        import base64

        try:
            client, _ = self._listener.accept()
        except OSError:
            return
        request = b""
        while b"\r\n\r\n" not in request:
            request += client.recv(4096)
        key = next(line.split(":", 1)[1].strip() for line in request.decode().split("\r\n")
                   if line.lower().startswith("sec-websocket-key:"))
        accept = base64.b64encode(hashlib.sha1((key + self.GUID).encode()).digest()).decode()
        client.sendall(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        f"Sec-WebSocket-Accept: {accept}\r\n\r\n").encode())
        self._client = client
        self.send({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A0CRIMEBOT"}})
        self._connected.set()
        try:
            while True:
                opcode, payload = self._read_frame(client)
                if opcode == 0x8:
                    return
                if opcode == 0x9:  # ping: pong back
                    self._frame(0xA, payload)
                elif opcode == 0x1:
                    with self._lock:
                        self.acks.append(json.loads(payload))
                        self._lock.notify_all()
        except (OSError, ValueError):
            return

    def _frame(self, opcode: int, payload: bytes) -> None:
        header = bytes([0x80 | opcode])
        n = len(payload)
        if n < 126:
            header += bytes([n])
        elif n < 65536:
            header += bytes([126]) + n.to_bytes(2, "big")
        else:
            header += bytes([127]) + n.to_bytes(8, "big")
        self._client.sendall(header + payload)

    @staticmethod
    def _read_frame(sock) -> tuple[int, bytes]:
        def exactly(n: int) -> bytes:
            data = b""
            while len(data) < n:
                chunk = sock.recv(n - len(data))
                if not chunk:
                    raise OSError("closed")
                data += chunk
            return data

        first, second = exactly(2)
        length = second & 0x7F
        if length == 126:
            length = int.from_bytes(exactly(2), "big")
        elif length == 127:
            length = int.from_bytes(exactly(8), "big")
        mask = exactly(4) if second & 0x80 else b"\0\0\0\0"
        data = exactly(length)
        return first & 0x0F, bytes(b ^ mask[i % 4] for i, b in enumerate(data))
