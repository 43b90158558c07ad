"""Figures and timeline of one article: each number tied to what it counts
and when, each dated event tied to its words."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from storyline.article.entities import Resolver, SpanIndex, descriptor_referents
from storyline.measure.dates import find_dates
from storyline.measure.quantities import find_quantities
from storyline.measure.units import family
from storyline.model import Figure, TimeExpr, TimelineEvent

# A date this close after a figure ("120 in 2019", "4,310 last year") dates
# that figure rather than the whole sentence.
DATE_AFTER_FIGURE_CHARS = 25
# Names a figure is tied to besides its holder ("the £500m to transform its X
# plant"): the 93 real articles of the benches tie one to three at most.
MAX_PURPOSE_NAMES = 8
_PAREN_NAME = re.compile(r"([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})\s*\(\s*$")


def _span_tokens(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens the characters ``start:end`` fall in (a search, not a scan)."""
    return doc.char_span(start, end, alignment_mode="expand")


def _token_at(doc: Doc, char: int) -> Token | None:
    span = _span_tokens(doc, char, char + 1)
    return span[0] if span is not None and len(span) else None


@dataclass(frozen=True)
class _Names:
    """An article's names and noun chunks, found once (each is a pass over the doc)."""

    spans: SpanIndex  # in text order, found by position
    chunk_of: dict[int, Span]  # noun chunk by its root token


def _holder(
    doc: Doc,
    token: Token,
    sent_index: int,
    resolver: Resolver,
    display: dict[str, str],
    found: _Names,
) -> str | None:
    """Who or what a figure belongs to: the subject of the verb that governs it."""
    names = found.spans
    for anc in [token, *token.ancestors]:
        subj = next((c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if anc.pos_ in ("NOUN", "PROPN"):
            # "198 people that Weiner follows", "the 5,500 cars the brand sold":
            # the count is of the relative clause's subject's doing
            relcl = next((c for c in anc.children if c.dep_ == "relcl"), None)
            own = (
                next((c for c in relcl.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if relcl is not None
                else None
            )
            if own is not None and own.lower_ not in ("who", "that", "which", "whom"):
                subj = own
        if subj is None and anc.dep_ == "acl" and anc.head.pos_ in ("NOUN", "PROPN"):
            subj = anc.head  # "the brand sold 5,500 cars" parsed as a noun with a clause
        if subj is None or subj.i == token.i:
            continue
        chunk = found.chunk_of.get(subj.i)
        if chunk is None and subj.dep_ == "ROOT":  # the parser's noun chunks skip a noun root
            mods = [
                c.i for c in subj.lefts if c.dep_ in ("det", "amod", "compound", "poss", "nmod")
            ]
            chunk = doc[min(mods, default=subj.i) : subj.i + 1]
        sub = (
            chunk
            if subj.dep_ == "ROOT" and chunk is not None
            else doc[subj.left_edge.i : subj.right_edge.i + 1]
        )
        inside = [n for n in names.within(sub.start, sub.end) if not _TITLE_ONLY.match(n.text)]
        if inside:
            if len(sub) <= 6:
                return re.sub(r"^(the|a|an)\s+", "", sub.text, flags=re.IGNORECASE)
            return inside[0].text
        owner = next((c for c in subj.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
        person = resolver.last_person(sent_index, before=owner) if owner is not None else None
        if owner is not None and person and owner.lower_ in ("his", "her"):
            # "His health care plan would cut ...": the plan of the last person named
            rest = doc[owner.i + 1 : subj.i + 1].text
            return f"{display.get(person, person)}’s {rest}"
        if chunk is not None:
            refs = descriptor_referents(chunk, sent_index, resolver, ())
            if refs:
                return " and ".join(display.get(r, r) for r in refs)
        if subj.lower_ == "it":
            org = resolver.last_org(sent_index)
            if org:
                return display.get(org, org)
        if subj.lower_ in ("he", "she"):  # the last person named, in this sentence or before
            person = resolver.last_person(sent_index, before=subj)
            if person:
                return display.get(person, person)
    return None


# A name that is only a title ("Mr." split from "Mr. Carter's plan" by the parser).
_TITLE_ONLY = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.?$")


def _age_holder(span: Span) -> str | None:
    """Whose age a figure (its tokens) is: the noun an age modifies ("a
    21-year-old college student" -> "college student"), without the age."""
    doc = span.doc
    for t in span:
        head = t.head
        if t.dep_ in ("amod", "compound", "nummod") and head.pos_ in ("NOUN", "PROPN"):
            if head.i >= span.end:
                return doc[span.end : head.i + 1].text.strip(" -")
    return None


# How far after its number a counted noun may be ("two secret National
# Security Agency intelligence-gathering programs" is seven words).
MAX_COUNTED_WORDS = 8


def _counted(span: Span) -> str | None:
    """What a count (its tokens) counts, as the parse reads it: the words
    from after the number to the noun it counts ("two testy news briefings"
    -> "testy news briefings"), with nouns joined to it by "and" and what an
    "of" names ("97 billion pieces of data" -> "pieces of data")."""
    doc = span.doc
    nums = [t for t in span if t.dep_ == "nummod" and t.head.pos_ in ("NOUN", "PROPN")]
    if not nums:
        return None
    num, head = nums[-1], nums[-1].head
    if not 0 < head.i - num.i <= MAX_COUNTED_WORDS:
        return None
    last = head.i
    for conj in head.conjuncts:
        if conj.pos_ == "NOUN" and 0 < conj.i - last <= 3:
            last = conj.i
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") and pobj.i - last <= 3:
        last = pobj.i
    return doc[num.i + 1 : last + 1].text


# Nouns of change a figure sizes ("a 22 percent cut in benefits", "a 5%
# rise in prices").
CHANGE_NOUNS = frozenset(
    {"cut", "increase", "rise", "fall", "drop", "decline", "reduction", "growth", "hike", "jump"}
)
# How long a measured thing may be and still read as a label ("the life
# of Medicare", "a strong password").
MAX_MEASURED_WORDS = 6


def _measured(span: Span) -> str | None:
    """What a figure (its tokens) measures where no one holds it: the noun
    it is "of" ("a password of at least 10 characters" -> "password") or
    the object of the verb it changes "by" ("extended the life of Medicare
    by eight years" -> "the life of Medicare")."""
    nums = [t for t in span if t.like_num or t.pos_ == "NUM"]
    if not nums:
        return None
    num, doc = nums[-1], span.doc
    change = num
    while change.dep_ in ("nummod", "quantmod", "compound", "amod") and change.head.i != change.i:
        change = change.head
        if change.lemma_.lower() in CHANGE_NOUNS:
            # "a 22 percent cut in benefits": the figure measures the cut in them
            prep = next(
                (c for c in change.children if c.dep_ == "prep" and c.lower_ in ("in", "of")), None
            )
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                if obj.right_edge.i - change.i < MAX_MEASURED_WORDS:
                    return doc[change.i : obj.right_edge.i + 1].text
            break
    noun = num.head if num.dep_ in ("nummod", "quantmod", "compound") else num
    if noun.dep_ != "pobj":
        return None
    prep = noun.head
    if prep.lower_ == "of" and prep.head.pos_ == "NOUN":
        measured = prep.head
        first = min(
            (c.i for c in measured.lefts if c.dep_ in ("amod", "compound")), default=measured.i
        )
        return doc[first : measured.i + 1].text.strip("\"“”' ")
    if prep.lower_ == "by" and prep.head.pos_ == "VERB":
        obj = next((c for c in prep.head.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.right_edge.i - obj.left_edge.i < MAX_MEASURED_WORDS:
            return doc[obj.left_edge.i : obj.right_edge.i + 1].text
    return None


def _taken_from(token: Token, found: _Names) -> list[str]:
    """Names the verb governing a figure takes it from, to or out of ("cut
    $716 million from the health service", "took $70 million out of the
    pension fund"): what the figure is a part of, beside who holds it."""
    verb = next((a for a in [token, *token.ancestors] if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return []
    out: list[str] = []
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("from", "out", "to")]
    for prep in preps:
        for p in [prep, *(c for c in prep.children if c.dep_ == "prep")]:  # "out of"
            for obj in (c for c in p.children if c.dep_ == "pobj"):
                names = found.spans.within(obj.left_edge.i, obj.i + 1)
                name = next((n for n in names if n.end == obj.i + 1), None)
                if name is not None and name.text not in out:
                    out.append(name.text)
    return out


def _purpose_candidates(sent: Span, found: _Names) -> list[Span]:
    """The names of a sentence that may say what its figures are for (an
    object, or part of one), each text at most twice: all that
    _purpose_names' answer depends on, found once per sentence."""
    out: list[Span] = []
    seen: dict[str, int] = {}
    for n in found.spans.starting(sent.start, sent.end):
        if (
            n.root.dep_ in ("compound", "dobj", "pobj")
            and n.root.head.dep_ in ("dobj", "pobj")
            and n.label_ not in ("DATE", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "NORP")
            and seen.get(n.text, 0) < 2
        ):
            seen[n.text] = seen.get(n.text, 0) + 1
            out.append(n)
    return out


def _purpose_names(candidates: Sequence[Span], holder: str | None) -> list[str]:
    """Other named things the sentence ties the figure to ("to transform its
    X plant"), so a reader sees what the money is for: at most
    MAX_PURPOSE_NAMES different ones (real sentences tie a figure to three
    at most; one that runs on for pages would list every name in it)."""
    out: list[str] = []
    distinct: set[str] = set()
    for n in candidates:
        if holder is None or n.text not in holder:
            if n.text not in distinct and len(distinct) == MAX_PURPOSE_NAMES:
                break
            distinct.add(n.text)
            out.append(n.text)
    return out


# "one" and "two" written as words ("the two firms", "one of its plants") are
# part of a noun phrase, not figures a reader checks; "nine leading Internet
# companies" is one. Durations, money and percentages are figures whatever
# their size.
_SMALL_WORDS = frozenset({"one", "two", "both"})
_ALWAYS_FIGURES = frozenset(
    {"percent", "GBP", "USD", "EUR", "days", "weeks", "months", "years", "hours"}
)


def _is_figure(q) -> bool:
    first = q.text.lower().split()[0] if q.text.split() else ""
    return q.unit in _ALWAYS_FIGURES or q.qualifier is not None or first not in _SMALL_WORDS


def _when(q_end: int, dates: Sequence[TimeExpr], next_start: int) -> str | None:
    for d in dates:
        if q_end <= d.start <= min(q_end + DATE_AFTER_FIGURE_CHARS, next_start) and d.value:
            return d.value
    valued = [d for d in dates if d.value]
    return (
        valued[0].value
        if len(valued) == 1 and valued[0].start < q_end
        else (valued[0].value if len(valued) == 1 else None)
    )


def article_figures(
    doc_id: str,
    doc: Doc,
    sentences: Sequence[tuple[int, Span]],
    reference: str | None,
    resolver: Resolver,
    display: dict[str, str],
) -> tuple[tuple[Figure, ...], tuple[TimelineEvent, ...]]:
    """Figures and dated events of the given (index, sentence) pairs; the
    index is the sentence's place among the article's sentences."""
    figures: list[Figure] = []
    events: list[TimelineEvent] = []
    text = doc.text
    chunks = resolver.chunks if resolver.chunks is not None else doc.noun_chunks
    found = _Names(SpanIndex(resolver.names), {c.root.i: c for c in chunks})
    for index, sent in sentences:
        start, end = sent.start_char, sent.end_char
        dates = find_dates(text, reference, start, end)
        quantities = [
            q
            for q in find_quantities(text, start, end)
            if not any(d.start <= q.start < d.end for d in dates)
        ]
        quantities = [q for q in quantities if _is_figure(q)]
        # the sentence's text once, not once per figure: a sentence may be
        # as long as the article
        context = sent.text.strip() if quantities or dates else ""
        purposes = _purpose_candidates(sent, found) if quantities else []
        for qi, q in enumerate(quantities):
            token = _token_at(doc, q.start)
            if token is None:
                continue
            before = text[max(start, q.start - 40) : q.start]
            paren = _PAREN_NAME.search(before)
            tokens = _span_tokens(doc, q.start, q.end)
            age = q.unit is not None and q.unit.endswith(" old")
            holder = (
                paren.group(1)
                if paren
                else (age and tokens is not None and _age_holder(tokens))
                or _holder(doc, token, index, resolver, display, found)
            )
            unit = q.unit
            counts = unit is None or (
                " per " not in unit and (family(unit)[0] or "").startswith("count:")
            )
            if counts and tokens is not None:
                unit = _counted(tokens) or unit
            extra = [] if paren else _purpose_names(purposes, holder)
            extra += [n for n in _taken_from(token, found) if n not in extra and n != holder]
            measured = _measured(tokens) if tokens is not None and not age else None
            if measured and measured not in extra:
                extra.append(measured)
            entity = holder or (extra.pop(0) if extra else "")
            if extra:
                entity = (
                    f"{entity} ({', '.join(dict.fromkeys(extra))})" if entity else ", ".join(extra)
                )
            next_start = quantities[qi + 1].start if qi + 1 < len(quantities) else end
            figures.append(
                Figure(
                    entity=entity,
                    value=q.value,
                    unit=unit,
                    when=_when(q.end, dates, next_start),
                    doc=doc_id,
                    start=q.start,
                    end=q.end,
                    text=q.text,
                    context=context,
                    qualifier=q.qualifier,
                )
            )
        for d in dates:
            if d.value and d.value[:4].isdigit():
                events.append(
                    TimelineEvent(
                        when=d.value,
                        text=context,
                        doc=doc_id,
                        start=sent.start_char,
                        end=sent.end_char,
                        expression=d.text,
                    )
                )
    return tuple(figures), tuple(events)
