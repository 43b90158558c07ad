"""Infer what an article without metadata says about itself: its outlet and
its publication date (to the year, where relative dates allow it)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from storyline.lexicon.page import MASTHEAD_WORDS
from storyline.measure.dates import normalise_date
from storyline.model import Inferred, Skipped

_WIRE = re.compile(r"\((Reuters|AP|AFP|Bloomberg|PA|UPI|Xinhua|dpa|ANSA|EFE)\)")
_WIRE_NAMES = {"AP": "Associated Press", "AFP": "Agence France-Presse", "PA": "PA Media"}
_NAME = r"[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4}"
# "AutoDaily can save you ...": a promotion names its own outlet first.
_SELF_PROMO = re.compile(rf"^\s*({_NAME})\s+(?:can|will|has|is|brings|helps|offers|gives)\b")
_FIRST_PLURAL = re.compile(r"\b(?:we|we[’']ll|we[’']ve|we[’']re|our|us)\b", re.IGNORECASE)
_MASTHEAD = re.compile(
    rf"\b((?:[A-Z][\w&'’.-]*\s+){{0,4}}(?:{'|'.join(w.title() for w in MASTHEAD_WORDS)}))\b"
)
_COPYRIGHT = re.compile(rf"(?:©|\(c\)|copyright)\s*(?:\d{{4}}\s+)?({_NAME})", re.IGNORECASE)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_LAST_YEAR = re.compile(r"\blast year\b", re.IGNORECASE)
_FUTURE_PREPS = frozenset({"by", "until", "till", "through", "before"})


def infer_outlet(text: str, skipped: tuple[Skipped, ...]) -> Inferred | None:
    """The outlet, where the article names itself: a wire dateline, a
    promotion of its own, a masthead in a first-person-plural sentence, or a
    copyright line."""
    m = _WIRE.search(text[:600])
    if m:
        name = m.group(1)
        return Inferred(_WIRE_NAMES.get(name, name), "wire dateline", m.group(), m.start(), m.end())
    for s in skipped:
        if s.kind == "advert":
            m = _SELF_PROMO.match(s.text)
            if m:
                return Inferred(
                    m.group(1),
                    "self-promotion",
                    s.text.strip()[:120],
                    s.start + m.start(1),
                    s.start + m.end(1),
                )
    for m in re.finditer(r"[^.!?\n]+[.!?]?", text):
        sentence = m.group()
        if not _FIRST_PLURAL.search(sentence):
            continue
        mast = _MASTHEAD.search(sentence)
        if mast and len(mast.group(1).split()) >= 2:
            start = m.start() + mast.start(1)
            return Inferred(
                mast.group(1),
                "first-person masthead",
                sentence.strip()[:160],
                start,
                start + len(mast.group(1)),
            )
    m = _COPYRIGHT.search(text)
    if m:
        return Inferred(m.group(1), "copyright line", m.group(), m.start(), m.end())
    return None


def _past_years(doc: Doc) -> list[tuple[int, int, int]]:
    """(year, start, end) of years the text puts in the past."""
    found = []
    for t in doc:
        if not _YEAR.fullmatch(t.text):
            continue
        if t.dep_ == "pobj" and t.head.lower_ in _FUTURE_PREPS:
            continue
        verb = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
        sent_root = t.sent.root
        tags = {verb.tag_ if verb is not None else "", sent_root.tag_}
        if any(
            c.lower_ in ("will", "’ll", "'ll") for c in (verb.children if verb is not None else [])
        ):
            continue
        if tags & {"VBD", "VBN"}:
            found.append((int(t.text), t.idx, t.idx + len(t)))
    return found


_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DATE_WORDS = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
)
# A byline date: "Published 4 March 2026", "Updated: March 4, 2026", or a
# date alone on one of the first lines.
_BYLINE_DATE = re.compile(
    r"^\s*(?:(?:published|updated|posted|first published|last updated)\b[^\n\d]{0,20})?"
    rf"({_DATE_WORDS})\b[^\n]{{0,40}}$",
    re.IGNORECASE | re.MULTILINE,
)
BYLINE_LINES = 6  # how far down a byline date may stand


def infer_date(doc: Doc) -> Inferred | None:
    """The publication date: a byline date near the top, else the year from
    relative-year references (infer_year)."""
    head = "\n".join(doc.text.split("\n")[:BYLINE_LINES])
    m = _BYLINE_DATE.search(head)
    if m:
        value = normalise_date(m.group(1), None)
        if value:
            return Inferred(value, "byline", m.group().strip(), m.start(1), m.end(1))
    return infer_year(doc)


def infer_year(doc: Doc) -> Inferred | None:
    """The publication year, where the article says "last year" of events it
    also dates: the latest year it puts in the past is last year, so it was
    published the year after."""
    last = _LAST_YEAR.search(doc.text)
    if not last:
        return None
    years = _past_years(doc)
    if not years:
        return None
    year, start, end = max(years)
    evidence = f"“{doc.text[last.start() : last.end()]}” beside events dated up to {year}"
    return Inferred(str(year + 1), "relative-year", evidence, start, end)
