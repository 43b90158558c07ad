"""An article's text as HTML, escaped, with every mention's exact words in ``<mark>``.

Mentions may nest or cross, so the text is cut into non-overlapping segments
(``render._spans``) and each is wrapped on its own. The mention a reader
clicked is the *focus*: its segments get class ``focus``, its first one the
id ``focus``, so it is highlighted and scrolled to without JavaScript.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup

from storyline.model import Document, Mention
from storyline.render._common import SKIP_LABELS
from storyline.render._html_base import esc, slug
from storyline.render._spans import Segment, Span, segments


@dataclass(frozen=True)
class Marked:
    """A mention to mark, with the claim it belongs to (for its hover note)."""

    mention: Mention
    claim_id: str
    claim_text: str


def _open(kind: str, spans: list[Span], opening: bool, at: int, focus_start: int | None) -> str:
    if kind == "skipped":
        style = spans[0].style
        label = SKIP_LABELS.get(style, style)
        tag = f'<span class="skip-label">{esc(label)} · left out</span>' if opening else ""
        return f'<span class="skipped {esc(slug(style))}">{tag}'
    if kind == "focus":
        ident = ' id="focus"' if at == focus_start else ""
        return f'<span class="focus"{ident}>'
    styles = {s.style for s in spans}
    css = styles.pop() if len(styles) == 1 else "mixed"
    css += " multi" if len(spans) > 1 else ""
    ident = f' id="m-{at}"' if opening else ""
    title = "; ".join(dict.fromkeys(s.title for s in spans if s.title))
    return f'<mark class="{esc(css)}"{ident} title="{esc(title)}">'


# Outermost first: skipped text frames everything, the focus frames the marks.
_ORDER = ("skipped", "focus", "mention")


def _segment(seg: Segment, text: str, focus_start: int | None) -> str:
    by_kind: dict[str, list[Span]] = {}
    for span in seg.spans:
        by_kind.setdefault(span.kind, []).append(span)
    opened = {span.kind for span in seg.opening}
    kinds = [k for k in _ORDER if k in by_kind]
    head = "".join(_open(k, by_kind[k], k in opened, seg.start, focus_start) for k in kinds)
    tail = "".join("</mark>" if k == "mention" else "</span>" for k in reversed(kinds))
    return head + esc(text[seg.start : seg.end]) + tail


def marked_text(
    doc: Document, marks: Iterable[Marked], focus: tuple[int, int] | None = None
) -> Markup:
    """The article's text, every character escaped (articles are untrusted),
    mentions marked, the focus span (if it lies in the text) framed."""
    spans = [Span(s.start, s.end, "skipped", s.kind) for s in doc.skipped]
    spans += [
        Span(
            m.mention.start,
            m.mention.end,
            "mention",
            m.mention.certainty,
            f"{m.claim_id}: {m.claim_text} ({m.mention.certainty})",
        )
        for m in marks
    ]
    focus_start = None
    if focus is not None and 0 <= focus[0] < focus[1] <= len(doc.text):
        spans.append(Span(focus[0], focus[1], "focus"))
        focus_start = focus[0]
    body = "".join(_segment(s, doc.text, focus_start) for s in segments(len(doc.text), spans))
    return Markup(body)  # noqa: S704 - built from esc() pieces only


def parse_span(value: str | None) -> tuple[int, int] | None:
    """ "120-184" -> (120, 184); anything else -> None."""
    if not value:
        return None
    start, sep, end = value.partition("-")
    if not sep or not start.isdigit() or not end.isdigit():
        return None
    return (int(start), int(end)) if int(start) < int(end) else None
