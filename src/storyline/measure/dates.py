"""Find date expressions in news text and normalise them to ISO 8601 values.

Values follow TimeML: "2025", "2025-10", "2025-10-14", "2026-W05", "2025-Q3",
"2025-H1", "2025-SU" (seasons SP/SU/FA/WI), "199" (the 1990s), "19" (the 20th
century). Durations ("for five weeks", "a month-and-a-half") are not dates and
find_dates does not return them (the timeline takes dates only);
find_time_expressions adds them (storyline.measure.durations), with "now"/"the past"
reference words, parts of day and clock times, in TimeML values.

How relative words are resolved:
- against ``reference``, the article's date to whatever precision is known. A
  relative expression finer than the reference ("last week", "yesterday" with a
  month- or year-only reference; "last month" with a year-only one) gets value
  None: the coarsest value that would always be right is at best a year, and a
  guessed year misplaces events on a timeline more than a blank does.
- a bare month, quarter, season or weekday ("in October", "on Tuesday") takes
  the tense of its clause: past, the default in news, gives the latest such
  period on or before the reference (the reference's own day or month counts:
  "said Friday" in a Friday paper is that day); future ("will", "expected
  to") the earliest on or after it. "last"/"next" skip the reference's own.
- "three years earlier", "two years later" count from the nearest date written
  before them in the same sentence, else in the sentence before (narrative:
  "In 2010 ... Two years later ..."), else from the reference. "That year",
  "the following year" need such a date and are None without one.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from storyline.measure.date_patterns import Parsed, candidates
from storyline.measure.durations import find_durations
from storyline.model import TimeExpr

# A year-only reference ("2026") is usually one storyline inferred from "last
# year" phrasings, and such articles are typically published early in the
# year, so bare months and seasons are placed as if the reference were January:
# "in October" with reference "2026" -> "2025-10".
YEAR_ONLY_REFERENCE_IS_START_OF_YEAR = True

# Tense cues: modals and "expected to" look ahead; past forms look back.
_FUTURE = frozenset(
    "will 'll shall would going expected expects expect due scheduled plans "
    "planned plan intends aims hopes upcoming coming next forecast".split()
)
_PAST = frozenset(
    "was were had did said told went came took made began fell rose grew saw left "
    "met won lost paid sold bought brought thought found gave got held kept knew "
    "led ran sent spent stood struck wrote became broke chose fought ago".split()
)
_NOT_PAST_ED = frozenset(
    "indeed need speed hundred united limited red bed seed feed breed proceed "
    "exceed succeed based related interested concerned supposed alleged "
    "detailed advanced dedicated sophisticated qualified used".split()
)
# Past forms that move a date forward: "postponed until Saturday" looks ahead.
_DEFERRED = frozenset("postponed delayed deferred adjourned rescheduled suspended".split())
_BE = frozenset("is are am be been being 's 're".split())
_SENT_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gov|Sen|Rep|Gen|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
    r"Sept?|Oct|Nov|Dec|Inc|Corp|Co|Ltd|vs)|\b[A-Z])\.$"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

Ref = tuple[int | None, int | None, int | None]


def _parse_iso(value: str | None) -> Ref:
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value or "")
    if not m:
        return None, None, None
    y, mo, d = (int(g) if g else None for g in m.groups())
    # A reference that is no real date keeps what is sound of it: "2019-13-40"
    # is the year 2019. Years far from ours would overflow the arithmetic.
    if y is None or not 1000 <= y <= 8999:
        return None, None, None
    if mo is None or not 1 <= mo <= 12:
        return y, None, None
    if d is None or not 1 <= d <= calendar.monthrange(y, mo)[1]:
        return y, mo, None
    return y, mo, d


# ---------------------------------------------------------------- arithmetic


def _fmt(unit: str, y: int, m: int = 1, d: int = 1) -> str:
    if unit in ("week", "weekend"):
        iy, iw, _ = date(y, m, d).isocalendar()
        return f"{iy}-W{iw:02d}" + ("-WE" if unit == "weekend" else "")
    if unit == "day":
        return f"{y:04d}-{m:02d}-{d:02d}"
    return f"{y:04d}-{m:02d}" if unit == "month" else f"{y:04d}"


def _shift(unit: str, n: int, y: int | None, m: int | None, d: int | None) -> str | None:
    """The value ``n`` units from (y, m, d), at the unit's precision; None if too coarse."""
    if y is None:
        return None
    if unit in ("year", "decade"):
        return _fmt("year", y + n * (10 if unit == "decade" else 1))
    if m is None:
        return None
    if unit in ("month", "quarter"):
        per = 1 if unit == "month" else 3
        total = y * (12 // per) + (m - 1) // per + n
        y2, i = divmod(total, 12 // per)
        return _fmt("month", y2, i + 1) if unit == "month" else f"{y2}-Q{i + 1}"
    if d is None:
        return None
    when = date(y, m, d) + timedelta(days=n * (7 if unit in ("week", "weekend") else 1))
    return _fmt(unit, when.year, when.month, when.day)


_PER_YEAR = {"month": 12, "quarter": 4, "half": 2, "season": 4, "yearpart": 12}


def _ordinal(kind: str, y: int, m: int) -> int:
    """year * periods-per-year + index of the period of ``kind`` holding month m."""
    if kind == "season":  # December to February is the winter that starts in December
        return (y - 1) * 4 + 4 if m < 3 else y * 4 + (m - 3) // 3 + 1
    n = _PER_YEAR[kind]
    return y * n + (m - 1) // (12 // n) + 1


def _period(kind: str, idx: int, mode: str, ref: Ref, day: int | None = None) -> str | None:
    """Place period ``idx`` of a year; mode "past", "future", "last", "next", "rel:<n>"
    or "year:<yyyy>"."""
    ry, rm, rd = ref
    if mode.startswith("year:"):
        year = int(mode[5:])
    elif ry is None:
        return None
    elif mode.startswith("rel:"):
        year = ry + int(mode[4:])
    else:
        if rm is None:
            if not YEAR_ONLY_REFERENCE_IS_START_OF_YEAR:
                return None
            rm, rd = 1, None
        n, here = _PER_YEAR[kind], _ordinal(kind, ry, rm)
        if kind == "month" and day and rd and idx == rm:  # same month: the day decides
            if mode == "past" and day > rd:
                here -= 1
            elif mode == "future" and day < rd:
                here += 1
        if mode in ("past", "last"):  # latest instance at (past) or before (last) `here`
            year = (here - (mode == "last") - idx) // n
        else:  # earliest instance at (future) or after (next) `here`
            year = -((idx - here - (mode == "next")) // n)
    if kind == "yearpart":  # "the end of the year": placed like its month, valued as a year
        return _fmt("year", year)
    if kind == "month":
        if idx == 2 and day == 29 and not calendar.isleap(year):
            day = None  # 29 February placed in a common year: the month is all that is sure
        return f"{year:04d}-{idx:02d}" + (f"-{day:02d}" if day else "")
    if kind == "season":
        return f"{year}-{('SP', 'SU', 'FA', 'WI')[idx - 1]}"
    return f"{year}-{'Q' if kind == 'quarter' else 'H'}{idx}"


def _weekday(wd: int, mode: str, ref: Ref) -> str | None:
    y, m, d = ref
    if y is None or m is None or d is None:
        return None
    r = date(y, m, d)
    back, ahead = (r.weekday() - wd) % 7, (wd - r.weekday()) % 7
    days = {"past": -back, "last": -(back or 7), "future": ahead, "next": ahead or 7}.get(mode)
    if days is None:
        return None
    return (r + timedelta(days=days)).isoformat()


# ---------------------------------------------------------------- sentences and tense


def _sentence(text: str, pos: int, reach: int = 600) -> tuple[int, int]:
    """Bounds of the sentence around ``pos`` (a full stop after "Feb" or "Mr" is no end)."""

    def real(m: re.Match) -> bool:
        stop = m.start()
        return text[stop] != "." or not _ABBREV.search(text[max(0, stop - 6) : stop + 1])

    lo, hi = max(0, pos - reach), min(len(text), pos + reach)
    start = lo
    for m in _SENT_END.finditer(text, lo, min(len(text), pos + 2)):  # its lookahead needs pos
        if m.end() <= pos and real(m):
            start = m.end()
    return start, next((m.start() + 1 for m in _SENT_END.finditer(text, pos, hi) if real(m)), hi)


# Cues that look ahead only as verbs of intent ("plans to meet on Monday"); as
# nouns ("the budget plan on March 29") they say nothing of tense.
_INTENT_BEFORE_TO = frozenset("plans plan planned intends aims hopes expects expect".split())


def _cue(words: list[re.Match], i: int) -> str | None:
    w = words[i].group().lower().replace("’", "'")
    if w in _INTENT_BEFORE_TO:
        after = words[i + 1].group().lower() if i + 1 < len(words) else ""
        return "future" if after == "to" else None
    if w in _FUTURE or w.endswith("'ll"):
        return "future"
    if w in _PAST:
        return "past"
    if len(w) >= 5 and w.endswith("ed") and w not in _NOT_PAST_ED:
        prev = words[i - 1].group().lower() if i else ""
        return None if prev in _BE or prev.endswith("'s") else "past"  # "is expected": passive
    return None


def _is_past(text: str, start: int, end: int) -> bool:
    """Tense of the words around [start, end): the nearest cue before them, else after."""
    ss, se = _sentence(text, start)
    words = list(_WORD.finditer(text, ss, se))
    before = [i for i, w in enumerate(words) if w.end() <= start][::-1]
    for i in before + [i for i, w in enumerate(words) if w.start() >= end]:
        if (
            words[i].end() <= start
            and words[i].group().lower() in _DEFERRED
            and any(
                w.group().lower() in ("until", "till", "to") for w in words[i + 1 : before[0] + 1]
            )
        ):
            return False  # "postponed until Saturday": the new date lies ahead
        if cue := _cue(words, i):
            return cue == "past"
    return True  # news narrates the past


# ---------------------------------------------------------------- resolution


def _value(p: Parsed, ref: Ref, past: bool, anchor: Ref | None) -> str | None:
    tense = "past" if past else "future"
    if p[0] == "abs":
        return p[1]
    if p[0] == "period":
        return _period(p[1], p[2], p[3] or tense, ref, p[4])
    if p[0] == "weekday":  # "this Tuesday" (mode "rel:0"): the tense says which way
        return _weekday(p[1], p[2] if p[2] in ("last", "next") else tense, ref)
    if p[0] == "rel":
        return _shift(p[1], p[2], *ref)
    if p[0] == "anchor":
        base = anchor if anchor is not None else (None if p[3] else ref)
        return _shift(p[1], p[2], *base) if base else None
    return None


def normalise_date(
    expression: str, reference: str | None, anchor: str | None = None, past: bool = True
) -> str | None:
    """The ISO value of one date expression ("last October", "three years earlier").

    ``anchor`` is the ISO date that "earlier"/"later" phrases count from (default:
    the reference); ``past`` says whether a bare month or weekday looks back.
    """
    found = candidates(expression, 0, len(expression), lenient=True)
    if not found:
        return None
    p = max(found, key=lambda c: c[1] - c[0])[2]
    if p[0] == "range":
        return p[1][0][2]
    return _value(p, _parse_iso(reference), past, _parse_iso(anchor) if anchor else None)


def find_dates(
    text: str, reference: str | None, start: int = 0, end: int | None = None
) -> tuple[TimeExpr, ...]:
    """Date expressions in text[start:end], valued against ``reference``; offsets into text."""
    end = len(text) if end is None else end
    lo = _sentence(text, start)[0] if start else 0  # an anchor may sit before the window
    ref = _parse_iso(reference)
    out: list[TimeExpr] = []
    dated: list[tuple[int, str, bool]] = []  # (offset, value, relative) of resolved dates
    for s, e, p in candidates(text, lo, end, lenient=False):
        if p[0] == "range":
            for rs, r_end, v in p[1]:
                out.append(TimeExpr(rs, r_end, text[rs:r_end], v))
                dated.append((rs, v, False))
            continue
        relative = p[0] in ("weekday", "rel") or (p[0] == "period" and "year:" not in (p[3] or ""))
        anchor = None
        if p[0] == "anchor":  # the nearest date in this sentence or the one before
            ss = _sentence(text, s)[0]
            ss = _sentence(text, ss - 2)[0] if ss > 1 else ss
            near = [(v, r) for o, v, r in dated if ss <= o < s and v[:4].isdigit() and len(v) >= 4]
            anchor = _parse_iso(near[-1][0]) if near else None
            relative = near[-1][1] if near else not p[3]
        needs_tense = (p[0] == "period" and p[3] is None) or (
            p[0] == "weekday" and p[2] not in ("last", "next")
        )
        value = _value(p, ref, _is_past(text, s, e) if needs_tense else True, anchor)
        out.append(TimeExpr(s, e, text[s:e], value, relative and value is not None))
        if value:
            dated.append((s, value, relative))
    return tuple(t for t in out if t.start >= start and t.end <= end)


# ---------------------------------------------------------------- time expressions
# Beyond dates, TimeML (TempEval-3) also marks durations, words that refer to the
# present, past or future, parts of days and clock times. The timeline takes dates
# only (find_dates); find_time_expressions gives the whole set, in TimeML values.

# Reference words and their TimeML values (TimeML 1.2 guidelines; TempEval-3 gold
# marks "now", "currently", "the past", "at the time"; it leaves "recently" and
# "previously" unmarked, so they are left out here).
_UNIT_WORDS = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ie))s?"
_REFERENCE_RE = re.compile(
    r"\b(?:(?P<present>now(?!\s+that\b|\s+and\s+(?:then|again)\b)|currently|nowadays|at\s+present"
    r"|these\s+days)"
    r"|(?P<past>the\s+past(?!(?:\s+[\w-]+){0,2}?\s+" + _UNIT_WORDS + r"\b)"
    r"|at\s+the\s+time(?!\s+of\b))"
    r"|(?P<future>(?<=\bin\s)future|the\s+future(?!\s+of\b)))\b",
    re.I,
)
# "than can be done today": a comparison with today speaks of the present day.
_TODAY_NOWADAYS = re.compile(r"\bthan\b[^.;,]{0,40}$", re.I)
# Parts of the day (TimeML: MO, AF, EV, NI) on a dated day: "Friday afternoon".
_PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_PART_RE = re.compile(r"(?:^|\W)(morning|afternoon|evening|night|tonight)$", re.I)
# Clock times: "15:00", "8 PM", "7.30am", with a zone the value leaves out.
_CLOCK_RE = re.compile(
    r"\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]\.?m\b)"
    r"|(?<![\d:.])\b(?P<h2>[01]?\d|2[0-3]):(?P<m2>[0-5]\d)\b(?!:\d)",
    re.I,
)  # not "3:07:35"
_ZONE_RE = re.compile(
    r"\s*(?:GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|"
    r"local\s+time)\b"
)
_VAGUE_AGO_RE = re.compile(r"\bago$", re.I)
_VAGUE_AHEAD_RE = re.compile(r"(?:from\s+now|time)$", re.I)


def _clock(m: re.Match[str]) -> str:
    h = int(m.group("h") or m.group("h2"))
    minutes = m.group("m") or m.group("m2") or "00"
    if (ap := (m.group("ap") or "").lower()[:1]) and h <= 12:
        h = h % 12 + (12 if ap == "p" else 0)
    return f"T{h:02d}:{minutes}"


def _with_times(text: str, dates: list[TimeExpr], lo: int, hi: int) -> list[TimeExpr]:
    """Dates with their part of day or clock time: "Friday afternoon" -> "2013-03-22TAF"."""
    out = []
    for d in dates:
        part = _PART_RE.search(d.text)
        if part and d.value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.value):
            code = _PART_OF_DAY[part.group(1).lower()]
            d = TimeExpr(d.start, d.end, d.text, f"{d.value}T{code}", d.relative)
        out.append(d)
    for m in _CLOCK_RE.finditer(text, lo, hi):
        if any(m.start() < d.end and d.start < m.end() for d in out):
            continue
        stop = z.end() if (z := _ZONE_RE.match(text, m.end())) else m.end()
        # the day written next to it: "15:00 GMT Saturday", "Saturday, 3pm"
        after = next(
            (
                d
                for d in out
                if d.start >= stop and re.fullmatch(r"[\s,]*(?:on\s+)?", text[stop : d.start])
            ),
            None,
        )
        before = next(
            (
                d
                for d in out
                if d.end <= m.start() and re.fullmatch(r"[\s,]*(?:at\s+)?", text[d.end : m.start()])
            ),
            None,
        )
        day = after or before
        value = (
            day.value[:10]
            if day and day.value and re.match(r"\d{4}-\d{2}-\d{2}", day.value)
            else "XXXX-XX-XX"
        ) + _clock(m)
        if day is not None and re.fullmatch(
            r"[\s,]*", text[stop : day.start] if after else text[day.end : m.start()]
        ):
            out.remove(day)  # one expression: "15:00 GMT Saturday"
            s, e = min(m.start(), day.start), max(stop, day.end)
            out.append(TimeExpr(s, e, text[s:e], value, day.relative))
        else:
            out.append(TimeExpr(m.start(), stop, text[m.start() : stop], value))
    return out


def find_time_expressions(
    text: str, reference: str | None, start: int = 0, end: int | None = None
) -> tuple[TimeExpr, ...]:
    """Dates, times, durations and reference words in text[start:end], as TimeML values.

    Dates and times as find_dates gives them, with a part of day or clock time
    ("2013-03-22TAF", "2013-03-23T15:00"); durations from storyline.measure.durations
    ("P90D", "PXY"); "now"/"currently" -> "PRESENT_REF", "in the past" ->
    "PAST_REF", "the future" -> "FUTURE_REF"; "a few years ago" -> "PAST_REF".
    Where two overlap, the date is kept. Sorted by offset.
    """
    end = len(text) if end is None else end
    dates = []
    for d in find_dates(text, reference, start, end):
        if d.value is None and _VAGUE_AGO_RE.search(d.text):
            d = TimeExpr(d.start, d.end, d.text, "PAST_REF")
        elif d.value is None and _VAGUE_AHEAD_RE.search(d.text):
            d = TimeExpr(d.start, d.end, d.text, "FUTURE_REF")
        elif (
            d.value
            and d.text.lower() == "today"
            and _TODAY_NOWADAYS.search(text, _sentence(text, d.start)[0], d.start)
        ):
            d = TimeExpr(d.start, d.end, d.text, "PRESENT_REF")
        dates.append(d)
    out = _with_times(text, dates, start, end)
    for t in find_durations(text, start, end):
        if not any(t.start < o.end and o.start < t.end for o in out):
            out.append(t)
    for m in _REFERENCE_RE.finditer(text, start, end):
        kind = next(k for k in ("present", "past", "future") if m.group(k))
        if not any(m.start() < o.end and o.start < m.end() for o in out):
            out.append(TimeExpr(m.start(), m.end(), m.group(), kind.upper() + "_REF"))
    return tuple(sorted(out, key=lambda t: (t.start, t.end)))
