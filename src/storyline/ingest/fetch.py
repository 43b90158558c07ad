"""Fetch pages and feeds over HTTP, politely.

Polite: a user agent that names storyline, a timeout, a size limit, a pause
between two requests to one host, robots.txt honoured, and conditional
requests (ETag, Last-Modified) so that a feed polled every few minutes is
sent again only when it changed.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.parse
import urllib.request
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


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 (not modified since ``etag``/``modified``)
    body: bytes
    content_type: str = ""
    etag: str | None = None
    modified: str | None = None


@dataclass
class Fetcher:
    """One polite HTTP client; keep one per run so the pauses and robots.txt
    answers carry over between requests."""

    timeout: float = TIMEOUT_S
    delay: float = HOST_DELAY_S
    max_bytes: int = MAX_BYTES
    user_agent: str = USER_AGENT
    robots: bool = True
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _last: dict[str, float] = field(default_factory=dict)
    _rules: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)

    def get(self, url: str, etag: str | None = None, modified: str | None = None) -> Response:
        """GET ``url``; raises InputError (one line naming the URL) on any failure."""
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise InputError(url, "not an http(s) URL")
        if self.robots and not self._allowed(parts, url):
            raise InputError(url, f"the site's robots.txt does not allow {self.user_agent} here")
        headers = {"User-Agent": self.user_agent, "Accept-Encoding": "identity"}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        return self._request(url, headers, parts.netloc)

    def _request(self, url: str, headers: dict[str, str], host: str) -> Response:
        wait = self._last.get(host, -1e9) + self.delay - self.clock()
        if wait > 0:
            self.sleep(wait)
        self._last[host] = self.clock()
        try:
            with urllib.request.urlopen(
                urllib.request.Request(url, headers=headers), timeout=self.timeout
            ) as r:
                length = r.headers.get("Content-Length")
                if length and length.isdigit() and int(length) > self.max_bytes:
                    raise InputError(
                        url,
                        f"the page is {int(length):,} bytes, over the limit of {self.max_bytes:,}",
                    )
                body = r.read(self.max_bytes + 1)
                if len(body) > self.max_bytes:
                    raise InputError(url, f"the page is over the limit of {self.max_bytes:,} bytes")
                return Response(
                    r.geturl(),
                    r.status,
                    body,
                    r.headers.get("Content-Type", ""),
                    r.headers.get("ETag"),
                    r.headers.get("Last-Modified"),
                )
        except urllib.error.HTTPError as e:
            if e.code == 304:
                return Response(
                    url,
                    304,
                    b"",
                    etag=headers.get("If-None-Match"),
                    modified=headers.get("If-Modified-Since"),
                )
            raise InputError(url, f"the server answered {e.code} {e.reason}") from None
        except urllib.error.URLError as e:
            raise InputError(url, f"cannot fetch ({e.reason})") from None
        except TimeoutError:
            raise InputError(url, f"no answer within {self.timeout:g} s") from None
        except OSError as e:
            raise InputError(url, f"cannot fetch ({e.strerror or e})") from None

    def _allowed(self, parts: urllib.parse.SplitResult, url: str) -> bool:
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self._rules:
            self._rules[root] = self._robots(root, parts.netloc)
        rules = self._rules[root]
        return rules is None or rules.can_fetch(self.user_agent, url)

    def _robots(self, root: str, host: str) -> urllib.robotparser.RobotFileParser | None:
        """The site's rules; None (all allowed) where it has no robots.txt."""
        try:
            r = self._request(root + "/robots.txt", {"User-Agent": self.user_agent}, host)
        except InputError as e:
            if " 401 " in str(e) or " 403 " in str(e):  # as urllib.robotparser reads them: keep out
                rules = urllib.robotparser.RobotFileParser()
                rules.parse(["User-agent: *", "Disallow: /"])
                return rules
            return None
        rules = urllib.robotparser.RobotFileParser()
        rules.parse(r.body.decode("utf-8", "replace").splitlines())
        return rules
