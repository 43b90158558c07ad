"""Quotations: where each opens and closes, across the sentences of a paragraph.

News quotes a speaker over several sentences ("“We have no choice. I know it
hurts,” she said.") and, by the convention of AP and Reuters style, runs a
quotation over several paragraphs by opening each with a quotation mark and
closing only the last. A sentence that starts inside a quotation is the
speaker's, not the article's.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# Marks that open and close a quotation: curly and guillemet pairs, the
# ``...'' pairs of PTB-tokenised text, and straight double quotes, which
# open and close in turn.
_OPENERS = {"“": "”", "«": "»", "``": "''"}
_CLOSERS = frozenset(_OPENERS.values())
_MARKS = re.compile(r"``|''|[“”«»\"\n]")


def quotations(text: str) -> list[tuple[int, int]]:
    """Character spans of the quotations of ``text``, marks included. One left
    open at the end of its paragraph runs to the paragraph's end."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for m in _MARKS.finditer(text):
        mark = m.group()
        if mark == "\n":
            if start is not None:
                spans.append((start, m.start()))
            start = None
        elif start is None and (mark in _OPENERS or mark == '"'):
            start = m.start()
        elif start is not None and (mark in _CLOSERS or mark == '"'):
            spans.append((start, m.end()))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans


def enclosing(spans: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The quotation that holds the character at ``offset``, if any
    (``spans`` in text order, as ``quotations`` gives them)."""
    i = bisect_right(spans, offset, key=lambda s: s[0]) - 1
    return spans[i] if i >= 0 and spans[i][0] <= offset < spans[i][1] else None
