"""Articles from RSS and Atom feeds, read with feedparser.

An entry whose feed carries the whole article (``content:encoded``, Atom
``content``) is read from the feed; an entry that gives only a teaser is
read from its page, fetched politely. The feed's own metadata (title, date,
outlet, link) wins over the page's, as a publisher's record does in
read.py.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import replace
from html.parser import HTMLParser
from typing import Any

import feedparser

from storyline.errors import InputError
from storyline.model import Article, ReadOutcome

# An entry's own text at least this long is the article; shorter is a
# teaser, and the page is read instead. News stories run 300 to 1,500 words;
# feeds' summaries 20 to 80.
MIN_ARTICLE_WORDS = 150
# A feed file is named so, or begins (after an XML declaration and comments)
# with one of these root elements.
FEED_SUFFIXES = (".rss", ".atom", ".xml", ".rdf")
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
SNIFF_BYTES = 2048


def is_feed(data: bytes) -> bool:
    """Whether these bytes are an RSS, Atom or RDF feed (not an HTML page)."""
    head = data[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:5].lower() == b"<html" or head[:9].lower() == b"<!doctype":
        return False
    return bool(_FEED_ROOT.search(head))


class _Text(HTMLParser):
    """Text of an HTML fragment, one paragraph a line."""

    BLOCKS = {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "tr",
        "section",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_text(fragment: str) -> str:
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _entry_text(entry: Any) -> str:
    for part in entry.get("content") or ():
        if part.get("value"):
            return html_text(part["value"]) if "html" in part.get("type", "html") else part["value"]
    summary = entry.get("summary") or ""
    return html_text(summary) if summary else ""


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        if stamp := entry.get(key):
            return time.strftime("%Y-%m-%d", stamp)
    return None


def url_id(url: str) -> str:
    """A readable article id from a URL: host and path, no scheme or query."""
    bare = re.sub(r"^[a-z]+://", "", url).split("?")[0].split("#")[0].rstrip("/")
    return bare[:200] or url[:200]


PageReader = Callable[[str], Article]


def feed_outcomes(
    data: bytes,
    shown: str,
    page: PageReader | None = None,
    known: Callable[[str], bool] = lambda url: False,
) -> list[ReadOutcome]:
    """One outcome per entry of the feed in ``data`` (newest last): its
    article, or why it gave none. Entries whose link ``known`` says is stored
    are left out before any page is fetched; ``page`` fetches a teaser's page
    (None: teasers are reported, not fetched)."""
    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        reason = type(parsed.get("bozo_exception")).__name__
        return [ReadOutcome(shown, error=f"{shown}: not a readable RSS or Atom feed ({reason})")]
    outlet = (parsed.feed.get("title") or "").strip() or None
    outcomes = []
    for n, entry in enumerate(reversed(parsed.entries), start=1):
        link = entry.get("link") or None
        where = f"{shown}#{len(parsed.entries) - n + 1}"
        if link and known(link):
            continue
        try:
            outcomes.append(
                ReadOutcome(where, articles=(_entry_article(entry, link, where, outlet, page),))
            )
        except InputError as e:
            outcomes.append(ReadOutcome(where, error=str(e)))
    return outcomes


def _entry_article(
    entry: Any, link: str | None, where: str, outlet: str | None, page: PageReader | None
) -> Article:
    text = _entry_text(entry)
    meta = {
        "title": (entry.get("title") or "").strip() or None,
        "date": _entry_date(entry),
        "source": outlet,
        "url": link,
    }
    if len(text.split()) >= MIN_ARTICLE_WORDS:
        return Article(id=url_id(link) if link else where, text=text, path=where, **meta)
    if not link:
        raise InputError(where, "the entry has only a teaser and no link to the article")
    if page is None:
        raise InputError(where, "the entry has only a teaser; its page was not fetched")
    try:
        article = page(link)
    except InputError as e:
        raise InputError(where, f"only a teaser in the feed, and its page: {e.problem}") from None
    return replace(article, path=where, **{k: v for k, v in meta.items() if v})
