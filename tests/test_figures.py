"""What each figure counts and whose it is (article/figures.py), on real-style sentences."""

from __future__ import annotations

import pytest

from storyline.model import Article
from storyline.pipeline import read_articles

pytestmark = pytest.mark.slow


def _figures(text: str):
    (reading,) = read_articles([Article("a.txt", text, source="Daily Ledger")])
    return {f.text: f for f in reading.figures}


def _the_figure(text: str, value: float):
    (fig,) = [f for f in _figures(text).values() if f.value == value]
    return fig


def test_an_age_belongs_to_the_noun_it_describes():
    fig = next(
        f
        for f in _figures(
            "The message was sent to a 19-year-old nursing student in Leeds "
            "from the mayor's account."
        ).values()
        if f.unit == "years old"
    )
    assert "nursing student" in fig.entity


def test_a_count_names_the_noun_it_counts_past_its_adjectives():
    fig = _the_figure("On Monday the mayor held 14 tense news conferences about the budget.", 14)
    assert fig.unit == "tense news conferences"


def test_a_count_of_pieces_says_pieces_of_what():
    fig = _the_figure(
        "Investigators said they had recovered 40 million pieces of email from the servers.",
        40_000_000,
    )
    assert fig.unit == "pieces of email"


def test_nouns_joined_by_and_are_counted_together():
    fig = _the_figure(
        "The agency has held 12 private hearings and briefings for council members.", 12
    )
    assert fig.unit == "private hearings and briefings"


def test_a_possessive_pronoun_holder_is_the_person_named_before():
    fig = _the_figure(
        "Senator Maria Santos unveiled her budget on Monday. "
        "Her spending plan would cut the transport budget by $40 billion over ten years.",
        40_000_000_000,
    )
    assert "Santos" in fig.entity and "spending plan" in fig.entity


def test_a_title_alone_is_never_a_figures_holder():
    fig = _the_figure(
        "Critics point out that Mr. Santos’s budget plan, approved twice by the council, "
        "includes similar savings of roughly $70 million over five years.",
        70_000_000,
    )
    assert fig.entity.strip() not in ("Mr.", "Mr")


def test_a_figure_names_what_it_is_taken_from():
    fig = _the_figure(
        "Governor Maria Santos has cut $70 million from Medicaid to pay for a stadium.", 70_000_000
    )
    assert "Medicaid" in fig.entity and "Santos" in fig.entity


def test_a_count_of_nine_written_as_a_word_is_a_figure_but_the_two_firms_are_not():
    figs = _figures(
        "The program draws on data from nine leading Internet companies, "
        "and the two firms that run it declined to comment."
    )
    assert [f.value for f in figs.values()] == [9]


def test_he_holds_a_figure_as_the_last_person_named():
    fig = _the_figure(
        "The council's leader, Maria Santos, spoke on Monday. "
        "He said nothing, but she has nearly 40,000 followers.",
        40_000,
    )
    assert "Santos" in fig.entity


def test_a_count_of_what_someone_does_is_theirs():
    figure = _the_figure(
        "Maria Lopez is just one of 198 people that Senator John Park follows online.", 198
    )
    assert "John Park" in figure.entity


def test_a_figure_of_a_thing_measures_that_thing():
    figure = _the_figure("He urged offices to use a strong password of at least 10 characters.", 10)
    assert "password" in figure.entity


def test_a_change_by_a_figure_measures_what_changed():
    figure = _the_figure(
        "Officials said the reform extended the life of the pension fund by eight years.", 8
    )
    assert "life of the pension fund" in figure.entity


def test_a_percentage_change_measures_what_changed():
    figure = _the_figure(
        "The bill would trim the program by $800 billion -- that means a 22 percent cut "
        "in benefits.",
        22,
    )
    assert "cut in benefits" in figure.entity
