"""Find the figures in news text: value, unit, qualifier and the interval the words allow.

Pure ``re``: one pass for number tokens, then a look at the words either side
(the word lists are in :mod:`storyline.measure.number_words`, unit reading in
:mod:`storyline.measure.units`).  Conventions of the
returned :class:`~storyline.model.Quantity`:

* ``value`` is the figure as written, in base units ("1.3 million" -> 1300000,
  "12 per cent" -> 12); for a range, the first figure written ("10-20" -> 10).
  Minor currency units stay as written ("19 cents" -> 19, unit "cents").
* ``unit``: an ISO currency code ("USD", "GBP", "EUR", "JPY", "CNY", "INR" ...);
  "percent", "percentage points", "basis points", "points"; "fraction" for "a
  third of" (value 0.333); a plural time unit ("weeks", "days", "years");
  "years old"/"months old" for ages; a measure, plural and British-spelt
  ("kilometres", "miles per hour"); else the counted noun phrase as written
  ("vehicles", "public housing properties").  Rates add " per <thing>"
  ("USD per month", "cars per year").  ``None`` when the text names no unit.
* ``qualifier``: "[up by |down by ]<hedge>" -- the change the sentence reports
  ("rose 5%" -> "up by") and the hedge as written, lower-cased ("over", "more
  than", "about", "up to"); "between" for a range; the vague plural for
  "hundreds of".  Read it with :func:`change`, :func:`hedge`, :func:`is_range`.
* ``low``/``high``: exact -> value; "over 7,200" -> (7200, None); "up to 40" ->
  (None, 40); "about 100" -> 100 +- ABOUT_TOLERANCE; "10-20" -> (10, 20).

Not returned: years ("in 2024", "a wonderful 2025"), dates ("14 October"),
clock times, ordinals, scores ("won 2-1"), ratios ("50:50") and numbers that
name things ("Game 2", "S&P 500", "Model 3", "COVID-19").  "from 310 in 2019
to 4,120" and "rose from 5% to 7%" are two figures, not a range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from storyline.measure import number_words as qw
from storyline.measure.units import UNIT_FORMS, family, noun_phrase, rate, unit_word
from storyline.model import Quantity

__all__ = [
    "ABOUT_TOLERANCE",
    "COMPATIBLE_TOLERANCE",
    "ROUNDING_CAP",
    "RANGE_QUALIFIERS",
    "find_quantities",
    "compatible",
    "change",
    "hedge",
    "is_range",
]

ABOUT_TOLERANCE = qw.ABOUT_TOLERANCE  # "about 100" is 90-110
# compatible(): relative slack when two figures are in different units of one
# family, for the conversion (a month is taken as 30.44 days, a mile as 1.609 km);
# 1% covers "91 days" against "three months" (91.32 days).
COMPATIBLE_TOLERANCE = 0.01
# Rounding read from the digits ("14,000" may be 14,212) is capped at this share
# of the value, so a round "100" allows 95-105 and not 50-150.
ROUNDING_CAP = 0.05
RANGE_QUALIFIERS = frozenset(
    {
        "between",
        *qw.VAGUE_BASE,
        *(f"{a} of {b}" for a in ("tens", "dozens", "hundreds") for b in qw.VAGUE_BASE),
    }
)

_BEFORE = r"(?:^|(?<=[\s(]))"  # a cue word starts the text or follows a space or "("
_HEDGE_RE = re.compile(
    _BEFORE
    + "("
    + "|".join(
        re.escape(w)
        for w in sorted(qw.HEDGES, key=len, reverse=True)
        if w not in (*qw.POST_HEDGES, "sub")
    )
    + r")\s+$|"
    + _BEFORE
    + r"(sub)-$",
    re.I,
)
_POST_HEDGE_RE = re.compile(r"(\+|-plus\b|\s(?:or more|or so|or less|or fewer)\b)", re.I)
_CHANGE_RE = re.compile(
    _BEFORE + rf"(?:(?P<up>{qw.UP_VERBS})|(?P<down>{qw.DOWN_VERBS}))(?:\s+by)?\s+$", re.I
)
_CHANGE_NOUN_RE = re.compile(
    r"\s+(?:(?P<up>increase|rise|gain|jump|hike|boost)|"
    r"(?P<down>drop|fall|decline|decrease|cut|reduction))\b",
    re.I,
)
_FROM_CHANGE_RE = re.compile(
    rf"\b(?:{qw.UP_VERBS}|{qw.DOWN_VERBS}|{qw.FROM_VERBS})\b[^.;]{{0,60}}\bfrom\s+$", re.I
)

_CURRENCY_RE = (
    r"(?P<cur>(?:US|AU|NZ|HK|S)\s?\$|\$\s?(?:US|A)(?=\d)|A\$|C\$|CA\$|R\$|\$|£|€|¥|"
    r"₹|₩|₪|Y=|PS(?=\d)|RM\s?(?=\d)|Rs\.?\s?(?=\d)|"
    r"(?:USD|EUR|GBP|JPY|CNY|RMB|INR|AUD|CAD|NZD|CHF|HKD|SGD)\s?(?=\d))"
)
_DIGIT_RE = re.compile(
    r"(?<![\w.$£€¥/])(?:" + _CURRENCY_RE + r"\s?)?(?P<sign>[-−](?=\.?\d))?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:[/⁄](?P<den>\d{1,3})(?![/\d]))?(?P<half>½)?"  # "1/2", "2½"
    r"(?:\s?[×x]\s?10(?:\^|\*\*)?(?P<exp>[-−]\d{1,3}|(?<=\^)\d{1,3}))?"
)  # "2.998×10−8"
_NW = "|".join([*qw.TENS, *qw.SMALL_NUMBERS, *qw.SCALES])
_WORD_RE = re.compile(  # the look-ahead skips words that cannot start a number, for speed
    rf"\b(?=[abdefhmnost])(?:an?\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?(?:{_NW})"
    rf"(?:(?:\s+and\s+(?=(?:{_NW})\b)|\s+|-)(?:{_NW}))*\b(?!-(?:{_NW}|and)\b)",
    re.I,
)
_VAGUE_RE = re.compile(
    r"\b(?=[tdhmb])(?:(tens|dozens|hundreds)\s+of\s+)?"
    r"(dozens|hundreds|thousands|millions|billions)\b(?:\s+of\b)?",
    re.I,
)
_FRACTION_RE = re.compile(
    r"\b(?P<n>a|an|one|two|three|four|five|seven|nine)[\s-]+"
    r"(?P<d>halves|thirds?|quarters?|fourths?|fifths?|tenths?)(?:(?=\s+of\b)|(?<=s)\b)"
    r"|\b(?P<one>one)\s+(?:in|out\s+of)\s+(?:every\s+)?"
    r"(?P<of>two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\b"
    r"|(?<![\w-])(?P<half>half)(?=\s+(?:of|the|its|their|his|her|our|all)\b)",
    re.I,
)
_FRACTION_HINT_RE = re.compile(
    r"(?=[hHtTqQfFoO])(?:[Hh]al(?:f|ves)|[Tt]hird|[Qq]uarter|[Ff]ourth|"
    r"[Ff]ifth|[Tt]enth|[Oo]ne\s+(?:in|out))"
)
_HALF_RE = re.compile("[Hh]alf")
_AND_HALF_RE = re.compile(
    r"\b(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})"
    r"(?:[\s-]+(?P<u1>[a-z]+))??[\s-]+and[\s-]+a[\s-]+half\b(?:[\s-]+(?P<u2>[a-z]+))?"
    r"|(?<![\w-])half[\s-]+an?[\s-]+(?P<u3>[a-z]+)\b",
    re.I,
)
_MULT_RE = re.compile(
    r"(?P<sp>\s?-?)(?P<m>hundred|thousand|million|billion|trillion|crore|lakh|"
    r"dozen|mn|mln|mill|mil|bn|bln|tn|trn|[kKmMbBT])(?![A-Za-z0-9])",
    re.I,
)
_METRE_CUE_RE = re.compile(
    r"\s*\(\s*[\d.,]+\s*(?:ft|feet|foot|yards?)\b|-?\s?(?:long|wide|high|"
    r"tall|deep|away|sprint|race|hurdles|relay|freestyle|swim|dash)\b"
)
_AGE_RE = re.compile(
    r"(?:\s|-)(?P<u>year|month|week|day)s?(?:-|\s)old\b"
    r"|\s(?P<v>year|month)s\s+of\s+age\b",
    re.I,
)
_OF_NP_RE = re.compile(
    r"\s+of\s+(?:the|its|his|her|their|our|my|your|these|those)"
    r"(?:\s+most)?(?=\s+[a-z])"
)
_MONTH_BEFORE_RE = re.compile(rf"\b(?:{qw.MONTHS})\.?,?\s*$")
_MONTH_AFTER_RE = re.compile(rf"(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{qw.MONTHS})\b")
_YEAR_PREP_RE = re.compile(rf"\b(?:{qw.YEAR_PREPOSITIONS})[\s-]*$", re.I)
_CLOCK_AFTER_RE = re.compile(
    rf"(?::\d|\.\d\d\s?[ap]\.?m\b|\s?[ap]\.?m\.?(?![a-z])|\s?(?:{qw.TIME_ZONES})\b)", re.I
)
_SCORE_CUE_RE = re.compile(rf"\b(?:{qw.SCORE_CUES})\s+$", re.I)
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;\"“”|]\s*|\n\s*)$")
_PREV_TOKEN_RE = re.compile(r"([\w&.#'’-]+)([ \t]*-|[ \t]+)$")
_LINK_RE = re.compile(r"\s*(?:-\s+(?=or))?(-|–|—|to|and|or|-to-)\s*(?:-\s*)?")


@dataclass(frozen=True)
class _Fig:
    """A number read with its unit, before ranges are joined and hedges read."""

    start: int  # currency sign or first digit/word
    end: int  # after the unit words
    num_end: int  # after the digits/number words
    value: float
    mantissa: float  # the value before a multiplier ("2.5" of "$2.5bn")
    unit: str | None
    strong: bool  # a unit, currency, percent or multiplier is written (not just a noun)
    kind: str = "ok"  # or why it is no quantity: "year", "date", "id", "clock", "score"
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None


# Matched at an offset, never on a slice: slicing the rest of a long
# article for every figure made reading it quadratic.
_STERLING_RE = re.compile(r"\s+sterling\b")
_OF_AFTER_RE = re.compile(r"\s+of\b")
_WORD_COMPOUND_RE = re.compile(r"-[a-z]+\s")


def _read_unit(
    text: str, pos: int, end: int, cur: str | None, single: bool
) -> tuple[float, str | None, int, bool]:
    """After the digits: multiplier, then unit.  Returns (multiplier, unit, end, strong)."""
    mult, strong = 1.0, cur is not None
    while m := _MULT_RE.match(text, pos, end):
        word, spaced = m.group("m"), bool(m.group("sp"))
        short = len(word) <= 3 and word.lower() not in (
            "mn",
            "mln",
            "bn",
            "tn",
            "trn",
            "bln",
            "mil",
        )
        if (
            short
            and spaced
            and not (word in "MB" and cur is None and text[m.end() : m.end() + 1] in " .,;)")
        ):
            break  # "18 m deep", "5 k" are units or noise; "8 B people" and "$4 M" are scales
        if word == "m" and not spaced and cur is None and _METRE_CUE_RE.match(text, m.end(), end):
            break  # "37m (121ft)-long": metres
        if word.lower() == "t" or (word == "K" and cur is None and text[pos - 1] in "48"):
            break  # "4K" is a screen resolution
        if len(word) > 1 and not word.islower() and word.upper() != word:
            break  # "Mil", "Bn" mid-word capitals: a name
        mult *= qw.MULTIPLIERS[word.lower()]
        pos, strong = m.end(), True
        if short:
            break
    unit: str | None = cur
    if cur is None:
        if age := _AGE_RE.match(text, pos, end):
            return mult, f"{(age.group('u') or age.group('v')).lower()}s old", age.end(), True
        name, after = unit_word(text, pos, end)
        if name == "pounds" and (mult > 1 or _STERLING_RE.match(text, after)):
            name = "GBP"  # "5 million pounds" is money; "208 pounds" is a weight
        if name:
            unit, pos, strong = name, after, True
        else:
            unit, pos = noun_phrase(text, pos, end, single)
    elif extra := re.compile(r"\s(?:US|USD|dollars|yen|yuan|euros)\b").match(text, pos, end):
        pos = extra.end()  # "$31.20 US", "¥880 billion yen"
    if unit:
        unit, pos = rate(text, pos, end, unit)
    return mult, unit, pos, strong


def _kind(text: str, fig: _Fig, num: str, word: bool) -> str:
    """Why this number is not a quantity ("year", "date", "id", "clock"), or "ok"."""
    s, e = fig.start, fig.num_end
    before, after = text[max(0, s - 40) : s], text[e : e + 12]
    if _CLOCK_AFTER_RE.match(after) or re.search(r"\d:$", before):
        return "clock"
    if not fig.strong and e == fig.end and after[:1].isalpha():
        return "id"  # "14th", "5G", "1990s", "9AB8"
    if re.match(r"['’′]s\b", after):
        return "year"  # "2022's rout", "the '90s"
    day_like = (
        not fig.strong and float(fig.value).is_integer() and (1 <= fig.value <= 31 or len(num) == 4)
    )
    if (
        day_like
        and (_MONTH_BEFORE_RE.search(before) or _MONTH_AFTER_RE.match(after.lstrip()))
        or re.match(r"-\d\d-\d\d", after)
    ):
        return "date"
    if not fig.strong and num.isdigit() and len(num) == 4 and not _HEDGE_RE.search(before):
        prep = _YEAR_PREP_RE.search(before[-30:])
        if (1000 if prep else 1800) <= fig.value <= (2200 if prep else 2100):
            return "year"  # a bare 4-digit number in news is a year unless a unit or hedge says not
    if not word and num.isdigit() and (len(num) > 9 or (len(num) > 1 and num[0] == "0")):
        return "id"  # "007", phone and postcode parts, tweet and record ids
    if prev := _PREV_TOKEN_RE.search(before):
        token, gap = prev.group(1), prev.group(2)
        if gap.strip(" \t") == "-" and token.isalpha() and token.lower() not in qw.HYPHEN_PREFIXES:
            return "id"  # "COVID-19", "V-6", "TA-35"
        named = (
            any(c.isalpha() for c in token)
            and not token.endswith(".")
            and (any(c.isupper() or c.isdigit() for c in token) or "&" in token)
        )
        exempt = (
            token.lower() in qw.STOP_WORDS
            or token.lower() in qw.VAGUE_BASE
            or _HEDGE_RE.search(token + " ")
            or (token.islower() and _CHANGE_RE.search(token + " "))
        )
        if token.lower() in qw.ID_WORDS or (named and not fig.strong and not exempt):
            return "id"  # "Game 2", "S&P 500", "Stoxx 50", "iPhone 11"
    if (
        not fig.strong
        and fig.unit is None
        and re.match(r"[ \t]+[A-Z]", text[fig.end : fig.end + 2])
    ):
        return "id"  # "787 Dreamliner", "16-18 Industrial Avenue", "90049 ZIP Code"
    if word and num[:1].isupper() and not _SENTENCE_START_RE.search(before):
        return "id"  # "BBC One", "Formula One"
    if word and num.lower() == "one":
        w = re.search(r"(\w+)\s+$", before)
        if (w and w.group(1).lower() in qw.NOT_ONE_BEFORE) or re.match(
            r"\s+another\b|-(?!year|month|week|day)", after
        ):
            return "id"  # "each one", "one another", "one-off"
    return "ok"


def _parse_words(words: str) -> float:
    total = current = 0.0
    for w in re.split(r"[\s-]+", words.lower()):
        if w in ("a", "an"):
            current = 1
        elif w in qw.SMALL_NUMBERS or w in qw.TENS:
            current += qw.SMALL_NUMBERS.get(w) or qw.TENS[w]
        elif w in ("hundred", "dozen"):
            current = (current or 1) * qw.SCALES[w]
        elif w in qw.SCALES:
            total += (current or 1) * qw.SCALES[w]
            current = 0
    return total + current


def _digits(m: re.Match[str], text: str) -> tuple[str | None, float]:
    """Currency code and value of a digits match ("£2.5", "1/2", "-1.3", "2.998×10−8")."""
    key = re.sub(r"\s", "", m.group("cur") or "")
    signs = qw.CURRENCY_SIGNS
    cur = (signs.get(key) or signs.get(key.upper()) or key.upper()) if key else None
    value = float(m.group("num").replace(",", ""))
    if m.group("den") and float(m.group("den")):
        value /= float(m.group("den"))
    if m.group("exp"):
        value *= 10.0 ** int(m.group("exp").replace("−", "-"))
    value += 0.5 if m.group("half") else 0
    if m.group("sign") or re.search(r"\bminus[\s-]$", text[max(0, m.start() - 7) : m.start()]):
        value = -value
    return cur, value


def _number_figs(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[_Fig]:
    """Figures written in digits ("£40m", "14,212") and in words ("five weeks")."""
    figs = []
    found = [(m, False) for m in _DIGIT_RE.finditer(text, start, end)]
    found += [(m, True) for m in _WORD_RE.finditer(text, start, end)]
    for m, word in found:
        if any(a <= m.start() < b or m.start() <= a < m.end() for a, b in taken):
            continue
        if word:
            num, cur = m.group(), None
            if all(w.lower() in qw.SCALES for w in re.split(r"[\s-]+", num)):
                continue  # "several hundred", "a baker's dozen": no count is written
            mantissa = _parse_words(num)
        else:
            num, (cur, mantissa) = m.group("num"), _digits(m, text)
        if word and (of_np := _OF_NP_RE.match(text, m.end(), end)):  # "one of the best speakers"
            mult, strong = 1.0, False
            unit, stop = noun_phrase(text, of_np.end(), end, False)
        else:
            mult, unit, stop, strong = _read_unit(text, m.end(), end, cur, mantissa == 1)
        if word and mult == 1 and (last := re.split(r"[\s-]", num.lower())[-1]) in qw.SCALES:
            mult = qw.SCALES[last]  # "five thousand" is 5 x 1000: "four to five thousand" shares it
            mantissa /= mult
        before = text[max(0, m.start() - 30) : m.start()]
        if (
            unit is None
            and float(mantissa).is_integer()
            and 0 < mantissa < 120
            and (
                re.search(r"\baged\s+$", before)
                or (re.search(r"\b[A-Z][a-z]+,\s$", before) and text[stop : stop + 1] == ",")
            )
        ):
            unit = "years old"  # "aged 18", "Smith, 25, said" (not strong: "aged 18 to 34" joins)
        fig = _Fig(m.start(), stop, m.end(), mantissa * mult, mantissa, unit, strong)
        kind = _kind(text, fig, num, word)
        if (
            not word
            and m.group("den")
            and not (fig.value < 1 and (strong or _OF_AFTER_RE.match(text, stop)))
        ):
            kind = "id"  # "24/7", "9/11": not a fraction
        if word and _WORD_COMPOUND_RE.match(text, m.end()) and not _AGE_RE.match(text, m.end()):
            kind = "id"  # "a five-year plan", "a six-speed gearbox": a spelled-out compound
        figs.append(replace(fig, kind=kind))
    return figs


def _near(
    rx: re.Pattern[str], hint: re.Pattern[str], text: str, start: int, end: int
) -> list[re.Match[str]]:
    """Matches of ``rx`` near the hits of a cheap ``hint``: trying ``rx`` at every word is slow."""
    found: dict[tuple[int, int], re.Match[str]] = {}
    for h in hint.finditer(text, start, end):
        stop = min(end, h.end() + 30)
        for m in rx.finditer(text, max(start, h.start() - 40), stop):
            if m.start() <= h.start() < m.end() and (m.end() < stop or stop == end):
                found.setdefault(m.span(), m)
    return [found[k] for k in sorted(found)]


def _special_figs(text: str, start: int, end: int) -> list[_Fig]:
    """ "an hour-and-a-half", "half a year", "a third of", "hundreds of miles"."""
    figs: list[_Fig] = []
    for m in _near(_AND_HALF_RE, _HALF_RE, text, start, end):
        n = (m.group("n") or "").lower()
        base = (
            0.0
            if m.group("u3")
            else 1.0
            if n in ("a", "an")
            else float(n)
            if n.isdigit()
            else _parse_words(n)
        )
        half_end = m.end("u2") - len(m.group("u2")) - 1 if m.group("u2") else m.end()
        u1, u2 = (m.group("u1") or m.group("u3") or "").lower(), (m.group("u2") or "").lower()
        unit, stop = UNIT_FORMS.get(u1), half_end
        if not unit and u2 and not u1:
            unit, stop = UNIT_FORMS.get(u2), m.end()
        if "dozen" in (u1, u2):  # "half a dozen", "two and a half dozen"
            value = (base + 0.5) * 12
            stop = stop if u1 else m.end()
            figs.append(_Fig(m.start(), stop, half_end, value, value, None, True))
        elif unit or (base and not u1):
            figs.append(_Fig(m.start(), stop, stop, base + 0.5, base + 0.5, unit, unit is not None))
    for m in _near(_FRACTION_RE, _FRACTION_HINT_RE, text, start, end):
        if m.group("half"):
            if re.search(
                r"\b(?:first|second|and|a|the|one)\s+$", text[max(0, m.start() - 8) : m.start()]
            ):
                continue  # "the second half", "and a half"
            value = 0.5
        elif of := m.group("of"):
            value = 1 / (float(of) if of.isdigit() else qw.SMALL_NUMBERS[of.lower()])
        else:
            value = _parse_words(m.group("n")) / qw.DENOMINATORS[m.group("d").lower()]
        figs.append(_Fig(m.start(), m.end(), m.end(), value, value, "fraction", True))
    for m in _VAGUE_RE.finditer(text, start, end):
        outer, inner = (m.group(1) or "").lower(), m.group(2).lower()
        low = qw.VAGUE_BASE[inner] * (qw.VAGUE_BASE[outer] if outer else 1)
        unit, stop = None, m.end()
        if m.group(0).lower().endswith(" of"):
            unit, stop = unit_word(text, m.end(), end)
            if not unit:
                unit, stop = noun_phrase(text, m.end(), end, False)
            stop = max(stop, m.end())
        qualifier = f"{outer} of {inner}" if outer else inner
        figs.append(
            _Fig(
                m.start(),
                stop,
                stop,
                low,
                low,
                unit,
                False,
                low=low,
                high=low * 10,
                qualifier=qualifier,
            )
        )
    return figs


def _two_figures(text: str, a: _Fig, b: _Fig, before: str, between: bool) -> bool:
    """Whether "A to B" / "A-B" are two figures rather than one range."""
    from_ = re.search(r"\bfrom\s+$", before)
    return bool(
        (a.value > b.value and not (between or from_))  # "leads 46% to 35%"
        or (a.strong and not b.strong and not between)  # "fell 0.4 per cent to 13,176"
        or (a.unit and b.unit and a.unit.partition(" per ")[0] != b.unit.partition(" per ")[0])
        or (a.strong and not between and _CHANGE_RE.search(before))  # "rose $4bn to $41bn"
        or (from_ and _FROM_CHANGE_RE.search(before))
    )  # "rose from 5% to 7%"


def _join_ranges(text: str, figs: list[_Fig], lo: int) -> list[_Fig]:
    """Join "10-20", "15 to 22 mph", "between 5% and 6%"; drop the partner of a year or date.

    "eight or nine euros" stays two figures, but the first takes the unit of the second.
    """
    out: list[_Fig] = []
    i = 0
    while i < len(figs):
        a, b = figs[i], figs[i + 1] if i + 1 < len(figs) else None
        gap = text[a.end : b.start] if b else ""
        link = _LINK_RE.fullmatch(gap) if b else None
        if not b or not link or a.qualifier or b.qualifier:
            out.append(a)
            i += 1
            continue
        word, before = link.group(1), text[max(lo, a.start - 80) : a.start]
        between = re.search(r"\bbetween\s+$", before)
        if (a.kind in ("year", "date") and word not in ("and", "or") and b.value < 10000) or (
            a.kind != "ok" and gap == "-"
        ):
            out.extend([a, replace(b, kind=a.kind)])  # "2014-15", "Sept. 20-24", "ISO 3888-2"
            i += 2
            continue
        if a.kind != "ok" or b.kind != "ok" or (word == "and" and not between):
            out.append(a)
            i += 1
            continue
        value = a.value
        if b.value != b.mantissa and a.value == a.mantissa and abs(a.mantissa) < abs(b.mantissa):
            value = a.mantissa * (b.value / b.mantissa)  # "$10 to $15 billion", "four to five k"
        if word == "or":  # "7- or 8-inch", "8 or $9"
            out.append(a if a.unit else replace(a, value=value, unit=b.unit, strong=b.strong))
            i += 1
            continue
        whole = float(a.value).is_integer() and float(b.value).is_integer()
        if (
            word in "-–—"
            and not a.strong
            and not b.strong
            and whole
            and (a.value >= b.value or _SCORE_CUE_RE.search(before))
        ):
            out.extend([replace(a, kind="score"), replace(b, kind="score")])  # "won 2-1"
            i += 2
            continue
        if _two_figures(text, replace(a, value=value), b, before, bool(between)):
            out.append(a)
            i += 1
            continue
        s = a.start - (len(before) - between.start()) if between else a.start
        out.append(
            _Fig(
                s,
                b.end,
                b.num_end,
                value,
                a.mantissa,
                b.unit or a.unit,
                a.strong or b.strong,
                low=min(value, b.value),
                high=max(value, b.value),
                qualifier="between",
            )
        )
        i += 2
    return out


def _finish(text: str, fig: _Fig, lo: int, end: int) -> Quantity:
    """Read the hedge and the change around a figure and build its Quantity."""
    start, qualifier, low, high, stop = fig.start, fig.qualifier, fig.low, fig.high, fig.end
    before = text[max(lo, start - 40) : start]
    if qualifier is None:
        factors: tuple[float | None, float | None] = (1.0, 1.0)
        if hedge_m := _HEDGE_RE.search(before):
            qualifier = (hedge_m.group(1) or hedge_m.group(2)).lower()
            start -= len(before) - hedge_m.start()
            before = before[: hedge_m.start()]
        elif post := _POST_HEDGE_RE.match(text, fig.end, end):
            qualifier, stop = post.group(1).strip(" -").lower(), post.end()
        if qualifier:
            factors = qw.HEDGES[qualifier]
        v = fig.value
        low, high = ((None if f is None else v * f if v >= 0 else v / f) for f in factors)
    verb = _CHANGE_RE.search(before)
    noun = _CHANGE_NOUN_RE.match(text, fig.end, end) if not verb and fig.unit == "percent" else None
    if cue := verb or noun:  # "rose 5%", "a 5% increase"
        direction = "up" if cue.group("up") else "down"
        qualifier = f"{direction} by {qualifier}" if qualifier else f"{direction} by"
    return Quantity(start, stop, text[start:stop], fig.value, fig.unit, qualifier, low, high)


def find_quantities(text: str, start: int = 0, end: int | None = None) -> tuple[Quantity, ...]:
    """The figures in ``text[start:end]``, in order, with offsets into ``text``."""
    end = len(text) if end is None else end
    special = _special_figs(text, start, end)
    figs = sorted(
        special + _number_figs(text, start, end, [(f.start, f.end) for f in special]),
        key=lambda f: (f.start, -f.end),
    )
    kept: list[_Fig] = []
    for f in figs:  # a figure inside a longer one ("two" in "two-thirds") goes
        if not kept or f.start >= kept[-1].end:
            kept.append(f)
    joined = _join_ranges(text, kept, start)
    return tuple(_finish(text, f, start, end) for f in joined if f.kind == "ok")


def change(q: Quantity) -> str | None:
    """ "up" or "down" when the text reports the figure as a change."""
    if q.qualifier and q.qualifier.startswith(("up by", "down by")):
        return q.qualifier.split()[0]
    return None


def hedge(q: Quantity) -> str | None:
    """The hedge words ("over", "about", "between"), without the change."""
    return (re.sub(r"^(?:up|down) by\s*", "", q.qualifier) or None) if q.qualifier else None


def is_range(q: Quantity) -> bool:
    return hedge(q) in RANGE_QUALIFIERS


def _rounding(q: Quantity) -> float:
    """A hair under half the place of the last significant digit written ("14,000" -> 500)."""
    m = re.search(r"\d[\d,]*(?:\.\d+)?", q.text)
    if not m or not float(digits := m.group().replace(",", "")) or not q.value:
        return 0.0
    decimals = digits.split(".")[1] if "." in digits else ""
    place = 10.0 ** -len(decimals) if decimals else 10.0 ** (len(digits) - len(digits.rstrip("0")))
    # just under half a place, so "35" and "36" do not meet at 35.5
    return min(place * 0.4999 * abs(q.value / float(digits)), ROUNDING_CAP * abs(q.value))


def compatible(a: Quantity, b: Quantity, tolerance: float = COMPATIBLE_TOLERANCE) -> bool:
    """Can both figures be true of the same quantity?  Same unit family, overlapping intervals.

    Each interval is widened by the rounding its digits show ("14,000" may be
    14,212) and, when the units differ, by ``tolerance`` of its value.  A figure
    with no unit may be any count; it never matches a currency, percent, time or
    measure.  "a year and a half" and "over 16 months" are compatible;
    "4,120" and "3,180" are not; "about 1,000" and "1,050" are.
    """
    (fa, ka), (fb, kb) = family(a.unit), family(b.unit)
    if fa != fb and not (
        fa is None
        and (fb or "").startswith("count:")
        or fb is None
        and (fa or "").startswith("count:")
    ):
        return False

    def bounds(q: Quantity, k: float) -> tuple[float, float]:
        slack = _rounding(q) + (tolerance * abs(q.value) if a.unit != b.unit else 0.0)
        lo = q.low if q.low is not None else -float("inf")
        hi = q.high if q.high is not None else float("inf")
        return (lo - slack) * k, (hi + slack) * k

    (lo_a, hi_a), (lo_b, hi_b) = bounds(a, ka), bounds(b, kb)
    return lo_a <= hi_b and lo_b <= hi_a
