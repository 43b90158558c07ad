"""Conflicts within a claim: contradictions, overstatements and figures that
cannot both be true.

Two mentions set against each other in a conflict must be alike themselves,
not only through the rest of their claim: a reader shown a contradiction must
see the same proposition affirmed and denied. The bar is
grouping.opposed_pair_holds, the one that lets a denial join a claim.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from storyline.measure.quantities import compatible
from storyline.measure.units import family
from storyline.model import Claim, Conflict, Mention, Quantity
from storyline.story.grouping import opposed_pair_holds


def _describe(ms: Sequence[Mention], outlet: Callable[[str], str]) -> str:
    return ", ".join(dict.fromkeys(outlet(m.doc) for m in ms))


def _facing(
    ms: Sequence[Mention],
    left: Sequence[int],
    right: Sequence[int],
    link: Callable[[int, int], float],
) -> tuple[list[int], list[int]]:
    """The mentions of ``left`` and ``right`` (indexes into ``ms``) that face
    a mention of the other side, from another article, closely enough."""
    pairs = [
        (a, b)
        for a in left
        for b in right
        if ms[a].doc != ms[b].doc and opposed_pair_holds(ms[a], ms[b], link(a, b))
    ]
    return sorted({a for a, _ in pairs}), sorted({b for _, b in pairs})


def _all_linked(a: int, b: int) -> float:
    return 1.0


def conflicts_of(
    claim: Claim,
    outlet: Callable[[str], str],
    figures: Callable[[Mention], Sequence[Quantity]] | None = None,
    link: Callable[[int, int], float] = _all_linked,
) -> list[Conflict]:
    """Contradictions, overstatements and incompatible figures within one
    claim; ``link(i, j)`` is how alike mentions i and j are."""
    found: list[Conflict] = []
    ms = claim.mentions
    affirm = [i for i, m in enumerate(ms) if m.certainty == "certain"]
    negate = [i for i, m in enumerate(ms) if m.certainty == "negated"]
    pro_i, con_i = _facing(ms, affirm, negate, link)
    if pro_i:
        pro, con = [ms[i] for i in pro_i], [ms[i] for i in con_i]
        pro_s = "s" if len({m.doc for m in pro}) == 1 else ""
        con_s = "s" if len({m.doc for m in con}) == 1 else ""
        found.append(
            Conflict(
                "contradiction",
                claim.id,
                f"{_describe(pro, outlet)} affirm{pro_s} it; "
                f"{_describe(con, outlet)} negate{con_s} it.",
                tuple(pro + con),
            )
        )
    own_certain_docs = {m.doc for m in ms if m.certainty == "certain" and m.source is None}
    others_i = [i for i, m in enumerate(ms) if m.doc not in own_certain_docs]
    stated_i = [i for i, m in enumerate(ms) if m.certainty == "certain" and m.source is None]
    stated_i, others_i = _facing(ms, stated_i, others_i, link)
    if len(own_certain_docs) == 1 and stated_i:
        doc = next(iter(own_certain_docs))
        stated, others = [ms[i] for i in stated_i], [ms[i] for i in others_i]
        how = sorted(
            {
                "reports"
                if m.source
                else {"certain": "reports", "hedged": "hedges", "negated": "negates"}[m.certainty]
                for m in others
            }
        )
        found.append(
            Conflict(
                "overstatement",
                claim.id,
                f"{outlet(doc)} states it as fact in its own voice; the rest of the coverage "
                f"({_describe(others, outlet)}) only {' or '.join(how)} it.",
                tuple(stated + others),
            )
        )
    if figures is not None:
        found.extend(_numeric(claim, outlet, figures))
    return found


def _numeric(
    claim: Claim, outlet: Callable[[str], str], figures: Callable[[Mention], Sequence[Quantity]]
) -> list[Conflict]:
    if len({m.doc for m in claim.mentions}) < 2:
        return []  # figures conflict only between articles
    seen: list[tuple[Mention, Quantity]] = [(m, q) for m in claim.mentions for q in figures(m)]
    for i, (ma, qa) in enumerate(seen):
        for mb, qb in seen[i + 1 :]:
            # Same kind of quantity (weeks and months are both time), from two articles.
            if ma.doc == mb.doc or qa.unit is None or family(qa.unit)[0] != family(qb.unit)[0]:
                continue
            if set(ma.entities) != set(mb.entities) or set(ma.years) != set(mb.years):
                continue
            if not compatible(qa, qb):
                return [
                    Conflict(
                        "numeric",
                        claim.id,
                        f"{outlet(ma.doc)} gives {qa.text}; {outlet(mb.doc)} gives {qb.text}.",
                        (ma, mb),
                    )
                ]
    return []
