"""Reading a long article costs the same per word as a short one: the helpers
that replaced whole-doc passes give what those passes gave."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

from spacy.tokens import Doc

from storyline.article import figures
from storyline.article.entities import Aliases, SpanIndex, build_resolver
from storyline.article.mentions import _Names, find_mentions, sentences
from storyline.article.nlp import parse, sentence_chunks
from storyline.model import Article
from storyline.pipeline import read_article

SEED = Path(__file__).resolve().parents[1] / "examples" / "jlr-chery"


def _seed_doc() -> Doc:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEED.glob("*.txt")))
    return parse(text)


def test_span_index_gives_what_span_ents_and_noun_chunks_give():
    doc = _seed_doc()
    ents, chunks = SpanIndex(doc.ents), SpanIndex(doc.noun_chunks)
    for sent in doc.sents:
        for a, b in [(sent.start, sent.end), (sent.start + 1, sent.end - 2)]:
            span = doc[a:b]
            assert [(e.start, e.end, e.label_) for e in ents.within(a, b)] == [
                (e.start, e.end, e.label_) for e in span.ents
            ]
            assert [(c.start, c.end) for c in chunks.within(a, b)] == [
                (c.start, c.end) for c in span.noun_chunks
            ]
            assert [c.start for c in chunks.starting(a, b)] == [
                c.start for c in doc.noun_chunks if a <= c.start < b
            ]


def test_sentence_chunks_are_the_sentence_noun_chunks():
    doc = _seed_doc()
    for sent in doc.sents:
        assert [(c.start, c.end, c.label_) for c in sentence_chunks(sent)] == [
            (c.start, c.end, c.label_) for c in sent.noun_chunks
        ]


def test_line_breaks_start_sentences():
    doc = parse("Talks went on\nChery said no.  \n\n  Then JLR said yes. It did.")
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts[:3] == ["Talks", "Chery", "Then"]


def _last_two_by_hand(names: dict[int, str], start: int, stop: int, skip: frozenset[int]):
    before = [names[i] for i in range(start, stop) if i in names and i not in skip]
    distinct = list(dict.fromkeys(reversed(before)))
    return tuple(reversed(distinct[:2]))


def test_last_two_names_are_what_the_walk_back_finds():
    rng = random.Random(4)
    for _ in range(200):
        names = {i: rng.choice("abc") for i in range(60) if rng.random() < 0.5}
        index = _Names(names)
        start, stop = sorted(rng.sample(range(61), 2))
        skip = frozenset(rng.sample(range(60), rng.randint(0, 6)))
        assert index.last_two(start, stop, skip) == _last_two_by_hand(names, start, stop, skip)


def test_purpose_names_are_capped_and_keep_their_order():
    doc = parse("The firm will invest £5m in Alpha, Beta, Gamma and Delta.")
    cands = [doc[i : i + 1] for i in range(len(doc)) if doc[i].is_title and i > 1]
    names = figures._purpose_names(cands * 5, None)
    assert len(set(names)) <= figures.MAX_PURPOSE_NAMES
    assert list(dict.fromkeys(names)) == list(dict.fromkeys(c.text for c in cands))


def test_a_sentence_that_runs_for_pages_reads_like_its_paragraphs():
    """No full stop for thousands of words (one sentence): the reading is
    the same kind as for the paragraph it repeats, and comes back."""
    paragraph = (
        "Chery said on Tuesday it would invest 500 million pounds in the JLR plant in "
        "Solihull and the firm told reporters that 2000 jobs would follow "
    )
    text = paragraph * 120
    doc = parse(text)
    resolver = build_resolver(doc, sentences(doc), Aliases({}))
    mentions = find_mentions("a.txt", doc, resolver)
    assert mentions
    reading = read_article(Article(id="a.txt", text=text), doc)
    assert len(reading.figures) >= 120
    assert all(f.entity.count(",") < figures.MAX_PURPOSE_NAMES for f in reading.figures)


def test_name_index_on_an_article():
    doc = _seed_doc()
    resolver = build_resolver(doc, sentences(doc), Aliases({}))
    by_token = {t.i: span.text.lower() for span in resolver.names for t in span}
    index = _Names(by_token)
    for sent, skip in itertools.product(list(doc.sents)[:20], [frozenset(), frozenset({3, 4})]):
        for stop in range(sent.start, sent.end, 3):
            assert index.last_two(sent.start, stop, skip) == _last_two_by_hand(
                by_token, sent.start, stop, skip
            )
