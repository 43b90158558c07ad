"""All of the web app's access to the store, in one place.

Reads and writes each run in a thread of their own, on a store opened in that
thread: a page is never held up by an article being added (the store's
readers never wait for its writer), and no connection is shared between
threads.
"""
from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Protocol, TypeVar

from storyline.model import Dossier, ReadOutcome
from storyline.store.records import AddResult, Change, StorySummary

T = TypeVar("T")
Progress = Callable[[int, int, str], None]


class StoreLike(Protocol):
    """The part of ``storyline.store.Store`` the web app uses."""

    def stories(self) -> list[StorySummary]: ...
    def dossier(self, story_id: str) -> Dossier: ...
    def changes(self, story_id: str, since: Any = None) -> list[Change]: ...
    def add(self, items: Sequence[Any], **kwargs: Any) -> AddResult: ...
    def close(self) -> None: ...


class UnknownStory(LookupError):
    """No story has this id."""


class Source:
    """The store as the web app sees it. ``opener`` opens one store; it is
    called once in the reading thread and once in the writing thread."""

    def __init__(self, opener: Callable[[], StoreLike]) -> None:
        self._opener = opener
        self._reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="storyline-read")
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="storyline-write")
        self._stores: dict[str, StoreLike] = {}

    def _store(self, role: str) -> StoreLike:
        if role not in self._stores:  # only ever touched from the role's own thread
            self._stores[role] = self._opener()
        return self._stores[role]

    async def _read(self, fn: Callable[[StoreLike], T]) -> T:
        future = self._reader.submit(lambda: fn(self._store("read")))
        return await asyncio.wrap_future(future)

    async def stories(self) -> list[StorySummary]:
        return await self._read(lambda s: list(s.stories()))

    async def story(self, story_id: str) -> tuple[StorySummary, Dossier]:
        """A story's summary and dossier, read together; UnknownStory if none."""
        def both(s: StoreLike) -> tuple[StorySummary, Dossier]:
            summary = next((x for x in s.stories() if x.id == story_id), None)
            if summary is None:
                raise UnknownStory(story_id)
            return summary, s.dossier(story_id)
        return await self._read(both)

    async def changes(self, story_id: str) -> tuple[StorySummary, list[Change]]:
        def both(s: StoreLike) -> tuple[StorySummary, list[Change]]:
            summary = next((x for x in s.stories() if x.id == story_id), None)
            if summary is None:
                raise UnknownStory(story_id)
            return summary, list(s.changes(story_id))
        return await self._read(both)

    def add(self, outcomes: Sequence[ReadOutcome], story: str | None = None,
            progress: Progress | None = None) -> AddResult:
        """Add read articles (blocking: called from a background job). With
        ``story``, the articles join that story; else the store places them."""
        def run() -> AddResult:
            store = self._store("write")
            kwargs: dict[str, Any] = {}
            if story is not None:
                kwargs["story"] = story
            return store.add(list(outcomes), **kwargs)
        return self._writer.submit(run).result()

    def close(self) -> None:
        for role, pool in (("read", self._reader), ("write", self._writer)):
            store = self._stores.get(role)
            if store is not None:
                pool.submit(store.close).result()
            pool.shutdown(wait=True)
