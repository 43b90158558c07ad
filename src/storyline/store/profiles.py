"""Outlet profiles: what each outlet did with the stories it covered, from
the store, across every story it appears in.

Not a rating from outside: each figure is a count of the outlet's own
claims, out of the claims it could have applied to, with the mentions behind
it, so a reader sees how much evidence there is and can check each one.

- ``overstates``: it states as fact, in its own voice, what the rest of the
  coverage only reports, hedges or negates (the dossier's overstatement
  conflicts where it is the one stating), out of the claims it shares with
  another outlet;
- ``hedges``: it hedges the claim, out of the claims it carries;
- ``origin``: it is the origin of a claim that another outlet relays, out of
  the claims it carries;
- ``relays``: it passes a claim on from a source it names (or a wire, or a
  copy), out of the claims it carries;
- ``disputed``: a claim it affirms ends up disputed or denied, out of the
  claims it affirms.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from storyline.model import Claim, Document, Dossier, Mention
from storyline.store.store import Store
from storyline.story.provenance import name_key

__all__ = ["FIGURES", "Evidence", "OutletProfile", "ProfileFigure", "outlet_profiles"]

# (key, what it counts, out of what)
FIGURES: tuple[tuple[str, str, str], ...] = (
    ("overstates", "states as fact what others only report or hedge", "claims shared"),
    ("hedges", "hedges the claim", "claims carried"),
    ("origin", "is the origin of a claim others relay", "claims carried"),
    ("relays", "relays a claim from a source it names", "claims carried"),
    ("disputed", "affirms a claim that ends up disputed or denied", "claims affirmed"),
)


@dataclass(frozen=True)
class Evidence:
    """One of the outlet's mentions behind a figure."""

    story: str
    claim: str
    claim_text: str
    verdict: str
    doc: str
    start: int | None
    end: int | None
    words: str
    certainty: str


@dataclass(frozen=True)
class ProfileFigure:
    key: str
    label: str
    count: int  # claims
    of: int  # claims it could have counted
    of_label: str
    evidence: tuple[Evidence, ...] = ()

    @property
    def share(self) -> float | None:
        return self.count / self.of if self.of else None


@dataclass(frozen=True)
class OutletProfile:
    outlet: str
    stories: int
    articles: int
    claims: int  # claims it carries (affirms, hedges or negates)
    figures: tuple[ProfileFigure, ...] = field(default=())

    def figure(self, key: str) -> ProfileFigure:
        return next(f for f in self.figures if f.key == key)


@dataclass
class _Tally:
    outlet: str
    spellings: dict[str, int] = field(default_factory=dict)  # articles under each name
    stories: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    carried: set[tuple[str, str]] = field(default_factory=set)
    shared: set[tuple[str, str]] = field(default_factory=set)
    affirmed: set[tuple[str, str]] = field(default_factory=set)
    hits: dict[str, dict[tuple[str, str], list[Evidence]]] = field(
        default_factory=lambda: {key: {} for key, _, _ in FIGURES}
    )

    def hit(self, key: str, claim: tuple[str, str], evidence: Iterable[Evidence]) -> None:
        self.hits[key].setdefault(claim, []).extend(evidence)


def _outlet(doc: Document | None) -> str | None:
    return doc.source if doc is not None and doc.source else None


def _evidence(story: str, c: Claim, m: Mention, docs: Mapping[str, Document]) -> Evidence:
    doc = docs.get(m.doc)
    words = doc.text[m.start : m.end] if doc is not None else m.text
    return Evidence(story, c.id, c.text, c.verdict, m.doc, m.start, m.end, words, m.certainty)


def _span(
    story: str,
    c: Claim,
    doc_id: str,
    start: int | None,
    end: int | None,
    docs: Mapping[str, Document],
) -> Evidence:
    doc = docs.get(doc_id)
    words = doc.text[start:end] if doc is not None and start is not None and end is not None else ""
    return Evidence(story, c.id, c.text, c.verdict, doc_id, start, end, words, "certain")


def tally_dossier(story: str, d: Dossier, tallies: dict[str, _Tally]) -> None:
    """Add one story's dossier to the outlets' tallies (keyed by outlet name key)."""
    docs = {doc.id: doc for doc in d.documents}
    names = {doc.id: name for doc in d.documents if (name := _outlet(doc))}

    def tally(name: str) -> _Tally:
        t = tallies.setdefault(name_key(name), _Tally(name))
        t.spellings[name] = t.spellings.get(name, 0) + 1
        return t

    for doc_id, name in names.items():
        t = tally(name)
        t.stories.add(story)
        t.articles.add(doc_id)
    overstated = {
        (c.claim, m.doc)
        for c in d.conflicts
        if c.kind == "overstatement"
        for m in c.mentions
        if m.certainty == "certain" and m.source is None
    }
    for c in d.claims:
        key = (story, c.id)
        by_outlet: dict[str, list[Mention]] = {}
        for m in c.mentions:
            if m.doc in names:
                by_outlet.setdefault(name_key(names[m.doc]), []).append(m)
        origin_keys = {name_key(o.source) for o in c.origins}
        # (outlet that relays, key of whom it names) for each relay
        relaying = {
            (name_key(names[r.doc]), name_key(r.source)) for r in c.relays if r.doc in names
        }
        for okey, ms in by_outlet.items():
            t = tallies[okey]
            t.carried.add(key)
            if len(by_outlet) > 1:
                t.shared.add(key)
            over = [m for m in ms if (c.id, m.doc) in overstated]
            if over:
                t.hit("overstates", key, (_evidence(story, c, m, docs) for m in over))
            hedged = [m for m in ms if m.certainty == "hedged"]
            if hedged:
                t.hit("hedges", key, (_evidence(story, c, m, docs) for m in hedged))
            affirm = [m for m in ms if m.certainty != "negated"]
            if affirm:
                t.affirmed.add(key)
                if c.verdict in ("disputed", "denied"):
                    t.hit("disputed", key, (_evidence(story, c, m, docs) for m in affirm))
            mine = [r for r in c.relays if r.doc in names and name_key(names[r.doc]) == okey]
            if mine:
                t.hit(
                    "relays",
                    key,
                    (_span(story, c, r.doc, r.via_start, r.via_end, docs) for r in mine),
                )
            # others relay it from this outlet: naming it, or down a chain
            # when it is the claim's only origin
            others = {(by, src) for by, src in relaying if by != okey}
            if okey in origin_keys and (
                any(src == okey for _, src in others) or (len(origin_keys) == 1 and others)
            ):
                o = next(o for o in c.origins if name_key(o.source) == okey)
                t.hit("origin", key, [_span(story, c, o.doc, o.start, o.end, docs)])


def profiles_from(dossiers: Iterable[tuple[str, Dossier]]) -> list[OutletProfile]:
    """The outlets' profiles from (story id, dossier) pairs, most articles first."""
    tallies: dict[str, _Tally] = {}
    for story, d in dossiers:
        tally_dossier(story, d, tallies)
    out = []
    for t in tallies.values():
        of = {"claims shared": len(t.shared), "claims carried": len(t.carried)}
        of["claims affirmed"] = len(t.affirmed)
        figures = tuple(
            ProfileFigure(
                key,
                label,
                len(t.hits[key]),
                of[of_label],
                of_label,
                tuple(e for found in t.hits[key].values() for e in found),
            )
            for key, label, of_label in FIGURES
        )
        out.append(
            OutletProfile(
                max(t.spellings, key=lambda n: (t.spellings[n], n)) if t.spellings else t.outlet,
                len(t.stories),
                len(t.articles),
                len(t.carried),
                figures,
            )
        )
    return sorted(out, key=lambda p: (-p.articles, p.outlet.lower()))


def outlet_profiles(store: Store, outlets: Sequence[str] = ()) -> list[OutletProfile]:
    """Every outlet's profile across the store's stories; ``outlets``: only those."""
    found = profiles_from((s.id, store.dossier(s.id)) for s in store.stories())
    if outlets:
        wanted = {name_key(o) for o in outlets}
        found = [p for p in found if name_key(p.outlet) in wanted]
    return found


def profile_dict(p: OutletProfile, evidence: bool = False) -> dict[str, object]:
    """A profile as JSON-ready data; ``evidence``: with the mentions behind each figure."""
    return {
        "outlet": p.outlet,
        "stories": p.stories,
        "articles": p.articles,
        "claims": p.claims,
        "figures": {
            f.key: {
                "label": f.label,
                "count": f.count,
                "of": f.of,
                "of_what": f.of_label,
                "share": round(f.share, 3) if f.share is not None else None,
                **(
                    {"evidence": [e.__dict__ for e in f.evidence]}
                    if evidence
                    else {"mentions": len(f.evidence)}
                ),
            }
            for f in p.figures
        },
    }
