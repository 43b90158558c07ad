"""Whose act or stance a clause in the article's own voice tells
(article/holders.py), and that it leaves the source and verdict alone."""

from __future__ import annotations

from dataclasses import replace

from storyline.article.entities import Aliases, build_resolver
from storyline.article.mentions import find_mentions, sentences
from storyline.article.nlp import parse
from storyline.model import Mention
from storyline.render._common import attribution
from storyline.story.verdicts import verdict_of


def _mention(text: str, words: str) -> Mention:
    doc = parse(text)
    found = find_mentions("a.txt", doc, build_resolver(doc, sentences(doc), Aliases({})))
    return next(m for m in found if words in m.text)


def test_a_refusal_told_as_fact_is_held_by_who_refuses():
    m = _mention("Senator Ann Ruiz refuses to release her tax returns.", "tax returns")
    assert (m.source, m.holder, m.holder_kind) == (None, "Ann Ruiz", "person")


def test_a_road_that_reopened_has_no_holder():
    m = _mention("The bridge reopened to traffic on Monday after two years of repairs.", "bridge")
    assert m.holder is None


def test_what_a_source_says_keeps_its_source_and_no_holder():
    m = _mention("Ruiz said the plan would cut taxes.", "cut taxes")
    assert (m.source, m.holder) == ("Ruiz", None)


def test_a_holder_leaves_the_verdict_of_a_stated_fact_alone():
    text = "Senator Ann Ruiz refuses to release her tax returns."
    stated = Mention("a", 0, len(text), text, "certain", terms=("tax", "returns"))
    held = replace(stated, holder="Ann Ruiz", holder_kind="person", holder_start=0, holder_end=16)
    assert verdict_of([held]) == verdict_of([stated]) == "single-source"


def test_the_reader_sees_whose_act_a_stated_fact_is():
    text = "Senator Ann Ruiz refuses to release her tax returns."
    held = Mention("a", 0, len(text), text, "certain", holder="Ann Ruiz", holder_kind="person")
    assert attribution(held) == "own voice; Ann Ruiz's act or stance"
