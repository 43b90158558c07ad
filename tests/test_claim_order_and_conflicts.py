"""Key claims first, and conflicts only between mentions of one proposition."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storyline.model import Article, Claim, Mention
from storyline.pipeline import analyze_articles
from storyline.story.conflicts import conflicts_of

pytestmark = pytest.mark.slow

# Three outlets on one event, written for this test: every outlet carries the
# recall, one adds a detail deep in its text that nobody else mentions.
RECALL = (
    Article(
        "a.txt",
        "Northwind Motors is recalling 40,000 electric vans over a braking fault. "
        "The company said no injuries had been reported. "
        "Dealers will replace the part for free. "
        "The vans were built at its plant in Leeds between 2022 and 2023. "
        "A union official said staff at the plant had raised the fault in 2021.",
        source="Daily Ledger",
    ),
    Article(
        "b.txt",
        "Northwind Motors recalled 40,000 electric vans because of a braking fault, "
        "the company said on Monday. It said it knew of no injuries.",
        source="Morning Wire",
    ),
    Article(
        "c.txt",
        "About 40,000 Northwind electric vans are being recalled over a fault in their brakes. "
        "No injuries have been reported, according to the company.",
        source="City Courier",
    ),
)


def test_the_claim_every_outlet_carries_comes_first():
    dossier = analyze_articles(list(RECALL))
    first = dossier.claims[0]
    assert {m.doc for m in first.mentions} == {"a.txt", "b.txt", "c.txt"}
    assert "recall" in first.text.lower()


def test_claims_are_numbered_in_the_order_they_are_listed():
    dossier = analyze_articles(list(RECALL))
    assert [c.id for c in dossier.claims] == [f"c{i}" for i in range(1, len(dossier.claims) + 1)]
    ids = {c.id for c in dossier.claims}
    assert all(c.claim in ids for c in dossier.conflicts)


def test_a_shared_object_alone_sets_nothing_against_anything():
    # Two different propositions that both mention "the matter": a lawyer
    # hired to look into it, and a denial that it is a security matter.
    dossier = analyze_articles(
        [
            Article(
                "a.txt",
                "The mayor said he had hired an outside firm and a lawyer to look into the matter.",
                source="Daily Ledger",
            ),
            Article(
                "b.txt",
                "The police chief said this is not a national security matter.",
                source="Morning Wire",
            ),
        ]
    )
    assert not [c for c in dossier.conflicts if c.kind == "contradiction"]


def test_a_denial_of_the_same_thing_is_still_a_contradiction():
    dossier = analyze_articles(
        [
            Article(
                "a.txt",
                "A deal between Northwind Motors and Keller Group is nearing completion.",
                source="Daily Ledger",
            ),
            Article("b.txt", "Crucially, no deal has been announced.", source="Morning Wire"),
        ]
    )
    assert [c.kind for c in dossier.conflicts if c.kind == "contradiction"] == ["contradiction"]


def test_not_this_but_that_is_no_denial_of_what_it_shares():
    # "wasn't talking about slashing benefits but slowing their growth" corrects
    # one reading into another: it does not deny that growth would slow.
    def mention(doc: str, text: str, certainty: str) -> Mention:
        return _said(
            doc,
            text,
            certainty,
            terms=("plan", "slow", "rate", "benefit", "growth"),
            weights=(2.0, 0.6, 1.0, 1.0, 1.0),
            entities=("budget office",),
        )

    affirms = mention("a.txt", "the plan would slow the rate of benefit growth", "certain")
    corrects = mention(
        "b.txt",
        "the plan wasn't about slashing benefits but slowing the rate of benefit growth",
        "negated",
    )
    denies = mention("b.txt", "the plan would not slow the rate of benefit growth", "negated")
    assert _kinds(affirms, corrects) == []
    assert "contradiction" in _kinds(affirms, denies)


def _kinds(*mentions: Mention, quoted=lambda m: False) -> list[str]:
    """The kinds of conflict a claim of these mentions raises."""
    claim = Claim("c1", mentions[0].text, "disputed", tuple(mentions))
    return [c.kind for c in conflicts_of(claim, lambda d: d, quoted=quoted)]


def _said(
    doc: str,
    text: str,
    certainty: str,
    cue: str | None = None,
    source: str | None = None,
    terms: tuple[str, ...] = ("mayor", "accept", "responsibility", "decision"),
    weights: tuple[float, ...] = (1.0, 1.0, 1.0, 1.0),
    entities: tuple[str, ...] = ("ann lee",),
) -> Mention:
    return Mention(
        doc=doc,
        start=0,
        end=len(text),
        text=text,
        certainty=certainty,  # type: ignore[arg-type]
        cue=cue,
        source=source,
        terms=terms,
        weights=weights,
        entities=entities,
    )


def test_a_negation_of_something_else_in_the_sentence_is_no_contradiction():
    # "no excuses" denies excuses, not the acceptance the other outlet reports.
    accepts = _said(
        "a.txt", "the mayor said she fully accepts responsibility for the decision", "certain"
    )
    no_excuses = _said(
        "b.txt",
        "the mayor had no excuses for her conduct and fully accepts responsibility "
        "for the decision",
        "negated",
        cue="no",
    )
    assert "contradiction" not in _kinds(accepts, no_excuses)


def test_words_printed_in_quotation_marks_overstate_nothing():
    bare = _said("a.txt", "I accept full responsibility for the decision, the mayor", "certain")
    reported = _said(
        "b.txt", "the mayor accepts responsibility for the decision", "certain", source="reports"
    )
    reported = replace(reported, source_kind="reports")
    assert "overstatement" in _kinds(bare, reported)
    assert "overstatement" not in _kinds(bare, reported, quoted=lambda m: m.doc == "a.txt")


def test_the_same_words_attributed_by_one_outlet_and_bare_in_another_overstate_nothing():
    bare = _said("a.txt", "the mayor fully accepts responsibility for the decision", "certain")
    reported = _said(
        "b.txt",
        "the mayor fully accepts responsibility for the decision",
        "certain",
        source="Ann Lee",
    )
    assert _kinds(bare, reported) == []


def test_a_relative_clause_is_background_not_an_overstatement():
    bare = _said("a.txt", "who accepts responsibility for the decision, the mayor said", "certain")
    reported = _said(
        "b.txt", "the mayor accepts responsibility for the decision", "certain", source="Ann Lee"
    )
    assert _kinds(bare, reported) == []


def test_a_negation_denies_the_word_it_governs_not_one_further_on():
    seen = _said("a.txt", "the mayor is seen in an amateur video grabbing a student", "certain")
    unnamed = _said("b.txt", "the student is not identified in the video", "negated", cue="is not")
    assert "contradiction" not in _kinds(seen, unnamed)


def test_a_denial_verb_denies_its_whole_complement():
    alleged = _said(
        "a.txt", "people allege that the firms give the government a back door", "certain"
    )
    denied = _said(
        "b.txt", "the firms denied they give the government a back door", "negated", cue="denied"
    )
    assert "contradiction" in _kinds(alleged, denied)


def test_a_fact_another_outlet_credits_to_a_person_it_quotes_is_no_overstatement():
    stated = _said("a.txt", "The mayor's district is roughly 35 percent Latino", "certain")
    quoted = _said("b.txt", "her district is 35 percent Latino, a professor said", "certain")
    quoted = replace(quoted, source="Ann Lee", source_kind="person")
    assert _kinds(stated, quoted) == []


def test_stating_what_another_outlet_credits_to_a_report_is_an_overstatement():
    stated = _said(
        "a.txt", "A deal between the mayor and the council is nearing completion", "certain"
    )
    credited = _said(
        "b.txt", "the mayor and the council are in talks on a deal, a paper reported", "certain"
    )
    credited = replace(credited, source="Financial Times", source_kind="outlet")
    assert _kinds(stated, credited) == ["overstatement"]


def test_a_negation_inside_a_condition_denies_nothing():
    affirms = _said("a.txt", "the mayor must prove that she accepts responsibility", "certain")
    conditional = _said(
        "b.txt",
        "if the mayor does not accept responsibility, the council will act",
        "negated",
        cue="not",
    )
    assert "contradiction" not in _kinds(affirms, conditional)


def test_a_bare_infinitive_is_background_not_an_overstatement():
    bare = _said("a.txt", "to take the mayor to task for her decision on responsibility", "certain")
    credited = replace(
        _said("b.txt", "the mayor accepts responsibility for the decision", "hedged"),
        cue="may",
    )
    assert _kinds(bare, credited) == []


def test_a_phrase_cut_from_its_clause_hedges_nothing_another_outlet_states():
    stated = _said("a.txt", "the mayor accepts responsibility for the decision", "certain")
    question = _said(
        "b.txt",
        "of whether the mayor accepts responsibility for the decision",
        "hedged",
        cue="whether",
    )
    assert "overstatement" not in _kinds(stated, question)
    asked = replace(question, text="whether the mayor accepts responsibility for the decision")
    assert "overstatement" in _kinds(stated, asked)


def test_that_may_be_the_case_is_no_hedge_of_a_case_stated():
    # "That" points at something said elsewhere: "case" alone is no shared claim
    stated = _said("a", "The case started a decade ago", "certain", terms=("case",), entities=())
    hedged = _said(
        "b",
        "That could very well be the case, Mr. Ruiz said",
        "hedged",
        cue="could",
        source="Ruiz",
        terms=("case",),
        entities=(),
    )
    claim = Claim("c1", stated.text, "single-source", (stated, hedged))
    assert conflicts_of(claim, lambda doc: doc) == []
