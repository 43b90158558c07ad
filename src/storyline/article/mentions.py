"""Mentions: the claim-bearing clauses of one article, with certainty and source."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from storyline.article import certainty as _certainty
from storyline.article.carry import Candidate, carry_sources
from storyline.article.clauses import Clause, Frame, split
from storyline.article.entities import Resolver, SpanIndex, descriptor_referents
from storyline.article.frames import document_owner
from storyline.article.holders import assign_holders
from storyline.article.quotes import enclosing, quotations
from storyline.lexicon.attribution import LEMMA_FIXES, PICTURE_NOUNS, QUOTE_VERBS, REPORTING_VERBS
from storyline.lexicon.certainty import (
    HEDGE_MODALS,
    HEDGE_VERBS,
    HEDGE_WORDS,
    INTENTION_VERBS,
    NEGATING_DETERMINERS,
    NEGATING_SUBJECTS,
    NEGATORS,
)
from storyline.lexicon.names import DEMONYMS, FIRST_PERSON, GROUP_PRONOUNS, PERSON_PRONOUNS
from storyline.lexicon.names import RELATIVE_PRONOUNS as _RELATIVE_PRONOUNS
from storyline.lexicon.page import MASTHEAD_WORDS
from storyline.lexicon.sources import (
    ANONYMITY_WORDS,
    DOCUMENT_NOUNS,
    OUTLET_DESCRIPTORS,
    PARTITIVE_WORDS,
    PERSON_TITLES,
    REPORT_SOURCE_WORDS,
    REPORTED_ADVERBS,
    UNNAMED_SOURCE_WORDS,
)
from storyline.lexicon.terms import DETERMINERS as _DETERMINERS
from storyline.lexicon.terms import LIGHT_WORDS, SYNONYMS
from storyline.measure.quantities import find_quantities
from storyline.model import Mention

_YEAR = re.compile(r"^(1[89]\d\d|20\d\d|2100)$")
_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "PROPN"})
# How much a word tells what a claim is about, by part of speech: nouns name
# the thing ("deal", "talks", "tariffs"), verbs and adjectives vary more
# between outlets telling the same thing.
POS_WEIGHT = {"NOUN": 1.0, "PROPN": 1.0, "VERB": 0.6, "ADJ": 0.5}
# The subject noun is what a clause is about ("the deal is pending", "no
# deal has been announced"): it weighs double.
THEME_WEIGHT = 2.0
# Figures at least this large become terms of their clause ("£500m" in two
# outlets); small counts ("two firms") are too common to tell claims apart.
FIGURE_TERM_MIN = 100
# Words in a source longer than this are cut at the first comma: "Jane
# Smith, Professor of Economics at ..." is "Jane Smith".
SOURCE_MAX_WORDS = 6
_OPENING_QUOTES = frozenset({"“", '"', "‘", "«"})
_TRIM = frozenset({",", ";", ":", "—", "–", "-", "(", ")", "and", "but", "or", "."})


def sentences(doc: Doc) -> list[Span]:
    """Sentences with text in them (masked text leaves blank ones)."""
    return [s for s in doc.sents if any(t.is_alpha for t in s)]


def is_claim_sentence(sent: Span) -> bool:
    text = sent.text.strip()
    if text.endswith("?") or not any(t.pos_ in ("VERB", "AUX") for t in sent):
        return False
    if (
        sent.root.tag_ == "VB"
        and sent.root.i == sent.start
        and not any(c.dep_ == "nsubj" for c in sent.root.children)
    ):
        return False  # an imperative: "Add one more layer of context."
    return sum(t.is_alpha for t in sent) >= 4


def _acts_as_verb(t: Token) -> bool:
    """A verb, or a word the tagger slipped on that the parser still gives a
    subject and a clause of its own (a verb after "only ever" tagged RB)."""
    if t.pos_ in ("VERB", "AUX"):
        return True
    return (
        t.dep_ in ("ccomp", "conj", "advcl", "ROOT")
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < t.i for c in t.children)
        and t.pos_ in ("ADV", "NOUN")
    )


def _span_of(doc: Doc, token_ids: tuple[int, ...]) -> tuple[int, int] | None:
    toks = [doc[i] for i in token_ids if not doc[i].is_space]
    while toks and (toks[0].lower_ in _TRIM or toks[0].is_punct):
        toks.pop(0)
    while (
        toks
        and (toks[-1].lower_ in _TRIM or toks[-1].is_punct)
        and toks[-1].text not in ("”", '"', ")")
    ):
        toks.pop()
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def name_source(
    doc: Doc,
    frame: Frame,
    resolver: Resolver,
    sent_index: int,
    previous: tuple[str, str] | None = None,
    earlier: Sequence[tuple[str, str]] = (),
) -> tuple[str, str]:
    """The source of a frame, as a reader would name it, and its kind.
    ``previous`` is the source of the sentence before, which a pronoun
    ("he added", "they said") most often continues; ``earlier`` the sources
    named before in the article, latest last, which a definite description
    ("the official") takes up."""
    frame = without_dateline(doc, frame)
    span = doc[frame.source_start : frame.source_end]
    if len(span) == 2 and span[0].lower_ in _FOCUS_ADVERBS:  # "even he acknowledged"
        frame = replace(frame, source_start=frame.source_start + 1)
        span = doc[frame.source_start : frame.source_end]
    root = span.root
    if len(span) == 1 and (antecedent := _antecedent(root)) is not None:
        # "the senator, who said ...": the source is the senator.
        noun = replace(frame, source_start=antecedent[0], source_end=antecedent[1])
        return name_source(doc, noun, resolver, sent_index, previous, earlier)
    if len(span) == 1 and root.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
        if (
            previous is not None
            and (root.lower_ not in PERSON_PRONOUNS or previous[1] in ("person", "other"))
            and resolver.fits(resolver.aliases.canonical(previous[0]), root)
        ):
            return previous
        if root.lower_ in PERSON_PRONOUNS:
            person = resolver.last_person(sent_index, before=root)
            if person is not None:
                return resolver.display.get(person, person.title()), "person"
            # A name the model did not tag PERSON may still have spoken:
            # the last person quoted so far ("Hutchinson said ... He added").
            spoke = next(
                (
                    e
                    for e in reversed(earlier)
                    if e[1] == "person"
                    and e[0].lower() not in _SOURCE_PRONOUNS
                    and resolver.fits(resolver.aliases.canonical(e[0]), root)
                ),
                None,
            )
            return spoke if spoke is not None else (span.text, "person")
        org = resolver.last_org(sent_index)
        return (resolver.display.get(org, org) if org else span.text), "organisation"
    of = _partitive_of(root)
    if of is not None:
        # "a number of the Internet companies said", "most of the lawmakers":
        # the source is the group a part of which spoke.
        group = replace(frame, source_start=of.left_edge.i, source_end=of.right_edge.i + 1)
        return name_source(doc, group, resolver, sent_index, previous, earlier)
    if _DOMAIN.match(root.text):
        return root.text, "outlet"  # "a commentator's Example.com reported"
    ents = resolver.ents_in(span)
    head = next((e for e in ents if e.start <= root.i < e.end), None)
    if head is not None and head.label_ == "PERSON":
        return head.text, "person"
    described_by_title = _title_referent(span, root, resolver, sent_index, earlier)
    if described_by_title is not None:
        return described_by_title
    if head is not None and head.label_ in ("ORG", "GPE", "NORP", "FAC"):
        name = re.sub(r"^the\s+", "", head.text, flags=re.IGNORECASE)
        return name, "outlet" if name.split()[-1].lower() in MASTHEAD_WORDS else "organisation"
    words = {t.lower_ for t in span}
    if words & ANONYMITY_WORDS:
        return _short(span), "unnamed"
    if root.lower_ in REPORT_SOURCE_WORDS or root.lower_ in _PIECE_WORDS:
        publisher = _outlet_of_piece(root, resolver)
        if publisher is not None:  # "a Washington Post report": the Post's
            return publisher
    if root.lower_ in REPORT_SOURCE_WORDS:
        return _short(span), "reports"
    named = next((e for e in ents if e.label_ == "PERSON"), None)
    if named is not None:  # "Professor Jane Smith", "the company's chief, Jane Smith"
        return named.text, "person"
    described = _described(root)
    if (outlet := _outlet_described(span, root)) is not None:
        return outlet
    if (author := _document_author(doc, span, root, resolver, sent_index)) is not None:
        return author
    chunk = next((c for c in resolver.chunks_in(span) if c.root.i == root.i), None)
    if chunk is not None:  # "the company said": the company named before
        refs = descriptor_referents(chunk, sent_index, resolver, ())
        if refs:
            return resolver.display.get(refs[0], refs[0]), "organisation"
    if root.lower_ in UNNAMED_SOURCE_WORDS:
        speaks_for = _speaks_for(root, resolver)
        if speaks_for is not None:  # "a spokesperson for Google": on the record
            return f"{described} {speaks_for}", "organisation"
        return described, "unnamed"
    return described, "person" if root.pos_ == "PROPN" else "other"


# How many tokens back "the letter" looks for the letter it takes up.
DOCUMENT_LOOKBACK = 200


def _document_author(
    doc: Doc, span: Span, root: Token, resolver: Resolver, sent_index: int
) -> tuple[str, str] | None:
    """ "The letter said ...", "the statement said": who put out the letter
    or statement named before ("In letters sent in October, the minister
    told ...", "the campaign answered with an ad"), unless the press at large."""
    lemma = root.lemma_.lower()
    if lemma not in DOCUMENT_NOUNS or span[0].lower_ not in ("the", "this", "that"):
        return None
    if len(span) > 3 or any(t.pos_ == "PROPN" for t in span):
        return None
    for t in reversed(doc[max(0, span.start - DOCUMENT_LOOKBACK) : span.start]):
        if t.lemma_.lower() != lemma or t.pos_ != "NOUN":
            continue
        owner = document_owner(t)
        if owner is None:
            return None
        source = doc[owner.left_edge.i : owner.right_edge.i + 1]
        if any(x.i == root.i for x in source):
            return None
        name, kind = name_source(doc, Frame.over(owner, owner), resolver, sent_index)
        return (name, kind) if kind != "reports" else None
    return None


# A web address used as a name ("Example.com first reported ...").
_DOMAIN = re.compile(r"^[a-z][\w-]*\.(?:com|org|net|news|co\.uk)$", re.IGNORECASE)
# How many tokens back "the site" looks for the web address it stands for.
OUTLET_LOOKBACK = 150


def _outlet_described(span: Span, root: Token) -> tuple[str, str] | None:
    """ "The site said ...", "the magazine posted ...": the outlet named
    before with the same word ("Newsweek magazine", "Example.com, a
    website run by ...") or, for a site, the web address named last."""
    lemma = root.lemma_.lower()
    if lemma not in OUTLET_DESCRIPTORS or span[0].lower_ not in ("the", "this"):
        return None
    if any(t.pos_ == "PROPN" for t in span):
        return None
    family = OUTLET_DESCRIPTORS[lemma]
    doc = span.doc
    for t in reversed(doc[max(0, span.start - OUTLET_LOOKBACK) : span.start]):
        if t.lemma_.lower() in family and t.pos_ == "NOUN":
            head = t.head
            if (
                t.dep_ == "appos"
                and head.i < t.i
                and (head.pos_ == "PROPN" or _DOMAIN.match(head.text))
            ):
                return head.text, "outlet"  # "Example.com, a website"
            named = [c for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
            if named:  # "Newsweek magazine"
                return doc[named[0].i : named[-1].i + 1].text, "outlet"
        if "site" in family and _DOMAIN.match(t.text):
            return t.text, "outlet"
    return None


# What an outlet publishes, named by the outlet before it ("a Guardian
# newspaper report", "the Washington Post article", "Reuters' story").
_PIECE_WORDS = frozenset({"article", "story", "investigation", "report", "reports", "reporting"})


def _outlet_of_piece(root: Token, resolver: Resolver) -> tuple[str, str] | None:
    """Who published a report named before its noun, and its kind: "a
    Washington Post report" is the Washington Post's, "a Pentagon report" the
    Pentagon's. None where no organisation is named there."""
    left = [c for c in root.lefts if c.dep_ in ("compound", "poss", "nmod", "amod")]
    if not left:
        return None
    start = min(c.left_edge.i for c in left)
    for e in resolver.ents_in(root.doc[start : root.i]):
        name = re.sub(r"^the\s+|[’']s$", "", e.text, flags=re.IGNORECASE)
        masthead = bool(name.split()) and name.split()[-1].lower() in MASTHEAD_WORDS
        if masthead or e.label_ in ("ORG", "WORK_OF_ART"):
            return name, "outlet" if masthead or e.label_ == "WORK_OF_ART" else "organisation"
    return None


def _speaks_for(root: Token, resolver: Resolver) -> str | None:
    """ "for Google" in "a spokesperson for Google", "at the ministry" is not
    a name: the named body an official or spokesperson speaks for, if any."""
    prep = next((c for c in root.rights if c.dep_ == "prep" and c.lower_ == "for"), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    if prep is None or obj is None:
        return None
    if not any(
        e.label_ in ("ORG", "GPE", "NORP") for e in resolver.ents_in(root.doc[obj.i : obj.i + 1])
    ):
        return None
    return root.doc[prep.i : obj.right_edge.i + 1].text


_DASHES = frozenset({"--", "—", "–", "-", "---"})
# Pronouns that may stand as a source until resolved ("he said").
_SOURCE_PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | FIRST_PERSON
# Focus adverbs the parser leaves in a one-word source ("even he", "only she").
_FOCUS_ADVERBS = frozenset({"even", "only", "also", "too", "again"})


def _partitive_of(root: Token) -> Token | None:
    """The group in "a number of the companies", "most of the lawmakers"."""
    if root.lower_ not in PARTITIVE_WORDS:
        return None
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def without_dateline(doc: Doc, frame: Frame) -> Frame:
    """The frame without a dateline the parser took into its source:
    "WASHINGTON -- Senator Santos said ..." is Santos's, not Washington's."""
    start, end = frame.source_start, frame.source_end
    i = start
    while i < end - 1 and doc[i].is_upper and doc[i].is_alpha and len(doc[i]) >= 3:
        i += 1
        while (
            i < end - 1 and (doc[i].is_upper or doc[i].text == ",") and doc[i].text not in _DASHES
        ):
            i += 1
        if doc[i].text in _DASHES and i + 1 < end:
            return replace(frame, source_start=i + 1)
        break
    return frame


_DESCRIBING_POS = frozenset({"ADJ", "ADV", "CCONJ", "PUNCT"})
# How many sources back "the former official" looks for "a former ...".
DESCRIPTION_LOOKBACK = 6


def _title_referent(
    span: Span,
    root: Token,
    resolver: Resolver,
    sent_index: int,
    earlier: Sequence[tuple[str, str]],
) -> tuple[str, str] | None:
    """ "the congressman", "the speaker": the last person named; "the
    official": the last earlier source described by the same noun ("a senior
    administration official"). None for anything else."""
    if root.pos_ != "NOUN" or span[0].lower_ not in ("the", "this", "that"):
        return None
    # "the blunt and sometimes prickly senator who chairs the panel":
    # what describes the noun does not make it someone else
    clauses = {t.i for c in root.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    core = [t for t in span if t.i not in clauses]
    words = [t for t in core if t.i != root.i and t.i != span[0].i]
    if any(t.pos_ == "PROPN" for t in core) or (
        len(core) > 3 and not all(t.pos_ in _DESCRIBING_POS for t in words)
    ):
        return None
    noun = root.lower_
    for name, kind in reversed(earlier):
        # the head noun of "a senior official", "a spokesperson for Google"
        described = name.lower().split(" for ")[0].split()
        if kind in ("unnamed", "other", "person", "organisation") and described[-1:] == [noun]:
            if len(name.split()) > 1:
                return name, kind
    # "A former state fraud prosecutor said ... The former official
    # said ...": another noun, but the same described person, named by the
    # word that describes both, taken up from an unnamed description
    shared = {t.lower_ for t in words if t.pos_ == "ADJ"}
    if shared and (noun in UNNAMED_SOURCE_WORDS or noun in PERSON_TITLES):
        for name, kind in reversed(earlier[-DESCRIPTION_LOOKBACK:]):
            described = name.lower().split()
            if described[0] in ("a", "an") and kind in ("unnamed", "other"):
                if shared & set(described):
                    return name, kind
    if noun in PERSON_TITLES:
        # The person quoted last, else the person named last before this sentence.
        quoted = next((e for e in reversed(earlier) if e[1] == "person"), None)
        if quoted is not None:
            return quoted
        person = resolver.last_person(sent_index - 1) if sent_index > 0 else None
        if person is not None:
            return resolver.display.get(person, person.title()), "person"
    return None


def _antecedent(pronoun: Token) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun subject stands for, without the
    relative clause: "the senator, who said ..." -> "the senator"."""
    if pronoun.lower_ not in _RELATIVE_PRONOUNS:
        return None
    clause = next((a for a in pronoun.ancestors if a.dep_ == "relcl"), None)
    if clause is None or clause.head.pos_ not in ("NOUN", "PROPN"):
        return None
    noun = clause.head
    end = clause.left_edge.i
    while end > noun.i + 1 and noun.doc[end - 1].is_punct:
        end -= 1
    return noun.left_edge.i, max(end, noun.i + 1)


def _described(root: Token) -> str:
    """A source named by description: its head noun with the words before it
    ("a company spokeswoman", "some former employees"), without the clauses
    and phrases that follow."""
    left = [
        c
        for c in root.lefts
        if c.dep_ in ("det", "amod", "compound", "nummod", "poss", "nmod", "quantmod")
    ]
    start = min((c.left_edge.i for c in left), default=root.i)
    # A phrase set off by a comma is not part of the name ("As such,
    # independent fact-checkers"), however the parser attached it.
    commas = [t.i for t in root.doc[start : root.i] if t.text in (",", ";", ":", "(", "—", "--")]
    if commas:
        start = commas[-1] + 1
    return root.doc[start : root.i + 1].text


def _short(span: Span) -> str:
    text = span.text.strip()
    if len(text.split()) > SOURCE_MAX_WORDS and "," in text:
        text = text.split(",")[0]
    return text


def _is_theme(t: Token) -> bool:
    """A determined subject noun ("the deal", "no deal", "this agreement") is
    what its clause is about; a bare one ("production", "manufacturers") is
    generic and says less."""
    return (
        t.pos_ == "NOUN"
        and t.dep_ in ("nsubj", "nsubjpass")
        and any(
            c.dep_ in ("det", "poss") and (c.lower_ in _DETERMINERS or c.dep_ == "poss")
            for c in t.children
        )
    )


class _Names:
    """The article's name tokens (token index -> canonical name), and the two
    latest distinct names before a point, found without walking back over
    the sentence: a sentence may be as long as the article."""

    def __init__(self, names: dict[int, str]) -> None:
        self.of = names
        self._pos = sorted(names)
        self._at = [names[i] for i in self._pos]
        # for each name token, the nearest name token before it with another name
        self._prev_other: list[int] = []
        for k, name in enumerate(self._at):
            j = k - 1
            if j >= 0 and self._at[j] == name:
                j = self._prev_other[j]
            self._prev_other.append(j)

    def last_two(self, start: int, stop: int, skip: frozenset[int]) -> tuple[str, ...]:
        """What a description between tokens ``start`` and ``stop`` may point
        back to: of the names there (tokens in ``skip`` aside), in text
        order, the last name and the distinct one before it. The same
        answer descriptor_referents gives as for all of those names."""
        lo = bisect_left(self._pos, start)
        k = bisect_left(self._pos, stop) - 1
        last: str | None = None
        while k >= lo:
            if self._pos[k] in skip:
                k -= 1
            elif last is None:
                last, k = self._at[k], self._prev_other[k]
            elif self._at[k] != last:
                return (self._at[k], last)
            else:
                k = self._prev_other[k]
        return () if last is None else (last,)


def _terms(
    doc: Doc,
    tokens: list[Token],
    names: _Names,
    resolver: Resolver,
    sent_index: int,
    sent_start: int,
    chunks: dict[int, Span],
    earlier: frozenset[int],
) -> tuple[dict[str, float], tuple[str, ...], tuple[str, ...]]:
    """Content terms, canonical entities and years of a clause (``chunks``:
    the noun chunks of its sentence, by their first token)."""
    terms: dict[str, float] = {}
    entities: list[str] = []
    years: list[str] = []
    own = {t.i for t in tokens}
    resolved: set[int] = set()
    for i in sorted(own):
        ch = chunks.get(i)
        if ch is not None:
            before = names.last_two(sent_start, ch.start, earlier)
            refs = descriptor_referents(ch, sent_index, resolver, before)
            entities.extend(refs)
            if refs:
                resolved.update(t.i for t in ch)
    for t in tokens:
        if t.i in resolved:
            continue
        if t.i in names.of:
            entities.append(names.of[t.i])
            continue
        low = t.lower_
        if _YEAR.match(t.text):
            years.append(t.text)
            continue
        if low in DEMONYMS:
            entities.append(DEMONYMS[low])
            continue
        if t.pos_ not in _CONTENT_POS or t.is_stop or not t.is_alpha:
            continue
        lemma = t.lemma_.lower()
        if t.dep_ in ("acomp", "attr") and t.head.lemma_ == "be" and t.pos_ in POS_WEIGHT:
            # "The partnership isn't new": the predicate is what is asserted.
            terms[lemma] = 1.0
            continue
        if (
            lemma in LIGHT_WORDS
            or low in LIGHT_WORDS
            or low in HEDGE_WORDS
            or low in HEDGE_MODALS
            or low in NEGATORS
        ):
            continue
        term = SYNONYMS.get(lemma, SYNONYMS.get(low, lemma))
        weight = POS_WEIGHT[t.pos_] * (THEME_WEIGHT if _is_theme(t) else 1.0)
        terms[term] = max(terms.get(term, 0.0), weight)
    return terms, tuple(dict.fromkeys(entities)), tuple(dict.fromkeys(years))


def find_mentions(doc_id: str, doc: Doc, resolver: Resolver) -> tuple[Mention, ...]:
    """Every claim-bearing clause of a parsed article."""
    by_token: dict[int, str] = {}
    for span in resolver.names:
        canonical = resolver.aliases.canonical(span.text)
        for t in span:
            by_token[t.i] = canonical
    names = _Names(by_token)
    chunks = resolver.chunks if resolver.chunks is not None else SpanIndex(doc.noun_chunks)
    mentions: list[Mention] = []
    previous: tuple[str, str] | None = None  # the source of the previous sentence
    earlier: list[tuple[str, str]] = []  # every source named so far
    text = doc.text  # built anew by every call: read it once per article
    quoted = quotations(text)
    sents = sentences(doc)
    for index, sent in enumerate(sents):
        if not is_claim_sentence(sent):
            # "He added:" introduces the quotation that follows, "Smith
            # said." tags the one before; other sentences that state nothing
            # break the chain, save a question inside a quotation, which
            # its speaker asks ("“What happens to your pension then? ...”").
            introduced = _introduced_speaker(doc, sent, index, resolver, previous)
            if introduced is not None or enclosing(quoted, _first_char(sent)) is None:
                previous = introduced
            continue
        sent_chunks = {c.start: c for c in chunks.starting(sent.start, sent.end)}
        found = [
            m
            for clause in split(sent)
            if (
                m := _mention(
                    doc_id,
                    doc,
                    text,
                    sent,
                    index,
                    clause,
                    names,
                    resolver,
                    sent_chunks,
                    previous,
                    earlier,
                )
            )
            is not None
        ]
        quote = enclosing(quoted, _first_char(sent))
        if quote is not None and all(_speaker_open(m) for m in found):
            # A sentence inside a quotation is its speaker's: the one named
            # where the quotation closes ("..., she said") or, failing that,
            # the one quoted just before. "I think ..." in it is theirs too.
            speaker = _closing_speaker(
                doc, text, sents, index, quote, resolver, previous, tuple(earlier)
            )
            # every mention here waits for its speaker (checked above)
            if speaker is not None:
                name, kind, start, end = speaker
                found = [
                    replace(m, source=name, source_kind=kind, source_start=start, source_end=end)
                    for m in found
                ]
            elif previous is not None:
                found = [replace(m, source=previous[0], source_kind=previous[1]) for m in found]
        if previous is not None:
            # "I think ..." outside a quotation that names its speaker: the
            # speaker quoted before, as a quotation running on is
            found = [
                replace(m, source=previous[0], source_kind=previous[1])
                if m.source is not None and _first_person(m.source)
                else m
                for m in found
            ]
        mentions.extend(found)
        previous = next(((m.source, m.source_kind or "other") for m in found if m.source), None)
        if previous is None:
            previous = _colon_speaker(doc, text, sents, index, resolver, tuple(earlier))
        earlier.extend((m.source, m.source_kind or "other") for m in found if m.source)
    subjects = [
        None if m.source is not None else _subject_candidate(doc, m, resolver) for m in mentions
    ]
    return assign_holders(text, carry_sources(text, mentions, subjects), subjects)


def _first_char(sent: Span) -> int:
    """Where the sentence's text starts, past any leading space."""
    return sent.start_char + len(sent.text) - len(sent.text.lstrip())


def _first_person(source: str) -> bool:
    """A source that is the speaker's own "I" or "we" (the "'s" of "let's"
    too), which whoever is quoted stands for."""
    return source.lower() in FIRST_PERSON or source in ("'s", "’s")


def _speaker_open(m: Mention) -> bool:
    """Whether a mention inside a quotation still waits for its speaker: it
    has no source, or only the speaker's own "I" or "we" ("I can't help but
    think that ..."), which the one quoted stands for."""
    return m.source is None or _first_person(m.source)


# Subjects that name no one: an expletive, a relative or demonstrative pronoun.
_NO_SOURCE_SUBJECTS = frozenset({"it", "there", "this", "that", "what", "which", "who", "these"})
_SUBJECT_LEXICA = (
    ("report", REPORTING_VERBS),
    ("quote", QUOTE_VERBS),
    ("hedgeverb", HEDGE_VERBS),
    ("intent", INTENTION_VERBS),
)


def _subject_candidate(doc: Doc, m: Mention, resolver: Resolver) -> Candidate | None:
    """The subject of a clause's own verb, as a source the carry-over model
    may give the clause ("Trump pooh-poohed the consensus that ..."), with
    features of that verb."""
    head = _certainty.event_of(doc, m.start, m.end)
    if head is None or head.pos_ not in ("VERB", "AUX"):
        return None
    verb = head
    subj = _subject_of(verb)
    if subj is None and verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if (
        subj is None
        or subj.lower_ in _NO_SOURCE_SUBJECTS
        or subj.pos_
        not in (
            "NOUN",
            "PROPN",
            "PRON",
        )
    ):
        return None
    if subj.lemma_.lower() in PICTURE_NOUNS:
        return None  # "the photo showed ...": a picture is no source
    if subj.lower_ in NEGATING_SUBJECTS or any(
        c.lower_ in NEGATING_DETERMINERS and c.dep_ in ("det", "preconj") for c in subj.children
    ):
        return None  # "neither company has confirmed ...": the article's own denial
    frame = Frame.over(subj, verb)
    name, kind = name_source(doc, frame, resolver, m.sentence)
    lemma = LEMMA_FIXES.get(verb.lower_, verb.lemma_.lower())
    extra = [
        f"verb={lemma}",
        f"subjpos={subj.pos_}",
        f"subjdep={subj.dep_}",
        f"subjent={subj.ent_type_ or '-'}",
        f"tag={verb.tag_}",
        f"skind={kind}",
    ]
    extra += [f"lex={name_}" for name_, words in _SUBJECT_LEXICA if lemma in words]
    extra += sorted({f"has={c.dep_}" for c in verb.children if c.dep_ in _SUBJECT_DEPS})
    src = doc[frame.source_start : frame.source_end]
    return Candidate(
        kind="subj",
        source=name,
        source_kind=kind,
        source_start=src.start_char,
        source_end=src.end_char,
        sentence=m.sentence,
        start=m.start,
        certainty=m.certainty,
        cued=False,
        extra=tuple(extra),
    )


_SUBJECT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "prep", "advcl", "neg", "aux", "dative"})


def _introduced_speaker(
    doc: Doc, sent: Span, index: int, resolver: Resolver, previous: tuple[str, str] | None
) -> tuple[str, str] | None:
    """The speaker of a sentence that only names who spoke ("Smith said:",
    "He added.", "said Smith, to applause."), who the quotation around it
    belongs to; None for any other sentence."""
    frame = _tag_frame(sent)
    return None if frame is None else name_source(doc, frame, resolver, index, previous)


def _closing_speaker(
    doc: Doc,
    text: str,
    sents: list[Span],
    index: int,
    quote: tuple[int, int],
    resolver: Resolver,
    previous: tuple[str, str] | None,
    earlier: Sequence[tuple[str, str]] = (),
) -> tuple[str, str, int, int] | None:
    """The speaker named where a quotation closes ("“... it hurts,” she
    said."), in the tag that follows it ("“... hurts!” Smith said.") or in a
    sign-off after a dash ("“... hurts.” ― Jane Roe"): source, kind and its
    offsets."""
    signed = _sign_off(doc, text, quote[1], resolver)
    if signed is not None:
        return signed
    # the first sentence after this one that the quotation does not run past
    # (found by bisection: walking a long open quotation from every sentence
    # in it was quadratic); the loop ends there, one way or another
    first = bisect_left(sents, quote[1], lo=index + 1, key=lambda s: s.end_char)
    for later_index in range(first, len(sents)):
        later = sents[later_index]
        if later.start_char >= quote[1]:
            if text[quote[1] : later.start_char].strip():
                return None
            frame = _tag_frame(later)
        else:
            frames = (c.frame for c in split(later) if c.frame is not None and not c.frame.negated)
            frame = next((f for f in frames if doc[f.source_start].idx >= quote[1]), None)
        if frame is None:
            return None
        source, kind = name_source(doc, frame, resolver, later_index, previous, earlier)
        src = doc[frame.source_start : frame.source_end]
        return source, kind, src.start_char, src.end_char
    return None


_SIGN_OFF = re.compile(r"[ \t]*(?:―|—|–|--)[ \t]*")


def _sign_off(
    doc: Doc, text: str, end: int, resolver: Resolver
) -> tuple[str, str, int, int] | None:
    """A name signing off a quotation after a dash ("“...” ― Jane Roe", as
    collected readers' and voters' comments are printed)."""
    dash = _SIGN_OFF.match(text, end)
    if dash is None:
        return None
    at = doc.char_span(dash.end(), min(len(text), dash.end() + 1), alignment_mode="expand")
    if at is None or not len(at):
        return None
    ents = resolver.ents.starting(at.start, at.start + 1) if resolver.ents is not None else []
    name = next((e for e in ents if e.label_ in ("PERSON", "ORG")), None)
    if name is None:
        return None
    kind = "person" if name.label_ == "PERSON" else "organisation"
    return name.text, kind, name.start_char, name.end_char


_SPEAKING_KINDS = frozenset({"person", "organisation", "outlet"})


def _colon_speaker(
    doc: Doc,
    text: str,
    sents: list[Span],
    index: int,
    resolver: Resolver,
    earlier: Sequence[tuple[str, str]],
) -> tuple[str, str] | None:
    """Who a quotation introduced by a colon belongs to where the sentence
    that introduces it has no reporting verb ("the senator used the same
    language against her rival:" and a quotation opening the next paragraph): its
    subject, where that names a person, an organisation or an outlet."""
    sent = sents[index]
    if not sent.text.rstrip().endswith(":") or index + 1 >= len(sents):
        return None
    if not text[sents[index + 1].start_char :].lstrip().startswith(tuple(_OPENING_QUOTES)):
        return None
    subj = _subject_of(sent.root)
    if subj is None or subj.lower_ in FIRST_PERSON:
        return None
    name, kind = name_source(doc, Frame.over(subj, sent.root), resolver, index, None, earlier)
    return (name, kind) if kind in _SPEAKING_KINDS else None


def _subject_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _tag_frame(sent: Span) -> Frame | None:
    """ "Smith said.", "said Smith, to applause.": a sentence that only names
    who spoke (a reporting verb heading it, with a subject and no content)."""
    v = sent.root
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if v.lemma_ not in QUOTE_VERBS or subj is None or subj.lower_ in FIRST_PERSON:
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in v.children):
        return None
    return Frame.over(subj, v)


def _mention(
    doc_id: str,
    doc: Doc,
    text: str,
    sent: Span,
    index: int,
    clause: Clause,
    names: _Names,
    resolver: Resolver,
    chunks: dict[int, Span],
    previous: tuple[str, str] | None,
    earlier: Sequence[tuple[str, str]] = (),
) -> Mention | None:
    content = [doc[i] for i in clause.content if not doc[i].is_space]
    if sum(t.is_alpha for t in content) < 3:
        return None
    # A clause states something through a verb; a sentence without one (a
    # headline) may still state something through its nouns.
    if not any(_acts_as_verb(t) for t in content) and (
        clause.head != sent.root.i
        or doc[clause.head].pos_ in ("VERB", "AUX")  # its verb frames another clause
        or not any(t.pos_ == "NOUN" for t in content)
    ):
        return None
    span = _span_of(doc, clause.tokens)
    if span is None:
        return None
    grade, cue = _certainty.grade(content)
    source = kind = None
    source_span: tuple[int | None, int | None] = (None, None)
    if clause.frame is not None:
        if clause.frame.doubted:
            grade, cue = "hedged", doc[clause.frame.cue].text
        elif clause.frame.negated and grade == "hedged" and cue in ("whether", "if"):
            pass  # "would not say whether X": X is left open, not denied
        elif clause.frame.negated:
            grade, cue = "negated", doc[clause.frame.cue].text
        else:
            frame = without_dateline(doc, clause.frame)
            src = doc[frame.source_start : frame.source_end]
            if len(src) == 1 and src[0].lower_ in FIRST_PERSON:
                # "I think ...": whoever is quoted saying it; find_mentions
                # names them (the quotation's speaker, else the one before).
                source, kind = src[0].text, "person"
            else:
                source, kind = name_source(doc, frame, resolver, index, previous, earlier)
            source_span = (src.start_char, src.end_char)
            if clause.frame.denial:
                grade, cue = "negated", doc[clause.frame.cue].text
            elif clause.frame.hedged and grade == "certain":
                grade, cue = "hedged", doc[clause.frame.cue].text
    if source is None and any(t.lower_ in REPORTED_ADVERBS and t.dep_ == "advmod" for t in content):
        # "Skype can reportedly be monitored": the article passes on what
        # unnamed reports say; a reader asks "reported by whom?"
        source, kind = "reports", "reports"
    frame_tokens = frozenset(clause.tokens) - frozenset(clause.content)
    if clause.frame is not None and clause.frame.negated:
        # "neither X nor Y has confirmed that ...": the article's own denial is about X and Y.
        content = content + [
            doc[i] for i in range(clause.frame.source_start, clause.frame.source_end)
        ]
    terms, entities, years = _terms(
        doc, content, names, resolver, index, sent.start, chunks, frame_tokens
    )
    for q in find_quantities(text, span[0], span[1]):
        if q.value >= FIGURE_TERM_MIN and not (q.unit or "").startswith(
            ("day", "week", "month", "year")
        ):
            # The same figure in two outlets is strong evidence of one claim.
            terms.setdefault(f"={q.value:g}", 1.0)
    return Mention(
        doc=doc_id,
        start=span[0],
        end=span[1],
        text=text[span[0] : span[1]],
        certainty=grade,
        source=source,
        source_kind=kind,
        cue=cue,
        sentence=index,
        source_start=source_span[0],
        source_end=source_span[1],
        terms=tuple(terms),
        weights=tuple(terms.values()),
        entities=entities,
        years=years,
    )
