"""Gathering tight groups into the claims a reader follows (story/gathering.py)."""

from __future__ import annotations

import pytest

from storyline.model import Article
from storyline.pipeline import read_articles
from storyline.story.gathering import gather
from storyline.story.grouping import group

pytestmark = pytest.mark.slow

# One event told by two outlets in their own words, written for these tests.
HACK = (
    Article(
        "a.txt",
        "The mayor said his email account was hacked last week. "
        "A hacker broke into the account and sent messages to his staff. "
        "The city will open a new library in the spring.",
        source="Daily Ledger",
    ),
    Article(
        "b.txt",
        "Someone hacked the mayor's email account and sent messages to staff, he said. "
        "The library project was approved by the council.",
        source="Morning Wire",
    ),
)


def _mentions(articles):
    return [m for r in read_articles(articles) for m in r.mentions]


def _claims(articles):
    groups = group(_mentions(articles))
    return groups, [
        [m for k in part for m in groups[k].mentions]
        for part in gather([g.mentions for g in groups])
    ]


def test_every_tight_group_lands_in_exactly_one_claim():
    groups = group(_mentions(HACK))
    parts = gather([g.mentions for g in groups])
    assert sorted(k for part in parts for k in part) == list(range(len(groups)))


def test_other_words_for_one_event_are_gathered_into_one_claim():
    _, claims = _claims(HACK)
    hacked = [c for c in claims if any("hack" in m.text for m in c)]
    assert len(hacked) == 1, [[m.text for m in c] for c in hacked]
    assert {m.doc for m in hacked[0]} == {"a.txt", "b.txt"}


def test_an_unrelated_statement_stays_a_claim_of_its_own():
    _, claims = _claims(HACK)
    hacked = next(c for c in claims if any("hack" in m.text for m in c))
    assert not any("library" in m.text for m in hacked)


def test_a_denial_is_never_gathered_with_affirmations_of_its_topic():
    articles = (
        Article("a.txt", "The mayor said his email account was hacked last week.", source="X"),
        Article("b.txt", "The mayor's email account was not hacked, the police said.", source="Y"),
        Article(
            "c.txt", "His email account was hacked last week, the mayor told reporters.", source="Z"
        ),
    )
    mentions = [m for m in _mentions(articles) if "account" in m.text]
    assert sorted(m.certainty == "negated" for m in mentions) == [False, False, True]
    parts = gather([[m] for m in mentions])  # each mention a tight group of its own
    polarities = [{mentions[k].certainty == "negated" for k in part} for part in parts]
    assert all(len(p) == 1 for p in polarities), parts
    assert len(parts) == 2, "the two affirmations are one claim, the denial another"


def test_a_claim_is_worded_by_a_whole_statement_rather_than_a_fragment():
    from storyline.model import Mention
    from storyline.pipeline import _wording

    def said(doc: str, text: str) -> Mention:
        return Mention(doc, 0, len(text), text, "certain")

    fragment = [said("a.txt", "involving the council"), said("b.txt", "involving the council")]
    whole = [said("a.txt", "The council will vote on the library budget next week")]
    assert _wording([fragment[0], whole[0]], [fragment, whole]) == whole[0].text


def test_a_claim_is_worded_by_a_whole_sentence_rather_than_a_relative_clause():
    from storyline.model import Mention
    from storyline.pipeline import _wording

    def said(doc: str, text: str) -> Mention:
        return Mention(doc, 0, len(text), text, "certain")

    relative = said("a.txt", "which was approved by voters in 2022 and allows late-night trading")
    whole = said("b.txt", "Voters approved the measure in 2022, and it allows late-night trading")
    assert _wording([relative], [[relative, whole]]) == whole.text


def test_a_claim_is_worded_by_a_main_clause_rather_than_a_participle_opening_one():
    from storyline.model import Mention
    from storyline.pipeline import _wording

    def said(doc: str, text: str) -> Mention:
        return Mention(doc, 0, len(text), text, "certain")

    participle = said("a.txt", "Asked about those remarks on the CBS News program on Sunday")
    whole = said("b.txt", "The senator said on Sunday that the remarks were well over the line")
    assert _wording([participle], [[participle, whole]]) == whole.text
