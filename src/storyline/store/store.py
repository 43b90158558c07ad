"""The store: a story's reading kept between articles and updated as they come.

Each article is read once (the expensive part), outside any transaction;
then, in one transaction, it is stored with its reading, joined to a story,
and the story's dossier is rebuilt from its stored readings (cheap:
build_dossier never re-parses) and compared with the last one to record
what changed. A process killed at any point leaves each article wholly in
or wholly out.
"""

from __future__ import annotations

import json
import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from storyline.errors import StorylineError
from storyline.model import Article, ArticleReading, Dossier, ReadOutcome, article_failure
from storyline.store import dedup, snapshot, tables
from storyline.store.db import Db
from storyline.store.migrations import migrate
from storyline.store.records import Added, AddResult, Change, Duplicate, StorySummary
from storyline.store.serial import mention_key, reading_from_json, reading_to_json, renamed
from storyline.story.assignment import later
from storyline.story.assignment import merge as merge_profiles
from storyline.story.assignment import profile as article_profile
from storyline.version import __version__

Reader = Callable[[Sequence[Article]], Sequence[ArticleReading]]

# Articles parsed together before they are stored one by one: spaCy is
# faster in batches, and Ctrl-C waits for at most one batch.
READ_BATCH = 8
# Readings kept in memory per open store, by article id (a reading never
# changes once stored): a story's next article then loads only itself.
READING_CACHE = 4096


@dataclass(frozen=True)
class _Plan:
    """What the first look at an article of a batch found, before it is read."""

    shown: str  # where it was read from, as reports name it
    article: Article  # under the id it will be stored by, where it will be stored
    text_hash: str
    sig: tuple[int, ...]
    duplicate: tuple[str, str] | None  # (stored article, reason): stored already
    copy_of: str | None  # a stored article it nearly repeats

    @property
    def to_read(self) -> bool:
        return not self.duplicate and not self.copy_of


def _read_each(reader: Reader, articles: Sequence[Article]) -> list[ArticleReading | BaseException]:
    """Each article's reading, or what reading it raised: where the batch
    raises, its articles are read again one by one to tell which."""
    try:
        return list(reader(articles))
    except Exception as e:  # noqa: BLE001 - one bad article: find it below
        if len(articles) == 1:
            return [e]
    out: list[ArticleReading | BaseException] = []
    for article in articles:
        try:
            out.append(reader([article])[0])
        except Exception as e:  # noqa: BLE001 - reported in AddResult.failures
            out.append(e)
    return out


def _is_db_error(e: BaseException) -> bool:
    return isinstance(e, sqlite3.Error) or type(e).__module__.split(".")[0] == "psycopg"


class NotFound(StorylineError):
    """No story or article of that id in the store."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """Stories and their readings in SQLite or PostgreSQL. Open with open_store()."""

    def __init__(self, db: Db) -> None:
        self.db = db
        self._cache: OrderedDict[str, ArticleReading] = OrderedDict()
        migrate(db)

    # -- adding ---------------------------------------------------------

    def add(
        self,
        items: Iterable[Article | ReadOutcome],
        reader: Reader | None = None,
        stop: Callable[[], bool] | None = None,
        on_result: Callable[[Added | Duplicate], None] | None = None,
    ) -> AddResult:
        """Store articles (or what read_inputs/read_sources gave), each in its
        own transaction: an article already stored (same URL or same text)
        is reported, not stored again; a near-duplicate is stored as a copy
        of its original and kept out of the reading. ``reader`` turns
        articles into readings (default: pipeline.read_articles); ``stop``
        is asked between articles (Ctrl-C); ``on_result`` hears of each
        article as it is stored."""
        if reader is None:
            from storyline.pipeline import read_articles  # spaCy: only where no reader is given

            reader = read_articles
        failures: list[ReadOutcome] = []
        pending: list[tuple[str, Article]] = []
        for item in items:
            if isinstance(item, Article):
                pending.append((item.path or item.id, item))
            elif item.ok:
                pending.extend((item.input, a) for a in item.articles)
            else:
                failures.append(item)
        added: list[Added] = []
        dups: list[Duplicate] = []
        for i in range(0, len(pending), READ_BATCH):
            if stop and stop():
                return AddResult(tuple(added), tuple(dups), tuple(failures), stopped=True)
            for result in self._add_batch(pending[i : i + READ_BATCH], reader, stop):
                if isinstance(result, ReadOutcome):  # its reading raised: the rest go on
                    failures.append(result)
                    continue
                if isinstance(result, Added):
                    added.append(result)
                else:
                    dups.append(result)
                if on_result:
                    on_result(result)
            if stop and stop():
                return AddResult(tuple(added), tuple(dups), tuple(failures), stopped=True)
        return AddResult(tuple(added), tuple(dups), tuple(failures))

    def _add_batch(
        self, batch: Sequence[tuple[str, Article]], reader: Reader, stop: Callable[[], bool] | None
    ) -> Iterable[Added | Duplicate | ReadOutcome]:
        plans: list[_Plan] = []
        taken: set[str] = set()  # ids given in this batch: readings are found by id
        with self.db.read():  # a first look, to parse only what will be stored
            for shown, article in batch:
                h, sig = dedup.text_hash(article.text), dedup.signature(article.text)
                dup = tables.duplicate_of(self.db, article.url, h)
                copy = None if dup else tables.original_of(self.db, sig)
                if not dup and not copy:
                    article = replace(article, id=tables.unique_id(self.db, article.id, taken))
                    taken.add(article.id)
                plans.append(_Plan(shown, article, h, sig, duplicate=dup, copy_of=copy))
        wanted = [i for i, p in enumerate(plans) if p.to_read]
        read = _read_each(reader, [plans[i].article for i in wanted]) if wanted else []
        readings = dict(zip(wanted, read, strict=True))  # by place in the batch
        for i, plan in enumerate(plans):
            if plan.duplicate:
                yield Duplicate(plan.shown, *plan.duplicate)  # type: ignore[arg-type]
                continue
            if stop and stop():
                return
            reading = readings.get(i)
            try:
                if isinstance(reading, BaseException):
                    raise reading
                yield self._add_one(
                    plan.shown, plan.article, plan.text_hash, plan.sig, reading, reader
                )
            except Exception as e:  # noqa: BLE001 - one article's failure, rolled back whole
                if _is_db_error(e):
                    raise  # the store itself is failing: every article would
                yield article_failure(plan.article, e, plan.shown)

    def _add_one(
        self,
        shown: str,
        article: Article,
        text_hash: str,
        sig: tuple[int, ...],
        reading: ArticleReading | None,
        reader: Reader,
    ) -> Added | Duplicate:
        db, now = self.db, _now()
        with db.write():
            # another process may have stored it since the first look
            if dup := tables.duplicate_of(db, article.url, text_hash):
                return Duplicate(shown, dup[0], dup[1])  # type: ignore[arg-type]
            new_id = tables.unique_id(db, article.id, ())
            if original := tables.original_of(db, sig):
                return self._add_copy(shown, article, new_id, text_hash, sig, original, now)
            if reading is None:  # a copy at first look, not now: articles are never deleted,
                reading = reader([article])[0]  # so this cannot happen; but stay whole if it does
            if new_id != reading.document.id:
                reading = renamed(reading, new_id)
            prof = article_profile(reading.mentions)
            when = reading.document.date
            story = tables.assign(db, prof, when)
            is_new = story is None
            story = story or tables.new_story(db, now)
            self._insert(article, new_id, text_hash, sig, story, None, prof, when, now)
            db.run(
                "INSERT INTO readings (article_id, version, data) VALUES (?, ?, ?)",
                (new_id, __version__, reading_to_json(reading)),
            )
            tables.count_article_features(db, prof)
            old, size, last = tables.story_profile(db, story)
            new = merge_profiles(old, prof, size)
            db.run(
                "UPDATE stories SET profile = ?, size = ?, last_date = ? WHERE id = ?",
                (json.dumps(new), size + 1, later(last, when), story),
            )
            tables.set_story_features(db, story, old, new)
            changes = snapshot.update(
                db, story, self._build(story, {new_id: reading}), now=now, article=new_id
            )
        self._cache_put(new_id, reading)  # only once committed: a rolled-back id may come again
        return Added(new_id, shown, story, is_new, None, tuple(changes))

    def _add_copy(
        self,
        shown: str,
        article: Article,
        new_id: str,
        text_hash: str,
        sig: tuple[int, ...],
        original: str,
        now: str,
    ) -> Added:
        row = self.db.one("SELECT story_id FROM articles WHERE id = ?", (original,))
        assert row is not None
        story = row[0]
        self._insert(article, new_id, text_hash, sig, story, original, {}, article.date, now)
        snapshot.summarise(self.db, story, self._build(story), now)
        return Added(new_id, shown, story, False, original)

    def _insert(
        self,
        article: Article,
        new_id: str,
        text_hash: str,
        sig: tuple[int, ...],
        story: str,
        copy_of: str | None,
        prof: dict[str, float],
        published: str | None,
        now: str,
    ) -> None:
        seq = tables.next_value(self.db, "article")
        self.db.run(
            "INSERT INTO articles (id, seq, story_id, copy_of, url, text_hash, source, published, "
            "title, path, text, signature, profile, added_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                new_id,
                seq,
                story,
                copy_of,
                article.url,
                text_hash,
                article.source,
                published,
                article.title,
                article.path,
                article.text,
                dedup.encode(sig),
                json.dumps(prof),
                now,
            ),
        )
        self.db.run_many(
            "INSERT INTO article_bands (band, article_id) VALUES (?, ?)",
            [(b, new_id) for b in dict.fromkeys(dedup.bands(sig))],
        )

    # -- reading --------------------------------------------------------

    def _cache_put(self, article_id: str, reading: ArticleReading) -> None:
        self._cache[article_id] = reading
        self._cache.move_to_end(article_id)
        while len(self._cache) > READING_CACHE:
            self._cache.popitem(last=False)

    def _readings(self, story_id: str, extra: dict[str, ArticleReading]) -> list[ArticleReading]:
        ids = [
            r[0]
            for r in self.db.rows(
                "SELECT id FROM articles WHERE story_id = ? AND copy_of IS NULL", (story_id,)
            )
        ]
        found = {i: r for i in ids if (r := extra.get(i) or self._cache.get(i)) is not None}
        for article_id, data, text in self.db.rows_in(
            "SELECT r.article_id, r.data, a.text FROM readings r "
            "JOIN articles a ON a.id = r.article_id WHERE r.article_id IN ({})",
            [i for i in ids if i not in found],
        ):
            found[article_id] = reading_from_json(data, text)
            # safe to keep even inside a write: only the article being added there
            # is uncommitted, and its reading comes in ``extra``, not from here
            self._cache_put(article_id, found[article_id])
        return [found[i] for i in ids]

    def _build(self, story_id: str, extra: dict[str, ArticleReading] | None = None) -> Dossier:
        from storyline.pipeline import build_dossier  # the pipeline module loads spaCy

        return build_dossier(self._readings(story_id, extra or {}))

    def _require(self, story_id: str) -> None:
        if not self.db.one("SELECT 1 FROM stories WHERE id = ?", (story_id,)):
            raise NotFound(f"no story {story_id!r} in the store (storyline stories lists them)")

    def stories(self) -> list[StorySummary]:
        """Every story, the most recently updated first."""
        out = []
        with self.db.read():
            rows = self.db.rows(
                "SELECT id, title, articles, created_at, updated_at, summary, seq FROM stories"
            )
        for sid, title, articles, created, updated, summary, _ in sorted(
            rows, key=lambda r: (r[4], r[6]), reverse=True
        ):
            s = json.loads(summary)
            out.append(
                StorySummary(
                    id=sid,
                    title=title,
                    articles=int(articles),
                    copies=s.get("copies", 0),
                    outlets=tuple(s.get("outlets", ())),
                    first_date=s.get("first_date"),
                    last_date=s.get("last_date"),
                    created=created,
                    last_update=updated,
                    claims=s.get("claims", 0),
                    verdicts=s.get("verdicts", {}),
                    conflicts=s.get("conflicts", {}),
                )
            )
        return out

    def dossier(self, story_id: str) -> Dossier:
        """The story's dossier, the same as analyze() gives for its articles
        (copies left out); ``meta`` names the story and lists its copies."""
        with self.db.read():
            self._require(story_id)
            dossier = self._build(story_id)
            title = self.db.one("SELECT title FROM stories WHERE id = ?", (story_id,))
            copy_rows = self.db.rows(
                "SELECT id, copy_of, source FROM articles "
                "WHERE story_id = ? AND copy_of IS NOT NULL",
                (story_id,),
            )
            copies: dict[str, str] = {r[0]: r[1] for r in copy_rows}
            states = {
                frozenset(json.loads(m)): k
                for k, m in self.db.rows(
                    "SELECT claim_key, mentions FROM claims WHERE story_id = ?", (story_id,)
                )
            }
        keys = tuple(
            (c.id, states.get(frozenset(mention_key(m) for m in c.mentions), ""))
            for c in dossier.claims
        )
        meta = replace(
            dossier.meta,
            story=f"{title[0] if title else ''} ({story_id})",
            story_id=story_id,
            copies=tuple(copies.items()),
            claim_keys=keys,
        )
        # A stored copy relays its original's claims: provenance counts it.
        # (Imported here: story.provenance uses this package's dedup.)
        from storyline.story.provenance import trace

        claims = trace(
            dossier.claims, dossier.documents, meta.copies, {r[0]: r[2] for r in copy_rows}
        )
        return replace(dossier, meta=meta, claims=claims)

    def changes(self, story_id: str, since: str | None = None) -> list[Change]:
        """The story's history, oldest first: new claims, verdict moves and
        new conflicts, each with the article that caused it and its evidence.
        ``since``: an ISO date or time; only changes recorded from then on."""
        with self.db.read():
            self._require(story_id)
            return snapshot.load_changes(self.db, story_id, since)

    def story_of(self, article_id: str) -> str | None:
        """The story a stored article belongs to (None: no such article)."""
        row = self.db.one("SELECT story_id FROM articles WHERE id = ?", (article_id,))
        return row[0] if row else None

    def has_url(self, url: str) -> bool:
        """Whether an article from this URL is stored (a feed entry seen before)."""
        return self.db.one("SELECT 1 FROM articles WHERE url = ?", (url,)) is not None

    def articles(self, story_id: str) -> list[dict[str, Any]]:
        """The story's articles in the order they came: id, url, source,
        date, title, copy_of, added_at."""
        with self.db.read():
            self._require(story_id)
            rows = self.db.rows(
                "SELECT id, url, source, published, title, copy_of, added_at FROM articles "
                "WHERE story_id = ? ORDER BY seq",
                (story_id,),
            )
        keys = ("id", "url", "source", "date", "title", "copy_of", "added_at")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    # -- by hand --------------------------------------------------------

    def merge(self, into: str, other: str) -> list[Change]:
        """Make ``other`` part of ``into`` (the reader knows they are one
        story); returns what that changed in the reading of ``into``."""
        if into == other:
            raise NotFound(f"cannot merge story {into} with itself")
        db, now = self.db, _now()
        with db.write():
            self._require(into)
            self._require(other)
            for table in ("articles", "claims", "conflicts", "changes"):
                db.run(f"UPDATE {table} SET story_id = ? WHERE story_id = ?", (into, other))
            tables.set_story_features(db, other, tables.story_profile(db, other)[0], ())
            db.run("DELETE FROM stories WHERE id = ?", (other,))
            tables.reprofile(db, into)
            return snapshot.update(
                db, into, self._build(into), now=now, note=f"merged {other} into {into}"
            )

    def split(self, story_id: str, article_ids: Sequence[str]) -> str:
        """Move ``article_ids`` (and their copies) out of ``story_id`` into a
        new story; returns the new story's id."""
        db, now = self.db, _now()
        with db.write():
            self._require(story_id)
            members = {
                r[0]: r[1]
                for r in db.rows("SELECT id, copy_of FROM articles WHERE story_id = ?", (story_id,))
            }
            unknown = [a for a in article_ids if a not in members]
            if unknown:
                raise NotFound(f"not in story {story_id}: {', '.join(unknown)}")
            moving = set(article_ids) | {a for a, orig in members.items() if orig in article_ids}
            if moving >= members.keys():
                raise NotFound(f"splitting those off would leave story {story_id} empty")
            before, before_conflicts = (
                snapshot.claim_states(db, story_id),
                snapshot.conflict_states(db, story_id),
            )
            new_sid = tables.new_story(db, now)
            db.run_many(
                "UPDATE articles SET story_id = ? WHERE id = ?",
                [(new_sid, a) for a in sorted(moving)],
            )
            tables.reprofile(db, story_id)
            tables.reprofile(db, new_sid)
            note = f"split {new_sid} from {story_id}"
            snapshot.update(db, story_id, self._build(story_id), now=now, note=note)
            kept = {s.key for s in snapshot.claim_states(db, story_id)}
            snapshot.update(
                db,
                new_sid,
                self._build(new_sid),
                now=now,
                previous=[s for s in before if s.key not in kept],
                previous_conflicts={k: e for k, e in before_conflicts.items() if k[0] not in kept},
                note=note,
            )
            return new_sid

    def close(self) -> None:
        """Close the connection; what was added is already committed."""
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
