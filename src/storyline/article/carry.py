"""Learned carry-over of sources (issue 11): who says a clause the rules left
in the article's own voice.

The rules attribute a clause through a frame in its sentence ("X said ...")
or a quotation's speaker. News also runs one attribution over several
sentences and paragraphs without repeating the frame ("... Smith said. The
plan would cost jobs. It was rushed."), puts frames outside the clause
("continued to allege that ..."), and reports what people do and think
through verbs no lexicon lists ("Trump pooh-poohed the consensus that ...").
For each clause the rules left unattributed this module takes candidate
sources: the nearest attributed mention of the same sentence, the last one
before it (up to MAX_BACK sentences back), the first of the next sentence,
and the subject of the clause's own verb. A logistic model
(src/storyline/models/attribution.json, trained by train/train_attribution.py
on PolNeAR train, threshold chosen on PolNeAR dev) scores each candidate from
what storyline computed (distance, paragraph break, quotation marks, first and
third person, the candidate's source kind, the verb's lemma and lexicon
class); the best one above the threshold becomes the clause's source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from storyline import models
from storyline.article.quotes import enclosing, quotations
from storyline.model import Mention

ATTRIBUTION_MODEL = "attribution.json"
MAX_BACK = 4
# Switched off by train/train_attribution.py, which learns from the rules'
# own output and collects every article's candidates in RECORDED.
ENABLED = True
RECORDED: list[tuple[str, tuple[Mention, ...], list[list[Candidate]]]] | None = None
_WORD = re.compile(r"[a-z']+")
_FIRST = frozenset({"i", "we", "my", "our", "me", "us", "i'm", "we're", "i've", "we've"})
_THIRD = frozenset({"he", "she", "they", "his", "her", "their", "him", "them"})
_OPEN_QUOTES = ("“", '"', "‘", "«", "``")


@dataclass(frozen=True)
class Candidate:
    """A source a clause may carry, and where it comes from."""

    kind: str  # "same", "prev", "next" (an attributed mention) or "subj"
    source: str
    source_kind: str
    source_start: int | None
    source_end: int | None
    sentence: int
    start: int  # where the mention it comes from starts
    certainty: str
    cued: bool
    extra: tuple[str, ...] = ()  # features of its own ("subj": the verb)

    def as_source(self, m: Mention) -> Mention:
        """``m`` attributed to this candidate."""
        return replace(
            m,
            source=self.source,
            source_kind=self.source_kind,
            source_start=self.source_start,
            source_end=self.source_end,
        )

    def as_holder(self, m: Mention) -> Mention:
        """``m`` in its article's voice, telling this candidate's act or stance."""
        return replace(
            m,
            holder=self.source,
            holder_kind=self.source_kind,
            holder_start=self.source_start,
            holder_end=self.source_end,
        )


def _from_mention(kind: str, p: Mention) -> Candidate:
    return Candidate(
        kind=kind,
        source=p.source or "",
        source_kind=p.source_kind or "other",
        source_start=p.source_start,
        source_end=p.source_end,
        sentence=p.sentence,
        start=p.start,
        certainty=p.certainty,
        cued=p.cue is not None,
    )


# A clause's own subject is offered as its source unless its verb is a deed
# the article states as fact: disclosure ("X announced plans to ...", "revealed
# a deal") and backing ("X endorsed Y"), as lexicon/attribution.py's
# OBJECT_REPORTING_VERBS note and the seed story's gold read them.
DEED_VERBS = frozenset(
    {
        "announce",
        "reveal",
        "unveil",
        "disclose",
        "release",
        "publish",
        "launch",
        "endorse",
        "support",
        "back",
        "sign",
        "approve",
        "open",
        "establish",
    }
)


# Of the subjects, only those whose verb frames content are offered: a clausal
# complement ("Trump questioned whether ...") or a verb of saying, thinking or
# wanting. What a subject does ("the EU imposed tariffs") is the article's
# statement of fact, as the dev stories' gold reads it.
_FRAMING = frozenset({"has=ccomp", "lex=report", "lex=quote", "lex=hedgeverb"})


def offered(cand: Candidate) -> bool:
    """Whether a candidate may be offered: any attributed mention; a subject
    whose verb frames content and is no deed."""
    if cand.kind != "subj":
        return True
    extra = set(cand.extra)
    if any(x.startswith("verb=") and x[5:] in DEED_VERBS for x in extra):
        return False
    return bool(extra & _FRAMING)


def candidates(
    mentions: Sequence[Mention], i: int, subject: Candidate | None = None
) -> list[Candidate]:
    """The sources ``mentions[i]`` may carry: attributed mentions around it
    and ``subject`` (its own verb's subject, found by the caller)."""
    m = mentions[i]
    out: list[Candidate] = []
    same = [p for p in mentions if p.sentence == m.sentence and p.source is not None]
    if same:
        near = min(same, key=lambda p: min(abs(p.start - m.end), abs(m.start - p.end)))
        out.append(_from_mention("same", near))
    before = [
        p
        for p in mentions
        if p.source is not None and m.sentence - MAX_BACK <= p.sentence < m.sentence
    ]
    if before:
        out.append(_from_mention("prev", max(before, key=lambda p: (p.sentence, p.start))))
    after = [p for p in mentions if p.source is not None and p.sentence == m.sentence + 1]
    if after:
        out.append(_from_mention("next", min(after, key=lambda p: p.start)))
    if subject is not None and offered(subject):
        out.append(subject)
    return out


def features(
    text: str,
    quoted: list[tuple[int, int]],
    mentions: Sequence[Mention],
    i: int,
    cand: Candidate,
) -> list[str]:
    """Binary features of giving ``cand``'s source to ``mentions[i]``."""
    m = mentions[i]
    kind = cand.kind
    d = min(abs(m.sentence - cand.sentence), MAX_BACK)
    lo, hi = sorted((min(m.end, cand.start), max(m.start, cand.start)))
    between = text[lo:hi] if kind != "subj" else ""
    para = "\n" in between
    mq = enclosing(quoted, m.start)
    cq = enclosing(quoted, cand.start)
    words = _WORD.findall(m.text.lower().replace("’", "'"))
    first = words[0] if words else ""
    skipped = sum(
        1
        for p in mentions
        if p.source is None and lo <= p.start < hi and p is not m and p.sentence != m.sentence
    )
    ck = cand.source_kind
    f = [
        f"c={kind}",
        f"c={kind}:d={d}",
        f"c={kind}:para={para}",
        f"c={kind}:kind={ck}",
        f"c={kind}:mq={mq is not None}",
        f"c={kind}:cq={cq is not None}",
        f"c={kind}:mq={mq is not None}:cq={cq is not None}",
        f"c={kind}:samequote={mq is not None and mq == cq}",
        f"c={kind}:skipped={min(skipped, 3)}",
        f"c={kind}:para={para}:mq={mq is not None}",
        f"m:cert={m.certainty}",
        f"c={kind}:cert={cand.certainty}",
        f"c={kind}:ccue={cand.cued}",
    ]
    f += [f"c={kind}:{x}" for x in cand.extra]
    if set(words) & _FIRST:
        f += ["m:first", f"c={kind}:m:first"]
    if set(words) & _THIRD:
        f += ["m:third", f"c={kind}:m:third"]
    if first in _THIRD or first in _FIRST:
        f.append(f"c={kind}:m:starts={first}")
    if m.text.lstrip().startswith(_OPEN_QUOTES):
        f.append(f"c={kind}:m:opens_quote")
    src_words = set(_WORD.findall(cand.source.lower())) - {"the", "a", "of", "mr", "ms"}
    if kind != "subj" and src_words & set(words):
        f.append(f"c={kind}:m:names_source")
    line = text.rfind("\n", 0, m.start) + 1
    if not text[line : m.start].strip():
        f.append(f"c={kind}:m:paragraph_start")
    f.append(f"m:len={min(len(words) // 8, 4)}")
    return f


def carry_sources(
    text: str,
    mentions: Sequence[Mention],
    subjects: Sequence[Candidate | None] = (),
) -> tuple[Mention, ...]:
    """``mentions`` with the sources the model gives the clauses the rules
    left unattributed (``subjects``: each mention's verb subject, or None).
    Unchanged without the model file."""
    subjects = list(subjects) or [None] * len(mentions)
    if RECORDED is not None:
        RECORDED.append(
            (
                text,
                tuple(mentions),
                [
                    candidates(mentions, i, subjects[i]) if m.source is None else []
                    for i, m in enumerate(mentions)
                ],
            )
        )
    model = models.load(ATTRIBUTION_MODEL) if ENABLED else None
    if model is None:
        return tuple(mentions)
    threshold = float(model["meta"]["threshold"])
    quoted = quotations(text)
    out = list(mentions)
    for i, m in enumerate(mentions):
        if m.source is not None:
            continue
        best: tuple[float, Candidate] | None = None
        for cand in candidates(mentions, i, subjects[i]):
            p = probability(model, text, quoted, mentions, i, cand)
            if best is None or p > best[0]:
                best = (p, cand)
        if best is not None and best[0] >= threshold:
            out[i] = best[1].as_source(m)
    return tuple(out)


def probability(
    model: dict[str, Any],
    text: str,
    quoted: list[tuple[int, int]],
    mentions: Sequence[Mention],
    i: int,
    cand: Candidate,
) -> float:
    """How likely a binary model over ``features`` finds ``cand`` right for
    ``mentions[i]``."""
    return models.sigmoid(models.linear(model, features(text, quoted, mentions, i, cand))[0])
