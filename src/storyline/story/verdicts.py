"""Verdicts from a claim's mentions, exactly as the eval README defines them."""

from __future__ import annotations

from collections.abc import Sequence

from storyline.model import Mention, Verdict


def verdict_of(mentions: Sequence[Mention]) -> Verdict:
    negating = [m for m in mentions if m.certainty == "negated"]
    affirming = [m for m in mentions if m.certainty != "negated"]
    if negating and affirming:
        return "disputed"
    if negating:
        return "denied"
    own_voice = {m.doc for m in affirming if m.certainty == "certain" and m.source is None}
    if len(own_voice) >= 2:
        return "corroborated"
    if own_voice:
        return "single-source"
    if any(m.source is not None for m in affirming):
        return "reported"
    return "speculative"
