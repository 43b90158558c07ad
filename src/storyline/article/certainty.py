"""How certain a clause makes its proposition sound: certain, hedged or negated.

Hedges win over negators: "no guarantee that X", "may not X" leave X open
rather than deny it (FactBank's PS/PR values). Reporting verbs do not hedge:
"reports suggest X" attributes X, it does not doubt it (the source says so).

grade() reads a clause's words; grade_event() reads one event word through
the parse, from the words on it up to what governs it ("wants to [sell]",
"refused to [sign]"), as the UW and MEANTIME factuality data do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc, Token

from storyline.article.nlp import parse
from storyline.lexicon.attribution import REPORTING_VERBS
from storyline.lexicon.certainty import (
    ABILITY_MODALS,
    CANCEL_VERBS,
    HEDGE_GERUND_PREPOSITIONS,
    HEDGE_MARKERS,
    HEDGE_MODALS,
    HEDGE_PHRASES,
    HEDGE_PREPOSITIONS,
    HEDGE_VERBS,
    HEDGE_WORDS,
    IMPLICATIVES,
    INTENTION_VERBS,
    NEAR_MISS_WORDS,
    NEGATING_DETERMINERS,
    NEGATING_PRONOUNS,
    NEGATION_PHRASES,
    NEGATIVE_IMPLICATIVES,
    OPEN_NOUNS,
)
from storyline.model import Certainty


def _phrase_re(phrases: Sequence[str]) -> re.Pattern[str]:
    return re.compile(
        r"\b(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + r")\b"
    )


_HEDGE_PHRASE = _phrase_re(HEDGE_PHRASES)
_NEGATION_PHRASE = _phrase_re(NEGATION_PHRASES)
# How far up the parse an event looks for what governs it. Four links reach
# "expected to try to win" from "win"; on UW/MEANTIME train+dev 4 was best
# (2: MAE .464, 3: .462, 4: .461, 6: .461).
MAX_GOVERNORS = 4
_OPEN_GOVERNORS = INTENTION_VERBS | OPEN_NOUNS


def _text(tokens: Sequence[Token]) -> str:
    return (
        " ".join(t.lower_.replace("’", "'") for t in tokens)
        .replace(" n't", " not")
        .replace(" 's", "'s")
    )


def grade(tokens: Sequence[Token]) -> tuple[Certainty, str | None]:
    """Certainty of the proposition carried by ``tokens`` (one clause's
    content, frame words left out), with the words that set it."""
    if not tokens:
        return "certain", None
    own = {t.i for t in tokens}
    text = _text(tokens)
    m = _HEDGE_PHRASE.search(text)
    if m:
        return "hedged", m.group()
    for t in tokens:
        low = t.lower_
        if (
            t.dep_ in ("aux", "auxpass")
            and low in HEDGE_MODALS
            and not (low in ABILITY_MODALS and any(c.dep_ == "neg" for c in t.head.children))
        ):
            return "hedged", t.text
        if low in HEDGE_WORDS and t.pos_ in ("ADV", "ADJ", "NOUN", "VERB"):
            return "hedged", t.text
        if t.dep_ == "mark" and low in HEDGE_MARKERS and t.head.i in own:
            return "hedged", t.text
        if (
            t.lemma_.lower() in HEDGE_VERBS
            and t.pos_ == "VERB"
            and t.dep_ in ("ROOT", "ccomp", "conj", "relcl", "advcl")
        ):
            return "hedged", t.text
    m = _NEGATION_PHRASE.search(text)
    if m:
        return "negated", m.group()
    for t in tokens:
        low = t.lower_.replace("’", "'")
        if t.dep_ == "neg" or low == "n't":
            return "negated", t.text
        if (
            low in NEGATING_DETERMINERS
            and t.dep_ in ("det", "preconj", "cc")
            and t.head.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "pobj", "conj", "ROOT")
        ):
            return "negated", t.text
        if low in NEGATING_PRONOUNS and t.dep_ in (
            "nsubj",
            "nsubjpass",
            "dobj",
            "attr",
            "neg",
            "advmod",
        ):
            return "negated", t.text
    return "certain", None


def _markers(node: Token, own: bool = True) -> tuple[Certainty, str] | None:
    """Certainty set by the words attached to ``node`` itself: a modal, a
    hedging adverb, a conditional subordinator, a negator, "no" on it or on
    its subject ("no deal has been announced"). Hedges win, as in grade().
    ``own``: ``node`` is the event itself, not a governor of it ("nearly"
    denies only the word it modifies)."""
    hedge = neg = None
    for c in node.children:
        low = c.lower_.replace("’", "'")
        if c.dep_ in ("aux", "auxpass") and low in HEDGE_MODALS:
            hedge = hedge or c
        elif c.dep_ in ("advmod", "amod") and low in HEDGE_WORDS:
            hedge = hedge or c
        elif c.dep_ == "mark" and low in HEDGE_MARKERS:
            hedge = hedge or c
        elif c.dep_ == "neg" or low == "n't":
            neg = neg or c
        elif own and c.dep_ == "advmod" and low in NEAR_MISS_WORDS and node.pos_ == "VERB":
            neg = neg or c
        elif c.dep_ == "amod" and c.lemma_.lower() in CANCEL_VERBS:
            neg = neg or c
        elif c.dep_ in ("det", "preconj") and low in NEGATING_DETERMINERS:
            neg = neg or c
        elif c.dep_ in ("nsubj", "nsubjpass") and (
            low in NEGATING_PRONOUNS
            or any(g.dep_ == "det" and g.lower_ in NEGATING_DETERMINERS for g in c.children)
        ):
            neg = neg or c
    if hedge is not None and not (neg is not None and hedge.lower_ in ABILITY_MODALS):
        return "hedged", hedge.text
    if neg is not None:
        return "negated", neg.text
    return None


def _is_infinitive(t: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)


def grade_event(doc: Doc, event: Token) -> tuple[Certainty, str | None]:
    """Certainty of one event word as its sentence presents it, with the word
    that sets it. The words attached to the event decide first; then the
    event takes the status its governor gives it, up the parse: a wanted,
    planned or believed complement is hedged ("wants to sell"), a refused one
    negated ("refused to sign"), a begun one shares its governor's status
    ("began to fall"). What a reporting verb reports keeps its own status
    ("said the plant closed": the source says so), but what is only
    believed or expected is hedged ("analysts believe the deal will go
    ahead"): the factuality data grade events as the author presents them,
    where mentions grade a clause's content apart from its source."""
    node = event
    softened = False  # an object of a negated verb is left open, not denied
    for _ in range(MAX_GOVERNORS):
        found = _markers(node, node is event)
        if found is not None:
            if softened and found[0] == "negated":
                return "hedged", found[1]
            return found
        head = node.head
        if head is node:
            break
        link, lemma = node.dep_, head.lemma_.lower()
        if link == "xcomp" or (link in ("advcl", "acl") and _is_infinitive(node)):
            if lemma in NEGATIVE_IMPLICATIVES:
                return "negated", head.text
            if lemma not in IMPLICATIVES:
                return "hedged", head.text
        elif link == "ccomp":
            if lemma in INTENTION_VERBS or lemma in HEDGE_VERBS:
                return "hedged", head.text
            if lemma in REPORTING_VERBS:
                break
        elif link == "conj":
            own_words = any(
                c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in node.children
            )
            contrast = any(
                c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in head.children if c.i < node.i
            )
            if own_words or contrast:
                break  # "cut jobs but has kept the plant": its own tense or a contrast
        elif link in ("dobj", "attr", "oprd", "nsubjpass"):
            if lemma in CANCEL_VERBS:
                if any(c.dep_ == "neg" for c in head.children):
                    break  # "is not abandoning its bid": the bid stands
                return "negated", head.text
            if lemma in INTENTION_VERBS:
                return "hedged", head.text
            softened = True
        elif link in ("pobj", "pcomp"):
            governor = head.head.lemma_.lower()
            prep = head.lower_
            gerund = link == "pcomp" and node.tag_ == "VBG" and prep in HEDGE_GERUND_PREPOSITIONS
            if prep in HEDGE_PREPOSITIONS or gerund or governor in _OPEN_GOVERNORS:
                return "hedged", head.head.text
            break
        elif link not in ("compound", "amod", "nmod", "aux", "auxpass"):
            break
        node = head
    return "certain", None


def grade_span(doc: Doc, start: int | None = None, end: int | None = None) -> Certainty:
    """Certainty of the characters ``start:end`` of a parsed text (all of it
    by default) as the text presents them: the word of the span nearest the
    root of its parse is the event."""
    if start is None:
        return grade([t for t in doc if not t.is_space])[0]
    stop = end if end is not None else len(doc.text)
    inside = [t for t in doc if t.idx < stop and t.idx + len(t) > start and not t.is_space]
    if not inside:
        return "certain"
    head = min(inside, key=lambda t: len(list(t.ancestors)))
    return grade_event(doc, head)[0]


@lru_cache(maxsize=4096)
def grade_certainty(sentence: str, start: int | None = None, end: int | None = None) -> Certainty:
    """Certainty of the words ``sentence[start:end]`` (the whole sentence by
    default) as the sentence presents them."""
    return grade_span(parse(sentence), start, end)
