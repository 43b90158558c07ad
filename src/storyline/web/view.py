"""The web app's side of the story page: its filters, its links, its changes.

The page itself is the static dossier's (``storyline.render.view`` and its
templates); here are what only the web app has. Filters (by outlet, by
verdict) are applied here, so the HTML page and its JSON twin show the same
thing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from urllib.parse import quote, urlencode

from markupsafe import Markup

from storyline.model import Document, Dossier, Mention
from storyline.render import view as render_view
from storyline.render._common import VERDICT_ORDER, outlet, valid_span
from storyline.render._spans import Span
from storyline.render.marks import marked_text
from storyline.render.view import StoryView, mention_spans
from storyline.store import Change


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
class StoryLinks:
    """The story page's links: each article's own page, scrolled to the words."""

    story_id: str

    def span(self, doc_id: str, start: int, end: int, kind: str) -> str:
        return article_href(self.story_id, doc_id, start, end)

    def article(self, doc_id: str) -> str | None:
        return article_href(self.story_id, doc_id)


def focused_text(
    doc: Document, mentions: Iterable[tuple[Mention, str]], focus: tuple[int, int] | None = None
) -> Markup:
    """The article page's text: escaped, what was left out greyed, each mention
    (with the text of its claim) marked with id ``m-<start>``, and the focus
    span, if it lies in the text, framed."""
    spans = [Span(s.start, s.end, "skipped", s.kind) for s in doc.skipped]
    spans += mention_spans(mentions)
    if focus is not None and valid_span(doc, *focus):
        spans.append(Span(focus[0], focus[1], "focus"))

    def ident(kind: str, at: int) -> str | None:
        if kind == "focus":
            return "focus" if focus is not None and at == focus[0] else None
        return f"m-{at}" if kind == "mention" else None

    return marked_text(doc.text, spans, ident)


def parse_span(value: str | None) -> tuple[int, int] | None:
    """ "120-184" -> (120, 184); anything else -> None."""
    if not value:
        return None
    start, sep, end = value.partition("-")
    if not sep or not start.isdigit() or not end.isdigit():
        return None
    return (int(start), int(end)) if int(start) < int(end) else None


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
    """The story page's view of ``d``, narrowed by ``filters``."""
    return render_view.story_view(d, StoryLinks(story_id), filter_dossier(d, filters))


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


def outlet_href(name: str, figure: str | None = None) -> str:
    """An outlet's profile page; with ``figure``, the mentions behind that figure."""
    href = f"/outlets/{quote(name, safe='')}"
    return f"{href}?figure={quote(figure, safe='')}#evidence" if figure else href
