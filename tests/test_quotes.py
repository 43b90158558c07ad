"""Where quotations open and close, on news-style quoting."""

from __future__ import annotations

from storyline.article.quotes import enclosing, quotations


def _quoted(text: str) -> list[str]:
    return [text[a:b] for a, b in quotations(text)]


def test_a_straight_quotation_spans_its_sentences():
    text = 'He said: "We will win. I know it." Then he left.'
    assert _quoted(text) == ['"We will win. I know it."']


def test_ptb_quote_marks_pair_up():
    text = "The mayor called it ``a disaster for the city'' on Monday."
    assert _quoted(text) == ["``a disaster for the city''"]


def test_a_quotation_left_open_runs_to_the_end_of_its_paragraph():
    text = "“We will keep the plant open.\n“Our workers have nothing to fear.”"
    assert _quoted(text) == ["“We will keep the plant open.", "“Our workers have nothing to fear.”"]


def test_text_after_a_closed_quotation_is_outside_it():
    text = "“We will win,” she said. The vote is on Tuesday."
    assert enclosing(quotations(text), text.index("The vote")) is None
