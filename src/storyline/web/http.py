"""The web app's HTTP edges: one error shape, a request body limit, security headers.

Every error is ``{"error": {"status": N, "message": "...", "detail": ...}}``
for a JSON request (a ``.json`` path, or one that accepts JSON and not HTML)
and an HTML page with the same message for a browser.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from starlette import status
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# 5 MB: a news page is well under 2 MB of HTML and a pasted article ~100 KB;
# a larger body is a mistake (a video, a dump) and is refused before reading it.
MAX_BODY_BYTES = 5_000_000

# No inline script or style runs, so an article's text that slipped through
# escaping still could not act; every asset is served by the app itself.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
    "object-src 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)

ErrorPage = Callable[[Request, int, str, Any], Response]


class WebError(HTTPException):
    """An error to show the reader: a status, a one-line message and optional detail."""

    def __init__(self, status: int, message: str, detail: Any = None) -> None:
        super().__init__(status, message)
        self.message = message
        self.extra = detail


def accepts_json(request: Request) -> bool:
    """Whether the request asks for JSON and not HTML (a script, not a browser)."""
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def wants_json(request: Request) -> bool:
    return request.url.path.endswith(".json") or accepts_json(request)


def error_body(status: int, message: str, detail: Any = None) -> dict[str, Any]:
    return {"error": {"status": status, "message": message, "detail": detail}}


def error_json(status: int, message: str, detail: Any = None) -> JSONResponse:
    return JSONResponse(error_body(status, message, detail), status_code=status)


class BodyLimit:
    """Refuse request bodies over ``max_bytes`` with 413: at once when the
    Content-Length says so, else as soon as the streamed body passes it."""

    def __init__(self, app: ASGIApp, max_bytes: int, error_page: ErrorPage) -> None:
        self.app, self.max_bytes, self.error_page = app, max_bytes, error_page

    def _message(self) -> str:
        return f"request body over the limit of {self.max_bytes:,} bytes"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            too_long = length.isdigit()
            code = status.HTTP_413_CONTENT_TOO_LARGE if too_long else status.HTTP_400_BAD_REQUEST
            message = self._message() if too_long else "invalid Content-Length"
            response = self.error_page(Request(scope), code, message, {"limit": self.max_bytes})
            await response(scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise WebError(
                        status.HTTP_413_CONTENT_TOO_LARGE,
                        self._message(),
                        {"limit": self.max_bytes},
                    )
            return message

        await self.app(scope, limited, send)


class SecurityHeaders:
    """Add SECURITY_HEADERS to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)


def check_origin(request: Request) -> None:
    """A POST from a page of another site is refused: a page on the web must
    not add articles to a reader's local store behind their back."""
    origin = request.headers.get("origin")
    if origin is None:  # not sent by a browser's cross-site form; curl and tests send none
        return
    host = request.headers.get("host", "")
    if origin == "null" or urlsplit(origin).netloc.lower() != host.lower():
        raise WebError(status.HTTP_403_FORBIDDEN, "cross-site request refused", {"origin": origin})


LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def is_loopback(host: str) -> bool:
    return host.strip("[]") in LOOPBACK_HOSTS or host.startswith("127.")


def host_name(header: str) -> str:
    """The name in a Host header, without its port: "[::1]:8000" -> "::1"."""
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class HostCheck:
    """Bound to loopback, answer only requests addressed to a loopback name, so
    a web page cannot reach the app through a DNS name rebound to 127.0.0.1."""

    def __init__(self, app: ASGIApp, bind_host: str, error_page: ErrorPage) -> None:
        self.app, self.error_page = app, error_page
        self.check = is_loopback(bind_host)  # served to a network on purpose: any name

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.check and scope["type"] == "http":
            header = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
            if not is_loopback(host_name(header).lower()):
                response = self.error_page(
                    Request(scope),
                    status.HTTP_400_BAD_REQUEST,
                    "invalid Host header",
                    {"host": header},
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
