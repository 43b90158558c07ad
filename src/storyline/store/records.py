"""The store's own records: what it says about stories, changes and adds.

Frozen dataclasses like model.py's, kept here because only the store (and
the faces over it: CLI, web app) use them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from storyline.model import Mention, ReadOutcome

ChangeKind = Literal["new-claim", "verdict", "new-conflict"]


@dataclass(frozen=True, kw_only=True)
class StorySummary:
    """One story as the store lists it."""

    id: str
    title: str
    articles: int  # stored articles, copies included
    copies: int  # of those, near-duplicates of another (not independent)
    outlets: tuple[str, ...]
    first_date: str | None  # the earliest and latest article dates
    last_date: str | None
    created: str  # when the store started the story (UTC, ISO 8601)
    last_update: str  # when an article last joined it
    claims: int
    verdicts: dict[str, int] = field(default_factory=dict)  # verdict -> claims
    conflicts: dict[str, int] = field(default_factory=dict)  # kind -> conflicts


@dataclass(frozen=True)
class Change:
    """One thing an article (or a merge or split) changed in a story's reading.

    ``claim`` is the claim's stable key (``s3.k12``): unlike the dossier's
    ``c1, c2 ...`` it keeps naming the same claim as articles arrive.
    """

    seq: int  # order of recording, across the store
    story: str
    at: str  # when it was recorded (UTC, ISO 8601)
    kind: ChangeKind
    claim: str
    text: str  # the claim's words
    article: str | None  # the article that caused it; None for a merge or split
    verdict_from: str | None = None  # "verdict": the move; "new-claim": to only
    verdict_to: str | None = None
    conflict: str | None = None  # "new-conflict": its kind and explanation
    explanation: str | None = None
    evidence: tuple[Mention, ...] = ()  # the mentions that made the change
    note: str | None = None  # e.g. "merged s7 into s3"


@dataclass(frozen=True)
class Added:
    """An article the store took in."""

    article: str  # its id in the store
    input: str  # where it was read from
    story: str
    new_story: bool
    copy_of: str | None = None  # near-duplicate of this stored article
    changes: tuple[Change, ...] = ()


@dataclass(frozen=True)
class Duplicate:
    """An article the store already had."""

    input: str
    article: str  # the stored article it repeats
    reason: Literal["same URL", "same text"]


@dataclass(frozen=True)
class AddResult:
    added: tuple[Added, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    failures: tuple[ReadOutcome, ...] = ()  # inputs that gave no article, one-line reasons
    stopped: bool = False  # stopped early on request (Ctrl-C); what was added is whole
