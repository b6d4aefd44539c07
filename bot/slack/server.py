"""Serving the bolt App: over HTTP (Starlette under uvicorn) or over Socket Mode.

HTTP mode serves Slack's requests at ``/slack/events`` and a health check at ``/healthz``. Every
request's signature and timestamp are checked here, before bolt sees it: a bad or missing signature,
or a timestamp more than five minutes off, gets 401. bolt's dispatch (which acks and hands slow work
to a thread) runs in a worker thread, so one slow request does not hold up the others.
"""
from __future__ import annotations

import logging

from slack_bolt import App
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from slack_sdk.signature import Clock, SignatureVerifier
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

log = logging.getLogger(__name__)


def http_app(app: App, signing_secret: str, clock: Clock | None = None, health=None) -> Starlette:
    """The ASGI application: ``/slack/events`` (signed requests only) and ``/healthz``."""
    verifier = SignatureVerifier(signing_secret, clock=clock or Clock())

    async def events(request: Request) -> Response:
        body = await request.body()
        if not signing_secret or not verifier.is_valid_request(body, dict(request.headers)):
            log.info("refused an unsigned or stale request from %s", request.client.host if request.client else "?")
            return JSONResponse({"error": "invalid request"}, status_code=401)
        bolt_response = await run_in_threadpool(app.dispatch, to_bolt_request(request, body))
        return to_starlette_response(bolt_response)

    async def healthz(request: Request) -> Response:
        status = health() if health else {"ok": True}
        return JSONResponse(status, status_code=200 if status.get("ok") else 503)

    return Starlette(routes=[Route("/slack/events", events, methods=["POST"]),
                             Route("/healthz", healthz, methods=["GET"])])


def serve_http(asgi, host: str, port: int) -> None:
    """Run under uvicorn, a production ASGI server (bolt's own ``app.start()`` is a development server)."""
    import uvicorn

    # log_config=None: uvicorn's records go through our handlers, where secrets are redacted
    uvicorn.run(asgi, host=host, port=port, log_config=None, access_log=False, proxy_headers=True)


def serve_socket_mode(app: App, app_token: str) -> None:
    """Socket Mode: Slack holds a websocket open to us, so no public URL is needed."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    SocketModeHandler(app, app_token).start()


class BackgroundServer:
    """uvicorn serving an ASGI app from a thread on loopback (tests, benchmarks): ``with ... as url:``."""

    def __init__(self, asgi, host: str = "127.0.0.1", port: int = 0):
        import threading

        import uvicorn

        self._server = uvicorn.Server(uvicorn.Config(asgi, host=host, port=port, log_config=None,
                                                     access_log=False, lifespan="off"))
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    def __enter__(self) -> str:
        import time

        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started and time.monotonic() < deadline:
            time.sleep(0.01)
        host, port = self._server.servers[0].sockets[0].getsockname()[:2]
        return f"http://{host}:{port}"

    def __exit__(self, *exc) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
