"""Gather propositions into the claims a reader follows.

grouping.group() joins mentions that say the same thing in the same terms:
tight groups, right for conflicts, which must set one proposition against
itself. A reader, and an annotator, follow a story at a coarser grain: "his
account was hacked", "someone committed a prank on the internet" and "a
hacker infiltrated the photo site" are one claim told three ways. Gathering
joins tight groups whose vocabulary overlaps on average (average linkage over
every pair of their mentions, so one shared word cannot chain two topics),
and never joins what is only denied with what is only affirmed: a verdict
must not turn "disputed" because a denial met a neighbouring affirmation.

Conflicts stay with the tight groups (build_dossier computes them per group),
so gathering changes what a reader sees as one claim, never what is set
against what.

Measured on the dev set (benchmarks/dev_set.py), gathering at the default
threshold left mean overall where it was and raised key_claim_recall from
0.68 to about 0.9 while cutting claims per gold claim from 5.9 to about 4.
A sentence-embedding model (all-MiniLM-L6-v2) in place of these vectors did
no better for its cost; see the README's Accuracy section.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.model import Mention
from storyline.story.grouping import DEFAULT_GROUPING, GroupingSettings, vectors


@dataclass
class _Cluster:
    groups: list[int]
    total: dict[str, float]  # sum of its mentions' unit vectors
    size: int  # mentions
    polarity: frozenset[bool]  # which of negated / not negated its mentions are


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[k] for k, w in a.items() if k in b)


def gather(
    groups: Sequence[Sequence[Mention]], settings: GroupingSettings = DEFAULT_GROUPING
) -> list[list[int]]:
    """Indexes into ``groups`` gathered into claims, each list in ascending
    order, the lists ordered by their first group."""
    flat = [m for g in groups for m in g]
    unit = vectors(flat, settings)
    clusters: dict[int, _Cluster] = {}
    at = 0
    for gi, g in enumerate(groups):
        total: dict[str, float] = defaultdict(float)
        for v in unit[at : at + len(g)]:
            for k, w in v.items():
                total[k] += w
        at += len(g)
        polarity = frozenset(m.certainty == "negated" for m in g)
        clusters[gi] = _Cluster([gi], dict(total), len(g), polarity)

    # Only features rare enough make two groups worth comparing (as in
    # grouping): a word every mention of a long, repetitive article holds
    # would make each merge rescore every group, quadratic in the story.
    df: dict[str, int] = defaultdict(int)
    for v in unit:
        for k in v:
            df[k] += 1
    index: dict[str, set[int]] = defaultdict(set)
    for ci, c in clusters.items():
        for k in c.total:
            if df[k] <= settings.candidate_max_df:
                index[k].add(ci)
    version = dict.fromkeys(clusters, 0)
    heap: list[tuple[float, int, int, int, int]] = []

    def link(a: int, b: int) -> float:
        ca, cb = clusters[a], clusters[b]
        if ca.polarity != cb.polarity:
            return 0.0
        return _dot(ca.total, cb.total) / (ca.size * cb.size)

    def push_pairs(a: int) -> None:
        neighbours = {b for k in clusters[a].total if k in index for b in index[k]} - {a}
        for b in neighbours:
            s = link(a, b)
            if s >= settings.claim_link_threshold:
                x, y = min(a, b), max(a, b)
                heapq.heappush(heap, (-s, x, y, version[x], version[y]))

    for a in list(clusters):
        push_pairs(a)
    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        if a not in clusters or b not in clusters or version[a] != va or version[b] != vb:
            continue  # one side has grown or gone since this pair was scored
        ca, cb = clusters[a], clusters.pop(b)
        ca.groups.extend(cb.groups)
        for k, w in cb.total.items():
            ca.total[k] = ca.total.get(k, 0.0) + w
            if k in index:
                index[k].discard(b)
                index[k].add(a)
        ca.size += cb.size
        version[a] += 1
        push_pairs(a)
    return sorted((sorted(c.groups) for c in clusters.values()), key=lambda g: g[0])
