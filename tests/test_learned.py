"""Issue 11: the learned models load from the package, and the rules that
generalise read news as a reader would."""

from __future__ import annotations

import pytest

from storyline import models
from storyline.article import carry
from storyline.article.certainty import event_features, event_of, grade
from storyline.article.nlp import parse
from storyline.model import Mention


def _grade(sentence: str) -> str:
    return grade(list(parse(sentence)))[0]


def test_linear_models_sum_weights_of_known_features():
    model = {"intercept": [1.0], "weights": {"a": [2.0], "b": [-0.5]}}
    assert models.linear(model, ["a", "b", "unknown", "a"]) == [2.5]
    assert models.softmax([0.0, 0.0]) == [0.5, 0.5]
    assert models.sigmoid(0.0) == 0.5


@pytest.mark.parametrize("name", ["certainty.json", "attribution.json"])
def test_model_files_ship_with_the_package(name):
    model = models.load(name)
    assert model is not None, f"src/storyline/models/{name}: run make train"
    assert model["meta"]["seed"] == 0 and model["meta"]["script"].startswith("train/")


def test_a_missing_model_file_means_rules_alone():
    assert models.load("no-such-model.json") is None


def test_event_features_keep_the_rule_grade_and_its_cue():
    doc = parse("The company may sell the plant.")
    feats = event_features(doc, event_of(doc, 16, 20))
    assert "rule=hedged" in feats and "rule=hedged:cue=may" in feats


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The campaign said that the plan would end Medicare as we know it.", "certain"),
        ("The Ryan proposal would give seniors government payments.", "certain"),
        ("If elected, he would cut taxes.", "hedged"),
        ("He did not rule out the possibility that the photo was of him.", "hedged"),
        ("I can't say with certitude that it is me.", "hedged"),
        ("The program is subject to strict oversight.", "certain"),
        ("The deal is subject to regulatory approval.", "hedged"),
        ("They are limiting the expected rate of growth.", "certain"),
        ("Investors are hoping the bank cuts rates.", "hedged"),
        ("The company denied that it sold the plant.", "negated"),
        ("He refused to testify before the committee.", "certain"),
    ],
)
def test_certainty_rules_read_as_the_article_presents(sentence, expected):
    assert _grade(sentence) == expected


def test_the_carry_over_passes_mentions_through_when_switched_off(monkeypatch):
    monkeypatch.setattr(carry, "ENABLED", False)
    mentions = (
        Mention(doc="a", start=0, end=10, text="x", certainty="certain", source="Smith"),
        Mention(doc="a", start=11, end=20, text="y", certainty="certain", sentence=1),
    )
    assert carry.carry_sources("x" * 30, mentions) == mentions


def test_candidates_are_the_attributed_mentions_around_a_clause():
    said = Mention(
        doc="a", start=0, end=10, text="x", certainty="certain", source="Smith", sentence=0
    )
    own = Mention(doc="a", start=11, end=20, text="y", certainty="certain", sentence=1)
    kinds = [c.kind for c in carry.candidates((said, own), 1)]
    assert kinds == ["prev"]


def _source_of(text: str, words: str) -> str | None:
    from storyline.article.entities import build_resolver, story_aliases
    from storyline.article.mentions import find_mentions, sentences

    doc = parse(text)
    resolver = build_resolver(doc, sentences(doc), story_aliases([text], [doc]))
    for m in find_mentions("a.txt", doc, resolver):
        if words in m.text:
            return m.source
    raise AssertionError(f"no mention holds {words!r}")


def test_a_dateline_is_no_source():
    text = "WASHINGTON -- President Barack Obama said the program was legal."
    assert _source_of(text, "program was legal") == "Barack Obama"


def test_a_title_is_the_person_named_before():
    text = (
        "Representative Anthony Weiner spoke to reporters on Monday. "
        "The congressman said the account had been hacked."
    )
    assert _source_of(text, "account had been hacked") == "Anthony Weiner"


def test_the_official_is_the_official_quoted_before():
    text = (
        "A senior administration official said the program was reviewed by Congress. "
        "The official said the program was subject to strict oversight."
    )
    assert _source_of(text, "strict oversight") == "A senior administration official"
