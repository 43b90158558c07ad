"""Articles from anything a user names: files and folders (read.py), feed
files, and http(s) URLs of pages or feeds (fetched politely, fetch.py)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from storyline.errors import InputError
from storyline.ingest.feeds import FEED_SUFFIXES, feed_outcomes, is_feed, url_id
from storyline.ingest.fetch import Fetcher, Response
from storyline.ingest.files import MAX_BYTES, read_inputs, read_text_article
from storyline.ingest.html import read_page
from storyline.model import Article, ReadOutcome


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def page_article(url: str, fetcher: Fetcher) -> Article:
    """The article at a page's URL; raises InputError naming the URL."""
    return _article(url, fetcher.get(url))


def _article(url: str, r: Response) -> Article:
    if "text/plain" in r.content_type:
        return read_text_article(r.body.decode("utf-8", "replace"), url_id(r.url), url)
    page = read_page(url, r.body, r.url, "the page")
    return page.article(url_id(page.url or r.url), url, url)


@dataclass
class FeedPoller:
    """Reads feeds again and again (storyline watch): a feed that has not
    changed since the last poll is not downloaded again (ETag/Last-Modified)."""

    fetcher: Fetcher
    _seen: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)

    def poll(self, feed: str, known: Callable[[str], bool]) -> list[ReadOutcome]:
        """The feed's entries that ``known`` does not know, read."""
        if not is_url(feed):
            return _feed_file(feed, self.fetcher, known)
        etag, modified = self._seen.get(feed, (None, None))
        try:
            r = self.fetcher.get(feed, etag, modified)
        except InputError as e:
            return [ReadOutcome(feed, error=str(e))]
        if r.status == 304:
            return []
        self._seen[feed] = (r.etag, r.modified)
        if not is_feed(r.body):
            return [ReadOutcome(feed, error=f"{feed}: not an RSS or Atom feed")]
        return feed_outcomes(r.body, feed, lambda u: page_article(u, self.fetcher), known)


def _feed_file(path: str, fetcher: Fetcher, known: Callable[[str], bool]) -> list[ReadOutcome]:
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as e:
        return [ReadOutcome(path, error=f"{path}: cannot read ({e.strerror or e})")]
    if len(data) > MAX_BYTES:
        return [ReadOutcome(path, error=f"{path}: over the limit of {MAX_BYTES:,} bytes")]
    return feed_outcomes(data, path, lambda u: page_article(u, fetcher), known)


def _looks_like_feed_file(path: str) -> bool:
    p = Path(path)
    if not p.is_file():
        return False
    if p.suffix.lower() in FEED_SUFFIXES:
        return True
    try:
        with open(p, "rb") as f:
            return p.suffix.lower() not in (".txt", ".json", ".jsonl", ".gz") and is_feed(
                f.read(2048)
            )
    except OSError:
        return False


def read_sources(
    inputs: Iterable[str | os.PathLike[str]],
    fetcher: Fetcher | None = None,
    known: Callable[[str], bool] = lambda url: False,
) -> list[ReadOutcome]:
    """Read every input: files and folders as ``read_inputs`` does, feed
    files, and URLs of pages or feeds. One failed outcome per input (or feed
    entry) that gave nothing, with a one-line reason; never raises for a bad
    input. ``known``: feed entries whose link it accepts are skipped."""
    fetcher = fetcher or Fetcher()
    outcomes: list[ReadOutcome] = []
    paths: list[str] = []

    def flush() -> None:
        if paths:
            outcomes.extend(read_inputs(paths))
            paths.clear()

    for given in inputs:
        item = os.fspath(given)
        if is_url(item):
            flush()
            outcomes.extend(_url(item, fetcher, known))
        elif _looks_like_feed_file(item):
            flush()
            outcomes.extend(_feed_file(item, fetcher, known))
        else:
            paths.append(item)
    flush()
    return outcomes


def _url(url: str, fetcher: Fetcher, known: Callable[[str], bool]) -> Sequence[ReadOutcome]:
    try:
        r = fetcher.get(url)
        if is_feed(r.body):
            return feed_outcomes(r.body, url, lambda u: page_article(u, fetcher), known)
        return [ReadOutcome(url, articles=(_article(url, r),))]
    except InputError as e:
        return [ReadOutcome(url, error=str(e))]
