"""Key claims first: the order a reader should meet a story's claims in.

A reader of a dossier starts at the top. What matters most is what most of
the coverage carries, what is contested, and what outlets lead with; a clause
that one article says once, deep in its text, can wait in the long tail.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from storyline.model import Claim, Conflict, Dossier


@dataclass(frozen=True)
class ImportanceSettings:
    """How much each sign of importance weighs. Set together on the dev
    set's key_claim_recall (benchmarks/dev_set.py): outlets dominate, as
    they do in a reader's sense of a story; the rest break ties."""

    per_outlet: float = 2.0  # each further article that carries the claim
    per_source: float = 0.5  # each further distinct voice (own voice or a named source)
    mentions: float = 0.5  # log2 of the number of mentions
    conflict: float = 0.5  # a claim the coverage disagrees on
    substance: float = 1.0  # a full statement rather than a few words...
    full_words: int = 8  # ...of this many words or more
    lede: float = 1.5  # stated in an article's first sentences...
    lede_sentences: int = 3  # ...this many of them


DEFAULT_IMPORTANCE = ImportanceSettings()


def importance(claim: Claim, conflicted: bool, settings: ImportanceSettings) -> float:
    docs = {m.doc for m in claim.mentions}
    voices = {(m.doc, m.source) for m in claim.mentions}
    lede = min(m.sentence for m in claim.mentions) < settings.lede_sentences
    return (
        settings.per_outlet * (len(docs) - 1)
        + settings.per_source * (len(voices) - 1)
        + settings.mentions * math.log2(len(claim.mentions))
        + settings.conflict * conflicted
        + settings.lede * lede
        + settings.substance * min(1.0, len(claim.text.split()) / settings.full_words)
    )


def top(dossier: Dossier, n: int) -> Dossier:
    """The dossier with its ``n`` most important claims only (its claims are
    ranked already), the conflicts about them, and a count of the rest in
    its meta: a reader's short version, every claim still whole."""
    if n < 0:
        raise ValueError(f"top takes a number of claims, 0 or more, not {n}")
    kept = dossier.claims[:n]
    ids = {c.id for c in kept}
    return replace(
        dossier,
        claims=kept,
        conflicts=tuple(c for c in dossier.conflicts if c.claim in ids),
        meta=replace(
            dossier.meta,
            claims_left_out=dossier.meta.claims_left_out + len(dossier.claims) - len(kept),
        ),
    )


def rank(
    claims: Sequence[Claim],
    conflicts: Sequence[Conflict],
    settings: ImportanceSettings = DEFAULT_IMPORTANCE,
) -> tuple[list[Claim], list[Conflict]]:
    """Claims most important first, renumbered c1, c2, ... in that order,
    and the conflicts pointing at the new ids. Ties keep text order."""
    conflicted = {c.claim for c in conflicts}
    order = sorted(
        range(len(claims)),
        key=lambda i: (-importance(claims[i], claims[i].id in conflicted, settings), i),
    )
    new_id = {claims[i].id: f"c{k}" for k, i in enumerate(order, start=1)}
    # replace(), not a new record: a claim keeps every field it carries.
    ranked = [replace(claims[i], id=new_id[claims[i].id]) for i in order]
    remapped = [replace(c, claim=new_id[c.claim]) for c in conflicts]
    return ranked, remapped
