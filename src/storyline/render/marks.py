"""An article's text as HTML, every character escaped, every span marked where it stands.

Mentions may nest or cross (a clause inside a sentence, two claims sharing
words), and markup cannot cross, so the text is cut into non-overlapping
segments (``_spans``) and each is wrapped on its own: the markup is always
well nested. The tags are built with ``Markup.format``, which escapes every
value it is given: articles are untrusted input.

Both faces use this: the static dossier marks mentions, figures, dated events
and the evidence for an inferred outlet or date; the web app's article page
marks mentions and frames the *focus*, the span a reader clicked (its segments
get class ``focus``, its first one the id ``focus``, so it is highlighted and
scrolled to without JavaScript).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from markupsafe import Markup

from storyline.render._common import SKIP_LABELS
from storyline.render._spans import Segment, Span, segments

# Wrapping order inside one segment, outermost first: skipped text frames
# everything, the focus frames the marks; a mention's <mark> is innermost so
# its id sits on the words.
_KIND_ORDER = ("skipped", "focus", "evidence", "origin", "figure", "event", "mention")
_CSS = {"figure": "fig", "event": "event", "evidence": "evidence", "origin": "origin"}

# The id of the segment where a span of a kind opens, at an offset; None for no id.
Ident = Callable[[str, int], str | None]


def slug(text: str) -> str:
    """A run of letters, digits, '_' and '-' for an id or a class."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-") or "x"


def anchors(ids: Iterable[str], prefix: str) -> dict[str, str]:
    """A unique, attribute-safe anchor for each id."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for ident in ids:
        if ident in out:
            continue
        base = f"{prefix}-{slug(ident)}"
        anchor, n = base, 2
        while anchor in used:
            anchor, n = f"{base}-{n}", n + 1
        used.add(anchor)
        out[ident] = anchor
    return out


def _attrs(ident: str | None, title: str) -> Markup:
    out = Markup("")
    if ident:
        out += Markup(' id="{}"').format(ident)
    if title:
        out += Markup(' title="{}"').format(title)
    return out


def _open(kind: str, spans: list[Span], opening: bool, at: int, ident: Ident) -> Markup:
    title = "; ".join(dict.fromkeys(s.title for s in spans if s.title))
    if kind == "skipped":
        style = spans[0].style
        label = SKIP_LABELS.get(style, style)
        tag = (
            Markup('<span class="skip-label">{} · left out</span>').format(label) if opening else ""
        )
        return Markup('<span class="skipped {}"{}>{}').format(slug(style), _attrs(None, title), tag)
    attrs = _attrs(ident(kind, at) if opening else None, title)
    if kind == "mention":
        styles = {s.style for s in spans}
        css = styles.pop() if len(styles) == 1 else "mixed"
        css += " multi" if len(spans) > 1 else ""
        return Markup('<mark class="{}"{}>').format(css, attrs)
    if kind == "focus":
        return Markup('<span class="focus"{}>').format(attrs)
    return Markup('<span class="{}"{}>').format(_CSS[kind], attrs)


def _segment(seg: Segment, text: str, ident: Ident) -> Markup:
    by_kind: dict[str, list[Span]] = {}
    for span in seg.spans:
        by_kind.setdefault(span.kind, []).append(span)
    opened = {span.kind for span in seg.opening}
    kinds = [k for k in _KIND_ORDER if k in by_kind]
    head = Markup("").join(_open(k, by_kind[k], k in opened, seg.start, ident) for k in kinds)
    tail = Markup("").join(
        Markup("</mark>" if k == "mention" else "</span>") for k in reversed(kinds)
    )
    return head + text[seg.start : seg.end] + tail


def marked_text(text: str, spans: Iterable[Span], ident: Ident) -> Markup:
    """``text`` escaped, each span wrapped where it stands; ``ident`` names the
    segments where spans open (a "focus" span's id is the caller's too)."""
    return Markup("").join(_segment(s, text, ident) for s in segments(len(text), spans))
