"""Read articles from files and folders; each bad input gets a one-line reason.

``read_inputs`` never raises for a bad input: it returns one ``ReadOutcome``
per file, and a failed outcome (``error`` set, no articles) per input that gave
nothing. A JSON Lines or JSON list file gives one outcome holding its good
records, then one failed outcome per bad record, named ``file:line`` (JSON
Lines) or ``file#n`` (JSON list), so ``outcome.ok`` always means "all read".
"""

from __future__ import annotations

import gzip
import os
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO

from storyline.errors import ConfigError, InputError
from storyline.ingest.dates import iso_date
from storyline.ingest.html import read_page
from storyline.ingest.records import Record, json_records, jsonl_records, record_fields
from storyline.ingest.text import SNIFF_BYTES, bom_encoding, check_text_head, decode_text
from storyline.model import Article, ReadOutcome

__all__ = ["MAX_BYTES", "ReadOptions", "iso_date", "read_inputs", "read_text_article"]

# 10 MB: a long feature is ~100 KB of text and a heavy news page ~2 MB of HTML;
# more than this is a dump or the wrong file, not an article.
MAX_BYTES = 10_000_000
# Kinds by suffix; a ``.gz`` of any of them is read by the suffix inside.
ARTICLE_SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
# Files that sit beside articles in a folder but are about it, not in it
# (the names GitHub and packaging tools treat as project documents).
NOT_ARTICLE_STEMS = frozenset({"readme", "license", "licence", "changelog", "notice", "copying"})
MAX_RECORD_ERRORS = 20  # per file; past this, one line says how many more
MAX_HEADER_LINES = 40  # a header is a handful of lines; past this it is article text
# Header keys, case-insensitive, and the Article field each one fills
# (Article has no author field: an author line is taken as header, then dropped).
HEADER_KEYS = {
    "source": "source",
    "outlet": "source",
    "url": "url",
    "date": "date",
    "published": "date",
    "title": "title",
    "author": "author",
}
_HEADER_LINE = re.compile(r"([A-Za-z][\w-]{0,30})[ \t]*:(.*)")


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read.

    ``max_bytes`` bounds one article's source: a whole file (decompressed, for
    ``.gz``), or one line of a JSON Lines file, which streams at any size.
    """

    max_bytes: int = MAX_BYTES
    recursive: bool = True  # folders: also read their sub-folders

    def __post_init__(self) -> None:
        if self.max_bytes < 1:
            raise ConfigError(f"max_bytes must be a positive number of bytes, not {self.max_bytes}")


def read_text_article(text: str, id: str, path: str | None = None) -> Article:
    """An article from plain text, with an optional header block at the top.

    The header is ``key: value`` lines (optionally opened by ``---``) closed by
    a ``---`` line; keys are those of HEADER_KEYS, others are ignored. Raises
    InputError where no article text is left.
    """
    meta, body = _split_header(_newlines(text.removeprefix("\ufeff")))
    if not body.strip():
        problem = "empty file" if meta is None else "no article text after the header"
        raise InputError(path or id, problem)
    meta = meta or {}
    return Article(
        id=id,
        text=body,
        path=path,
        source=meta.get("source"),
        date=iso_date(meta.get("date")),
        url=meta.get("url"),
        title=meta.get("title"),
    )


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _split_header(text: str) -> tuple[dict[str, str] | None, str]:
    lines = text.split("\n", MAX_HEADER_LINES + 2)
    first = 1 if lines[0].strip() == "---" else 0
    meta: dict[str, str] = {}
    for i in range(first, min(len(lines), MAX_HEADER_LINES + first + 1)):
        if lines[i].strip() == "---":
            if i == first:
                break
            offset = sum(len(line) + 1 for line in lines[: i + 1])
            return meta, re.sub(r"^(?:[ \t]*\n)+", "", text[offset:])
        if not (m := _HEADER_LINE.fullmatch(lines[i].rstrip())):
            break
        key, value = HEADER_KEYS.get(m.group(1).lower()), m.group(2).strip()
        if key and value and key not in meta:
            meta[key] = value
    return None, text


def read_inputs(
    paths: Iterable[str | os.PathLike[str]], options: ReadOptions | None = None
) -> list[ReadOutcome]:
    """Read every input, in order; folders expand to their article files, sorted.

    Returns one outcome per file read (several for a JSON file with bad
    records) and a failed one per input that gave nothing. A file reached
    twice is read once. Article ids are file names; where two share a name,
    the later ones take their path relative to the inputs' common folder.
    """
    options = options or ReadOptions()
    outcomes: list[ReadOutcome] = []
    for item in planned_files(paths, options):
        if isinstance(item, ReadOutcome):
            outcomes.append(item)
        else:
            outcomes.extend(_read_file(*item, options))
    return _unique_ids(outcomes)


def planned_files(
    paths: Iterable[str | os.PathLike[str]], options: ReadOptions
) -> list[tuple[str, Path, str] | ReadOutcome]:
    """The files the inputs name, in reading order, as (shown path, path,
    article id), and a failed outcome where an input gives no file. Only
    names are gathered here, no content: a streaming reader uses it too."""
    items: list[tuple[str, Path] | ReadOutcome] = []  # files to read, and inputs that failed
    seen: set[Path] = set()
    for given in paths:
        for item in _expand(os.fspath(given), options):
            if isinstance(item, tuple):
                key = item[1].resolve()  # one file, however it was reached
                if key in seen:
                    continue
                seen.add(key)
            items.append(item)
    ids = iter(_file_ids([item[1] for item in items if isinstance(item, tuple)]))
    return [item if isinstance(item, ReadOutcome) else (*item, next(ids)) for item in items]


def _expand(shown: str, options: ReadOptions) -> list[tuple[str, Path] | ReadOutcome]:
    path = Path(shown)
    if not path.is_dir():
        if not path.exists():
            return [ReadOutcome(shown, error=f"{shown}: no such file or folder")]
        return [(shown, path.absolute())]
    found: list[tuple[str, ...]] = []
    for folder, dirs, names in os.walk(path):  # symlinked folders are not followed: no loops
        relative = Path(folder).relative_to(path).parts
        dirs[:] = [d for d in dirs if not d.startswith(".")] if options.recursive else []
        found.extend((*relative, name) for name in names if _is_article_file(name))
    if not found:
        kinds = ", ".join(ARTICLE_SUFFIXES)
        problem = f"no article files in this folder (looked for {kinds}, or .gz of them)"
        return [ReadOutcome(shown, error=f"{shown}: {problem}")]
    return [
        (os.path.join(shown, *parts), path.absolute().joinpath(*parts)) for parts in sorted(found)
    ]


def _is_article_file(name: str) -> bool:
    stem = name.split(".")[0].lower()
    return not name.startswith(".") and _kind(name) is not None and stem not in NOT_ARTICLE_STEMS


def _kind(file_name: str) -> str | None:
    name = file_name.lower().removesuffix(".gz")
    return ARTICLE_SUFFIXES.get(os.path.splitext(name)[1])


def _file_ids(paths: list[Path]) -> list[str]:
    try:
        root = Path(os.path.commonpath([p.parent for p in paths])) if paths else Path()
    except ValueError:  # different drives
        root = Path()
    ids: list[str] = []
    names: set[str] = set()
    for path in paths:
        file_id = path.name
        if file_id in names:
            inside = path.is_relative_to(root)
            file_id = (path.relative_to(root) if inside else path).as_posix()
        names.add(path.name)
        ids.append(file_id)
    return ids


def _unique_ids(outcomes: list[ReadOutcome]) -> list[ReadOutcome]:
    used: set[str] = set()
    result = []
    for outcome in outcomes:
        articles = tuple(unique_id(article, used) for article in outcome.articles)
        result.append(replace(outcome, articles=articles) if outcome.articles else outcome)
    return result


def unique_id(article: Article, used: set[str]) -> Article:
    """The article, renamed ``id~2``, ``id~3``... where ``used`` holds its id;
    adds the id it ends with to ``used``."""
    new_id, k = article.id, 1
    while new_id in used:
        k += 1
        new_id = f"{article.id}~{k}"
    used.add(new_id)
    return article if new_id == article.id else replace(article, id=new_id)


def _read_file(shown: str, path: Path, file_id: str, options: ReadOptions) -> list[ReadOutcome]:
    kind = _kind(path.name) or "text"  # a file named explicitly is always tried
    try:
        if kind == "jsonl":
            with open_jsonl(shown, path) as stream:
                records = jsonl_records(stream, options.max_bytes)
                return _records_outcomes(shown, file_id, records, ":")
        if not path.is_file():
            raise InputError(shown, "not a regular file")
        size = path.stat().st_size
        limit = f"the limit of {_size(options.max_bytes)} (ReadOptions.max_bytes)"
        if size > options.max_bytes:
            raise InputError(shown, f"file is {_size(size)}, over {limit}")
        with _open(path) as stream:
            data = stream.read(options.max_bytes + 1)
        if len(data) > options.max_bytes:
            raise InputError(shown, f"decompresses to over {limit}")
        return _read_data(shown, file_id, kind, data)
    except Exception as e:  # noqa: BLE001 - READ_ERRORS, or a bug met on one input: it fails
        return [read_failure(shown, e)]


def _open(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]  # GzipFile reads bytes like IO[bytes]
    return open(path, "rb")


def open_jsonl(shown: str, path: Path) -> IO[bytes]:
    """A JSON Lines file (or a .gz of one) opened for jsonl_records, its head
    checked: raises InputError where it is not a UTF-8 text file."""
    if not path.is_file():
        raise InputError(shown, "not a regular file")
    stream = _open(path)
    try:
        head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]  # type: ignore[attr-defined]
        check_text_head(shown, head)
        if bom_encoding(head) not in (None, "utf-8-sig"):  # lines are split as UTF-8
            raise InputError(shown, "JSON Lines must be UTF-8; re-save it as UTF-8")
    except BaseException:
        stream.close()
        raise
    return stream


# What reading a file may raise that makes it one failed input, not a crash.
READ_ERRORS = (InputError, EOFError, zlib.error, OSError)


def read_failure(shown: str, e: BaseException) -> ReadOutcome:
    """The failed outcome for an error of READ_ERRORS met reading ``shown``."""
    if isinstance(e, (EOFError, zlib.error, gzip.BadGzipFile)):
        return ReadOutcome(shown, error=f"{shown}: not valid gzip data ({e or 'truncated'})")
    if isinstance(e, OSError):
        return ReadOutcome(shown, error=f"{shown}: cannot read ({e.strerror or e})")
    if not isinstance(e, InputError):  # not foreseen: name the error, on one line
        return ReadOutcome(shown, error=f"{shown}: could not read it ({error_line(e)})")
    return ReadOutcome(shown, error=str(e))


def error_line(e: BaseException) -> str:
    """An unforeseen error as one line: its type and, where it has one, its message."""
    text = " ".join(str(e).split())
    return f"{type(e).__name__}: {text}" if text else type(e).__name__


def _read_data(shown: str, file_id: str, kind: str, data: bytes) -> list[ReadOutcome]:
    if not data.strip():
        raise InputError(shown, "empty file")
    if kind == "html":
        bom = bom_encoding(data)
        if bom is None:  # undeclared: trafilatura decodes by the page's declared charset
            check_text_head(shown, data[:SNIFF_BYTES])
        article = _html_article(shown, data.decode(bom) if bom else data, file_id, shown)
        return [ReadOutcome(shown, articles=(article,))]
    text = decode_text(shown, data)
    if kind == "json":
        try:
            records = json_records(text)
        except ValueError as e:
            raise InputError(shown, str(e)) from None
        return _records_outcomes(shown, file_id, iter(records), "#")
    return [ReadOutcome(shown, articles=(read_text_article(text, file_id, shown),))]


def _html_article(
    shown: str, html: bytes | str, id: str, path: str, url: str | None = None
) -> Article:
    return read_page(shown, html, url, "the HTML").article(id, path, url)


def _records_outcomes(
    shown: str, file_id: str, records: Iterable[Record], sep: str
) -> list[ReadOutcome]:
    """One outcome with the good records' articles, then one per bad record."""
    articles: list[Article] = []
    errors: list[ReadOutcome] = []
    bad = 0
    for record in records:
        result = record_outcome(shown, file_id, record, sep)
        if result.ok:
            articles.extend(result.articles)
        else:
            bad += 1
            if bad <= MAX_RECORD_ERRORS:
                errors.append(result)
    if bad > MAX_RECORD_ERRORS:
        more = bad - MAX_RECORD_ERRORS
        errors.append(ReadOutcome(shown, error=f"{shown}: {more} more bad records not listed"))
    if not articles and not errors:
        errors.append(ReadOutcome(shown, error=f"{shown}: empty file (no records)"))
    return ([ReadOutcome(shown, articles=tuple(articles))] if articles else []) + errors


def record_outcome(shown: str, file_id: str, record: Record, sep: str) -> ReadOutcome:
    """One record of the file ``shown`` as its article, or its failure named
    ``shown{sep}{n}`` (``:`` for a line of JSON Lines, ``#`` for a JSON list)."""
    where = f"{shown}{sep}{record.n}"
    try:
        if record.problem:
            raise InputError(where, record.problem)
        article = _record_article(where, record, f"{file_id}#{record.n}", shown)
        return ReadOutcome(shown, articles=(article,))
    except (InputError, ValueError) as e:
        return ReadOutcome(where, error=str(e) if isinstance(e, InputError) else f"{where}: {e}")
    except Exception as e:  # noqa: BLE001 - a bug met on one record fails it, not the file
        return read_failure(where, e)


def _record_article(where: str, record: Record, default_id: str, path: str) -> Article:
    fields = record_fields(record.value)
    article_id = fields.id or default_id
    if fields.text is not None:  # no header block here: the record's fields are the metadata
        article = Article(id=article_id, text=_newlines(fields.text), path=path)
    else:
        article = _html_article(where, fields.html or "", article_id, path, fields.url)
    # The record's own metadata is what its publisher gave: it wins over the page's.
    return replace(
        article,
        url=fields.url or article.url,
        source=fields.source or article.source,
        date=iso_date(fields.date) or article.date,
        title=fields.title or article.title,
    )


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n:,} bytes"
