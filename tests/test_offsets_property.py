"""Whatever the text, every offset in the dossier points at the words it quotes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.model import Article
from storyline.pipeline import analyze_articles

SENTENCES = [
    "The company said on Tuesday it would cut 500 jobs.",
    "According to Reuters, talks are at an early stage.",
    "No deal has been announced, and neither side has confirmed it.",
    "Profits could rise by up to 35 per cent in 2026.",
    "“We are in constructive discussions,” a spokesperson said.",
    "Click here to subscribe to our newsletter.",
    "Why it matters",
    "Is this the end?",
    "Sales grew from 209 in 2024 to 28,232 last year.",
    "",
]
paragraphs = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=8).map(" ".join)
articles = st.lists(
    st.lists(paragraphs, min_size=1, max_size=4).map("\n".join), min_size=1, max_size=3
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles)
def test_every_offset_quotes_its_own_words(texts):
    arts = [Article(f"a{i}.txt", t) for i, t in enumerate(texts) if t.strip()]
    if not arts:
        return
    dossier = analyze_articles(arts)
    text = {d.id: d.text for d in dossier.documents}
    for claim in dossier.claims:
        for m in claim.mentions:
            assert text[m.doc][m.start : m.end] == m.text
    for f in dossier.figures:
        assert text[f.doc][f.start : f.end] == f.text
    for e in dossier.timeline:
        assert 0 <= e.start < e.end <= len(text[e.doc])
