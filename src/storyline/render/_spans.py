"""Flatten overlapping spans of one text into non-overlapping segments.

Mentions may nest or cross (a clause inside a sentence, two claims sharing
words). Markup cannot cross, so the text is cut at every span boundary and each
segment is wrapped on its own in the spans that cover it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """A stretch of an article to be marked: a mention, a figure, skipped text..."""

    start: int
    end: int
    kind: str  # "skipped", "evidence", "figure", "event" or "mention"
    style: str = ""  # CSS class, e.g. the mention's certainty or the skipped kind
    title: str = ""  # a hover note


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    spans: tuple[Span, ...]  # those covering it, in the order given
    opening: tuple[Span, ...]  # those of them that begin here


def segments(length: int, spans: Iterable[Span]) -> list[Segment]:
    """Cut [0, length) at every boundary; spans outside the text or empty are dropped.

    A sweep over sorted boundaries: O((n + b) log b) for n spans and b boundaries,
    plus the size of the output.
    """
    kept = [s for s in spans if 0 <= s.start < s.end <= length]
    cuts = sorted({0, length, *(s.start for s in kept), *(s.end for s in kept)})
    starting: dict[int, list[Span]] = {}
    ending: dict[int, list[Span]] = {}
    for span in kept:
        starting.setdefault(span.start, []).append(span)
        ending.setdefault(span.end, []).append(span)
    order = {id(span): i for i, span in enumerate(kept)}
    active: dict[int, Span] = {}
    out: list[Segment] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        for span in ending.get(left, ()):
            active.pop(id(span), None)
        opening = tuple(starting.get(left, ()))
        for span in opening:
            active[id(span)] = span
        covering = tuple(sorted(active.values(), key=lambda s: order[id(s)]))
        out.append(Segment(left, right, covering, opening))
    return out
