"""The per-article stage of a batch, as a worker runs it on a chunk of articles.

``read_chunk`` is a plain top-level function over picklable records, so the
same code runs in the driver (``--jobs 1``), in a process pool and on Dask
workers. It returns each reading already encoded as a line of JSON, with the
small profile that story assignment needs, so the driver only writes bytes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.codec import reading_from_dict, reading_to_dict
from storyline.model import Article, ArticleReading
from storyline.story.assignment import profile

# The reading pipeline (spaCy) is imported where it is used, not here: the
# driver of a pool or a Dask cluster handles Tasks and Results without it,
# and starts its workers while they import it.

__all__ = ["Result", "Task", "article_key", "decode_reading", "encode_reading", "read_chunk"]


@dataclass(frozen=True)
class Task:
    """One article to read, with its place in the input stream."""

    seq: int  # position among the inputs' outcomes: orders articles of one date
    key: str  # article_key(): what the ledger knows it by
    input: str  # the file it came from, for the failures file
    article: Article


@dataclass(frozen=True)
class Result:
    """What reading one article gave: its encoded reading and profile, or an error."""

    task: Task
    line: str | None = None  # the ArticleReading as one line of JSON
    date: str | None = None  # the document's date, given or inferred
    profile: dict[str, float] | None = None
    error: str | None = None


def article_key(article: Article) -> str:
    """A digest of the article's id, text and metadata: a rerun skips an
    article whose key is done, and redoes one whose text has changed. The
    path is left out, so moving the corpus does not redo it."""
    fields = [article.id, article.text, article.source, article.date, article.url, article.title]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()[:32]


def encode_reading(reading: ArticleReading) -> str:
    return json.dumps(reading_to_dict(reading), ensure_ascii=False, separators=(",", ":"))


def decode_reading(line: str | bytes) -> ArticleReading:
    return reading_from_dict(json.loads(line))


def read_chunk(tasks: Sequence[Task]) -> list[Result]:
    """Read a chunk of articles; an article that raises gets its error, the
    others their readings. Parsed together (spaCy batches them) and, where
    one fails, again one by one to tell which."""
    from storyline.article.nlp import load  # spaCy: see the note above the imports
    from storyline.pipeline import read_articles

    nlp = load()
    # Strings spaCy meets in these articles are freed after them: without
    # this its vocabulary grows with every new name and number in the corpus.
    with nlp.memory_zone():
        try:
            readings: list[ArticleReading | BaseException] = list(
                read_articles([t.article for t in tasks])
            )
        except Exception:  # noqa: BLE001 - one bad article: find it below
            readings = [_read_one(t.article) for t in tasks]
    return [_result(t, r) for t, r in zip(tasks, readings, strict=True)]


def _read_one(article: Article) -> ArticleReading | BaseException:
    from storyline.pipeline import read_articles  # spaCy: see the note above the imports

    try:
        return read_articles([article])[0]
    except Exception as e:  # noqa: BLE001 - listed in the failures file
        return e


def _result(task: Task, reading: ArticleReading | BaseException) -> Result:
    try:
        if isinstance(reading, BaseException):
            raise reading
        return Result(
            task,
            line=encode_reading(reading),
            date=reading.document.date,
            profile=profile(reading.mentions),
        )
    except Exception as e:  # noqa: BLE001
        return failed(task, e)


def failed(task: Task, error: BaseException | str) -> Result:
    """The result of an article that could not be read, with a one-line reason."""
    if isinstance(error, BaseException):
        error = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    return Result(task, error=" ".join(f"{task.input}: article {task.article.id}: {error}".split()))
