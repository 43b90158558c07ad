"""The date, quantity and frame stages never raise, whatever the words: date
phrases of every shape against any reference, weekdays under every tense,
and real news sentences, whole or cut anywhere (a "this Tuesday" once stopped
a 300-article `storyline add` with KeyError 'rel:0')."""

from __future__ import annotations

import datetime as dt
import functools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.measure.dates import find_dates, find_time_expressions, normalise_date
from storyline.measure.durations import find_durations
from storyline.measure.quantities import find_quantities

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)]
MODIFIERS = ["", "last", "next", "this", "this past", "on", "by", "until", "since", "from"]
EDGES = ["", "early ", "late ", "mid-", "the end of ", "the beginning of ", "the middle of "]
BASES = [
    *WEEKDAYS,
    *MONTHS,
    "spring",
    "summer",
    "autumn",
    "winter",
    "the first quarter",
    "the second half",
    "year",
    "month",
    "week",
    "decade",
    "2019",
    "1999-00",
    "the 1990s",
    "today",
    "yesterday",
    "tomorrow",
    "three years ago",
    "a few years ago",
    "two months later",
    "a year earlier",
    "Christmas",
    "Valentine's Day",
    "12 May",
    "May 12",
    "29 February",
    "Tuesday morning",
    "Friday afternoon",
]
TENSES = [
    "The board met",
    "The board will meet",
    "Talks would resume",
    "Officials said the plant closed",
    "The vote is expected",
    "Ministers had agreed",
    "The deal was postponed until",
    "Sales fell",
    "It's due",
    "Shares rose",
]
references = st.one_of(
    st.none(),
    st.dates(dt.date(1800, 1, 1), dt.date(2100, 12, 31)).map(dt.date.isoformat),
    st.integers(1800, 2100).map(str),
    st.dates(dt.date(1800, 1, 1), dt.date(2100, 12, 31)).map(lambda d: d.isoformat()[:7]),
    st.sampled_from(["", "not a date", "2019-13-40", "0000-00-00", "20190101"]),
)
phrases = st.builds(
    lambda mod, edge, base: " ".join(p for p in (mod, edge + base) if p),
    st.sampled_from(MODIFIERS),
    st.sampled_from(EDGES),
    st.sampled_from(BASES),
)

# Sentences of the seed story's three articles (examples/jlr-chery), as printed.
REAL_SENTENCES = [
    (
        "JLR (Jaguar Land Rover) is in discussions with Chery centred around producing the "
        "Chinese automaker’s vehicles at one of its plants in the UK."
    ),
    (
        "According to the Financial Times, the two firms are in the early discussions, which "
        "are being facilitated by the British government."
    ),
    (
        "Members of the government, including Prime Minister Keir Starmer, are currently in "
        "China for a series of wide-ranging trade negotiations."
    ),
    (
        "The UK government has a set a target for the local auto industry to produce 1.3 "
        "million cars per year by 2035."
    ),
    (
        "The Society of Motor Manufacturers and Traders estimates manufacturers in the UK "
        "made just 738,000 cars last year."
    ),
    (
        "There’s no guarantee talks between Chery and JLR will result in a deal, with unnamed"
        " sources previously telling the business newspaper the UK’s high energy and labour "
        "costs are potential sticking points."
    ),
    "In 2024 it bought a factory in Barcelona that closed down by Nissan three years earlier.",
    "Last week the Chinese automaker signed a deal to buy Nissan’s plant in South Africa.",
    (
        "In 2024 the EU imposed additional tariffs of up to 35 per cent on Chinese made EVs "
        "citing unfair subsidies being handed out by Beijing."
    ),
    "Jaecoo lead the way, growing sales from 209 in 2024 to 28,232 last year.",
    "In the process it overtook the likes of Honda (23,017), Seat (23,015) and Citroen (20,732).",
    (
        "Omoda did well too, going from 3629 in 2024 to 19,855 in 2025, zooming past Suzuki "
        "(18,226), Jeep (10,616) and Fiat (8764)."
    ),
    (
        "Chinese production of Jaguar models ended in 2025, with the Range Rover Evoque and "
        "Land Rover Discovery Sport due to wrap up this year."
    ),
    (
        "A deal between Jaguar Land Rover (JLR) and Chinese automaker Chery is nearing "
        "completion, potentially bringing Chery production to UK manufacturing plants."
    ),
    (
        "Despite entering the market in August 2025, the brand sold over 5,500 vehicles last "
        "year, surpassing established automakers like Alfa Romeo, DS, Genesis, and Smart."
    ),
    (
        "The company suffered a severe blow in 2025 when a cyberattack halted production for "
        "over five weeks."
    ),
    (
        "The deal is still pending official confirmation from JLR, though Chery UK declined "
        "to comment at the time of reporting."
    ),
    (
        "At the same time, Jaguar Land Rover has committed £500 million to transform its "
        "Halewood plant into a future-ready facility capable of building internal-combustion,"
        " hybrid and electric vehicles side by side."
    ),
    (
        "The two companies have operated a 50:50 joint venture in China since 2012, producing"
        " Jaguar and Land Rover vehicles for the local market."
    ),
    (
        "Crucially, no deal has been announced, and neither JLR nor Chery has confirmed that "
        "UK production will happen."
    ),
    (
        "Earlier this month, UK Prime Minister Keir Starmer visited China, the first British "
        "PM to do so since 2018, explicitly to reset trade relations and encourage inward "
        "investment."
    ),
    "There is currently no evidence that JLR will build Chery cars in the UK.",
    (
        "As ever, we’ll stick to what can be proven in Jaguar Enthusiast Magazine — and keep "
        "a close eye on what happens next."
    ),
    (
        "and will pay 2-3 times more not to, and if 50% of the population had that attitude, "
        "it would stop the Chinese in their tracks."
    ),
    "“We are in constructive discussions,” a spokesperson said on Tuesday.",
    (
        "Why This Matters: Production, Jobs, and Market Share\nChery’s growth in the UK has "
        "been rapid."
    ),
]


def _check_dates(text: str, reference: str | None) -> None:
    for t in find_dates(text, reference):
        assert text[t.start : t.end] == t.text
        assert t.value is None or isinstance(t.value, str)
    find_time_expressions(text, reference)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(TENSES), phrases, references, st.booleans())
def test_date_phrases_never_raise(lead, phrase, reference, past):
    text = f"{lead} {phrase}."
    _check_dates(text, reference)
    _check_dates(text.lower(), reference)
    anchor = reference if reference and reference[:4].isdigit() else None
    value = normalise_date(phrase, reference, anchor=anchor, past=past)
    assert value is None or isinstance(value, str)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(TENSES),
    st.sampled_from(["", "on", "last", "next", "this", "this past", "until", "by"]),
    st.sampled_from(WEEKDAYS),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
)
def test_a_weekday_under_any_tense_is_that_weekday(lead, modifier, weekday, reference):
    phrase = f"{modifier} {weekday}".strip()
    text = f"{lead} {phrase}."
    found = [t for t in find_dates(text, reference.isoformat()) if weekday in t.text]
    for t in found:
        if t.value and len(t.value) == 10:
            assert dt.date.fromisoformat(t.value).weekday() == WEEKDAYS.index(weekday), (text, t)
            assert abs((dt.date.fromisoformat(t.value) - reference).days) <= 14
    value = normalise_date(phrase, reference.isoformat())
    assert value is None or dt.date.fromisoformat(value).weekday() == WEEKDAYS.index(weekday)


@functools.cache
def _nlp():
    from storyline.article.nlp import load

    return load()


# Real sentences, several together, cut anywhere (a cut mid-word or mid-number
# is what a truncated feed entry gives).
passages = st.lists(st.sampled_from(REAL_SENTENCES), min_size=1, max_size=5).map(" ".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(passages, st.floats(0, 1), st.floats(0, 1), references)
def test_real_sentences_whole_or_cut_never_make_a_stage_raise(passage, a, b, reference):
    from storyline.article.frames import frames

    lo, hi = sorted((int(a * len(passage)), int(b * len(passage))))
    for text in (passage, passage[lo:hi] or passage, passage.upper()):
        for q in find_quantities(text):
            assert text[q.start : q.end] == q.text
        if hi > lo:
            find_quantities(passage, lo, hi)  # a window of a longer text
            find_dates(passage, reference, lo, hi)
        _check_dates(text, reference)
        find_durations(text)
        for sent in _nlp()(text).sents:
            frames(sent)
