"""What the story page shows, worked out from a dossier: plain records for the templates.

Filters (by outlet, by verdict) are applied here, so the HTML page and its JSON
twin show the same thing. Nothing here escapes: the templates do, with
autoescape on, and the article text is marked up in ``marks.py``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from urllib.parse import quote, urlencode

from storyline.lexicon.certainty import CERTAINTY_WORDS  # how a certainty reads beside its outlet
from storyline.model import Claim, Conflict, Document, Dossier, Figure, Mention, TimelineEvent
from storyline.render._common import (
    CONFLICT_NOTES,
    VERDICT_NOTES,
    VERDICT_ORDER,
    claims_by_verdict,
    format_value,
    outlet,
    outlets,
    sorted_timeline,
    verdict_counts,
)
from storyline.store import Change

# Characters of the article shown either side of a mention's words: about a
# line of text, enough to read the clause in its sentence without opening it.
CONTEXT_CHARS = 160
_SENTENCE_STOPS = (". ", "! ", "? ", "\n")


class FilterError(ValueError):
    """A filter value that names no outlet or verdict of the story."""

    def __init__(self, name: str, value: str, valid: list[str]) -> None:
        self.name, self.value, self.valid = name, value, valid
        super().__init__(f"no {name} {value!r} in this story")


@dataclass(frozen=True)
class Filters:
    outlet: str | None = None
    verdict: str | None = None

    @property
    def active(self) -> bool:
        return bool(self.outlet or self.verdict)

    def query(self, **changes: str | None) -> str:
        """The query string of these filters with ``changes`` applied ("" when none is set)."""
        values = {"outlet": self.outlet, "verdict": self.verdict, **changes}
        kept = {k: v for k, v in values.items() if v}
        return "?" + urlencode(kept) if kept else ""


def parse_filters(params: Mapping[str, str], dossier: Dossier) -> Filters:
    """Filters from query parameters; an empty value means no filter. Raises
    FilterError for an outlet or verdict the story does not have."""
    name = (params.get("outlet") or "").strip() or None
    verdict = (params.get("verdict") or "").strip() or None
    docs = {d.id: d for d in dossier.documents}
    names = sorted({outlet(d.id, docs) for d in dossier.documents})
    if name is not None and name not in names:
        raise FilterError("outlet", name, names)
    if verdict is not None and verdict not in VERDICT_ORDER:
        raise FilterError("verdict", verdict, list(VERDICT_ORDER))
    return Filters(name, verdict)


def story_href(story_id: str) -> str:
    return f"/story/{quote(str(story_id), safe='')}"


def article_href(
    story_id: str, doc_id: str, start: int | None = None, end: int | None = None
) -> str:
    """The article page; with a span, that span is highlighted and scrolled to."""
    href = f"{story_href(story_id)}/article/{quote(doc_id, safe='')}"
    if start is None or end is None:
        return href
    return f"{href}?m={start}-{end}#m-{start}"


@dataclass(frozen=True)
class MentionView:
    mention: Mention
    outlet: str
    says: str  # "affirms", "hedges", "denies"
    attribution: str  # "own voice" or "according to ..."
    before: str  # the article's words before and after the mention, for context
    words: str  # the mention's exact words
    after: str
    href: str | None  # the article, scrolled to these words; None if the span is not in it


@dataclass(frozen=True)
class ClaimView:
    claim: Claim
    mentions: tuple[MentionView, ...]
    sides: tuple[
        tuple[str, tuple[MentionView, ...]], ...
    ]  # ("affirms", ...), ("hedges", ...), ("denies", ...)
    articles: int
    outlets: tuple[str, ...]
    conflicts: tuple[tuple[int, str], ...]  # (number on the page, kind)
    affirm: int
    deny: int


@dataclass(frozen=True)
class ConflictView:
    number: int
    conflict: Conflict
    claim: Claim | None
    note: str
    mentions: tuple[MentionView, ...]


@dataclass(frozen=True)
class FigureRow:
    figure: Figure
    value: str
    outlet: str
    href: str | None


@dataclass(frozen=True)
class EventRow:
    event: TimelineEvent
    outlet: str
    href: str | None


@dataclass(frozen=True)
class ArticleRow:
    document: Document
    outlet: str
    date: str | None
    title: str
    mentions: int
    href: str


@dataclass(frozen=True)
class StoryView:
    """Everything the story page shows, filters applied."""

    story_id: str
    filters: Filters
    outlets: tuple[str, ...]  # all of the story's, for the filter form
    counts: dict[str, int]  # claims per verdict, before filtering
    conflicts: tuple[ConflictView, ...]
    groups: tuple[tuple[str, str, tuple[ClaimView, ...]], ...]  # (verdict, note, claims)
    figures: tuple[FigureRow, ...]
    timeline: tuple[EventRow, ...]
    articles: tuple[ArticleRow, ...]
    dates: tuple[str, ...]  # first and last article date, where known
    shown_claims: int
    total_claims: int


def context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> tuple[str, str]:
    """The words around [start, end): back to the sentence's start and on to its
    end, each side at most ``width`` characters, cut at a space with an ellipsis."""
    lo = max(0, start - width)
    head = text[lo:start]
    cut = max(
        head.rfind(stop) + len(stop) if head.rfind(stop) >= 0 else -1 for stop in _SENTENCE_STOPS
    )
    if cut >= 0:
        head = head[cut:]
    elif lo > 0:
        space = head.find(" ")
        head = "…" + (head[space + 1 :] if space >= 0 else head)
    hi = min(len(text), end + width)
    tail = text[end:hi]
    stops = [tail.find(stop) for stop in _SENTENCE_STOPS]
    found = [i for i in stops if i >= 0]
    if found:
        tail = tail[: min(found) + 1].rstrip("\n")
    elif hi < len(text):
        space = tail.rfind(" ")
        tail = (tail[:space] if space > 0 else tail) + "…"
    return head.lstrip(), tail


def mention_view(m: Mention, story_id: str, docs: Mapping[str, Document]) -> MentionView:
    doc = docs.get(m.doc)
    attribution = "own voice" if m.source is None else f"according to {m.source}"
    says = CERTAINTY_WORDS.get(m.certainty, m.certainty)
    if doc is None or not 0 <= m.start < m.end <= len(doc.text):
        return MentionView(m, outlet(m.doc, docs), says, attribution, "", m.text, "", None)
    before, after = context(doc.text, m.start, m.end)
    return MentionView(
        m,
        outlet(m.doc, docs),
        says,
        attribution,
        before,
        doc.text[m.start : m.end],
        after,
        article_href(story_id, m.doc, m.start, m.end),
    )


def _date(doc: Document) -> str | None:
    return doc.date or (doc.date_inferred.value if doc.date_inferred else None)


def filter_dossier(d: Dossier, filters: Filters) -> Dossier:
    """The dossier narrowed to one outlet's articles and to one verdict's claims.

    A claim stays, with all its mentions, if the outlet mentions it: the other
    side of a dispute is what a reader filtering by outlet wants to see.
    """
    if not filters.active:
        return d
    docs = {doc.id: doc for doc in d.documents}
    in_outlet = {doc.id for doc in d.documents if filters.outlet in (None, outlet(doc.id, docs))}
    claims = tuple(
        c
        for c in d.claims
        if filters.verdict in (None, c.verdict) and any(m.doc in in_outlet for m in c.mentions)
    )
    kept = {c.id for c in claims}
    return replace(
        d,
        documents=tuple(doc for doc in d.documents if doc.id in in_outlet),
        claims=claims,
        conflicts=tuple(c for c in d.conflicts if c.claim in kept),
        figures=tuple(f for f in d.figures if f.doc in in_outlet),
        timeline=tuple(e for e in d.timeline if e.doc in in_outlet),
    )


def story_view(story_id: str, d: Dossier, filters: Filters) -> StoryView:
    docs = {doc.id: doc for doc in d.documents}  # every article: mentions of others still show
    shown = filter_dossier(d, filters)
    claims = {c.id: c for c in d.claims}
    kept = {c.id for c in shown.claims}
    conflicts = tuple(
        ConflictView(
            i,
            c,
            claims.get(c.claim),
            CONFLICT_NOTES.get(c.kind, ""),
            tuple(mention_view(m, story_id, docs) for m in c.mentions),
        )
        for i, c in enumerate(d.conflicts, 1)
        if c.claim in kept
    )
    flags: dict[str, list[tuple[int, str]]] = {}
    for i, c in enumerate(d.conflicts, 1):
        flags.setdefault(c.claim, []).append((i, c.kind))
    groups = tuple(
        (
            verdict,
            VERDICT_NOTES.get(verdict, ""),
            tuple(_claim_view(c, story_id, docs, flags) for c in group),
        )
        for verdict, group in claims_by_verdict(shown.claims)
    )
    per_doc: dict[str, int] = {}
    for claim in d.claims:
        for m in claim.mentions:
            per_doc[m.doc] = per_doc.get(m.doc, 0) + 1
    articles = tuple(
        ArticleRow(
            doc,
            outlet(doc.id, docs),
            _date(doc),
            doc.title or outlet(doc.id, docs),
            per_doc.get(doc.id, 0),
            article_href(story_id, doc.id),
        )
        for doc in shown.documents
    )
    dates = sorted(x for x in (_date(doc) for doc in d.documents) if x)
    return StoryView(
        story_id=story_id,
        filters=filters,
        outlets=tuple(sorted({outlet(doc.id, docs) for doc in d.documents})),
        counts=verdict_counts(d.claims),
        conflicts=conflicts,
        groups=groups,
        figures=tuple(_figure_row(f, story_id, docs) for f in _sorted_figures(shown)),
        timeline=tuple(
            EventRow(e, outlet(e.doc, docs), _span_href(story_id, docs, e.doc, e.start, e.end))
            for e in sorted_timeline(shown.timeline, d.documents)
        ),
        articles=articles,
        dates=(dates[0], dates[-1]) if dates else (),
        shown_claims=len(shown.claims),
        total_claims=len(d.claims),
    )


def _claim_view(
    c: Claim,
    story_id: str,
    docs: Mapping[str, Document],
    flags: Mapping[str, list[tuple[int, str]]],
) -> ClaimView:
    views = tuple(mention_view(m, story_id, docs) for m in c.mentions)
    sides = tuple(
        (word, side)
        for word in CERTAINTY_WORDS.values()
        if (side := tuple(v for v in views if v.says == word))
    )
    return ClaimView(
        claim=c,
        mentions=views,
        sides=sides,
        articles=len({m.doc for m in c.mentions}),
        outlets=tuple(dict.fromkeys(v.outlet for v in views)),
        conflicts=tuple(flags.get(c.id, ())),
        affirm=sum(m.certainty == "certain" for m in c.mentions),
        deny=sum(m.certainty == "negated" for m in c.mentions),
    )


def _span_href(
    story_id: str, docs: Mapping[str, Document], doc_id: str, start: int, end: int
) -> str | None:
    doc = docs.get(doc_id)
    if doc is None or not 0 <= start < end <= len(doc.text):
        return None
    return article_href(story_id, doc_id, start, end)


def _sorted_figures(d: Dossier) -> list[Figure]:
    order = {doc.id: i for i, doc in enumerate(d.documents)}
    return sorted(
        d.figures, key=lambda f: (f.entity.lower(), f.when or "", order.get(f.doc, 0), f.start)
    )


def _figure_row(f: Figure, story_id: str, docs: Mapping[str, Document]) -> FigureRow:
    return FigureRow(
        f,
        format_value(f.value, f.unit),
        outlet(f.doc, docs),
        _span_href(story_id, docs, f.doc, f.start, f.end),
    )


def story_outlets(d: Dossier) -> list[str]:
    """The outlets named by the story's articles, in order of first appearance."""
    return outlets(d.documents)


# Within one article's changes, what moved the story comes before what it added.
_CHANGE_ORDER = {"new-conflict": 0, "verdict": 1, "new-claim": 2}


@dataclass(frozen=True)
class ChangeGroup:
    """What one article (or one merge or split) changed, recorded together."""

    at: str
    article: str | None
    story: str
    note: str | None
    changes: tuple[Change, ...]
    counts: dict[str, int]  # kind -> changes


def change_groups(changes: Sequence[Change]) -> list[ChangeGroup]:
    """Changes grouped by the event that caused them, newest first."""
    groups: dict[tuple[str, str | None, str | None], list[Change]] = {}
    for c in changes:
        groups.setdefault((c.at, c.article, c.note), []).append(c)
    out = []
    for (at, article, note), members in groups.items():
        members.sort(key=lambda c: (_CHANGE_ORDER.get(c.kind, 3), c.seq))
        counts: dict[str, int] = {}
        for c in members:
            counts[c.kind] = counts.get(c.kind, 0) + 1
        out.append(ChangeGroup(at, article, members[0].story, note, tuple(members), counts))
    return sorted(out, key=lambda g: (g.at, max(c.seq for c in g.changes)), reverse=True)
