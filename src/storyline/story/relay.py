"""Relay: an article that states a claim in its own words while giving it to
a source elsewhere is relaying that source, not confirming it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from storyline.model import Mention
from storyline.story.grouping import coverage, shared_features


@dataclass(frozen=True)
class RelaySettings:
    """When an article's own words are taken to relay a source it names."""

    # How far (in sentences) a source's statement may follow the article's
    # own statement of the same thing for the article to be relaying that
    # source: the lede-then-attribution pattern ("X is in talks with Y.
    # According to the FT, the two firms are in early discussions").
    window: int = 2
    min_coverage: float = 0.6  # of the sparser mention's features, found in the other
    min_shared: int = 2  # features in common, for a lede


DEFAULT_RELAY = RelaySettings()


def relay_sources(
    mentions: Sequence[Mention], settings: RelaySettings = DEFAULT_RELAY
) -> list[Mention]:
    """An article that states a claim in its own words and elsewhere gives
    the same thing to a source ("X is in talks ... According to the FT, the
    talks ...") is relaying that source: its own-voice statement takes the
    source of the attributed statement most like it, if one is alike enough.
    A claim's looser members (the rest of a story told around it) keep their
    own voice."""
    attributed = [m for m in mentions if m.source is not None and m.certainty != "negated"]
    out = []
    for m in mentions:
        if m.source is None and m.certainty == "certain":
            alike = [
                (coverage(m, a), -abs(a.sentence - m.sentence), a)
                for a in attributed
                if a.doc == m.doc and coverage(m, a) >= settings.min_coverage
            ]
            if alike:
                best = max(alike, key=lambda x: (x[0], x[1]))[2]
                m = replace(m, source=best.source, source_kind=best.source_kind)
        out.append(m)
    return out


def relay_ledes(
    mentions: Sequence[Mention], settings: RelaySettings = DEFAULT_RELAY
) -> list[Mention]:
    """Own-voice statements that an attributed statement of the same thing
    follows closely, in the same article, take its source."""
    out = list(mentions)
    for i, m in enumerate(out):
        if m.source is not None or m.certainty != "certain":
            continue
        for later in mentions[i + 1 :]:
            if later.doc != m.doc or later.sentence - m.sentence > settings.window:
                break
            if (
                later.source is not None
                and later.certainty == "certain"
                and later.sentence > m.sentence
                and shared_features(m, later) >= settings.min_shared
                and coverage(m, later) >= settings.min_coverage
            ):
                out[i] = replace(m, source=later.source, source_kind=later.source_kind)
                break
    return out
