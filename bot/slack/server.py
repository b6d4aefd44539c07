"""Serving the bolt App: over HTTP (Starlette under uvicorn) or over Socket Mode.

HTTP mode serves Slack's requests at ``/slack/events`` and a health check at ``/healthz``. The front
door fails fast, before bolt sees a request, and answers a client's fault with a status, never a trace:

- a connection that has not sent its headers within ``HEADER_TIMEOUT`` is closed; when
  ``MAX_CONNECTIONS`` are open, the one that has waited longest for its headers makes room;
- a body over ``MAX_BODY_BYTES`` gets 413 (from its Content-Length, before it is read; or as soon as a
  chunked body passes the limit); a body not complete within ``BODY_TIMEOUT`` gets 408; all bodies being
  read at once hold at most ``BODY_BUDGET_BYTES`` (503 beyond);
- a bad, missing or malformed signature or timestamp, a timestamp more than five minutes off, gets 401;
- a request whose signature was already seen (a replay inside the five minutes) is acknowledged and
  not acted on again;
- a signed body that is not what Slack sends (not UTF-8, JSON where a form belongs, a ``payload`` that is
  not a JSON object, no ``actions``, nesting deeper than ``MAX_DEPTH``) gets 400.

Refusals are logged as one summary line a minute, not one line (or trace) each. bolt's dispatch
(which acks and hands slow work to a thread) runs in a worker thread, so one slow request does not
hold up the others.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
import threading
import time
import uuid
from collections import Counter, OrderedDict
from urllib.parse import parse_qsl

import anyio
from slack_bolt import App
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from slack_sdk.signature import Clock
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1_000_000  # Slack's requests are a few kilobytes
BODY_BUDGET_BYTES = 64_000_000  # all bodies being read at one time
HEADER_TIMEOUT = 10.0  # seconds from connecting (or the last answer) to a complete request head
BODY_TIMEOUT = 10.0  # seconds to receive the whole body
KEEP_ALIVE_TIMEOUT = 5  # seconds an idle keep-alive connection stays open
MAX_CONNECTIONS = 2000  # open connections; beyond it the slowest head-waiter is closed
MAX_HEADER_BYTES = 16 * 1024
MAX_DEPTH = 32  # JSON nesting; Slack's deepest payloads (views with state) are under 15
SIGNATURE_WINDOW = 300  # seconds either side of now that a timestamp may be
TIMESTAMP = re.compile(r"[0-9]{1,12}")
SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")


class BadBody(ValueError):
    """A signed body that is not the shape Slack sends; the message says what is wrong."""


def verify_signature(secret: str, body: bytes, timestamp: str | None, signature: str | None, now: float) -> str | None:
    """None when Slack signed this body within the window, else why not (for the log).

    Works on the raw bytes, so a body that is not UTF-8, or a header that is not a number, is a refusal
    and never an exception.

    >>> import hashlib, hmac
    >>> sig = "v0=" + hmac.new(b"s", b"v0:100:a=1", hashlib.sha256).hexdigest()
    >>> verify_signature("s", b"a=1", "100", sig, 100.0) is None
    True
    >>> verify_signature("s", b"a=1", "1e3", sig, 100.0), verify_signature("s", b"a=1", "100", "v0=zz", 100.0)
    ('malformed timestamp', 'malformed signature')
    """
    if not secret:
        return "no signing secret"
    if not timestamp or not TIMESTAMP.fullmatch(timestamp):
        return "malformed timestamp" if timestamp else "no timestamp"
    if abs(now - int(timestamp)) > SIGNATURE_WINDOW:
        return "stale timestamp"
    if not signature or not SIGNATURE.fullmatch(signature):
        return "malformed signature" if signature else "no signature"
    expected = "v0=" + hmac.new(secret.encode(), b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256).hexdigest()
    return None if hmac.compare_digest(expected, signature) else "bad signature"


class ReplayCache:
    """Signatures seen inside the signature window: a signed request is acted on once per process.

    Only requests with a valid signature get in, so its size is bounded by Slack's own traffic (and
    ``size`` caps it anyway).

    >>> cache = ReplayCache()
    >>> cache.first_time("v0=ab", 1000.0), cache.first_time("v0=ab", 1001.0), cache.first_time("v0=ab", 1700.0)
    (True, False, True)
    """

    def __init__(self, window: float = 2 * SIGNATURE_WINDOW, size: int = 100_000):
        self.window, self.size = window, size
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def first_time(self, signature: str, now: float) -> bool:
        with self._lock:
            while self._seen and (next(iter(self._seen.values())) < now - self.window or len(self._seen) > self.size):
                self._seen.popitem(last=False)
            if signature in self._seen:
                return False
            self._seen[signature] = now
            return True


class Refusals:
    """Client faults, logged as one summary line per interval instead of one line (or trace) each."""

    def __init__(self, interval: float = 60.0):
        self.interval = interval
        self.counts: Counter[str] = Counter()
        self.total: Counter[str] = Counter()
        self._last = 0.0
        self._lock = threading.Lock()

    def note(self, reason: str, client: str) -> None:
        with self._lock:
            self.counts[reason] += 1
            self.total[reason] += 1
            now = time.monotonic()
            if now - self._last < self.interval:
                return
            counts, self.counts, self._last = self.counts, Counter(), now
        log.info("refused %d request(s) at /slack/events (%s); the latest from %s; the next summary in %.0f s at most",
                 sum(counts.values()), ", ".join(f"{n} {why}" for why, n in counts.most_common()), client,
                 self.interval)


def slack_body(body: bytes, content_type: str) -> dict:
    """The request body as bolt will read it, or BadBody saying why it is not one Slack would send.

    >>> slack_body(b"command=%2Fcrime&text=asb", "application/x-www-form-urlencoded")["text"]
    'asb'
    >>> slack_body(b'payload={"type":"block_actions","actions":[]}', "application/x-www-form-urlencoded")
    Traceback (most recent call last):
    bot.slack.server.BadBody: block_actions without actions
    """
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise BadBody("not UTF-8") from None
    json_type = content_type.split(";")[0].strip().lower() == "application/json"
    if json_type or text.startswith("{"):  # as bolt decides (slack_bolt.request.internals.parse_body)
        parsed = _json_object(text, "body")
    elif not json_type and text.lstrip().startswith(("[", '"')):
        raise BadBody("JSON where a form belongs")
    else:
        form = dict(parse_qsl(text, keep_blank_values=True))
        parsed = _json_object(form["payload"], "payload") if "payload" in text and "payload" in form else form
    kind = parsed.get("type")
    if kind is not None and not isinstance(kind, str):
        raise BadBody("type is not a string")
    for key in ("command", "text", "team_id", "user_id", "channel_id", "response_url"):
        if key in parsed and not isinstance(parsed[key], str):
            raise BadBody(f"{key} is not a string")
    if kind == "event_callback" and not isinstance(parsed.get("event"), dict):
        raise BadBody("event_callback without an event")
    if kind == "block_actions":
        actions = parsed.get("actions")
        if not isinstance(actions, list) or not actions or not all(
                isinstance(a, dict) and isinstance(a.get("action_id"), str) for a in actions):
            raise BadBody("block_actions without actions")
        if not isinstance(parsed.get("user"), dict) or not isinstance(parsed["user"].get("id"), str):
            raise BadBody("block_actions without a user")
    if kind in ("view_submission", "view_closed"):
        view = parsed.get("view")
        if not isinstance(view, dict) or not isinstance(view.get("type"), str) or \
                not isinstance(view.get("state", {}), dict):
            raise BadBody(f"{kind} without a view")
    for key in ("team", "user", "channel"):
        if key in parsed and parsed[key] is not None and not isinstance(parsed[key], dict | str):
            raise BadBody(f"{key} is neither an object nor an id")
    return parsed


def _json_object(text: str, what: str) -> dict:
    try:
        parsed = json.loads(text)
    except (ValueError, RecursionError):
        raise BadBody(f"{what} is not JSON") from None
    if not isinstance(parsed, dict):
        raise BadBody(f"{what} is not a JSON object")
    stack = [(parsed, 1)]
    while stack:  # nesting depth, without recursion
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise BadBody(f"{what} nests deeper than {MAX_DEPTH}")
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return parsed


def http_app(app: App, signing_secret: str, clock: Clock | None = None, health=None,
             replays: ReplayCache | None = None, body_timeout: float = BODY_TIMEOUT) -> Starlette:
    """The ASGI application: ``/slack/events`` (signed requests only) and ``/healthz``; with installs into many
    workspaces, also ``/slack/install`` ("Add to Slack") and ``/slack/oauth_redirect`` (bolt's OAuth flow)."""
    clock = clock or Clock()
    replays = replays or ReplayCache()
    refusals = Refusals()
    in_flight = [0]  # bytes of bodies being read now (one event loop: no lock needed)

    def refuse(request: Request, status: int, reason: str) -> Response:
        refusals.note(reason, request.client.host if request.client else "?")
        return JSONResponse({"error": reason}, status_code=status, headers={"Connection": "close"})

    async def read_body(request: Request) -> bytes | Response:
        length_header = request.headers.get("content-length")
        if length_header is not None:
            if not length_header.isdigit():
                return refuse(request, 400, "bad content-length")
            if int(length_header) > MAX_BODY_BYTES:
                return refuse(request, 413, "body too large")
        reserved = int(length_header) if length_header is not None else 0
        if in_flight[0] + max(reserved, 1) > BODY_BUDGET_BYTES:
            return refuse(request, 503, "too many bodies being read")
        in_flight[0] += reserved
        chunks, size = [], 0
        try:
            with anyio.fail_after(body_timeout):
                async for chunk in request.stream():
                    size += len(chunk)
                    if size > max(reserved, 0):
                        in_flight[0] += size - max(reserved, 0)
                        reserved = size
                    if size > MAX_BODY_BYTES:
                        return refuse(request, 413, "body too large")
                    chunks.append(chunk)
        except TimeoutError:
            return refuse(request, 408, "body too slow")
        except ClientDisconnect:
            refusals.note("client disconnected mid-body", request.client.host if request.client else "?")
            return Response(status_code=400)  # nobody is listening; uvicorn drops it
        finally:
            in_flight[0] -= reserved
        return b"".join(chunks)

    async def events(request: Request) -> Response:
        body = await read_body(request)
        if isinstance(body, Response):
            return body
        signature = request.headers.get("x-slack-signature")
        problem = verify_signature(signing_secret, body, request.headers.get("x-slack-request-timestamp"),
                                   signature, clock.now())
        if problem:
            return refuse(request, 401, problem)
        if not replays.first_time(signature, clock.now()):
            log.warning("ignored a replayed request (a signature already seen) from %s",
                        request.client.host if request.client else "?")
            return Response(status_code=200)  # acknowledged once already; not acted on again
        try:
            slack_body(body, request.headers.get("content-type", ""))
        except BadBody as exc:
            log.warning("refused a signed request that Slack would not send: %s", exc)
            return JSONResponse({"error": f"malformed body: {exc}"}, status_code=400)
        try:
            bolt_response = await run_in_threadpool(app.dispatch, to_bolt_request(request, body))
        except Exception:  # a bug of ours: logged once with an id; Slack gets a 200, never a 500
            error_id = new_error_id()
            log.exception("error %s: dispatching a request failed", error_id)
            return JSONResponse({"response_type": "ephemeral",
                                 "text": f"Sorry, something went wrong (error {error_id})."}, status_code=200)
        return to_starlette_response(bolt_response)

    async def healthz(request: Request) -> Response:
        status = health() if health else {"ok": True}
        return JSONResponse(status, status_code=200 if status.get("ok") else 503)

    routes = [Route("/slack/events", events, methods=["POST"]), Route("/healthz", healthz, methods=["GET"])]
    flow = app.oauth_flow
    if flow is not None:  # installs into many workspaces: "Add to Slack", and Slack's redirect back

        async def install(request: Request) -> Response:
            bolt_request = to_bolt_request(request, b"")
            return to_starlette_response(await run_in_threadpool(flow.handle_installation, bolt_request))

        async def oauth_redirect(request: Request) -> Response:
            bolt_request = to_bolt_request(request, b"")
            return to_starlette_response(await run_in_threadpool(flow.handle_callback, bolt_request))

        routes += [Route(flow.install_path, install, methods=["GET"]),
                   Route(flow.redirect_uri_path, oauth_redirect, methods=["GET"])]
    asgi = Starlette(routes=routes)
    asgi.state.refusals = refusals
    return asgi


def new_error_id() -> str:
    """A short id to quote to a person and find beside the traceback in the log."""
    return uuid.uuid4().hex[:8]


def guarded_protocol(header_timeout: float = HEADER_TIMEOUT, max_connections: int = MAX_CONNECTIONS):
    """uvicorn's h11 protocol with a deadline for each request head, and room made for new connections.

    uvicorn times out idle keep-alive connections but not a connection that never finishes its headers
    (a "slowloris"): thousands of them would hold every file descriptor. Each server gets its own class
    (the waiting list is per server).
    """
    from uvicorn.protocols.http.h11_impl import H11Protocol

    waiting: OrderedDict[int, "Guarded"] = OrderedDict()  # connections waiting for a request head, oldest first

    class Guarded(H11Protocol):
        _timer = None

        def connection_made(self, transport) -> None:
            super().connection_made(transport)
            if len(self.connections) > max_connections and waiting:
                _, oldest = waiting.popitem(last=False)
                oldest._close("connection limit reached: closed the connection waiting longest for its headers")
            self._await_head()

        def _await_head(self) -> None:
            self._cancel()
            waiting[id(self)] = self
            self._timer = self.loop.call_later(header_timeout, self._close, "request head not complete in time")

        def _cancel(self) -> None:
            waiting.pop(id(self), None)
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None

        def _close(self, why: str) -> None:
            self._cancel()
            if not self.transport.is_closing():
                log.debug("closing a connection from %s: %s", self.client, why)
                self.transport.close()

        def handle_events(self) -> None:
            cycle = self.cycle
            super().handle_events()
            if self.cycle is not cycle:  # a request head arrived: its body has its own deadline
                self._cancel()

        def on_response_complete(self) -> None:
            if not self.transport.is_closing():
                self._await_head()  # the next request on this keep-alive connection gets the same deadline
            super().on_response_complete()

        def connection_lost(self, exc) -> None:
            self._cancel()
            super().connection_lost(exc)

    return Guarded


def uvicorn_config(asgi, host: str, port: int, *, header_timeout: float = HEADER_TIMEOUT,
                   max_connections: int = MAX_CONNECTIONS):
    """The one uvicorn configuration, for ``crimebot serve --http``, the tests and the benchmark."""
    import uvicorn

    # log_config=None: uvicorn's records go through our handlers, where secrets are redacted
    return uvicorn.Config(asgi, host=host, port=port, log_config=None, access_log=False, proxy_headers=True,
                          http=guarded_protocol(header_timeout, max_connections), lifespan="off",
                          timeout_keep_alive=KEEP_ALIVE_TIMEOUT, limit_concurrency=max_connections + 64,
                          h11_max_incomplete_event_size=MAX_HEADER_BYTES, backlog=4096)


def serve_http(asgi, host: str, port: int) -> None:
    """Run under uvicorn, a production ASGI server (bolt's own ``app.start()`` is a development server)."""
    import uvicorn

    uvicorn.Server(uvicorn_config(asgi, host, port)).run()


def serve_socket_mode(app: App, app_token: str) -> None:
    """Socket Mode: Slack holds a websocket open to us, so no public URL is needed."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    SocketModeHandler(app, app_token).start()


class BackgroundServer:
    """uvicorn serving an ASGI app from a thread on loopback (tests, benchmarks): ``with ... as url:``."""

    def __init__(self, asgi, host: str = "127.0.0.1", port: int = 0, **limits):
        import uvicorn

        self._server = uvicorn.Server(uvicorn_config(asgi, host, port, **limits))
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    def __enter__(self) -> str:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started and time.monotonic() < deadline:
            time.sleep(0.01)
        host, port = self._server.servers[0].sockets[0].getsockname()[:2]
        return f"http://{host}:{port}"

    def __exit__(self, *exc) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
