"""How certain a sentence makes its words, read from real news sentences."""

from __future__ import annotations

from storyline.article.certainty import event_features, event_of, grade_certainty, grade_event
from storyline.article.entities import Aliases, build_resolver
from storyline.article.mentions import find_mentions, sentences
from storyline.article.nlp import parse


def _of(sentence: str, words: str) -> str:
    start = sentence.index(words)
    return grade_certainty(sentence, start, start + len(words))


def test_no_guarantee_leaves_the_deal_open():
    sentence = "There’s no guarantee talks between Chery and JLR will result in a deal"
    assert grade_certainty(sentence) == "hedged"


def test_no_deal_announced_is_a_denial():
    assert grade_certainty("no deal has been announced") == "negated"


def test_a_plain_statement_is_certain():
    assert grade_certainty("the two firms are in the early discussions") == "certain"


def test_potential_sticking_points_are_hedged():
    sentence = "the UK’s high energy and labour costs are potential sticking points"
    assert grade_certainty(sentence) == "hedged"


def test_pending_confirmation_is_hedged():
    assert grade_certainty("The deal is still pending official confirmation from JLR") == "hedged"


def test_what_a_company_wants_to_do_is_open():
    assert _of("The carmaker wants to sell its Halewood plant to Chery.", "sell") == "hedged"


def test_what_a_company_refused_to_do_did_not_happen():
    assert _of("JLR refused to sign the agreement.", "sign") == "negated"


def test_what_began_to_happen_happened():
    assert _of("Shares began to fall after the announcement.", "fall") == "certain"


def test_a_cancelled_event_did_not_happen():
    assert _of("The planned visit was cancelled after the talks stalled.", "visit") == "negated"


def test_cannot_denies_where_could_hedges():
    assert _of("Chery could build cars at Halewood.", "build") == "hedged"
    assert _of("Chery cannot build cars at Halewood.", "build") == "negated"


def test_what_a_source_says_happened_keeps_its_certainty():
    assert _of("JLR said the plant closed in March.", "closed") == "certain"


def test_the_object_of_a_denied_abandonment_stands():
    assert _of("JLR is not abandoning its pursuit of the deal.", "pursuit") == "certain"


def test_the_rules_read_what_is_called_for_as_not_happened_yet():
    # The rules' reading, which the learned model takes as evidence. UW's
    # annotators grade 16 of 26 "called for X" events in train as certain,
    # so the learned grade of such an event may be "certain".
    sentence = "The government called for the release of the prisoners."
    doc = parse(sentence)
    start = sentence.index("release")
    event = event_of(doc, start, start + len("release"))
    assert event is not None and grade_event(doc, event)[0] == "hedged"


def test_could_not_denies_rather_than_hedges():
    assert (
        grade_certainty("The inspectors could not find any trace of the missing files") == "negated"
    )


def test_could_alone_still_hedges():
    assert grade_certainty("The inspectors could find traces of the missing files") == "hedged"


def test_would_under_says_reports_a_plan_rather_than_hedging_it():
    sentence = "The governor says he would use the money to repair the state's bridges"
    assert _of(sentence, "use the money") == "certain"


def test_nothing_but_states_the_exception():
    assert grade_certainty("Pensioners would be left with nothing but a voucher") != "negated"


def test_no_crime_except_states_the_exception():
    assert grade_certainty("She has committed no crime except to follow me online") == "certain"


def test_being_widely_considered_is_a_common_view_not_a_hedge():
    assert grade_certainty("The senator is still widely considered a top contender") == "certain"


def test_considering_a_sale_leaves_it_open():
    assert grade_certainty("The company is considering a sale of the plant") == "hedged"


def _features(sentence: str, words: str) -> list[str]:
    doc = parse(sentence)
    start = sentence.index(words)
    event = event_of(doc, start, start + len(words))
    assert event is not None
    return event_features(doc, event)


def test_a_preposition_of_refusal_reverses_the_event_for_the_model():
    feats = _features(
        "For the moment, he has decided against seeking a white knight for the bank.", "seeking"
    )
    assert "chain:reversed=odd" in feats


def test_two_reversals_undo_each_other_for_the_model():
    feats = _features("The union did not refuse to sign the agreement.", "sign")
    assert "chain:reversed=even" in feats


def _mentions(text: str):
    doc = parse(text)
    return find_mentions("a.txt", doc, build_resolver(doc, sentences(doc), Aliases({})))


def _mention_certainty(text: str, words: str) -> str:
    for m in _mentions(text):
        if words in m.text:
            return m.certainty
    raise AssertionError(f"no mention holds {words!r}")


def test_would_stating_what_a_plan_does_is_stated():
    text = (
        "Under the plan, the two senators would limit the government's commitment to the program."
    )
    assert _mention_certainty(text, "limit the government") == "certain"


def test_would_be_an_evaluation_still_hedges():
    text = "The plant would be one of the very few sites capable of building the engines."
    assert _mention_certainty(text, "very few sites") == "hedged"


def test_would_under_a_condition_still_hedges():
    text = "The agency would raise rates if inflation kept climbing."
    assert _mention_certainty(text, "raise rates") == "hedged"


def test_would_have_done_still_hedges():
    text = "The senator would have cut the program by a third to pay for the tax cuts."
    assert _mention_certainty(text, "cut the program") == "hedged"


def test_a_negation_describing_a_noun_leaves_the_clause_standing():
    text = (
        "The congressman is under fire after a video surfaced of him mocking a rival as a "
        "farmer who never went to law school."
    )
    assert _mention_certainty(text, "under fire") == "certain"


def test_a_modal_describing_a_noun_leaves_the_clause_stated():
    text = "Services that can be monitored include email, video calls and stored files."
    assert _mention_certainty(text, "include email") == "certain"


def test_a_relative_clause_of_its_own_keeps_its_modal():
    text = "The new rules, which could take effect in May, were published on Friday."
    grades = {m.text: m.certainty for m in _mentions(text)}
    assert grades["which could take effect in May"] == "hedged"


def test_a_relative_clause_of_its_own_keeps_its_negation():
    text = "The senator, who never went to law school, chairs the judiciary committee."
    grades = {m.text: m.certainty for m in _mentions(text)}
    assert grades["who never went to law school"] == "negated"
    assert _mention_certainty(text, "chairs the judiciary") == "certain"
