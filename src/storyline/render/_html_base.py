"""What the HTML page's parts share: escaping, anchors and per-page lookups."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from storyline.model import Claim, Document
from storyline.render._common import outlet, valid_span

# Id suffix letter per kind of span: <doc-anchor>-m<start> marks a mention, and so on.
ID_LETTER = {"mention": "m", "figure": "f", "event": "t", "evidence": "i"}


def esc(text: str | None) -> str:
    """Article text is untrusted: every character that could open markup is escaped."""
    return escape(text or "", quote=True)


def slug(text: str) -> str:
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


@dataclass(frozen=True)
class Page:
    """Lookups built once per page."""

    docs: dict[str, Document]
    doc_anchor: dict[str, str]
    claim_anchor: dict[str, str]
    claims: dict[str, Claim]

    def href(self, doc_id: str, start: int, end: int, kind: str) -> str | None:
        doc = self.docs.get(doc_id)
        if not valid_span(doc, start, end):
            return None
        return f"#{self.doc_anchor[doc_id]}-{ID_LETTER[kind]}{start}"

    def outlet_link(self, doc_id: str) -> str:
        name = esc(outlet(doc_id, self.docs))
        if doc_id in self.doc_anchor:
            return f'<a href="#{self.doc_anchor[doc_id]}">{name}</a>'
        return name


def badge(label: str, css: str, href: str | None = None) -> str:
    if href:
        return f'<a class="badge {css}" href="{href}">{esc(label)}</a>'
    return f'<span class="badge {css}">{esc(label)}</span>'
