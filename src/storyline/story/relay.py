"""Relay: an article that states a claim in its own words while giving it to
a source elsewhere is relaying that source, not confirming it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from storyline.model import Mention
from storyline.story.grouping import coverage, shared_features


def relay_sources(mentions: Sequence[Mention]) -> list[Mention]:
    """An article that states a claim in its own words and elsewhere gives it
    to a source ("X is in talks ... According to the FT, ...") is relaying
    that source: its own-voice statements take the source too."""
    by_doc: dict[str, Mention] = {}
    for m in mentions:
        if m.source is not None and m.certainty != "negated":
            by_doc.setdefault(m.doc, m)
    return [
        replace(m, source=by_doc[m.doc].source, source_kind=by_doc[m.doc].source_kind)
        if m.source is None and m.certainty == "certain" and m.doc in by_doc
        else m
        for m in mentions
    ]


# How far (in sentences) a source's statement may follow the article's own
# statement of the same thing for the article to be relaying that source:
# the lede-then-attribution pattern ("X is in talks with Y. According to the
# FT, the two firms are in early discussions").
RELAY_WINDOW = 2
RELAY_MIN_COVERAGE = 0.6
RELAY_MIN_SHARED = 2


def relay_ledes(mentions: Sequence[Mention]) -> list[Mention]:
    """Own-voice statements that an attributed statement of the same thing
    follows closely, in the same article, take its source."""
    out = list(mentions)
    for i, m in enumerate(out):
        if m.source is not None or m.certainty != "certain":
            continue
        for later in mentions[i + 1 :]:
            if later.doc != m.doc or later.sentence - m.sentence > RELAY_WINDOW:
                break
            if (
                later.source is not None
                and later.certainty == "certain"
                and later.sentence > m.sentence
                and shared_features(m, later) >= RELAY_MIN_SHARED
                and coverage(m, later) >= RELAY_MIN_COVERAGE
            ):
                out[i] = replace(m, source=later.source, source_kind=later.source_kind)
                break
    return out
