"""The articles' text for the HTML page, every mention marked where it stands.

Spans may nest or cross, so the text is flattened into segments (``_spans``)
and each segment is wrapped on its own: the markup is always well nested.
"""

from __future__ import annotations

import re

from storyline.model import Document, Dossier, Figure, Inferred, Mention, TimelineEvent
from storyline.render._common import SKIP_LABELS, format_value, valid_span
from storyline.render._html_base import ID_LETTER, Page, esc, slug
from storyline.render._spans import Segment, Span, segments

# Wrapping order inside one segment, outermost first: skipped text frames
# everything; a mention's <mark> is innermost so its id sits on the words.
_KIND_ORDER = ("skipped", "evidence", "figure", "event", "mention")
# Only web links become <a href>: a "javascript:" URL in metadata stays text.
_SAFE_URL = re.compile(r"^https?://", re.IGNORECASE)


def _open(kind: str, spans: list[Span], opening: bool, anchor: str, at: int) -> str:
    ident = f' id="{anchor}-{ID_LETTER[kind]}{at}"' if opening and kind in ID_LETTER else ""
    titles = "; ".join(dict.fromkeys(s.title for s in spans if s.title))
    title = f' title="{esc(titles)}"' if titles else ""
    if kind == "mention":
        styles = {s.style for s in spans}
        css = styles.pop() if len(styles) == 1 else "mixed"
        css += " multi" if len(spans) > 1 else ""
        return f'<mark class="{esc(css)}"{ident}{title}>'
    if kind == "skipped":
        style = spans[0].style
        label = SKIP_LABELS.get(style, style)
        tag = f'<span class="skip-label">{esc(label)} · left out</span>' if opening else ""
        return f'<span class="skipped {esc(slug(style))}"{title}>{tag}'
    css = {"figure": "fig", "event": "event", "evidence": "evidence"}[kind]
    return f'<span class="{css}"{ident}{title}>'


def _segment_html(seg: Segment, text: str, anchor: str) -> str:
    by_kind: dict[str, list[Span]] = {}
    for span in seg.spans:
        by_kind.setdefault(span.kind, []).append(span)
    opened = {span.kind for span in seg.opening}
    kinds = [k for k in _KIND_ORDER if k in by_kind]
    head = "".join(_open(k, by_kind[k], k in opened, anchor, seg.start) for k in kinds)
    tail = "".join("</mark>" if k == "mention" else "</span>" for k in reversed(kinds))
    return head + esc(text[seg.start : seg.end]) + tail


def _doc_spans(
    doc: Document,
    mentions: list[tuple[Mention, str]],
    figures: list[Figure],
    events: list[TimelineEvent],
) -> list[Span]:
    spans = [
        Span(s.start, s.end, "skipped", s.kind, "left out of the reading") for s in doc.skipped
    ]
    for inferred in (doc.source_inferred, doc.date_inferred):
        if inferred is not None and inferred.start is not None and inferred.end is not None:
            spans.append(
                Span(
                    inferred.start,
                    inferred.end,
                    "evidence",
                    title=f"{inferred.value} inferred from here",
                )
            )
    spans += [
        Span(f.start, f.end, "figure", title=f"{f.entity}: {format_value(f.value, f.unit)}")
        for f in figures
    ]
    spans += [Span(e.start, e.end, "event", title=e.when) for e in events]
    spans += [
        Span(m.start, m.end, "mention", m.certainty, f"{claim} ({m.certainty})")
        for m, claim in mentions
    ]
    return spans


def _inferred_note(inferred: Inferred | None, anchor: str, doc: Document) -> str:
    if inferred is None:
        return ""
    if inferred.evidence:
        words = f"«{esc(inferred.evidence)}»"
        if (
            inferred.start is not None
            and inferred.end is not None
            and valid_span(doc, inferred.start, inferred.end)
        ):
            words = f'<a href="#{anchor}-i{inferred.start}">{words}</a>'
        return f" <em>(inferred from {words}, {esc(inferred.method)})</em>"
    return f" <em>({esc(inferred.method)})</em>" if inferred.method != "metadata" else ""


def _article(
    doc: Document,
    mentions: list[tuple[Mention, str]],
    figures: list[Figure],
    events: list[TimelineEvent],
    page: Page,
) -> str:
    anchor = page.doc_anchor[doc.id]
    name = doc.source or (doc.source_inferred.value if doc.source_inferred else None)
    date = doc.date or (doc.date_inferred.value if doc.date_inferred else None)
    rows = [
        ("Outlet", esc(name or "unknown") + _inferred_note(doc.source_inferred, anchor, doc)),
        ("Date", esc(date or "unknown") + _inferred_note(doc.date_inferred, anchor, doc)),
    ]
    if doc.url:
        url = esc(doc.url)
        rows.append(
            (
                "Link",
                f'<a href="{url}" rel="noopener noreferrer">{url}</a>'
                if _SAFE_URL.match(doc.url)
                else url,
            )
        )
    rows.append(("File", f"<code>{esc(doc.id)}</code>"))
    meta = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    body = "".join(
        _segment_html(s, doc.text, anchor)
        for s in segments(len(doc.text), _doc_spans(doc, mentions, figures, events))
    )
    return (
        f'<article class="doc" id="{anchor}"><h3>{esc(doc.title or name or doc.id)}</h3>'
        f'<dl class="meta">{meta}</dl><div class="text">{body}</div></article>'
    )


_LEGEND = (
    '<p class="note legend">Highlights: <mark class="certain">stated</mark> '
    '<mark class="hedged">hedged</mark> <mark class="negated">denied</mark> '
    '<mark class="mixed multi">several claims</mark> · <span class="fig">figure</span> · '
    '<span class="event">dated event</span> · <span class="skipped">'
    '<span class="skip-label">advert · left out</span>greyed text was not read as news</span></p>'
)


def articles_section(d: Dossier, page: Page) -> str:
    """The Articles section: a legend, then each article with its marks."""
    per_doc: dict[str, dict[tuple[int, int, str], tuple[Mention, str]]] = {}
    for claim in d.claims:
        for m in claim.mentions:
            per_doc.setdefault(m.doc, {}).setdefault((m.start, m.end, m.certainty), (m, claim.text))
    for c in d.conflicts:
        for m in c.mentions:
            text = page.claims[c.claim].text if c.claim in page.claims else c.claim
            per_doc.setdefault(m.doc, {}).setdefault((m.start, m.end, m.certainty), (m, text))
    out = [f'<section id="articles"><h2>Articles ({len(d.documents)})</h2>', _LEGEND]
    figures: dict[str, list[Figure]] = {}
    for f in d.figures:
        figures.setdefault(f.doc, []).append(f)
    events: dict[str, list[TimelineEvent]] = {}
    for e in d.timeline:
        events.setdefault(e.doc, []).append(e)
    out += [
        _article(
            doc,
            list(per_doc.get(doc.id, {}).values()),
            figures.get(doc.id, []),
            events.get(doc.id, []),
            page,
        )
        for doc in d.documents
    ]
    out.append("</section>")
    return "".join(out)
