"""Find the text that is not the article's own reporting.

Adverts and calls to action, readers' comments and section headings are
reported as skipped text, and masked out before the reading so that they can
never become claims.
"""

from __future__ import annotations

import re

from storyline.lexicon.page import CALL_TO_ACTION, COMMENT_SECTION_RE
from storyline.model import Skipped

_COMMENT_START = re.compile(COMMENT_SECTION_RE, re.IGNORECASE | re.MULTILINE)
_CTA = re.compile("|".join(re.escape(p) for p in CALL_TO_ACTION), re.IGNORECASE)
_LINE = re.compile(r"[^\n]+")
# A heading is a short line that does not end like a sentence. Twelve words
# covers the sub-heads of news and blog templates; real sentences that short
# end with a full stop.
HEADING_MAX_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)\]]\s*$")


def find_skipped(doc_id: str, text: str) -> tuple[Skipped, ...]:
    """Spans of ``text`` that are adverts, comments or headings."""
    skipped: list[Skipped] = []
    end_of_article = len(text)
    comments = _COMMENT_START.search(text)
    if comments and comments.start() > len(text) // 3:  # a comment block follows the article
        end_of_article = comments.start() + len(comments.group()) - len(comments.group().lstrip())
        block = text[end_of_article:].rstrip()
        skipped.append(
            Skipped(doc_id, end_of_article, end_of_article + len(block), "comment", block)
        )
    lines = [m for m in _LINE.finditer(text, 0, end_of_article) if m.group().strip()]
    for index, line in enumerate(lines):
        words = line.group().split()
        if _CTA.search(line.group()):
            skipped.append(Skipped(doc_id, line.start(), line.end(), "advert", line.group()))
        elif (
            len(lines) > 1
            and len(words) <= HEADING_MAX_WORDS
            and not _SENTENCE_END.search(line.group())
            and index + 1 < len(lines)  # a trailing fragment is text, not a heading
        ):
            skipped.append(Skipped(doc_id, line.start(), line.end(), "heading", line.group()))
    return tuple(sorted(skipped, key=lambda s: s.start))


def mask(text: str, skipped: tuple[Skipped, ...]) -> str:
    """``text`` with skipped spans blanked out, offsets unchanged; each span
    is replaced by spaces and ends a line, so no sentence runs across it."""
    chars = list(text)
    for s in skipped:
        for i in range(s.start, s.end):
            if chars[i] != "\n":
                chars[i] = " "
        if s.end - 1 >= s.start and chars[s.end - 1] == " ":
            chars[s.end - 1] = "\n"
    return "".join(chars)
