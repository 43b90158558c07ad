"""The store's table operations, each a few statements inside the caller's
transaction: counters, duplicates, story assignment, profiles and features."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence

from storyline.store import dedup
from storyline.store.db import Db
from storyline.story.assignment import best_story, fetching, idf_weights, merge, top_candidates

PROFILED = "profiled"  # counter: articles folded into story profiles (idf's N)


def next_value(db: Db, name: str) -> int:
    """The next number of a named counter (1, 2, 3 ...)."""
    row = db.one(
        "INSERT INTO counters (name, value) VALUES (?, 1) "
        "ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value",
        (name,),
    )
    assert row is not None
    return int(row[0])


def counter(db: Db, name: str) -> int:
    row = db.one("SELECT value FROM counters WHERE name = ?", (name,))
    return int(row[0]) if row else 0


def duplicate_of(db: Db, url: str | None, text_hash: str) -> tuple[str, str] | None:
    """The stored article this one repeats, and why: (id, "same URL" | "same text")."""
    if url and (row := db.one("SELECT id FROM articles WHERE url = ?", (url,))):
        return row[0], "same URL"
    if row := db.one("SELECT id FROM articles WHERE text_hash = ?", (text_hash,)):
        return row[0], "same text"
    return None


def original_of(db: Db, signature: tuple[int, ...]) -> str | None:
    """The stored original that an article with this signature is a copy of."""
    found = db.rows_in(
        "SELECT DISTINCT a.id, a.signature, a.copy_of, a.seq FROM article_bands b "
        "JOIN articles a ON a.id = b.article_id WHERE b.band IN ({})",
        dedup.bands(signature),
    )
    best: tuple[float, int, str] | None = None
    for article_id, sig, copy_of, seq in found:
        s = dedup.similarity(signature, dedup.decode(sig))
        if s >= dedup.NEAR_DUPLICATE and (best is None or (-s, seq) < (-best[0], best[1])):
            best = (s, seq, copy_of or article_id)
    return best[2] if best else None


def unique_id(db: Db, wanted: str, taken: Iterable[str]) -> str:
    """``wanted``, or ``wanted~2``, ``~3`` ... where another article (stored,
    or in ``taken``) has it."""
    taken = set(taken)
    new_id, k = wanted, 1
    while new_id in taken or db.one("SELECT 1 FROM articles WHERE id = ?", (new_id,)):
        k += 1
        new_id = f"{wanted}~{k}"
    return new_id


def assign(db: Db, profile: Mapping[str, float], when: str | None) -> str | None:
    """The stored story an article with this profile joins, or None: the same
    choice as stories.StoryIndex, with its index in tables."""
    feats = list(profile)
    counts = {
        f: int(n)
        for f, n in db.rows_in("SELECT feature, stories FROM features WHERE feature IN ({})", feats)
    }
    fetch = fetching(feats, counts)
    if not fetch:
        return None
    hits = {
        sid: int(n)
        for sid, n in db.rows_in(
            "SELECT story_id, COUNT(*) FROM story_features WHERE feature IN ({}) GROUP BY story_id",
            fetch,
        )
    }
    chosen = top_candidates(hits)
    stories = [
        (sid, json.loads(p), last)
        for sid, p, last in db.rows_in(
            "SELECT id, profile, last_date FROM stories WHERE id IN ({})", chosen
        )
    ]
    union = set(feats).union(*(p.keys() for _, p, _ in stories))
    df = {
        f: int(n)
        for f, n in db.rows_in(
            "SELECT feature, articles FROM features WHERE feature IN ({})", sorted(union)
        )
    }
    weights = idf_weights(union, df, counter(db, PROFILED))  # once for all candidates
    return best_story(profile, when, stories, lambda fs: weights)


def count_article_features(db: Db, features: Iterable[str]) -> None:
    db.run_many(
        "INSERT INTO features (feature, articles, stories) VALUES (?, 1, 0) "
        "ON CONFLICT (feature) DO UPDATE SET articles = features.articles + 1",
        [(f,) for f in features],
    )
    next_value(db, PROFILED)


def set_story_features(db: Db, story_id: str, old: Iterable[str], new: Iterable[str]) -> None:
    """Point the inverted index at the story's new profile features."""
    old_set, new_set = set(old), set(new)
    gone, came = sorted(old_set - new_set), sorted(new_set - old_set)
    db.run_many(
        "DELETE FROM story_features WHERE feature = ? AND story_id = ?",
        [(f, story_id) for f in gone],
    )
    db.run_many("UPDATE features SET stories = stories - 1 WHERE feature = ?", [(f,) for f in gone])
    db.run_many(
        "INSERT INTO story_features (feature, story_id) VALUES (?, ?)",
        [(f, story_id) for f in came],
    )
    db.run_many(
        "INSERT INTO features (feature, articles, stories) VALUES (?, 0, 1) "
        "ON CONFLICT (feature) DO UPDATE SET stories = features.stories + 1",
        [(f,) for f in came],
    )


def new_story(db: Db, now: str) -> str:
    seq = next_value(db, "story")
    sid = f"s{seq}"
    db.run(
        "INSERT INTO stories (id, seq, title, profile, size, articles, last_date, created_at, "
        "updated_at, next_claim, summary) VALUES (?, ?, '', '{}', 0, 0, NULL, ?, ?, 1, '{}')",
        (sid, seq, now, now),
    )
    return sid


def story_profile(db: Db, story_id: str) -> tuple[dict[str, float], int, str | None]:
    """A story's profile, the articles folded into it, its last article's date."""
    row = db.one("SELECT profile, size, last_date FROM stories WHERE id = ?", (story_id,))
    assert row is not None, story_id
    return json.loads(row[0]), int(row[1]), row[2]


def fold_profiles(profiles: Sequence[Mapping[str, float]]) -> dict[str, float]:
    """A story's profile from its articles' profiles in the order they came."""
    story: dict[str, float] = {}
    for i, p in enumerate(profiles):
        story = merge(story, p, i)
    return story


def reprofile(db: Db, story_id: str) -> None:
    """Recompute a story's profile, size, last date and index from its
    articles (after a merge or a split)."""
    rows = db.rows(
        "SELECT profile, published FROM articles WHERE story_id = ? AND copy_of IS NULL "
        "ORDER BY seq",
        (story_id,),
    )
    old = story_profile(db, story_id)[0]
    new = fold_profiles([json.loads(p) for p, _ in rows])
    dates = [d for _, d in rows if d]
    articles = db.one("SELECT COUNT(*) FROM articles WHERE story_id = ?", (story_id,))
    db.run(
        "UPDATE stories SET profile = ?, size = ?, last_date = ?, articles = ? WHERE id = ?",
        (
            json.dumps(new),
            len(rows),
            max(dates) if dates else None,
            articles[0] if articles else 0,
            story_id,
        ),
    )
    set_story_features(db, story_id, old, new)
