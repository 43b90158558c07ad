"""Feeds and URLs: read from a local feed file and a local HTTP server, politely;
watched until Ctrl-C."""

from __future__ import annotations

import html
import queue
import signal
import subprocess
import sys
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from storyline.ingest.fetch import USER_AGENT, Fetcher
from storyline.ingest.sources import read_sources
from storyline.store import open_store
from tests.store_support import SEED_IDS, cli_env, seed_articles, whole_store_problems


def _item(n: str, title: str, link: str, body: str | None, teaser: str = "") -> str:
    content = ""
    if body is not None:
        paras = "".join(f"<p>{html.escape(line)}</p>" for line in body.split("\n") if line.strip())
        content = f"<content:encoded><![CDATA[{paras}]]></content:encoded>"
    return (
        f"<item><title>{title}</title><link>{link}</link><guid>{n}</guid>"
        f"<pubDate>Tue, 27 Jan 2026 10:00:00 GMT</pubDate>"
        f"<description>{html.escape(teaser)}</description>{content}</item>"
    )


def _feed(*items: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        "<title>Motoring Wire</title><link>http://127.0.0.1/</link>"
        + "".join(items)
        + "</channel></rss>"
    )


def _page(text: str) -> str:
    paras = "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())
    return (
        f"<html><head><title>Talks</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Talks</h1>{paras}</article></body></html>"
    )


class _Handler(SimpleHTTPRequestHandler):
    agents: list[str] = []
    paths: list[str] = []

    def log_message(self, *args: object) -> None:  # keep the test output clean
        pass

    def do_GET(self) -> None:
        self.agents.append(self.headers.get("User-Agent", ""))
        self.paths.append(self.path)
        super().do_GET()


@pytest.fixture()
def site(tmp_path):
    """A local web site (127.0.0.1 only) serving tmp_path/site."""
    root = tmp_path / "site"
    (root / "articles").mkdir(parents=True)
    _Handler.agents, _Handler.paths = [], []
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _text(i: int) -> str:
    return seed_articles()[SEED_IDS[i]].text


def test_a_feed_file_gives_its_entries_with_the_feed_metadata(tmp_path):
    feed = tmp_path / "motoring.xml"
    feed.write_text(
        _feed(
            _item("1", "Deal near", "https://example.com/a", _text(1)),
            _item("2", "No deal yet", "https://example.com/b", _text(2)),
        ),
        encoding="utf-8",
    )
    outcomes = read_sources([feed], fetcher=Fetcher(robots=False))
    articles = [a for o in outcomes for a in o.articles]
    assert [(a.title, a.source, a.date, a.url) for a in articles] == [
        ("No deal yet", "Motoring Wire", "2026-01-27", "https://example.com/b"),
        ("Deal near", "Motoring Wire", "2026-01-27", "https://example.com/a"),
    ]
    assert "Crucially, no deal has been announced" in articles[0].text


def test_a_feed_url_is_fetched_politely_and_teasers_read_from_their_pages(site):
    root, base = site
    (root / "articles" / "002.html").write_text(_page(_text(2)), encoding="utf-8")
    (root / "feed.xml").write_text(
        _feed(
            _item("1", "Deal near", f"{base}/articles/001.html", _text(1)),
            _item(
                "2",
                "No deal yet",
                f"{base}/articles/002.html",
                None,
                teaser="JLR and Chery: what we know.",
            ),
        ),
        encoding="utf-8",
    )
    outcomes = read_sources([f"{base}/feed.xml"], fetcher=Fetcher(delay=0.0, allow_private=True))
    assert all(o.ok for o in outcomes), [o.error for o in outcomes]
    by_title = {a.title: a for o in outcomes for a in o.articles}
    assert "Crucially, no deal has been announced" in by_title["No deal yet"].text  # from the page
    assert by_title["No deal yet"].url == f"{base}/articles/002.html"
    assert set(_Handler.agents) == {USER_AGENT} and USER_AGENT.startswith("storyline/")


def test_entries_already_stored_are_not_fetched_again(site):
    root, base = site
    (root / "feed.xml").write_text(
        _feed(_item("2", "No deal yet", f"{base}/articles/002.html", None)), encoding="utf-8"
    )
    outcomes = read_sources(
        [f"{base}/feed.xml"],
        fetcher=Fetcher(delay=0.0, allow_private=True),
        known=lambda url: url.endswith("/002.html"),
    )
    assert outcomes == []
    assert _Handler.paths == ["/robots.txt", "/feed.xml"]  # not the page


def test_a_page_the_site_keeps_bots_from_is_not_fetched(site):
    root, base = site
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /articles/\n", encoding="utf-8")
    (root / "articles" / "001.html").write_text(_page(_text(1)), encoding="utf-8")
    (outcome,) = read_sources(
        [f"{base}/articles/001.html"], fetcher=Fetcher(delay=0.0, allow_private=True)
    )
    assert "robots.txt" in outcome.error and outcome.error.startswith(f"{base}/articles/001.html: ")


def test_a_missing_page_is_one_line_naming_it(site):
    _, base = site
    (outcome,) = read_sources([f"{base}/nope.html"], fetcher=Fetcher(delay=0.0, allow_private=True))
    assert outcome.error == f"{base}/nope.html: the server answered 404 File not found"


def test_articles_from_a_feed_are_stored_and_read(tmp_path):
    feed = tmp_path / "motoring.xml"
    feed.write_text(
        _feed(
            _item("1", "Deal near", "https://example.com/a", _text(1)),
            _item("2", "No deal yet", "https://example.com/b", _text(2)),
        ),
        encoding="utf-8",
    )
    with open_store(tmp_path / "s.db") as store:
        result = store.add(read_sources([feed], fetcher=Fetcher(robots=False)))
        assert [a.article for a in result.added] == ["example.com/b", "example.com/a"]
        assert store.has_url("https://example.com/a")
        assert any(c.verdict_to == "disputed" for c in store.changes("s1"))


def _lines(stream, out: queue.Queue) -> None:
    for line in stream:
        out.put(line)


def _wait_for(lines: queue.Queue, seen: list[str], needle: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not any(needle in line for line in seen):
        try:
            seen.append(lines.get(timeout=max(0.1, deadline - time.monotonic())))
        except queue.Empty:
            raise AssertionError(f"no {needle!r} in {seen}") from None


def test_watch_adds_new_items_prints_changes_and_stops_cleanly_on_ctrl_c(site, tmp_path):
    root, base = site
    feed = root / "feed.xml"
    first = _item("1", "Deal near", f"{base}/articles/001.html", _text(1))
    feed.write_text(_feed(first), encoding="utf-8")
    db = tmp_path / "s.db"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "storyline.cli",
            "watch",
            f"{base}/feed.xml",
            "--allow-private",
            "--every",
            "1s",
            "--db",
            str(db),
        ],
        env=cli_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_lines, args=(proc.stdout, lines), daemon=True).start()
    seen: list[str] = []
    try:
        _wait_for(lines, seen, "articles/001.html -> s1 (new story)")
        feed.write_text(
            _feed(first, _item("2", "No deal yet", f"{base}/articles/002.html", _text(2))),
            encoding="utf-8",
        )
        _wait_for(lines, seen, "articles/002.html -> s1 (joined)")
        _wait_for(lines, seen, "-> disputed")
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 0
    assert "stopped" in proc.stderr.read()
    assert whole_store_problems(db) == []
    with open_store(db) as store:
        assert [s.articles for s in store.stories()] == [2]
