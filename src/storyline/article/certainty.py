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
from itertools import islice

from spacy.tokens import Doc, Token

from storyline.article.nlp import parse
from storyline.lexicon.attribution import LEMMA_FIXES, REPORTING_VERBS
from storyline.lexicon.certainty import (
    ABILITY_MODALS,
    CANCEL_VERBS,
    DENIAL_VERBS,
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
    PLAN_NOUNS,
    REVERSING_PREPOSITIONS,
    REVERSING_VERBS,
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


# "left with nothing but a refund", "broke no rule except ...": a
# negated word with its exception states the exception, it denies nothing.
_EXCEPTION = re.compile(
    r"\b(?:nothing|none|nobody|no one)\s+(?:but|except)\b"
    r"|\bno\b(?:\s+\S+){1,4}\s+(?:except|other than|save for)\b"
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
        # "rooms that can be booked include the hall": the rooms', not the claim's
        if _hedges(t, own) and not _describes_a_noun(t, own):
            return "hedged", t.text
    m = _NEGATION_PHRASE.search(text)
    if m:
        return "negated", m.group()
    # "nothing but a refund", "no rule except ...": the exception is stated
    exception = bool(_EXCEPTION.search(text))
    for t in tokens:
        low = t.lower_.replace("’", "'")
        negates = t.dep_ == "neg" or low == "n't"
        if not negates and not exception:
            negates = (
                low in NEGATING_DETERMINERS
                and t.dep_ in ("det", "preconj", "cc")
                and t.head.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "pobj", "conj", "ROOT")
            ) or (
                low in NEGATING_PRONOUNS
                and t.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "neg", "advmod")
            )
        # "a farmer who never went to law school": the farmer's, not the claim's
        if negates and not _describes_a_noun(t, own):
            return "negated", t.text
    return "certain", None


def _hedges(t: Token, own: set[int]) -> bool:
    """Whether ``t`` leaves its clause open: a hedging modal, a hedge word, a
    hedging subordinator of the clause, or a verb that presents its
    complement as uncertain."""
    low = t.lower_
    if (
        t.dep_ in ("aux", "auxpass")
        and low in HEDGE_MODALS
        and not (low in ABILITY_MODALS and any(c.dep_ == "neg" for c in t.head.children))
        and not (low == "would" and (_would_is_certain(t) or _would_describes(t)))
    ):
        return True
    if (
        low in HEDGE_WORDS
        and t.pos_ in ("ADV", "ADJ", "NOUN", "VERB")
        and not (t.dep_ == "amod" and t.tag_ in ("VBN", "VBG"))  # "the expected rate"
    ):
        return True
    if t.dep_ == "mark" and low in HEDGE_MARKERS and t.head.i in own:
        return True
    return (
        LEMMA_FIXES.get(low, t.lemma_.lower()) in HEDGE_VERBS
        and t.pos_ == "VERB"
        and t.dep_ in ("ROOT", "ccomp", "conj", "relcl", "advcl")
        # "is widely considered a contender" reports a common view; only
        # "is considering" (mulling it over) leaves something open
        and not (t.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in t.children))
    )


def _describes_a_noun(t: Token, own: set[int]) -> bool:
    """Whether ``t`` stands in a relative clause that describes a noun of the
    clause ("mocking him as a farmer who never went to law school"): a
    negation there says something of that noun and leaves the clause's own
    statement standing."""
    node = t
    while node.head.i != node.i and node.head.i in own:
        if node.dep_ == "relcl":
            return True
        node = node.head
    return False


def _under_condition(would: Token) -> bool:
    """An "if" or "unless" in the sentence: "would" is then a condition's."""
    return any(t.lower_ in ("if", "unless") for t in would.sent)


def _would_is_certain(would: Token) -> bool:
    """ "would" that states, not hedges: "will" backshifted under a past
    reporting verb ("the campaign said the plan would end free parking") or what
    a plan, bill or law does ("the proposal would give seniors payments").
    An "if" in the sentence keeps it a hedge (a condition)."""
    verb = would.head
    if _under_condition(would):
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lemma_.lower() in PLAN_NOUNS:
        return True
    node = verb
    while node.dep_ in ("ccomp", "conj", "xcomp") and node.head.i != node.i:
        node = node.head
        # "said", "says", "has said": reported speech in any tense backshifts "will"
        if node.tag_ in ("VBD", "VBZ", "VBP", "VBN") and LEMMA_FIXES.get(
            node.lower_, node.lemma_.lower()
        ) in (REPORTING_VERBS):
            return True
    return False


def _would_describes(would: Token) -> bool:
    """ "would" that says what someone's plan does ("Mr. Ryan would limit the
    government's commitment", "recipients would receive a check"): news
    states a proposal's terms, and the eval contract reads them as stated (18
    of 21 unconditioned "would" mentions in the dev golds). It still hedges
    a condition ("if", "unless"), an evaluation ("would be one of the few
    sites", "it would not cost much") and a counterfactual ("would have").
    For mentions only: the factuality data grade such events from the
    author's side, as hedged (grade_event keeps _would_is_certain)."""
    verb = would.head
    if _under_condition(would):
        return False
    if verb.lemma_ == "be" and not any(c.dep_ == "auxpass" for c in verb.children):
        return False  # copular: an evaluation or a guess
    if any(
        c.lower_ in ("have", "'ve") and c.dep_ == "aux" and c.i > would.i for c in verb.children
    ):
        return False  # "would have cut": what did not happen
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.lower_ not in ("it", "this", "that", "there")


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
            if not (low == "would" and _would_is_certain(c)):  # as grade() reads it
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
        if head.i == node.i:  # the root is its own head (a new Token each time)
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
    root of its parse is the event, graded by the learned model where it is
    installed and by the rules otherwise."""
    if start is None:
        return grade([t for t in doc if not t.is_space])[0]
    head = event_of(doc, start, end if end is not None else len(doc.text))
    if head is None:
        return "certain"
    learned = score_event(doc, head)
    return learned[1] if learned is not None else grade_event(doc, head)[0]


def value_span(doc: Doc, start: int, end: int) -> float | None:
    """The learned model's value (-3..+3) for the characters ``start:end``,
    or None without a model (or without a word there)."""
    head = event_of(doc, start, end)
    learned = score_event(doc, head) if head is not None else None
    return learned[0] if learned is not None else None


@lru_cache(maxsize=4096)
def grade_certainty(sentence: str, start: int | None = None, end: int | None = None) -> Certainty:
    """Certainty of the words ``sentence[start:end]`` (the whole sentence by
    default) as the sentence presents them."""
    return grade_span(parse(sentence), start, end)


# ---------------------------------------------------------------------------
# The learned certainty model (issue 11): the rules above stay as evidence.
# event_features() names what storyline computes about one event word; a
# linear model (src/storyline/models/certainty.json, built by
# train/train_certainty.py on UW and MEANTIME train, choices on dev) weighs
# them into a value on the -3..+3 scale and a three-way grade.

CERTAINTY_MODEL = "certainty.json"
_LEXICA: tuple[tuple[str, frozenset[str]], ...] = (
    ("hedgeverb", HEDGE_VERBS),
    ("intent", INTENTION_VERBS),
    ("report", frozenset(REPORTING_VERBS)),
    ("impl", IMPLICATIVES),
    ("negimpl", NEGATIVE_IMPLICATIVES),
    ("cancel", CANCEL_VERBS),
    ("opennoun", OPEN_NOUNS),
)
_MARKER_DEPS = frozenset({"aux", "auxpass", "neg", "advmod", "mark", "det", "amod", "prep"})


def _lexica(prefix: str, lemma: str) -> list[str]:
    return [f"{prefix}:{name}" for name, words in _LEXICA if lemma in words]


def _marker_features(prefix: str, node: Token) -> list[str]:
    out = []
    for c in node.children:
        low = c.lower_.replace("’", "'")
        if low == "n't" or c.dep_ == "neg":
            out.append(f"{prefix}:neg")
        elif c.dep_ in ("aux", "auxpass") and low in HEDGE_MODALS:
            out.append(f"{prefix}:modal={low}")
            if low == "would" and _would_is_certain(c):
                out.append(f"{prefix}:would_states")
        elif c.dep_ in ("aux", "auxpass") and low in ("will", "'ll", "wo"):
            out.append(f"{prefix}:will")
        elif low in HEDGE_WORDS:
            out.append(f"{prefix}:hedgeword")
            out.append(f"{prefix}:hedgeword={low}")
        elif c.dep_ == "mark" and low in HEDGE_MARKERS:
            out.append(f"{prefix}:mark={low}")
        elif c.dep_ in ("det", "preconj") and low in NEGATING_DETERMINERS:
            out.append(f"{prefix}:negdet")
        elif low in NEGATING_PRONOUNS:
            out.append(f"{prefix}:negpron")
        elif c.dep_ in _MARKER_DEPS and c.dep_ != "det":
            out.append(f"{prefix}:{c.dep_}={low}")
    return out


def event_features(doc: Doc, event: Token) -> list[str]:
    """Binary features of one event word: the rule grade and its cue, the
    markers on the event and on up to MAX_GOVERNORS governors (modal, negator,
    hedge word, conditional), the dependency path up to them with the
    governors' lemmas and lexicon classes (reporting, intention, implicative,
    cancelling verbs), tense and part of speech, and sentence-wide cues."""
    rule, cue = grade_event(doc, event)
    feats = [f"rule={rule}", f"rule={rule}:cue={(cue or '').lower()}", f"pos={event.pos_}"]
    feats += [f"tag={event.tag_}", f"dep={event.dep_}", f"lemma={event.lemma_.lower()}"]
    feats += _lexica("ev", event.lemma_.lower())
    feats += _marker_features("ev", event)
    if event.ent_type_:
        feats.append(f"ent={event.ent_type_}")
    node, path = event, ""
    for level in range(1, MAX_GOVERNORS + 1):
        head = node.head
        if head.i == node.i:  # the root is its own head (a new Token each time)
            feats.append(f"g{level}:root")
            break
        path += "/" + node.dep_
        lemma = head.lemma_.lower()
        feats += [f"g{level}:path={path}", f"g{level}:dep={node.dep_}:{lemma}", f"gov:{lemma}"]
        feats += [f"g{level}:tag={head.tag_}", f"g{level}:{node.dep_}:tag={head.tag_}"]
        feats += [f"g{level}:{f}" for f in _lexica("gov", lemma)]
        feats += [f"g{level}:{node.dep_}:{f}" for f in _lexica("gov", lemma)]
        feats += [f"g{level}:{f}" for f in _marker_features("m", head)]
        node = head
    feats += _reversals(event)
    sent = event.sent
    words = {t.lower_.replace("’", "'") for t in sent}
    if "?" in words:
        feats.append("sent:question")
    if words & {"if", "unless", "whether"}:
        feats.append("sent:conditional")
    if words & HEDGE_MODALS:
        feats.append("sent:modal")
    if any(t.dep_ == "neg" for t in sent):
        feats.append("sent:neg")
    if words & {"said", "says", "say", "told", "according"}:
        feats.append("sent:said")
    if any(t.lower_ in ('"', "``", "''", "“", "”") for t in sent):
        feats.append("sent:quote")
    return feats


_REVERSING_GOVERNORS = NEGATIVE_IMPLICATIVES | CANCEL_VERBS | DENIAL_VERBS | REVERSING_VERBS


def _negators(node: Token) -> int:
    return sum(
        c.dep_ == "neg" or c.lower_ in ("n't", "never") or c.lower_ in NEGATING_DETERMINERS
        for c in node.children
    )


def _reversals(event: Token) -> list[str]:
    """What reverses the event up its chain of governors: negators on it and
    its nearest two governors, reversing verbs ("refused", "turned down",
    "rejected a proposal to") and prepositions ("decided against seeking").
    Two reversals undo each other ("did not refuse"), so their parity is a
    feature; the linear model cannot count on its own."""
    feats: list[str] = []
    count = _negators(event)
    node = event
    for level, head in enumerate(islice(event.ancestors, MAX_GOVERNORS), start=1):
        lemma = head.lemma_.lower()
        if lemma in _REVERSING_GOVERNORS or (
            lemma == "turn" and any(c.dep_ == "prt" and c.lower_ == "down" for c in head.children)
        ):
            count += 1
            feats.append(f"chain:reverser@{level}")
        if node.dep_ in ("pobj", "pcomp") and lemma in REVERSING_PREPOSITIONS:
            count += 1
            feats.append(f"chain:prep={lemma}")
        if level <= 2:
            count += _negators(head)
        node = head
    feats.append("chain:reversed=" + ("none" if count == 0 else "odd" if count % 2 else "even"))
    return feats


def score_event(doc: Doc, event: Token) -> tuple[float, Certainty] | None:
    """The learned model's value (-3..+3) and grade for one event word, or
    None when the model file is not installed."""
    from storyline import models

    model = models.load(CERTAINTY_MODEL)
    if model is None:
        return None
    feats = event_features(doc, event)
    value = max(-3.0, min(3.0, models.linear(model["regression"], feats)[0]))
    probs = models.softmax(models.linear(model["classifier"], feats))
    classes: list[Certainty] = model["classifier"]["classes"]
    grade = classes[max(range(len(probs)), key=probs.__getitem__)]
    rule = next(f[5:] for f in feats if f.startswith("rule=") and ":" not in f)
    if rule != "certain" and probs[classes.index("certain")] < model["meta"]["keep_rule"]:
        # A hedged or negated rule reading stands unless the model is sure
        # enough that the event is certain (train/train_certainty.py).
        grade = rule  # type: ignore[assignment]
    return value, grade


def event_of(doc: Doc, start: int, end: int) -> Token | None:
    """The word of the characters ``start:end`` nearest the root of its parse."""
    span = doc.char_span(start, end, alignment_mode="expand")  # a search, not a scan
    inside = [t for t in span or () if not t.is_space]
    if not inside:
        return None
    return min(inside, key=lambda t: len(list(t.ancestors)))
