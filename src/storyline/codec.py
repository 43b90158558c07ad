"""storyline's records as plain JSON data and back: the one codec.

The dossier's JSON face (the contract in shared/eval/README.md), the store's
readings and the batch's part files all go through here, so a record is
written the same way wherever it is kept. It imports model.py alone: no
spaCy, no renderer.

Records are written field by field from their dataclass definitions, so every
field (the contract's and the extra ones such as a mention's ``sentence`` or
``terms``) is kept and ``from_dict(to_dict(d)) == d`` holds, even as model.py
grows. Reading goes by the fields' type hints: lists become tuples, numbers in
float fields become floats, nested records are rebuilt.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from storyline.model import (
    VERDICT_ORDER,
    ArticleReading,
    Claim,
    Conflict,
    Document,
    Dossier,
    DossierMeta,
    Figure,
    Inferred,
    Mention,
    Origin,
    ReadOutcome,
    Relay,
    Skipped,
    TimelineEvent,
)

__all__ = [
    "from_dict",
    "meta_from_dict",
    "meta_to_dict",
    "reading_from_dict",
    "reading_to_dict",
    "record_from_dict",
    "record_to_dict",
    "to_dict",
    "verdict_counts",
]

_R = TypeVar("_R")


def _value(v: Any) -> Any:
    if dataclasses.is_dataclass(v) and not isinstance(v, type):
        return _record(v)
    if isinstance(v, (tuple, list)):
        return [_value(x) for x in v]
    if isinstance(v, float) and v.is_integer():
        return int(v)  # 1500, not 1500.0
    if isinstance(v, dict):
        return {k: _value(x) for k, x in v.items()}
    return v


_RECORDS = (
    Claim,
    Conflict,
    Document,
    Figure,
    Inferred,
    Mention,
    Origin,
    Relay,
    Skipped,
    TimelineEvent,
)
# Looked up once: dataclasses.fields and get_type_hints are slow next to one record.
_NAMES: dict[type, tuple[str, ...]] = {
    cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in _RECORDS
}
_HINTS: dict[type, dict[str, Any]] = {cls: typing.get_type_hints(cls) for cls in _RECORDS}


def _names(cls: type) -> tuple[str, ...]:
    return _NAMES.get(cls) or tuple(f.name for f in dataclasses.fields(cls))


def _hints(cls: type) -> dict[str, Any]:
    return _HINTS.get(cls) or typing.get_type_hints(cls)


def _record(obj: Any) -> dict[str, Any]:
    return {name: _value(getattr(obj, name)) for name in _names(type(obj))}


def _convert(hint: Any, v: Any) -> Any:
    if v is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _convert(options[0], v) if len(options) == 1 else v
    if origin is tuple:
        inner = typing.get_args(hint)[0]
        return tuple(_convert(inner, x) for x in v)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _build(hint, v)
    if hint is float:
        return float(v)
    return v


def _build(cls: type[_R], d: Mapping[str, Any]) -> _R:
    hints = _hints(cls)
    kwargs = {name: _convert(hints[name], d[name]) for name in _names(cls) if name in d}
    return cls(**kwargs)


def record_to_dict(record: Any) -> dict[str, Any]:
    """Any of storyline's frozen records (a Mention, a Document...) as JSON-ready
    data, field by field; ``record_from_dict`` reads it back."""
    return _record(record)


def record_from_dict(cls: type[_R], data: Mapping[str, Any]) -> _R:
    """The record of class ``cls`` that ``record_to_dict`` gave ``data`` for."""
    return _build(cls, data)


# -- one article's reading (the store's rows, the batch's part files) ------


def reading_to_dict(reading: ArticleReading, *, text: bool = True) -> dict[str, Any]:
    """An article's reading as JSON-ready data. ``text=False`` leaves the
    article's text out (null) for a caller that keeps it elsewhere and hands
    it back to ``reading_from_dict``."""
    data = _record(reading)
    if not text:
        data["document"]["text"] = None
    return data


def reading_from_dict(data: Mapping[str, Any], text: str | None = None) -> ArticleReading:
    """The reading ``reading_to_dict`` gave ``data`` for; ``text``: the
    article's text where it was left out."""
    document = data["document"] if text is None else {**data["document"], "text": text}
    return ArticleReading(
        document=_build(Document, document),
        mentions=tuple(_build(Mention, m) for m in data["mentions"]),
        figures=tuple(_build(Figure, f) for f in data["figures"]),
        timeline=tuple(_build(TimelineEvent, e) for e in data["timeline"]),
        aliases=tuple((a, b) for a, b in data["aliases"]),
    )


# -- the dossier -----------------------------------------------------------


def verdict_counts(claims: Iterable[Claim]) -> dict[str, int]:
    """Claims per verdict: every known verdict (zero included), then any other."""
    counts: dict[str, int] = {verdict: 0 for verdict in VERDICT_ORDER}
    for claim in claims:
        counts[claim.verdict] = counts.get(claim.verdict, 0) + 1
    return counts


# DossierMeta's fields of (name, value) pairs: a JSON object each.
_META_PAIRS = frozenset(
    name
    for name, hint in typing.get_type_hints(DossierMeta).items()
    if hint == tuple[tuple[str, str], ...]
)


def meta_to_dict(meta: DossierMeta) -> dict[str, Any]:
    """The dossier's ``meta`` as JSON-ready data: every field, its pairs as objects."""
    return {
        f.name: dict(value) if f.name in _META_PAIRS else value
        for f in dataclasses.fields(DossierMeta)
        for value in [getattr(meta, f.name)]
    }


def meta_from_dict(d: Mapping[str, Any] | None) -> DossierMeta:
    """The record ``meta_to_dict`` gave ``d`` for; keys it does not know are ignored."""
    d = d or {}
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(DossierMeta):
        if f.name not in d or d[f.name] is None:
            continue
        value = d[f.name]
        if f.name in _META_PAIRS:
            items = value.items() if isinstance(value, Mapping) else value
            kwargs[f.name] = tuple((str(k), str(v)) for k, v in items)
        elif f.type == "int":
            kwargs[f.name] = int(value)
        else:
            kwargs[f.name] = str(value)
    return DossierMeta(**kwargs)


def _document(doc: Document) -> dict[str, Any]:
    out = _record(doc)
    for skipped in out["skipped"]:
        skipped.pop("doc", None)  # the document's own id: said once, above
    return out


def to_dict(dossier: Dossier) -> dict[str, Any]:
    """The dossier as JSON-ready data: lists, dicts, strings, numbers and nulls."""
    return {
        "storyline_version": dossier.version,
        "counts": verdict_counts(dossier.claims),
        "documents": [_document(doc) for doc in dossier.documents],
        "claims": [_record(c) for c in dossier.claims],
        "conflicts": [_record(c) for c in dossier.conflicts],
        "figures": [_record(f) for f in dossier.figures],
        "timeline": [_record(e) for e in dossier.timeline],
        # a failure has no articles by definition: its input and its reason suffice
        "failures": [{"input": f.input, "error": f.error} for f in dossier.failures],
        "meta": meta_to_dict(dossier.meta),
    }


def _read_document(d: Mapping[str, Any]) -> Document:
    skipped = [{**s, "doc": d["id"]} for s in d.get("skipped", ())]
    return _build(Document, {**d, "skipped": skipped})


def _read(d: Mapping[str, Any]) -> Dossier:
    return Dossier(
        documents=tuple(_read_document(doc) for doc in d.get("documents", ())),
        claims=tuple(_build(Claim, c) for c in d.get("claims", ())),
        conflicts=tuple(_build(Conflict, c) for c in d.get("conflicts", ())),
        figures=tuple(_build(Figure, f) for f in d.get("figures", ())),
        timeline=tuple(_build(TimelineEvent, e) for e in d.get("timeline", ())),
        failures=tuple(
            ReadOutcome(input=f["input"], error=f.get("error")) for f in d.get("failures", ())
        ),
        version=d.get("storyline_version", ""),
        meta=meta_from_dict(d.get("meta")),
    )


def from_dict(d: Mapping[str, Any]) -> Dossier:
    """A dossier from data that ``to_dict`` wrote (or a JSON file that follows the contract).

    Keys the records do not know (``counts``) are ignored; optional fields may be
    absent. Raises ValueError when a required key is missing or a value is misshapen.
    """
    try:
        return _read(d)
    except KeyError as err:
        raise ValueError(
            f"dossier data lacks the key {err.args[0]!r}; expected the shape of "
            "storyline's --format json output (see shared/eval/README.md)"
        ) from err
    except (TypeError, AttributeError, IndexError) as err:
        raise ValueError(f"dossier data is not shaped as storyline's JSON output: {err}") from err
