"""Whose act or stance a clause in the article's own voice tells (issue 11).

"Trump refuses to release his tax returns", "Clinton unveiled a list of
endorsements", "the Security Council imposed sweeping new sanctions": the
article states these as facts, so their source stays the article's own
voice (the eval contract, shared/eval/README.md) and their verdict is
unchanged; but the refusal, the unveiling and the sanctions are their
subject's, and PolNeAR's annotators attribute them to it. The *holder* is that
subject, named as a source would be; a reader sees whose stance a stated fact
reports.

A logistic model (src/storyline/models/holder.json, trained by
train/train_holder.py on PolNeAR train, threshold chosen on PolNeAR dev)
scores a clause's own verb's subject from the features the carry-over uses
(carry.features, through carry.probability: the verb's lemma and lexicon
class, the subject's part of speech, entity type and source kind,
quotation marks, person, length).
"""

from __future__ import annotations

from collections.abc import Sequence

from storyline import models
from storyline.article.carry import Candidate, probability
from storyline.article.quotes import quotations
from storyline.model import Mention

HOLDER_MODEL = "holder.json"
# Switched off by train/train_holder.py, which learns from the unheld output
# and collects every article's clauses and subjects in RECORDED.
ENABLED = True
RECORDED: list[tuple[str, tuple[Mention, ...], list[Candidate | None]]] | None = None


def assign_holders(
    text: str, mentions: Sequence[Mention], subjects: Sequence[Candidate | None]
) -> tuple[Mention, ...]:
    """``mentions`` with a holder on each clause in the article's own voice
    whose verb's subject (``subjects``, one per mention or None) the model
    takes for the one whose act or stance it is. Unchanged without the file."""
    if RECORDED is not None:
        RECORDED.append((text, tuple(mentions), list(subjects)))
    model = models.load(HOLDER_MODEL) if ENABLED else None
    if model is None:
        return tuple(mentions)
    threshold = float(model["meta"]["threshold"])
    quoted = quotations(text)
    out = list(mentions)
    for i, (m, subj) in enumerate(zip(mentions, subjects, strict=True)):
        if m.source is not None or subj is None:
            continue
        if probability(model, text, quoted, mentions, i, subj) >= threshold:
            out[i] = subj.as_holder(m)
    return tuple(out)
