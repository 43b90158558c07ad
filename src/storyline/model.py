"""The frozen records that flow between storyline's stages.

Every record that points into an article carries ``doc`` (the article id) and
``start``/``end``: character offsets into that article's ``text`` as read, so a
reader can always be shown the exact words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Certainty = Literal["certain", "hedged", "negated"]
Verdict = Literal["corroborated", "single-source", "reported", "speculative", "disputed", "denied"]
ConflictKind = Literal["contradiction", "overstatement", "numeric"]
SkipKind = Literal["advert", "comment", "heading", "question", "boilerplate"]

# A reader wants what is contested first, what everyone agrees on last.
VERDICT_ORDER: tuple[Verdict, ...] = (
    "disputed",
    "denied",
    "reported",
    "speculative",
    "single-source",
    "corroborated",
)


@dataclass(frozen=True)
class Inferred:
    """A value storyline worked out instead of reading it from metadata."""

    value: str
    method: str  # e.g. "metadata", "self-reference", "relative-year"
    evidence: str | None = None  # the words it was inferred from
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Article:
    """One article as read: its text and whatever metadata came with it."""

    id: str
    text: str
    path: str | None = None
    source: str | None = None  # the outlet, from metadata
    date: str | None = None  # ISO 8601 from metadata, to the precision given
    url: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class ReadOutcome:
    """What reading one input gave: articles, or the reason it gave none."""

    input: str
    articles: tuple[Article, ...] = ()
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class Skipped:
    """Text left out of the reading: an advert, a reader's comment, a heading."""

    doc: str
    start: int
    end: int
    kind: SkipKind
    text: str


@dataclass(frozen=True)
class TimeExpr:
    """A date expression and its ISO value ("2025", "2025-10", "2025-10-14")."""

    start: int
    end: int
    text: str
    value: str | None  # None where it cannot be resolved
    relative: bool = False  # resolved against the article's date


@dataclass(frozen=True)
class Quantity:
    """A figure in the text: value in base units (1.3 million -> 1300000)."""

    start: int
    end: int
    text: str
    value: float
    unit: str | None = None  # "GBP", "USD", "percent", "cars", "weeks", ...
    qualifier: str | None = None  # "over", "about", "up to", "just", ...
    low: float | None = None  # the interval the words allow
    high: float | None = None


@dataclass(frozen=True)
class Mention:
    """One clause of one article that affirms, hedges or denies a proposition."""

    doc: str
    start: int
    end: int
    text: str
    certainty: Certainty
    source: str | None = None  # None: the article's own voice
    source_kind: str | None = (
        None  # "outlet", "person", "organisation", "unnamed", "reports", "other"
    )
    cue: str | None = None  # the words that set certainty, if any
    source_start: int | None = None  # where the source is named, if in this sentence
    source_end: int | None = None
    # Whose act or stance a clause in the article's own voice tells ("Trump
    # refuses to release his returns": Trump's); it leaves the source, and so
    # the verdict, alone (article/holders.py).
    holder: str | None = None
    holder_kind: str | None = None
    holder_start: int | None = None
    holder_end: int | None = None
    sentence: int = 0  # index of its sentence in the article
    terms: tuple[str, ...] = ()  # normalised content terms, for grouping
    weights: tuple[float, ...] = ()  # one per term: how much it says what the claim is about
    entities: tuple[str, ...] = ()  # canonical entity names
    years: tuple[str, ...] = ()

    @property
    def own_voice(self) -> bool:
        return self.source is None


@dataclass(frozen=True)
class Origin:
    """Where a claim comes from: the source (an outlet, a person, a wire) and
    the words that show it: its own statement when it is in the story, else
    the words that name it where it is first credited."""

    source: str
    doc: str
    start: int | None
    end: int | None
    kind: str = "outlet"  # "outlet", "person", "organisation", "wire", "reports", ...


@dataclass(frozen=True)
class Relay:
    """A mention that passes a claim on from a source: ``via`` is the words
    that establish the link ("according to the Herald", a wire's
    "(Reuters) -"), at ``via_start``/``via_end`` where the text has them."""

    doc: str
    start: int | None  # the relaying mention (None: a stored copy, not in the dossier)
    end: int | None
    via: str
    source: str  # whom it relays, as named
    via_start: int | None = None
    via_end: int | None = None


@dataclass(frozen=True)
class Claim:
    id: str
    text: str
    verdict: Verdict
    mentions: tuple[Mention, ...]
    # Provenance (story/provenance.py): the earliest of the claim's distinct
    # origins, all of them, the mentions that relay, how many outlets carry it.
    origin: Origin | None = None
    relays: tuple[Relay, ...] = ()
    independent_sources: int = 0
    origins: tuple[Origin, ...] = ()
    outlets: int = 0
    single_origin: bool = False  # corroborated, but every outlet rests on one origin


@dataclass(frozen=True)
class Conflict:
    kind: ConflictKind
    claim: str  # claim id
    explanation: str
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class Figure:
    entity: str
    value: float
    unit: str | None
    when: str | None
    doc: str
    start: int
    end: int
    text: str  # the exact words of the figure
    context: str = ""  # the sentence it stands in
    qualifier: str | None = None


@dataclass(frozen=True)
class TimelineEvent:
    when: str
    text: str
    doc: str
    start: int
    end: int
    expression: str = ""  # the date words, e.g. "three years earlier"


@dataclass(frozen=True)
class Document:
    """An article as the dossier presents it, with what was inferred about it."""

    id: str
    text: str
    source: str | None
    date: str | None
    source_inferred: Inferred | None = None
    date_inferred: Inferred | None = None
    url: str | None = None
    title: str | None = None
    path: str | None = None
    skipped: tuple[Skipped, ...] = ()


Pairs = tuple[tuple[str, str], ...]  # a small mapping, kept in order and frozen


@dataclass(frozen=True)
class DossierMeta:
    """What a dossier was made with and, from a store or a batch, which story it is."""

    analyser: str = ""  # storyline's version that judged the story
    models: Pairs = ()  # (model, version) of each model read with: the spaCy model today
    settings: Pairs = ()  # (setting, value as text) of each setting the judgement used
    story: str | None = None  # the story's name in a store or a batch run
    story_id: str | None = None  # its id in a store
    copies: Pairs = ()  # (article id, id of the article it copies): copies left out
    claim_keys: Pairs = ()  # (claim id, the store's stable key of that claim)
    claims_left_out: int = 0  # the least important claims left out (--top N)


@dataclass(frozen=True)
class Dossier:
    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    conflicts: tuple[Conflict, ...]
    figures: tuple[Figure, ...]
    timeline: tuple[TimelineEvent, ...]
    failures: tuple[ReadOutcome, ...] = ()
    version: str = ""
    meta: DossierMeta = field(default=DossierMeta(), compare=False, hash=False)


@dataclass(frozen=True)
class ArticleReading:
    """Everything read from one article, before the story is put together."""

    document: Document
    mentions: tuple[Mention, ...]
    figures: tuple[Figure, ...]
    timeline: tuple[TimelineEvent, ...]
    aliases: tuple[
        tuple[str, str], ...
    ] = ()  # names this article defines ("BA" -> "british airways")


def article_failure(
    article: Article, error: BaseException, shown: str | None = None
) -> ReadOutcome:
    """The failed outcome of an article whose reading raised: ``input`` is
    where it came from (``shown``, else its path or id), the error one line."""
    where = shown or article.path or article.id
    reason = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    return ReadOutcome(where, error=" ".join(f"{where}: article {article.id}: {reason}".split()))
