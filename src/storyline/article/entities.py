"""Entity names across a story: one canonical name for each thing.

"BA (British Airways)" in one article and "British Airways (BA)" in
another define an alias; "Smith" after "Jane Smith" is the same person;
"the Chinese automaker" and "the two firms" point back to organisations named
before. Claims must not split because outlets name things differently.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from storyline.lexicon.names import (
    DEMONYMS,
    GENDERED_TITLES,
    ORG_DESCRIPTORS,
    ORG_SUFFIXES,
    PAIR_DESCRIPTORS,
    PLACE_ALIASES,
    PRONOUN_GENDER,
)
from storyline.lexicon.sources import PERSON_TITLES

NAMED_LABELS = frozenset(
    {"ORG", "PERSON", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
)
_NAME = r"[A-Z][\w&.'’-]*(?:\s+(?:of\s+|&\s+|and\s+)?[A-Z][\w&.'’-]*){1,5}"
_ACRONYM = r"[A-Z][A-Za-z&]{1,6}"
_LONG_THEN_SHORT = re.compile(rf"({_NAME})\s*\(({_ACRONYM})\)")
_SHORT_THEN_LONG = re.compile(rf"\b({_ACRONYM})\s*\(({_NAME})\)")
_POSSESSIVE = re.compile(r"[’']s$")
# How far back (in sentences) a description like "the company" may point.
DESCRIPTOR_WINDOW = 4


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w[0].isupper())


def _is_acronym_of(short: str, long: str) -> bool:
    initials = _initials(long).upper()
    letters = "".join(c for c in short.upper() if c.isalpha())
    it = iter(initials)
    return len(letters) >= 2 and letters[0] == initials[:1] and all(c in it for c in letters)


def clean(name: str) -> str:
    """Lower-case surface form without article, possessive or punctuation."""
    name = _POSSESSIVE.sub("", name.strip())
    name = re.sub(r"^(the|a|an)\s+", "", name, flags=re.IGNORECASE)
    name = re.sub(r"\s+", " ", name).strip(" ,.;:()\"“”'’").lower()
    return PLACE_ALIASES.get(name, DEMONYMS.get(name, name))


@dataclass(frozen=True)
class Aliases:
    """Surface form (cleaned) -> canonical form, for one story."""

    table: dict[str, str]

    def canonical(self, name: str) -> str:
        key = clean(name)
        seen = set()
        while key in self.table and key not in seen:
            seen.add(key)
            key = self.table[key]
        return key


def story_aliases(texts: Iterable[str], docs: Iterable[Doc] = ()) -> Aliases:
    """Aliases defined anywhere in the story: acronyms given in brackets, and
    surnames of people named in full."""
    table: dict[str, str] = {}
    for text in texts:
        for m in _LONG_THEN_SHORT.finditer(text):
            long, short = m.group(1), m.group(2)
            if _is_acronym_of(short, long):
                table[clean(short)] = clean(long)
            elif _is_acronym_of(long, short):  # "BA (British Airways)" parsed the other way
                table[clean(long)] = clean(short)
        for m in _SHORT_THEN_LONG.finditer(text):
            short, long = m.group(1), m.group(2)
            if _is_acronym_of(short, long):
                table[clean(short)] = clean(long)
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) >= 2:
                full = clean(ent.text)
                table.setdefault(clean(ent[-1].text), full)
    return Aliases(table)


def is_named(token: Token) -> bool:
    return token.ent_type_ in NAMED_LABELS or (token.pos_ == "PROPN" and token.is_title)


def name_spans(doc: Doc) -> list[Span]:
    """Named things: spaCy's entities of naming kinds, plus runs of proper
    nouns the model left untagged (it misses acronyms such as company codes)."""
    spans = [e for e in doc.ents if e.label_ in NAMED_LABELS]
    covered = {t.i for e in spans for t in e}
    i = 0
    while i < len(doc):
        t = doc[i]
        if t.i not in covered and t.pos_ == "PROPN" and not t.ent_type_ and not t.is_space:
            j = i
            while (
                j + 1 < len(doc)
                and doc[j + 1].pos_ == "PROPN"
                and not doc[j + 1].ent_type_
                and doc[j + 1].i not in covered
            ):
                j += 1
            spans.append(doc[i : j + 1])
            i = j + 1
        else:
            i += 1
    return sorted(spans, key=lambda s: s.start)


class SpanIndex:
    """Spans of one article that do not overlap (entities, noun chunks, names),
    in text order, found by position in logarithmic time: what ``Span.ents``
    and ``Span.noun_chunks`` give, without their pass over the whole doc on
    every call (quadratic over a long article)."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self.spans: list[Span] = sorted(spans, key=lambda s: s.start)
        self._starts = [s.start for s in self.spans]

    def within(self, start: int, end: int) -> list[Span]:
        """The spans wholly inside tokens ``start:end``, in text order."""
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self.spans) and self.spans[i].start < end:
            if self.spans[i].end <= end:
                out.append(self.spans[i])
            i += 1
        return out

    def starting(self, start: int, end: int) -> list[Span]:
        """The spans that start inside tokens ``start:end``, in text order."""
        i, j = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return self.spans[i:j]

    def __iter__(self) -> Iterator[Span]:
        return iter(self.spans)

    def __len__(self) -> int:
        return len(self.spans)


@dataclass(frozen=True)
class Resolver:
    """Points descriptions and pronouns back to names in one article."""

    aliases: Aliases
    orgs_by_sentence: tuple[tuple[str, ...], ...]  # canonical organisations named, per sentence
    people_by_sentence: tuple[tuple[str, ...], ...]
    display: dict[str, str] = field(default_factory=dict)  # canonical -> as first written
    names: tuple[Span, ...] = ()  # the article's name spans (name_spans), found once
    # The article's entities and noun chunks, each found once by position
    # (None: a resolver built by hand; look them up on the doc instead).
    ents: SpanIndex | None = None
    chunks: SpanIndex | None = None
    # canonical person -> "he"/"she", where a courtesy title says ("Ms. Roe")
    genders: dict[str, str] = field(default_factory=dict)
    # people the article names in full at least once ("Anthony Weiner"): a
    # later "Weiner" the small model tags ORG is still one of them
    full_names: frozenset[str] = frozenset()

    def is_person(self, name: Span) -> bool:
        return _names_a_person(name, self.aliases.canonical(name.text), self.full_names)

    def fits(self, person: str, pronoun: Token) -> bool:
        """Whether ``pronoun`` can take up ``person``: not "she" for a person
        the article calls "Mr.", nor "he" for one it calls "Ms."."""
        wanted = PRONOUN_GENDER.get(pronoun.lower_)
        known = self.genders.get(person)
        return wanted is None or known is None or wanted == known

    def ents_in(self, span: Span) -> Sequence[Span]:
        return span.ents if self.ents is None else self.ents.within(span.start, span.end)

    def chunks_in(self, span: Span) -> Sequence[Span]:
        if self.chunks is None:
            return list(span.noun_chunks)
        return self.chunks.within(span.start, span.end)

    def last_org(self, sentence: int, before_char_names: tuple[str, ...] = ()) -> str | None:
        if before_char_names:
            return before_char_names[-1]
        for s in range(sentence - 1, max(-1, sentence - 1 - DESCRIPTOR_WINDOW), -1):
            if self.orgs_by_sentence[s]:
                return self.orgs_by_sentence[s][-1]
        return None

    def last_pair(self, sentence: int, before: tuple[str, ...] = ()) -> tuple[str, ...]:
        found: list[str] = list(dict.fromkeys(reversed(before)))
        for s in range(sentence - 1, max(-1, sentence - 1 - DESCRIPTOR_WINDOW), -1):
            for name in reversed(self.orgs_by_sentence[s]):
                if name not in found:
                    found.append(name)
            if len(found) >= 2:
                return tuple(found[:2])
        return ()

    def last_person(self, sentence: int, before: Token | None = None) -> str | None:
        """The person named last, up to sentence ``sentence``. With ``before``
        (a pronoun of that sentence), names ahead of it come first, then the
        sentences before, and a name later in its own sentence only where none
        is found ("After saying he would stay, Smith left"): "he" points back."""
        if before is None:
            return self._last_person_from(sentence, sentence)
        sent = before.sent
        here = [
            n
            for n in (
                self.ents.within(sent.start, sent.end) if self.ents is not None else sent.ents
            )
            if self.is_person(n)
        ]
        here_names = [self.aliases.canonical(n.text) for n in here]
        ahead = [
            (n, name)
            for n, name in zip(here, here_names, strict=True)
            if n.start < before.i and self.fits(name, before)
        ]
        if ahead:
            # a subject is the likelier antecedent ("Roe is one of the people
            # Smith follows on Twitter, though he has ..." is Smith's "he")
            subjects = [name for n, name in ahead if n.root.dep_ in ("nsubj", "nsubjpass")]
            return subjects[-1] if subjects else ahead[-1][1]
        person = self._last_person_from(sentence - 1, sentence, before)
        later = [name for name in here_names if self.fits(name, before)]
        if person is None and later:
            return later[0]
        return person

    def _last_person_from(
        self, first: int, sentence: int, pronoun: Token | None = None
    ) -> str | None:
        for s in range(first, max(-1, sentence - 1 - DESCRIPTOR_WINDOW), -1):
            for person in reversed(self.people_by_sentence[s]):
                if pronoun is None or self.fits(person, pronoun):
                    return person
        return None


ORG_LABELS = frozenset({"ORG", "PRODUCT", "FAC"})


def _is_org(name: Span) -> bool:
    if name.label_ in ORG_LABELS or name[-1].lower_ in ORG_SUFFIXES:
        return True
    return not name.label_ and name.root.dep_ in (
        "nsubj",
        "nsubjpass",
        "conj",
        "pobj",
        "poss",
        "dobj",
    )


def _titled_subject(sent: Span) -> bool:
    """Whether the sentence's subject is a person's title with "the" and no
    name ("the colorful congressman who represents Brooklyn")."""
    subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        subj is not None
        and subj.lemma_.lower() in PERSON_TITLES
        and any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children)
        and not any(t.pos_ == "PROPN" for c in subj.lefts for t in c.subtree)
    )


def _as_person(name: Span) -> bool:
    """Whether a name the model tags PERSON is used as one someone may take
    up with "he" or "she": not a word modifying a thing ("a Twitter
    message", "his Twitter account") nor a place one is on ("on Twitter"),
    where the small model often tags a platform PERSON."""
    root = name.root
    if root.dep_ == "compound" and root.head.pos_ == "NOUN":
        return False
    return not (root.dep_ == "pobj" and root.head.lower_ in ("on", "via"))


def _names_a_person(name: Span, canonical: str, full_names: frozenset[str]) -> bool:
    """A name a "he" or "she" may take up: tagged PERSON, or a person the
    article names in full elsewhere, and used as a person (_as_person)."""
    return _as_person(name) and (name.label_ == "PERSON" or canonical in full_names)


# Verbs whose object is the one spoken to ("he told the network's Jane Roe").
ADDRESSING_VERBS = frozenset({"tell", "ask", "inform", "brief", "assure", "warn", "remind"})
# Prepositions that name the one spoken to or with ("said to", "in an
# interview with", "spoke with").
_ADDRESSING_PREPOSITIONS = frozenset({"to", "with"})
_SPEAKING_WORDS = frozenset({"say", "speak", "talk", "write", "interview", "conversation"})


def _is_addressee(name: Span) -> bool:
    """Whether a name is the one spoken to, whom a "he said" or "the
    congressman said" that follows does not take up: the speaker goes on."""
    root = name.root
    if root.dep_ == "dative":
        return True
    if root.dep_ == "dobj":
        return root.head.lemma_.lower() in ADDRESSING_VERBS
    if root.dep_ == "pobj" and root.head.lower_ in _ADDRESSING_PREPOSITIONS:
        return root.head.head.lemma_.lower() in _SPEAKING_WORDS
    return False


def build_resolver(doc: Doc, sentences: list[Span], aliases: Aliases) -> Resolver:
    orgs: list[tuple[str, ...]] = []
    people: list[tuple[str, ...]] = []
    names = name_spans(doc)
    # each name's canonical form, worked out once (names do not overlap)
    canonical = {n.start: aliases.canonical(n.text) for n in names}
    display: dict[str, str] = {}
    for n in names:
        display.setdefault(
            canonical[n.start],
            re.sub(r"^(the|a|an)\s+|[’']s$", "", n.text, flags=re.IGNORECASE),
        )
    by_start = SpanIndex(names)
    genders: dict[str, str] = {}
    for n in names:
        if n.label_ != "PERSON":
            continue
        title = (
            n[0] if n[0].lower_ in GENDERED_TITLES else (n.doc[n.start - 1] if n.start else None)
        )
        if title is not None and title.lower_ in GENDERED_TITLES:
            genders.setdefault(canonical[n.start], GENDERED_TITLES[title.lower_])
    full_names = frozenset(
        canonical[n.start]
        for n in names
        if n.label_ == "PERSON" and len(n) >= 2 and _as_person(n) and n.root.pos_ == "PROPN"
    )
    last_named: str | None = None  # the last person named so far
    for sent in sentences:
        inside = by_start.starting(sent.start, sent.end)
        orgs.append(tuple(canonical[n.start] for n in inside if _is_org(n)))
        named = tuple(
            canonical[n.start]
            for n in inside
            if _names_a_person(n, canonical[n.start], full_names) and not _is_addressee(n)
        )
        if not named and _titled_subject(sent) and last_named is not None:
            # "the congressman" as a subject keeps the last person named in
            # view for a "he" that follows, as the name itself would
            named = (last_named,)
        people.append(named)
        last_named = named[-1] if named else last_named
    return Resolver(
        aliases,
        tuple(orgs),
        tuple(people),
        display,
        tuple(names),
        SpanIndex(doc.ents),
        SpanIndex(doc.noun_chunks),
        genders,
        full_names,
    )


def descriptor_referents(
    chunk: Span, sentence: int, resolver: Resolver, earlier_orgs: tuple[str, ...]
) -> tuple[str, ...]:
    """What a definite description like "the Chinese automaker" or "the two
    firms" refers to, or () if it is not one."""
    text = chunk.text.lower()
    if any(text.startswith(p) for p in PAIR_DESCRIPTORS):
        return resolver.last_pair(sentence, earlier_orgs)
    head = chunk.root
    first = chunk[0].lower_
    if (
        head.lemma_.lower() in ORG_DESCRIPTORS
        and first in ("the", "this", "that")
        and head.tag_ != "NNS"  # "the Internet companies" are not the last one named
        and not any(t.pos_ == "PROPN" for t in chunk)
    ):
        org = resolver.last_org(sentence, earlier_orgs)
        return (org,) if org else ()
    return ()
