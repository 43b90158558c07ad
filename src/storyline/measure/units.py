"""Reading the unit written after a number, and which units can be compared.

Helpers for :mod:`storyline.measure.quantities`: the unit lexicons compiled to
matchers, the counted noun phrase ("public housing properties"), rates ("a
month"), and unit families with their conversion factors.
"""

from __future__ import annotations

import re

from storyline.measure import number_words as qw

_RATE_RE = re.compile(
    r"(?:\s*/\s*|\s+per\s+|\s+an?\s+|\s+an?-|\s+each\s+)"
    r"(?P<r>[A-Za-z][A-Za-z]*(?:\s[a-z]+)?)"
)
_NP_WORD_RE = re.compile(r"[ \t]+([A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|&|\d{1,3}s?)(?![\w$£€])")


def _lexicon(table: str) -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str]]:
    """Forms -> canonical name, and matchers for the exact and the any-case forms."""
    forms = {
        form.replace("_", " "): name
        for line in table.strip().splitlines()
        for name, _, rest in [line.partition(":")]
        for form in rest.split()
    }
    exact = sorted(forms, key=len, reverse=True)
    loose = [f for f in exact if len(f) >= 4]
    head, tail = r"(?:\s?-?|\s)(", r")(?![A-Za-z0-9])"
    return (
        {**{f.lower(): n for f, n in forms.items() if len(f) >= 4}, **forms},
        re.compile(head + "|".join(map(re.escape, exact)) + tail),
        re.compile(head + "|".join(map(re.escape, loose)) + tail, re.I),
    )


LEXICONS = (_lexicon(qw.MEASURES), _lexicon(qw.TIME_UNITS), _lexicon(qw.CURRENCY_WORDS))
UNIT_FORMS = {**LEXICONS[0][0], **LEXICONS[1][0]}
KNOWN_UNITS = frozenset(
    [*LEXICONS[0][0].values(), *LEXICONS[2][0].values(), *qw.CURRENCY_SIGNS.values()]
)


def singular(word: str) -> str:
    w = word.lower()
    if w in qw.IRREGULAR_PLURALS:
        return qw.IRREGULAR_PLURALS[w]
    for suffix, repl in (
        ("ies", "y"),
        ("sses", "ss"),
        ("xes", "x"),
        ("ches", "ch"),
        ("shes", "sh"),
        ("s", ""),
    ):
        if w.endswith(suffix) and len(w) > 3 and not w.endswith(("ss", "us", "is")):
            return w[: -len(suffix)] + repl
    return w


def plural_like(word: str) -> bool:
    w = word.lower()
    return w in qw.IRREGULAR_PLURALS or (
        len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous"))
    )


def noun_phrase(text: str, pos: int, end: int, single: bool) -> tuple[str | None, int]:
    """The counted noun phrase after a number, up to its head ("public housing properties").

    Before a plural head is found the phrase may hold "and" and model numbers
    ("460 Kia and Hyundai vehicles", "63000 Model 3 sedans").
    """
    words: list[re.Match[str]] = []
    p = pos
    while len(words) < 5 and (m := _NP_WORD_RE.match(text, p, end)):
        w = m.group(1)
        inner = (
            bool(words)
            and not single
            and (w.lower() in ("and", "&") or (w[0].isdigit() and words[-1].group(1)[0].isupper()))
        )
        if not inner and (
            w.lower() in qw.STOP_WORDS
            or w.lower().endswith(("ly", "’s", "'s"))
            or w[0] in "&0123456789"
        ):
            break
        words.append(m)
        p = m.end()
        if not single and not inner and plural_like(w):
            return text[words[0].start(1) : m.end()], m.end()
    while words and (words[-1].group(1).lower() in ("and", "&") or words[-1].group(1)[0].isdigit()):
        words.pop()
    if not words:
        return None, pos
    if single:  # "one proposal asks", "one campaign tied": a trailing -s/-ed word is the verb
        if len(words) > 1 and words[-1].group(1).lower().endswith(("s", "ed")):
            words.pop()
        if words[0].group(1).lower().endswith("ed"):
            return None, pos
        return text[words[0].start(1) : words[-1].end()], words[-1].end()
    first = words[0].group(1)
    if first.lower().endswith(("ing", "ed")) or first[0].isupper() or len(words) == 1:
        return None, pos  # "12 page document" has a head noun after it; a lone word may be a verb
    return first, words[0].end()


def unit_word(text: str, pos: int, end: int) -> tuple[str | None, int]:
    """A measure, time or currency word written right after ``pos``: (name, end)."""
    attached = pos < end and (text[pos].isalpha() or text[pos] in "%′″°º")
    for forms, exact, loose in LEXICONS:
        m = max(
            (x for x in (exact.match(text, pos, end), loose.match(text, pos, end)) if x),
            key=lambda x: x.end(),
            default=None,
        )
        if not m or (m.group(1) in qw.ATTACHED_ONLY and not attached):
            continue
        if (
            m.group(1) in qw.SPACED_LETTERS
            and not attached
            and not re.match(r"[\s.,;:)]|$", text[m.end() : m.end() + 1])
        ):
            continue
        return forms.get(m.group(1)) or forms.get(m.group(1).lower()), m.end()
    return None, pos


def rate(text: str, pos: int, end: int, unit: str) -> tuple[str, int]:
    """Add " per <thing>": "$3,500 a month", "63 cents per share", "1.3 million cars per year"."""
    m = _RATE_RE.match(text, pos, end)
    if not m:
        return unit, pos
    sep = m.group(0).split()[0] if m.group(0).strip() else "/"
    words = m.group("r").split()
    for n in (2, 1):
        cand = " ".join(words[:n])
        stop = m.start("r") + len(cand)
        if re.match(
            r"\s+(?:earlier|ago|before|later|after|on|from|in|into|since)\b", text[stop : stop + 8]
        ):
            continue  # "$6.78 billion a year earlier" is a figure and a date, not a rate
        name = UNIT_FORMS.get(cand) or UNIT_FORMS.get(cand.lower())
        noun = (
            n == 1
            and (cand.lower() in qw.RATE_NOUNS or sep in ("per", "/", "each"))
            and cand.islower()
            and cand not in qw.STOP_WORDS
            and len(cand) > 2
        )
        if name or noun:
            *head, last = (name or cand).split()
            last = last if last in ("hertz", "horsepower") else singular(last)
            return f"{unit} per {' '.join([*head, last])}", stop
    return unit, pos


def family(unit: str | None) -> tuple[str | None, float]:
    """(family, factor to its base unit); a counted noun is a family of its head noun."""
    if unit is None:
        return None, 1.0
    base, _, per = unit.partition(" per ")
    if per:
        name, factor = family(base)
        return f"{name} per {per}", factor
    for table, name in ((qw.DAYS, "time"), (qw.METRES, "length"), (qw.KILOGRAMS, "mass")):
        if unit in table:
            return name, table[unit]
    if unit in qw.MINOR_CURRENCY:
        return qw.MINOR_CURRENCY[unit]
    if unit == "fraction":
        return "percent", 100.0
    if unit.endswith(" old") and unit.split()[0] in qw.DAYS:
        return "age", qw.DAYS[unit.split()[0]]
    if unit in KNOWN_UNITS or unit.isupper():
        return unit, 1.0
    return "count:" + singular(unit.split()[-1]), 1.0
