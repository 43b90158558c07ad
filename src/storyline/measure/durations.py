"""Durations in news text ("90 days", "a month", "several years") as ISO 8601 values.

Values follow TimeML's TIMEX3 DURATION convention: "P90D", "P1M", "P2Y", "PT3H",
"PT30M"; "P4W" for weeks; "PX<unit>" where the number is not said ("for years"
-> "PXY", "recent weeks" -> "PXW", "minutes before" -> "PTXM"). Decades and
centuries are written in years ("a decade" -> "P10Y"), as TempEval-3's gold
mostly does, but with TimeML's own units where no number is said ("for
decades" -> "PXDE"). A fraction goes down one unit where that is exact ("a year and a
half" -> "P18M", "half an hour" -> "PT30M"), else stays a decimal on the unit,
which ISO 8601 allows ("a month and a half" -> "P1.5M").

Figures with a time unit come from storyline.measure.quantities; this module adds the
phrasings that are durations but not figures: "a month", "an hour", spelled-out
compounds ("a three-month class"), and durations with no number ("several
days", "the next few months", "for years").
"""

from __future__ import annotations

import re

from storyline.measure.quantities import find_quantities, hedge, is_range
from storyline.model import Quantity, TimeExpr

__all__ = ["duration_value", "find_durations"]

# Quantity units (storyline.measure.number_words.TIME_UNITS)
# -> (ISO designator, time part?, years each).
_UNITS: dict[str, tuple[str, bool, int]] = {
    "seconds": ("S", True, 1),
    "minutes": ("M", True, 1),
    "hours": ("H", True, 1),
    "days": ("D", False, 1),
    "weeks": ("W", False, 1),
    "months": ("M", False, 1),
    "years": ("Y", False, 1),
    "decades": ("Y", False, 10),
    "centuries": ("Y", False, 100),
}
# A fraction of a unit is written in the next unit down when the conversion is exact.
_DOWN = {
    "hours": ("minutes", 60),
    "minutes": ("seconds", 60),
    "days": ("hours", 24),
    "weeks": ("days", 7),
    "years": ("months", 12),
}
_SINGULAR = {
    "second": "seconds",
    "minute": "minutes",
    "hour": "hours",
    "day": "days",
    "week": "weeks",
    "fortnight": "weeks",
    "month": "months",
    "year": "years",
    "decade": "decades",
    "century": "centuries",
}
_PLURAL = {u: u for u in _UNITS} | {"fortnights": "weeks"}
_NUMBER_WORDS = {
    w: i + 1
    for i, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split())
} | {"fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100}

_U1 = "second|minute|hour|day|week|fortnight|month|year|decade|century"
_UN = "seconds|minutes|hours|days|weeks|fortnights|months|years|decades|centuries"
_VAGUE = r"(?:a\s+few|few|several|many|a\s+couple\s+of|couple\s+of)"
_SPAN_DET = r"(?:past|last|next|coming|previous|following)"
# "a month", "an hour", "one full year": one unit. "a year old" is an age and
# "twice a year", "$5 a month" are rates (the rate is a quantity, checked below).
_ONE_RE = re.compile(
    rf"\b(?:an?|one)\s+(?:(?:full|whole|single|mere)\s+)?(?P<u>{_U1})\b"
    r"(?![-\s]+old\b|[-\s]+and[-\s]+a[-\s]+half|-(?!long\b))",
    re.I,
)
# "a second presidential ad", "for a second time": the ordinal, not the unit.
_ORDINAL_SECOND = re.compile(
    r"\s+(?!(?:later|earlier|before|after|ago|or|and|to|longer)\b)[a-z]", re.I
)
_RATE_BEFORE = re.compile(r"\b(?:once|twice|thrice|times|per|every|each)\s+$", re.I)
# "a three-month class", "the four-week closure"; not "a five-year-old".
_COMPOUND_RE = re.compile(
    rf"(?<![\w-])(?P<n>{'|'.join(_NUMBER_WORDS)})-(?P<u>{_U1})s?(?:-long)?\b"
    r"(?!-old|\s+old\b)",
    re.I,
)
# "the past year", "over the next decade": one unit counted from the reference.
_SPAN_ONE_RE = re.compile(
    rf"\bthe\s+{_SPAN_DET}\s+(?P<u>{_U1.partition('|')[2]})\b"
    r"(?![-\s]+old\b)",
    re.I,
)  # not "at the last second"
# "several days", "the next few months", "in recent weeks": units with no number.
_VAGUE_RE = re.compile(
    rf"\b(?:(?:the\s+)?(?:{_SPAN_DET}\s+(?:{_VAGUE}\s+)?|(?:first|final)\s+{_VAGUE}\s+)"
    rf"|{_VAGUE}\s+|recent\s+)"
    rf"(?P<u>{_UN})\b(?!\s+old\b)",
    re.I,
)
# A bare plural is a duration only in a temporal frame: "for years", "take
# weeks", "days before", "hours later" ("the final seconds" is not counted).
_BARE_RE = re.compile(rf"\b(?P<u>{_UN})\b", re.I)
_BARE_BEFORE = re.compile(
    r"\b(?:for|within|over|after|take|takes|took|taken|taking|last|lasts"
    r"|lasted|lasting|spent|spend|spends|wait|waited|in)\s+$",
    re.I,
)
_BARE_AFTER = re.compile(r"\s+(?:before|after|later|earlier|into|on\b(?!\s+end))", re.I)
# "children 6 months and older", "years of age": ages, not durations.
_AGE_AFTER = re.compile(
    r"\s+(?:and|or)\s+(?:older|over|up|younger|under)\b|\s+of\s+age\b|\s+old\b", re.I
)


def _iso(amount: float | None, unit: str) -> str | None:
    """ "P3M", "PT1.5H", "PXY" for ``amount`` of a plural time ``unit`` (None: not said)."""
    if unit not in _UNITS:
        return None
    if amount is not None and not float(amount).is_integer() and unit in _DOWN:
        smaller, factor = _DOWN[unit]
        if float(amount * factor).is_integer():
            amount, unit = amount * factor, smaller
    letter, time_part, years = _UNITS[unit]
    if amount is None:  # "for decades": TimeML's decade and century units keep the scale
        number, letter = "X", {10: "DE", 100: "CE"}.get(years, letter)
    else:
        amount *= years
        number = str(int(amount)) if float(amount).is_integer() else f"{amount:g}"
    return f"P{'T' if time_part else ''}{number}{letter}"


def duration_value(q: Quantity) -> str | None:
    """The TimeML duration of a quantity with a time unit ("90 days" -> "P90D"), else None.

    The value is the figure as written: a hedge ("almost seven years") leaves it
    as is (TimeML marks hedges apart); a vague plural ("hundreds of years") has
    no number ("PXY"); a range is read by :func:`find_durations` as two values.
    Ages ("years old") and rates ("USD per month") are not durations.
    """
    if q.unit not in _UNITS or q.value <= 0:
        return None
    vague = is_range(q) and hedge(q) != "between"
    return _iso(None if vague else q.value, q.unit)


def _range_parts(q: Quantity) -> list[TimeExpr]:
    """ "between 12 and 18 months" -> "12" (P12M) and "18 months" (P18M), as TimeML marks them."""
    m = re.fullmatch(
        r"(?:between\s+)?(?P<a>.+?)\s*(?:-|–|—|\bto\b|\band\b)\s*(?P<b>.+)", q.text, re.I | re.S
    )
    low, high = q.low if q.low is not None else q.value, q.high if q.high is not None else q.value
    if not m or q.unit not in _UNITS:
        return []
    return [
        TimeExpr(q.start + m.start(g), q.start + m.end(g), m.group(g), _iso(v, q.unit))
        for g, v in (("a", low), ("b", high))
    ]


def _taken(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(s < b and a < e for a, b in spans)


def find_durations(text: str, start: int = 0, end: int | None = None) -> tuple[TimeExpr, ...]:
    """Durations in text[start:end], in order, valued as TimeML durations; offsets into text."""
    end = len(text) if end is None else end
    out: list[TimeExpr] = []
    quantities = find_quantities(text, start, end)
    for q in quantities:
        if q.unit not in _UNITS or _AGE_AFTER.match(text, q.end):
            continue
        if hedge(q) == "between":
            out.extend(_range_parts(q))
        elif value := duration_value(q):
            out.append(TimeExpr(q.start, q.end, q.text, value))
    # Figures of any unit block these phrasings: "$5 a month" is a rate, "a third of
    # a year" a fraction.
    taken = [(q.start, q.end) for q in quantities] + [(t.start, t.end) for t in out]

    def add(m: re.Match[str], amount: float | None, unit: str) -> None:
        if _taken(taken, m.start(), m.end()) or _AGE_AFTER.match(text, m.end()):
            return
        out.append(TimeExpr(m.start(), m.end(), m.group(), _iso(amount, unit)))
        taken.append(m.span())

    for m in _COMPOUND_RE.finditer(text, start, end):
        add(m, _NUMBER_WORDS[m.group("n").lower()], _SINGULAR[m.group("u").lower()])
    for m in _VAGUE_RE.finditer(text, start, end):
        word = re.sub(r"\s+", " ", m.group().lower())
        couple = "couple of" in word
        add(m, 2 if couple else None, _PLURAL[m.group("u").lower()])
    for m in _SPAN_ONE_RE.finditer(text, start, end):
        unit = m.group("u").lower()
        add(m, 2 if unit == "fortnight" else 1, _SINGULAR[unit])
    for m in _ONE_RE.finditer(text, start, end):
        unit = m.group("u").lower()
        if _RATE_BEFORE.search(text, max(0, m.start() - 8), m.start()) or (
            unit == "second" and _ORDINAL_SECOND.match(text, m.end())
        ):
            continue
        add(m, 2 if unit == "fortnight" else 1, _SINGULAR[unit])
    for m in _BARE_RE.finditer(text, start, end):
        if _BARE_BEFORE.search(text, max(0, m.start() - 8), m.start()) or _BARE_AFTER.match(
            text, m.end()
        ):
            add(m, None, _PLURAL[m.group("u").lower()])
    return tuple(sorted(out, key=lambda t: (t.start, t.end)))
