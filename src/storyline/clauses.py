"""Split a parsed sentence into claim-bearing clauses and their attribution frames.

A sentence often carries several propositions ("the two firms are in early
discussions, which are being facilitated by the government"), and an
attribution frame ("according to X", "X said", "X told Y") that is not itself a
claim. Each token of the sentence is given to exactly one clause; frame tokens
are kept apart so that they set the clause's source but not its certainty or
its terms.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .cues import (
    ACCUSATION_VERBS,
    ATTITUDE_VERBS,
    INFINITIVE_REPORTING_VERBS,
    REPORTING_NOUNS,
    REPORTING_VERBS,
)

# Dependency labels whose subtree can be a proposition of its own.
_CLAUSE_DEPS = frozenset({"relcl", "advcl", "conj", "ccomp", "parataxis", "acl"})
_BREAKS = frozenset({",", "—", "–", ";", ":", "-", "(", ")"})
_NEGATING_SUBJECTS = frozenset({"nothing", "none", "nobody", "neither", "no one"})
# Dependents of a reporting verb that say to whom, where, when or how it was
# said: part of the frame.
_FRAME_DEPENDENTS = frozenset({"dobj", "dative", "prep", "npadvmod", "agent"})
_FRAME_VERBS = REPORTING_VERBS | ACCUSATION_VERBS
# A clause shorter than this (in words) is folded back into its parent:
# fragments like "he added" or "as expected" are not propositions.
MIN_CLAUSE_WORDS = 3


@dataclass(frozen=True)
class Frame:
    """Who a clause is attributed to, and the words that say so."""

    source_start: int  # token indices (sentence-absolute doc indices)
    source_end: int
    cue: int  # the reporting verb or "according"
    negated: bool  # "nothing suggests", "neither X nor Y has confirmed"
    denial: bool  # "X denied that ..."


@dataclass(frozen=True)
class Clause:
    head: int
    tokens: tuple[int, ...]  # every token of the clause, frame included
    content: tuple[int, ...]  # tokens that carry the proposition
    frame: Frame | None


def _separated(t: Token) -> bool:
    """True where the subtree of ``t`` is set off by punctuation from its
    head, the mark of a non-restrictive or coordinate clause."""
    doc = t.doc
    left, right = t.left_edge.i, t.right_edge.i
    before = doc[left - 1] if left > 0 else None
    after = doc[right + 1] if right + 1 < len(doc) else None
    first = doc[left]
    return bool(
        (before is not None and before.text in _BREAKS)
        or (first.text in _BREAKS)
        or (t.i < t.head.i and after is not None and after.text in _BREAKS)
        or (before is not None and before.dep_ == "cc" and left > 1 and doc[left - 2].text in _BREAKS)
    )


def _is_clause_head(t: Token) -> bool:
    if t.dep_ == "ROOT":
        return True
    if t.dep_ == "ccomp" and t.head.lemma_ in REPORTING_VERBS:
        return True
    if t.dep_ not in _CLAUSE_DEPS:
        if t.dep_ == "prep" and t.lower_ == "with" and _separated(t):
            return any(c.dep_ in ("pcomp", "pobj") and c.pos_ == "VERB" for c in t.children)
        return False
    if t.pos_ not in ("VERB", "AUX"):
        return False
    if t.dep_ == "conj":
        return _separated(t) or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
    if t.dep_ == "acl":
        return _separated(t) and t.tag_ == "VBG"
    return t.dep_ == "parataxis" or _separated(t)


def _subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    if verb.dep_ == "pcomp" and verb.head.lower_ == "with":
        return None
    return None


def _reporting_subject(v: Token) -> Token | None:
    """The subject of a reporting verb; for one without its own, the subject
    it shares: "the paper wrote, adding ..." and "endorsed X, saying ..." take
    the subject of the verb they hang on; "said X and added Y" the subject of
    the nearest reporting verb above (the parser often hangs "added" on X)."""
    subj = _subject(v)
    if subj is not None or v.dep_ not in ("advcl", "conj", "xcomp"):
        return subj
    if any(c.dep_ == "mark" for c in v.children):
        return None  # "while countering", "after saying": the clause is set apart
    if v.dep_ == "conj":
        for anc in v.ancestors:
            if anc.lemma_ in REPORTING_VERBS and (found := _subject(anc)) is not None:
                return found
    return _subject(v.head)


def _is_negated_subject(subj: Token) -> bool:
    if subj.lower_ in _NEGATING_SUBJECTS:
        return True
    return any(c.lower_ in ("no", "neither") and c.dep_ in ("det", "preconj") for c in subj.children)


_FrameEntry = tuple[Frame, set[int], list[int]]


def _according_frame(sent: Span, v: Token) -> tuple[int, _FrameEntry] | None:
    """"According to X, ...": the frame is the whole phrase, X the source."""
    to = next((c for c in v.children if c.lower_ == "to"), None)
    objs = [c for c in to.children if c.dep_ == "pobj"] if to is not None else []
    if not objs:
        return None
    src = objs[0]
    tokens = {t.i for t in v.subtree}
    for edge in (v.left_edge.i - 1, v.right_edge.i + 1):
        if sent.start <= edge < sent.end and sent.doc[edge].text == ",":
            tokens.add(edge)
    return v.head.i, (Frame(src.left_edge.i, src.right_edge.i + 1, v.i, False, False), tokens, [])


def _noun_frame(v: Token) -> tuple[int, _FrameEntry] | None:
    """"Her claim that the vote was rigged": a reporting noun with a
    that-clause and an owner. The noun phrase stays in its own clause ("her
    claim ... was rejected"); only the that-clause is attributed."""
    owner = next((c for c in v.children if c.dep_ == "poss"), None)
    content = next((c for c in v.children if c.dep_ in ("acl", "ccomp") and any(
        m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if owner is None or content is None:
        return None
    frame = Frame(owner.left_edge.i, owner.right_edge.i + 1, v.i, False, v.lemma_.lower() == "denial")
    return content.i, (frame, set(), [])


def _is_expletive(subj: Token, v: Token) -> bool:
    """"It was reported that ...": "it" stands for no one."""
    passive = subj.dep_ == "nsubjpass" or any(c.dep_ == "auxpass" for c in v.children)
    return subj.lower_ == "it" and passive


def _verb_frame(sent: Span, v: Token) -> tuple[int, _FrameEntry] | None:
    """A reporting verb with its subject and its content clause."""
    subj = _reporting_subject(v)
    if subj is None or _is_expletive(subj, v):
        return None
    contents = [c for c in v.children if c.dep_ == "ccomp"]
    extra: list[int] = []
    if not contents and v.dep_ == "parataxis":
        # "The plan, he said, would cost jobs": the frame stands inside its content.
        contents = [v.head]
    if not contents and v.lemma_ in INFINITIVE_REPORTING_VERBS:
        # "The governor vowed to cut taxes": a promise or claim is content too.
        contents = [c for c in v.children if c.dep_ == "xcomp" and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    if not contents and v.lemma_ in ACCUSATION_VERBS:
        extra = _charge(v)
        if not extra:
            return None
    if not contents and not extra:
        # "X told the paper the costs are ..." parsed without a clause:
        # the content starts at the second noun phrase after the verb.
        chunks = [ch for ch in sent.noun_chunks if ch.start > v.i]
        if v.lemma_ != "tell" or len(chunks) < 2:
            return None
        extra = [i for i in range(chunks[1].start, sent.end) if not sent.doc[i].is_punct or i < sent.end - 1]
        if not any(sent.doc[i].pos_ in ("VERB", "AUX") for i in extra):
            return None
    negated = _is_negated_subject(subj) or any(c.dep_ == "neg" for c in v.children)
    # A subject shared with another verb stays with that verb's clause.
    tokens = {v.i} | ({t.i for t in subj.subtree} if subj.head.i == v.i else set())
    tokens |= {c.i for c in v.children if c.dep_ in ("aux", "neg", "advmod", "prt", "dative", "mark")}
    if extra:
        tokens |= {c.i for c in v.children if c.dep_ == "dobj" and c.i < extra[0]} | {
            t.i for c in v.children if c.dep_ == "dobj" and c.i < extra[0] for t in c.subtree if t.i < extra[0]
        }
    if v.dep_ == "pcomp" and v.head.lower_ == "with":
        tokens.add(v.head.i)
    if contents and not extra:
        # "told supporters at a rally", "said in a statement on Tuesday": who
        # was told, where and when belong to the frame, not to a claim.
        for c in v.children:
            if c.dep_ in _FRAME_DEPENDENTS and not any(t.i == contents[0].i for t in c.subtree):
                tokens |= {t.i for t in c.subtree}
    if v.lemma_ in ATTITUDE_VERBS and contents:
        # "Investors hope the bank will cut rates": the verb stays in the
        # content, so that the content reads as hoped for, not as stated.
        tokens.discard(v.i)
        extra = [v.i]
    frame = Frame(subj.left_edge.i, subj.right_edge.i + 1, v.i, negated, v.lemma_ in ("deny", "dismiss", "reject"))
    return (contents[0].i if contents else extra[0]), (frame, tokens, extra)


def _charge(v: Token) -> list[int]:
    """The words of a charge: "accused [her rival of lying]", "blamed [the
    administration for failing ...]"; only where the charge is an act (a verb),
    so that a bare "criticised the plan" stays the article's own statement."""
    target = next((c for c in v.children if c.dep_ == "dobj"), None)
    if target is None:
        return []
    for prep in [*target.children, *v.children]:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for") and prep.i > target.i:
            if any(c.dep_ == "pcomp" and c.pos_ == "VERB" for c in prep.children):
                return list(range(target.left_edge.i, prep.right_edge.i + 1))
    return []


def _frames(sent: Span) -> dict[int, _FrameEntry]:
    """Attribution frames of the sentence: content head -> (frame, frame tokens,
    extra content tokens given by position when the parse lost them)."""
    frames: dict[int, _FrameEntry] = {}
    for v in sent:
        found = None
        if v.lower_ == "according":
            found = _according_frame(sent, v)
        elif v.lemma_.lower() in REPORTING_NOUNS and v.pos_ == "NOUN":
            found = _noun_frame(v)
        elif v.lemma_ in _FRAME_VERBS and v.pos_ in ("VERB", "AUX"):
            found = _verb_frame(sent, v)
        if found is not None:
            frames[found[0]] = found[1]
    return frames


def split(sent: Span) -> list[Clause]:
    """The clauses of one sentence, in text order."""
    heads = sorted((t for t in sent if _is_clause_head(t)), key=lambda t: len(list(t.ancestors)))
    owner: dict[int, int] = {}
    for h in heads:
        for t in h.subtree:
            owner[t.i] = h.i
    frames = _frames(sent)
    frame_tokens: dict[int, set[int]] = {}
    for key, (frame, tokens, extra) in frames.items():
        for i in extra:
            owner[i] = key
        if key not in owner.values() and not extra:
            for t in sent.doc[key].subtree:
                owner[t.i] = key
        host = owner.get(key, key)
        for i in tokens:
            owner[i] = host
        frame_tokens.setdefault(host, set()).update(tokens)
    by_head: dict[int, list[int]] = {}
    for i, h in owner.items():
        by_head.setdefault(h, []).append(i)
    # Fold fragments into the clause that holds their head.
    clauses: list[Clause] = []
    for h, toks in by_head.items():
        toks.sort()
        content = [i for i in toks if i not in frame_tokens.get(h, set())]
        words = [i for i in content if sent.doc[i].is_alpha]
        if len(words) < MIN_CLAUSE_WORDS and h != sent.root.i:
            parent = owner.get(sent.doc[h].head.i)
            if parent is not None and parent != h and parent in by_head:
                by_head[parent].extend(toks)
                continue
        frame = frames.get(h, (None,))[0]
        clauses.append(Clause(h, tuple(toks), tuple(content), frame))
    clauses = [part for c in clauses for part in _split_at_dashes(sent, c)]
    # Clauses inherit the frame of the clause they are nested in.
    framed = {c.head: c.frame for c in clauses if c.frame is not None}
    result = []
    for c in clauses:
        frame = c.frame
        if frame is None:
            for anc in sent.doc[c.head].ancestors:
                if anc.i in framed:
                    frame = framed[anc.i]
                    break
        result.append(Clause(c.head, tuple(sorted(set(c.tokens))), c.content, frame))
    return sorted(result, key=lambda c: c.tokens[0])


_DASHES = frozenset({"—", "–", ";"})


def _split_at_dashes(sent: Span, clause: Clause) -> list[Clause]:
    """A dash or semicolon inside a clause sets off a proposition of its own
    ("talks took place — involving government — about whether ...")."""
    doc = sent.doc
    parts: list[list[int]] = [[]]
    for i in clause.tokens:
        if doc[i].text in _DASHES and parts[-1]:
            parts.append([])
        elif doc[i].text not in _DASHES:
            parts[-1].append(i)
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return [clause]
    content = set(clause.content)
    out = []
    for p in parts:
        words = [i for i in p if doc[i].is_alpha and i in content]
        if len(words) < MIN_CLAUSE_WORDS and out:
            prev = out[-1]
            out[-1] = Clause(prev.head, prev.tokens + tuple(p), prev.content + tuple(i for i in p if i in content), prev.frame)
            continue
        head = clause.head if clause.head in p else min(p, key=lambda i: len(list(doc[i].ancestors)))
        out.append(Clause(head, tuple(p), tuple(i for i in p if i in content), clause.frame))
    return out
