"""Group mentions of the same proposition, across articles, into claims.

Mentions are compared by their content terms, canonical entities and years,
weighted by how rare each is in the story (a name every article repeats tells
little; "2012" or "cyberattack" tells a lot). Clusters grow by average
linkage, so one loose pair cannot chain two different claims together.

Only pairs that share a rare enough feature are compared (an inverted index),
so a story of thousands of mentions is grouped without comparing all pairs.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from storyline.model import Mention

# Average cosine similarity above which two groups of mentions are one claim.
# Calibrated as a set with THEME_WEIGHT and POS_WEIGHT (mentions.py) and
# SAME_ARTICLE_FACTOR on the seed story: don't tune one in isolation.
LINK_THRESHOLD = 0.35
ENTITY_WEIGHT = 0.8  # an entity weighs a little less than a content word:
YEAR_WEIGHT = 1.5  # outlets share the cast of a story, years pin events.
SAME_ARTICLE_FACTOR = 0.75  # an article restates a claim less often than outlets share one
# An affirmation and a denial go into one claim only where some pair of them
# is this alike and most of what the shorter says is in the other: one
# shared word ("the talks were welcome" / "did not comment on negotiations")
# is not the same proposition. Conflicts (verdicts.py) use the same bar.
OPPOSED_MIN_SIMILARITY = 0.45
OPPOSED_MIN_COVERAGE = 0.6
MIN_SHARED = 1  # features two mentions must share, unless one of them has fewer (2 split
# the seed story's claims more than it prevented false links: measured, left at 1)
# A feature held by more mentions than this does not make a pair worth
# comparing on its own (it still counts in the similarity).
CANDIDATE_MAX_DF = 60


def _features(m: Mention) -> dict[str, float]:
    f: dict[str, float] = dict(zip(m.terms, m.weights or [1.0] * len(m.terms), strict=False))
    f.update({"@" + e: ENTITY_WEIGHT for e in m.entities})
    f.update({"#" + y: YEAR_WEIGHT for y in m.years})
    return f


def _vectors(mentions: Sequence[Mention]) -> list[dict[str, float]]:
    feats = [_features(m) for m in mentions]
    df = Counter(k for f in feats for k in f)
    n = len(mentions)
    vectors = []
    for f in feats:
        v = {k: w * (math.log((n + 1) / (df[k] + 1)) + 1.0) for k, w in f.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({k: x / norm for k, x in v.items()})
    return vectors


def _allowed(a: dict[str, float], b: dict[str, float]) -> bool:
    """Sharing names is not enough: a content word in common, or a year and
    two names, or three names. And one shared word is enough only for a
    mention that has little else to say ("no deal has been announced"):
    two longer clauses that share one rare word are usually about different
    things."""
    shared = a.keys() & b.keys()
    names = sum(k.startswith("@") for k in shared)
    years = sum(k.startswith("#") for k in shared)
    if len(shared) < min(MIN_SHARED, len(a), len(b)):
        return False
    return len(shared) - names - years > 0 or (years > 0 and names >= 2) or names >= 3


def shared_features(a: Mention, b: Mention) -> int:
    return len(_features(a).keys() & _features(b).keys())


def coverage(a: Mention, b: Mention) -> float:
    """The share of the sparser mention's features that the other has too:
    1.0 when everything the shorter one says is in the longer one."""
    fa, fb = _features(a), _features(b)
    smaller = min(len(fa), len(fb))
    return len(fa.keys() & fb.keys()) / smaller if smaller else 0.0


def similarities(mentions: Sequence[Mention]) -> dict[tuple[int, int], float]:
    """Cosine similarity of the pairs worth comparing (i < j)."""
    vectors = _vectors(mentions)
    index: dict[str, list[int]] = defaultdict(list)
    for i, v in enumerate(vectors):
        for k in v:
            index[k].append(i)
    candidates: set[tuple[int, int]] = set()
    for rows in index.values():
        if len(rows) <= CANDIDATE_MAX_DF:
            candidates.update(combinations(rows, 2))
    sims: dict[tuple[int, int], float] = {}
    for i, j in candidates:
        a, b = mentions[i], mentions[j]
        if a.doc == b.doc and a.sentence == b.sentence:
            continue  # clauses of one sentence are different propositions
        va, vb = vectors[i], vectors[j]
        if not _allowed(va, vb):
            continue
        s = sum(w * vb[k] for k, w in va.items() if k in vb)
        if a.doc == b.doc:
            s *= SAME_ARTICLE_FACTOR
        if s > 0:
            sims[(i, j)] = s
    return sims


def opposed_pair_holds(a: Mention, b: Mention, similarity: float) -> bool:
    """Strong enough evidence that an affirmation and a denial are of one proposition."""
    return similarity >= OPPOSED_MIN_SIMILARITY and coverage(a, b) >= OPPOSED_MIN_COVERAGE


def _may_oppose(
    mentions: Sequence[Mention], a: list[int], b: list[int], sims: dict[tuple[int, int], float]
) -> bool:
    """Whether two groups may become one claim as far as polarity goes: if
    one holds denials and the other affirmations, a strong pair must face."""

    def sign(i: int) -> int:
        return -1 if mentions[i].certainty == "negated" else 1

    opposite = [(x, y) for x in a for y in b if sign(x) != sign(y)]
    if not opposite or {sign(x) for x in a} == {sign(y) for y in b} == {1, -1}:
        return True
    return any(
        opposed_pair_holds(mentions[x], mentions[y], sims.get((min(x, y), max(x, y)), 0.0))
        for x, y in opposite
    )


@dataclass(frozen=True)
class Group:
    """Mentions of one proposition, and how alike each pair of them is."""

    mentions: tuple[Mention, ...]
    links: dict[tuple[int, int], float]  # (i, j) with i < j, indexes into mentions

    def link(self, a: int, b: int) -> float:
        return self.links.get((min(a, b), max(a, b)), 0.0)

    def central(self) -> int:
        """The index of the mention that best states the claim: the one most
        like the others among those that affirm it, if any do."""
        n = len(self.mentions)
        affirming = [i for i, m in enumerate(self.mentions) if m.certainty == "certain"] or list(
            range(n)
        )
        return max(affirming, key=lambda i: (sum(self.link(i, j) for j in range(n) if j != i), -i))


def group(mentions: Sequence[Mention], threshold: float = LINK_THRESHOLD) -> list[Group]:
    """Mentions grouped by proposition, each group in text order."""
    sims = similarities(mentions)
    clusters: dict[int, list[int]] = {i: [i] for i in range(len(mentions))}
    owner = list(range(len(mentions)))
    for (i, j), s in sorted(sims.items(), key=lambda kv: (-kv[1], kv[0])):
        if s < threshold:
            break
        a, b = owner[i], owner[j]
        if a == b:
            continue
        total = sum(sims.get((min(x, y), max(x, y)), 0.0) for x in clusters[a] for y in clusters[b])
        if total / (len(clusters[a]) * len(clusters[b])) < threshold:
            continue
        if not _may_oppose(mentions, clusters[a], clusters[b], sims):
            continue
        clusters[a].extend(clusters.pop(b))
        for k in clusters[a]:
            owner[k] = a
    groups = []
    for idx in sorted(clusters.values(), key=min):
        idx = sorted(idx)
        links = {
            (a, b): sims[(idx[a], idx[b])]
            for a in range(len(idx))
            for b in range(a + 1, len(idx))
            if (idx[a], idx[b]) in sims
        }
        groups.append(Group(tuple(mentions[i] for i in idx), links))
    return groups
