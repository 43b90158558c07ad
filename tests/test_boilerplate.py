"""Adverts, readers' comments and headings are skipped, never read as claims."""

from __future__ import annotations

from storyline.article.boilerplate import find_skipped, mask

ARTICLE = (
    "The two firms are in early discussions, according to the newspaper.\n"
    "AutoDaily can save you thousands on a new car. Click here to get a great deal.\n\n"
    "Why This Matters: Production and Jobs\n"
    "The plant employs 3,000 people and has capacity to spare.\n"
    "There is no evidence that a deal has been signed.\n\n"
    "One Response\n"
    "Really is pathetic! They will end up destroying every job left!\n"
)


def _kinds(text: str) -> dict[str, str]:
    return {s.kind: s.text for s in find_skipped("a.txt", text)}


def test_call_to_action_line_is_an_advert():
    assert _kinds(ARTICLE)["advert"].startswith("AutoDaily can save you thousands")


def test_readers_comments_after_a_response_count_are_skipped():
    assert "destroying every job" in _kinds(ARTICLE)["comment"]


def test_short_unpunctuated_line_is_a_heading():
    assert _kinds(ARTICLE)["heading"] == "Why This Matters: Production and Jobs"


def test_reporting_sentences_are_kept():
    skipped = find_skipped("a.txt", ARTICLE)
    start = ARTICLE.index("The plant employs")
    assert not any(s.start <= start < s.end for s in skipped)


def test_mask_keeps_offsets_and_blanks_skipped_text():
    masked = mask(ARTICLE, find_skipped("a.txt", ARTICLE))
    assert len(masked) == len(ARTICLE)
    assert "Click here" not in masked
    assert masked.index("The plant employs") == ARTICLE.index("The plant employs")
