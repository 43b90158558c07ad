"""Main text and metadata of a web page, extracted with trafilatura.

Hand-written tag stripping keeps menus, adverts and readers' comments, and those
must never become facts; trafilatura is built and benchmarked for this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura

from storyline.errors import InputError
from storyline.ingest.dates import iso_date
from storyline.model import Article

__all__ = ["HtmlArticle", "extract_html", "read_page"]

# A page is an article only if some line reads as a sentence: this many words
# and a full stop (or ! ?) after a word. News sentences run ~20 words; a row
# of menu links that trafilatura keeps ("Home News Sport ...") has no stop.
MIN_SENTENCE_WORDS = 6
_SENTENCE_END = re.compile(r"\w[.!?][\"'\u201d\u2019)\]]*(?:\s|$)")

# Publication date, not last-modified; and no date guessed from the running
# text, where a page's other dates (an event, a comment) would be taken for it.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


@dataclass(frozen=True)
class HtmlArticle:
    """What a page gave: its article text, one paragraph a line, and metadata."""

    text: str
    title: str | None = None
    date: str | None = None  # as trafilatura gives it (normally YYYY-MM-DD)
    source: str | None = None  # the site's name
    url: str | None = None
    author: str | None = None

    def article(self, id: str, path: str, url: str | None) -> Article:
        """The page as an Article; ``url`` where the page does not name its own."""
        return Article(
            id=id,
            text=self.text,
            path=path,
            source=self.source,
            date=iso_date(self.date),
            url=self.url or url,
            title=self.title,
        )


def extract_html(content: bytes | str, url: str | None = None) -> HtmlArticle | None:
    """The article in ``content``, or None where the page holds no article text.

    Bytes are decoded by trafilatura from the page's declared charset.
    ``favor_precision``: a page of nothing but navigation or a cookie banner
    then gives None instead of its menu items; an advert or a comment read as
    article text is worse for storyline than a lost sentence.
    """
    doc = trafilatura.bare_extraction(
        content,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
        date_extraction_params=_DATE_PARAMS,
    )
    if doc is None or isinstance(doc, dict):  # a dict only when as_dict is asked for
        return None
    text = (doc.text or "").strip()
    if not any(_is_sentence(line) for line in text.split("\n")):
        return None
    return HtmlArticle(
        text=text,
        title=doc.title or None,
        date=doc.date or None,
        source=doc.sitename or None,
        url=doc.url or None,
        author=doc.author or None,
    )


def read_page(shown: str, content: bytes | str, url: str | None, where: str) -> HtmlArticle:
    """extract_html, or an InputError naming ``shown`` where the parser fails
    or ``where`` ("the HTML", "the page") holds no article text."""
    try:
        page = extract_html(content, url)
    except Exception as e:  # noqa: BLE001 - a page that breaks the parser is one bad input
        raise InputError(shown, f"could not parse the HTML ({type(e).__name__})") from None
    if page is None:
        raise InputError(shown, f"no article text found in {where} (only menus or boilerplate)")
    return page


def _is_sentence(line: str) -> bool:
    return len(line.split()) >= MIN_SENTENCE_WORDS and _SENTENCE_END.search(line) is not None
