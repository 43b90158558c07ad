"""The web app's HTTP edges: one error shape, a request body limit, security headers.

Every error is ``{"error": {"status": N, "message": "...", "detail": ...}}``
for a JSON request (a ``.json`` path, or one that accepts JSON and not HTML)
and an HTML page with the same message for a browser.
"""

from __future__ import annotations

import ipaddress
import json
import re
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


class _HttpMiddleware:
    """An ASGI middleware that acts on HTTP requests and passes the rest on."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        await self.http(scope, receive, send)

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        raise NotImplementedError


class SecurityHeaders(_HttpMiddleware):
    """Add SECURITY_HEADERS to every response."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)


def check_origin(request: Request) -> None:
    """A POST must show that it comes from a page of this app: an Origin
    header naming this host, or (where a browser sends no Origin, or "null")
    ``Sec-Fetch-Site: same-origin``. A browser sets both itself, so a page of
    another site cannot add articles to a reader's local store behind their
    back; a script (curl) must say ``-H "Origin: http://HOST:PORT"``."""
    origin = request.headers.get("origin")
    if origin in (None, "null"):
        if request.headers.get("sec-fetch-site", "").lower() == "same-origin":
            return
        raise WebError(
            status.HTTP_403_FORBIDDEN,
            "cross-site request refused: a POST must carry this site's Origin header",
            {"origin": origin},
        )
    host = request.headers.get("host", "")
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https") or parts.netloc.lower() != host.lower():
        raise WebError(status.HTTP_403_FORBIDDEN, "cross-site request refused", {"origin": origin})


# A Host header: a name or IPv4 address, or an IPv6 address in brackets, and an optional port.
_HOST_HEADER = re.compile(r"(?:\[(?P<v6>[0-9A-Fa-f:.]+)\]|(?P<name>[^:\[\]]+))(?::[0-9]{1,5})?")


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name, no port) is ``localhost`` or a loopback IP
    address written out whole: "127.0.0.1.evil.example" is not."""
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def host_name(header: str) -> str | None:
    """The name in a Host header, without its port: "[::1]:8000" -> "::1";
    None where the header is not a host with an optional port."""
    m = _HOST_HEADER.fullmatch(header.strip())
    return None if m is None else (m.group("v6") or m.group("name"))


class HostCheck:
    """Bound to loopback, answer only requests addressed to a loopback
    address or ``localhost`` (with any port), so a web page cannot reach the
    app through a DNS name rebound to 127.0.0.1."""

    def __init__(self, app: ASGIApp, bind_host: str, error_page: ErrorPage) -> None:
        self.app, self.error_page = app, error_page
        self.check = is_loopback(bind_host)  # served to a network on purpose: any name

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.check and scope["type"] == "http":
            header = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
            name = host_name(header)
            if name is None or not is_loopback(name):
                response = self.error_page(
                    Request(scope),
                    status.HTTP_400_BAD_REQUEST,
                    "invalid Host header",
                    {"host": header},
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def without_paths(data: Any) -> Any:
    """``data`` with every ``path`` key left out, at any depth."""
    if isinstance(data, dict):
        return {k: without_paths(v) for k, v in data.items() if k != "path"}
    if isinstance(data, list):
        return [without_paths(v) for v in data]
    return data


def _without_paths(body: bytes) -> bytes:
    if not body.strip():  # a HEAD request's
        return body
    data = json.loads(body)
    return json.dumps(
        without_paths(data), ensure_ascii=False, allow_nan=False, separators=(",", ":")
    ).encode("utf-8")


class NoLocalPaths(_HttpMiddleware):
    """Leave the ``path`` of articles (where a file lay on the reader's disk)
    out of every JSON response: a page must not learn the reader's file names."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        start: Message | None = None
        chunks: list[bytes] = []

        async def strip(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                kind = dict(message.get("headers", [])).get(b"content-type", b"")
                if kind.startswith(b"application/json"):
                    start = message  # held until the body is whole
                    return
            elif message["type"] == "http.response.body" and start is not None:
                chunks.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                body = _without_paths(b"".join(chunks))
                headers = [
                    (k, str(len(body)).encode() if k.lower() == b"content-length" else v)
                    for k, v in start.get("headers", [])
                ]
                await send({**start, "headers": headers})
                message = {"type": "http.response.body", "body": body}
            await send(message)

        await self.app(scope, receive, strip)
