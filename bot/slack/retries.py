"""Which Slack calls are retried, and for how long: never a post whose first attempt may have landed.

slack_sdk's default retries a connection error on every call, so a ``chat.postMessage`` that Slack
accepted before the connection dropped is sent twice. Here a call is retried after a connection error
only when the request cannot have reached Slack (the connection was refused, the name did not
resolve) or the method changes nothing (``auth.test``, ``conversations.history``, ``views.publish``).
A 429 is retried after its ``Retry-After`` only up to ``MAX_RETRY_AFTER`` seconds: a longer wait fails
the call with ``ratelimited`` (the digest records it and the next run tries again) instead of putting a
worker to sleep for a day.
"""
from __future__ import annotations

import socket
from urllib.error import URLError

from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler

MAX_RETRY_AFTER = 30  # seconds
# Web API methods that create something: sending one twice makes two.
NOT_IDEMPOTENT = frozenset({"chat.postMessage", "chat.postEphemeral", "chat.scheduleMessage", "chat.meMessage",
                            "files.completeUploadExternal", "files.getUploadURLExternal"})


def _never_sent(error: Exception) -> bool:
    reason = error.reason if isinstance(error, URLError) else error
    return isinstance(reason, (ConnectionRefusedError, socket.gaierror))


class SafeConnectionErrorRetryHandler(ConnectionErrorRetryHandler):
    """Retry a connection error only when resending cannot make a second message.

    >>> from slack_sdk.http_retry.request import HttpRequest
    >>> handler, state = SafeConnectionErrorRetryHandler(), __import__("slack_sdk").http_retry.RetryState()
    >>> post = HttpRequest(method="POST", url="https://slack.com/api/chat.postMessage", headers={})
    >>> handler.can_retry(state=state, request=post, error=ConnectionResetError())
    False
    >>> handler.can_retry(state=state, request=post, error=URLError(ConnectionRefusedError()))
    True
    """

    def _can_retry(self, *, state, request, response=None, error=None) -> bool:
        if not super()._can_retry(state=state, request=request, response=response, error=error):
            return False
        method = request.url.rstrip("/").rsplit("/", 1)[-1].split("?")[0]
        return _never_sent(error) or ("/api/" in request.url and method not in NOT_IDEMPOTENT)


class CappedRateLimitErrorRetryHandler(RateLimitErrorRetryHandler):
    """Retry a 429 after its Retry-After, unless Slack asks for a wait longer than ``max_wait`` seconds."""

    def __init__(self, max_retry_count: int = 3, max_wait: int = MAX_RETRY_AFTER):
        super().__init__(max_retry_count=max_retry_count)
        self.max_wait = max_wait

    def _can_retry(self, *, state, request, response=None, error=None) -> bool:
        if not super()._can_retry(state=state, request=request, response=response, error=error):
            return False
        wait = next((v for k, v in response.headers.items() if k.lower() == "retry-after"), ["1"])
        wait = wait[0] if isinstance(wait, list) else wait
        try:
            return int(wait) <= self.max_wait
        except ValueError:
            return False


def web_api_retries() -> list:
    return [SafeConnectionErrorRetryHandler(), CappedRateLimitErrorRetryHandler()]


def response_url_retries() -> list:
    # a response_url post makes a message too: the same rules as chat.postMessage
    return [SafeConnectionErrorRetryHandler(), CappedRateLimitErrorRetryHandler()]
