"""Find the figures in news text: value, unit, qualifier and the interval the words allow.

Pure ``re``: one pass for number tokens, then a look at the words either side.
Conventions of the returned :class:`~storyline.model.Quantity`:

* ``value`` is the figure as written, in base units ("1.3 million" -> 1300000,
  "35 per cent" -> 35); for a range, the first figure written ("10-20" -> 10).
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
* ``low``/``high``: exact -> value; "over 5,500" -> (5500, None); "up to 35" ->
  (None, 35); "about 100" -> 100 +- ABOUT_TOLERANCE; "10-20" -> (10, 20).

Not returned: years ("in 2024", "a wonderful 2025"), dates ("14 October"),
clock times, ordinals, scores ("won 2-1"), ratios ("50:50") and numbers that
name things ("Game 2", "S&P 500", "Model 3", "COVID-19").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from storyline.model import Quantity

# "about 100" is read as 90-110: the spread reporters mean by about/around/
# roughly, checked against NewsQuant ("about 63000 Model 3 sedans").
ABOUT_TOLERANCE = 0.10
# compatible(): relative slack when the two figures are in different units of one
# family, for the conversion (a month is taken as 30.44 days, a mile as 1.609 km);
# 1% covers "45 days" against "a month-and-a-half" (45.66 days).
COMPATIBLE_TOLERANCE = 0.01
# Rounding read from the digits ("28,000" may be 28,232) is capped at this share
# of the value, so a round "100" allows 95-105 and not 50-150.
ROUNDING_CAP = 0.05

# Hedges and the interval they allow as factors of the value (None: unbounded).
# From news style guides and the hedges of the NewsQuant sentences.
_HEDGE_TABLE = (
    ("more than|over|above|in excess of|upwards of|at least|no less than|greater than|well over|"
     "well above|north of|exceeding|or more|plus|+", (1.0, None)),
    ("less than|fewer than|under|below|up to|at most|no more than|not more than|as many as|as much as|"
     "well below|well under|sub|or less|or fewer", (None, 1.0)),
    ("about|around|approximately|approx.|roughly|some|an estimated|estimated|circa|c.|~|≈|or so|close to|"
     "an average of|on average|average", (1 - ABOUT_TOLERANCE, 1 + ABOUT_TOLERANCE)),
    ("nearly|almost|just under|just below|just shy of", (1 - ABOUT_TOLERANCE, 1.0)),
    ("just over|just above", (1.0, 1 + ABOUT_TOLERANCE)),
    ("just|only|exactly|precisely|a record|a total of", (1.0, 1.0)),
)
_HEDGES = {w: iv for words, iv in _HEDGE_TABLE for w in words.split("|")}
_POST_HEDGES = ("or more", "plus", "+", "or so", "or less", "or fewer")
_HEDGE_RE = re.compile(r"(?:^|(?<=[\s(]))(" + "|".join(
    re.escape(w) for w in sorted(_HEDGES, key=len, reverse=True) if w not in _POST_HEDGES + ("sub",)
) + r")\s+$|(?:^|(?<=[\s(]))(sub)-$", re.I)
_POST_HEDGE_RE = re.compile(r"(\+|-plus\b|\s(?:or more|or so|or less|or fewer)\b)", re.I)
_VAGUE_BASE = {"tens": 10, "dozens": 12, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
RANGE_QUALIFIERS = frozenset({"between", *_VAGUE_BASE,
                              *(f"{a} of {b}" for a in ("tens", "dozens", "hundreds") for b in _VAGUE_BASE)})

# Verbs that make the next figure a change ("rose 5%", "fell by 3 per cent"),
# from the market reports in NewsQuant and common business-news usage.
_UP = ("rose|rise|rises|rising|up|increased|increase|increases|gained|gain|gains|grew|grow|grows|jumped|jumps|"
       "climbed|climbs|soared|soars|surged|surges|added|adds|advanced|advances|rallied|boosted|lifted|raised|"
       "hiked|spiked|widened|expanded")
_DOWN = ("fell|fall|falls|dropped|drop|drops|dropping|down|declined|decline|declines|lost|lose|loses|slid|"
         "slides|slipped|slips|plunged|plunges|plummeted|tumbled|tumbles|sank|sinks|decreased|decrease|decreases|"
         "cut|cuts|eased|eases|shed|sheds|retreated|dipped|dips|shrank|slumped|slumps|narrowed|contracted|"
         "reduced|lowered|trimmed|shaved")
_CHANGE_RE = re.compile(rf"(?:^|(?<=[\s(]))(?:(?P<up>{_UP})|(?P<down>{_DOWN}))(?:\s+by)?\s+$", re.I)
_CHANGE_NOUN_RE = re.compile(r"\s+(?:(?P<up>increase|rise|gain|jump|hike|boost)|"
                             r"(?P<down>drop|fall|decline|decrease|cut|reduction))\b", re.I)
_FROM_CHANGE_RE = re.compile(rf"\b(?:{_UP}|{_DOWN}|going|went|moved|grow|growing|changed|revised|creeping)\b"
                             r"[^.;]{0,60}\bfrom\s+$", re.I)

# ---- numbers ---------------------------------------------------------------
_CURRENCY_SIGN = {"$": "USD", "US$": "USD", "$US": "USD", "A$": "AUD", "$A": "AUD", "AU$": "AUD",
                  "NZ$": "NZD", "C$": "CAD", "CA$": "CAD", "HK$": "HKD", "S$": "SGD", "HK$": "HKD", "R$": "BRL", "£": "GBP",
                  "PS": "GBP", "€": "EUR", "¥": "JPY", "Y=": "JPY", "RMB": "CNY", "₹": "INR", "RS": "INR",
                  "RS.": "INR", "₩": "KRW", "₪": "ILS", "RM": "MYR"}
_DIGIT_RE = re.compile(
    r"(?<![\w.$£€¥/])(?:(?P<cur>(?:US|AU|NZ|HK|S)\s?\$|\$\s?(?:US|A)(?=\d)|A\$|C\$|CA\$|HK\$|R\$|\$|£|€|¥|₹|₩|₪|"
    r"Y=|PS(?=\d)|RM\s?(?=\d)|Rs\.?\s?(?=\d)|(?:USD|EUR|GBP|JPY|CNY|RMB|INR|AUD|CAD|NZD|CHF|HKD|SGD)\s?(?=\d))"
    r"\s?)?(?P<sign>[-−](?=\.?\d))?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:[/⁄](?P<den>\d{1,3})(?![/\d]))?(?P<half>½)?(?:\s?[×x]\s?10(?:\^|\*\*)?(?P<exp>[-−]\d{1,3}|(?<=\^)\d{1,3}))?")
_SMALL = dict(zip(("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                   "fifteen sixteen seventeen eighteen nineteen").split(), range(1, 20)))
_TENS = dict(zip("twenty thirty forty fifty sixty seventy eighty ninety".split(), range(20, 100, 10)))
_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12}
_NW = "|".join([*_TENS, *_SMALL, *_SCALES])
_WORD_RE = re.compile(rf"\b(?:an?\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?(?:{_NW})"
                      rf"(?:(?:\s+and\s+(?=(?:{_NW})\b)|\s+|-)(?:{_NW}))*\b(?!-(?:{_NW}|and)\b)", re.I)
_VAGUE_RE = re.compile(r"\b(?:(tens|dozens|hundreds)\s+of\s+)?(dozens|hundreds|thousands|millions|billions)\b"
                       r"(?:\s+of\b)?", re.I)
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                 "fourths": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}
_FRACTION_RE = re.compile(
    r"\b(?P<n>a|an|one|two|three|four|five|seven|nine)[\s-]+(?P<d>halves|thirds?|quarters?|fourths?|fifths?|tenths?)"
    r"(?:(?=\s+of\b)|(?<=s)\b)|\b(?P<one>one)\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<of>two|three|four|five|six|"
    r"seven|eight|nine|ten|\d{1,3})\b|(?<![\w-])(?P<half>half)(?=\s+(?:of|the|its|their|his|her|our|all)\b)", re.I)
_AND_HALF_RE = re.compile(
    r"\b(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})(?:[\s-]+(?P<u1>[a-z]+))??[\s-]+and"
    r"[\s-]+a[\s-]+half\b(?:[\s-]+(?P<u2>[a-z]+))?|(?<![\w-])half[\s-]+an?[\s-]+(?P<u3>[a-z]+)\b", re.I)

# ---- units -----------------------------------------------------------------
# Canonical name: surface forms ("_" is a space).  From the NewsQuant gold units
# and common news usage.  Forms of 4+ characters match in any case; shorter
# ones (symbols: "m", "GB", "PS") only as written.
_MEASURES = """
percent: % per_cent per-cent percent pc pct
percentage points: percentage_point percentage_points
basis points: bp bps basis_point basis_points
points: pts point points
kilometres: km kms kilometre kilometres kilometer kilometers
metres: m metre metres meter meters
centimetres: cm centimetre centimetres centimeter centimeters
millimetres: mm millimetre millimetres millimeter millimeters
micrometres: μm µm micrometre micrometres micrometer micrometers micron microns
nanometres: nm nanometre nanometres nanometer nanometers
miles: mile miles
yards: yard yards yd yds
feet: ft foot feet ′
inches: inch inches ″
square metres: sq_m sqm m2 m² square_metre square_metres square_meter square_meters
square feet: sq_ft sqft square_foot square_feet
square miles: sq_mi square_mile square_miles
square kilometres: sq_km km2 km² square_kilometre square_kilometres square_kilometer square_kilometers
cubic feet: cubic_foot cubic_feet cu_ft
hectares: ha hectare hectares
acres: acre acres
kilograms: kg kgs kilo kilos kilogram kilograms kilogramme kilogrammes
grams: g gram grams gramme grammes
milligrams: mg milligram milligrams
pounds: lb lbs pound pounds
ounces: oz ounce ounces
tonnes: tonne tonnes metric_tons
tons: ton tons
gigatonnes: Gt gigatonne gigatonnes gigaton gigatons
litres: l L litre litres liter liters
millilitres: ml mL millilitre millilitres milliliter milliliters
gallons: gallon gallons
barrels per day: bpd barrels_per_day barrels_a_day barrel-a-day
barrels: bbl barrel barrels
miles per hour: mph miles_per_hour miles_an_hour mile_per_hour
kilometres per hour: km/h kmh kph km/hr kilometres_per_hour kilometers_per_hour kilometres_an_hour
metres per second: m/s metres_per_second meters_per_second
miles per gallon: mpg miles_per_gallon
knots: kt kts knot knots
horsepower: hp HP horsepower PS
brake horsepower: bhp
pound-feet: lb-ft lb_ft pound-feet pound-foot
newton metres: Nm newton_metres newton_meters newton-metres
watts: W watt watts
kilowatts: kW kilowatt kilowatts
megawatts: MW megawatt megawatts
gigawatts: GW gigawatt gigawatts
kilowatt hours: kWh kilowatt_hours kilowatt-hours kilowatt_hour kilowatt-hour
megawatt hours: MWh megawatt_hours megawatt-hours
gigawatt hours: GWh gigawatt_hours gigawatt-hours
milliamp hours: mAh milliamp_hours milliampere_hours
volts: V volt volts
hertz: Hz HZ hertz
kilohertz: kHz khz kilohertz
megahertz: MHz Mhz megahertz
gigahertz: GHz Ghz ghz gigahertz
megabytes: MB megabyte megabytes
gigabytes: GB gigabyte gigabytes
terabytes: TB terabyte terabytes
megabits per second: Mbps Mb/s megabits_per_second
gigabits per second: Gbps gigabits_per_second
degrees Celsius: °C ºC degC deg_C C degrees_Celsius degree_Celsius celsius centigrade
degrees Fahrenheit: °F ºF degF deg_F F degrees_Fahrenheit degree_Fahrenheit fahrenheit
degrees: ° deg degree degrees
revolutions per minute: rpm
decibels: dB decibel decibels
calories: kcal calorie calories
gigapascals: GPa gigapascal gigapascals
megapascals: MPa megapascal megapascals
kilopounds per square inch: ksi
points per game: ppg
rebounds per game: rpg
assists per game: apg
parts per million: ppm parts_per_million
parts per billion: ppb parts_per_billion
times: x times
cylinders: cylinder cylinders
"""
_TIME_UNITS = """
years: yr yrs year years
months: month months
weeks: wk wks week weeks
days: day days
hours: hr hrs hour hours
minutes: min mins minute minutes
seconds: sec secs second seconds
decades: decade decades
centuries: century centuries
"""
# Currency words after a number, from the NewsQuant gold and ISO 4217 names.
_CURRENCY_WORDS = """
USD: dollars dollar US_dollars U.S._dollars USD
AUD: Australian_dollars Australian_dollar AUD
NZD: New_Zealand_dollars New_Zealand_dollar NZD
CAD: Canadian_dollars CAD
HKD: Hong_Kong_dollars HKD
SGD: Singapore_dollars Singaporean_dollars SGD
EUR: euros euro EUR
GBP: pounds_sterling sterling GBP
JPY: yen YEN Japanese_yen JPY
CNY: yuan Chinese_yuan renminbi CNY RMB
INR: rupees Indian_rupees INR
ILS: shekels shekel Israeli_shekels new_shekels NIS ILS
DKK: Danish_crowns Danish_kroner DKK
SEK: Swedish_crowns Swedish_kronor SEK
NOK: Norwegian_crowns Norwegian_kroner NOK
MYR: ringgit Malaysian_ringgit MYR
ZAR: rand South_African_rand ZAR
CHF: Swiss_francs francs CHF
RUB: roubles rubles RUB
TRY: lira TRY
BRL: reais BRL
MXN: pesos MXN
HRK: kuna HRK
cents: cents cent c
pence: pence p
sen: sen
"""
_ATTACHED_ONLY = {"′", "″", "x", "c", "l", "kn"}  # units only when glued to the digits
_SPACED_LETTER = {"W", "V", "m", "L", "p", "g", "C", "F"}  # spaced, only before a non-word


def _lexicon(table: str) -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str]]:
    """Forms -> canonical name, and matchers for the exact and the any-case forms."""
    forms: dict[str, str] = {}
    for line in table.strip().splitlines():
        name, _, rest = line.partition(":")
        for form in rest.split():
            forms[form.replace("_", " ")] = name
    exact = sorted(forms, key=len, reverse=True)
    loose = [f for f in exact if len(f) >= 4]
    tail = r")(?![A-Za-z0-9])"
    return ({**{f.lower(): n for f, n in forms.items() if len(f) >= 4}, **forms},
            re.compile(r"(?:\s?-?|\s)(" + "|".join(map(re.escape, exact)) + tail),
            re.compile(r"(?:\s?-?|\s)(" + "|".join(map(re.escape, loose)) + tail, re.I))


_LEXICONS = (_lexicon(_MEASURES), _lexicon(_TIME_UNITS), _lexicon(_CURRENCY_WORDS))
_TIME_NAMES = frozenset(_lexicon(_TIME_UNITS)[0].values())
_UNIT_FORMS = {**_LEXICONS[0][0], **_LEXICONS[1][0]}
_MULTIPLIERS = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "crore": 1e7,
                "lakh": 1e5, "dozen": 12, "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "mill": 1e6,
                "bn": 1e9, "b": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12, "t": 1e12}
_MULT_RE = re.compile(r"(?P<sp>\s?-?)(?P<m>hundred|thousand|million|billion|trillion|crore|lakh|dozen|mn|mln|"
                      r"mill|mil|bn|bln|tn|trn|[kKmMbBT])(?![A-Za-z0-9])", re.I)
_METRE_CUE_RE = re.compile(r"\s*\(\s*[\d.,]+\s*(?:ft|feet|foot|yards?)\b|-?\s?(?:long|wide|high|tall|deep|away|"
                           r"sprint|race|hurdles|relay|freestyle|swim|dash)\b")
_AGE_RE = re.compile(r"(?:\s|-)(?P<u>year|month|week|day)s?(?:-|\s)old\b|\s(?P<v>year|month)s\s+of\s+age\b", re.I)
_RATE_RE = re.compile(r"(?:\s*/\s*|\s+per\s+|\s+an?\s+|\s+an?-|\s+each\s+)(?P<r>[A-Za-z][A-Za-z]*(?:\s[a-z]+)?)")
_RATE_NOUNS = frozenset("share head person capita barrel gallon ounce piece night unit".split())

# Words that end a counted noun phrase: closed-class words, common adverbs and
# the verbs that most often follow a figure in news copy.
_STOP = frozenset("""
a an the this that these those his her its their our my your of in on at by for to from with without into onto
over under about above below after before since until during between among across through per than as and or
but nor so yet if when while where who whom whose which what how why because although though whether
i you he she it we they me him us them one ones each every all both some any no not only just also very
is are was were be been being am has have had do does did will would shall should can could may might must
said says say told according here there now then ago later earlier last next away behind left
up down out off more most less least much many few several other another such same own too again
including amid despite via plus minus against toward towards around worth compared versus vs mr mrs ms dr
""".split())
_IRREGULAR = {"people": "person", "men": "man", "women": "woman", "children": "child", "feet": "foot",
              "staff": "staff", "police": "police", "fishermen": "fisherman", "teeth": "tooth", "mice": "mouse",
              "personnel": "personnel", "cattle": "cattle", "aircraft": "aircraft", "sheep": "sheep"}
# Labels that a number identifies rather than counts ("Game 7", "route 66").
_ID_WORDS = frozenset("no no. number # game week round stage phase level grade tier type category class zone "
                      "route article chapter section row seat room gate flight platform page track episode "
                      "season version model channel act unit apartment suite district ward".split())
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_MONTH_BEFORE_RE = re.compile(rf"\b(?:{_MONTHS})\.?,?\s*$")
_MONTH_AFTER_RE = re.compile(rf"(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{_MONTHS})\b")
_YEAR_PREP_RE = re.compile(r"\b(?:in|since|by|from|until|till|to|of|during|before|after|through|between|and|"
                           r"or|early|late|mid|fiscal|circa|A\.?D\.?|B\.?C\.?)[\s-]*$", re.I)
_CLOCK_AFTER_RE = re.compile(r"(?::\d|\.\d\d\s?[ap]\.?m\b|\s?[ap]\.?m\.?(?![a-z])|\s?(?:GMT|BST|EST|EDT|PST|PDT|"
                             r"UTC|CET|ET|PT)\b)", re.I)
_SCORE_CUE_RE = re.compile(r"\b(?:beat|beats|won|win|wins|lost|loses|drew|draw|tie|tied|lead|led|leads|victory|"
                           r"defeat|score|scored|ended|finished|at|a)\s+$", re.I)
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;\"“”|]\s*|\n\s*)$")
_HYPHEN_PREFIXES = frozenset("minus sub now then top over under about nearly almost some roughly to and".split())
_NOT_ONE_BEFORE = frozenset("each every same no any the this that which another little".split())


@dataclass(frozen=True)
class _Fig:
    """A number read with its unit, before ranges are joined and hedges read."""

    start: int  # currency sign or first digit/word
    end: int  # after the unit words
    num_end: int  # after the digits/number words
    value: float
    mantissa: float  # the value before a multiplier ("2.5" of "$2.5bn")
    unit: str | None
    strong: bool  # unit, currency, percent or multiplier written (not just a counted noun)
    kind: str = "ok"  # "ok", or why it is not a quantity: "year", "date", "id", "clock", "score"
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None


def _singular(word: str) -> str:
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"), ("s", "")):
        if w.endswith(suffix) and len(w) > 3 and not w.endswith(("ss", "us", "is")):
            return w[: -len(suffix)] + repl
    return w


def _plural_like(word: str) -> bool:
    w = word.lower()
    return w in _IRREGULAR or (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")))


_OF_NP_RE = re.compile(r"\s+of\s+(?:the|its|his|her|their|our|my|your|these|those)\s+(?:most\s+)?(?=[a-z])")
_NP_WORD_RE = re.compile(r"[ \t]+([A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|&|\d{1,3}s?)(?![\w$£€])")


def _noun_phrase(text: str, pos: int, end: int, single: bool) -> tuple[str | None, int]:
    """The counted noun phrase after a number, up to its head ("public housing properties").

    Before a plural head is found the phrase may hold "and" and model numbers
    ("460 Kia and Hyundai vehicles", "63000 Model 3 sedans").
    """
    words: list[re.Match[str]] = []
    p = pos
    while len(words) < 5:
        m = _NP_WORD_RE.match(text, p, end)
        if not m:
            break
        w = m.group(1)
        inner = bool(words) and not single and (w.lower() in ("and", "&") or (w[0].isdigit() and words[-1].group(1)[0].isupper()))
        if not inner and (w.lower() in _STOP or w.lower().endswith(("ly", "’s", "'s")) or w[0].isdigit() or w == "&"):
            break
        words.append(m)
        p = m.end()
        if not single and not inner and _plural_like(w):
            return text[words[0].start(1):m.end()], m.end()
    while words and (words[-1].group(1).lower() in ("and", "&") or words[-1].group(1)[0].isdigit()):
        words.pop()
    if not words:
        return None, pos
    if single:  # "one proposal asks", "one campaign tied": a trailing -s/-ed word is the verb
        if len(words) > 1 and words[-1].group(1).lower().endswith(("s", "ed")):
            words.pop()
        if words[0].group(1).lower().endswith("ed"):
            return None, pos
        return text[words[0].start(1):words[-1].end()], words[-1].end()
    first = words[0].group(1)
    if first.lower().endswith(("ing", "ed")) or first[0].isupper() or len(words) == 1:
        return None, pos  # "12 page document" has a head noun after it; a lone word may be a verb
    return first, words[0].end()


def _unit_word(text: str, pos: int, end: int) -> tuple[str | None, int, str]:
    """A measure, time or currency word written right after ``pos``: (name, end, form)."""
    attached = pos < end and (text[pos].isalpha() or text[pos] in "%'′″\"°º")
    for forms, exact, loose in _LEXICONS:
        m = max((x for x in (exact.match(text, pos, end), loose.match(text, pos, end)) if x),
                key=lambda x: x.end(), default=None)
        if not m:
            continue
        form = m.group(1)
        if form in _ATTACHED_ONLY and not attached:
            continue
        if form in _SPACED_LETTER and not attached and not re.match(r"[\s.,;:)]|$", text[m.end():m.end() + 1]):
            continue
        return forms.get(form) or forms.get(form.lower()), m.end(), form
    return None, pos, ""


def _rate(text: str, pos: int, end: int, unit: str) -> tuple[str, int]:
    """Add " per <thing>" for "$3,500 a month", "63 cents per share", "1.3 million cars per year"."""
    m = _RATE_RE.match(text, pos, end)
    if not m:
        return unit, pos
    sep = m.group(0).split()[0] if m.group(0).strip() else "/"
    words = m.group("r").split()
    for n in (2, 1):
        cand = " ".join(words[:n])
        stop = m.start("r") + len(cand)
        if re.match(r"\s+(?:earlier|ago|before|later|after|on|from|in|into|since)\b", text[stop:stop + 8]):
            continue  # "$6.78 billion a year earlier" is a figure and a date, not a rate
        name = _UNIT_FORMS.get(cand) or _UNIT_FORMS.get(cand.lower())
        if name or (n == 1 and (cand.lower() in _RATE_NOUNS or sep in ("per", "/", "each")) and cand.islower()
                    and cand not in _STOP and len(cand) > 2):
            *head, last = (name or cand).split()
            label = " ".join([*head, _singular(last) if last not in ("hertz", "horsepower") else last])
            return f"{unit} per {label}", stop
    return unit, pos


def _read_unit(text: str, pos: int, end: int, cur: str | None, single: bool) -> tuple[float, str | None, int, bool]:
    """After the digits: multiplier, then unit.  Returns (multiplier, unit, end, strong)."""
    mult, strong = 1.0, cur is not None
    while (m := _MULT_RE.match(text, pos, end)):
        word, spaced = m.group("m"), bool(m.group("sp").strip() or m.group("sp"))
        short = len(word) <= 3 and word.lower() not in ("mn", "mln", "bn", "tn", "trn", "bln", "mil")
        if short and spaced and not (word in "MB" and cur is None and text[m.end():m.end() + 1] in " .,;)"):
            break  # "18 m deep", "5 k" are units or noise; "8 B people" and "$4 M" are scales
        if word == "m" and not spaced and cur is None and _METRE_CUE_RE.match(text, m.end(), end):
            break  # "37m (121ft)-long": metres
        if word.lower() in ("k", "t") and (spaced or cur is None and word == "K" and text[pos - 1] in "48"):
            break  # "4K" is a screen resolution
        if not word.islower() and word not in "KMBT" and len(word) > 1 and word.upper() != word:
            break
        mult *= _MULTIPLIERS[word.lower()]
        pos, strong = m.end(), True
        if short:
            break
    unit: str | None = cur
    if cur is None:
        if (age := _AGE_RE.match(text, pos, end)):
            return mult, f"{(age.group('u') or age.group('v')).lower()}s old", age.end(), True
        name, after, form = _unit_word(text, pos, end)
        if name == "pounds" and (mult > 1 or re.match(r"\s+sterling\b", text[after:])):
            name = "GBP"
        if name:
            unit, pos, strong = name, after, True
        else:
            unit, pos = _noun_phrase(text, pos, end, single)
    else:  # "$31.20 US", "US $58.24", "¥880 billion yen"
        extra = re.compile(r"\s(?:US|USD|dollars|yen|yuan|euros)\b").match(text, pos, end)
        pos = extra.end() if extra else pos
    if unit:
        unit, pos = _rate(text, pos, end, unit)
    return mult, unit, pos, strong


def _is_year(text: str, fig: _Fig, num: str, hedged: bool) -> bool:
    if fig.strong or hedged or not num.isdigit() or len(num) != 4:
        return False
    before = text[max(0, fig.start - 30):fig.start]
    prep = _YEAR_PREP_RE.search(before)
    return (1000 if prep else 1800) <= fig.value <= (2200 if prep else 2100)


def _kind(text: str, fig: _Fig, num: str, word: bool) -> str:
    """Why this number is not a quantity ("year", "date", ...), or "ok"."""
    s, e = fig.start, fig.num_end
    before, after = text[max(0, s - 40):s], text[e:e + 12]
    if _CLOCK_AFTER_RE.match(after) or re.search(r"\d:$", before):
        return "clock"
    if not fig.strong and e == fig.end and after[:1].isalpha():
        return "id"  # "14th", "5G", "1990s", "9AB8"
    if re.match(r"['’′]s\b", after):
        return "year"
    day_like = not fig.strong and float(fig.value).is_integer() and (1 <= fig.value <= 31 or len(num) == 4)
    if day_like and (_MONTH_BEFORE_RE.search(before) or _MONTH_AFTER_RE.match(after.lstrip())):
        return "date"
    if re.match(r"-\d\d-\d\d", after):
        return "date"
    hedged = bool(_HEDGE_RE.search(before))
    if _is_year(text, fig, num, hedged):
        return "year"
    if not word and ((len(num) > 1 and num[0] == "0" and num[1].isdigit()) or len(num) > 9 and num.isdigit()):
        return "id"  # "007", phone and postcode parts, tweet and record ids
    prev = re.search(r"([\w&.#'’-]+)([ \t]*-|[ \t]+)$", before)
    if prev:
        token, gap = prev.group(1), prev.group(2)
        if gap.endswith("-") and not gap.strip(" \t-") and token.isalpha() and token.lower() not in _HYPHEN_PREFIXES:
            return "id"  # "COVID-19", "V-6", "TA-35"
        has_letter = any(c.isalpha() for c in token)
        is_name = has_letter and not token.endswith(".") and (any(c.isupper() for c in token) or "&" in token
                                                               or any(c.isdigit() for c in token))
        if token.lower() in _ID_WORDS or (is_name and not fig.strong and token.lower() not in _STOP
                                           and not _HEDGE_RE.search(token + " ") and not (token.islower() and _CHANGE_RE.search(token + " "))
                                           and token.lower() not in _VAGUE_BASE):
            return "id"  # "Game 2", "S&P 500", "Stoxx 50"
    if not fig.strong and fig.unit is None and re.match(r"[ \t]+[A-Z]", text[fig.end:fig.end + 2]):
        return "id"  # "787 Dreamliner", "16-18 Industrial Avenue", "90049 ZIP Code"
    if word and num[:1].isupper() and not _SENTENCE_START_RE.search(before):
        return "id"  # "BBC One", "Formula One"
    if word and num.lower() == "one":
        w = re.search(r"(\w+)\s+$", before)
        if (w and w.group(1).lower() in _NOT_ONE_BEFORE) or re.match(r"\s+another\b|-(?!year|month|week|day)", after):
            return "id"
    return "ok"


def _parse_words(words: str) -> float:
    total = current = 0.0
    for w in re.split(r"[\s-]+", words.lower()):
        if w in ("a", "an"):
            current = 1
        elif w in _SMALL or w in _TENS:
            current += _SMALL.get(w) or _TENS[w]
        elif w in ("hundred", "dozen"):
            current = (current or 1) * _SCALES[w]
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0
    return total + current


def _number_figs(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[_Fig]:
    figs = []
    found = [(m, False) for m in _DIGIT_RE.finditer(text, start, end)]
    found += [(m, True) for m in _WORD_RE.finditer(text, start, end) if m.group().lower() not in ("a", "an")]
    for m, word in found:
        if any(a <= m.start() < b or m.start() <= a < m.end() for a, b in taken):
            continue
        if word:
            num, cur = m.group(), None
            if all(w.lower() in _SCALES for w in re.split(r"[\s-]+", num)):
                continue  # "several hundred", "a baker's dozen": no count is written
            mantissa = _parse_words(num)
        else:
            num, cur_sign = m.group("num"), m.group("cur")
            key = re.sub(r"\s", "", cur_sign or "")
            cur = (_CURRENCY_SIGN.get(key) or _CURRENCY_SIGN.get(key.upper()) or key.upper()) if key else None
            mantissa = float(num.replace(",", ""))
            if m.group("den") and float(m.group("den")):
                mantissa = mantissa / float(m.group("den"))
            if m.group("exp"):
                mantissa *= 10.0 ** int(m.group("exp").replace("−", "-"))
            mantissa += 0.5 if m.group("half") else 0
            if m.group("sign") or re.search(r"\bminus[\s-]$", text[max(0, m.start() - 7):m.start()]):
                mantissa = -mantissa
        single = mantissa == 1
        of_np = _OF_NP_RE.match(text, m.end(), end)
        if word and of_np:  # "one of the best wireless speakers", "three of his children"
            mult, unit, stop, strong = 1.0, *_noun_phrase(text, of_np.end(), end, False), False
        else:
            mult, unit, stop, strong = _read_unit(text, m.end(), end, cur, single)
        if word and mult == 1 and (last := num.lower().split()[-1].split("-")[-1]) in _SCALES:
            mult = _SCALES[last]  # "five thousand": 5 x 1000, so "four to five thousand" can share the scale
            mantissa /= mult
        before = text[max(0, m.start() - 30):m.start()]
        if unit is None and float(mantissa).is_integer() and 0 < mantissa < 120 and (
                re.search(r"\baged\s+$", before) or (re.search(r"\b[A-Z][a-z]+,\s$", before)
                                                     and text[stop:stop + 1] == ",")):
            unit = "years old"  # "aged 18", "Smith, 25, said" (not strong: "aged 18 to 34" is one range)
        fig = _Fig(m.start(), stop, m.end(), mantissa * mult, mantissa, unit, strong)
        kind = _kind(text, fig, num, word)
        if m.group("den") if not word else False:
            if not (fig.value < 1 and (strong or re.match(r"\s+of\b", text[stop:]))):
                kind = "id"  # "24/7", "9/11": not a fraction
        if word and re.match(r"-[a-z]+\s", text[m.end():]) and not _AGE_RE.match(text, m.end()):
            kind = "id"  # "a five-year plan", "a six-speed gearbox": a compound adjective names a kind
        figs.append(replace(fig, kind=kind))
    return figs


def _special_figs(text: str, start: int, end: int) -> list[_Fig]:
    """"a month-and-a-half", "half a year", "a third of", "hundreds of miles"."""
    figs = []
    for m in _AND_HALF_RE.finditer(text, start, end):
        n = m.group("n")
        base = 0.0 if m.group("u3") else (1.0 if n.lower() in ("a", "an") else _parse_words(n) if not n.isdigit()
                                           else float(n))
        half_end = m.end("u2") - len(m.group("u2")) - 1 if m.group("u2") else m.end()
        u1, u2 = (m.group("u1") or m.group("u3") or "").lower(), (m.group("u2") or "").lower()
        unit, stop = _UNIT_FORMS.get(u1), half_end
        if not unit and u2 and not u1:
            unit, stop = _UNIT_FORMS.get(u2), m.end()
        if "dozen" in (u1, u2):
            figs.append(_Fig(m.start(), stop if u1 else m.end(), half_end, (base + 0.5) * 12, (base + 0.5) * 12,
                             None, True))
        elif unit or (base and not u1):
            stop = stop if unit else half_end
            figs.append(_Fig(m.start(), stop, stop, base + 0.5, base + 0.5, unit, unit is not None))
    for m in _FRACTION_RE.finditer(text, start, end):
        if m.group("half"):
            value = 0.5
            if re.search(r"\b(?:first|second|and|a|the|one)\s+$", text[max(0, m.start() - 8):m.start()]):
                continue
        elif m.group("one"):
            of = m.group("of")
            value = 1 / (float(of) if of.isdigit() else _SMALL[of.lower()])
        else:
            value = _parse_words(m.group("n")) / _DENOMINATORS[m.group("d").lower()]
        figs.append(_Fig(m.start(), m.end(), m.end(), value, value, "fraction", True))
    for m in _VAGUE_RE.finditer(text, start, end):
        outer, inner = (m.group(1) or "").lower(), m.group(2).lower()
        low = _VAGUE_BASE[inner] * (_VAGUE_BASE[outer] if outer else 1)
        cur = None
        stop = m.end()
        if m.group(0).lower().endswith(" of"):
            name, after, _ = _unit_word(text, m.end(), end)
            unit, stop = (name, after) if name else _noun_phrase(text, m.end(), end, False)
            stop = max(stop, m.end())
        else:
            unit = cur
        qual = f"{outer} of {inner}" if outer else inner
        figs.append(_Fig(m.start(), stop, stop, low, low, unit, False, low=low, high=low * 10, qualifier=qual))
    return figs


def _base(unit: str | None) -> str | None:
    return unit.partition(" per ")[0] if unit else None


def _join_ranges(text: str, figs: list[_Fig]) -> list[_Fig]:
    """Join "10-20", "15 to 22 mph", "between 5% and 6%"; drop the pair of a year or date.

    "eight or nine euros" stays two figures, but the first takes the unit of the second.
    """
    out: list[_Fig] = []
    i = 0
    while i < len(figs):
        a = figs[i]
        b = figs[i + 1] if i + 1 < len(figs) else None
        link = re.fullmatch(r"\s*(?:-\s+(?=or))?(-|–|—|to|and|or|-to-)\s*(?:-\s*)?", text[a.end:b.start]) if b else None
        if not b or not link or a.qualifier or b.qualifier:
            out.append(a)
            i += 1
            continue
        word = link.group(1)
        before = text[max(0, a.start - 80):a.start]
        between = re.search(r"\bbetween\s+$", before)
        changed = _CHANGE_RE.search(before)
        if (a.kind in ("year", "date") and word not in ("and", "or") and b.value < 10000) or \
                (a.kind != "ok" and text[a.end:b.start] == "-"):
            out.extend([a, replace(b, kind=a.kind)])  # "2014-15", "Sept. 20-24", "Charlton 2-1", "ISO 3888-2"
            i += 2
            continue
        if a.kind != "ok" or b.kind != "ok" or (word == "and" and not between):
            out.append(a)
            i += 1
            continue
        a_value = a.value
        if b.value != b.mantissa and a.value == a.mantissa and abs(a.mantissa) < abs(b.mantissa):
            a_value = a.mantissa * (b.value / b.mantissa)  # "$10 to $15 billion", "four to five thousand"
        if word == "or":  # "7- or 8-inch", "8 or $9"
            out.append(replace(a, value=a_value, unit=b.unit, strong=b.strong) if a.unit is None else a)
            i += 1
            continue
        ints = float(a.value).is_integer() and float(b.value).is_integer()
        if word in "-–—" and not a.strong and not b.strong and ints and (a.value >= b.value or
                                                                          _SCORE_CUE_RE.search(before)):
            out.extend([replace(a, kind="score"), replace(b, kind="score")])  # "won 2-1", "ended 2-2"
            i += 2
            continue
        descending = a_value > b.value and not (between or re.search(r"\bfrom\s+$", before))
        if descending or (a.unit and b.unit and _base(a.unit) != _base(b.unit)) or (a.strong and not b.strong and not between) \
                or (changed and a.strong and not between) or (re.search(r"\bfrom\s+$", before) and _FROM_CHANGE_RE.search(before)):
            out.append(a)  # "rose 9.4% to $84", "rose from 5% to 7%", "leads 46% to 35%": two figures
            i += 1
            continue
        s = a.start - (len(before) - between.start()) if between else a.start
        out.append(_Fig(s, b.end, b.num_end, a_value, a.mantissa, b.unit or a.unit, a.strong or b.strong,
                        low=min(a_value, b.value), high=max(a_value, b.value), qualifier="between"))
        i += 2
    return out


def _finish(text: str, fig: _Fig, end: int) -> Quantity:
    """Read hedge and change around the figure and build the Quantity."""
    start, qualifier, low, high = fig.start, fig.qualifier, fig.low, fig.high
    before = text[max(0, start - 40):start]
    if qualifier is None:
        hedge_m = _HEDGE_RE.search(before)
        post = _POST_HEDGE_RE.match(text, fig.end, end)
        lf, hf = 1.0, 1.0
        if hedge_m:
            h = (hedge_m.group(1) or hedge_m.group(2)).lower()
            lf, hf = _HEDGES[h]
            qualifier, start = h, start - (len(before) - hedge_m.start())
            before = before[:hedge_m.start()]
        elif post:
            h = post.group(1).strip(" -").lower()
            lf, hf = _HEDGES[h]
            qualifier = h
        v = fig.value
        low = None if lf is None else (v * lf if v >= 0 else v / lf)
        high = None if hf is None else (v * hf if v >= 0 else v / hf)
    stop = fig.end if not (qualifier and _POST_HEDGE_RE.match(text, fig.end, end)) else \
        _POST_HEDGE_RE.match(text, fig.end, end).end()
    ch = _CHANGE_RE.search(before)
    noun = _CHANGE_NOUN_RE.match(text, fig.end, end) if not ch and fig.unit == "percent" else None
    direction = (ch or noun) and ("up" if (ch or noun).group("up") else "down")
    if direction:
        qualifier = f"{direction} by {qualifier}" if qualifier else f"{direction} by"
    return Quantity(start, stop, text[start:stop], fig.value, fig.unit, qualifier, low, high)


def find_quantities(text: str, start: int = 0, end: int | None = None) -> tuple[Quantity, ...]:
    """The figures in ``text[start:end]``, in order, with absolute offsets."""
    end = len(text) if end is None else end
    special = _special_figs(text, start, end)
    taken = [(f.start, f.end) for f in special]
    figs = sorted(special + _number_figs(text, start, end, taken), key=lambda f: (f.start, -f.end))
    kept: list[_Fig] = []
    for f in figs:  # a figure inside a longer one ("two" in "two-thirds") goes
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)
    return tuple(_finish(text, f, end) for f in _join_ranges(text, kept) if f.kind == "ok")


# ---- reading a Quantity ------------------------------------------------------
def change(q: Quantity) -> str | None:
    """"up" or "down" when the text reports the figure as a change."""
    if q.qualifier and q.qualifier.startswith(("up by", "down by")):
        return q.qualifier.split()[0]
    return None


def hedge(q: Quantity) -> str | None:
    """The hedge words ("over", "about", "between"), without the change."""
    if not q.qualifier:
        return None
    rest = re.sub(r"^(?:up|down) by\s*", "", q.qualifier)
    return rest or None


def is_range(q: Quantity) -> bool:
    return hedge(q) in RANGE_QUALIFIERS


# Conversions to a base unit per family, for compatible().
_DAYS = {"seconds": 1 / 86400, "minutes": 1 / 1440, "hours": 1 / 24, "days": 1.0, "weeks": 7.0, "months": 30.44,
         "years": 365.25, "decades": 3652.5, "centuries": 36525.0}
_METRES = {"kilometres": 1000.0, "metres": 1.0, "centimetres": 0.01, "millimetres": 0.001, "micrometres": 1e-6,
           "nanometres": 1e-9, "miles": 1609.344, "yards": 0.9144, "feet": 0.3048, "inches": 0.0254}
_KILOGRAMS = {"kilograms": 1.0, "grams": 0.001, "milligrams": 1e-6, "pounds": 0.4536, "ounces": 0.02835,
              "tonnes": 1000.0, "tons": 907.2, "gigatonnes": 1e12}
_MINOR = {"cents": ("USD", 0.01), "pence": ("GBP", 0.01), "sen": ("MYR", 0.01)}


def _family(unit: str | None) -> tuple[str | None, float]:
    """(family, factor to its base unit); counted nouns are a family of their own head noun."""
    if unit is None:
        return None, 1.0
    base, _, per = unit.partition(" per ")
    if per:
        fam, factor = _family(base)
        return f"{fam} per {per}", factor
    for table, fam in ((_DAYS, "time"), (_METRES, "length"), (_KILOGRAMS, "mass")):
        if unit in table:
            return fam, table[unit]
    if unit in _MINOR:
        return _MINOR[unit]
    if unit == "fraction":
        return "percent", 100.0
    if unit.endswith(" old"):
        return "age", _DAYS[unit.split()[0]]
    known = set(_LEXICONS[0][0].values()) | set(_LEXICONS[2][0].values()) | set(_CURRENCY_SIGN.values())
    if unit in known or unit.isupper():
        return unit, 1.0
    return "count:" + _singular(unit.split()[-1]), 1.0


def _rounding(q: Quantity) -> float:
    """Half the place value of the last significant digit written ("28,000" -> 500)."""
    m = re.search(r"\d[\d,]*(?:\.\d+)?", q.text)
    if not m:
        return 0.0
    digits = m.group().replace(",", "")
    mantissa = float(digits)
    if not mantissa:
        return 0.0
    if "." in digits:
        place = 10.0 ** -len(digits.split(".")[1])
    else:
        place = 10.0 ** (len(digits) - len(digits.rstrip("0")))
    scale = abs(q.value / mantissa)
    # a hair under half a place, so "35" and "36" do not meet at 35.5
    return min(place * 0.4999 * scale, ROUNDING_CAP * abs(q.value))


def compatible(a: Quantity, b: Quantity, tolerance: float = COMPATIBLE_TOLERANCE) -> bool:
    """Can both figures be true of the same quantity?  Same unit family and overlapping intervals.

    Each interval is widened by the rounding its digits show ("28,000" may be
    28,232) and, when the units differ, by ``tolerance`` of its value.  A figure
    with no unit may be any count; it never matches a currency, percent, time or
    measure.  "a month-and-a-half" and "over five weeks" are compatible;
    "28,232" and "19,855" are not; "about 1,000" and "1,050" are.
    """
    (fa, ka), (fb, kb) = _family(a.unit), _family(b.unit)
    if fa != fb and not ((fa is None and (fb or "").startswith("count:")) or
                         (fb is None and (fa or "").startswith("count:"))):
        return False

    def bounds(q: Quantity, k: float) -> tuple[float, float]:
        slack = _rounding(q) + (tolerance * abs(q.value) if a.unit != b.unit else 0.0)
        lo = q.low if q.low is not None else -float("inf")
        hi = q.high if q.high is not None else float("inf")
        return (lo - slack) * k, (hi + slack) * k

    lo_a, hi_a = bounds(a, ka)
    lo_b, hi_b = bounds(b, kb)
    return lo_a <= hi_b and lo_b <= hi_a
