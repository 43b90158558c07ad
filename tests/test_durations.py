"""Durations in news text and their TimeML values: one phrasing per test."""

from __future__ import annotations

from storyline.measure.durations import duration_value, find_durations
from storyline.measure.quantities import find_quantities
from storyline.model import Quantity


def durations(text: str) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in find_durations(text)]


def quantity(text: str) -> Quantity:
    (q,) = find_quantities(text)
    return q


# ---- duration_value: a quantity with a time unit


def test_days_figure():
    assert duration_value(quantity("a sentence of 90 days in jail")) == "P90D"


def test_hours_figure_is_a_time_duration():
    assert duration_value(quantity("sworn in for a mere 24 hours")) == "PT24H"


def test_minutes_figure():
    assert duration_value(quantity("Trump spoke for about 15 minutes")) == "PT15M"


def test_hedge_leaves_the_value_as_written():
    assert duration_value(quantity("a post he had held for almost seven years")) == "P7Y"


def test_decades_are_written_in_years():
    assert duration_value(quantity("over two decades")) == "P20Y"


def test_half_a_year_goes_down_to_months():
    assert duration_value(quantity("shut for a year and a half")) == "P18M"


def test_half_an_hour_goes_down_to_minutes():
    assert duration_value(quantity("it took half an hour")) == "PT30M"


def test_month_and_a_half_stays_a_decimal():
    text = "sites shut down for a month-and-a-half after a cyber attack"
    assert duration_value(quantity(text)) == "P1.5M"


def test_vague_plural_has_no_number():
    assert duration_value(quantity("ruins left for hundreds of years")) == "PXY"


def test_age_is_not_a_duration():
    assert duration_value(quantity("his 22-year-old son")) is None


def test_money_is_not_a_duration():
    assert duration_value(quantity("it sold for $250")) is None


# ---- find_durations: figures


def test_range_gives_both_ends():
    text = "The buyback could take between 12 and 18 months to complete."
    assert durations(text) == [("12", "P12M"), ("18 months", "P18M")]


def test_children_months_and_older_is_an_age():
    text = "all children ages 6 months and older be vaccinated"
    assert durations(text) == []


# ---- find_durations: phrasings that are not figures


def test_a_month():
    assert durations("The season started about a month earlier than usual.") == [("a month", "P1M")]


def test_an_hour():
    assert durations("An hour before her colleagues arrived.") == [("An hour", "PT1H")]


def test_a_decade():
    assert durations("fears it might be the worst in a decade.") == [("a decade", "P10Y")]


def test_rate_is_not_a_duration():
    assert durations("It costs $5 a month and is offered twice a year.") == []


def test_a_second_before_a_noun_is_the_ordinal():
    assert durations("Trump released a second campaign ad.") == []


def test_spelled_out_compound():
    assert durations("the accelerator's first three-month class") == [("three-month", "P3M")]


def test_spelled_out_age_compound_is_not_a_duration():
    assert durations("a five-year-old boy") == []


def test_the_next_decade():
    assert durations("car sales over the next decade") == [("the next decade", "P10Y")]


def test_several_days():
    assert durations("Several days into an extensive search") == [("Several days", "PXD")]


def test_the_next_few_months():
    assert durations("prices set over the next few months.") == [("the next few months", "PXM")]


def test_recent_weeks():
    assert durations("treated for the disorder in recent weeks.") == [("recent weeks", "PXW")]


def test_a_couple_of_weeks_is_two():
    assert durations("what happens in a couple of weeks") == [("a couple of weeks", "P2W")]


def test_for_years():
    assert durations("standards the companies had blocked for years.") == [("years", "PXY")]


def test_for_decades_keeps_the_decade_unit():
    assert durations("attacks she has faced for decades") == [("decades", "PXDE")]


def test_minutes_before():
    assert durations("in Tel Aviv minutes before Air Force One departed") == [("minutes", "PTXM")]


def test_bare_plural_without_a_temporal_frame_is_left():
    assert durations("the final seconds of the game") == []


def test_window_offsets_point_into_the_text():
    text = "It took a week. It took 90 days."
    start = text.index("It took 90")
    assert [(text[t.start : t.end], t.value) for t in find_durations(text, start)] == [
        ("90 days", "P90D")
    ]
