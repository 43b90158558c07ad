"""The dossier as one self-contained HTML page: no scripts, no fonts, no network.

Everything that comes from an article (its text, quotes, names, even claim ids)
is escaped: articles are untrusted input.
"""

from __future__ import annotations

from importlib.resources import files

from storyline.model import Conflict, Dossier, Figure, Mention
from storyline.render._common import (
    CONFLICT_NOTES,
    VERDICT_NOTES,
    VERDICT_ORDER,
    attribution,
    claims_by_verdict,
    format_value,
    outlets,
    plural,
    quote,
    sorted_timeline,
    verdict_counts,
)
from storyline.render._html_articles import articles_section
from storyline.render._html_base import Page, anchors, badge, esc, slug

__all__ = ["to_html"]

# Inlined into every page, so the page needs nothing beside itself.
_CSS = files("storyline.render").joinpath("style.css").read_text(encoding="utf-8")


def _quote(m: Mention, page: Page) -> str:
    words = f"“{esc(quote(m, page.docs))}”"
    href = page.href(m.doc, m.start, m.end, "mention")
    if href:
        words = f'<a href="{href}">{words}</a>'
    caption = [
        page.outlet_link(m.doc),
        badge(m.certainty, f"c-{slug(m.certainty)}"),
        esc(attribution(m)),
    ]
    if m.cue:
        caption.append(f"cue: «{esc(m.cue)}»")
    return (
        f'<figure class="quote"><blockquote>{words}</blockquote>'
        f"<figcaption>{' · '.join(caption)}</figcaption></figure>"
    )


def _header(d: Dossier, page: Page) -> str:
    story = d.meta.get("story")
    title = f"Story dossier: {esc(story)}" if story else "Story dossier"
    names = outlets(d.documents)
    n_docs = len(d.documents)
    lede = f"{plural(n_docs, 'article')} from {plural(len(names), 'outlet')}"
    if names:
        lede += ": " + ", ".join(esc(n) for n in names)
    dates = sorted(
        doc.date or (doc.date_inferred.value if doc.date_inferred else "") for doc in d.documents
    )
    dates = [x for x in dates if x]
    if dates:
        lede += f"; dated {esc(dates[0])}" + (
            f" to {esc(dates[-1])}" if dates[-1] != dates[0] else ""
        )
    counts = verdict_counts(d.claims)
    badges = " ".join(
        badge(f"{n} {v}", f"v-{slug(v)}", f"#verdict-{slug(v)}") for v, n in counts.items() if n
    )
    n_conf = len(d.conflicts)
    parts = [
        f"<h1>{title}</h1>",
        f'<p class="lede">{lede}.</p>',
        f'<p class="meta">{plural(len(d.claims), "claim")} {badges} · '
        f'<a href="#conflicts">{plural(n_conf, "conflict")}</a></p>',
    ]
    if d.failures:
        items = "".join(f"<li><code>{esc(f.input)}</code>: {esc(f.error)}</li>" for f in d.failures)
        parts.append(
            f'<section class="failures">'
            f"<h2>{plural(len(d.failures), 'input')} could not be read</h2>"
            f"<ul>{items}</ul></section>"
        )
    links = [("conflicts", "Conflicts"), ("claims", "Claims")]
    links += [(f"verdict-{slug(v)}", f"· {v}") for v, n in counts.items() if n]
    links += [("figures", "Figures"), ("timeline", "Timeline"), ("articles", "Articles")]
    nav = "".join(f'<a href="#{a}">{esc(label)}</a>' for a, label in links)
    parts.append(f"<nav>{nav}</nav>")
    return "<header>" + "".join(parts) + "</header>"


def _conflicts(conflicts: tuple[Conflict, ...], page: Page) -> str:
    out = [f'<section id="conflicts"><h2>Conflicts ({len(conflicts)})</h2>']
    if not conflicts:
        out.append('<p class="note">No conflicts found between the articles.</p>')
    for i, c in enumerate(conflicts, 1):
        claim = page.claims.get(c.claim)
        about = esc(claim.text if claim else c.claim)
        if c.claim in page.claim_anchor:
            about = f'<a href="#{page.claim_anchor[c.claim]}">{about}</a>'
        quotes = "".join(_quote(m, page) for m in c.mentions)
        out.append(
            f'<article class="card conflict" id="conflict-{i}">'
            f"<h3>{badge(c.kind, f'kind k-{slug(c.kind)}')} {about}</h3>"
            f'<p class="note">{esc(CONFLICT_NOTES.get(c.kind, ""))}</p>'
            f'<p>{esc(c.explanation)}</p><div class="sides">{quotes}</div></article>'
        )
    out.append("</section>")
    return "".join(out)


def _claims(d: Dossier, page: Page) -> str:
    conflicts_of: dict[str, list[tuple[int, Conflict]]] = {}
    for i, c in enumerate(d.conflicts, 1):
        conflicts_of.setdefault(c.claim, []).append((i, c))
    out = [f'<section id="claims"><h2>Claims ({len(d.claims)})</h2>']
    if not d.claims:
        out.append('<p class="note">No claims were found.</p>')
    for verdict, group in claims_by_verdict(d.claims):
        vslug = slug(verdict)
        out.append(
            f'<section id="verdict-{vslug}"><h3>{badge(verdict, f"v-{vslug}")} '
            f"{plural(len(group), 'claim')}</h3>"
            f'<p class="note">{esc(VERDICT_NOTES.get(verdict, ""))}</p>'
        )
        for claim in group:
            n_docs = len({m.doc for m in claim.mentions})
            flags = "".join(
                " " + badge(f"⚠ {c.kind}", f"k-{slug(c.kind)}", f"#conflict-{i}")
                for i, c in conflicts_of.get(claim.id, ())
            )
            mentions = "".join(f"<li>{_quote(m, page)}</li>" for m in claim.mentions)
            out.append(
                f'<article class="card claim" id="{page.claim_anchor[claim.id]}">'
                f"<h4>{esc(claim.text)}</h4>"
                f'<p class="meta">{badge(verdict, f"v-{vslug}")} '
                f"{plural(len(claim.mentions), 'mention')} in "
                f"{plural(n_docs, 'article')}{flags}</p>"
                f'<ul class="mentions">{mentions}</ul></article>'
            )
        out.append("</section>")
    out.append("</section>")
    return "".join(out)


def _figure_words(f: Figure, page: Page) -> str:
    words = f"<strong>{esc(f.text)}</strong>"
    href = page.href(f.doc, f.start, f.end, "figure")
    if href:
        words = f'<a href="{href}">{words}</a>'
    at = f.context.find(f.text) if f.text else -1
    if at < 0:
        return words if not f.context else f"{words}: “{esc(f.context)}”"
    return f"“{esc(f.context[:at])}{words}{esc(f.context[at + len(f.text) :])}”"


def _figures(d: Dossier, page: Page) -> str:
    out = [f'<section id="figures"><h2>Figures ({len(d.figures)})</h2>']
    if not d.figures:
        out.append('<p class="note">No figures were found.</p></section>')
        return "".join(out)
    order = {doc.id: i for i, doc in enumerate(d.documents)}
    rows = sorted(
        d.figures, key=lambda f: (f.entity.lower(), f.when or "", order.get(f.doc, 0), f.start)
    )
    out.append(
        "<table><thead><tr><th>Entity</th><th>Figure</th><th>When</th><th>Qualifier</th>"
        "<th>In the words of the article</th></tr></thead><tbody>"
    )
    for f in rows:
        out.append(
            f'<tr><td>{esc(f.entity)}</td><td class="num">{esc(format_value(f.value, f.unit))}</td>'
            f"<td>{esc(f.when or '—')}</td><td>{esc(f.qualifier or '')}</td>"
            f"<td>{_figure_words(f, page)} — {page.outlet_link(f.doc)}</td></tr>"
        )
    out.append("</tbody></table></section>")
    return "".join(out)


def _timeline(d: Dossier, page: Page) -> str:
    out = [f'<section id="timeline"><h2>Timeline ({len(d.timeline)})</h2>']
    if not d.timeline:
        out.append('<p class="note">No dated events were found.</p></section>')
        return "".join(out)
    out.append('<ol class="timeline">')
    for e in sorted_timeline(d.timeline, d.documents):
        words = esc(e.text)
        href = page.href(e.doc, e.start, e.end, "event")
        if href:
            words = f'<a href="{href}">{words}</a>'
        said = f"«{esc(e.expression)}» · " if e.expression else ""
        out.append(
            f"<li><time>{esc(e.when)}</time> — {words} "
            f'<span class="meta">{said}{page.outlet_link(e.doc)}</span></li>'
        )
    out.append("</ol></section>")
    return "".join(out)


def to_html(dossier: Dossier) -> str:
    """One self-contained page: summary, conflicts, claims by verdict, figures, timeline,
    and the articles with every mention marked."""
    page = Page(
        docs={doc.id: doc for doc in dossier.documents},
        doc_anchor=anchors((doc.id for doc in dossier.documents), "doc"),
        claim_anchor=anchors((c.id for c in dossier.claims), "claim"),
        claims={c.id: c for c in dossier.claims},
    )
    story = dossier.meta.get("story")
    title = (
        f"Story dossier: {story}" if story else f"Story dossier — {len(dossier.documents)} articles"
    )
    version = f"storyline {dossier.version}" if dossier.version else "storyline"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{_CSS}</style></head><body>\n"
        + _header(dossier, page)
        + "\n<main>\n"
        + _conflicts(dossier.conflicts, page)
        + "\n"
        + _claims(dossier, page)
        + "\n"
        + _figures(dossier, page)
        + "\n"
        + _timeline(dossier, page)
        + "\n"
        + articles_section(dossier, page)
        + f"\n</main><footer>Written by {esc(version)}. Verdicts in order of contest: "
        + ", ".join(VERDICT_ORDER)
        + ".</footer></body></html>\n"
    )
