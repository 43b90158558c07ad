"""One canonical name per thing across a story."""

from __future__ import annotations

from storyline.article.entities import story_aliases


def test_acronym_after_the_name_is_an_alias():
    aliases = story_aliases(["A deal between Jaguar Land Rover (JLR) and Chery is near."])
    assert aliases.canonical("JLR") == aliases.canonical("Jaguar Land Rover")


def test_acronym_before_the_name_is_an_alias():
    aliases = story_aliases(["JLR (Jaguar Land Rover) is in discussions with Chery."])
    assert aliases.canonical("JLR") == "jaguar land rover"


def test_alias_from_one_article_serves_the_others():
    aliases = story_aliases(
        ["The Trade Remedies Authority (TRA) got no complaints.", "The TRA declined to comment."]
    )
    assert aliases.canonical("the TRA") == "trade remedies authority"


def test_brackets_that_are_not_an_acronym_define_nothing():
    aliases = story_aliases(["Honda (HR-V) sold well."])
    assert aliases.canonical("HR-V") == "hr-v"


def test_demonym_meets_its_country():
    assert story_aliases([]).canonical("Chinese") == story_aliases([]).canonical("China")
