"""Verdicts and conflicts exactly as the eval README defines them."""

from __future__ import annotations

from storyline.model import Claim, Mention
from storyline.story.conflicts import conflicts_of
from storyline.story.relay import relay_sources
from storyline.story.verdicts import verdict_of


def m(
    doc: str,
    certainty: str = "certain",
    source: str | None = None,
    start: int = 0,
    terms: tuple[str, ...] = ("deal", "complete"),
) -> Mention:
    return Mention(
        doc=doc,
        start=start,
        end=start + 10,
        text="x" * 10,
        certainty=certainty,
        source=source,
        terms=terms,
        entities=("acme",),
    )


def test_two_articles_in_their_own_voice_corroborate():
    assert verdict_of([m("a"), m("b")]) == "corroborated"


def test_one_article_in_its_own_voice_is_single_source():
    assert verdict_of([m("a"), m("a", start=20), m("b", "hedged")]) == "single-source"


def test_only_attributed_is_reported():
    assert verdict_of([m("a", source="Financial Times"), m("b", "hedged")]) == "reported"


def test_only_hedged_is_speculative():
    assert verdict_of([m("a", "hedged")]) == "speculative"


def test_affirmed_and_negated_is_disputed():
    assert verdict_of([m("a"), m("b", "negated")]) == "disputed"


def test_only_negated_is_denied():
    assert verdict_of([m("a", "negated")]) == "denied"


def test_lede_restating_an_attributed_claim_takes_its_source():
    relayed = relay_sources([m("a"), m("a", source="Financial Times", start=20)])
    assert {x.source for x in relayed} == {"Financial Times"}


def _kinds(mentions) -> set[str]:
    claim = Claim("c1", "a deal", verdict_of(mentions), tuple(mentions))
    return {c.kind for c in conflicts_of(claim, lambda d: d)}


def test_affirmed_in_one_article_and_negated_in_another_is_a_contradiction():
    assert "contradiction" in _kinds([m("a"), m("b", "negated")])


def test_own_voice_fact_where_others_hedge_is_an_overstatement():
    assert "overstatement" in _kinds([m("a"), m("b", "hedged"), m("c", "negated")])


def test_agreeing_articles_raise_no_conflict():
    assert _kinds([m("a"), m("b"), m("c", source="Reuters")]) == set()


def test_a_denial_sharing_only_a_name_is_no_contradiction():
    assert _kinds([m("a"), m("b", "negated", terms=("talk", "comment", "commercial"))]) == set()


def test_compatible_durations_in_other_words_are_no_numeric_conflict():
    import storyline

    text_a = "Its UK plants were shut down for a month-and-a-half after a cyber attack in October."
    text_b = (
        "The company suffered a blow in 2025 "
        "when a cyberattack halted production for over five weeks."
    )
    from storyline.model import Article
    from storyline.pipeline import analyze_articles

    dossier = analyze_articles([Article("a.txt", text_a), Article("b.txt", text_b)])
    assert not [c for c in dossier.conflicts if c.kind == "numeric"]
    assert storyline.Dossier is type(dossier)


def test_incompatible_figures_for_one_quantity_are_a_numeric_conflict():
    from storyline.model import Article
    from storyline.pipeline import analyze_articles

    text_a = "The factory in Leeds employs 2,700 people, the company said in a statement."
    text_b = "The factory in Leeds employs 3,500 people, the company said in a statement."
    dossier = analyze_articles([Article("a.txt", text_a), Article("b.txt", text_b)])
    assert [c.kind for c in dossier.conflicts] == ["numeric"]
