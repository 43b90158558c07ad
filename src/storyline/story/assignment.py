"""Which story an article belongs to, by what it is about and when.

An article's profile is the names and subject words of its claims. An
incoming article joins the open story whose profile is most like its own,
if like enough; otherwise it starts a story. Candidate stories come from an
inverted index over the profiles' rarer features and a time window, so
assigning an article costs about the same however many stories are stored.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from storyline.model import Mention

# Cosine similarity of profiles above which an article joins a story that
# had an article the same day. Two reports of one event share most of their
# named cast; unrelated stories from one beat share a place or two. Set on
# BASIL's 2010-2014 events (three outlets each) added one at a time, both in
# their real dates and with the events packed into a few weeks (so that
# stories sharing a cast run at once): reports of one event score 0.2 to
# 0.9, unrelated articles of the same days mostly under 0.15. Calibrate with
# ENTITY_WEIGHT, TERM_WEIGHT and IDLE_PENALTY as a set.
JOIN_THRESHOLD = 0.20
# What each day since a story's last article adds to the similarity it asks
# of a new one: the next report of an event comes within a day or two and
# is easily alike enough, while a story idle for weeks takes in only an
# article that is plainly its sequel (Miranda et al. 2018 weigh time the
# same way, beside content). It also keeps stories from one beat apart
# where the same people are in the news week after week.
IDLE_PENALTY = 0.03
ENTITY_WEIGHT = 1.0
TERM_WEIGHT = 0.4
IDF_MIN_ARTICLES = 50
PROFILE_SIZE = 40  # features kept per profile: the story's core, not its every word
WINDOW_DAYS = 30  # a story idle this long is closed to new articles
# Features shared by more stories than this do not fetch candidates (they
# still count in the similarity): "uk", "government".
CANDIDATE_MAX_STORIES = 200
# Stories scored per article: those sharing the most fetching features. The
# story an article belongs to shares most of its cast, so it ranks near the
# top; the cap keeps one article's cost flat when a beat has hundreds of
# open stories (never reached on the seed story or the store benchmark's
# realistic sizes, where an article fetches a few dozen at most).
MAX_CANDIDATES = 50


def profile(mentions: Sequence[Mention]) -> dict[str, float]:
    """The features of an article (or a story): its names and subject words,
    by the square root of how often its claims use them (so that the one name
    an article repeats in every sentence does not drown the rest of its cast,
    which is what another outlet's report of the event shares)."""
    counts: dict[str, float] = {}
    for m in mentions:
        for e in m.entities:
            counts["@" + e] = counts.get("@" + e, 0.0) + ENTITY_WEIGHT
        for t, w in zip(m.terms, m.weights or [1.0] * len(m.terms), strict=False):
            counts[t] = counts.get(t, 0.0) + TERM_WEIGHT * w
    counts = {k: math.sqrt(v) for k, v in counts.items()}
    top = dict(sorted(counts.items(), key=lambda kv: -kv[1])[:PROFILE_SIZE])
    norm = math.sqrt(sum(v * v for v in top.values())) or 1.0
    return {k: v / norm for k, v in top.items()}


def similarity(
    a: Mapping[str, float], b: Mapping[str, float], idf: Mapping[str, float] | None = None
) -> float:
    """Cosine of two profiles; with ``idf``, features many articles share
    (the cast of a whole beat) count for less."""
    if idf is not None:
        a = _unit({k: v * idf.get(k, 1.0) for k, v in a.items()})
        b = _unit({k: v * idf.get(k, 1.0) for k, v in b.items()})
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[k] for k, w in a.items() if k in b)


def _unit(v: Mapping[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {k: x / norm for k, x in v.items()}


def merge(
    story: Mapping[str, float], article: Mapping[str, float], articles_before: int
) -> dict[str, float]:
    """A story's profile after one more article: the running mean, trimmed."""
    n = articles_before
    mixed = Counter({k: v * n for k, v in story.items()})
    mixed.update(article)
    top = dict(mixed.most_common(PROFILE_SIZE))
    norm = math.sqrt(sum(v * v for v in top.values())) or 1.0
    return {k: v / norm for k, v in top.items()}


def idf_weights(features: Iterable[str], df: Mapping[str, int], articles: int) -> dict[str, float]:
    """Inverse document frequency of each feature among ``articles`` profiled
    articles; smoothed so that a young index (a handful of articles) weighs
    all alike."""
    n = max(articles, IDF_MIN_ARTICLES)
    return {k: math.log((n + 1) / (df.get(k, 0) + 1)) + 1.0 for k in features}


def fetching(features: Iterable[str], stories_with: Mapping[str, int]) -> list[str]:
    """The features that fetch candidate stories: those some story has, but
    not so many that they say nothing about which (``stories_with`` counts
    the stories whose profile holds each feature)."""
    return [k for k in features if 0 < stories_with.get(k, 0) <= CANDIDATE_MAX_STORIES]


def top_candidates(hits: Mapping[str, int]) -> list[str]:
    """The MAX_CANDIDATES stories sharing the most fetching features
    (``hits``: story id -> features shared), ties broken by id."""
    return sorted(hits, key=lambda sid: (-hits[sid], sid))[:MAX_CANDIDATES]


def best_story(
    article: Mapping[str, float],
    when: str | None,
    candidates: Iterable[tuple[str, Mapping[str, float], str | None]],
    idf: Callable[[Iterable[str]], Mapping[str, float]],
) -> str | None:
    """The candidate story (id, profile, last article date) an article with
    this profile and date joins, or None where none is open and alike enough:
    of those whose similarity clears join_threshold(days idle), the one that
    clears it by most."""
    best, best_margin = None, -1.0
    for sid, story, last in sorted(candidates, key=lambda c: c[0]):
        gap = _days(when, last)
        if gap is not None and gap > WINDOW_DAYS:
            continue
        s = similarity(article, story, idf(article.keys() | story.keys()))
        margin = s - join_threshold(_idle_days(when, last))
        if margin >= 0 and margin > best_margin:
            best, best_margin = sid, margin
    return best


def join_threshold(days_idle: int | None) -> float:
    """The similarity an article needs to join a story whose last article is
    ``days_idle`` days from its own (None: either date unknown)."""
    return JOIN_THRESHOLD + IDLE_PENALTY * (days_idle or 0)


def later(a: str | None, b: str | None) -> str | None:
    """The later of two ISO dates, either of which may be missing."""
    return max(a, b) if a and b else a or b


def _days(a: str | None, b: str | None) -> int | None:
    """Days between two ISO dates, None where either is missing; a date
    given to the year or month only counts from its first day (what the
    window counts)."""
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None:
        return None
    return abs((sa[0] - sb[0]).days)


def _idle_days(a: str | None, b: str | None) -> int | None:
    """Days between two ISO dates that are sure: a date given to the year or
    month only is the whole period, 0 days from any day inside it (what the
    idle penalty counts: an imprecise date should not make a story look
    idle)."""
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None:
        return None
    return max(0, (max(sa[0], sb[0]) - min(sa[1], sb[1])).days)


def _span(value: str | None) -> tuple[date, date] | None:
    """The first and last day an ISO date (2026, 2026-01, 2026-01-30, or a
    date and time) may stand for; None where it is missing or not a date."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        if len(parts) == 1:
            return date(int(parts[0]), 1, 1), date(int(parts[0]), 12, 31)
        if len(parts) == 2:
            first = date(int(parts[0]), int(parts[1]), 1)
            return first, date(first.year + first.month // 12, first.month % 12 + 1, 1) - _ONE_DAY
        return (day := date.fromisoformat("-".join(parts))), day
    except ValueError:
        return None


_ONE_DAY = timedelta(days=1)


@dataclass
class StoryIndex:
    """Open stories in memory, with an inverted index from feature to story.
    The store keeps the same data in tables; this serves a batch or a test."""

    profiles: dict[str, dict[str, float]] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)
    last_dates: dict[str, str | None] = field(default_factory=dict)
    index: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    df: Counter[str] = field(default_factory=Counter)  # articles that had each feature
    articles: int = 0
    next_id: int = 1

    def idf(self, features: Iterable[str]) -> dict[str, float]:
        return idf_weights(features, self.df, self.articles)

    def candidates(self, features: Iterable[str]) -> list[str]:
        hits: Counter[str] = Counter()
        sizes = {k: len(self.index.get(k, ())) for k in features}
        for k in fetching(sizes, sizes):
            hits.update(self.index[k])
        return top_candidates(hits)

    def assign(self, article: dict[str, float], when: str | None = None) -> str:
        """The story id for an article with this profile (a new id if none fits)."""
        found = self.candidates(article)
        stories = ((s, self.profiles[s], self.last_dates.get(s)) for s in found)
        best = best_story(article, when, stories, self.idf)
        if best is None:
            best = f"s{self.next_id}"
            self.next_id += 1
            self.profiles[best], self.sizes[best], self.last_dates[best] = {}, 0, when
        self._add(best, article, when)
        self.df.update(article.keys())
        self.articles += 1
        return best

    def close_before(self, when: str) -> list[str]:
        """Close the stories no article dated ``when`` or later can join (their
        last article more than WINDOW_DAYS before it): their profiles leave
        memory and the index, so a stream in date order holds only the stories
        of its window however long it runs. Stories without a date stay open.
        Returns the ids closed; assignment is unchanged, since best_story
        passes them over anyway."""
        now = _span(when)
        if now is None:
            return []
        closed = []
        for sid, last in self.last_dates.items():
            span = _span(last)
            if span is not None and (now[0] - span[0]).days > WINDOW_DAYS:
                closed.append(sid)
        for sid in closed:
            for k in self.profiles.pop(sid):
                stories = self.index.get(k)
                if stories is not None:
                    stories.discard(sid)
                    if not stories:
                        del self.index[k]
            del self.sizes[sid], self.last_dates[sid]
        return closed

    def _add(self, sid: str, article: dict[str, float], when: str | None) -> None:
        old = self.profiles[sid]
        new = merge(old, article, self.sizes[sid])
        for k in old.keys() - new.keys():
            self.index[k].discard(sid)
            if not self.index[k]:
                del self.index[k]
        for k in new:
            self.index[k].add(sid)
        self.profiles[sid], self.sizes[sid] = new, self.sizes[sid] + 1
        self.last_dates[sid] = later(self.last_dates[sid], when)


def cluster(articles: Sequence[tuple[Sequence[Mention], str | None]]) -> list[list[int]]:
    """Group articles (their mentions and date) into stories, in date order;
    returns the indexes of each story's articles."""
    order = sorted(range(len(articles)), key=lambda i: (articles[i][1] or "", i))
    index = StoryIndex()
    members: dict[str, list[int]] = defaultdict(list)
    for i in order:
        mentions, when = articles[i]
        members[index.assign(profile(mentions), when)].append(i)
    return [sorted(v) for v in sorted(members.values(), key=min)]
