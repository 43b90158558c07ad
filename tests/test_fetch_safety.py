"""The fetcher reaches the public web only, follows robots.txt on every host a
redirect leads to, and gives up on a whole fetch at its deadline.

Every request here goes to a server on 127.0.0.1 that the test starts itself;
addresses elsewhere appear only where the fetcher must refuse them unsent."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from storyline.errors import InputError
from storyline.ingest import fetch
from storyline.ingest.fetch import Fetcher, is_public

PAGE = (
    b"<html><head><title>Library reopens</title></head><body><article>"
    b"<h1>Library reopens</h1><p>The council said on Monday that the branch library "
    b"in Ripley would reopen in May after a two-year refit costing 3 million pounds.</p>"
    b"<p>A spokesman said about 40,000 people used the library each year before it closed.</p>"
    b"</article></body></html>"
)


class _Site(http.server.BaseHTTPRequestHandler):
    """Routes: /page, /robots.txt (as ``robots`` says), /go?to=URL (302),
    /drip-body and /drip-head (a byte every 50 ms, for ever)."""

    routes: dict  # set per server
    seen: list

    def do_GET(self) -> None:
        self.seen.append(self.path)
        path, _, query = self.path.partition("?")
        if path == "/robots.txt":
            status, body = self.routes.get("robots", (404, b""))
            self._send(status, body, "text/plain")
        elif path == "/page":
            self._send(200, PAGE, "text/html; charset=utf-8")
        elif path == "/go":
            self.send_response(302)
            self.send_header("Location", query.removeprefix("to="))
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/drip-body":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self._drip(b"x")
        elif path == "/drip-head":
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            self._drip(b"X-Slow: " + b"y" * 60 + b"\r\n")
        else:
            self._send(404, b"not here", "text/plain")

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _drip(self, unit: bytes) -> None:
        try:
            for _ in range(2_000):  # 100 s at most, should the fetcher not give up
                for byte in unit:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.05)
        except OSError:
            pass  # the fetcher hung up: as it should

    def log_message(self, *args) -> None:
        pass


@contextmanager
def _server(**routes) -> Iterator[tuple[str, list]]:
    seen: list = []
    handler = type("Site", (_Site,), {"routes": routes, "seen": seen})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture()
def site():
    with _server() as s:
        yield s


def _refused(fetcher: Fetcher, url: str) -> str:
    with pytest.raises(InputError) as e:
        fetcher.get(url)
    return e.value.problem


# -- which addresses ----------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.8.9.10",
        "::1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",  # the cloud metadata service
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "::ffff:127.0.0.1",
        "::ffff:8.8.8.8",  # IPv4-mapped: refused whatever it maps to
        "2002:7f00:1::1",  # 6to4 of 127.0.0.1
        "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
        "224.0.0.1",
        "ff02::1",
        "240.0.0.1",
        "0.0.0.0",
        "::",
        "100.64.0.1",
        "192.0.2.1",
        "fe80::1%eth0",
    ],
)
def test_addresses_that_are_not_public(address):
    assert not is_public(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "93.184.216.34", "2606:4700:4700::1111"])
def test_public_addresses(address):
    assert is_public(address)


# -- loopback, private, redirects -----------------------------------------------


def test_loopback_is_refused_by_default_before_any_request(site):
    base, seen = site
    problem = _refused(Fetcher(delay=0), f"{base}/page")
    assert problem.startswith("refused: 127.0.0.1 is at 127.0.0.1, not a public address")
    assert "--allow-private" in problem
    assert _refused(Fetcher(delay=0), base.replace("127.0.0.1", "localhost") + "/page").startswith(
        "refused: localhost is at "
    )
    assert seen == []  # not even robots.txt


def test_loopback_is_fetched_with_allow_private(site):
    base, seen = site
    r = Fetcher(delay=0, allow_private=True).get(f"{base}/page")
    assert r.status == 200 and r.body == PAGE and r.url == f"{base}/page"
    assert seen == ["/robots.txt", "/page"]


def test_a_redirect_hop_to_a_private_address_is_refused(site, monkeypatch):
    base, seen = site
    checked: list[str] = []

    def first_is_public(address: str) -> bool:  # the first host stands for a public site
        checked.append(address)
        return len(checked) == 1

    monkeypatch.setattr(fetch, "is_public", first_is_public)
    problem = _refused(Fetcher(delay=0, robots=False), f"{base}/go?to={base}/page")
    assert problem.startswith("refused: 127.0.0.1 is at 127.0.0.1, not a public address")
    assert f"(redirected to {base}/page)" in problem
    assert seen == [f"/go?to={base}/page"]  # the private hop was never requested


def test_a_redirect_to_another_scheme_is_refused(site):
    base, seen = site
    for target in ("ftp://127.0.0.1/file", "file:///etc/passwd"):
        fetcher = Fetcher(delay=0, allow_private=True, robots=False)
        problem = _refused(fetcher, f"{base}/go?to={target}")
        assert problem == f"redirected to {target}, not an http(s) URL"
    assert _refused(Fetcher(delay=0), "ftp://127.0.0.1/file") == "not an http(s) URL"


def test_a_redirect_within_the_site_is_followed(site):
    base, seen = site
    r = Fetcher(delay=0, allow_private=True).get(f"{base}/go?to=/page")
    assert r.body == PAGE and r.url == f"{base}/page"


# -- robots.txt -------------------------------------------------------------------


def test_a_robots_txt_the_server_fails_to_give_keeps_the_fetcher_out():
    with _server(robots=(503, b"busy")) as (base, seen):
        problem = _refused(Fetcher(delay=0, allow_private=True), f"{base}/page")
    assert "robots.txt could not be read (the server answered 503" in problem
    assert "RFC 9309" in problem
    assert seen == ["/robots.txt"]


def test_robots_txt_is_checked_again_on_the_host_a_redirect_leads_to(site):
    base, seen = site
    with _server(robots=(200, b"User-agent: *\nDisallow: /\n")) as (other, other_seen):
        problem = _refused(Fetcher(delay=0, allow_private=True), f"{base}/go?to={other}/page")
    assert "robots.txt does not allow" in problem
    assert seen == ["/robots.txt", f"/go?to={other}/page"]
    assert other_seen == ["/robots.txt"]  # not the page


# -- the deadline -----------------------------------------------------------------


@pytest.mark.parametrize("path", ["/drip-body", "/drip-head"])
def test_a_slow_drip_is_cut_at_the_deadline_of_the_whole_fetch(site, path):
    base, _ = site
    fetcher = Fetcher(delay=0, allow_private=True, robots=False, timeout=1.0)
    started = time.monotonic()
    problem = _refused(fetcher, f"{base}{path}")
    took = time.monotonic() - started
    assert problem == "no complete answer within 1 s"
    assert took < 5, took  # each byte came well within the per-read timeout


# -- the command line and the web form ------------------------------------------------


def test_storyline_add_refuses_loopback_unless_allowed(site, tmp_path, capsys):
    from storyline.cli import main
    from storyline.store import open_store

    base, seen = site
    db = str(tmp_path / "s.db")
    assert main(["add", "--db", db, f"{base}/page"]) == 3  # nothing could be read
    assert "not a public address" in capsys.readouterr().err and seen == []
    assert main(["add", "--db", db, "--allow-private", f"{base}/page"]) == 0
    with open_store(db) as store:
        assert [s.articles for s in store.stories()] == [1]


def test_the_add_form_refuses_a_loopback_url():
    from storyline.web.intake import read_url

    with _server() as (base, seen):
        outcome = read_url(f"{base}/page", Fetcher(delay=0))
    assert not outcome.ok and "not a public address" in (outcome.error or "") and seen == []
