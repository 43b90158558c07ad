"""Dates in news text and their ISO values: one phrasing per case."""

from __future__ import annotations

import pytest

from storyline.measure.dates import find_dates, find_time_expressions, normalise_date


def values(text: str, reference: str | None) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in find_dates(text, reference)]


def value_of(text: str, words: str, reference: str | None) -> str | None:
    hits = [t.value for t in find_dates(text, reference) if t.text == words]
    assert hits, f"{words!r} not found in {values(text, reference)}"
    return hits[0]


# Every date in the text, with its value: (text, the article's date, [(words, value)]).
DATES = [
    # written-out dates
    pytest.param(
        "In 2024 the EU imposed additional tariffs.",
        "2026",
        [("2024", "2024")],
        id="bare_year_after_in",
    ),
    pytest.param(
        "Keir Starmer visited China, the first British PM to do so since 2018, to reset ties.",
        "2026-01",
        [("2018", "2018")],
        id="year_after_since",
    ),
    pytest.param(
        "The government set a target of 1.3 million cars per year by 2035.",
        None,
        [("2035", "2035")],
        id="year_after_by",
    ),
    pytest.param(
        "Despite entering the market in August 2025, the brand sold over 5,500 vehicles.",
        None,
        [("August 2025", "2025-08")],
        id="month_and_year",
    ),
    pytest.param(
        "Updated 2026-01-28T10:00:00Z",
        None,
        [("2026-01-28", "2026-01-28")],
        id="iso_date_in_a_timestamp",
    ),
    pytest.param(
        "the swine flu pandemic of 2009-2010, when 348 children died",
        None,
        [("2009", "2009"), ("2010", "2010")],
        id="year_range_gives_two_years",
    ),
    pytest.param(
        "the trans-Antarctic expedition of 1957-58",
        None,
        [("1957", "1957"), ("58", "1958")],
        id="two_digit_end_of_a_year_range",
    ),
    pytest.param("Sales peaked in the 1990s.", None, [("the 1990s", "199")], id="decade_with_the"),
    pytest.param(
        "Targets for the 2020s were missed.", None, [("the 2020s", "202")], id="decade_without_the"
    ),
    pytest.param(
        "one of the great explorations of the 20th Century",
        None,
        [("the 20th Century", "19")],
        id="century",
    ),
    pytest.param(
        "Revenue fell in Q3 2025, the company said.",
        None,
        [("Q3 2025", "2025-Q3")],
        id="quarter_and_year",
    ),
    # what is not a date
    pytest.param(
        "growing sales from 209 in 2024 to 28,232 last year",
        "2026",
        [("2024", "2024"), ("last year", "2025")],
        id="number_with_thousands_comma_is_not_a_year",
    ),
    pytest.param(
        "Omoda did well too, going from 3629 in 2024 to 19,855 in 2025",
        None,
        [("2024", "2024"), ("2025", "2025")],
        id="count_before_in_year_is_not_a_year",
    ),
    # relative to the article's date
    pytest.param(
        "UK factories made just 738,000 cars last year.",
        "2026",
        [("last year", "2025")],
        id="last_year",
    ),
    pytest.param(
        "Sales will fall this year and recover next year.",
        "2026-01-28",
        [("this year", "2026"), ("next year", "2027")],
        id="this_and_next_year",
    ),
    pytest.param(
        "Earlier this month, the Prime Minister visited China.",
        "2026-01-28",
        [("Earlier this month", "2026-01")],
        id="earlier_this_month",
    ),
    pytest.param(
        "He stepped down earlier this year.",
        "2026",
        [("earlier this year", "2026")],
        id="earlier_this_year_with_year_only_reference",
    ),
    pytest.param(
        "Last month, pollution hit record levels.",
        "2013-03-21",
        [("Last month", "2013-02")],
        id="last_month",
    ),
    pytest.param(
        "Last week the automaker signed a deal.",
        "2026-01-28",
        [("Last week", "2026-W04")],
        id="last_week_is_an_iso_week",
    ),
    pytest.param(
        "Last week the automaker signed a deal.",
        "2026",
        [("Last week", None)],
        id="last_week_needs_a_day_in_the_reference",
    ),
    pytest.param(
        "George Lowe died in Ripley on Wednesday after a long illness.",
        "2013-03-22",
        [("Wednesday", "2013-03-20")],
        id="weekday_is_the_latest_on_or_before_the_reference",
    ),
    pytest.param(
        "Netanyahu apologized on Friday to Erdogan.",
        "2013-03-22",
        [("Friday", "2013-03-22")],
        id="weekday_of_the_reference_day_itself",
    ),
    pytest.param(
        "The board will meet on Tuesday.",
        "2026-01-28",
        [("Tuesday", "2026-02-03")],
        id="weekday_in_future_tense_looks_ahead",
    ),
    pytest.param(
        "officials resisted a similar order four years ago",
        "2013-03-21",
        [("four years ago", "2009")],
        id="years_ago_in_words",
    ),
    pytest.param(
        "A year ago the plant was idle.", "2026-01-28", [("A year ago", "2025")], id="a_year_ago"
    ),
    pytest.param(
        "Sales fell last year.",
        None,
        [("last year", None)],
        id="reference_unknown_leaves_relative_dates_unvalued",
    ),
    # bare months
    pytest.param(
        "the sites shut down after a cyber attack in October, and the CEO retired",
        "2026",
        [("October", "2025-10")],
        id="bare_month_with_year_only_reference_is_the_previous_one",
    ),
    pytest.param(
        "BP agreed to sell back its stake in October in return for cash.",
        "2013-03-22",
        [("October", "2012-10")],
        id="bare_month_in_past_tense_is_on_or_before_the_reference",
    ),
    pytest.param(
        "A book about the climb is due to be published in May.",
        "2013-03-22",
        [("May", "2013-05")],
        id="bare_month_in_future_tense_looks_ahead",
    ),
    pytest.param(
        "Sarkozy lost his re-election bid last May.",
        "2013-03-21",
        [("last May", "2012-05")],
        id="last_month_name",
    ),
    pytest.param(
        "The vote is set for next October.",
        "2026-01-28",
        [("next October", "2026-10")],
        id="next_month_name",
    ),
    pytest.param(
        "Police arrested both men in early August.",
        "2013-03-22",
        [("early August", "2012-08")],
        id="early_month_keeps_its_modifier_in_the_words",
    ),
    pytest.param(
        "The closure of the towers will begin on April 7, the FAA said.",
        "2013-03-22",
        [("April 7", "2013-04-07")],
        id="day_and_month_without_year_in_future_tense",
    ),
    pytest.param(
        "Profits fell in the third quarter.",
        "2026-01-28",
        [("the third quarter", "2025-Q3")],
        id="third_quarter_without_year_in_the_past",
    ),
    # dates only, among times and durations
    pytest.param(
        "He's admitted it now, after 90 days in jail, on Friday afternoon.",
        "2013-03-22",
        [("Friday afternoon", "2013-03-22")],
        id="find_dates_keeps_only_dates",
    ),
    pytest.param(
        "The game has been postponed until Saturday.",
        "2013-03-22",
        [("Saturday", "2013-03-23")],
        id="postponed_until_a_weekday_looks_ahead",
    ),
    pytest.param(
        "The game was postponed on Saturday.",
        "2013-03-22",
        [("Saturday", "2013-03-16")],
        id="postponed_on_a_weekday_looks_back",
    ),
]


@pytest.mark.parametrize(("text", "reference", "expected"), DATES)
def test_the_dates_in_a_text_and_their_values(text, reference, expected):
    assert values(text, reference) == expected


# One date among those found: (text, its words, the article's date, value).
ONE_DATE = [
    # written-out dates
    pytest.param(
        "The plant reopened on 14 October 2025.",
        "14 October 2025",
        None,
        "2025-10-14",
        id="day_month_year",
    ),
    pytest.param(
        "It closed on October 14, 2025, after talks.",
        "October 14, 2025",
        None,
        "2025-10-14",
        id="month_day_year",
    ),
    pytest.param(
        "Output rose in the first half of 2025.",
        "the first half of 2025",
        None,
        "2025-H1",
        id="first_half_of_year",
    ),
    # relative to the article's date
    pytest.param(
        "Google launched Keep this week.", "this week", "2013-03-22", "2013-W12", id="this_week"
    ),
    pytest.param(
        "The council approved the budget plan on March 29 by a vote of 7 to 2.",
        "March 29",
        "2026-08-15",
        "2026-03-29",
        id="a_plan_noun_is_no_future_cue",
    ),
    pytest.param(
        "The council plans to vote on March 29.",
        "March 29",
        "2026-08-15",
        "2027-03-29",
        id="plans_to_looks_ahead",
    ),
    # anchored to a date named before
    pytest.param(
        "In 2024 it bought a factory in Barcelona closed down by Nissan three years earlier.",
        "three years earlier",
        "2026-01-28",
        "2021",
        id="years_earlier_counts_from_the_year_in_the_sentence",
    ),
    pytest.param(
        "He founded the firm in 2010. Two years later, he sold it.",
        "Two years later",
        "2026-01-28",
        "2012",
        id="years_later_counts_from_the_year_in_the_sentence_before",
    ),
]


@pytest.mark.parametrize(("text", "words", "reference", "expected"), ONE_DATE)
def test_the_value_of_one_date(text, words, reference, expected):
    assert value_of(text, words, reference) == expected


# What is not a date: (text, the article's date).
NO_DATE = [
    # what is not a date
    pytest.param(
        "its UK sites shut down for a month-and-a-half after the attack",
        "2026",
        id="duration_is_not_a_date",
    ),
    pytest.param(
        "Production was halted for five weeks.", "2026-01-28", id="for_five_weeks_is_not_a_date"
    ),
    pytest.param("A total of 2000 people marched.", None, id="count_of_people_is_not_a_year"),
    pytest.param("The match was moved to 1900 GMT.", None, id="clock_time_is_not_a_year"),
    pytest.param("The shares fell to $2025 before recovering.", None, id="money_is_not_a_year"),
    pytest.param(
        "The plan was backed by Theresa May.", "2026-01-28", id="a_person_named_may_is_not_a_month"
    ),
    pytest.param(
        "Prices have risen over the last year.",
        "2026-01-28",
        id="the_last_year_is_a_span_not_a_date",
    ),
    # anchored to a date named before
    pytest.param(
        "The season started a month earlier than usual.",
        "2013-03-22",
        id="earlier_than_usual_is_not_a_date",
    ),
]


@pytest.mark.parametrize(("text", "reference"), NO_DATE)
def test_no_date_is_found(text, reference):
    assert find_dates(text, reference) == ()


def test_yesterday_today_tomorrow():
    text = "It fell yesterday, rose today and may fall tomorrow."
    assert [v for _, v in values(text, "2026-01-28")] == ["2026-01-27", "2026-01-28", "2026-01-29"]


# ---- windows and offsets


def test_offsets_point_into_the_whole_text_when_a_window_is_given():
    text = "Intro. Sales rose in 2024. They fell last year."
    start = text.index("They")
    found = find_dates(text, "2026", start, len(text))
    assert [(t.text, text[t.start : t.end]) for t in found] == [("last year", "last year")]


def test_window_still_sees_the_anchor_earlier_in_its_sentence():
    text = "In 2024 it bought a factory that Nissan closed three years earlier."
    start = text.index("that")
    assert [(t.text, t.value) for t in find_dates(text, None, start)] == [
        ("three years earlier", "2021")
    ]


# ---- normalise_date: (words, the article's date, keyword arguments, value)
NORMALISED = [
    pytest.param("last October", "2013-03-22", {}, "2012-10", id="normalise_last_october"),
    pytest.param(
        "October", "2026-01-28", {"past": False}, "2026-10", id="normalise_bare_month_forward"
    ),
    pytest.param(
        "three years earlier", "2026-01-28", {"anchor": "2024"}, "2021", id="normalise_with_anchor"
    ),
    pytest.param("a month-and-a-half", "2026", {}, None, id="normalise_no_date"),
]


@pytest.mark.parametrize(("words", "reference", "options", "expected"), NORMALISED)
def test_normalise_date(words, reference, options, expected):
    assert normalise_date(words, reference, **options) == expected


# ---- find_time_expressions: dates, times, durations and reference words


def expressions(text: str, reference: str | None) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in find_time_expressions(text, reference)]


# (text, the article's date, [(words, value)])
EXPRESSIONS = [
    pytest.param(
        "In 2009 he was sentenced to 90 days in jail.",
        "2013-03-22",
        [("2009", "2009"), ("90 days", "P90D")],
        id="time_expressions_merge_dates_and_durations_in_order",
    ),
    pytest.param(
        "He moved there four years ago.",
        "2013-03-21",
        [("four years ago", "2009")],
        id="a_date_wins_over_the_duration_inside_it",
    ),
    pytest.param(
        "He's admitted it now.",
        "2013-03-22",
        [("now", "PRESENT_REF")],
        id="now_refers_to_the_present",
    ),
    pytest.param(
        "The device is currently selling for $250.",
        "2013-03-18",
        [("currently", "PRESENT_REF")],
        id="currently_refers_to_the_present",
    ),
    pytest.param(
        "Now that the vote is over, talks resume.", "2013-03-22", [], id="now_that_is_a_conjunction"
    ),
    pytest.param(
        "In the past, he has always given two conditions.",
        "2013-03-22",
        [("the past", "PAST_REF")],
        id="in_the_past_refers_to_the_past",
    ),
    pytest.param(
        "He had spoken to both leaders over the past two years.",
        "2013-03-22",
        [("two years", "P2Y")],
        id="the_past_two_years_is_a_duration_not_the_past",
    ),
    pytest.param(
        "Spare capacity could, in future, be used to assemble cars.",
        "2026-01-28",
        [("future", "FUTURE_REF")],
        id="in_future_refers_to_the_future",
    ),
    pytest.param(
        "The plant closed a few years ago.",
        "2013-03-22",
        [("a few years ago", "PAST_REF")],
        id="vague_ago_is_past_ref",
    ),
    pytest.param(
        "It solves problems millions of times faster than can be done today.",
        "2013-03-22",
        [("today", "PRESENT_REF")],
        id="today_in_a_comparison_is_the_present_day",
    ),
    pytest.param(
        "The minister said today that talks would resume.",
        "2013-03-22",
        [("today", "2013-03-22")],
        id="today_said_is_the_day",
    ),
    pytest.param(
        "Before departing for Jordan on Friday afternoon, Mr Obama spoke.",
        "2013-03-22",
        [("Friday afternoon", "2013-03-22TAF")],
        id="weekday_afternoon_gets_the_part_of_day",
    ),
    pytest.param(
        "Fighting broke out last night.",
        "2013-03-22",
        [("last night", "2013-03-21TNI")],
        id="last_night",
    ),
    pytest.param(
        "The match has been postponed until 15:00 GMT Saturday due to heavy snow.",
        "2013-03-22",
        [("15:00 GMT Saturday", "2013-03-23T15:00")],
        id="clock_time_joins_its_day",
    ),
    pytest.param(
        "Call me Sunday night at 8 PM.",
        "2013-03-22",
        [
            ("Sunday night", "2013-03-17TNI"),
            ("8 PM", "2013-03-17T20:00"),
        ],
        id="clock_time_after_at_takes_the_day_before_it",
    ),
    pytest.param(
        "He won, finishing in 3:07:35.", "2013-03-21", [], id="race_time_is_not_a_clock_time"
    ),
]


@pytest.mark.parametrize(("text", "reference", "expected"), EXPRESSIONS)
def test_time_expressions(text, reference, expected):
    assert expressions(text, reference) == expected


def test_this_weekday_follows_the_tense():
    # "this Tuesday" once raised KeyError('rel:0') and stopped a whole `storyline add`
    assert values("They voted this Tuesday.", "2019-01-03") == [("this Tuesday", "2019-01-01")]
    assert values("They will vote this Tuesday.", "2019-01-03") == [("this Tuesday", "2019-01-08")]
    assert normalise_date("this Tuesday", "2019-01-03") == "2019-01-01"
