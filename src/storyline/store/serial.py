"""Readings and mentions as JSON text for the store, and back.

Field by field from the dataclasses' definitions, with the JSON face's own
helpers (render/json_out.py), so a field added to model.py is stored too.
The article's text is kept once, in ``articles.text``: a stored reading's
document has none, and gets it back on loading.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from storyline.model import Document, Figure, Mention, Skipped, TimelineEvent
from storyline.render.json_out import _build, _record

if TYPE_CHECKING:  # the pipeline loads spaCy: imported where a reading is built
    from storyline.model import ArticleReading


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def reading_to_json(reading: ArticleReading) -> str:
    document = _record(reading.document)
    document["text"] = None
    return _dumps(
        {
            "document": document,
            "mentions": [_record(m) for m in reading.mentions],
            "figures": [_record(f) for f in reading.figures],
            "timeline": [_record(e) for e in reading.timeline],
            "aliases": [list(a) for a in reading.aliases],
        }
    )


def reading_from_json(data: str, text: str) -> ArticleReading:
    from storyline.model import ArticleReading

    d = json.loads(data)
    return ArticleReading(
        document=_build(Document, {**d["document"], "text": text}),
        mentions=tuple(_build(Mention, m) for m in d["mentions"]),
        figures=tuple(_build(Figure, f) for f in d["figures"]),
        timeline=tuple(_build(TimelineEvent, e) for e in d["timeline"]),
        aliases=tuple((a, b) for a, b in d["aliases"]),
    )


def mentions_to_json(mentions: Iterable[Mention]) -> list[dict[str, Any]]:
    return [_record(m) for m in mentions]


def mentions_from_json(data: Sequence[dict[str, Any]]) -> tuple[Mention, ...]:
    return tuple(_build(Mention, m) for m in data)


def dumps(value: Any) -> str:
    return _dumps(value)


def mention_key(m: Mention) -> str:
    """A mention's identity in the store: its article and offsets."""
    return f"{m.doc}:{m.start}:{m.end}"


def renamed(reading: ArticleReading, new_id: str) -> ArticleReading:
    """The same reading under another article id (two articles of one name)."""
    from storyline.model import ArticleReading

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
