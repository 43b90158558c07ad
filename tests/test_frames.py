"""Attribution frames the clause splitter finds, on real news phrasings."""
from __future__ import annotations

from storyline.entities import Aliases, build_resolver
from storyline.mentions import find_mentions, sentences
from storyline.nlp import parse


def _mention(text: str, words: str):
    """The narrowest mention that holds ``words``."""
    doc = parse(text)
    resolver = build_resolver(doc, sentences(doc), Aliases({}))
    found = [m for m in find_mentions("a.txt", doc, resolver) if words in m.text]
    assert found, f"no mention holds {words!r}"
    return min(found, key=lambda m: m.end - m.start)


def test_a_participle_shares_the_subject_of_its_verb():
    text = "The newspaper endorsed the governor, saying she was the most qualified candidate."
    assert _mention(text, "most qualified").source == "The newspaper"


def test_the_verb_it_hangs_on_does_not_take_the_content():
    text = "The newspaper endorsed the governor, saying she was the most qualified candidate."
    assert _mention(text, "endorsed the governor").source is None


def test_said_set_inside_the_sentence_attributes_it():
    text = "The plan, he said, would cost thousands of jobs."
    assert _mention(text, "cost thousands").source == "he"


def test_a_reporting_noun_attributes_its_that_clause_to_its_owner():
    text = "The senator's claim that the election was rigged has no basis."
    assert _mention(text, "election was rigged").source == "The senator"


def test_it_was_reported_names_no_source():
    text = ("The company cut 500 jobs last year. "
            "It was reported that the chief executive would resign.")
    assert _mention(text, "would resign").source is None


def test_a_hope_is_attributed_and_hedged():
    m = _mention("Investors hope the central bank will cut interest rates.", "cut interest rates")
    assert (m.source, m.certainty) == ("Investors", "hedged")


def test_an_accusation_is_the_accusers_claim():
    m = _mention("Democrats accused the governor of hiding the report.", "hiding the report")
    assert m.source == "Democrats"


def test_where_and_to_whom_it_was_said_is_no_claim_of_its_own():
    text = "“The plant will stay open,” the minister told reporters at a briefing in London."
    doc = parse(text)
    found = find_mentions("a.txt", doc, build_resolver(doc, sentences(doc), Aliases({})))
    assert [m.source for m in found] == ["the minister"]
