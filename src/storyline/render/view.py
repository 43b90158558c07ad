"""What a story page shows, worked out from a dossier: plain records for the templates.

One view model for both faces of the story page: the static dossier
(``render.html``) and the web app's story and article pages (``storyline.web``).
They differ in where a link goes, and that is a ``Links``: in-page anchors for
the static file, the article's own page for the web app. Nothing here escapes
but the marked article text (``marks``): the templates do, with autoescape on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from markupsafe import Markup

from storyline import model
from storyline.lexicon.certainty import CERTAINTY_WORDS  # how a certainty reads beside its outlet
from storyline.model import Claim, Conflict, Document, Dossier, Figure, Mention, TimelineEvent
from storyline.render import _common
from storyline.render._common import CONFLICT_NOTES, VERDICT_NOTES, outlet, valid_span
from storyline.render._spans import Span
from storyline.render.marks import anchors, marked_text

# How a mention's certainty reads beside its outlet.
# Characters of the article shown either side of a mention's words: about a
# line of text, enough to read the clause in its sentence without opening it.
CONTEXT_CHARS = 160
_SENTENCE_STOPS = (". ", "! ", "? ", "\n")
# Only web links become <a href>: a "javascript:" URL in metadata stays text.
_SAFE_SCHEMES = ("http://", "https://")
# Id suffix letter per kind of span in the static page: <doc-anchor>-m<start>
# marks a mention, and so on.
ID_LETTER = {"mention": "m", "figure": "f", "event": "t", "evidence": "i", "origin": "o"}


class Links(Protocol):
    """Where the page sends a reader who clicks an article or words in it."""

    def span(self, doc_id: str, start: int, end: int, kind: str) -> str:
        """The words [start, end) of an article (a valid span), a ``kind`` of ID_LETTER."""
        ...

    def article(self, doc_id: str) -> str | None:
        """The article itself, if the page can link to it."""
        ...


@dataclass(frozen=True)
class PageLinks:
    """Links within one self-contained page: each article is on it, under its anchor."""

    doc_anchor: Mapping[str, str]

    def span(self, doc_id: str, start: int, end: int, kind: str) -> str:
        return f"#{self.span_id(doc_id, kind, start)}"

    def article(self, doc_id: str) -> str | None:
        anchor = self.doc_anchor.get(doc_id)
        return f"#{anchor}" if anchor else None

    def span_id(self, doc_id: str, kind: str, start: int) -> str:
        return f"{self.doc_anchor[doc_id]}-{ID_LETTER[kind]}{start}"


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
class WordsLink:
    """Words of an article that a provenance link rests on, linked where they are."""

    outlet: str  # the article's outlet
    words: str
    source: str  # whom they name: the origin, or the source relayed
    href: str | None


@dataclass(frozen=True)
class ProvenanceView:
    line: str  # "3 outlets, 1 independent source (Herald)"
    single_origin: bool
    note: str  # what single origin means
    origin: WordsLink | None
    relays: tuple[WordsLink, ...]


@dataclass(frozen=True)
class ClaimView:
    claim: Claim
    anchor: str  # the claim's id on the page
    mentions: tuple[MentionView, ...]
    # ("affirms", ...), ("hedges", ...), ("denies", ...): the sides that have mentions
    sides: tuple[tuple[str, tuple[MentionView, ...]], ...]
    articles: int
    outlets: tuple[str, ...]
    conflicts: tuple[tuple[int, str], ...]  # (number on the page, kind)
    affirm: int
    deny: int
    provenance: ProvenanceView | None = None


@dataclass(frozen=True)
class ConflictView:
    """A conflict, numbered as the page shows it, with its claim and its mentions."""

    number: int
    conflict: Conflict
    claim: Claim | None
    claim_anchor: str | None
    mentions: tuple[MentionView, ...]
    note: str  # what the kind of conflict means


@dataclass(frozen=True)
class FigureRow:
    """A row of the figures table."""

    figure: Figure
    value: str
    outlet: str
    href: str | None  # the figure's words in the article
    article: str | None  # the article
    # The figure's sentence around its words, when the words are found in it.
    before: str
    after: str
    in_context: bool


@dataclass(frozen=True)
class EventRow:
    """A line of the timeline."""

    event: TimelineEvent
    outlet: str
    href: str | None
    article: str | None


@dataclass(frozen=True)
class InferredNote:
    """How an outlet or a date was inferred: its evidence, linked where it is marked."""

    evidence: str | None
    method: str
    href: str | None


@dataclass(frozen=True)
class ArticleView:
    document: Document
    anchor: str  # the article's id on a page that shows it whole
    outlet: str  # as a reader sees it: the article's id when the outlet is unknown
    source: str | None  # the outlet, known or inferred
    date: str | None
    title: str
    mentions: int
    href: str | None
    source_note: InferredNote | None
    date_note: InferredNote | None
    safe_url: str | None  # the article's URL when it may be a link
    text: Markup | None  # the marked text, where the page shows it


@dataclass(frozen=True)
class StoryView:
    """Everything the story page shows."""

    conflicts: tuple[ConflictView, ...]
    key: tuple[ClaimView, ...]  # claims stated more than once, most important first
    groups: tuple[tuple[str, str, tuple[ClaimView, ...]], ...]  # the tail: (verdict, note, claims)
    tail_claims: int  # claims stated once, in one article: folded behind their count
    figures: tuple[FigureRow, ...]
    timeline: tuple[EventRow, ...]
    articles: tuple[ArticleView, ...]
    outlets: tuple[str, ...]  # the story's known outlets, in order of first appearance
    all_outlets: tuple[str, ...]  # every outlet a reader can filter by, sorted
    counts: dict[str, int]  # claims per verdict, of the whole story
    dates: tuple[str, ...]  # first and last article date, where known
    n_articles: int
    shown_claims: int
    total_claims: int
    left_out: int  # the least important claims left out of the dossier (--top N)
    failures: tuple[model.ReadOutcome, ...]


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


def doc_date(doc: Document) -> str | None:
    return doc.date or (doc.date_inferred.value if doc.date_inferred else None)


def doc_source(doc: Document) -> str | None:
    return doc.source or (doc.source_inferred.value if doc.source_inferred else None)


def safe_url(url: str | None) -> str | None:
    return url if url and url.lower().startswith(_SAFE_SCHEMES) else None


class _Page:
    """The lookups one page's records are built with."""

    def __init__(self, whole: Dossier, links: Links) -> None:
        self.links = links
        self.docs = {doc.id: doc for doc in whole.documents}  # mentions of any article show
        self.claims = {c.id: c for c in whole.claims}
        self.claim_anchor = anchors(self.claims, "claim")

    def span_href(self, doc_id: str, start: int, end: int, kind: str) -> str | None:
        if not valid_span(self.docs.get(doc_id), start, end):
            return None
        return self.links.span(doc_id, start, end, kind)

    def mention(self, m: Mention) -> MentionView:
        doc = self.docs.get(m.doc)
        if doc is None or not valid_span(doc, m.start, m.end):
            before, words, after, href = "", m.text, "", None
        else:
            before, after = context(doc.text, m.start, m.end)
            words = doc.text[m.start : m.end]
            href = self.links.span(m.doc, m.start, m.end, "mention")
        return MentionView(
            mention=m,
            outlet=outlet(m.doc, self.docs),
            says=CERTAINTY_WORDS.get(m.certainty, m.certainty),
            attribution=_common.attribution(m),
            before=before,
            words=words,
            after=after,
            href=href,
        )

    def claim(self, c: Claim, flags: Mapping[str, list[tuple[int, str]]]) -> ClaimView:
        views = tuple(self.mention(m) for m in c.mentions)
        sides = tuple(
            (word, side)
            for word in CERTAINTY_WORDS.values()
            if (side := tuple(v for v in views if v.says == word))
        )
        return ClaimView(
            claim=c,
            anchor=self.claim_anchor[c.id],
            mentions=views,
            sides=sides,
            articles=len({m.doc for m in c.mentions}),
            outlets=tuple(dict.fromkeys(v.outlet for v in views)),
            conflicts=tuple(flags.get(c.id, ())),
            affirm=sum(m.certainty == "certain" for m in c.mentions),
            deny=sum(m.certainty == "negated" for m in c.mentions),
            provenance=self.provenance(c),
        )

    def words(
        self, doc_id: str, start: int | None, end: int | None, source: str, fallback: str
    ) -> WordsLink:
        doc = self.docs.get(doc_id)
        if start is None or end is None or not valid_span(doc, start, end):
            return WordsLink(outlet(doc_id, self.docs), fallback, source, None)
        assert doc is not None
        href = self.links.span(doc_id, start, end, "origin")
        return WordsLink(outlet(doc_id, self.docs), doc.text[start:end], source, href)

    def provenance(self, c: Claim) -> ProvenanceView | None:
        if c.origin is None:
            return None
        o = c.origin
        return ProvenanceView(
            line=_common.provenance_line(c),
            single_origin=c.single_origin,
            note=_common.SINGLE_ORIGIN_NOTE,
            origin=self.words(o.doc, o.start, o.end, o.source, o.source),
            relays=tuple(
                self.words(r.doc, r.via_start, r.via_end, r.source, r.via) for r in c.relays
            ),
        )

    def figure(self, f: Figure) -> FigureRow:
        at = f.context.find(f.text) if f.text else -1
        return FigureRow(
            figure=f,
            value=_common.format_value(f.value, f.unit),
            outlet=outlet(f.doc, self.docs),
            href=self.span_href(f.doc, f.start, f.end, "figure"),
            article=self.links.article(f.doc),
            before=f.context[:at] if at >= 0 else "",
            after=f.context[at + len(f.text) :] if at >= 0 else "",
            in_context=at >= 0,
        )

    def event(self, e: TimelineEvent) -> EventRow:
        return EventRow(
            event=e,
            outlet=outlet(e.doc, self.docs),
            href=self.span_href(e.doc, e.start, e.end, "event"),
            article=self.links.article(e.doc),
        )


def _note(
    inferred: model.Inferred | None, doc: Document, links: Links | None
) -> InferredNote | None:
    """The note; its evidence linked by ``links`` (None where the text does not mark it)."""
    if inferred is None:
        return None
    href = None
    if (
        links is not None
        and inferred.evidence
        and inferred.start is not None
        and inferred.end is not None
        and valid_span(doc, inferred.start, inferred.end)
    ):
        href = links.span(doc.id, inferred.start, inferred.end, "evidence")
    return InferredNote(inferred.evidence, inferred.method, href)


def article_view(
    doc: Document,
    links: Links,
    *,
    anchor: str = "",
    mentions: int = 0,
    evidence_links: bool = True,
    text: Markup | None = None,
) -> ArticleView:
    """One article's record; ``evidence_links`` when its text marks the evidence
    an outlet or a date was inferred from."""
    note_links = links if evidence_links else None
    name = outlet(doc.id, {doc.id: doc})
    return ArticleView(
        document=doc,
        anchor=anchor,
        outlet=name,
        source=doc_source(doc),
        date=doc_date(doc),
        title=doc.title or name,
        mentions=mentions,
        href=links.article(doc.id),
        source_note=_note(doc.source_inferred, doc, note_links),
        date_note=_note(doc.date_inferred, doc, note_links),
        safe_url=safe_url(doc.url),
        text=text,
    )


def marked_mentions(d: Dossier, doc_id: str) -> list[tuple[Mention, str]]:
    """The mentions in one article, each once, with the claim it says (its text),
    those of conflicts included."""
    claims = {c.id: c for c in d.claims}
    seen: dict[tuple[int, int, str], tuple[Mention, str]] = {}
    for claim in d.claims:
        for m in claim.mentions:
            if m.doc == doc_id:
                seen.setdefault((m.start, m.end, m.certainty), (m, claim.text))
    for c in d.conflicts:
        text = claims[c.claim].text if c.claim in claims else c.claim
        for m in c.mentions:
            if m.doc == doc_id:
                seen.setdefault((m.start, m.end, m.certainty), (m, text))
    return list(seen.values())


def mention_spans(mentions: Iterable[tuple[Mention, str]]) -> list[Span]:
    return [
        Span(m.start, m.end, "mention", m.certainty, f"{claim} ({m.certainty})")
        for m, claim in mentions
    ]


def provenance_spans(d: Dossier, doc_id: str) -> list[Span]:
    """The words in one article that claims' origins and relays rest on."""
    out: dict[tuple[int, int], Span] = {}
    for c in d.claims:
        if c.origin is not None and c.origin.doc == doc_id:
            o = c.origin
            if o.start is not None and o.end is not None:
                out.setdefault(
                    (o.start, o.end), Span(o.start, o.end, "origin", "", f"origin: {o.source}")
                )
        for r in c.relays:
            if r.doc == doc_id and r.via_start is not None and r.via_end is not None:
                title = f"relays {r.source}"
                out.setdefault(
                    (r.via_start, r.via_end), Span(r.via_start, r.via_end, "origin", "", title)
                )
    return list(out.values())


def _full_text(d: Dossier, doc: Document, links: PageLinks) -> Markup:
    """An article's text for the static page: what was left out greyed, the
    evidence of inferences, figures, dated events and mentions marked."""
    spans = [
        Span(s.start, s.end, "skipped", s.kind, "left out of the reading") for s in doc.skipped
    ]
    for inferred in (doc.source_inferred, doc.date_inferred):
        if inferred is not None and inferred.start is not None and inferred.end is not None:
            title = f"{inferred.value} inferred from here"
            spans.append(Span(inferred.start, inferred.end, "evidence", title=title))
    spans += [
        Span(f.start, f.end, "figure", title=f"{f.entity}: {_common.format_value(f.value, f.unit)}")
        for f in d.figures
        if f.doc == doc.id
    ]
    spans += [Span(e.start, e.end, "event", title=e.when) for e in d.timeline if e.doc == doc.id]
    spans += mention_spans(marked_mentions(d, doc.id))
    spans += provenance_spans(d, doc.id)
    return marked_text(doc.text, spans, lambda kind, at: links.span_id(doc.id, kind, at))


def story_view(
    whole: Dossier, links: Links, shown: Dossier | None = None, full_text: bool = False
) -> StoryView:
    """The page for ``shown`` (the whole story, or the part a reader filtered to);
    ``full_text`` puts each article's marked text on the page (``links`` must
    then be PageLinks)."""
    shown = whole if shown is None else shown
    page_links = links if isinstance(links, PageLinks) else None
    if full_text and page_links is None:
        raise ValueError("the articles' text goes on a page with PageLinks")
    page = _Page(whole, links)
    kept = {c.id for c in shown.claims}
    conflicts = tuple(
        ConflictView(
            number=i,
            conflict=c,
            claim=page.claims.get(c.claim),
            claim_anchor=page.claim_anchor.get(c.claim),
            mentions=tuple(page.mention(m) for m in c.mentions),
            note=CONFLICT_NOTES.get(c.kind, ""),
        )
        for i, c in enumerate(whole.conflicts, 1)
        if c.claim in kept
    )
    flags: dict[str, list[tuple[int, str]]] = {}
    for i, c in enumerate(whole.conflicts, 1):
        flags.setdefault(c.claim, []).append((i, c.kind))
    key, tail = _common.key_and_tail(shown.claims)
    groups = tuple(
        (verdict, VERDICT_NOTES.get(verdict, ""), tuple(page.claim(c, flags) for c in group))
        for verdict, group in _common.claims_by_verdict(tail)
    )
    per_doc: dict[str, int] = {}
    for claim in whole.claims:
        for m in claim.mentions:
            per_doc[m.doc] = per_doc.get(m.doc, 0) + 1
    doc_anchor = anchors((doc.id for doc in shown.documents), "doc")
    articles = tuple(
        article_view(
            doc,
            links,
            anchor=doc_anchor[doc.id],
            mentions=per_doc.get(doc.id, 0),
            evidence_links=full_text,
            text=_full_text(shown, doc, page_links) if page_links and full_text else None,
        )
        for doc in shown.documents
    )
    order = {doc.id: i for i, doc in enumerate(shown.documents)}
    figures = sorted(
        shown.figures,
        key=lambda f: (f.entity.lower(), f.when or "", order.get(f.doc, 0), f.start),
    )
    dates = sorted(x for x in (doc_date(doc) for doc in whole.documents) if x)
    return StoryView(
        conflicts=conflicts,
        key=tuple(page.claim(c, flags) for c in key),
        groups=groups,
        tail_claims=len(tail),
        figures=tuple(page.figure(f) for f in figures),
        timeline=tuple(map(page.event, _common.sorted_timeline(shown.timeline, whole.documents))),
        articles=articles,
        outlets=tuple(_common.outlets(whole.documents)),
        all_outlets=tuple(sorted({outlet(doc.id, page.docs) for doc in whole.documents})),
        counts=_common.verdict_counts(whole.claims),
        dates=(dates[0], dates[-1]) if dates else (),
        n_articles=len(whole.documents),
        shown_claims=len(shown.claims),
        total_claims=len(whole.claims),
        left_out=whole.meta.claims_left_out,
        failures=whole.failures,
    )
