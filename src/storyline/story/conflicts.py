"""Conflicts within a claim: contradictions, overstatements and figures that
cannot both be true.

Two mentions set against each other in a conflict must be alike themselves,
not only through the rest of their claim: a reader shown a contradiction must
see the same proposition affirmed and denied. The bar is
grouping.opposed_pair_holds, the one that lets a denial join a claim.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from storyline.lexicon.certainty import DENIAL_VERBS
from storyline.lexicon.terms import LIGHT_WORDS
from storyline.measure.number_words import STOP_WORDS
from storyline.measure.quantities import compatible
from storyline.measure.units import family
from storyline.model import Claim, Conflict, Mention, Quantity
from storyline.story.grouping import DEFAULT_GROUPING, GroupingSettings, opposed_pair_holds


def _describe(ms: Sequence[Mention], outlet: Callable[[str], str]) -> str:
    return ", ".join(dict.fromkeys(outlet(m.doc) for m in ms))


def _verb(ms: Sequence[Mention], verb: str) -> str:
    return verb + ("s" if len({m.doc for m in ms}) == 1 else "")


# Words of a mention quoted in a conflict's one line: enough to see what
# clashes, short enough to keep it one line.
CLASH_WORDS = 12


def _words(m: Mention) -> str:
    words = m.text.split()
    quoted = " ".join(words[:CLASH_WORDS]) + (" …" if len(words) > CLASH_WORDS else "")
    cue = f' ({m.certainty}: "{m.cue}")' if m.cue and m.certainty != "certain" else ""
    return f"“{quoted}”{cue}"


# "not X but Y", "not X, rather Y": the negation corrects X into Y; the
# mention states Y, so it is no clean denial of what it shares with others.
_CORRECTION = re.compile(r"(?:\bnot\b|n't\b|\bnever\b|\bno\b).*?\b(?:but|rather|instead)\b", re.I)


def _corrects(m: Mention) -> bool:
    return bool(_CORRECTION.search(m.text))


# How many words after a negation its scope is looked for in ("no deal has
# been announced": "deal"; "did not send a lewd photo": "send", "photo").
NEGATION_SCOPE_WORDS = 4
# ... and the first content word there is what it denies ("is not
# identified in the video" denies the identifying, not the video).
NEGATED_CONTENT_WORDS = 1
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_CONDITION = re.compile(r"\b(?:if|unless|whether)\b")


def _stems(words: Sequence[str]) -> set[str]:
    """Five-letter stems of the content words ("reasons" -> "reaso")."""
    return {
        w.lower()[:5]
        for w in words
        if len(w) >= 3 and w.lower() not in STOP_WORDS and w.lower() not in LIGHT_WORDS
    }


def _negates_what_it_shares(negating: Mention, affirming: Mention) -> bool:
    """Whether the words a negation governs are words the affirmation says
    too: "no deal has been announced" denies the deal that "a deal is nearing
    completion" affirms, but "gave no reason and fully backs the merger"
    denies a reason, not the backing another outlet reports. Where the
    cue is not in the mention's words (a frame negated it), it holds."""
    cue = (negating.cue or "").lower().replace("’", "'")
    text = negating.text.lower().replace("’", "'").replace("n't", " not")
    at = text.find(cue.replace("n't", " not")) if cue else -1
    if at < 0:
        return True
    if _CONDITION.search(text[:at]):
        return False  # "if he does not prove it": a condition denies nothing
    # A denial verb's complement opens on its own subject and verb ("denied
    # they had sold the plant"): its first words all count.
    denial = any(cue.startswith(v[:4]) for v in DENIAL_VERBS)
    words = _WORD.findall(text[at + len(cue) :])[:NEGATION_SCOPE_WORDS]
    after = words if denial else [w for w in words if _stems([w])][:NEGATED_CONTENT_WORDS]
    said = _stems(affirming.terms) | _stems(_WORD.findall(affirming.text))
    return bool(_stems(after) & said)


# A clause that opens on one of these hangs on another ("which House leaders
# discussed on Wednesday", "before the reading began"): background to a
# statement, not an outlet's assertion of its own.
_SUBORDINATE_OPENERS = frozenset(
    "which who whom whose where when while before after since because although though "
    "whereas unless until".split()
)
# Two outlets' words this alike are one text (a quotation, wire copy) that
# one of them attributes and the other prints bare: no overstatement.
SAME_WORDS = 0.7


def _first_word(m: Mention) -> str:
    words = m.text.split(maxsplit=1)
    return words[0] if words else ""


def _background(m: Mention) -> bool:
    """A relative or adverbial clause, a bare gerund from a list
    ("reinstating the assault weapons ban") or a bare infinitive."""
    first = _first_word(m)
    return (
        first.lower() in _SUBORDINATE_OPENERS
        or (first.islower() and first.endswith("ing"))
        or first == "to"  # an infinitive hanging on its clause ("to task for his ...")
    )


# A mention opening on one of these is a phrase cut from its clause ("of
# whether the developers are within their right"): it hedges or negates
# nothing another outlet states.
_PREPOSITIONS = frozenset("of about on for over into from with".split())


def _hangs_on_a_preposition(m: Mention) -> bool:
    return _first_word(m) in _PREPOSITIONS  # lowercase: inside a sentence


def _same_words(a: Mention, b: Mention) -> bool:
    wa, wb = set(_WORD.findall(a.text.lower())), set(_WORD.findall(b.text.lower()))
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= SAME_WORDS


def _outstates(stated: Mention, other: Mention) -> bool:
    """Whether ``other`` gives less than ``stated`` claims of the same words:
    it is not the same text attributed, and where it negates, its negation
    bears on what both say."""
    if other.certainty == "certain" and _same_words(stated, other):
        return False
    return other.certainty != "negated" or _negates_what_it_shares(other, stated)


# Sources whose word is itself news to be checked: another outlet's report
# ("according to the Financial Times"), unnamed reports.
_REPORTING_KINDS = frozenset({"outlet", "reports", "wire", "unnamed"})


def _contested(others: Sequence[Mention]) -> bool:
    """Whether what the rest of the coverage does with a claim makes stating
    it as fact an overstatement: it hedges or negates it, or only credits it
    to a report or an unnamed source. A fact one outlet states and another
    credits to a person it quotes ("his district is 35 percent Latino, the
    professor said") is ordinary journalism, not an overstatement."""
    return any(
        m.certainty != "certain" or (m.source_kind or "") in _REPORTING_KINDS for m in others
    )


def _facing(
    ms: Sequence[Mention],
    left: Sequence[int],
    right: Sequence[int],
    link: Callable[[int, int], float],
    settings: GroupingSettings,
    also: Callable[[Mention, Mention], bool] | None = None,
) -> tuple[list[int], list[int], tuple[int, int] | None]:
    """The mentions of ``left`` and ``right`` (indexes into ``ms``) that face
    a mention of the other side, from another article, closely enough (and
    pass ``also``, where given); and the closest facing pair, whose words
    the reader is shown."""
    left = [a for a in left if _says_enough(ms[a])]
    right = [b for b in right if _says_enough(ms[b])]
    pairs = [
        (a, b)
        for a in left
        for b in right
        if ms[a].doc != ms[b].doc
        and opposed_pair_holds(ms[a], ms[b], link(a, b), settings)
        and (also is None or also(ms[a], ms[b]))
    ]
    closest = max(pairs, key=lambda p: (link(*p), -p[0], -p[1]), default=None)
    return sorted({a for a, _ in pairs}), sorted({b for _, b in pairs}), closest


# A mention that opens on a pointing word and has fewer content terms than
# this says what it says of something elsewhere ("That could very well be
# the case": "case" alone); "no deal has been announced" still clashes.
MIN_CLASHING_TERMS = 2
_POINTING_WORDS = frozenset({"that", "this", "it"})


def _says_enough(m: Mention) -> bool:
    return len(m.terms) >= MIN_CLASHING_TERMS or _first_word(m).lower() not in _POINTING_WORDS


def _all_linked(a: int, b: int) -> float:
    return 1.0


def conflicts_of(
    claim: Claim,
    outlet: Callable[[str], str],
    figures: Callable[[Mention], Sequence[Quantity]] | None = None,
    link: Callable[[int, int], float] = _all_linked,
    settings: GroupingSettings = DEFAULT_GROUPING,
    quoted: Callable[[Mention], bool] = lambda m: False,
) -> list[Conflict]:
    """Contradictions, overstatements and incompatible figures within one
    claim; ``link(i, j)`` is how alike mentions i and j are, ``quoted(m)``
    whether a mention stands inside a quotation. Each says in one line who
    clashes and with which words."""
    found: list[Conflict] = []
    ms = claim.mentions
    affirm = [i for i, m in enumerate(ms) if m.certainty == "certain"]
    negate = [i for i, m in enumerate(ms) if m.certainty == "negated" and not _corrects(m)]
    pro_i, con_i, closest = _facing(
        ms, affirm, negate, link, settings, lambda a, b: _negates_what_it_shares(b, a)
    )
    if closest is not None:
        pro, con = [ms[i] for i in pro_i], [ms[i] for i in con_i]
        a, b = ms[closest[0]], ms[closest[1]]
        found.append(
            Conflict(
                "contradiction",
                claim.id,
                f"{_describe(pro, outlet)} {_verb(pro, 'affirm')} it; "
                f"{_describe(con, outlet)} {_verb(con, 'negate')} it: "
                f"{_words(a)} against {_words(b)}.",
                tuple(pro + con),
            )
        )

    # Words inside quotation marks are someone's, even where the reading
    # missed whose: an outlet printing a quotation states nothing as its own.
    def own_statement(m: Mention) -> bool:
        return m.certainty == "certain" and m.source is None and not quoted(m)

    own_certain_docs = {m.doc for m in ms if own_statement(m)}
    others_i = [
        i
        for i, m in enumerate(ms)
        if m.doc not in own_certain_docs and not _corrects(m) and not _hangs_on_a_preposition(m)
    ]
    stated_i = [i for i, m in enumerate(ms) if own_statement(m) and not _background(m)]
    stated_i, others_i, closest = _facing(ms, stated_i, others_i, link, settings, _outstates)
    if len(own_certain_docs) == 1 and closest is not None and _contested([ms[i] for i in others_i]):
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
        a, b = ms[closest[0]], ms[closest[1]]
        given = f" (per {b.source})" if b.source else ""
        found.append(
            Conflict(
                "overstatement",
                claim.id,
                f"{outlet(doc)} states it as fact in its own voice; the rest of the coverage "
                f"({_describe(others, outlet)}) only {' or '.join(how)} it: "
                f"{_words(a)} against {_words(b)}{given}.",
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
