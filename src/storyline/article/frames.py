"""Attribution frames: who a clause is attributed to, and the words that say so.

A frame is the part of a sentence that says where its content comes from
("according to X", "X said", "X told Y", "her claim that"); it is not itself a
claim. ``frames(sent)`` finds them all; ``clauses.split`` gives each its
content clause.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from storyline.article.nlp import sentence_chunks
from storyline.lexicon.attribution import (
    ACCUSATION_VERBS,
    AS_VERBS,
    DEPICTION_VERBS,
    IN_SOURCE_NOUNS,
    IN_WORDS_NOUNS,
    INFINITIVE_REPORTING_VERBS,
    LEMMA_FIXES,
    OBJECT_REPORTING_VERBS,
    PICTURE_NOUNS,
    PREPOSITION_REPORTING_VERBS,
    REPORTING_VERBS,
    RETICENCE_VERBS,
    STATED_WANTS,
    STATEMENT_VERBS,
    WISH_VERBS,
)
from storyline.lexicon.certainty import ATTITUDE_VERBS, DENIAL_VERBS, NEGATING_SUBJECTS
from storyline.lexicon.names import FIRST_PERSON
from storyline.lexicon.page import LABEL_WORDS
from storyline.lexicon.sources import DOCUMENT_NOUNS, REPORTING_NOUNS, STANCE_ADJECTIVES

# Dependents of a reporting verb that say to whom, where, when or how it was
# said: part of the frame.
_FRAME_DEPENDENTS = frozenset({"dobj", "dative", "prep", "npadvmod", "agent"})
_FRAME_VERBS = REPORTING_VERBS | ACCUSATION_VERBS | WISH_VERBS
# What is wished for is hedged, but for the wants news states as facts.
_HEDGING_WISHES = WISH_VERBS - STATED_WANTS


@dataclass(frozen=True, kw_only=True)
class Frame:
    """Who a clause is attributed to, and the words that say so."""

    source_start: int  # token indices (sentence-absolute doc indices)
    source_end: int
    cue: int  # the reporting verb or "according"
    negated: bool = False  # "nothing suggests", "neither X nor Y has confirmed"
    denial: bool = False  # "X denied that ..."
    # "investors hope ...", "X wants to ...": held or asked for, not asserted
    hedged: bool = False
    # "could not be sure that ...": whatever the content says, it is left open
    doubted: bool = False

    @classmethod
    def over(
        cls,
        source: Token,
        cue: Token,
        *,
        negated: bool = False,
        denial: bool = False,
        hedged: bool = False,
        doubted: bool = False,
    ) -> Frame:
        """The frame whose source is ``source`` with all it governs, said with ``cue``."""
        return cls(
            source_start=source.left_edge.i,
            source_end=source.right_edge.i + 1,
            cue=cue.i,
            negated=negated,
            denial=denial,
            hedged=hedged,
            doubted=doubted,
        )


def _lemma(t: Token) -> str:
    return LEMMA_FIXES.get(t.lower_, t.lemma_.lower())


def _subject(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    # "UPDATE: AARP's chief said ...": a label the parser made a second subject
    named = [c for c in subjects if not _is_label(c)]
    chosen = named or subjects
    return chosen[0] if chosen else None


def _is_label(t: Token) -> bool:
    following = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return (
        following is not None
        and following.text == ":"
        and (t.is_upper or t.lower_ in LABEL_WORDS)
        and t.n_lefts == 0
    )


def _reporting_subject(v: Token) -> Token | None:
    """The subject of a reporting verb; for one without its own, the subject
    it shares: "the paper wrote, adding ..." and "endorsed X, saying ..." take
    the subject of the verb they hang on; "said X and added Y" the subject of
    the nearest reporting verb above (the parser often hangs "added" on X)."""
    subj = _subject(v)
    if (
        subj is None
        and v.dep_ == "acl"
        and v.tag_ == "VBG"
        and (_lemma(v.head) in DOCUMENT_NOUNS or _lemma(v.head) in REPORTING_NOUNS)
    ):
        # "issued a statement saying ...", "a report saying ...": the
        # document's owner or, failing one, the document.
        return _noun_owner(v.head) or v.head
    if subj is None and v.dep_ == "pcomp" and v.head.lower_ in ("by", "to"):
        # "has responded by noting that ...": the responder; "has taken to
        # calling the audit a witch hunt": who took to it
        return _subject(v.head.head)
    if subj is not None or v.dep_ not in ("advcl", "conj", "xcomp", "dep"):
        return subj  # ("dep": "He paused, then added: ..." as the parser leaves it)
    if _said_after_content(v):
        # "X insisted that the agency does not obtain data, saying ...": the
        # parser hangs "saying" on the content's verb; X goes on speaking.
        return _subject(v.head.head)
    if any(c.dep_ == "mark" for c in v.children):
        return None  # "while countering", "after saying": the clause is set apart
    if v.dep_ == "conj":
        for anc in v.ancestors:
            if _lemma(anc) in REPORTING_VERBS and (found := _subject(anc)) is not None:
                return found
    return _subject(v.head)


def _said_after_content(v: Token) -> bool:
    """A participle of saying set off by a comma after the content clause of
    another reporting verb, which the parser hung on that content's verb."""
    head = v.head
    return (
        v.dep_ == "advcl"
        and v.tag_ == "VBG"
        and _lemma(v) in REPORTING_VERBS
        and head.dep_ == "ccomp"
        and _lemma(head.head) in REPORTING_VERBS
        and v.i > head.i
        and v.left_edge.i > 0
        and v.doc[v.left_edge.i - 1].text == ","
    )


def _noun_owner(noun: Token) -> Token | None:
    """Whose a statement is: "her claim", "claims by the campaign", "a
    statement from the company", or the subject of the verb that puts it out
    ("Democrats made the argument", "the company issued a statement")."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = next(
            (
                p
                for c in noun.children
                if c.dep_ == "prep" and c.lower_ in ("by", "from")
                for p in c.children
                if p.dep_ == "pobj"
            ),
            None,
        )
    if owner is None and noun.dep_ == "dobj" and _lemma(noun.head) in STATEMENT_VERBS:
        owner = _reporting_subject(noun.head)
    return owner


def document_owner(noun: Token) -> Token | None:
    """Who put out a document named in the text: its owner as ``_noun_owner``
    finds one, else the subject of the verb the phrase holding it hangs on
    ("In letters sent last week, the minister told Congress ...", "the
    campaign answered with an ad")."""
    owner = _noun_owner(noun)
    if owner is not None:
        return None if owner.ent_type_ in ("DATE", "TIME") else owner  # "Today's ruling"
    for acl in (c for c in noun.children if c.dep_ == "acl"):
        # "a letter signed by nearly 90 faculty members"
        for agent in (c for c in acl.children if c.dep_ == "agent"):
            found = next((p for p in agent.children if p.dep_ == "pobj"), None)
            if found is not None:
                return found
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ == "dobj" else None
    if verb is None or verb.pos_ != "VERB":
        return None
    lemma = _lemma(verb)
    # only a verb that puts a document out: "placed second in a poll" does not
    return _subject(verb) if lemma in _FRAME_VERBS or lemma in STATEMENT_VERBS else None


def _is_negated_subject(subj: Token) -> bool:
    if subj.lower_ in NEGATING_SUBJECTS:
        return True
    return any(
        c.lower_ in ("no", "neither") and c.dep_ in ("det", "preconj") for c in subj.children
    )


FrameEntry = tuple[Frame, set[int], list[int]]


def _according_frame(sent: Span, v: Token) -> tuple[int, FrameEntry] | None:
    """ "According to X, ...": the frame is the whole phrase, X the source."""
    to = next((c for c in v.children if c.lower_ == "to"), None)
    objs = [c for c in to.children if c.dep_ == "pobj"] if to is not None else []
    if not objs:
        return None
    src = objs[0]
    tokens = {t.i for t in v.subtree}
    for edge in (v.left_edge.i - 1, v.right_edge.i + 1):
        if sent.start <= edge < sent.end and sent.doc[edge].text == ",":
            tokens.add(edge)
    return v.head.i, (Frame.over(src, v), tokens, [])


def _noun_frame(v: Token) -> tuple[int, FrameEntry] | None:
    """ "Her claim that the vote was rigged": a reporting noun with a
    that-clause and an owner. The noun phrase stays in its own clause ("her
    claim ... was rejected"); only the that-clause is attributed."""
    owner = _noun_owner(v)
    content = _that_clause(v)
    tokens: set[int] = set()
    if content is None and v.dep_ == "nsubj" and _lemma(v.head) == "be":
        # "The senator's view is that ...": the noun and "is" are the frame.
        content = _that_clause(v.head)
        tokens = {t.i for t in v.subtree} | {v.head.i}
    if owner is None or content is None:
        return None
    frame = Frame.over(owner, v, denial=_lemma(v) == "denial")
    return content.i, (frame, tokens, [])


def _that_clause(v: Token) -> Token | None:
    return next(
        (
            c
            for c in v.children
            if c.dep_ in ("acl", "ccomp")
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )


def _in_words_frame(v: Token) -> tuple[int, FrameEntry] | None:
    """ "In the governor's words, the budget is a disaster": the phrase is
    the frame, the clause it stands in the content."""
    prep = v.head
    owner = next((c for c in v.children if c.dep_ == "poss"), None)
    if owner is None or v.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep":
        return None
    if prep.head.pos_ not in ("VERB", "AUX"):
        return None
    tokens = {t.i for t in prep.subtree}
    after = prep.right_edge.i + 1
    if after < len(v.doc) and v.doc[after].text == ",":
        tokens.add(after)
    frame = Frame.over(owner, v)
    return prep.head.i, (frame, tokens, [])


def _in_source_frame(v: Token) -> tuple[int, FrameEntry] | None:
    """ "In the latest poll, Clinton led Trump by five points": a document
    named in a fronted "in" phrase is the source of the clause it heads. A
    clause with its own reporting verb ("In a statement, the firm said")
    has its own frame."""
    prep = v.head
    if v.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep":
        return None
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or prep.i > verb.i or _lemma(verb) in _FRAME_VERBS:
        return None
    if any(c.dep_ == "poss" or c.lower_ in ("my", "our") for c in v.children):
        return None  # "in his report": the owner speaks through his own verb
    tokens = {t.i for t in prep.subtree}
    after = prep.right_edge.i + 1
    if after < len(v.doc) and v.doc[after].text == ",":
        tokens.add(after)
    return verb.i, (Frame.over(v, v), tokens, [])


def _adjective_frame(a: Token) -> tuple[int, FrameEntry] | None:
    """ "Republicans are worried that the bill will raise premiums", "voters
    remain skeptical of the plan": an adjective of stance with its holder."""
    if a.dep_ != "acomp" or (subj := _subject(a.head)) is None or subj.lower_ == "it":
        return None
    # "is not sure that", "was not convinced that": a certainty denied leaves
    # the content open, whichever way it is put.
    doubted = not STANCE_ADJECTIVES[a.lower_] and any(c.dep_ == "neg" for c in a.head.children)
    frame = Frame.over(
        subj,
        a,
        negated=_is_negated_subject(subj),
        hedged=STANCE_ADJECTIVES[a.lower_],
        doubted=doubted,
    )
    subject_tokens = {t.i for t in subj.subtree}
    clause = next((c for c in a.children if c.dep_ == "ccomp"), None)
    if clause is not None:
        # "are worried that ...": the holder, "are worried" frame the clause.
        tokens = subject_tokens | {a.i, a.head.i}
        tokens |= {c.i for c in a.head.children if c.dep_ in ("aux", "neg")}
        return clause.i, (frame, tokens, [])
    if any(c.dep_ == "prep" and c.lower_ in ("of", "about", "over") for c in a.children):
        # "remain skeptical of the plan": the stance is the content.
        return a.head.i, (frame, subject_tokens, [])
    return None


def _as_frame(v: Token) -> tuple[int, FrameEntry] | None:
    """ "The plan, as the senator put it, is dead": a reporting clause set
    in its content by "as"."""
    if v.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children):
        return None
    if _lemma(v) == "put" and not any(c.dep_ == "dobj" and c.lower_ == "it" for c in v.children):
        return None
    subj = _subject(v)
    if subj is None or subj.lower_ == "it" or v.head.pos_ not in ("VERB", "AUX"):
        return None
    tokens = {t.i for t in v.subtree}
    return v.head.i, (Frame.over(subj, v), tokens, [])


def _is_expletive(subj: Token, v: Token) -> bool:
    """ "It was reported that ...": "it" stands for no one."""
    passive = subj.dep_ == "nsubjpass" or any(c.dep_ == "auxpass" for c in v.children)
    return subj.lower_ == "it" and passive


# What a speaking act carries besides its subject: when, how, to whom, what
# it issued ("issued statements Thursday night", "also pushed back").
_HOST_FRAME_DEPS = frozenset(
    {"aux", "auxpass", "neg", "advmod", "prt", "dobj", "npadvmod", "punct", "dative"}
)


def _answers_by_saying(v: Token) -> bool:
    """ "issued a statement saying ...", "pushed back, saying ...": a
    participle of saying hung on a verb that is itself an act of speech (a
    reporting or statement verb, or one that answers back)."""
    if v.dep_ != "advcl" or v.tag_ != "VBG" or v.head.i == v.i:
        return False
    host = v.head
    lemma = _lemma(host)
    answers_back = any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in host.children)
    return lemma in REPORTING_VERBS or lemma in STATEMENT_VERBS or answers_back


def _verb_frame(sent: Span, v: Token) -> tuple[int, FrameEntry] | None:
    """A reporting verb with its subject and its content clause."""
    subj = _reporting_subject(v)
    if subj is None or _is_expletive(subj, v):
        return None
    lemma = _lemma(v)
    contents = [c for c in v.children if c.dep_ == "ccomp"]
    after = [c for c in contents if c.i > v.i]
    if after and any(
        t.text in (":", ";") for c in contents if c.i < v.i for t in v.doc[c.right_edge.i : v.i]
    ):
        # "... set off another round of fireworks: Republicans said they
        # are convinced ...": a clause before a colon is not what is said.
        contents = after
    extra: list[int] = []
    if not contents and v.dep_ == "parataxis":
        # "The plan, he said, would cost jobs": the frame stands inside its content.
        contents = [v.head]
    if not contents and (lemma in INFINITIVE_REPORTING_VERBS or lemma in WISH_VERBS):
        # "The governor vowed to cut taxes", "urged Congress to act": a
        # promise, claim or wish is content too.
        contents = [
            c
            for c in v.children
            if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ]
    if not contents and lemma in ACCUSATION_VERBS:
        extra = _charge(v)
        if not extra:
            return None
    if not contents and not extra:
        # "X told the paper the costs are ..." parsed without a clause:
        # the content starts at the second noun phrase after the verb.
        if lemma != "tell":
            return None
        chunks = [ch for ch in sentence_chunks(sent) if ch.start > v.i]
        if len(chunks) < 2:
            return None
        extra = [
            i
            for i in range(chunks[1].start, sent.end)
            if not sent.doc[i].is_punct or i < sent.end - 1
        ]
        if not any(sent.doc[i].pos_ in ("VERB", "AUX") for i in extra):
            return None
    negated = _is_negated_subject(subj) or any(c.dep_ == "neg" for c in v.children)
    # A subject shared with another verb stays with that verb's clause, and
    # so does a participle set off inside it ("Weiner, trying to put the
    # episode to rest, denied ..."): that says something of its own.
    tokens = {v.i} | ({t.i for t in subj.subtree} if subj.head.i == v.i else set())
    for c in subj.children:
        if c.dep_ in ("acl", "advcl") and c.tag_ in ("VBG", "VBN") and c.i > subj.i + 1:
            if subj.doc[c.i - 1].text == ",":
                tokens -= {t.i for t in c.subtree}
    reticent = v.dep_ == "xcomp" and _lemma(v.head) in RETICENCE_VERBS
    if reticent and subj.head.i == v.head.i:
        # "The company declined to say whether ...": declining is the frame,
        # not a claim of its own ("The company declined").
        tokens |= {v.head.i} | {t.i for t in subj.subtree}
        tokens |= {c.i for c in v.head.children if c.dep_ in ("aux", "neg", "advmod")}
    if _answers_by_saying(v) and subj.head.i == v.head.i:
        # "The companies issued statements Thursday night saying ...", "an
        # official pushed back, saying ...": the act of speaking is the
        # frame, not a claim of its own.
        host = v.head
        tokens |= {host.i} | {t.i for t in subj.subtree}
        for c in host.children:
            if c.i != v.i and c.dep_ in _HOST_FRAME_DEPS:
                tokens |= {t.i for t in c.subtree}
    tokens |= {
        c.i for c in v.children if c.dep_ in ("aux", "neg", "advmod", "prt", "dative", "mark")
    }
    if extra:
        objects = [c for c in v.children if c.dep_ == "dobj" and c.i < extra[0]]
        tokens |= {t.i for c in objects for t in c.subtree if t.i < extra[0]}
    if v.dep_ == "pcomp" and v.head.lower_ == "with":
        tokens.add(v.head.i)
    if contents and not extra:
        # "told supporters at a rally", "said in a statement on Tuesday": who
        # was told, where and when belong to the frame, not to a claim.
        for c in v.children:
            if (
                c.dep_ in _FRAME_DEPENDENTS
                and not any(t.i == contents[0].i for t in c.subtree)
                and not _reports_itself(c)
            ):
                tokens |= {t.i for t in c.subtree}
    # "Investors hope the bank will cut rates", "urged Congress to act":
    # hoped for or asked for, not stated.
    wished = lemma in _HEDGING_WISHES and bool(contents) and contents[0].dep_ == "xcomp"
    frame = Frame.over(
        subj,
        v,
        negated=negated,
        denial=lemma in ("deny", "dismiss", "reject"),
        hedged=lemma in ATTITUDE_VERBS or wished or reticent,
    )
    return (contents[0].i if contents else extra[0]), (frame, tokens, extra)


def _reports_itself(phrase: Token) -> bool:
    """Whether a phrase holds a report of its own ("On top of a rival
    paper's report that revealed how ..., the Ledger reported ..."): what
    it reports is a claim, not the circumstances of the frame it hangs on."""
    return any(
        t.pos_ == "VERB" and _lemma(t) in _FRAME_VERBS and _subject(t) is not None
        for t in phrase.subtree
        if t.i != phrase.i
    )


def _object_frame(v: Token) -> tuple[int, FrameEntry] | None:
    """ "The senator praised the ruling", "she called him a liar": a verb of
    expression whose object carries its subject's stance. The verb stays in
    the content (the stance is the praise, not the ruling); only the subject
    is the frame."""
    lemma = _lemma(v)
    denial = lemma in DENIAL_VERBS
    preps = PREPOSITION_REPORTING_VERBS.get(lemma, frozenset())
    obj = next(
        (
            c
            for c in v.children
            if (c.dep_ == "dobj" and lemma in OBJECT_REPORTING_VERBS)
            or (c.dep_ == "prep" and c.lower_ in preps and _has_object(c))
        ),
        None,
    )
    agent = next((c for c in v.children if c.dep_ == "agent" and _has_object(c)), None)
    if obj is None and agent is not None and lemma in OBJECT_REPORTING_VERBS:
        # "The bill was criticized by Democrats": the agent is the source.
        by = next(p for p in agent.children if p.dep_ == "pobj")
        frame = Frame.over(by, v, denial=denial)
        return v.i, (frame, {t.i for t in agent.subtree}, [])
    if obj is None:
        return None
    if (
        obj.dep_ == "dobj"
        and lemma == "call"
        and not any(c.dep_ in ("oprd", "xcomp") for c in v.children)
    ):
        return None  # "called a meeting", "called him": no stance without "X a liar"
    subj = _reporting_subject(v)
    if subj is None or _is_expletive(subj, v):
        return None
    if (
        v.tag_ == "VBG"
        and subj.head.i == v.i
        and v.dep_ != "pcomp"
        and not any(c.dep_ == "aux" for c in v.children)
    ):
        # "tariffs on Chinese made EVs citing subsidies": a gerund that a
        # misparse gave a subject of its own.
        return None
    tokens = {t.i for t in subj.subtree} if subj.head.i == v.i else set()
    tokens |= _taken_to(v, subj)
    frame = Frame.over(subj, v, negated=_is_negated_subject(subj), denial=denial)
    return v.i, (frame, tokens, [])


def _taken_to(v: Token, subj: Token) -> set[int]:
    """ "the mayor has taken to calling the audit a witch hunt": the verb
    that takes to the act, with its subject, is the frame, not a claim of
    its own."""
    if v.dep_ != "pcomp" or v.head.lower_ != "to" or v.head.head.i == v.head.i:
        return set()
    host = v.head.head
    if subj.head.i != host.i:
        return set()
    tokens = {host.i, v.head.i} | {t.i for t in subj.subtree}
    return tokens | {c.i for c in host.children if c.dep_ in ("aux", "neg", "advmod", "prt")}


def _has_object(prep: Token) -> bool:
    return any(p.dep_ in ("pobj", "pcomp") for p in prep.children)


def _charge(v: Token) -> list[int]:
    """The words of a charge: "accused [her rival of lying]", "blamed [the
    administration for failing ...]"; only where the charge is an act (a verb).
    A bare "criticised the plan" is an object frame (``_object_frame``)."""
    target = next((c for c in v.children if c.dep_ == "dobj"), None)
    if target is None:
        return []
    for prep in [*target.children, *v.children]:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for") and prep.i > target.i:
            if any(c.dep_ == "pcomp" and c.pos_ == "VERB" for c in prep.children):
                return list(range(target.left_edge.i, prep.right_edge.i + 1))
    return []


def frames(sent: Span) -> dict[int, FrameEntry]:
    """Attribution frames of the sentence: content head -> (frame, frame tokens,
    extra content tokens given by position when the parse lost them)."""
    found_frames: dict[int, FrameEntry] = {}
    if (label := _speaker_label(sent)) is not None:
        found_frames[label[0]] = label[1]
    for v in sent:
        found = None
        if v.lower_ == "according":
            found = _according_frame(sent, v)
        elif _lemma(v) in REPORTING_NOUNS and v.pos_ == "NOUN":
            found = _noun_frame(v)
        elif _lemma(v) in _FRAME_VERBS and v.pos_ in ("VERB", "AUX"):
            found = _verb_frame(sent, v)
        if found is None and v.pos_ == "ADJ" and v.lower_ in STANCE_ADJECTIVES:
            found = _adjective_frame(v)
        if found is None and v.lower_ in IN_WORDS_NOUNS:
            found = _in_words_frame(v)
        if found is None and v.lemma_.lower() in IN_SOURCE_NOUNS:
            found = _in_source_frame(v)
        if found is None and v.pos_ == "VERB" and _lemma(v) in AS_VERBS:
            found = _as_frame(v)
        if found is not None and not _no_source(sent, found[1][0]):
            _keep_outer(found_frames, found, sent)
    # A verb of expression inside another frame's content is part of what
    # that source says ("the statement read: the company will not comment on
    # ..."): its own frame yields.
    for v in sent:
        if (
            v.pos_ == "VERB"
            and v.i not in found_frames
            and (_lemma(v) in OBJECT_REPORTING_VERBS or _lemma(v) in PREPOSITION_REPORTING_VERBS)
        ):
            if (found := _object_frame(v)) is not None and not _no_source(sent, found[1][0]):
                found_frames[found[0]] = found[1]
    return _nested_speakers(sent, found_frames)


def _keep_outer(
    found_frames: dict[int, FrameEntry], found: tuple[int, FrameEntry], sent: Span
) -> None:
    """Adds a frame; where another frame already holds the same content, the
    outer one stays: in "She said she wasn't aware of X" both "said" and
    "wasn't aware" frame the clause, and what she said is the whole of it."""
    key, entry = found
    held = found_frames.get(key)
    if held is not None:
        new_cue, held_cue = sent.doc[entry[0].cue], sent.doc[held[0].cue]
        # "critics point out that the plan saves $7 billion, according to
        # the budget office": "according to" names where the content
        # itself comes from, and stays.
        if held_cue.lower_ == "according" or (
            not new_cue.is_ancestor(held_cue) and new_cue.lower_ != "according"
        ):
            return
    found_frames[key] = entry


def _no_source(sent: Span, frame: Frame) -> bool:
    """Whether a frame's "source" is no one: the one addressed ("You know
    that ...", "as you can see": what is said is the speaker's or the
    article's), or a picture that shows something ("The photo showed a
    man's underwear": the article's own account of what it depicts)."""
    doc = sent.doc
    source = doc[frame.source_start : frame.source_end]
    if len(source) == 1 and source[0].lower_ == "you":
        return True
    return _lemma(doc[frame.cue]) in DEPICTION_VERBS and _lemma(source.root) in PICTURE_NOUNS


# A speaker's name before a colon is at most this many tokens ("Sen.
# Elizabeth Warren:"); longer runs are headings.
SPEAKER_LABEL_MAX = 5


def _speaker_label(sent: Span) -> tuple[int, FrameEntry] | None:
    """ "Sen. Elizabeth Warren: Wall Street has rigged the system": a name
    and a colon at the head of a sentence label what follows as that
    person's words, as in transcripts and interview write-ups."""
    words = [t for t in sent if not t.is_space]
    colon = next((k for k, t in enumerate(words[: SPEAKER_LABEL_MAX + 1]) if t.text == ":"), None)
    if not colon:
        return None
    name, content = words[:colon], [t for t in words[colon + 1 :] if not t.is_space]
    if not all(t.pos_ == "PROPN" or t.is_punct for t in name):
        return None
    if any(t.lower_ in LABEL_WORDS for t in name):
        return None
    if not any(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in name):
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in content):
        return None
    head = min(content, key=lambda t: len(list(t.ancestors)))
    frame = Frame(source_start=name[0].i, source_end=name[-1].i + 1, cue=words[colon].i)
    return head.i, (frame, {t.i for t in name} | {words[colon].i}, [t.i for t in content])


# Pronouns that, as the source of a frame inside another frame's content,
# are the outer source itself: "'I think the deal is dead,' the senator
# said", "the senator said she believes ...", "Democrats said they want ...".
_SPEAKER_PRONOUNS = FIRST_PERSON | {"he", "she", "they"}


def _nested_speakers(sent: Span, found: dict[int, FrameEntry]) -> dict[int, FrameEntry]:
    """A frame inside another frame's content whose source is a pronoun for
    the speaker takes the source of the frame that reports it."""
    doc = sent.doc
    out = dict(found)
    for key, (frame, tokens, extra) in found.items():
        one_word = frame.source_end - frame.source_start == 1
        if not one_word or doc[frame.source_start].lower_ not in _SPEAKER_PRONOUNS:
            continue
        cue = doc[frame.cue]
        for outer_key, (outer, _, _) in found.items():
            if outer_key == key or doc[outer.source_start].lower_ in FIRST_PERSON:
                continue
            if outer_key == cue.i or any(a.i == outer_key for a in cue.ancestors):
                speaker = replace(
                    frame, source_start=outer.source_start, source_end=outer.source_end
                )
                out[key] = (speaker, tokens, extra)
                break
    return out
