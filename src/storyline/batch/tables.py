"""The batch's Parquet tables: every story's documents, claims, mentions,
conflicts, figures and timeline, one row per record, with its story id.

Columns follow the model's dataclasses field by field (a nested record is a
struct, a tuple a list), so a field added to model.py appears here with no
edit. Rows are written in row groups as stories finish: memory holds one
row group per table, not the corpus.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa
import pyarrow.parquet as pq

from storyline.model import Claim, Conflict, Document, Figure, Mention, Skipped, TimelineEvent

__all__ = ["TABLES", "TableWriter"]

# Rows held per table before they are written as a row group: a documents
# row carries its article's text (~5 KB), so 1,000 rows is ~5 MB.
ROW_GROUP_ROWS = 1000


def _arrow(hint: Any) -> pa.DataType:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return _arrow(inner[0]) if len(inner) == 1 else pa.string()
    if origin is Literal:
        return pa.string()
    if origin is tuple:
        return pa.list_(_arrow(typing.get_args(hint)[0]))
    if dataclasses.is_dataclass(hint):
        return pa.struct(_fields(hint))
    return {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}[hint]


def _fields(cls: Any, drop: tuple[str, ...] = ()) -> list[pa.Field]:
    hints = typing.get_type_hints(cls)
    return [
        pa.field(f.name, _arrow(hints[f.name]))
        for f in dataclasses.fields(cls)
        if f.name not in drop
    ]


def rows_of(data: dict[str, Any], story: str) -> dict[str, Iterable[dict[str, Any]]]:
    """The rows of one story's dossier, from its JSON data (render.to_dict)."""
    claims = data["claims"]
    return {
        "documents": ({"story": story, **d} for d in data["documents"]),
        "claims": (
            {
                "story": story,
                "id": c["id"],
                "text": c["text"],
                "verdict": c["verdict"],
                "mentions": len(c["mentions"]),
                "articles": len({m["doc"] for m in c["mentions"]}),
            }
            for c in claims
        ),
        "mentions": (
            {"story": story, "claim": c["id"], **m} for c in claims for m in c["mentions"]
        ),
        "conflicts": ({"story": story, **c} for c in data["conflicts"]),
        "figures": ({"story": story, **f} for f in data["figures"]),
        "timeline": ({"story": story, **e} for e in data["timeline"]),
    }


def _document_fields() -> list[pa.Field]:
    # A document's skipped spans leave out their ``doc``: it is the row's id (as in the JSON).
    skipped = pa.field("skipped", pa.list_(pa.struct(_fields(Skipped, drop=("doc",)))))
    return [skipped if f.name == "skipped" else f for f in _fields(Document)]


_STORY = pa.field("story", pa.string())
# Table name -> its schema. A claim row counts its mentions; the mentions
# themselves are rows of "mentions", keyed by story and claim id.
TABLES: dict[str, pa.Schema] = {
    "documents": pa.schema([_STORY, *_document_fields()]),
    "claims": pa.schema(
        [
            _STORY,
            *_fields(Claim, drop=("mentions",)),
            pa.field("mentions", pa.int64()),
            pa.field("articles", pa.int64()),
        ]
    ),
    "mentions": pa.schema([_STORY, pa.field("claim", pa.string()), *_fields(Mention)]),
    "conflicts": pa.schema([_STORY, *_fields(Conflict)]),
    "figures": pa.schema([_STORY, *_fields(Figure)]),
    "timeline": pa.schema([_STORY, *_fields(TimelineEvent)]),
}


class TableWriter:
    """Writes the six tables into ``folder`` as ``<name>.parquet``, story by story."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.writers = {
            name: pq.ParquetWriter(folder / f"{name}.parquet", schema)
            for name, schema in TABLES.items()
        }
        self.buffers: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}

    def add(self, data: dict[str, Any], story: str) -> None:
        """Adds one story's rows; ``data`` is its dossier as render.to_dict gives it."""
        self.add_rows(rows_of(data, story))

    def add_rows(self, tables: Mapping[str, Iterable[dict[str, Any]]]) -> None:
        """Adds one story's rows as rows_of gives them (table name -> rows)."""
        for name, rows in tables.items():
            buffer = self.buffers[name]
            buffer.extend(rows)
            if len(buffer) >= ROW_GROUP_ROWS:
                self._flush(name)

    def _flush(self, name: str) -> None:
        if self.buffers[name]:
            table = pa.Table.from_pylist(self.buffers[name], schema=TABLES[name])
            self.writers[name].write_table(table)
            self.buffers[name] = []

    def close(self) -> None:
        for name, writer in self.writers.items():
            self._flush(name)
            writer.close()


def read_table(path: Path) -> list[dict[str, Any]]:
    """A table's rows as dicts (for tests and small looks)."""
    return typing.cast(list[dict[str, Any]], pq.read_table(path).to_pylist())
