"""Provenance: where each claim comes from, who passes it on, and how many
independent sources stand behind it.

Ten outlets that relay one newspaper's scoop are one source, not ten. Each
mention that affirms a claim (states or hedges it) is read as one of:

- a **relay** of a named source: it is attributed to an outlet, a person or
  an organisation ("according to the Herald", "told CNN"); or its
  article carries a wire credit ("(Reuters) -"); or its article is a
  near-duplicate copy of an earlier one in the story; or its outlet states
  the claim in its own voice while relaying a named source for the same
  claim elsewhere in the story (it passes that source on, it does not add
  one);
- a relay of unnamed **reports** ("press reports suggest"): a relay whose
  source is not named, so it adds no source when the claim has a named one;
- the outlet's **own statement**: its own voice, or its own unnamed sources
  ("people familiar with the matter told the Herald").

A relayed name that is itself an outlet of the story is followed into its
own articles (A cites B, B cites C: the origin is C). The claim's origins
are the distinct ends of those chains; ``independent_sources`` counts them
and ``origin`` is the earliest (by its article's date, then the order of
the articles). Each link points to the words that establish it.

Plain functions over frozen records; the verdict is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from storyline.lexicon.provenance import (
    OUTLET_ALIASES,
    RELAY_AFTER,
    RELAY_BEFORE,
    RELAY_REACH,
    WIRE_CREDITS,
    WIRE_NAMES,
)
from storyline.model import Claim, Document, Mention, Origin, Relay
from storyline.store import dedup

__all__ = [
    "WireCredit",
    "copies_in",
    "name_key",
    "trace",
    "trace_claim",
    "wire_credit",
]

# Kinds of source that name who said it, and so can be followed.
NAMED_KINDS = frozenset({"outlet", "person", "organisation", "other"})
# How far after a relayed statement the source's name is looked for, when the
# statement took its source from a later sentence ("X is in talks. According
# to the Herald, ..."): a few sentences.
NAME_REACH = 600


@dataclass(frozen=True)
class WireCredit:
    """An article's credit to a wire agency, and where it stands."""

    wire: str
    start: int
    end: int
    words: str


def name_key(name: str) -> str:
    """One key for the spellings of a source's name: "the Herald",
    "Herald", "FoxNews.com" and "Fox News" meet; wire spellings
    ("AP", "Associated Press") meet under the agency."""
    plain = name.strip().lower()
    name = WIRE_NAMES.get(plain) or OUTLET_ALIASES.get(plain) or name
    name = re.sub(r"(?i)^\s*the\s+", "", name)
    name = re.sub(r"(?i)\.(com|co\.uk|org|net)\b", "", name)
    return re.sub(r"[^0-9a-z]+", "", name.lower()) or name.lower()


def wire_credit(text: str) -> WireCredit | None:
    """The article's first wire credit, if it has one."""
    found = [m for pattern in WIRE_CREDITS if (m := pattern.search(text)) is not None]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    wire = WIRE_NAMES[first.group("wire").lower()]
    return WireCredit(wire, first.start(), first.end(), first.group(0).strip())


def copies_in(documents: Sequence[Document]) -> dict[str, str]:
    """Near-duplicate articles within a story (a syndicated story run twice):
    {copy's id: id of the earliest article it repeats}, by the store's own
    MinHash measure. The earliest is by date, then by the articles' order."""
    order = sorted(documents, key=_doc_order)
    sigs = [dedup.signature(d.text) for d in order]
    out: dict[str, str] = {}
    for i, doc in enumerate(order):
        for j in range(i):
            if order[j].id in out:
                continue
            if dedup.similarity(sigs[i], sigs[j]) >= dedup.NEAR_DUPLICATE:
                out[doc.id] = order[j].id
                break
    return out


def _doc_order(doc: Document) -> tuple[int, str, str]:
    return (0 if doc.date else 1, doc.date or "", doc.id)


def _outlet(doc: Document | None, doc_id: str) -> str:
    return (doc.source if doc is not None and doc.source else None) or doc_id


def _via(text: str, start: int, end: int) -> tuple[int, int]:
    """The source's name at [start, end) widened to the words around it that
    make the relay ("according to the Herald", "as X reported")."""
    before = RELAY_BEFORE.search(text[max(0, start - RELAY_REACH) : start])
    if before is not None:
        start -= len(text[max(0, start - RELAY_REACH) : start]) - before.start()
    after = RELAY_AFTER.match(text[end : end + RELAY_REACH])
    if after is not None:
        end += after.end()
    return start, end


def _named_at(text: str, m: Mention) -> tuple[int, int] | None:
    """Where the text names the mention's source: its own offsets, else the
    nearest place the name stands, after the statement first (the lede that
    its next sentences attribute), then before it."""
    if m.source_start is not None and m.source_end is not None:
        return m.source_start, m.source_end
    if not m.source:
        return None
    hits = [
        (h.start(), h.end())
        for h in re.finditer(re.escape(m.source), text, flags=re.IGNORECASE)
        if abs(h.start() - m.start) <= NAME_REACH
    ]
    if not hits:
        return None
    return min(hits, key=lambda h: (h[0] < m.start, abs(h[0] - m.start)))


@dataclass(frozen=True)
class _Link:
    """How one affirming mention carries its claim."""

    mention: Mention
    outlet: str  # key of its article's outlet
    upstream: str | None  # key of the source it relays; None: its outlet's own statement
    unknown: bool = False  # relays reports that name no one
    relay: Relay | None = None
    name: str = ""  # the upstream as named
    kind: str = "outlet"
    named_at: tuple[int, int] | None = None  # where the upstream is named, in m.doc


def _links(
    claim: Claim,
    docs: Mapping[str, Document],
    credits: Mapping[str, WireCredit],
    copy_of: Mapping[str, str],
) -> list[_Link]:
    affirm = [m for m in claim.mentions if m.certainty != "negated"]
    out: list[_Link] = []
    for m in affirm:
        doc = docs.get(m.doc)
        text = doc.text if doc is not None else ""
        outlet = name_key(_outlet(doc, m.doc))
        if m.source is not None and name_key(m.source) == outlet:
            out.append(_Link(m, outlet, None))  # "the Herald has learned", in the Herald
        elif m.source is not None and m.source_kind != "unnamed":
            at = _named_at(text, m)
            vs, ve = _via(text, *at) if at else (None, None)
            via = text[vs:ve] if vs is not None and ve is not None else m.source
            relay = Relay(m.doc, m.start, m.end, via, m.source, vs, ve)
            if m.source_kind == "reports":
                out.append(_Link(m, outlet, None, True, relay, m.source, "reports", at))
            else:
                kind = m.source_kind or "other"
                if name_key(m.source) in {name_key(w) for w in WIRE_NAMES.values()}:
                    kind = "wire"
                out.append(_Link(m, outlet, name_key(m.source), False, relay, m.source, kind, at))
        elif m.source is None and m.doc in credits:
            c = credits[m.doc]
            relay = Relay(m.doc, m.start, m.end, c.words, c.wire, c.start, c.end)
            link = _Link(m, outlet, name_key(c.wire), False, relay, c.wire, "wire")
            out.append(replace(link, named_at=(c.start, c.end)))
        elif m.source is None and m.doc in copy_of:
            original = copy_of[m.doc]
            name = _outlet(docs.get(original), original)
            via = f"a near-duplicate copy of {name}'s article {original}"
            relay = Relay(m.doc, m.start, m.end, via, name)
            out.append(_Link(m, outlet, name_key(name), False, relay, name, "outlet"))
        else:
            out.append(_Link(m, outlet, None))
    # An outlet that names a source for this claim passes it on even where it
    # states the claim in its own voice.
    named: dict[str, _Link] = {}
    for link in out:
        if link.upstream is not None and link.upstream != link.outlet:
            named.setdefault(link.outlet, link)
    for i, link in enumerate(out):
        cited = named.get(link.outlet)
        if link.upstream is None and not link.unknown and cited is not None:
            m = link.mention
            assert cited.relay is not None
            by = cited.relay
            relay = Relay(m.doc, m.start, m.end, by.via, by.source, by.via_start, by.via_end)
            if by.doc != m.doc:  # the words are in another of the outlet's articles
                relay = Relay(m.doc, m.start, m.end, f"{by.via} ({by.doc})", by.source)
            out[i] = replace(cited, mention=m, relay=relay, named_at=None)
    return out


def trace_claim(
    claim: Claim,
    docs: Mapping[str, Document],
    credits: Mapping[str, WireCredit] | None = None,
    copy_of: Mapping[str, str] | None = None,
    stored_copies: Sequence[tuple[str, str, str]] = (),
) -> Claim:
    """The claim with its provenance filled in. ``docs``: the story's
    articles by id; ``credits``: their wire credits; ``copy_of``: near-duplicate
    articles within the story; ``stored_copies``: (copy id, original id, copy's
    outlet) of copies a store left out of the dossier."""
    credits = credits if credits is not None else {}
    copy_of = copy_of if copy_of is not None else {}
    links = _links(claim, docs, credits, copy_of)
    order = {d.id: _doc_order(d) for d in docs.values()}

    def when(doc_id: str, start: int | None) -> tuple[tuple[int, str, str], int]:
        return order.get(doc_id, (2, "", doc_id)), start or 0

    # Who states it in the story, and whom each relaying outlet names.
    states: dict[str, _Link] = {}
    cites: dict[str, list[_Link]] = {}
    for link in sorted(links, key=lambda k: when(k.mention.doc, k.mention.start)):
        if link.upstream is None and not link.unknown:
            states.setdefault(link.outlet, link)
        elif link.upstream is not None:
            cites.setdefault(link.outlet, []).append(link)

    def root(key: str, seen: frozenset[str]) -> str:
        if key in states or key in seen or key not in cites:
            return key  # states it, a loop, or a source outside the story
        return root(cites[key][0].upstream or key, seen | {key})

    # Each origin and the words that show it: its own statement where it is
    # in the story, else where it is first named.
    origins: dict[str, tuple[tuple[tuple[int, str, str], int], Origin]] = {}

    def offer(key: str, at: tuple[tuple[int, str, str], int], origin: Origin) -> None:
        if key not in origins or at < origins[key][0]:
            origins[key] = (at, origin)

    for link in links:
        if link.unknown:
            continue
        m = link.mention
        if link.upstream is None:
            doc = docs.get(m.doc)
            offer(
                link.outlet,
                when(m.doc, m.start),
                Origin(_outlet(doc, m.doc), m.doc, m.start, m.end, "outlet"),
            )
            continue
        key = root(link.upstream, frozenset({link.outlet}))
        if key in states:
            s = states[key].mention
            doc = docs.get(s.doc)
            offer(
                key,
                when(s.doc, s.start),
                Origin(_outlet(doc, s.doc), s.doc, s.start, s.end, "outlet"),
            )
        else:
            # Named only: the words that name it, in the article naming it first.
            ends = [k for k in links if k.upstream == key and k.relay is not None]
            first = min(ends or [link], key=lambda k: when(k.mention.doc, k.mention.start))
            # the words that credit it ("according to the Herald"), else its name
            at = (
                (first.relay.via_start, first.relay.via_end)
                if first.relay and first.relay.via_start is not None
                else first.named_at or (None, None)
            )
            o = Origin(first.name, first.mention.doc, at[0], at[1], first.kind)
            offer(key, when(first.mention.doc, first.mention.start), o)
    if not origins:
        unknown = [k for k in links if k.unknown]
        if unknown:  # only unnamed reports: one source, whoever it is
            u = min(unknown, key=lambda k: when(k.mention.doc, k.mention.start))
            at = u.named_at or (None, None)
            origins[name_key(u.name)] = (
                when(u.mention.doc, u.mention.start),
                Origin(u.name, u.mention.doc, at[0], at[1], "reports"),
            )
    ranked = tuple(o for _, o in sorted(origins.values(), key=lambda x: x[0]))
    relays = [k.relay for k in links if k.relay is not None]
    carried = {k.mention.doc for k in links}
    copy_outlets = set()
    for copy_id, original, outlet in stored_copies:
        if original in carried:
            relays.append(
                Relay(copy_id, None, None, f"a near-duplicate copy of article {original}", outlet)
            )
            copy_outlets.add(name_key(outlet or copy_id))
    independent = len(ranked)
    return replace(
        claim,
        origin=ranked[0] if ranked else None,
        relays=tuple(relays),
        independent_sources=independent,
        origins=ranked,
        outlets=len({k.outlet for k in links} | copy_outlets),
        single_origin=claim.verdict == "corroborated" and independent <= 1,
    )


def trace(
    claims: Iterable[Claim],
    documents: Iterable[Document],
    copies: Iterable[tuple[str, str]] = (),
    copy_outlets: Mapping[str, str] | None = None,
) -> tuple[Claim, ...]:
    """Each claim with its provenance. ``copies``: (copy id, original id) of
    copies a store left out of the story's articles (``DossierMeta.copies``),
    ``copy_outlets`` their outlets; near-duplicates among ``documents``
    themselves are found here."""
    docs = {d.id: d for d in documents}
    credits = {d.id: c for d in docs.values() if (c := wire_credit(d.text)) is not None}
    copy_of = copies_in(list(docs.values()))
    outlets = copy_outlets or {}
    stored = tuple((c, o, outlets.get(c, c)) for c, o in copies)
    return tuple(trace_claim(c, docs, credits, copy_of, stored) for c in claims)
