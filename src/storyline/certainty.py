"""How certain a clause makes its proposition sound: certain, hedged or negated.

Hedges win over negators: "no guarantee that X", "may not X" leave X open
rather than deny it (FactBank's PS/PR values). Reporting verbs do not hedge:
"reports suggest X" attributes X, it does not doubt it (the source says so).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc, Token

from .cues import (
    HEDGE_MARKERS,
    HEDGE_MODALS,
    HEDGE_PHRASES,
    HEDGE_VERBS,
    HEDGE_WORDS,
    NEGATION_PHRASES,
    NEGATORS,
)
from .model import Certainty


def _phrase_re(phrases: Sequence[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + r")\b")


_HEDGE_PHRASE = _phrase_re(HEDGE_PHRASES)
_NEGATION_PHRASE = _phrase_re(NEGATION_PHRASES)
_NEG_DETS = frozenset({"no", "neither", "nor"})
_NEG_PRONOUNS = frozenset({"nothing", "none", "nobody", "neither", "never"})


def _text(tokens: Sequence[Token]) -> str:
    return " ".join(t.lower_.replace("’", "'") for t in tokens).replace(" n't", " not").replace(" 's", "'s")


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
        if t.dep_ in ("aux", "auxpass") and low in HEDGE_MODALS:
            return "hedged", t.text
        if low in HEDGE_WORDS and t.pos_ in ("ADV", "ADJ", "NOUN", "VERB"):
            return "hedged", t.text
        if t.dep_ == "mark" and low in HEDGE_MARKERS and t.head.i in own:
            return "hedged", t.text
        if t.lemma_.lower() in HEDGE_VERBS and t.pos_ == "VERB" and t.dep_ in ("ROOT", "ccomp", "conj", "relcl", "advcl"):
            return "hedged", t.text
    m = _NEGATION_PHRASE.search(text)
    if m:
        return "negated", m.group()
    for t in tokens:
        low = t.lower_.replace("’", "'")
        if t.dep_ == "neg" or low == "n't":
            return "negated", t.text
        if low in _NEG_DETS and t.dep_ in ("det", "preconj", "cc") and t.head.dep_ in (
            "nsubj", "nsubjpass", "dobj", "attr", "pobj", "conj", "ROOT"
        ):
            return "negated", t.text
        if low in _NEG_PRONOUNS and t.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "neg", "advmod"):
            return "negated", t.text
    return "certain", None


def grade_event(doc: Doc, event: Token) -> tuple[Certainty, str | None]:
    """Certainty of one event word as its sentence presents it: the clause
    that holds it, from the event up to the clause head and the words that
    modify that chain (used by the factuality benchmark and the library)."""
    chain = [event, *list(event.ancestors)[:3]]
    scope: dict[int, Token] = {}
    for node in chain:
        scope[node.i] = node
        for c in node.children:
            if c.dep_ in ("aux", "auxpass", "neg", "advmod", "mark", "det", "nsubj", "nsubjpass", "dobj", "attr", "amod", "preconj"):
                for t in c.subtree if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") else [c]:
                    scope[t.i] = t
        if node.dep_ in ("ROOT", "ccomp", "advcl", "relcl") and node is not event:
            break
    return grade([scope[i] for i in sorted(scope)])


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
    from .nlp import parse

    return grade_span(parse(sentence), start, end)
