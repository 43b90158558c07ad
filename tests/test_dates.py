"""Dates in news text and their ISO values: one phrasing per test."""

from __future__ import annotations

from storyline.measure.dates import find_dates, find_time_expressions, normalise_date


def values(text: str, reference: str | None) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in find_dates(text, reference)]


def value_of(text: str, words: str, reference: str | None) -> str | None:
    hits = [t.value for t in find_dates(text, reference) if t.text == words]
    assert hits, f"{words!r} not found in {values(text, reference)}"
    return hits[0]


# ---- written-out dates


def test_bare_year_after_in():
    assert values("In 2024 the EU imposed additional tariffs.", "2026") == [("2024", "2024")]


def test_year_after_since():
    text = "Keir Starmer visited China, the first British PM to do so since 2018, to reset ties."
    assert values(text, "2026-01") == [("2018", "2018")]


def test_year_after_by():
    text = "The government set a target of 1.3 million cars per year by 2035."
    assert values(text, None) == [("2035", "2035")]


def test_month_and_year():
    text = "Despite entering the market in August 2025, the brand sold over 5,500 vehicles."
    assert values(text, None) == [("August 2025", "2025-08")]


def test_day_month_year():
    text = "The plant reopened on 14 October 2025."
    assert value_of(text, "14 October 2025", None) == "2025-10-14"


def test_month_day_year():
    assert (
        value_of("It closed on October 14, 2025, after talks.", "October 14, 2025", None)
        == "2025-10-14"
    )


def test_iso_date_in_a_timestamp():
    assert values("Updated 2026-01-28T10:00:00Z", None) == [("2026-01-28", "2026-01-28")]


def test_year_range_gives_two_years():
    text = "the swine flu pandemic of 2009-2010, when 348 children died"
    assert values(text, None) == [("2009", "2009"), ("2010", "2010")]


def test_two_digit_end_of_a_year_range():
    text = "the trans-Antarctic expedition of 1957-58"
    assert values(text, None) == [("1957", "1957"), ("58", "1958")]


def test_decade_with_the():
    assert values("Sales peaked in the 1990s.", None) == [("the 1990s", "199")]


def test_decade_without_the():
    assert values("Targets for the 2020s were missed.", None) == [("the 2020s", "202")]


def test_century():
    assert values("one of the great explorations of the 20th Century", None) == [
        ("the 20th Century", "19")
    ]


def test_quarter_and_year():
    assert values("Revenue fell in Q3 2025, the company said.", None) == [("Q3 2025", "2025-Q3")]


def test_first_half_of_year():
    assert (
        value_of("Output rose in the first half of 2025.", "the first half of 2025", None)
        == "2025-H1"
    )


# ---- what is not a date


def test_number_with_thousands_comma_is_not_a_year():
    text = "growing sales from 209 in 2024 to 28,232 last year"
    assert values(text, "2026") == [("2024", "2024"), ("last year", "2025")]


def test_count_before_in_year_is_not_a_year():
    text = "Omoda did well too, going from 3629 in 2024 to 19,855 in 2025"
    assert values(text, None) == [("2024", "2024"), ("2025", "2025")]


def test_duration_is_not_a_date():
    text = "its UK sites shut down for a month-and-a-half after the attack"
    assert find_dates(text, "2026") == ()


def test_for_five_weeks_is_not_a_date():
    assert find_dates("Production was halted for five weeks.", "2026-01-28") == ()


def test_count_of_people_is_not_a_year():
    assert find_dates("A total of 2000 people marched.", None) == ()


def test_clock_time_is_not_a_year():
    assert find_dates("The match was moved to 1900 GMT.", None) == ()


def test_money_is_not_a_year():
    assert find_dates("The shares fell to $2025 before recovering.", None) == ()


def test_a_person_named_may_is_not_a_month():
    assert find_dates("The plan was backed by Theresa May.", "2026-01-28") == ()


def test_the_last_year_is_a_span_not_a_date():
    assert find_dates("Prices have risen over the last year.", "2026-01-28") == ()


# ---- relative to the article's date


def test_last_year():
    assert values("UK factories made just 738,000 cars last year.", "2026") == [
        ("last year", "2025")
    ]


def test_this_and_next_year():
    text = "Sales will fall this year and recover next year."
    assert values(text, "2026-01-28") == [("this year", "2026"), ("next year", "2027")]


def test_earlier_this_month():
    text = "Earlier this month, the Prime Minister visited China."
    assert values(text, "2026-01-28") == [("Earlier this month", "2026-01")]


def test_earlier_this_year_with_year_only_reference():
    assert values("He stepped down earlier this year.", "2026") == [("earlier this year", "2026")]


def test_last_month():
    assert values("Last month, pollution hit record levels.", "2013-03-21") == [
        ("Last month", "2013-02")
    ]


def test_last_week_is_an_iso_week():
    assert values("Last week the automaker signed a deal.", "2026-01-28") == [
        ("Last week", "2026-W04")
    ]


def test_last_week_needs_a_day_in_the_reference():
    assert values("Last week the automaker signed a deal.", "2026") == [("Last week", None)]


def test_this_week():
    assert value_of("Google launched Keep this week.", "this week", "2013-03-22") == "2013-W12"


def test_yesterday_today_tomorrow():
    text = "It fell yesterday, rose today and may fall tomorrow."
    assert [v for _, v in values(text, "2026-01-28")] == ["2026-01-27", "2026-01-28", "2026-01-29"]


def test_weekday_is_the_latest_on_or_before_the_reference():
    text = "George Lowe died in Ripley on Wednesday after a long illness."
    assert values(text, "2013-03-22") == [("Wednesday", "2013-03-20")]


def test_weekday_of_the_reference_day_itself():
    assert values("Netanyahu apologized on Friday to Erdogan.", "2013-03-22") == [
        ("Friday", "2013-03-22")
    ]


def test_weekday_in_future_tense_looks_ahead():
    assert values("The board will meet on Tuesday.", "2026-01-28") == [("Tuesday", "2026-02-03")]


def test_this_weekday_follows_the_tense():
    # "this Tuesday" once raised KeyError('rel:0') and stopped a whole `storyline add`
    assert values("They voted this Tuesday.", "2019-01-03") == [("this Tuesday", "2019-01-01")]
    assert values("They will vote this Tuesday.", "2019-01-03") == [("this Tuesday", "2019-01-08")]
    assert normalise_date("this Tuesday", "2019-01-03") == "2019-01-01"


def test_years_ago_in_words():
    assert values("officials resisted a similar order four years ago", "2013-03-21") == [
        ("four years ago", "2009")
    ]


def test_a_year_ago():
    assert values("A year ago the plant was idle.", "2026-01-28") == [("A year ago", "2025")]


def test_reference_unknown_leaves_relative_dates_unvalued():
    assert values("Sales fell last year.", None) == [("last year", None)]


# ---- bare months


def test_bare_month_with_year_only_reference_is_the_previous_one():
    text = "the sites shut down after a cyber attack in October, and the CEO retired"
    assert values(text, "2026") == [("October", "2025-10")]


def test_bare_month_in_past_tense_is_on_or_before_the_reference():
    text = "BP agreed to sell back its stake in October in return for cash."
    assert values(text, "2013-03-22") == [("October", "2012-10")]


def test_bare_month_in_future_tense_looks_ahead():
    text = "A book about the climb is due to be published in May."
    assert values(text, "2013-03-22") == [("May", "2013-05")]


def test_last_month_name():
    assert values("Sarkozy lost his re-election bid last May.", "2013-03-21") == [
        ("last May", "2012-05")
    ]


def test_next_month_name():
    assert values("The vote is set for next October.", "2026-01-28") == [
        ("next October", "2026-10")
    ]


def test_early_month_keeps_its_modifier_in_the_words():
    assert values("Police arrested both men in early August.", "2013-03-22") == [
        ("early August", "2012-08")
    ]


def test_day_and_month_without_year_in_future_tense():
    text = "The closure of the towers will begin on April 7, the FAA said."
    assert values(text, "2013-03-22") == [("April 7", "2013-04-07")]


def test_third_quarter_without_year_in_the_past():
    assert values("Profits fell in the third quarter.", "2026-01-28") == [
        ("the third quarter", "2025-Q3")
    ]


# ---- anchored to a date named before


def test_years_earlier_counts_from_the_year_in_the_sentence():
    text = "In 2024 it bought a factory in Barcelona closed down by Nissan three years earlier."
    assert value_of(text, "three years earlier", "2026-01-28") == "2021"


def test_years_later_counts_from_the_year_in_the_sentence_before():
    text = "He founded the firm in 2010. Two years later, he sold it."
    assert value_of(text, "Two years later", "2026-01-28") == "2012"


def test_earlier_than_usual_is_not_a_date():
    text = "The season started a month earlier than usual."
    assert find_dates(text, "2013-03-22") == ()


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


# ---- normalise_date


def test_normalise_last_october():
    assert normalise_date("last October", "2013-03-22") == "2012-10"


def test_normalise_bare_month_forward():
    assert normalise_date("October", "2026-01-28", past=False) == "2026-10"


def test_normalise_with_anchor():
    assert normalise_date("three years earlier", "2026-01-28", anchor="2024") == "2021"


def test_normalise_no_date():
    assert normalise_date("a month-and-a-half", "2026") is None


# ---- find_time_expressions: dates, times, durations and reference words


def expressions(text: str, reference: str | None) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in find_time_expressions(text, reference)]


def test_time_expressions_merge_dates_and_durations_in_order():
    text = "In 2009 he was sentenced to 90 days in jail."
    assert expressions(text, "2013-03-22") == [("2009", "2009"), ("90 days", "P90D")]


def test_a_date_wins_over_the_duration_inside_it():
    assert expressions("He moved there four years ago.", "2013-03-21") == [
        ("four years ago", "2009")
    ]


def test_now_refers_to_the_present():
    assert expressions("He's admitted it now.", "2013-03-22") == [("now", "PRESENT_REF")]


def test_currently_refers_to_the_present():
    assert expressions("The device is currently selling for $250.", "2013-03-18") == [
        ("currently", "PRESENT_REF")
    ]


def test_now_that_is_a_conjunction():
    assert expressions("Now that the vote is over, talks resume.", "2013-03-22") == []


def test_in_the_past_refers_to_the_past():
    assert expressions("In the past, he has always given two conditions.", "2013-03-22") == [
        ("the past", "PAST_REF")
    ]


def test_the_past_two_years_is_a_duration_not_the_past():
    text = "He had spoken to both leaders over the past two years."
    assert expressions(text, "2013-03-22") == [("two years", "P2Y")]


def test_in_future_refers_to_the_future():
    text = "Spare capacity could, in future, be used to assemble cars."
    assert expressions(text, "2026-01-28") == [("future", "FUTURE_REF")]


def test_vague_ago_is_past_ref():
    assert expressions("The plant closed a few years ago.", "2013-03-22") == [
        ("a few years ago", "PAST_REF")
    ]


def test_today_in_a_comparison_is_the_present_day():
    text = "It solves problems millions of times faster than can be done today."
    assert expressions(text, "2013-03-22") == [("today", "PRESENT_REF")]


def test_today_said_is_the_day():
    assert expressions("The minister said today that talks would resume.", "2013-03-22") == [
        ("today", "2013-03-22")
    ]


def test_weekday_afternoon_gets_the_part_of_day():
    text = "Before departing for Jordan on Friday afternoon, Mr Obama spoke."
    assert expressions(text, "2013-03-22") == [("Friday afternoon", "2013-03-22TAF")]


def test_last_night():
    assert expressions("Fighting broke out last night.", "2013-03-22") == [
        ("last night", "2013-03-21TNI")
    ]


def test_clock_time_joins_its_day():
    text = "The match has been postponed until 15:00 GMT Saturday due to heavy snow."
    assert expressions(text, "2013-03-22") == [("15:00 GMT Saturday", "2013-03-23T15:00")]


def test_clock_time_after_at_takes_the_day_before_it():
    assert expressions("Call me Sunday night at 8 PM.", "2013-03-22") == [
        ("Sunday night", "2013-03-17TNI"),
        ("8 PM", "2013-03-17T20:00"),
    ]


def test_race_time_is_not_a_clock_time():
    assert expressions("He won, finishing in 3:07:35.", "2013-03-21") == []


def test_find_dates_keeps_only_dates():
    text = "He's admitted it now, after 90 days in jail, on Friday afternoon."
    assert values(text, "2013-03-22") == [("Friday afternoon", "2013-03-22")]


def test_postponed_until_a_weekday_looks_ahead():
    assert values("The game has been postponed until Saturday.", "2013-03-22") == [
        ("Saturday", "2013-03-23")
    ]


def test_postponed_on_a_weekday_looks_back():
    assert values("The game was postponed on Saturday.", "2013-03-22") == [
        ("Saturday", "2013-03-16")
    ]
