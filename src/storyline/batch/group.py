"""After the per-article stage: articles into stories, stories into dossiers.

Story assignment is stories.StoryIndex fed in the order stories.cluster
uses (date, then input order), from the ledger's sorted rows: the driver
holds the open stories' profiles, never the articles, and closes each story
once the dates have left its window behind, so it holds only the window's.
Each story's readings are then read back from the part files and sent, a
few stories at a time, to the engine's workers, which put them together
with pipeline.build_dossier and return the JSON that ``storyline analyze``
writes and the rows of the Parquet tables; the driver writes both as
``stories/<id>.json`` and ``tables/*.parquet``, in story order.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from storyline.batch.ledger import Ledger, ReadingStore
from storyline.batch.tables import TableWriter, rows_of
from storyline.batch.work import decode_reading
from storyline.codec import to_dict
from storyline.pipeline import build_dossier
from storyline.story.assignment import StoryIndex

__all__ = ["BuiltStory", "StoryTotals", "assign_stories", "build_stories", "write_stories"]

_ASSIGN_BATCH = 1000  # rows written to the ledger at a time
# Articles' stories sent to a worker as one task: enough to make the trip
# worth it, few enough that the last task leaves the others idle briefly.
STORY_TASK_ARTICLES = 16

T = TypeVar("T")
R = TypeVar("R")
# How the per-story stage runs its tasks: fn over items, results in the
# items' order (an engine's workers, or in the driver with map_here).
Mapper = Callable[[Callable[[T], R], Iterable[T]], Iterator[R]]


@dataclass
class StoryTotals:
    stories: int = 0
    claims: int = 0
    conflicts: int = 0
    verdicts: dict[str, int] = field(default_factory=dict)


def assign_stories(ledger: Ledger, run: int) -> int:
    """Assigns each of the run's articles its story; returns how many stories."""
    index = StoryIndex()
    numbers: dict[str, int] = {}  # open stories' ids ("s12") -> number, in order of first article
    count = 0
    ledger.clear_stories()
    pending: list[tuple[int, int]] = []
    today: str | None = None
    for row, date, prof in ledger.in_date_order(run):
        if date and date != today:  # dates only grow (undated come first)
            for closed in index.close_before(date):
                del numbers[closed]
            today = date
        sid = index.assign(prof, date)
        if sid not in numbers:
            count += 1
            numbers[sid] = count
        pending.append((row, numbers[sid]))
        if len(pending) >= _ASSIGN_BATCH:
            ledger.set_stories(pending)
            pending.clear()
    ledger.set_stories(pending)
    ledger.commit()
    return count


@dataclass(frozen=True)
class BuiltStory:
    """One story's output, as a worker returns it to the driver."""

    story: str
    text: str  # stories/<story>.json
    rows: dict[str, list[dict[str, Any]]]  # table name -> rows
    articles: int
    claims: int
    conflicts: int
    verdicts: dict[str, int]


def build_stories(stories: Sequence[tuple[int, Sequence[bytes]]]) -> list[BuiltStory]:
    """The per-story stage on a few stories (number, encoded readings): a
    plain top-level function over picklable records, run on the workers."""
    return [_build(number, lines) for number, lines in stories]


def _build(number: int, lines: Sequence[bytes]) -> BuiltStory:
    story = f"s{number}"
    dossier = build_dossier([decode_reading(x) for x in lines])
    dossier = replace(dossier, meta=replace(dossier.meta, story=story))
    data = to_dict(dossier)
    verdicts: dict[str, int] = {}
    for c in dossier.claims:
        verdicts[c.verdict] = verdicts.get(c.verdict, 0) + 1
    return BuiltStory(
        story,
        # Compact, not indented as `analyze` writes it: the same data, and
        # json's C encoder only serves compact output (indenting was a
        # third of this stage's time).
        json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        {name: list(rows) for name, rows in rows_of(data, story).items()},
        len(lines),
        len(dossier.claims),
        len(dossier.conflicts),
        verdicts,
    )


def map_here(fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
    """A Mapper that runs each task in the driver, one after another."""
    return map(fn, items)


def write_stories(
    ledger: Ledger,
    run: int,
    output: Path,
    progress: Callable[[int], None] | None = None,
    mapper: Mapper[Any, Any] = map_here,
) -> StoryTotals:
    """Writes ``stories/`` and ``tables/`` under ``output`` from the assigned
    articles, each story built by ``mapper`` (the engine's workers). Both are
    built beside the old ones and swapped in at the end, so an interrupted
    run leaves the last complete ones in place."""
    stories_tmp, tables_tmp = output / "stories.partial", output / "tables.partial"
    for tmp in (stories_tmp, tables_tmp):
        shutil.rmtree(tmp, ignore_errors=True)
    stories_tmp.mkdir(parents=True)
    store = ReadingStore(output / "readings")
    tables = TableWriter(tables_tmp)
    totals = StoryTotals()
    try:
        for built in mapper(build_stories, _story_tasks(ledger.by_story(run), store)):
            for b in built:
                (stories_tmp / f"{b.story}.json").write_text(b.text + "\n", encoding="utf-8")
                tables.add_rows(b.rows)
                totals.stories += 1
                totals.claims += b.claims
                totals.conflicts += b.conflicts
                for verdict, n in b.verdicts.items():
                    totals.verdicts[verdict] = totals.verdicts.get(verdict, 0) + n
                if progress:
                    progress(b.articles)
    finally:
        tables.close()
        store.close()
    for tmp, final in ((stories_tmp, output / "stories"), (tables_tmp, output / "tables")):
        old = output / f"{final.name}.old"
        if final.exists():
            os.replace(final, old)
        os.replace(tmp, final)
        shutil.rmtree(old, ignore_errors=True)
    return totals


def _story_tasks(
    rows: Iterable[tuple[int, int, int, int]], store: ReadingStore
) -> Iterator[list[tuple[int, list[bytes]]]]:
    """The stories' encoded readings, read back lazily, a few stories a task."""
    task: list[tuple[int, list[bytes]]] = []
    size = 0
    for number, members in itertools.groupby(rows, key=lambda r: r[0]):
        lines = [store.line(part, offset, length) for _, part, offset, length in members]
        task.append((number, lines))
        size += len(lines)
        if size >= STORY_TASK_ARTICLES:
            yield task
            task, size = [], 0
    if task:
        yield task
