"""Read articles one at a time, for corpora too large to hold.

``iter_inputs`` reads what ``read.read_inputs`` reads, with the same ids and
the same reasons for failures, but yields one outcome per article (or per
failure) as it goes: JSON Lines (and .gz of them) line by line, folders file
by file. Only the file names and the article ids met so far are held.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from storyline.ingest.files import (
    READ_ERRORS,
    ReadOptions,
    _kind,
    _read_file,
    open_jsonl,
    planned_files,
    read_failure,
    record_outcome,
    unique_id,
)
from storyline.ingest.records import jsonl_records
from storyline.model import ReadOutcome

__all__ = ["count_inputs", "iter_inputs"]

_COUNT_CHUNK = 1 << 20


def iter_inputs(
    paths: Iterable[str | os.PathLike[str]], options: ReadOptions | None = None
) -> Iterator[ReadOutcome]:
    """Each article of the inputs, in reading order, as an outcome holding it
    alone (``input`` is its file), and each failure as a failed outcome: a
    bad line of a JSON Lines file is named ``file:line``. Every bad record is
    listed, not only the first few as ``read_inputs`` does."""
    options = options or ReadOptions()
    used: set[str] = set()
    for item in planned_files(paths, options):
        if isinstance(item, ReadOutcome):
            yield item
            continue
        shown, path, file_id = item
        outcomes = (
            _jsonl(shown, path, file_id, options)
            if _kind(path.name) == "jsonl"
            else iter(_read_file(shown, path, file_id, options))
        )  # one file, bounded by max_bytes
        for outcome in outcomes:
            for article in outcome.articles:
                yield ReadOutcome(outcome.input, articles=(unique_id(article, used),))
            if not outcome.ok:
                yield outcome


def _jsonl(shown: str, path: Path, file_id: str, options: ReadOptions) -> Iterator[ReadOutcome]:
    records = 0
    try:
        with open_jsonl(shown, path) as stream:
            for record in jsonl_records(stream, options.max_bytes):
                records += 1
                yield record_outcome(shown, file_id, record, ":")
    except Exception as e:  # noqa: BLE001 - e.g. a .gz cut short: what came before it stands
        yield read_failure(shown, e)
        return
    if not records:
        yield ReadOutcome(shown, error=f"{shown}: empty file (no records)")


def count_inputs(
    paths: Iterable[str | os.PathLike[str]], options: ReadOptions | None = None
) -> int:
    """About how many articles the inputs hold, without parsing them: one per
    file, one per non-blank line of a JSON Lines file (for a progress bar)."""
    options = options or ReadOptions()
    total = 0
    for item in planned_files(paths, options):
        if isinstance(item, ReadOutcome):
            continue
        shown, path, _ = item
        if _kind(path.name) != "jsonl":
            total += 1
            continue
        try:
            with open_jsonl(shown, path) as stream:
                total += sum(_lines(stream))
        except READ_ERRORS:
            continue
    return total


def _lines(stream: IO[bytes]) -> Iterator[int]:
    last = b"\n"
    while chunk := stream.read(_COUNT_CHUNK):
        yield chunk.count(b"\n")
        last = chunk[-1:]
    if last != b"\n":
        yield 1  # a last line without its newline
