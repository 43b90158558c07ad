"""Articles from what the add form gives: uploaded files, pasted text, a URL.

Each input gives a ``ReadOutcome``: its articles, or a one-line reason, as
``read_inputs`` does for files on disk.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from storyline.errors import InputError
from storyline.ingest.fetch import Fetcher
from storyline.ingest.files import ReadOptions, read_failure, read_inputs, read_text_article
from storyline.ingest.sources import page_article
from storyline.model import ReadOutcome

_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Upload:
    """One uploaded file: the name the browser gave and its bytes."""

    filename: str
    data: bytes


def safe_name(filename: str, fallback: str) -> str:
    """The last part of an uploaded file's name, with only safe characters."""
    name = _UNSAFE_NAME.sub("-", Path(filename.replace("\\", "/")).name).strip(".-")
    return name or fallback


def read_uploads(uploads: Sequence[Upload]) -> list[ReadOutcome]:
    """Read uploaded files as ``read_inputs`` reads files on disk: ids are the
    files' names, paths the names the browser gave, never a temporary path."""
    if not uploads:
        return []
    with tempfile.TemporaryDirectory(prefix="storyline-upload-") as tmp:
        paths: list[Path] = []
        shown: dict[str, str] = {}
        for i, up in enumerate(uploads):
            folder = Path(tmp) / str(i)  # one folder each: two uploads may share a name
            folder.mkdir()
            path = folder / safe_name(up.filename, f"upload-{i}.txt")
            path.write_bytes(up.data)
            paths.append(path)
            shown[str(path)] = up.filename or path.name
        outcomes = read_inputs(paths, ReadOptions(recursive=False))
    return [_named(o, shown, tmp) for o in outcomes]


def _named(outcome: ReadOutcome, shown: dict[str, str], tmp: str) -> ReadOutcome:
    name = shown.get(outcome.input, outcome.input)
    articles = tuple(replace(a, path=shown.get(a.path or "", name)) for a in outcome.articles)
    error = outcome.error
    if error:
        for path, given in shown.items():
            error = error.replace(path, given)
        error = error.replace(tmp, "")
    return ReadOutcome(input=name, articles=articles, error=error)


def read_pasted(text: str) -> ReadOutcome:
    """Pasted text (with an optional ``key: value`` header, see read_text_article).
    Its id comes from its words, so pasting the same text twice gives one article."""
    digest = hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:12]
    try:
        article = read_text_article(text, f"pasted-{digest}.txt", path="pasted text")
    except InputError as e:
        return ReadOutcome("pasted text", error=f"pasted text: {e.problem}")
    return ReadOutcome("pasted text", articles=(article,))


def read_url(url: str, fetcher: Fetcher) -> ReadOutcome:
    """Fetch one page (politely: see fetch.py) and read its article."""
    url = url.strip()
    try:
        article = page_article(url, fetcher)
    except InputError as e:
        return ReadOutcome(url, error=str(e))
    except Exception as e:  # noqa: BLE001 - a bug met on one page fails it, not the job
        return read_failure(url, e)
    return ReadOutcome(url, articles=(article,))
