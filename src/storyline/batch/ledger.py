"""What a batch has done, kept in its output folder so a rerun resumes.

Three things, each written as the batch goes:

- ``readings/part-NNNNN.jsonl``: one line per article read, its ArticleReading
  as JSON; a run appends to new parts, never rewrites old ones.
- ``ledger.sqlite``: per article done, its key (id and content digest), its
  place in the input stream, date, profile and where its line is. A row is
  committed only after its line is flushed, so the ledger never points at
  a line that is not there; a line without a row is read again next time.
- ``failures.jsonl``: this run's inputs and articles that gave no reading.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from storyline.batch.work import Result

__all__ = ["FailureLog", "Ledger", "PartWriter", "ReadingStore"]

LEDGER_NAME = "ledger.sqlite"
# Lines per part file: parts stay a few tens of MB (a reading is ~20 KB)
# and a folder of a million articles holds a few hundred of them.
PART_ARTICLES = 2000
_PART = re.compile(r"part-(\d+)\.jsonl$")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    key TEXT PRIMARY KEY,
    id TEXT NOT NULL,
    input TEXT NOT NULL,
    seq INTEGER NOT NULL,     -- place in the inputs of the run that last met it
    run INTEGER NOT NULL,     -- that run
    date TEXT,
    profile TEXT NOT NULL,    -- JSON: feature -> weight
    part INTEGER NOT NULL,
    offset INTEGER NOT NULL,
    length INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (run INTEGER PRIMARY KEY, options TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS assignment (article INTEGER PRIMARY KEY, story INTEGER NOT NULL);
"""


class Ledger:
    """The output folder's record of articles done (one connection, one thread)."""

    def __init__(self, folder: Path) -> None:
        self.db = sqlite3.connect(folder / LEDGER_NAME)
        # WAL: a commit per chunk costs an append, not a rewrite of pages.
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)

    def start_run(self, options: dict[str, object]) -> int:
        cur = self.db.execute("INSERT INTO runs (options) VALUES (?)", (json.dumps(options),))
        self.db.commit()
        return int(cur.lastrowid or 0)

    def resume(self, key: str, seq: int, run: int) -> bool:
        """Whether the article with this key is done; if so it joins this run."""
        cur = self.db.execute("UPDATE articles SET run = ?, seq = ? WHERE key = ?", (run, seq, key))
        return cur.rowcount > 0

    def add(self, result: Result, run: int, where: tuple[int, int, int]) -> None:
        task = result.task
        self.db.execute(
            "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                task.key,
                task.article.id,
                task.input,
                task.seq,
                run,
                result.date,
                json.dumps(result.profile, separators=(",", ":")),
                *where,
            ),
        )

    def commit(self) -> None:
        self.db.commit()

    def in_date_order(self, run: int) -> Iterator[tuple[int, str | None, dict[str, float]]]:
        """(row, date, profile) of the run's articles by date, undated first,
        then input order: the order stories.cluster assigns in. SQLite sorts,
        spilling to disk, so the driver never holds the list."""
        rows = self.db.execute(
            "SELECT rowid, date, profile FROM articles WHERE run = ? "
            "ORDER BY COALESCE(date, ''), seq",
            (run,),
        )
        for row, date, prof in rows:
            yield row, date, json.loads(prof)

    def set_stories(self, pairs: Iterable[tuple[int, int]]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO assignment VALUES (?, ?)", pairs)

    def clear_stories(self) -> None:
        self.db.execute("DELETE FROM assignment")

    def by_story(self, run: int) -> Iterator[tuple[int, int, int, int]]:
        """(story, part, offset, length) of the run's articles, story by story."""
        return self.db.execute(
            "SELECT s.story, a.part, a.offset, a.length FROM assignment s "
            "JOIN articles a ON a.rowid = s.article WHERE a.run = ? ORDER BY s.story, a.seq",
            (run,),
        )

    def close(self) -> None:
        self.db.close()


class PartWriter:
    """Appends reading lines to part files in ``folder``, starting a new part
    after PART_ARTICLES lines; a new run never appends to an old part."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        numbers = [int(m.group(1)) for p in folder.iterdir() if (m := _PART.match(p.name))]
        self.part = max(numbers, default=0)
        self.lines = PART_ARTICLES
        self.stream: IO[bytes] | None = None

    def write(self, line: str) -> tuple[int, int, int]:
        """Appends a line; returns (part, offset, length) to find it again."""
        if self.stream is None or self.lines >= PART_ARTICLES:
            self.close()
            self.part += 1
            self.stream = open(self.folder / f"part-{self.part:05d}.jsonl", "ab")
            self.lines = 0
        data = line.encode("utf-8") + b"\n"
        offset = self.stream.tell()
        self.stream.write(data)
        self.lines += 1
        return self.part, offset, len(data)

    def flush(self) -> None:
        if self.stream is not None:
            self.stream.flush()

    def close(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None


class ReadingStore:
    """Reads reading lines back from the part files, keeping a few open."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.open: dict[int, IO[bytes]] = {}

    def line(self, part: int, offset: int, length: int) -> bytes:
        stream = self.open.get(part)
        if stream is None:
            if len(self.open) >= 8:  # stories are read in date order: few parts at a time
                self.open.pop(next(iter(self.open))).close()
            stream = self.open[part] = open(self.folder / f"part-{part:05d}.jsonl", "rb")
        stream.seek(offset)
        return stream.read(length)

    def close(self) -> None:
        for stream in self.open.values():
            stream.close()
        self.open.clear()


class FailureLog:
    """``failures.jsonl``: one line per input or article that gave no reading."""

    def __init__(self, path: Path) -> None:
        self.stream = open(path, "w", encoding="utf-8")
        self.count = 0

    def add(self, input: str, error: str, article: str | None = None) -> None:
        record = {"input": input, "article": article, "error": error}
        self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.count += 1

    def flush(self) -> None:
        self.stream.flush()

    def close(self) -> None:
        self.stream.close()
