"""One name per speaker across a story's articles (story/speakers.py)."""

from __future__ import annotations

from storyline.model import Mention
from storyline.story.speakers import unify_speakers


def said(doc: str, source: str) -> Mention:
    text = "The council will vote on the library budget next week"
    return Mention(doc, 0, len(text), text, "certain", source=source, source_kind="person")


def test_a_middle_initial_does_not_make_another_speaker():
    out = unify_speakers(
        [said("a", "Maria Santos"), said("b", "Maria L. Santos"), said("c", "Maria Santos")]
    )
    assert {m.source for m in out} == {"Maria Santos"}


def test_titles_and_suffixes_are_not_part_of_the_name():
    out = unify_speakers(
        [
            said("a", "Sen. Maria Santos"),
            said("b", "Maria Santos Jr."),
            said("c", "Maria Santos"),
            said("d", "Maria Santos"),
        ]
    )
    assert {m.source for m in out} == {"Maria Santos"}


def test_on_a_tie_the_fuller_form_is_kept():
    out = unify_speakers([said("a", "Maria Santos"), said("b", "Maria L. Santos")])
    assert {m.source for m in out} == {"Maria L. Santos"}


def test_two_people_who_share_a_surname_stay_two():
    out = unify_speakers([said("a", "Maria Santos"), said("b", "John Santos")])
    assert [m.source for m in out] == ["Maria Santos", "John Santos"]


def test_a_bare_surname_and_a_group_are_left_as_they_are():
    out = unify_speakers(
        [said("a", "Maria Santos"), said("b", "Santos"), said("c", "council officials")]
    )
    assert [m.source for m in out] == ["Maria Santos", "Santos", "council officials"]


def test_a_possessive_is_not_part_of_the_name():
    out = unify_speakers([said("a", "Maria Santos’s"), said("b", "Maria Santos")])
    assert {m.source for m in out} == {"Maria Santos"}
