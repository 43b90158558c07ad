"""After the per-article stage: articles into stories, stories into dossiers.

Story assignment is stories.StoryIndex fed in the order stories.cluster
uses (date, then input order), from the ledger's sorted rows: the driver
holds the open stories' profiles, never the articles. Each story's
readings are then read back from the part files, put together with
pipeline.build_dossier and written as ``stories/<id>.json`` (the JSON that
``storyline analyze`` writes) and as rows of the Parquet tables.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from storyline.batch.ledger import Ledger, ReadingStore
from storyline.batch.tables import TableWriter
from storyline.batch.work import decode_reading
from storyline.codec import to_dict
from storyline.pipeline import build_dossier
from storyline.story.assignment import StoryIndex

__all__ = ["StoryTotals", "assign_stories", "write_stories"]

_ASSIGN_BATCH = 1000  # rows written to the ledger at a time


@dataclass
class StoryTotals:
    stories: int = 0
    claims: int = 0
    conflicts: int = 0
    verdicts: dict[str, int] = field(default_factory=dict)


def assign_stories(ledger: Ledger, run: int) -> int:
    """Assigns each of the run's articles its story; returns how many stories."""
    index = StoryIndex()
    numbers: dict[str, int] = {}  # StoryIndex's ids ("s12") -> number, in order of first article
    ledger.clear_stories()
    pending: list[tuple[int, int]] = []
    for row, date, prof in ledger.in_date_order(run):
        sid = index.assign(prof, date)
        pending.append((row, numbers.setdefault(sid, len(numbers) + 1)))
        if len(pending) >= _ASSIGN_BATCH:
            ledger.set_stories(pending)
            pending.clear()
    ledger.set_stories(pending)
    ledger.commit()
    return len(numbers)


def write_stories(
    ledger: Ledger, run: int, output: Path, progress: Callable[[int], None] | None = None
) -> StoryTotals:
    """Writes ``stories/`` and ``tables/`` under ``output`` from the assigned
    articles. Both are built beside the old ones and swapped in at the end,
    so an interrupted run leaves the last complete ones in place."""
    stories_tmp, tables_tmp = output / "stories.partial", output / "tables.partial"
    for tmp in (stories_tmp, tables_tmp):
        shutil.rmtree(tmp, ignore_errors=True)
    stories_tmp.mkdir(parents=True)
    store = ReadingStore(output / "readings")
    tables = TableWriter(tables_tmp)
    totals = StoryTotals()
    try:
        rows = ledger.by_story(run)
        for number, members in itertools.groupby(rows, key=lambda r: r[0]):
            readings = [
                decode_reading(store.line(part, offset, length))
                for _, part, offset, length in members
            ]
            story = f"s{number}"
            dossier = build_dossier(readings)
            dossier = replace(dossier, meta=replace(dossier.meta, story=story))
            data = to_dict(dossier)
            # Compact, not indented as `analyze` writes it: the same data, and
            # json's C encoder only serves compact output (indenting was a
            # third of this stage's time).
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            (stories_tmp / f"{story}.json").write_text(text + "\n", encoding="utf-8")
            tables.add(data, story)
            totals.stories += 1
            totals.claims += len(dossier.claims)
            totals.conflicts += len(dossier.conflicts)
            for c in dossier.claims:
                totals.verdicts[c.verdict] = totals.verdicts.get(c.verdict, 0) + 1
            if progress:
                progress(len(readings))
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
