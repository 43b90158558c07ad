"""Readings and mentions as JSON text for the store, and back.

The records are coded by codec.py, field by field, so a field added to
model.py is stored too. The article's text is kept once, in
``articles.text``: a stored reading's document has none, and gets it back
on loading.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from storyline.codec import reading_from_dict, reading_to_dict, record_from_dict, record_to_dict
from storyline.model import ArticleReading, Mention, Skipped


def dumps(value: Any) -> str:
    """Compact JSON text, as every column of JSON in the store holds it."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def reading_to_json(reading: ArticleReading) -> str:
    return dumps(reading_to_dict(reading, text=False))


def reading_from_json(data: str, text: str) -> ArticleReading:
    return reading_from_dict(json.loads(data), text=text)


def mentions_to_json(mentions: Iterable[Mention]) -> list[dict[str, Any]]:
    return [record_to_dict(m) for m in mentions]


def mentions_from_json(data: Sequence[dict[str, Any]]) -> tuple[Mention, ...]:
    return tuple(record_from_dict(Mention, m) for m in data)


def mention_key(m: Mention) -> str:
    """A mention's identity in the store: its article and offsets."""
    return f"{m.doc}:{m.start}:{m.end}"


def renamed(reading: ArticleReading, new_id: str) -> ArticleReading:
    """The same reading under another article id (two articles of one name)."""

    def doc(items: Iterable[Any]) -> tuple[Any, ...]:
        return tuple(replace(x, doc=new_id) for x in items)

    skipped: tuple[Skipped, ...] = doc(reading.document.skipped)
    return ArticleReading(
        document=replace(reading.document, id=new_id, skipped=skipped),
        mentions=doc(reading.mentions),
        figures=doc(reading.figures),
        timeline=doc(reading.timeline),
        aliases=reading.aliases,
    )
