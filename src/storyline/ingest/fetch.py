"""Fetch pages and feeds over HTTP, politely and from the public web only.

Polite: a user agent that names storyline, a size limit, a pause between two
requests to one host, robots.txt honoured (RFC 9309: checked again on each
host a redirect leads to; a robots.txt the server fails to give, 5xx or no
answer, keeps the fetcher out), and conditional requests (ETag,
Last-Modified) so that a feed polled every few minutes is sent again only
when it changed.

Safe: only http and https; every host, the first and each redirect's, is
resolved and refused unless all its addresses are public (not loopback,
private, link-local, unique-local, IPv4-mapped, multicast, reserved or
unspecified), and the connection goes to the address that was checked, so a
DNS answer that changes in between cannot point it inside the network. A
feed on the intranet needs ``allow_private`` (``--allow-private``). The
whole fetch, redirects included, has one deadline (``timeout``): a server
that sends a byte now and then cannot hold it. Proxy settings
(``$http_proxy``) are not used: the address checked must be the one reached.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
import time
import urllib.parse
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field

from storyline.errors import InputError
from storyline.ingest.files import MAX_BYTES
from storyline.version import __version__

USER_AGENT = f"storyline/{__version__}"
TIMEOUT_S = 20.0  # a news page or feed answers in a second or two; 20 s is a stalled server
# Between two requests to one host: one a second is the pace most sites'
# crawl guidance asks of a bot that has no Crawl-delay of its own.
HOST_DELAY_S = 1.0
# RFC 9309 asks a crawler to follow at least five redirects (for robots.txt);
# browsers stop at about twenty. Five reach any news page.
MAX_REDIRECTS = 5
# How long a site's robots.txt answer is kept: a day where it was read (RFC
# 9309 §2.4), ten minutes where the server failed to give it, so a watch
# that runs for weeks sees a site come back.
ROBOTS_TTL_S = 24 * 3600.0
ROBOTS_RETRY_S = 600.0
_REDIRECTS = (301, 302, 303, 307, 308)
# NAT64's well-known prefix: its addresses stand for IPv4 ones.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 (not modified since ``etag``/``modified``)
    body: bytes
    content_type: str = ""
    etag: str | None = None
    modified: str | None = None


def is_public(address: str) -> bool:
    """Whether an IP address is on the public internet: not loopback,
    private, link-local, unique-local, multicast, reserved, unspecified,
    shared (CGNAT), nor an IPv6 form of an IPv4 address that is not."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return False  # ::ffff:a.b.c.d: refused whole, whatever it maps to
        embedded = ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None and not is_public(str(embedded)):
            return False
    return ip.is_global and not (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


def _connect(address: str, port: int, timeout: float | None, watch: _Watchdog) -> socket.socket:
    sock = socket.create_connection((address, port), timeout)
    watch.guard(sock)
    return sock


class _PinnedHTTP(http.client.HTTPConnection):
    """A connection to ``address`` for the host named in the URL: the Host
    header is the host's; the TCP connection goes to the address checked."""

    def __init__(self, host: str, port: int, address: str, timeout: float, watch: _Watchdog):
        super().__init__(host, port, timeout=timeout)
        self.address, self.watch = address, watch

    def connect(self) -> None:
        self.sock = _connect(self.address, self.port, self.timeout, self.watch)


class _PinnedHTTPS(http.client.HTTPSConnection):
    """As _PinnedHTTP, over TLS: the server name (SNI) and the certificate
    checked are the host's."""

    def __init__(self, host: str, port: int, address: str, timeout: float, watch: _Watchdog):
        super().__init__(host, port, timeout=timeout, context=_tls())
        self.address, self.watch = address, watch

    def connect(self) -> None:
        sock = _connect(self.address, self.port, self.timeout, self.watch)
        context: ssl.SSLContext = self._context  # type: ignore[attr-defined]
        self.sock = context.wrap_socket(sock, server_hostname=self.host)


_TLS: ssl.SSLContext | None = None


def _tls() -> ssl.SSLContext:
    global _TLS
    if _TLS is None:  # loading the CA certificates takes a while: once
        _TLS = ssl.create_default_context()
    return _TLS


class _Watchdog:
    """Shuts the fetch's socket down when its deadline passes: a read that
    waits then returns at once, however the server drips its bytes."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.expired = False
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._expire)
        self._timer.daemon = True
        self._timer.start()

    def left(self) -> float:
        return self.deadline - time.monotonic()

    def guard(self, sock: socket.socket) -> None:
        with self._lock:
            self._sock = sock
            if self.expired:
                self._shut()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            self._shut()

    def _shut(self) -> None:
        if self._sock is not None:
            try:
                self._sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cancel(self) -> None:
        self._timer.cancel()


@dataclass
class _Rules:
    rules: urllib.robotparser.RobotFileParser | None  # None: all allowed
    until: float
    why: str = ""  # where all is refused for want of a robots.txt: why


@dataclass
class Fetcher:
    """One polite HTTP client; keep one per run so the pauses and robots.txt
    answers carry over between requests. ``timeout`` bounds one whole fetch,
    redirects and robots.txt included; ``allow_private`` lets it reach
    loopback and private addresses (an intranet feed)."""

    timeout: float = TIMEOUT_S
    delay: float = HOST_DELAY_S
    max_bytes: int = MAX_BYTES
    user_agent: str = USER_AGENT
    robots: bool = True
    allow_private: bool = False
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _last: dict[str, float] = field(default_factory=dict)
    _rules: dict[str, _Rules] = field(default_factory=dict)

    def get(self, url: str, etag: str | None = None, modified: str | None = None) -> Response:
        """GET ``url``; raises InputError (one line naming the URL) on any failure."""
        watch = _Watchdog(time.monotonic() + self.timeout)
        try:
            return self._get(url, etag, modified, watch)
        finally:
            watch.cancel()

    def _get(self, url: str, etag: str | None, modified: str | None, watch: _Watchdog) -> Response:
        headers = {
            "User-Agent": self.user_agent,
            "Accept-Encoding": "identity",
            "Connection": "close",
        }
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        at = url
        for _ in range(MAX_REDIRECTS + 1):
            parts = _http_parts(url, at)
            if self.robots:
                self._check_robots(url, at, parts, watch)
            status, r = self._request(url, at, parts, headers, watch)
            if status in _REDIRECTS:
                assert isinstance(r, dict)
                location = r.get("location")
                if not location:
                    raise InputError(url, f"the server answered {status} with no Location")
                at = urllib.parse.urljoin(at, location.strip())
                continue
            if status == 304:
                return Response(at, 304, b"", etag=etag, modified=modified)
            assert isinstance(r, _Answer)
            return Response(at, status, r.body, r.type, r.etag, r.modified)
        raise InputError(url, f"more than {MAX_REDIRECTS} redirects")

    def _request(
        self,
        url: str,
        at: str,
        parts: urllib.parse.SplitResult,
        headers: dict[str, str],
        watch: _Watchdog,
    ) -> tuple[int, _Answer | dict[str, str]]:
        """One GET of ``at`` (reached from ``url``): the status and, for a
        redirect, its headers, else the answer. Raises InputError naming ``url``."""
        port = parts.port or (443 if parts.scheme == "https" else 80)
        try:
            host = (parts.hostname or "").encode("idna").decode("ascii")
        except UnicodeError:
            raise InputError(url, f"not a valid host name: {parts.hostname}") from None
        address = self._address(url, at, host, port)
        wait = self._last.get(parts.netloc, -1e9) + self.delay - self.clock()
        if wait > 0:
            self.sleep(min(wait, max(0.0, watch.left())))
        self._last[parts.netloc] = self.clock()
        if watch.left() <= 0:
            raise self._late(url)
        kind = _PinnedHTTPS if parts.scheme == "https" else _PinnedHTTP
        conn = kind(host, port, address, watch.left(), watch)
        try:
            target = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
            conn.request("GET", target, headers=headers)
            r = conn.getresponse()
            if r.status in _REDIRECTS:
                return r.status, {"location": r.getheader("Location") or ""}
            if r.status == 304:
                return 304, {}
            if r.status >= 400:
                raise InputError(url, f"the server answered {r.status} {r.reason}")
            length = r.getheader("Content-Length")
            if length and length.isdigit() and int(length) > self.max_bytes:
                raise InputError(
                    url, f"the page is {int(length):,} bytes, over the limit of {self.max_bytes:,}"
                )
            body = r.read(self.max_bytes + 1)
            if watch.expired:
                raise self._late(url)
            if len(body) > self.max_bytes:
                raise InputError(url, f"the page is over the limit of {self.max_bytes:,} bytes")
            return r.status, _Answer(
                body,
                r.getheader("Content-Type", ""),
                r.getheader("ETag"),
                r.getheader("Last-Modified"),
            )
        except InputError:
            raise
        except TimeoutError:
            raise self._late(url) from None
        except (OSError, ValueError, http.client.HTTPException) as e:
            if watch.expired:
                raise self._late(url) from None
            reason = e.strerror if isinstance(e, OSError) and e.strerror else e
            raise InputError(url, f"cannot fetch ({reason or type(e).__name__})") from None
        finally:
            conn.close()

    def _late(self, url: str) -> InputError:
        return InputError(url, f"no complete answer within {self.timeout:g} s")

    def _address(self, url: str, at: str, host: str, port: int) -> str:
        """The address to connect to for ``host``: all it resolves to must be
        public (unless allow_private); the first is used."""
        try:
            found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            addresses = [str(info[4][0]) for info in found]
        except (OSError, UnicodeError) as e:
            reason = e.strerror if isinstance(e, OSError) and e.strerror else e
            raise InputError(url, f"cannot fetch (cannot resolve {host}: {reason})") from None
        if not addresses:
            raise InputError(url, f"cannot fetch (no address for {host})")
        if not self.allow_private:
            inside = [a for a in addresses if not is_public(a)]
            if inside:
                via = "" if at == url else f" (redirected to {at})"
                raise InputError(
                    url,
                    f"refused: {host} is at {inside[0]}, not a public address{via}; "
                    "--allow-private fetches from the local network",
                )
        return addresses[0]

    # -- robots.txt ---------------------------------------------------------

    def _check_robots(
        self, url: str, at: str, parts: urllib.parse.SplitResult, watch: _Watchdog
    ) -> None:
        root = f"{parts.scheme}://{parts.netloc}"
        known = self._rules.get(root)
        if known is None or known.until <= self.clock():
            known = self._rules[root] = self._robots(url, root, watch)
        if known.why:
            raise InputError(url, f"{known.why}; RFC 9309 says keep out")
        if known.rules is not None and not known.rules.can_fetch(self.user_agent, at):
            raise InputError(url, f"the site's robots.txt does not allow {self.user_agent} here")

    def _robots(self, url: str, root: str, watch: _Watchdog) -> _Rules:
        """The site's rules, fetched (following redirects, each hop checked)."""
        robots_url = root + "/robots.txt"
        headers = {
            "User-Agent": self.user_agent,
            "Accept-Encoding": "identity",
            "Connection": "close",
        }
        at = robots_url
        now = self.clock()
        for _ in range(MAX_REDIRECTS + 1):
            try:
                parts = _http_parts(url, at)
                status, r = self._request(url, at, parts, headers, watch)
            except InputError as e:
                problem = e.problem
                if problem.startswith("the server answered 4"):
                    if problem.startswith(("the server answered 401", "the server answered 403")):
                        return _Rules(_keep_out(), now + ROBOTS_TTL_S)  # as urllib reads them
                    return _Rules(None, now + ROBOTS_TTL_S)  # no robots.txt: all allowed
                if problem.startswith(("refused:", "no complete answer")):
                    raise
                why = f"{robots_url} could not be read ({problem})"
                return _Rules(None, now + ROBOTS_RETRY_S, why)
            if status in _REDIRECTS:
                assert isinstance(r, dict)
                at = urllib.parse.urljoin(at, r.get("location", "").strip())
                continue
            assert isinstance(r, _Answer)
            rules = urllib.robotparser.RobotFileParser()
            rules.parse(r.body.decode("utf-8", "replace").splitlines())
            return _Rules(rules, now + ROBOTS_TTL_S)
        return _Rules(None, now + ROBOTS_TTL_S)  # too many redirects: as if none (RFC 9309)


@dataclass(frozen=True)
class _Answer:
    body: bytes
    type: str
    etag: str | None
    modified: str | None


def _keep_out() -> urllib.robotparser.RobotFileParser:
    rules = urllib.robotparser.RobotFileParser()
    rules.parse(["User-agent: *", "Disallow: /"])
    return rules


def _http_parts(url: str, at: str) -> urllib.parse.SplitResult:
    """``at`` split, where it is an http(s) URL with a host; else InputError naming ``url``."""
    try:
        parts = urllib.parse.urlsplit(at)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise InputError(url, f"not a valid URL: {at}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        if at == url:
            raise InputError(url, "not an http(s) URL")
        raise InputError(url, f"redirected to {at}, not an http(s) URL")
    return parts
