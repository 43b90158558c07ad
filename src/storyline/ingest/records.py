"""Article records from JSON (one object or a list) and JSON Lines files.

A record is an object with ``text`` or ``html`` and, optionally, ``id``,
``url``, ``source`` (or ``outlet``), ``date`` (or ``published``) and ``title``.
These functions only parse and check; ``storyline.ingest.files`` makes the articles.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

__all__ = ["Record", "RecordFields", "json_records", "jsonl_records", "record_fields"]

# json.loads recurses once per level of nesting: past Python's recursion limit
# it raises RecursionError, which is a bad input here, not a crash.
TOO_DEEP = "not valid JSON (nested too deeply to read)"


@dataclass(frozen=True)
class Record:
    """One record of a file: its object, or what is wrong with it.

    ``n`` is the line number in a JSON Lines file, the 1-based position in a
    JSON list (1 for a single object).
    """

    n: int
    value: Any = None
    problem: str | None = None


@dataclass(frozen=True)
class RecordFields:
    """The fields storyline reads from a record, checked and as strings."""

    text: str | None
    html: str | None
    id: str | None = None
    url: str | None = None
    source: str | None = None
    date: str | None = None
    title: str | None = None


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false"}
    if value is None:
        return "null"
    return names.get(type(value), "a number")


def jsonl_records(stream: IO[bytes], max_bytes: int) -> Iterator[Record]:
    """Each non-blank line of a JSON Lines stream, parsed, one by one.

    Reads line by line, so a file of any size streams; ``max_bytes`` bounds one
    line, the rest of a longer line is skipped unread into memory.
    """
    n = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        n += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(max_bytes)) and not rest.endswith(b"\n"):
                pass
            limit = f"{max_bytes:,} bytes (ReadOptions.max_bytes)"
            yield Record(n, problem=f"record is over the limit of {limit}")
            continue
        if n == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as e:
            bad = line[e.start]
            yield Record(n, problem=f"not UTF-8 text (byte 0x{bad:02x}); re-save the file as UTF-8")
            continue
        try:
            record = Record(n, value=json.loads(text))
        except json.JSONDecodeError as e:
            record = Record(n, problem=f"not valid JSON ({e.msg})")
        except RecursionError:
            record = Record(n, problem=TOO_DEEP)
        yield record


def json_records(text: str) -> list[Record]:
    """The records of a JSON document: one object, or a list of them.

    Raises ValueError, with a one-line reason, where the document is not JSON
    or holds neither an object nor a list.
    """
    try:
        value = json.loads(text)
    except json.JSONDecodeError as e:
        where = f"line {e.lineno} column {e.colno}"
        raise ValueError(f"not valid JSON ({e.msg} at {where})") from None
    except RecursionError:
        raise ValueError(TOO_DEEP) from None
    if isinstance(value, dict):
        return [Record(1, value=value)]
    if isinstance(value, list):
        return [Record(i, value=item) for i, item in enumerate(value, start=1)]
    expected = "expected an article object or a list of them"
    raise ValueError(f"JSON holds {_json_type(value)}; {expected}")


def _string(record: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def record_fields(value: Any) -> RecordFields:
    """The checked fields of one record; ValueError, one line, where it has no text."""
    if not isinstance(value, dict):
        raise ValueError(f"expected a JSON object, got {_json_type(value)}")
    for key in ("text", "html"):
        if key in value and not isinstance(value[key], str):
            raise ValueError(f'"{key}" is {_json_type(value[key])}, not a string')
    text, html = value.get("text"), value.get("html")
    if text is None and html is None:
        raise ValueError('no "text" or "html" field')
    if not (text or "").strip() and not (html or "").strip():
        raise ValueError(f'"{"text" if text is not None else "html"}" is empty')
    raw_id = value.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)) or not str(raw_id).strip():
        raw_id = None
    return RecordFields(
        text=text if (text or "").strip() else None,
        html=html if (html or "").strip() else None,
        id=str(raw_id).strip() if raw_id is not None else None,
        url=_string(value, "url"),
        source=_string(value, "source", "outlet"),
        date=_string(value, "date", "published"),
        title=_string(value, "title"),
    )
