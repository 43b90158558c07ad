"""All of the web app's access to the store, in one place.

Reads and writes each run in a thread of their own, on a store opened in that
thread: a page is never held up by an article being added (the store's
readers never wait for its writer), and no connection is shared between
threads.
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from storyline.errors import ConfigError
from storyline.model import Dossier, ReadOutcome
from storyline.store import (
    Added,
    AddResult,
    Change,
    Duplicate,
    NotFound,
    Store,
    StorySummary,
    open_store,
)

T = TypeVar("T")
Progress = Callable[[int, int, str], None]


class UnknownStory(LookupError):
    """No story has this id."""


@dataclass(frozen=True)
class Placed:
    """An added article the reader asked to put in a story the store had not put it in."""

    article: str
    placed_by_store: str  # the story the store chose first
    story: str  # where it is now


@dataclass(frozen=True)
class StoryRead:
    """What one read of a story gave: its summary, and what else was asked for."""

    summary: StorySummary
    dossier: Dossier | None = None
    changes: tuple[Change, ...] | None = None


class Source:
    """The store as the web app sees it. ``opener`` opens one store; it is
    called once in the reading thread and once in the writing thread."""

    def __init__(self, opener: Callable[[], Store]) -> None:
        self._opener = opener
        self._reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="storyline-read")
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="storyline-write")
        self._stores: dict[str, Store] = {}
        self._stopping = threading.Event()

    def _store(self, role: str) -> Store:
        if role not in self._stores:  # only ever touched from the role's own thread
            self._stores[role] = self._opener()
        return self._stores[role]

    async def _read(self, fn: Callable[[Store], T]) -> T:
        future = self._reader.submit(lambda: fn(self._store("read")))
        try:
            return await asyncio.wrap_future(future)
        except NotFound as e:
            raise UnknownStory(str(e)) from None

    async def stories(self) -> list[StorySummary]:
        return await self._read(lambda s: list(s.stories()))

    async def outlets(self) -> list[Any]:
        """Every outlet's profile across the stored stories (store.profiles)."""
        from storyline.store.profiles import outlet_profiles

        return await self._read(lambda s: outlet_profiles(s))

    async def story(self, story_id: str, dossier: bool = True, changes: bool = False) -> StoryRead:
        """A story's summary, with its dossier and its changes as asked, read
        in one go; UnknownStory if there is no such story."""

        def read(s: Store) -> StoryRead:
            return StoryRead(
                _summary(s, story_id),
                s.dossier(story_id) if dossier else None,
                tuple(s.changes(story_id)) if changes else None,
            )

        return await self._read(read)

    def add(
        self,
        outcomes: Sequence[ReadOutcome],
        story: str | None = None,
        progress: Progress | None = None,
    ) -> tuple[AddResult, tuple[Placed, ...]]:
        """Add read articles (blocking: called from a background job), telling
        ``progress`` of each as it is stored. With ``story``, articles the store
        put in another story are moved to it: the reader said where they belong."""
        total = sum(len(o.articles) for o in outcomes)

        def run() -> tuple[AddResult, tuple[Placed, ...]]:
            store = self._store("write")
            done = 0

            def heard(result: Added | Duplicate) -> None:
                nonlocal done
                done += 1
                if progress:
                    progress(done, total, f"read {done} of {total}: {result.input}")

            if story is not None:
                _summary(store, story)  # it may have gone since the form was shown
            result = store.add(list(outcomes), stop=self._stopping.is_set, on_result=heard)
            moved = _place(store, result, story) if story is not None else ()
            return result, moved

        try:
            return self._writer.submit(run).result()
        except NotFound as e:
            raise UnknownStory(str(e)) from None

    def close(self) -> None:
        self._stopping.set()  # an add in progress stops after its current article
        for role, pool in (("read", self._reader), ("write", self._writer)):
            store = self._stores.get(role)
            if store is not None:
                pool.submit(store.close).result()
            pool.shutdown(wait=True)


def _summary(store: Store, story_id: str) -> StorySummary:
    found = next((s for s in store.stories() if s.id == story_id), None)
    if found is None:
        raise NotFound(f"no story {story_id!r}")
    return found


def _place(store: Store, result: AddResult, story: str) -> tuple[Placed, ...]:
    """Move the added articles that went elsewhere into ``story``: a story made
    of nothing but them is merged in whole, else they are split off it first.
    A copy stays with its original: it is the same article."""
    elsewhere: dict[str, list[str]] = {}
    for a in result.added:
        if a.story != story and a.copy_of is None:
            elsewhere.setdefault(a.story, []).append(a.article)
    moved = []
    for other, ids in elsewhere.items():
        members = {m["id"] for m in store.articles(other) if m["copy_of"] is None}
        store.merge(story, other if members <= set(ids) else store.split(other, ids))
        moved += [Placed(i, other, story) for i in ids]
    return tuple(moved)


def placed_result(result: AddResult, moved: Sequence[Placed]) -> AddResult:
    """The add result with each moved article's story set to where it is now."""
    where = {p.article: p.story for p in moved}
    return replace(
        result, added=tuple(replace(a, story=where.get(a.article, a.story)) for a in result.added)
    )


def open_source(db: str | os.PathLike[str] | None) -> Source:
    """A Source over the store at ``db`` (a SQLite path or a postgresql:// URL;
    None: the default store). Opens it once at once, so a bad path fails here."""
    try:
        open_store(db).close()
    except OSError as e:  # e.g. a folder that cannot be made: a usage error, not a crash
        raise ConfigError(f"cannot open the store {db}: {e.strerror or e}") from None
    return Source(lambda: open_store(db))
