"""Attribution frames the clause splitter finds, on real news phrasings."""

from __future__ import annotations

from storyline.article.entities import Aliases, build_resolver
from storyline.article.mentions import find_mentions, sentences
from storyline.article.nlp import parse


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
    text = (
        "The company cut 500 jobs last year. It was reported that the chief executive would resign."
    )
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


def test_praising_an_object_is_the_subjects_stance():
    m = _mention("The governor praised the ruling on Tuesday.", "praised the ruling")
    assert m.source == "The governor"


def test_denying_an_object_is_attributed_and_negated():
    m = _mention("The company denied the allegations on Friday.", "allegations")
    assert (m.source, m.certainty) == ("The company", "negated")


def test_calling_something_a_name_is_the_callers_claim():
    assert _mention("The president called the report a hoax.", "a hoax").source == "The president"


def test_a_call_for_something_is_the_callers():
    text = "Democrats called for an independent investigation into the firing."
    assert _mention(text, "independent investigation").source == "Democrats"


def test_an_expression_verb_inside_a_quote_yields_to_the_quoting_frame():
    text = "The statement read: the company will not comment on pending litigation."
    assert _mention(text, "pending litigation").source == "The statement"


def test_a_passive_with_an_agent_names_the_agent():
    text = "The bill was criticized by Democrats as a giveaway to the rich."
    assert _mention(text, "giveaway").source == "Democrats"


def test_an_urged_act_is_attributed_and_hedged():
    m = _mention("The mayor urged residents to stay indoors during the storm.", "stay indoors")
    assert (m.source, m.certainty) == ("The mayor", "hedged")


def test_a_wanted_act_is_attributed_and_hedged():
    m = _mention("The company wants to sell its European unit.", "European unit")
    assert (m.source, m.certainty) == ("The company", "hedged")


def test_a_hope_leaves_its_verb_out_of_the_content():
    m = _mention("Investors hope the central bank will cut interest rates.", "cut interest rates")
    assert "hope" not in m.terms


def test_as_someone_put_it_attributes_the_clause():
    text = "The plan, as the senator put it, is dead on arrival."
    assert _mention(text, "dead on arrival").source == "the senator"


def test_as_something_continues_is_no_attribution():
    text = "This move comes as the carmaker continues to expand its presence in Britain."
    assert _mention(text, "expand its presence").source is None


def test_in_someones_words_attributes_the_clause():
    text = "In the governor's words, the budget is a disaster."
    assert _mention(text, "budget is a disaster").source == "the governor"


def test_someones_view_is_that_attributes_the_clause():
    text = "The senator's view is that the tax cut will pay for itself."
    assert _mention(text, "pay for itself").source == "The senator"


def test_a_statement_saying_belongs_to_whoever_issued_it():
    text = "The company issued a statement saying it would appeal the ruling."
    assert _mention(text, "appeal the ruling").source == "The company"


def test_making_an_argument_that_attributes_it():
    text = "Democrats made the argument that the bill is unconstitutional."
    assert _mention(text, "unconstitutional").source == "Democrats"


def test_claims_by_someone_name_their_owner():
    text = "Claims by the campaign that the polls were rigged have been debunked."
    assert _mention(text, "polls were rigged").source == "the campaign"


def test_a_worry_is_attributed_and_hedged():
    m = _mention("Republicans are worried that the bill will raise premiums.", "raise premiums")
    assert (m.source, m.certainty) == ("Republicans", "hedged")


def test_confidence_is_attributed_without_a_hedge():
    m = _mention("The governor is confident that the budget will pass.", "budget will pass")
    assert (m.source, m.certainty) == ("The governor", "certain")


def test_a_speakers_name_before_a_colon_labels_the_words():
    text = "Sen. Elizabeth Warren: Wall Street banks have rigged the system."
    assert _mention(text, "rigged the system").source == "Elizabeth Warren"


def test_evidence_that_suggests_something_is_no_source():
    text = "This growth suggests strong consumer demand for Chinese vehicles."
    assert _mention(text, "consumer demand").source is None
