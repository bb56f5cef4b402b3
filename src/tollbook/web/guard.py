"""What every request passes before a page sees it: a body cap, and the headers every answer carries.

A plain ASGI middleware (no BaseHTTPMiddleware: it would buffer the body it must cap).
- A body over the cap is refused with 413 before it is read whole, and never echoed:
  the Content-Length is checked first, and a chunked body is counted as it streams.
- Every response carries a strict Content-Security-Policy (the UI has no script and
  loads nothing from elsewhere), nosniff, frame-ancestors none and a Referrer-Policy.
This module imports no web framework at load (the CLI reads its default from it).
The Host check (against DNS rebinding) is Starlette's TrustedHostMiddleware, given
`LOCAL_HOSTS` plus the names `tollbook serve --allow-host` adds.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

DEFAULT_MAX_BODY = 1_000_000
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]", "::1", "testserver")

CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


def _too_large_message(limit: int) -> str:
    return f"Request body over the {limit:,}-byte limit; send less (tollbook serve --max-body raises the limit)."


class RequestGuard:
    """ASGI middleware: 413 for bodies over `max_body` bytes; security headers on every response."""

    def __init__(self, app: ASGIApp, max_body: int = DEFAULT_MAX_BODY) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *((k, v) for k, v in SECURITY_HEADERS if k not in names)]
            await send(message)

        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await self._too_large(send_with_headers)
            return
        seen = 0

        async def counted_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    # a chunked body with no Content-Length: the app's error page answers 413
                    from starlette.exceptions import HTTPException

                    raise HTTPException(413, _too_large_message(self.max_body))
            return message

        await self.app(scope, counted_receive, send_with_headers)

    async def _too_large(self, send: Send) -> None:
        body = (_too_large_message(self.max_body) + "\n").encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                                (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})
