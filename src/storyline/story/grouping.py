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


@dataclass(frozen=True)
class GroupingSettings:
    """The thresholds and weights that decide which mentions are one claim.
    They act together: calibrate them as a set on the dev set
    (benchmarks/dev_set.py), never one in isolation. Each dossier records
    the values it was made with."""

    # Average similarity above which two groups of mentions are one claim.
    # Set with THEME_WEIGHT and POS_WEIGHT (article/mentions.py).
    link_threshold: float = 0.35
    entity_weight: float = 0.8  # a name weighs a little less than a content word:
    year_weight: float = 1.5  # outlets share the cast of a story, years pin events.
    same_article_factor: float = (
        0.75  # an article restates a claim less often than outlets share one
    )
    # An affirmation and a denial go into one claim only where some pair of
    # them is this alike and most of what the shorter says is in the other:
    # one shared word ("the talks were welcome" / "did not comment on
    # negotiations") is not the same proposition. Conflicts use the same bar.
    opposed_min_similarity: float = 0.45
    opposed_min_coverage: float = 0.6
    # Unless they share what they are about, mentions set against each other
    # must state something (this many terms and names at least) and share
    # this many terms and names, a word among them.
    opposed_min_features: int = 3
    opposed_min_shared: int = 3
    # A term this heavy in a mention is what it is about (THEME_WEIGHT on a
    # determined subject noun): two mentions about the same thing may
    # oppose on it alone ("a deal is nearing completion" / "no deal").
    theme_min_weight: float = 2.0
    # Features two mentions must share, unless one has fewer (2 split the
    # seed story's claims more than it prevented false links: measured).
    min_shared: int = 1
    # A feature held by more mentions than this does not make a pair worth
    # comparing on its own (it still counts in the similarity).
    candidate_max_df: int = 60
    # Average similarity above which tight groups are gathered into one
    # claim a reader follows (story/gathering.py); conflicts stay per group.
    claim_link_threshold: float = 0.18


DEFAULT_GROUPING = GroupingSettings()


def _term_weights(m: Mention) -> dict[str, float]:
    return dict(zip(m.terms, m.weights or [1.0] * len(m.terms), strict=True))


def _features(m: Mention, settings: GroupingSettings = DEFAULT_GROUPING) -> dict[str, float]:
    f = _term_weights(m)
    f.update({"@" + e: settings.entity_weight for e in m.entities})
    f.update({"#" + y: settings.year_weight for y in m.years})
    return f


def vectors(mentions: Sequence[Mention], settings: GroupingSettings) -> list[dict[str, float]]:
    """Each mention's features, weighted by rarity in the story, as a unit vector."""
    feats = [_features(m, settings) for m in mentions]
    df = Counter(k for f in feats for k in f)
    n = len(mentions)
    out = []
    for f in feats:
        v = {k: w * (math.log((n + 1) / (df[k] + 1)) + 1.0) for k, w in f.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out.append({k: x / norm for k, x in v.items()})
    return out


def _allowed(a: dict[str, float], b: dict[str, float], min_shared: int) -> bool:
    """Sharing names is not enough: a content word in common, or a year and
    two names, or three names. And one shared word is enough only for a
    mention that has little else to say ("no deal has been announced"):
    two longer clauses that share one rare word are usually about different
    things."""
    shared = a.keys() & b.keys()
    names = sum(k.startswith("@") for k in shared)
    years = sum(k.startswith("#") for k in shared)
    if len(shared) < min(min_shared, len(a), len(b)):
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


def similarities(
    mentions: Sequence[Mention], settings: GroupingSettings = DEFAULT_GROUPING
) -> dict[tuple[int, int], float]:
    """Cosine similarity of the pairs worth comparing (i < j)."""
    unit = vectors(mentions, settings)
    index: dict[str, list[int]] = defaultdict(list)
    for i, v in enumerate(unit):
        for k in v:
            index[k].append(i)
    candidates: set[tuple[int, int]] = set()
    for rows in index.values():
        if len(rows) <= settings.candidate_max_df:
            candidates.update(combinations(rows, 2))
    sims: dict[tuple[int, int], float] = {}
    for i, j in candidates:
        a, b = mentions[i], mentions[j]
        if a.doc == b.doc and a.sentence == b.sentence:
            continue  # clauses of one sentence are different propositions
        va, vb = unit[i], unit[j]
        if not _allowed(va, vb, settings.min_shared):
            continue
        s = sum(w * vb[k] for k, w in va.items() if k in vb)
        if a.doc == b.doc:
            s *= settings.same_article_factor
        if s > 0:
            sims[(i, j)] = s
    return sims


def same_proposition(a: Mention, b: Mention, settings: GroupingSettings = DEFAULT_GROUPING) -> bool:
    """Whether two mentions say something of the same thing in the same
    terms, as far as their words go: both full enough to state something,
    sharing two content words or the thing each is about (its determined
    subject in either, "the deal" / "no deal"), or three words and names
    with a word among them; and no two different casts. One or two shared
    objects ("the material", "a security matter") are not the same
    proposition."""
    wa, wb = _term_weights(a), _term_weights(b)
    if a.entities and b.entities and not set(a.entities) & set(b.entities):
        return False
    shared = wa.keys() & wb.keys()
    if any(max(wa[k], wb[k]) >= settings.theme_min_weight for k in shared):
        return True
    if min(len(wa) + len(a.entities), len(wb) + len(b.entities)) < settings.opposed_min_features:
        return False
    names = len(set(a.entities) & set(b.entities))
    return bool(shared) and len(shared) + names >= settings.opposed_min_shared


def opposed_pair_holds(
    a: Mention, b: Mention, similarity: float, settings: GroupingSettings = DEFAULT_GROUPING
) -> bool:
    """Strong enough evidence that an affirmation and a denial are of one proposition."""
    return (
        similarity >= settings.opposed_min_similarity
        and coverage(a, b) >= settings.opposed_min_coverage
        and same_proposition(a, b, settings)
    )


def _may_oppose(
    mentions: Sequence[Mention],
    a: list[int],
    b: list[int],
    sims: dict[tuple[int, int], float],
    settings: GroupingSettings,
) -> bool:
    """Whether two groups may become one claim as far as polarity goes: if
    one holds denials and the other affirmations, a strong pair must face."""

    def sign(i: int) -> int:
        return -1 if mentions[i].certainty == "negated" else 1

    opposite = [(x, y) for x in a for y in b if sign(x) != sign(y)]
    if not opposite or {sign(x) for x in a} == {sign(y) for y in b} == {1, -1}:
        return True
    return any(
        opposed_pair_holds(
            mentions[x], mentions[y], sims.get((min(x, y), max(x, y)), 0.0), settings
        )
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


def group(
    mentions: Sequence[Mention], settings: GroupingSettings = DEFAULT_GROUPING
) -> list[Group]:
    """Mentions grouped by proposition, each group in text order."""
    threshold = settings.link_threshold
    sims = similarities(mentions, settings)
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
        if not _may_oppose(mentions, clusters[a], clusters[b], sims, settings):
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
