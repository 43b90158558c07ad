"""The dossier as Markdown, for pasting into notes.

Quotes are escaped minimally: only what would change how the line renders
(emphasis, links, code, raw HTML, and ``|`` inside tables); line breaks fold to spaces.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from storyline.model import Claim, Document, Dossier, Mention
from storyline.render._common import (
    CONFLICT_NOTES,
    SKIP_LABELS,
    VERDICT_NOTES,
    attribution,
    claims_by_verdict,
    format_value,
    key_and_tail,
    outlet,
    outlets,
    plural,
    provenance_line,
    quote,
    sorted_timeline,
    valid_span,
    verdict_counts,
)

__all__ = ["to_markdown"]

_SIGNIFICANT = re.compile(r"([\\`*_\[\]<])")
_SPACE = re.compile(r"\s+")
# A URL written as a link: http(s) only (never javascript:, data:, file:...),
# and nothing that would end the <autolink> early or break its line.
_LINKABLE = re.compile(r"https?://[^\s<>\x00-\x1f\x7f]+", re.IGNORECASE)


def _md(text: str | None) -> str:
    """Text as one Markdown line that renders as itself."""
    return _SIGNIFICANT.sub(r"\\\1", _SPACE.sub(" ", text or "").strip())


def _cell(text: str | None) -> str:
    return _md(text).replace("|", r"\|")


def _quote_line(m: Mention, docs: Mapping[str, Document]) -> str:
    said = f"{_md(outlet(m.doc, docs))}, {m.certainty}, {_md(attribution(m))}"
    line = f'> "{_md(quote(m, docs))}" — {said}'
    if m.cue:
        line += f' (cue: "{_md(m.cue)}")'
    return line


def _summary(d: Dossier) -> list[str]:
    names = outlets(d.documents)
    counts = ", ".join(f"{n} {v}" for v, n in verdict_counts(d.claims).items() if n)
    lines = [
        f"**{plural(len(d.documents), 'article')}** from {plural(len(names), 'outlet')}"
        + (f" ({', '.join(_md(n) for n in names)})" if names else "")
        + f" · **{plural(len(d.claims), 'claim')}**"
        + (f": {counts}" if counts else "")
        + f" · **{plural(len(d.conflicts), 'conflict')}**"
        + (
            f" · the {plural(d.meta.claims_left_out, 'least important claim')} left out"
            if d.meta.claims_left_out
            else ""
        ),
    ]
    if d.failures:
        lines += ["", f"**{plural(len(d.failures), 'input')} could not be read:**", ""]
        lines += [f"- {_md(f.input)}: {_md(f.error)}" for f in d.failures]
    return lines


def _conflicts(d: Dossier, docs: Mapping[str, Document]) -> list[str]:
    lines = ["## Conflicts", ""]
    if not d.conflicts:
        return lines + ["No conflicts found between the articles.", ""]
    claims = {c.id: c for c in d.claims}
    for c in d.conflicts:
        about = claims[c.claim].text if c.claim in claims else c.claim
        lines += [f"### {c.kind.capitalize()}: {_md(about)}", ""]
        if c.kind in CONFLICT_NOTES:
            lines += [f"*{CONFLICT_NOTES[c.kind]}.* {_md(c.explanation)}", ""]
        else:
            lines += [_md(c.explanation), ""]
        for m in c.mentions:
            lines += [_quote_line(m, docs), ""]
    return lines


def _claim_lines(claim: Claim, docs: Mapping[str, Document]) -> list[str]:
    lines = [f"#### {_md(claim.text)} — {claim.verdict}", ""]
    if line := provenance_line(claim):
        lines += [f"*{_md(line)}*" + (" — **single origin**" if claim.single_origin else ""), ""]
        o = claim.origin
        doc = docs.get(o.doc) if o is not None else None
        if (
            o is not None
            and o.start is not None
            and o.end is not None
            and valid_span(doc, o.start, o.end)
        ):
            assert doc is not None
            lines += [
                f"Origin: {_md(o.source)}, in {_md(outlet(o.doc, docs))}: "
                f"“{_md(doc.text[o.start : o.end])}”",
                "",
            ]
    for m in claim.mentions:
        lines += [_quote_line(m, docs), ""]
    return lines


def _claims(d: Dossier, docs: Mapping[str, Document]) -> list[str]:
    """The key claims first, most important first; then the long tail,
    folded behind its count, by verdict."""
    lines = ["## Claims", ""]
    if not d.claims:
        return lines + ["No claims were found.", ""]
    key, tail = key_and_tail(d.claims)
    lines += [f"### Key claims ({len(key)})", ""]
    if not key:
        lines += ["No claim is stated more than once.", ""]
    for claim in key:
        lines += _claim_lines(claim, docs)
    if not tail:
        return lines
    lines += [
        f"### The long tail ({plural(len(tail), 'claim')} stated once, in one article)",
        "",
        "<details>",
        f"<summary>Open the {plural(len(tail), 'claim')}</summary>",
        "",
    ]
    for verdict, group in claims_by_verdict(tail):
        lines += [f"#### {verdict.capitalize()} ({len(group)})", ""]
        if verdict in VERDICT_NOTES:
            lines += [f"*{VERDICT_NOTES[verdict]}*", ""]
        for claim in group:
            lines += _claim_lines(claim, docs)
    return lines + ["</details>", ""]


def _figures(d: Dossier, docs: Mapping[str, Document]) -> list[str]:
    lines = ["## Figures", ""]
    if not d.figures:
        return lines + ["No figures were found.", ""]
    lines += [
        "| Entity | Figure | When | Qualifier | Words | Outlet |",
        "| --- | ---: | --- | --- | --- | --- |",
    ]
    for f in d.figures:
        lines.append(
            f"| {_cell(f.entity)} | {_cell(format_value(f.value, f.unit))} "
            f"| {_cell(f.when or '—')} "
            f'| {_cell(f.qualifier)} | "{_cell(f.text)}" | {_cell(outlet(f.doc, docs))} |'
        )
    return lines + [""]


def _timeline(d: Dossier, docs: Mapping[str, Document]) -> list[str]:
    lines = ["## Timeline", ""]
    if not d.timeline:
        return lines + ["No dated events were found.", ""]
    for e in sorted_timeline(d.timeline, d.documents):
        said = f' ("{_md(e.expression)}")' if e.expression else ""
        lines.append(f"- **{_md(e.when)}**: {_md(e.text)}{said} — {_md(outlet(e.doc, docs))}")
    return lines + [""]


def _articles(d: Dossier, docs: Mapping[str, Document]) -> list[str]:
    lines = ["## Articles", ""]
    for doc in d.documents:
        lines.append(
            f"- **{_md(outlet(doc.id, docs))}** (`{doc.id}`)"
            + (f": {_md(doc.title)}" if doc.title else "")
        )
        for label, value, inferred in (
            ("outlet", doc.source, doc.source_inferred),
            ("date", doc.date, doc.date_inferred),
        ):
            shown = value or (inferred.value if inferred else None)
            if shown:
                note = (
                    f', inferred from "{_md(inferred.evidence)}"'
                    if inferred and inferred.evidence
                    else ""
                )
                lines.append(f"  - {label}: {_md(shown)}{note}")
        if doc.url:
            lines.append(
                f"  - link: <{doc.url}>"
                if _LINKABLE.fullmatch(doc.url)
                else f"  - link: {_md(doc.url)}"
            )
        for s in doc.skipped:
            lines.append(f'  - left out ({SKIP_LABELS.get(s.kind, s.kind)}): "{_md(s.text)}"')
    return lines + [""]


def to_markdown(dossier: Dossier) -> str:
    """Summary, conflicts, claims by verdict with quoted mentions, figures, timeline, articles."""
    docs = {doc.id: doc for doc in dossier.documents}
    story = dossier.meta.story
    lines = [f"# Story dossier{': ' + _md(story) if story else ''}", ""]
    lines += _summary(dossier) + [""]
    lines += _conflicts(dossier, docs)
    lines += _claims(dossier, docs)
    lines += _figures(dossier, docs)
    lines += _timeline(dossier, docs)
    lines += _articles(dossier, docs)
    if dossier.version:
        lines += [f"*Written by storyline {_md(dossier.version)}.*", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
