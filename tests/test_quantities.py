"""storyline.measure.quantities on real news sentences, one behaviour a test."""

from __future__ import annotations

import pytest

from storyline.measure.quantities import change, compatible, find_quantities, hedge, is_range


def one(text: str):
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


def values(text: str) -> list[float]:
    return [q.value for q in find_quantities(text)]


def test_counts_are_read_and_the_year_between_them_is_not():
    assert values("Jaecoo lead the way, growing sales from 209 in 2024 to 28,232 last year.") == [
        209,
        28232,
    ]


def test_currency_sign_and_million_give_base_units_and_iso_code():
    q = one(
        "At the same time, Jaguar Land Rover has committed £500 million to transform its "
        "Halewood plant."
    )
    assert (q.value, q.unit, q.text) == (500_000_000, "GBP", "£500 million")


def test_up_to_per_cent_is_an_upper_bound():
    q = one("In 2024 the EU imposed additional tariffs of up to 35 per cent on Chinese made EVs.")
    assert (q.value, q.unit, q.qualifier, q.low, q.high) == (35, "percent", "up to", None, 35)


def test_over_is_a_lower_bound_on_a_counted_noun():
    q = one(
        "Despite entering the market in August 2025, the brand sold over 5,500 vehicles last year."
    )
    assert (q.value, q.unit, q.qualifier, q.low, q.high) == (5500, "vehicles", "over", 5500, None)
    assert q.text == "over 5,500 vehicles"


def test_month_and_a_half_is_compatible_with_over_five_weeks():
    a = one(
        "JLR had a rough year with its UK manufacturing sites shut down for a month-and-a-half."
    )
    b = one(
        "The company suffered a severe blow when a cyberattack halted production for over "
        "five weeks."
    )
    assert (a.value, a.unit, b.value, b.unit) == (1.5, "months", 5, "weeks")
    assert compatible(a, b)


def test_different_sales_figures_are_not_compatible():
    a, b = find_quantities("Omoda went from 3629 to 19,855, while Jaecoo reached 28,232.")[1:]
    assert not compatible(a, b)


def test_about_allows_a_nearby_figure():
    a = one("About 1,000 workers were laid off.")
    b = one("The company laid off 1,050 workers.")
    assert (a.low, a.high) == pytest.approx((900, 1100))
    assert compatible(a, b)


def test_rounded_figure_is_compatible_with_the_exact_one():
    assert compatible(one("sold 28,000 cars"), one("sold 28,232 cars"))


def test_neighbouring_whole_percentages_are_not_compatible():
    assert not compatible(one("35 per cent of voters"), one("36 per cent of voters"))


def test_different_currencies_are_not_compatible():
    assert not compatible(one("a £500 million investment"), one("a $500 million investment"))


def test_cents_are_compatible_with_dollars():
    assert compatible(one("rose 19 cents"), one("closed at $0.19"))


def test_a_third_is_compatible_with_33_per_cent():
    assert compatible(
        one("A third of the Britian population lives in South East England."), one("33 per cent")
    )


def test_parenthesised_counts_after_names_are_kept_and_years_are_not():
    text = (
        "Omoda did well too, going from 3629 in 2024 to 19,855 in 2025, zooming past "
        "Suzuki (18,226), Jeep (10,616) and Fiat (8764)."
    )
    assert values(text) == [3629, 19855, 18226, 10616, 8764]


def test_rate_per_year_and_target_year():
    q = one(
        "The UK government has a set a target for the local auto industry to produce "
        "1.3 million cars per year by 2035."
    )
    assert (q.value, q.unit) == (1_300_000, "cars per year")


@pytest.mark.parametrize(
    "text",
    [
        "Chery and Jaguar Land Rover have been partners in the Chinese market since 2012.",
        "Through its Chery, Jaecoo and Omoda brands, the Chinese manufacturer had a wonderful "
        "2025 in the UK.",
        "She died on September 8 in Dar es Salaam the largest city in Tanzania.",
        "Brexit is due to take place on March 29.",
        "Bobbie N. Carruth attended Shiloh Missionary Baptist Church on Sunday at 11 a.m.",
        "They have operated a 50:50 joint venture in China.",
        "Bristol City came from behind to beat Charlton 2-1 thanks to a stoppage-time winner.",
        "The history of the 22nd amendment however speaks more to its partisan origins.",
        "In the S&P 500 utilities are holding up better than other sectors.",
        "Backup goalie Curtis McElhinney was hurt in Game 2.",
        "The tech executives had procured COVID-19 tests from a local company.",
    ],
)
def test_years_dates_times_ratios_scores_and_names_are_not_quantities(text):
    assert find_quantities(text) == ()


def test_a_four_digit_figure_with_a_hedge_is_a_count_not_a_year():
    assert values("About 2000 people marched.") == [2000]


def test_billions_abbreviated_after_a_dollar_sign():
    q = one("Adani lost more than $2.5bn in a day.")
    assert (q.value, q.unit, hedge(q), change(q), q.high) == (
        2_500_000_000,
        "USD",
        "more than",
        "down",
        None,
    )


def test_euro_sign_with_billion_word():
    assert (
        one("The bank set aside €3 billion.").unit,
        one("The bank set aside €3 billion.").value,
    ) == ("EUR", 3e9)


def test_percent_sign_and_fall_is_a_change_down():
    q = one("Meanwhile, Peabody Energy shares slid 0.8% after a fire at its mine.")
    assert (q.value, q.unit, change(q), hedge(q)) == (0.8, "percent", "down", None)


def test_rose_by_per_cent_is_a_change_up():
    q = one("Pension Credit was set to rise by 10.1 per cent next year.")
    assert (q.value, change(q)) == (10.1, "up")


def test_level_after_a_change_is_not_a_change():
    found = find_quantities("Vecturas shares rose 6.5% to 164p.")
    assert [(q.value, q.unit, change(q)) for q in found] == [
        (6.5, "percent", "up"),
        (164, "pence", None),
    ]


def test_hyphenated_range_with_times():
    q = one("I will pay 2-3 times more not to.")
    assert (q.value, q.low, q.high, q.unit, is_range(q)) == (2, 2, 3, "times", True)


def test_between_and_range_shares_the_unit():
    q = one("Fresh fruit prices are expected to increase between 5% and 6%.")
    assert (q.low, q.high, q.unit, q.text) == (5, 6, "percent", "between 5% and 6%")


def test_scale_written_once_applies_to_both_ends_of_a_range():
    q = one("lets get from $10 to $15 billion and then well split the economics evenly.")
    assert (q.low, q.high) == (10e9, 15e9)


def test_rise_from_one_level_to_another_is_two_figures():
    assert values("The unemployment rate ticked up from 4.9 percent to 5 percent.") == [4.9, 5]


def test_number_words_with_a_time_unit():
    q = one("Chery bought a factory in Barcelona that closed down by Nissan three years earlier.")
    assert (q.value, q.unit, q.text) == (3, "years", "three years")


def test_dozen_and_two_dozen():
    assert values("He bought a dozen eggs and two dozen rolls.") == [12, 24]


def test_hundreds_of_is_a_vague_range():
    q = one("The plume extends hundreds of miles into space.")
    assert (q.low, q.high, q.unit, hedge(q)) == (100, 1000, "miles", "hundreds")


def test_half_a_year():
    q = one("The plant was idle for half a year.")
    assert (q.value, q.unit) == (0.5, "years")


def test_unit_is_shared_across_or():
    assert [
        (q.value, q.unit) for q in find_quantities("a three course meal for eight or nine euros")
    ][-2:] == [(8, "EUR"), (9, "EUR")]


def test_age_in_apposition():
    q = one("Mr. Sloan, 56, remained a staunch defender of the bank.")
    assert (q.value, q.unit) == (56, "years old")


def test_hyphenated_age():
    q = one("The 65-year-old worries about the end of his income.")
    assert (q.value, q.unit) == (65, "years old")


def test_measures_are_named_in_full():
    found = find_quantities(
        "Porsche says it will have a range of 400 kilometres and hit 87 mph (140 km/h)."
    )
    assert [(q.value, q.unit) for q in found] == [
        (400, "kilometres"),
        (87, "miles per hour"),
        (140, "kilometres per hour"),
    ]


def test_money_per_month_is_a_rate():
    q = one("Apple One's Individual plan is $14.95 a month.")
    assert (q.value, q.unit) == (14.95, "USD per month")


def test_a_year_earlier_is_not_a_rate():
    assert (
        find_quantities("Revenue rose to $7.36 billion from $6.78 billion a year earlier.")[1].unit
        == "USD"
    )


def test_one_of_the_counts_the_noun_after_the_article():
    q = one("Are you on the hunt for one of the best wireless speakers around?")
    assert (q.value, q.unit) == (1, "best wireless speakers")


def test_offsets_point_at_the_words_and_a_window_is_respected():
    text = "Intro sentence. The brand sold over 5,500 vehicles. It also sold 300 vans."
    window = text.index("It")
    found = find_quantities(text, window)
    assert [q.value for q in found] == [300]
    assert all(text[q.start : q.end] == q.text for q in find_quantities(text))


def test_negative_percent_keeps_its_sign():
    assert values("In Europe: Stoxx 50 -1.3% FTSE -0.6%.") == [-1.3, -0.6]


def test_scientific_notation():
    assert one(
        "The speed of light is approximately 2.998×10−8 meters per second."
    ).value == pytest.approx(2.998e-8)
