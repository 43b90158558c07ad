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

from storyline.article.frames import Frame
from storyline.article.frames import frames as find_frames
from storyline.lexicon.attribution import REPORTING_VERBS

# Words that open an indirect question: what follows asks, it does not state.
QUESTION_MARKERS = frozenset({"whether", "how", "why", "what", "who", "when", "where", "if"})

# Dependency labels whose subtree can be a proposition of its own.
_CLAUSE_DEPS = frozenset({"relcl", "advcl", "conj", "ccomp", "parataxis", "acl"})
_BREAKS = frozenset({",", "—", "–", ";", ":", "-", "(", ")"})
# A clause shorter than this (in words) is folded back into its parent:
# fragments like "he added" or "as expected" are not propositions.
MIN_CLAUSE_WORDS = 3


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
        or (
            before is not None
            and before.dep_ == "cc"
            and left > 1
            and doc[left - 2].text in _BREAKS
        )
    )


def _states_on_its_own(t: Token) -> bool:
    """Whether a subordinate verb's clause is a proposition by itself, not a
    piece of its parent's: an infinitive of purpose ("to protect pensions"),
    an adverbial with no subject of its own ("when asked repeatedly"), or
    an indirect question ("whether he
    still wished to be mayor", "how he will pay") says something only with
    the clause it hangs on."""
    if any(c.dep_ == "mark" and c.lower_ in QUESTION_MARKERS for c in t.children):
        return False
    if any(
        c.lower_ in QUESTION_MARKERS and c.dep_ in ("advmod", "dobj", "nsubj", "attr") and c.i < t.i
        for c in t.children
    ) and t.dep_ in ("ccomp", "advcl"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children):
        return True
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
    marked = any(c.dep_ == "mark" for c in t.children)
    # A participle set off by a comma ("..., potentially bringing X") states
    # a consequence of its own; one introduced by "when"/"as" does not.
    return not (t.dep_ in ("advcl", "acl", "xcomp") and (infinitive or marked))


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
    if not _states_on_its_own(t):
        return False
    if t.dep_ == "conj":
        return _separated(t) or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
    if t.dep_ == "acl":
        return _separated(t) and t.tag_ == "VBG"
    return t.dep_ == "parataxis" or _separated(t)


def split(sent: Span) -> list[Clause]:
    """The clauses of one sentence, in text order."""
    heads = sorted((t for t in sent if _is_clause_head(t)), key=lambda t: len(list(t.ancestors)))
    owner: dict[int, int] = {}
    for head in heads:
        for t in head.subtree:
            owner[t.i] = head.i
    frames = find_frames(sent)
    frame_tokens: dict[int, set[int]] = {}
    for key, (_frame, tokens, extra) in frames.items():
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
    for i, head_i in owner.items():
        by_head.setdefault(head_i, []).append(i)
    # Fold fragments into the clause that holds their head.
    clauses: list[Clause] = []
    for h, toks in list(by_head.items()):
        toks.sort()
        content = [i for i in toks if i not in frame_tokens.get(h, set())]
        words = [i for i in content if sent.doc[i].is_alpha]
        if len(words) < MIN_CLAUSE_WORDS and h != sent.root.i:
            parent = owner.get(sent.doc[h].head.i)
            if parent is not None and parent != h and parent in by_head:
                by_head[parent].extend(toks)
                continue
        entry = frames.get(h)
        clauses.append(Clause(h, tuple(toks), tuple(content), entry[0] if entry else None))
    clauses = [part for c in clauses for part in _split_at_dashes(sent, c)]
    # Clauses inherit the frame of the clause they are nested in.
    framed = {c.head: c.frame for c in clauses if c.frame is not None}
    result = []
    for c in clauses:
        inherited: Frame | None = c.frame
        if inherited is None:
            for anc in sent.doc[c.head].ancestors:
                if anc.i in framed:
                    inherited = framed[anc.i]
                    break
        result.append(Clause(c.head, tuple(sorted(set(c.tokens))), c.content, inherited))
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
    out: list[Clause] = []
    for p in parts:
        words = [i for i in p if doc[i].is_alpha and i in content]
        if len(words) < MIN_CLAUSE_WORDS and out:
            prev = out[-1]
            out[-1] = Clause(
                prev.head,
                prev.tokens + tuple(p),
                prev.content + tuple(i for i in p if i in content),
                prev.frame,
            )
            continue
        head = (
            clause.head if clause.head in p else min(p, key=lambda i: len(list(doc[i].ancestors)))
        )
        out.append(Clause(head, tuple(p), tuple(i for i in p if i in content), clause.frame))
    return out
