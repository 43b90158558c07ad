"""Find date expressions in news text and normalise them to ISO 8601 values.

Values follow TimeML: "2025", "2025-10", "2025-10-14", "2026-W05", "2025-Q3",
"2025-H1", "2025-SU", "199" (the 1990s), "19" (the 20th century).

Resolution policy, where the words are relative:
- against ``reference`` (the article's date, ISO to any precision); a relative
  expression finer than the reference ("last week", "yesterday" with a month- or
  year-only reference) gets value None: the coarsest value that is always
  correct would be the year at best, too vague to place on a timeline.
- a bare month, quarter, season or weekday takes its year (or week) from the
  tense of its sentence: past (the default in news) gives the latest such period
  on or before the reference, future ("will", "expected to") the earliest on or
  after it; "last"/"next" exclude the reference's own period.
- "three years earlier" counts from the nearest explicit year before it in the
  same sentence, else from the reference.
Durations ("for five weeks") are not dates and are not returned.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from storyline.model import TimeExpr

# A year-only reference ("2026") is usually one storyline inferred from "last
# year" phrasings, and such articles tend to be published early in the year, so
# month resolution treats it as January: "in October" -> the previous October.
YEAR_ONLY_REFERENCE_IS_START_OF_YEAR = True

# Bounds of a 4-digit number read as a year (brief: 1900-2100; 18xx for history).
YEAR_MIN, YEAR_MAX = 1800, 2100

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {m: i + 1 for i, m in enumerate((
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december"))}
_MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
                "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12})
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4, "latter": 2}
_SEASONS = {"spring": ("SP", 1), "summer": ("SU", 2), "autumn": ("FA", 3), "fall": ("FA", 3),
            "winter": ("WI", 4)}
# Fixed-date holidays common in English-language news (moveable feasts left out).
_HOLIDAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
             "boxing day": (12, 26), "new year's eve": (12, 31), "new year's day": (1, 1),
             "valentine's day": (2, 14), "halloween": (10, 31)}
_NUMS = {w: i + 1 for i, w in enumerate((
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty").split())}
_NUMS.update({"a": 1, "an": 1, "a couple of": 2, "thirty": 30, "forty": 40, "fifty": 50,
              "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90})
_VAGUE = ("a few", "several", "some", "many")

_MON_FULL = "|".join(m for m in _MONTHS if len(m) > 4 or m == "may" or m in ("june", "july"))
_MON = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?)"
_YR0 = r"(?:1[89]\d0|20\d0)"  # a decade's first year
_WD = "(?:" + "|".join(_WEEKDAYS) + ")"
_YR = r"(?:1[89]\d\d|20\d\d|2100)"
_NUM = (r"(?:\d{1,3}|a couple of|a few|several|some|many|an?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?|"
        + "|".join(_NUMS) + ")")
_UNIT = r"(?P<u>years?|months?|weeks?|days?|decades?)"
_EDGE = r"(?:(?P<pm>early|earlier|late|later|mid|the\s+(?:start|beginning|end|middle)\s+of)[\s-]+)"

# Cue words from TimeML/TempEval practice and news style guides.
_YEAR_CUES = frozenset(
    "in since by until till from to of during through between and or before after circa c. "
    "early late mid year fiscal fy season a an the his her its their our my your this that whose "
    "summer spring autumn winter".split())
_YEAR_NOT_AFTER = re.compile(
    r"\s*(?:%|per\s*cent|percent|gmt|bst|utc|hrs|hours|[kmc]?m\b|km|kg|mph|miles|feet|ft|tonnes|"
    r"people|cars|vehicles|units|jobs|workers|staff|employees|homes|million|billion|bn|\d)", re.I)
_FUNC_AFTER = frozenset(
    "in on at and or to was is were will would had has as when with for the a by but after before "
    "that which while than from".split())
_FUTURE = frozenset(
    "will 'll shall would going expected expects expect due scheduled plans planned plan intends "
    "aims hopes upcoming coming next forecast forecasts".split())
_PAST_IRREGULAR = frozenset(
    "was were had did said told went came took made began fell rose grew saw left met won lost paid "
    "sold bought brought thought found gave got held kept knew led ran sent spent stood struck wrote "
    "became broke chose drove fought flew ago".split())
_NOT_PAST_ED = frozenset(
    "indeed need speed hundred united limited red bed seed feed breed proceed exceed succeed based "
    "related interested concerned supposed alleged so-called detailed advanced dedicated "
    "sophisticated qualified used".split())
_BE = frozenset("is are am be been being 's 're".split())
_SENT_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gov|Sen|Rep|Gen|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Inc|Corp|Co|Ltd|vs)|\b[A-Z])\.$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

# ---------------------------------------------------------------- reference


def _parse_iso(value: str | None) -> tuple[int | None, int | None, int | None]:
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value or "")
    if not m:
        return None, None, None
    y, mo, d = (int(g) if g else None for g in m.groups())
    return y, mo, d


def _num(word: str) -> int | None:
    word = word.lower().replace("-", " ")
    if word.isdigit():
        return int(word)
    if word in _NUMS:
        return _NUMS[word]
    parts = word.split()
    if len(parts) == 2 and parts[0] in _NUMS and parts[1] in _NUMS:
        return _NUMS[parts[0]] + _NUMS[parts[1]]
    return None


def _fmt(unit: str, y: int, m: int = 1, d: int = 1) -> str:
    if unit in ("week", "weekend"):
        iy, iw, _ = date(y, m, d).isocalendar()
        return f"{iy}-W{iw:02d}" + ("-WE" if unit == "weekend" else "")
    if unit == "day":
        return f"{y:04d}-{m:02d}-{d:02d}"
    return f"{y:04d}-{m:02d}" if unit == "month" else f"{y:04d}"


def _shift(unit: str, n: int, y: int | None, m: int | None, d: int | None) -> str | None:
    """The value ``n`` units away from (y, m, d), at the unit's precision."""
    if y is None:
        return None
    if unit in ("year", "decade"):
        return _fmt("year", y + n * (10 if unit == "decade" else 1))
    if m is None:
        return None
    if unit == "month":
        total = y * 12 + m - 1 + n
        return _fmt("month", total // 12, total % 12 + 1)
    if unit == "quarter":
        total = y * 4 + (m - 1) // 3 + n
        return f"{total // 4}-Q{total % 4 + 1}"
    if d is None:
        return None
    when = date(y, m, d) + timedelta(days=n * (7 if unit in ("week", "weekend") else 1))
    return _fmt(unit, when.year, when.month, when.day)


# A period within a year: (kind, index); months index 1-12, quarters 1-4 ...
_PERIODS = {"month": 12, "quarter": 4, "half": 2, "season": 4, "yearend": 12}


def _containing(kind: str, y: int, m: int) -> int:
    """Ordinal of the period of ``kind`` that holds month m of year y."""
    if kind == "season":  # Dec-Feb is the winter that starts in December
        return (y - 1) * 4 + 4 if m < 3 else y * 4 + (m - 3) // 3 + 1
    size = 12 // _PERIODS[kind] if kind != "yearend" else 1
    return y * _PERIODS[kind] + (m - 1) // size + 1


def _period(kind: str, idx: int, mode: str, ref: tuple, day: int | None = None) -> str | None:
    """Place a year-less period; mode is "past", "future", "last", "next" or "rel:<n>"."""
    ry, rm, rd = ref
    if ry is None:
        return None
    if mode.startswith("rel:"):
        year = ry + int(mode[4:])
    else:
        if rm is None:
            if not YEAR_ONLY_REFERENCE_IS_START_OF_YEAR:
                return None
            rm, rd = 1, None
        n, here = _PERIODS[kind], _containing(kind, ry, rm)
        if kind == "month" and day and rd and idx == rm:  # same month: the day decides
            here += -1 if (mode == "past" and day > rd) else (1 if mode == "future" and day < rd else 0)
        if mode in ("past", "last"):  # latest instance at (past) or before (last) `here`
            year = (here - (mode == "last") - idx) // n
        else:  # earliest instance at (future) or after (next) `here`
            year = -((idx - here - (mode == "next")) // n)
    if kind == "yearend":
        return _fmt("year", year)
    if kind == "month":
        return f"{year:04d}-{idx:02d}" + (f"-{day:02d}" if day else "")
    tag = {"quarter": "Q", "half": "H"}.get(kind)
    return f"{year}-{tag}{idx}" if tag else f"{year}-{('SP', 'SU', 'FA', 'WI')[idx - 1]}"


def _weekday(wd: int, mode: str, ref: tuple) -> str | None:
    y, m, d = ref
    if d is None:
        return None
    r = date(y, m, d)
    back, ahead = (r.weekday() - wd) % 7, (wd - r.weekday()) % 7
    when = {"past": r - timedelta(days=back), "last": r - timedelta(days=back or 7),
            "future": r + timedelta(days=ahead), "next": r + timedelta(days=ahead or 7)}[mode]
    return when.isoformat()


# ---------------------------------------------------------------- tense and sentences


def _boundary_ok(text: str, m: re.Match) -> bool:
    """A sentence end, unless the full stop closes an abbreviation ("Feb.", "Mr.")."""
    return text[m.start()] != "." or not _ABBREV.search(text[max(0, m.start() - 6):m.start() + 1])


def _sentence(text: str, pos: int, reach: int = 600) -> tuple[int, int]:
    lo, hi = max(0, pos - reach), min(len(text), pos + reach)
    start = lo if lo else 0
    for m in _SENT_END.finditer(text, lo, min(len(text), pos + 2)):  # lookahead needs pos
        if m.end() <= pos and _boundary_ok(text, m):
            start = m.end()
    end = hi
    for m in _SENT_END.finditer(text, pos, hi):
        if _boundary_ok(text, m):
            end = m.start() + 1
            break
    return start, end


def _cue(words: list[re.Match], i: int) -> str | None:
    w = words[i].group().lower().replace("’", "'")
    if w in _FUTURE or w.endswith("'ll"):
        return "future"
    if w in _PAST_IRREGULAR:
        return "past"
    if len(w) >= 5 and w.endswith("ed") and w not in _NOT_PAST_ED:
        prev = words[i - 1].group().lower() if i else ""
        return None if prev in _BE or prev.endswith("'s") else "past"  # passive: no tense
    return None


def _is_past(text: str, start: int, end: int) -> bool:
    """Tense of the clause around [start, end): the nearest verb cue before it, else after."""
    ss, se = _sentence(text, start)
    words = list(_WORD.finditer(text, ss, se))
    before = [i for i, w in enumerate(words) if w.end() <= start]
    after = [i for i, w in enumerate(words) if w.start() >= end]
    for i in reversed(before):
        if (c := _cue(words, i)):
            return c == "past"
    for i in after:
        if (c := _cue(words, i)):
            return c == "past"
    return True  # news narrates the past


# ---------------------------------------------------------------- rules

Parsed = tuple
Cand = tuple[int, int, Parsed]


def _prev_word(text: str, pos: int) -> str:
    m = re.search(r"([\w.'’$£€]+)\W*$", text[max(0, pos - 30):pos])
    return m.group(1).lower() if m else ""


def _looks_like_year(text: str, s: int, e: int) -> bool:
    if re.search(r"[$£€¥]\s*$", text[max(0, s - 3):s]) or _YEAR_NOT_AFTER.match(text, e):
        return False
    prev = _prev_word(text, s)
    if prev in _YEAR_CUES or prev.rstrip(".") in _MONTHS or prev.endswith(("'s", "’s")):
        return True
    nxt = re.match(r"\s*([A-Za-z]+|\S)?", text[e:e + 30])
    word = nxt.group(1) if nxt else None
    return word is None or not word[0].isalnum() or word.lower() in _FUNC_AFTER


def _month(word: str) -> int | None:
    return _MONTHS.get(word.lower().rstrip("."))


def _cap(word: str) -> bool:
    return word[:1].isupper()


def _year_spec(m: re.Match, y: str = "y", rel: str = "rel") -> str | int | None:
    """An explicit year (int), a relative one ("rel:-1") or None (tense decides)."""
    if m.group(y):
        return int(m.group(y))
    if m.group(rel):
        return "rel:" + str({"last": -1, "this": 0, "next": 1}[m.group(rel).lower()])
    return None


def _place(kind: str, idx: int, spec: str | int | None, day: int | None = None) -> Parsed:
    if isinstance(spec, int):
        return ("abs", _period(kind, idx, "rel:0", (spec, 1, 1), day))
    return ("period", kind, idx, spec, day)


def _iso(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    y, mo, d = (int(g) for g in m.group("y", "m", "d"))
    try:
        date(y, mo, d)
    except ValueError:
        return []
    return [(m.start(), m.end(), ("abs", _fmt("day", y, mo, d)))]


def _day_month(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    mon, d = _month(m.group("mon")), int(m.group("d"))
    if not (_cap(m.group("mon")) or lenient) or d < 1 or d > 31:
        return []
    spec = int(m.group("y")) if m.group("y") else None
    try:
        date(spec or 2000, mon, d)
    except ValueError:
        return []
    return [(m.start(), m.end(), _place("month", mon, spec, d))]


def _month_year(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    if not (_cap(m.group("mon")) or lenient):
        return []
    return [(m.start(), m.end(), _place("month", _month(m.group("mon")), _year_spec(m)))]


def _bare_month(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    word, cue, mod = m.group("mon"), (m.group("cue") or "").lower(), (m.group("mod") or "").lower()
    if not (_cap(word) or lenient) or not (cue or mod or m.group("pm") or lenient):
        return []
    if word.lower() == "may" and not (mod or m.group("pm")) and cue in ("by", "to", "and", "or", "of", "from"):
        return []  # "backed by May": a person more often than the month
    mode = {"last": "last", "next": "next", "this": "rel:0", "this past": "last"}.get(" ".join(mod.split()))
    return [(m.start("e"), m.end(), ("period", "month", _month(word), mode, None))]


def _weekday_rule(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    wd, mod = m.group("wd"), " ".join((m.group("mod") or "").lower().split())
    if not (_cap(wd) or lenient) or _prev_word(text, m.start()) in ("good", "black", "cyber", "super", "ash", "palm", "easter", "bloody", "holy", "maundy"):
        return []
    if re.match(r"\s+(?:Times|Telegraph|Mirror|Express|Post|Herald|Mail|People|Sport|Independent|Night Football)\b", text[m.end():m.end() + 20]):
        return []  # newspapers and shows named after weekdays
    start = m.start("wd") if mod == "on" else m.start()
    mode = {"last": "last", "next": "next", "this past": "last"}.get(mod)
    return [(start, m.end(), ("weekday", _WEEKDAYS.index(wd.lower()), mode))]


def _year_rule(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    if not (lenient or _looks_like_year(text, m.start(), m.end())):
        return []
    return [(m.start(), m.end(), ("abs", m.group("y")))]


def _edge_year(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    return [(m.start(), m.end(), ("abs", m.group("y")))]


def _year_range(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    a, b = int(m.group("a")), m.group("b")
    full = int(b) if len(b) == 4 else a - a % 100 + int(b)
    full += 100 if len(b) == 2 and full <= a else 0
    if not (a < full <= a + 50) or _YEAR_NOT_AFTER.match(text, m.end()):
        return []
    return [(m.start(), m.end(), ("range", ((m.start("a"), m.end("a"), str(a)), (m.start("b"), m.end("b"), str(full)))))]


def _decade(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    y = m.group("y") or m.group("y2")
    if y:  # "the 1900s" is the century far more often than its first decade
        return [(m.start(), m.end(), ("abs", y[:2] if y in ("1800", "1900") else y[:3]))]
    yy = int(m.group("yy"))
    return [(m.start(), m.end(), ("abs", ("19" if yy >= 20 else "20") + str(yy)[0]))]


_CENTURY_WORDS = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21}


def _century(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    n = int(m.group("n")) if m.group("n") else _CENTURY_WORDS[m.group("w").lower()]
    return [(m.start(), m.end(), ("abs", f"{n - 1:02d}"))]


def _quarter(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    if m.group("q") or m.group("q2"):
        if "q" in m.group():  # "q3" is not how news writes a quarter
            return []
        q = int(m.group("q") or m.group("q2"))
    else:
        q = _ORD[m.group("ord").lower()]
        if m.group("ord").lower() == "last" and not m.group("the") and not (m.group("y") or m.group("rel")):
            return [(m.start(), m.end(), ("rel", "quarter", -1))]  # "last quarter": the previous one
    spec = int(m.group("y2")) if m.group("y2") else _year_spec(m)
    return [(m.start(), m.end(), _place("quarter", q, spec))]


def _half(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    h = int(m.group("h")) if m.group("h") else _ORD[m.group("ord").lower()]
    spec = int(m.group("y2")) if m.group("y2") else _year_spec(m)
    return [(m.start(), m.end(), _place("half", h, spec))]


def _season(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    s, mod = m.group("s").lower(), " ".join((m.group("mod") or "").lower().split())
    spec = _year_spec(m)
    if not (spec is not None or mod or lenient or (m.group("cue") and s != "fall")):
        return []
    if spec is None and mod:
        spec = {"last": "last", "next": "next", "this": "rel:0", "this past": "last"}[mod]
    return [(m.start("e"), m.end(), _place("season", _SEASONS[s][1], spec))]


def _holiday(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    mo, d = _HOLIDAYS[m.group("h").lower().replace("’", "'")]
    if not (_cap(m.group("h")) or lenient) or not (m.group("cue") or m.group("mod") or m.group("y") or lenient):
        return []
    mod = (m.group("mod") or "").lower()
    spec = int(m.group("y")) if m.group("y") else {"last": "last", "next": "next", "this": "rel:0"}.get(mod)
    return [(m.start("e"), m.end(), _place("month", mo, spec, d))]


def _relative(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    if _prev_word(text, m.start()) == "the":
        return []  # "the last year", "the next week": spans of time
    mod, unit = " ".join(m.group("mod").lower().split()), m.group("u").lower()
    n = {"last": -1, "this": 0, "next": 1, "this past": -1}[mod]
    return [(m.start(), m.end(), ("rel", unit, n))]


def _year_part(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    idx = {"end": 12, "middle": 6}.get(m.group("pm").lower(), 1)  # start, beginning, turn
    return [(m.start(), m.end(), ("period", "yearend", idx, None, None))]


def _day_word(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    w = (m.group("w") or m.group("tn")).lower()
    n = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "this": 0, "last": -1}[w]
    n += {"before": -1, "after": 1}.get((m.group("ba") or "").lower(), 0)
    return [(m.start(), m.end(), ("rel", "day", n))]


def _count(m: re.Match) -> int | None:
    word = " ".join(m.group("n").lower().split())
    return None if word in _VAGUE else _num(word)


def _unit(m: re.Match) -> str:
    return m.group("u").lower().rstrip("s")


def _ago(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    n = _count(m)
    sign = -1 if m.groupdict().get("ago") else 1  # "ago" back; "from now", "in ... time" on
    return [(m.start(), m.end(), ("rel", _unit(m), sign * n) if n else ("none",))]


def _anchored(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    direction, rest = m.group("dir").lower(), text[m.end():m.end() + 8]
    if re.match(r"\s+than\b", rest) or (direction in ("before", "after", "prior") and not re.match(r"\s*(?:[,.;:!?)]|$)", rest)):
        return []  # "a month earlier than usual"; "two years after his diagnosis"
    n = _count(m)
    sign = -1 if direction in ("earlier", "before", "previously", "prior") else 1
    return [(m.start(), m.end(), ("anchor", _unit(m), sign * n, False) if n else ("none",))]


def _anchored_word(m: re.Match, text: str, lenient: bool) -> list[Cand]:
    if _prev_word(text, m.start()) in ("over", "for", "within", "throughout", "during"):
        return []  # "over the next year": a span of time
    det = " ".join((m.group("det") or "").lower().split())
    unit = (m.group("u") or m.group("u2")).lower()
    n = {"the following": 1, "the next": 1, "the previous": -1, "the prior": -1}.get(det, 0)
    n = {"before": -1, "after": 1}.get((m.group("dir") or "").lower(), n)
    return [(m.start(), m.end(), ("anchor", unit, n, True))]


_I = re.I
# Each rule runs only near a hit of its key (M month, W weekday, S season, H holiday,
# A "ago"/"earlier" words, Q quarter/half, U unit words, D two digits) or, with
# no key, over all the text.
_KEYS = re.compile(  # run over the lowered text: case-blind scans are three times slower
    r"\b(?:(?P<M>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|(?P<W>(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
    r"|(?P<S>spring|summer|autumn|fall|winter)|(?P<H>christmas|boxing|new year|valentine|halloween)"
    r"|(?P<A>ago|now|time|earlier|later|before|after|previously|prior)\b|(?P<Q>quarter|half|q[1-4]|h[12])"
    r"|(?P<U>year|month|week|day|today|tonight|tomorrow|yesterday|morning|afternoon|evening|night|century))"
    r"|(?P<D>\d\d)")
_KEYS_I = re.compile(_KEYS.pattern, re.I)
_KEY_REACH = 100  # characters either side of a key that a rule's match can span
Rule = Callable[[re.Match, str, bool], list[Cand]]
_RULES: tuple[tuple[re.Pattern, Rule, str | None], ...] = (
    (re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)"), _iso, None),
    (re.compile(rf"\b(?:{_WD},?\s+)?(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MON})(?:,?\s+(?P<y>{_YR})(?!\d))?(?!\w)", _I), _day_month, "M"),
    (re.compile(rf"\b(?:{_WD},?\s+)?(?P<mon>{_MON})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d%]|[.,:]\d)(?:,?\s+(?P<y>{_YR})(?!\d))?", _I), _day_month, "M"),
    (re.compile(rf"\b{_EDGE}?(?P<mon>{_MON})\s*,?\s+(?:of\s+)?(?:(?P<y>{_YR})(?!\d)|(?P<rel>last|this|next)\s+year\b)", _I), _month_year, "M"),
    (re.compile(rf"\b(?:(?P<cue>in|on|since|until|till|through|during|from|before|after|between|of|to|and|or|by)\s+)?(?P<e>{_EDGE}?(?:(?P<mod>last|this\s+past|this|next)\s+)?(?P<mon>{_MON_FULL}))\b", _I), _bare_month, "M"),
    (re.compile(rf"\b(?:(?P<mod>last|this\s+past|this|next|on)\s+)?(?P<wd>{_WD})(?:\s+(?:morning|afternoon|evening|night))?\b", _I), _weekday_rule, "W"),
    (re.compile(rf"(?<![\w$£€¥.,/#-])(?P<a>{_YR})\s*[-–/]\s*(?P<b>\d{{4}}|\d{{2}})(?![\w%]|[.,]\d|[-/]\d)"), _year_range, None),
    (re.compile(rf"(?<![\w$£€¥.,/#-])(?P<y>{_YR})(?![\w%]|[.,]\d|\s*[-–/]\s*\d|-[a-z])"), _year_rule, None),
    (re.compile(rf"\b(?:{_EDGE}|FY\s?)(?P<y>{_YR})(?!\w|[.,]\d)", _I), _edge_year, "D"),
    (re.compile(rf"\bthe\s+(?:(?:early|late|mid)[\s-]+)?(?:(?P<y>{_YR0})['’]?s|['’]?(?P<yy>\d0)['’]?s)\b|\b(?:(?:early|late|mid)[\s-]+)?(?P<y2>{_YR0})s\b", _I), _decade, "D"),
    (re.compile(r"\b(?:the\s+)?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<w>eighteenth|nineteenth|twentieth|twenty-first))[\s-]+century\b", _I), _century, "U"),
    (re.compile(rf"\b(?:(?P<the>the\s+)?(?P<ord>first|second|third|fourth|final|last)[\s-]+(?:(?:fiscal|financial)\s+)?quarter|(?P<y2>{_YR})\s*Q(?P<q>[1-4])|Q(?P<q2>[1-4]))(?:\s+(?:of\s+)?(?:(?P<y>{_YR})(?!\d)|(?P<rel>last|this|next)\s+year|the\s+(?:current\s+)?year))?\b", _I), _quarter, "Q"),
    (re.compile(rf"\b(?:the\s+)?(?P<ord>first|second|latter)\s+half\s+of\s+(?:(?P<y>{_YR})(?!\d)|(?P<rel>last|this|next)\s+year|the\s+(?:current\s+)?year)\b|\bH(?P<h>[12])\s+(?P<y2>{_YR})\b", _I), _half, "Q"),
    (re.compile(rf"\b(?:(?P<cue>in|during|over|by|since|until|through)\s+)?(?P<e>(?:the\s+)?{_EDGE}?(?:(?P<mod>last|this\s+past|this|next)\s+)?(?:the\s+)?(?P<s>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<y>{_YR})(?!\d)|\s+(?P<rel>last|this|next)\s+year)?)\b", _I), _season, "S"),
    (re.compile(rf"\b(?:(?P<cue>at|on|over|before|after|by|until|since|for)\s+)?(?P<e>(?:(?P<mod>last|this|next)\s+)?(?P<h>christmas eve|christmas day|christmas|boxing day|new year['’]s eve|new year['’]s day|valentine['’]s day|halloween)(?:\s+(?P<y>{_YR})(?!\d))?)\b", _I), _holiday, "H"),
    (re.compile(rf"\b{_EDGE}?(?P<mod>last|this\s+past|this|next)\s+(?:(?:fiscal|financial|calendar|tax|academic|school)\s+)?(?P<u>year|month|week|weekend|quarter)\b", _I), _relative, "U"),
    (re.compile(r"\b(?:the\s+)?(?P<pm>end|start|beginning|turn|middle)\s+of\s+(?:the\s+)?year\b", _I), _year_part, "U"),
    (re.compile(r"\b(?:the\s+day\s+(?P<ba>before|after)\s+)?(?:(?P<w>yesterday|today|tomorrow|tonight)(?:\s+(?:morning|afternoon|evening|night))?|(?P<tn>this|last)\s+(?:morning|afternoon|evening|night))\b", _I), _day_word, "U"),
    (re.compile(rf"\b(?P<n>{_NUM})\s+{_UNIT}\s+(?:(?P<ago>ago)|from\s+now)\b", _I), _ago, "A"),
    (re.compile(rf"\bin\s+(?P<n>{_NUM})\s+{_UNIT}['’]?\s+time\b", _I), _ago, "A"),
    (re.compile(rf"\b(?P<n>{_NUM})\s+{_UNIT}\s+(?P<dir>earlier|later|before|after|previously|prior)\b", _I), _anchored, "A"),
    (re.compile(r"\b(?:(?:early|earlier|late|later)\s+)?(?:(?P<det>the\s+following|the\s+next|the\s+previous|the\s+prior|that|the\s+same)\s+(?P<u>year|month|week|day)|the\s+(?P<u2>year|month|week|day)\s+(?P<dir>before|after)(?=\s*[,.;:!?)]|\s*$))\b", _I), _anchored_word, "U"),
)


# ---------------------------------------------------------------- resolution


def _candidates(text: str, lo: int, hi: int, lenient: bool) -> list[Cand]:
    """Every rule's matches, then the longest non-overlapping ones, in text order."""
    near: dict[str, list[list[int]]] = {}
    low = text.lower()  # lowering may change the length of a few non-ASCII letters
    keys = _KEYS.finditer(low, lo, hi) if len(low) == len(text) else _KEYS_I.finditer(text, lo, hi)
    for k in keys:
        spans = near.setdefault(k.lastgroup or "", [])
        a, b = max(lo, k.start() - _KEY_REACH), min(hi, k.end() + _KEY_REACH)
        if spans and a <= spans[-1][1]:
            spans[-1][1] = b
        else:
            spans.append([a, b])
    found: list[Cand] = []
    for rx, rule, key in _RULES:
        for a, b in ([(lo, hi)] if key is None else near.get(key, ())):
            found.extend(c for m in rx.finditer(text, a, b) for c in rule(m, text, lenient))
    found.sort(key=lambda c: (c[0] - c[1], c[0]))
    chosen: list[Cand] = []
    for c in found:
        if all(c[1] <= o[0] or c[0] >= o[1] for o in chosen):
            chosen.append(c)
    return sorted(chosen)


def _value(p: Parsed, ref: tuple, past: bool, anchor: tuple | None) -> str | None:
    kind = p[0]
    if kind == "abs":
        return p[1]
    if kind == "period":
        return _period(p[1], p[2], p[3] or ("past" if past else "future"), ref, p[4])
    if kind == "weekday":
        return _weekday(p[1], p[2] or ("past" if past else "future"), ref)
    if kind == "rel":
        return _shift(p[1], p[2], *ref)
    if kind == "anchor":
        base = anchor if anchor is not None else (None if p[3] else ref)
        return _shift(p[1], p[2], *base) if base else None
    return None


def _needs_tense(p: Parsed) -> bool:
    return (p[0] == "period" and p[3] is None) or (p[0] == "weekday" and p[2] is None)


def normalise_date(expression: str, reference: str | None, anchor: str | None = None,
                   past: bool = True) -> str | None:
    """The ISO value of one date expression ("last October", "three years earlier").

    ``anchor`` is the ISO date that "earlier"/"later" phrases count from (default:
    the reference); ``past`` says whether a bare month or weekday looks back.
    """
    found = _candidates(expression, 0, len(expression), lenient=True)
    if not found:
        return None
    best = max(found, key=lambda c: c[1] - c[0])
    anchor_t = _parse_iso(anchor) if anchor else None
    if best[2][0] == "range":
        return best[2][1][0][2]
    return _value(best[2], _parse_iso(reference), past, anchor_t)


def find_dates(text: str, reference: str | None, start: int = 0,
               end: int | None = None) -> tuple[TimeExpr, ...]:
    """Date expressions in text[start:end], with offsets into ``text``."""
    end = len(text) if end is None else end
    lo = _sentence(text, start)[0] if start else 0  # anchors may sit before the window
    ref = _parse_iso(reference)
    out: list[TimeExpr] = []
    dated: list[tuple[int, str, bool]] = []  # (offset, value, relative) of resolved dates
    for s, e, p in _candidates(text, lo, end, lenient=False):
        if p[0] == "range":
            for rs, re_, v in p[1]:
                out.append(TimeExpr(rs, re_, text[rs:re_], v))
                dated.append((rs, v, False))
            continue
        relative, anchor = p[0] in ("period", "weekday", "rel"), None
        if p[0] == "anchor":
            # The nearest date in this sentence, else in the one before
            # (narrative: "In 2010 ... Two years later ..."), else the reference.
            ss = _sentence(text, s)[0]
            ss = _sentence(text, ss - 2)[0] if ss > 1 else ss
            near = [(v, r) for o, v, r in dated if ss <= o < s and v[:4].isdigit() and len(v) >= 4]
            anchor = _parse_iso(near[-1][0]) if near else None
            relative = near[-1][1] if near else not p[3]
        past = _is_past(text, s, e) if _needs_tense(p) else True
        value = _value(p, ref, past, anchor)
        out.append(TimeExpr(s, e, text[s:e], value, relative and value is not None))
        if value:
            dated.append((s, value, relative))
    return tuple(t for t in out if t.start >= start and t.end <= end)
