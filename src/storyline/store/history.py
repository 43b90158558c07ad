"""What changed in a story's reading: stable claim keys, and the changes themselves.

The dossier numbers claims c1, c2 ... by position, and positions move as
articles arrive. The store keys each claim instead (``s3.k12``): a claim of
the new reading takes the key of the earlier claim it shares the most
mentions with (mentions are fixed once read: an article and its offsets),
and a claim that shares none is new. Then a verdict that moved, a claim
that appeared and a conflict that appeared are each one Change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from storyline.model import Claim, Dossier, Mention
from storyline.store.records import Change
from storyline.store.serial import mention_key


@dataclass(frozen=True)
class ClaimState:
    """A claim as the store's snapshot of a story keeps it."""

    key: str
    verdict: str
    text: str
    mentions: frozenset[str]  # mention keys


def match_keys(
    claims: Sequence[Claim], previous: Sequence[ClaimState], new_key: Callable[[], str]
) -> list[str]:
    """A key for each claim: the previous claim it shares the most mentions
    with, each previous key used once; a new key for the rest."""
    owner = {m: p.key for p in previous for m in p.mentions}
    text_of = {p.key: p.text for p in previous}
    pairs: list[tuple[int, bool, int, str]] = []
    for i, claim in enumerate(claims):
        shared: dict[str, int] = {}
        for m in claim.mentions:
            if (k := owner.get(mention_key(m))) is not None:
                shared[k] = shared.get(k, 0) + 1
        pairs.extend((-n, claim.text != text_of[k], i, k) for k, n in shared.items())
    keys: list[str | None] = [None] * len(claims)
    used: set[str] = set()
    # Most shared first; ties to the claim still worded as before, then by
    # position, then key.
    for _, _, i, k in sorted(pairs):
        if keys[i] is None and k not in used:
            keys[i] = k
            used.add(k)
    return [k if k is not None else new_key() for k in keys]


def states(dossier: Dossier, keys: Sequence[str]) -> list[ClaimState]:
    return [
        ClaimState(k, c.verdict, c.text, frozenset(mention_key(m) for m in c.mentions))
        for k, c in zip(keys, dossier.claims, strict=True)
    ]


def conflict_keys(dossier: Dossier, keys: Sequence[str]) -> dict[tuple[str, str], str]:
    """(claim key, kind) -> explanation, for each conflict of the dossier."""
    by_id = {c.id: k for c, k in zip(dossier.claims, keys, strict=True)}
    return {(by_id[c.claim], c.kind): c.explanation for c in dossier.conflicts}


def _evidence(claim: Claim, before: frozenset[str], article: str | None) -> tuple[Mention, ...]:
    new = [m for m in claim.mentions if mention_key(m) not in before]
    from_article = [m for m in new if m.doc == article]
    return tuple(from_article or new or claim.mentions)


def changes(
    story: str,
    previous: Mapping[str, ClaimState],
    previous_conflicts: Mapping[tuple[str, str], str],
    dossier: Dossier,
    keys: Sequence[str],
    article: str | None,
    note: str | None = None,
) -> list[Change]:
    """The changes from the previous snapshot to ``dossier`` (whose claims
    carry ``keys``), put down to ``article``. ``seq`` and ``at`` are left
    for the store to set when it records them."""
    out: list[Change] = []
    by_id = {c.id: (k, c) for c, k in zip(dossier.claims, keys, strict=True)}
    for claim, key in zip(dossier.claims, keys, strict=True):
        before = previous.get(key)
        if before is None:
            out.append(
                Change(
                    0,
                    story,
                    "",
                    "new-claim",
                    key,
                    claim.text,
                    article,
                    None,
                    claim.verdict,
                    evidence=_evidence(claim, frozenset(), article),
                    note=note,
                )
            )
        elif before.verdict != claim.verdict:
            out.append(
                Change(
                    0,
                    story,
                    "",
                    "verdict",
                    key,
                    claim.text,
                    article,
                    before.verdict,
                    claim.verdict,
                    evidence=_evidence(claim, before.mentions, article),
                    note=note,
                )
            )
    for conflict in dossier.conflicts:
        key, claim = by_id[conflict.claim]
        if (key, conflict.kind) not in previous_conflicts:
            out.append(
                Change(
                    0,
                    story,
                    "",
                    "new-conflict",
                    key,
                    claim.text,
                    article,
                    conflict=conflict.kind,
                    explanation=conflict.explanation,
                    evidence=conflict.mentions,
                    note=note,
                )
            )
    return out
