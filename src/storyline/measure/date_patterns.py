"""The phrasings of dates in news text, read into parsed forms for storyline.measure.dates.

Each rule is a regex and a function that checks its context ("in May" is a
month, "Theresa May" is not; "in 2024" is a year, "2000 people" is not) and
says what the words mean, unresolved: ``("period", "month", 10, None, None)``
for "in October", ``("rel", "year", -1)`` for "last year". storyline.measure.dates
turns those into ISO values against an article's date.

Parsed forms:
    ("abs", value)                      a value read as written ("the 1990s" -> "199")
    ("period", kind, idx, mode, day)    a month/quarter/half/season/yearpart of a year;
                                        mode: None (tense decides), "last", "next",
                                        "rel:<n>" (years from the reference), "year:<yyyy>"
    ("weekday", wd, mode)               0 = Monday; mode None, "last" or "next"
    ("rel", unit, n)                    n units from the reference ("yesterday")
    ("anchor", unit, n, strict)         n units from a date named before ("a year later")
    ("range", ((start, end, year), ...)) "2009-10": two years
    ("none",)                           a date with no value ("a few years ago")
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

# Characters either side of a key word within which a rule's match can lie:
# the longest phrasings ("the beginning of this past Tuesday morning") are ~50.
KEY_REACH = 100

_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTHS = {m: i + 1 for i, m in enumerate(_MONTH_NAMES)} | {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4, "latter": 2}
_SEASONS = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4}
# Fixed-date holidays of English-language news (moveable feasts left out).
_HOLIDAYS = {
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "boxing day": (12, 26),
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
    "valentine's day": (2, 14),
    "halloween": (10, 31),
}
_NUMS = {
    w: i + 1
    for i, w in enumerate(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"a": 1, "an": 1, "a couple of": 2, "thirty": 30, "forty": 40, "fifty": 50}
_VAGUE = ("a few", "several", "some", "many")
_MODES = {"last": "last", "next": "next", "this": "rel:0", "this past": "last"}

# Regex pieces. Years run 1800-2100: news dates history as well as targets.
_YR = r"(?:1[89]\d\d|20\d\d|2100)"
_YR0 = r"(?:1[89]\d0|20\d0)"  # a decade's first year
_ABBR = r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
_MON = rf"(?:{'|'.join(_MONTH_NAMES)}|{_ABBR}\.|{_ABBR}(?=\s+\d))"  # "Jan" only before a number
_WD = "(?:" + "|".join(_WEEKDAYS) + ")"
_NUM = (
    r"(?:\d{1,3}|a couple of|a few|several|some|many|an?|(?:twenty|thirty|forty)(?:-\w+)?|"
    + "|".join(_NUMS)
    + ")"
)
_UNIT = r"(?P<u>years?|months?|weeks?|days?|decades?)"
_EDGE = r"(?:(?P<pm>early|earlier|late|later|mid|the\s+(?:start|beginning|end|middle)\s+of)[\s-]+)"
_MOD = r"(?P<mod>last|this\s+past|this|next)"
_OF_YEAR = rf"(?:(?P<y>{_YR})(?!\d)|(?P<rel>last|this|next)\s+year\b|the\s+(?:current\s+)?year\b)"

# Context of a bare 4-digit number that makes it a year (TimeML practice and
# news style: "in 2024", "since 2012", "a 2010 raid", "2025 was"), and what
# after it makes it a count or a time ("2000 people", "1900 GMT").
_YEAR_BEFORE = frozenset(
    "in since by until till from to of during through between and or before after circa c. "
    "early late mid year fiscal fy season a an the his her its their our my your this that whose "
    "summer spring autumn winter".split()
)
_YEAR_AFTER = frozenset(
    "in on at and or to was is were will would had has as when with for the a by but after "
    "before that which while than from".split()
)
_NOT_YEAR_AFTER = re.compile(
    r"\s*(?:%|per\s*cent|percent|gmt|bst|utc|hrs|hours|[kmc]?m\b|km|kg|mph|miles|feet|ft|tonnes|"
    r"people|cars|vehicles|units|jobs|workers|staff|employees|homes|million|billion|bn|\d)",
    re.I,
)
_PREV_WORD = re.compile(r"([\w.'’$£€]+)\W*$")

Parsed = tuple  # see the module docstring
Cand = tuple[int, int, Parsed]


def _prev_word(text: str, pos: int) -> str:
    m = _PREV_WORD.search(text, max(0, pos - 30), pos)
    return m.group(1).lower() if m else ""


def _looks_like_year(text: str, s: int, e: int) -> bool:
    symbol = text[max(0, s - 2) : s].strip()[-1:]
    if (symbol and symbol in "$£€¥") or _NOT_YEAR_AFTER.match(text, e):
        return False
    prev = _prev_word(text, s)
    if prev in _YEAR_BEFORE or prev.rstrip(".") in _MONTHS or prev.endswith(("'s", "’s")):
        return True
    nxt = re.match(r"\s*([A-Za-z]+|\S)?", text[e : e + 30])
    word = nxt.group(1) if nxt else None
    return word is None or not word[0].isalnum() or word.lower() in _YEAR_AFTER


def _year_spec(m: re.Match) -> str | int | None:
    """An explicit year (int), a relative one ("rel:-1") or None (the tense decides)."""
    if m.group("y"):
        return int(m.group("y"))
    return (
        "rel:" + str({"last": -1, "this": 0, "next": 1}[m.group("rel").lower()])
        if m.group("rel")
        else None
    )


def _place(kind: str, idx: int, spec: str | int | None, day: int | None = None) -> Parsed:
    return ("period", kind, idx, f"year:{spec}" if isinstance(spec, int) else spec, day)


def _mode(m: re.Match) -> str | None:
    return _MODES.get(" ".join((m.group("mod") or "").lower().split()))


def _count(m: re.Match) -> int | None:
    word = " ".join(m.group("n").lower().split()).replace("-", " ")
    if word.isdigit() or word in _NUMS:
        return int(word) if word.isdigit() else _NUMS[word]
    tens, _, ones = word.partition(" ")  # "twenty-five"
    return _NUMS[tens] + _NUMS[ones] if tens in _NUMS and ones in _NUMS else None


Rule = Callable[[re.Match, str, bool], list[Cand]]


def _iso(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    try:  # "2025-10-14", also inside timestamps
        return [(m.start(), m.end(), ("abs", date.fromisoformat(m.group()).isoformat()))]
    except ValueError:
        return []


def _day_month(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    mon, d = _MONTHS[m.group("mon").lower().rstrip(".")], int(m.group("d"))
    spec = int(m.group("y")) if m.group("y") else None
    try:
        date(spec or 2000, mon, d)
    except ValueError:
        return []
    ok = lenient or m.group("mon")[0].isupper()
    return [(m.start(), m.end(), _place("month", mon, spec, d))] if ok else []


def _month_year(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    mon = _MONTHS[m.group("mon").lower().rstrip(".")]
    ok = lenient or m.group("mon")[0].isupper()
    return [(m.start(), m.end(), _place("month", mon, _year_spec(m)))] if ok else []


def _bare_month(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    word, cue = m.group("mon"), (m.group("cue") or "").lower()
    if not lenient and not (word[0].isupper() and (cue or m.group("mod") or m.group("pm"))):
        return []  # a month needs a preposition or modifier: "in May", not "Theresa May"
    if (
        word.lower() == "may"
        and not (m.group("mod") or m.group("pm"))
        and cue in ("by", "to", "and", "or", "of", "from")
    ):
        return []  # "backed by May": a person more often than the month
    return [(m.start("e"), m.end(), ("period", "month", _MONTHS[word.lower()], _mode(m), None))]


_NOT_WEEKDAY_BEFORE = ("good", "black", "cyber", "super", "ash", "palm", "easter", "bloody", "mail")
_NOT_WEEKDAY_AFTER = re.compile(  # newspapers and shows named after weekdays
    r"\s+(?:Times|Telegraph|Mirror|Express|Post|Herald|Mail|People|Sport|Independent|Night)\b"
)


def _weekday_rule(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    wd, mod = m.group("wd"), (m.group("mod") or "").lower()
    if not lenient and (
        not wd[0].isupper()
        or _prev_word(text, m.start()) in _NOT_WEEKDAY_BEFORE
        or _NOT_WEEKDAY_AFTER.match(text, m.end())
    ):
        return []
    start = m.start("wd") if mod == "on" else m.start()
    return [(start, m.end(), ("weekday", _WEEKDAYS.index(wd.lower()), _mode(m)))]


def _year(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    if not (lenient or m.group("pm") or _looks_like_year(text, m.start("y"), m.end())):
        return []
    return [(m.start(), m.end(), ("abs", m.group("y")))]


def _year_range(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    a, b = int(m.group("a")), m.group("b")
    full = int(b) if len(b) == 4 else a - a % 100 + int(b)
    full += 100 if len(b) == 2 and full <= a else 0  # "1999-00"
    if not a < full <= a + 50 or _NOT_YEAR_AFTER.match(text, m.end()):
        return []
    parts = ((m.start("a"), m.end("a"), str(a)), (m.start("b"), m.end("b"), str(full)))
    return [(m.start(), m.end(), ("range", parts))]


def _decade(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    y = m.group("y") or m.group("y2")
    if y:  # "the 1900s" is the century far more often than its first decade
        return [(m.start(), m.end(), ("abs", y[:2] if y in ("1800", "1900") else y[:3]))]
    yy = int(m.group("yy"))
    return [(m.start(), m.end(), ("abs", ("19" if yy >= 20 else "20") + str(yy)[0]))]


def _century(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    words = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21}
    n = int(m.group("n")) if m.group("n") else words[m.group("w").lower()]
    return [(m.start(), m.end(), ("abs", f"{n - 1:02d}"))]


def _quarter(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    if m.group("q") or m.group("q2"):
        if "q" in m.group():  # "q3" in lower case is not how news writes a quarter
            return []
        q = int(m.group("q") or m.group("q2"))
    else:
        q = _ORDINALS[m.group("ord").lower()]
        if m.group("ord").lower() == "last" and not m.group("the") and not m.group("of"):
            return [(m.start(), m.end(), ("rel", "quarter", -1))]  # "last quarter"
    spec = int(m.group("y2")) if m.group("y2") else _year_spec(m)
    return [(m.start(), m.end(), _place("quarter", q, spec))]


def _half(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    h = int(m.group("h")) if m.group("h") else _ORDINALS[m.group("ord").lower()]
    spec = int(m.group("y2")) if m.group("y2") else _year_spec(m)
    return [(m.start(), m.end(), _place("half", h, spec))]


def _season(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    s, spec, mode = m.group("s").lower(), _year_spec(m), _mode(m)
    if s == "fall" and not (mode or m.group("y") or lenient):
        return []  # "a fall in sales", "prices will fall this year"
    if not (spec is not None or mode or lenient or m.group("cue")):
        return []  # "hot spring"
    return [(m.start("e"), m.end(), _place("season", _SEASONS[s], spec if spec else mode))]


def _holiday(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    mo, d = _HOLIDAYS[m.group("h").lower().replace("’", "'")]
    if not lenient and not (
        m.group("h")[0].isupper() and (m.group("cue") or m.group("mod") or m.group("y"))
    ):
        return []
    spec = int(m.group("y")) if m.group("y") else _mode(m)
    return [(m.start("e"), m.end(), _place("month", mo, spec, d))]


def _relative(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    if _prev_word(text, m.start()) == "the":
        return []  # "the last year", "the next week": spans of time
    mod = " ".join(m.group("mod").lower().split())
    n = {"last": -1, "this": 0, "next": 1, "this past": -1}[mod]
    return [(m.start(), m.end(), ("rel", m.group("u").lower(), n))]


def _year_part(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    month = {"end": 12, "middle": 6}.get(m.group("part").lower(), 1)  # start, beginning, turn
    return [(m.start(), m.end(), ("period", "yearpart", month, None, None))]


def _day_word(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    w = (m.group("w") or m.group("tn")).lower()
    n = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "this": 0, "last": -1}[w]
    n += {"before": -1, "after": 1}.get((m.group("ba") or "").lower(), 0)
    return [(m.start(), m.end(), ("rel", "day", n))]


def _ago(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    n, unit = _count(m), m.group("u").lower().rstrip("s")
    sign = -1 if m.groupdict().get("ago") else 1  # "ago" back; "from now", "in ... time" on
    return [(m.start(), m.end(), ("rel", unit, sign * n) if n else ("none",))]


def _anchored(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    way, rest = m.group("dir").lower(), text[m.end() : m.end() + 8]
    if re.match(r"\s+than\b", rest) or (
        way in ("before", "after", "prior") and not re.match(r"\s*(?:[,.;:!?)]|$)", rest)
    ):
        return []  # "a month earlier than usual"; "two years after his diagnosis"
    n, unit = _count(m), m.group("u").lower().rstrip("s")
    sign = -1 if way in ("earlier", "before", "previously", "prior") else 1
    return [(m.start(), m.end(), ("anchor", unit, sign * n, False) if n else ("none",))]


def _anchored_word(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    if _prev_word(text, m.start()) in ("over", "for", "within", "throughout", "during"):
        return []  # "over the next year": a span of time
    det = " ".join((m.group("det") or "").lower().split())
    n = {"the following": 1, "the next": 1, "the previous": -1, "the prior": -1}.get(det, 0)
    n = {"before": -1, "after": 1}.get((m.group("dir") or "").lower(), n)
    return [(m.start(), m.end(), ("anchor", (m.group("u") or m.group("u2")).lower(), n, True))]


# Each rule runs only near a hit of its key (over the lowered text): M month,
# W weekday, S season, H holiday, A "ago"/"earlier" words, Q quarter/half,
# U unit words, D two digits; a rule without a key scans everything.
_KEYS = re.compile(
    r"\b(?:(?P<M>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|(?P<W>(?:mon|tues|wednes|thurs|fri|satur|sun)day)|(?P<S>spring|summer|autumn|fall|winter)"
    r"|(?P<H>christmas|boxing|new year|valentine|halloween)|(?P<Q>quarter|half|q[1-4]|h[12])"
    r"|(?P<A>ago|now|time|earlier|later|before|after|previously|prior)\b"
    r"|(?P<U>year|month|week|day|today|tonight|tomorrow|yesterday|morning|afternoon|evening|night"
    r"|century))|(?P<D>\d\d)"
)
_I = re.I
_RULES: tuple[tuple[re.Pattern, Rule, str | None], ...] = (
    (re.compile(r"\b\d{4}-\d{2}-\d{2}(?!\d)"), _iso, None),
    (
        re.compile(
            rf"\b(?:{_WD},?\s+)?(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
            rf"(?P<mon>{_MON})(?:,?\s+(?P<y>{_YR})(?!\d))?(?!\w)",
            _I,
        ),
        _day_month,
        "M",
    ),
    (
        re.compile(
            rf"\b(?:{_WD},?\s+)?(?P<mon>{_MON})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"(?![\d%]|[.,:]\d)(?:,?\s+(?P<y>{_YR})(?!\d))?",
            _I,
        ),
        _day_month,
        "M",
    ),
    (
        re.compile(
            rf"\b{_EDGE}?(?P<mon>{_MON})\s*,?\s+(?:of\s+)?(?:(?P<y>{_YR})(?!\d)"
            rf"|(?P<rel>last|this|next)\s+year\b)",
            _I,
        ),
        _month_year,
        "M",
    ),
    (
        re.compile(
            rf"\b(?:(?P<cue>in|on|since|until|till|through|during|from|before|after|between"
            rf"|of|to|and|or|by)\s+)?(?P<e>{_EDGE}?(?:{_MOD}\s+)?(?P<mon>"
            + "|".join(_MONTH_NAMES)
            + r"))\b",
            _I,
        ),
        _bare_month,
        "M",
    ),
    (
        re.compile(
            rf"\b(?:(?P<mod>last|this\s+past|this|next|on)\s+)?(?P<wd>{_WD})"
            r"(?:\s+(?:morning|afternoon|evening|night))?\b",
            _I,
        ),
        _weekday_rule,
        "W",
    ),
    (
        re.compile(
            rf"(?<![\w$£€¥.,/#-])(?P<a>{_YR})\s*[-–/]\s*(?P<b>\d{{4}}|\d{{2}})"
            r"(?![\w%]|[.,]\d|[-/]\d)"
        ),
        _year_range,
        None,
    ),
    (
        re.compile(
            rf"(?:(?<![\w$£€¥.,/#-])|\b{_EDGE}|\b(?P<fy>FY\s?))(?P<y>{_YR})"
            r"(?![\w%]|[.,]\d|\s*[-–/]\s*\d|-[a-z])",
            _I,
        ),
        _year,
        None,
    ),
    (
        re.compile(
            rf"\bthe\s+(?:(?:early|late|mid)[\s-]+)?(?:(?P<y>{_YR0})['’]?s|['’]?(?P<yy>\d0)"
            rf"['’]?s)\b|\b(?:(?:early|late|mid)[\s-]+)?(?P<y2>{_YR0})s\b",
            _I,
        ),
        _decade,
        "D",
    ),
    (
        re.compile(
            r"\b(?:the\s+)?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<w>eighteenth|nineteenth"
            r"|twentieth|twenty-first))[\s-]+century\b",
            _I,
        ),
        _century,
        "U",
    ),
    (
        re.compile(
            rf"\b(?:(?P<the>the\s+)?(?P<ord>first|second|third|fourth|final|last)[\s-]+"
            rf"(?:(?:fiscal|financial)\s+)?quarter|(?P<y2>{_YR})\s*Q(?P<q>[1-4])"
            r"|Q(?P<q2>[1-4]))"
            rf"(?P<of>\s+(?:of\s+)?{_OF_YEAR})?\b",
            _I,
        ),
        _quarter,
        "Q",
    ),
    (
        re.compile(
            rf"\b(?:the\s+)?(?P<ord>first|second|latter)\s+half\s+of\s+{_OF_YEAR}"
            rf"|\bH(?P<h>[12])\s+(?P<y2>{_YR})\b",
            _I,
        ),
        _half,
        "Q",
    ),
    (
        re.compile(
            rf"\b(?:(?P<cue>in|during|over|by|since|until|through)\s+)?(?P<e>(?:the\s+)?"
            rf"{_EDGE}?(?:{_MOD}\s+)?(?:the\s+)?(?P<s>spring|summer|autumn|fall|winter)"
            rf"(?:\s+(?:of\s+)?(?P<y>{_YR})(?!\d)|\s+(?P<rel>last|this|next)\s+year)?)\b",
            _I,
        ),
        _season,
        "S",
    ),
    (
        re.compile(
            rf"\b(?:(?P<cue>at|on|over|before|after|by|until|since|for)\s+)?(?P<e>"
            rf"(?:(?P<mod>last|this|next)\s+)?(?P<h>christmas eve|christmas day|christmas"
            rf"|boxing day|new year['’]s eve|new year['’]s day|valentine['’]s day"
            r"|halloween)"
            rf"(?:\s+(?P<y>{_YR})(?!\d))?)\b",
            _I,
        ),
        _holiday,
        "H",
    ),
    (
        re.compile(
            rf"\b{_EDGE}?{_MOD}\s+(?:(?:fiscal|financial|calendar|tax|academic|school)\s+)?"
            r"(?P<u>year|month|week|weekend|quarter)\b",
            _I,
        ),
        _relative,
        "U",
    ),
    (
        re.compile(
            r"\b(?:the\s+)?(?P<part>end|start|beginning|turn|middle)\s+of\s+(?:the\s+)?year\b", _I
        ),
        _year_part,
        "U",
    ),
    (
        re.compile(
            r"\b(?:the\s+day\s+(?P<ba>before|after)\s+)?(?:(?P<w>yesterday|today|tomorrow"
            r"|tonight)(?:\s+(?:morning|afternoon|evening|night))?|(?P<tn>this|last)\s+"
            r"(?:morning|afternoon|evening|night))\b",
            _I,
        ),
        _day_word,
        "U",
    ),
    (re.compile(rf"\b(?P<n>{_NUM})\s+{_UNIT}\s+(?:(?P<ago>ago)|from\s+now)\b", _I), _ago, "A"),
    (re.compile(rf"\bin\s+(?P<n>{_NUM})\s+{_UNIT}['’]?\s+time\b", _I), _ago, "A"),
    (
        re.compile(
            rf"\b(?P<n>{_NUM})\s+{_UNIT}\s+(?P<dir>earlier|later|before|after|previously"
            r"|prior)\b",
            _I,
        ),
        _anchored,
        "A",
    ),
    (
        re.compile(
            r"\b(?:(?:early|earlier|late|later)\s+)?(?:(?P<det>the\s+following|the\s+next"
            r"|the\s+previous|the\s+prior|that|the\s+same)\s+(?P<u>year|month|week|day)"
            r"|the\s+(?P<u2>year|month|week|day)\s+(?P<dir>before|after)(?=\s*[,.;:!?)]|\s*$))"
            r"\b",
            _I,
        ),
        _anchored_word,
        "U",
    ),
)


def candidates(text: str, lo: int, hi: int, lenient: bool) -> list[Cand]:
    """Every rule's reading of text[lo:hi]: the longest that do not overlap, in text order.

    ``lenient`` drops the checks that a phrase is used as a date ("May", "2000").
    """
    windows: dict[str, list[list[int]]] = {}
    low = text[lo:hi].lower()  # a case-blind scan is three times slower
    if len(low) != hi - lo:  # lowering changed the length of some letter: keep offsets true
        low = "".join(c if len(c.lower()) > 1 else c.lower() for c in text[lo:hi])
    for k in _KEYS.finditer(low):
        spans = windows.setdefault(k.lastgroup or "", [])
        a, b = max(lo, lo + k.start() - KEY_REACH), min(hi, lo + k.end() + KEY_REACH)
        if spans and a <= spans[-1][1]:
            spans[-1][1] = b
        else:
            spans.append([a, b])
    found: list[Cand] = []
    for rx, rule, key in _RULES:
        for a, b in [[lo, hi]] if key is None else windows.get(key, ()):
            found.extend(c for m in rx.finditer(text, a, b) for c in rule(m, text, lenient))
    found.sort(key=lambda c: (c[0] - c[1], c[0]))
    chosen: list[Cand] = []
    for c in found:
        if all(c[1] <= o[0] or c[0] >= o[1] for o in chosen):
            chosen.append(c)
    return sorted(chosen)
