"""What the Markdown and HTML faces share: order, wording and number formats."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

from storyline.codec import verdict_counts  # noqa: F401 - the faces read it from here
from storyline.model import VERDICT_ORDER, Claim, Document, Mention, TimelineEvent

# One line each, from the verdict table in shared/eval/README.md.
VERDICT_NOTES: dict[str, str] = {
    "disputed": "some coverage affirms it, some denies it",
    "denied": "every mention denies it",
    "reported": "only said on someone else's word",
    "speculative": "only ever hedged",
    "single-source": "stated as fact by one article alone",
    "corroborated": "stated as fact by two or more articles, denied by none",
}

CONFLICT_NOTES: dict[str, str] = {
    "contradiction": "articles affirm and deny the same claim",
    "overstatement": "an article states as fact what the rest only reports, hedges or denies",
    "numeric": "articles give incompatible figures for the same quantity",
}

SKIP_LABELS: dict[str, str] = {
    "advert": "advert",
    "comment": "reader's comment",
    "heading": "heading",
    "question": "question",
    "boilerplate": "boilerplate",
}

CURRENCY_SYMBOLS: dict[str, str] = {"GBP": "£", "USD": "$", "EUR": "€", "JPY": "¥"}

# Figures carry at most this many decimals when shown; storyline reads no finer.
SHOWN_DECIMALS = 3


def key_and_tail(claims: Sequence[Claim]) -> tuple[list[Claim], list[Claim]]:
    """The key claims, in the dossier's order (most important first), and
    the long tail a reader opens only if they want it: claims stated once,
    in one article."""
    key = [c for c in claims if len(c.mentions) > 1]
    return key, [c for c in claims if len(c.mentions) == 1]


def claims_by_verdict(claims: Iterable[Claim]) -> list[tuple[str, list[Claim]]]:
    """Claims grouped in VERDICT_ORDER, in their order within a group; no empty groups."""
    groups: dict[str, list[Claim]] = {verdict: [] for verdict in VERDICT_ORDER}
    for claim in claims:
        groups.setdefault(claim.verdict, []).append(claim)
    return [(verdict, group) for verdict, group in groups.items() if group]


def outlet(doc_id: str, documents: Mapping[str, Document]) -> str:
    """The outlet of an article, as a reader should see it: its id when unknown."""
    doc = documents.get(doc_id)
    if doc is None:
        return doc_id
    if doc.source:
        return doc.source
    if doc.source_inferred is not None and doc.source_inferred.value:
        return doc.source_inferred.value
    return doc.id


def outlets(documents: Iterable[Document]) -> list[str]:
    """The distinct known outlets, in order of first appearance."""
    seen: dict[str, None] = {}
    for doc in documents:
        name = doc.source or (doc.source_inferred.value if doc.source_inferred else None)
        if name:
            seen.setdefault(name, None)
    return list(seen)


def attribution(mention: Mention) -> str:
    """ "according to X", or "own voice", with whose act or stance the
    article tells where it names one ("own voice; Trump's act or stance")."""
    if mention.source is not None:
        return f"according to {mention.source}"
    if mention.holder is not None:
        return f"own voice; {mention.holder}'s act or stance"
    return "own voice"


def quote(mention: Mention, documents: Mapping[str, Document]) -> str:
    """The mention's exact words: its text, or the article's slice if it carries none."""
    if mention.text:
        return mention.text
    doc = documents.get(mention.doc)
    return doc.text[mention.start : mention.end] if doc is not None else ""


def valid_span(doc: Document | None, start: int, end: int) -> bool:
    """Whether the span can be shown and linked to in the article's text."""
    return doc is not None and 0 <= start < end <= len(doc.text)


def format_number(value: float) -> str:
    if not math.isfinite(value):
        return str(value)
    if float(value).is_integer():
        return f"{int(value):,}"
    text = f"{value:,.{SHOWN_DECIMALS}f}".rstrip("0").rstrip(".")
    return text


def format_value(value: float, unit: str | None) -> str:
    """4310, "cars" -> "4,310 cars"; 5e8, "GBP" -> "£500,000,000"; 35, "percent" -> "35%"."""
    number = format_number(value)
    if unit is None:
        return number
    if unit in CURRENCY_SYMBOLS:
        sign = "-" if number.startswith("-") else ""
        return f"{sign}{CURRENCY_SYMBOLS[unit]}{number.lstrip('-')}"
    if unit == "percent":
        return f"{number}%"
    return f"{number} {unit}"


def sorted_timeline(
    events: Iterable[TimelineEvent], documents: Iterable[Document]
) -> list[TimelineEvent]:
    """Events by date; ISO prefixes sort before their refinements ("2025" < "2025-10")."""
    order = {doc.id: i for i, doc in enumerate(documents)}
    return sorted(events, key=lambda e: (e.when, order.get(e.doc, len(order)), e.start))


def plural(n: int, word: str, many: str | None = None) -> str:
    """ "1 claim", "2 claims"; ``many`` for irregular plurals."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


SINGLE_ORIGIN_NOTE = (
    "corroborated by several outlets, but every one of them rests on the same origin"
)


def provenance_line(claim: Claim) -> str:
    """ "3 outlets, 1 independent source (Herald)": how many outlets
    carry the claim and how many distinct origins stand behind them."""
    if claim.origin is None:
        return ""
    names = ", ".join(dict.fromkeys(o.source for o in claim.origins or (claim.origin,)))
    return (
        f"{plural(claim.outlets, 'outlet')}, "
        f"{plural(claim.independent_sources, 'independent source')} ({names})"
    )
