"""The words storyline.measure.quantities reads figures by: hedges, change verbs, number
words, units and the words that tell a number names a thing rather than counts.

Plain data, no logic.  Unless a list says otherwise it was drawn from the NewsQuant
sentences (Almasian et al. 2023) and common English business-news usage.
"""

from __future__ import annotations

# "about 100" is read as 90-110: the spread reporters mean by about/around/
# roughly, checked against NewsQuant ("about 63000 Model 3 sedans").
ABOUT_TOLERANCE = 0.10

# Hedges and the interval they allow, as factors of the value (None: unbounded).
_ABOUT = (1 - ABOUT_TOLERANCE, 1 + ABOUT_TOLERANCE)
HEDGE_TABLE: tuple[tuple[str, tuple[float | None, float | None]], ...] = (
    (
        "more than|over|above|in excess of|upwards of|at least|no less than|greater than|"
        "well over|well above|north of|exceeding|or more|plus|+",
        (1.0, None),
    ),
    (
        "less than|fewer than|under|below|up to|at most|no more than|not more than|as many as|"
        "as much as|well below|well under|sub|or less|or fewer",
        (None, 1.0),
    ),
    (
        "about|around|approximately|approx.|roughly|some|an estimated|estimated|circa|c.|~|≈|"
        "or so|close to|an average of|on average|average",
        _ABOUT,
    ),
    ("nearly|almost|just under|just below|just shy of", (1 - ABOUT_TOLERANCE, 1.0)),
    ("just over|just above", (1.0, 1 + ABOUT_TOLERANCE)),
    ("just|only|exactly|precisely|a record|a total of", (1.0, 1.0)),
)
HEDGES = {w: iv for words, iv in HEDGE_TABLE for w in words.split("|")}
POST_HEDGES = ("or more", "plus", "+", "or so", "or less", "or fewer")  # written after the figure

# Vague plurals: "hundreds of" spans one to ten hundreds.
VAGUE_BASE = {
    "tens": 10,
    "dozens": 12,
    "hundreds": 100,
    "thousands": 1e3,
    "millions": 1e6,
    "billions": 1e9,
}

# Verbs that make the next figure a change ("rose 5%", "fell by 3 per cent"),
# from the market reports in NewsQuant and common business-news usage.
UP_VERBS = (
    "rose|rise|rises|rising|up|increased|increase|increases|gained|gain|gains|grew|grow|"
    "grows|jumped|jumps|climbed|climbs|soared|soars|surged|surges|added|adds|advanced|"
    "advances|rallied|boosted|lifted|raised|hiked|spiked|widened|expanded"
)
DOWN_VERBS = (
    "fell|fall|falls|dropped|drop|drops|dropping|down|declined|decline|declines|"
    "lost|lose|loses|slid|slides|slipped|slips|plunged|plunges|plummeted|tumbled|tumbles|sank|sinks|"
    "decreased|decrease|decreases|cut|cuts|eased|eases|shed|sheds|retreated|dipped|dips|"
    "shrank|slumped|slumps|narrowed|contracted|reduced|lowered|trimmed|shaved"
)
# Verbs before "from X to Y" that make it a change (two figures), not a range.
FROM_VERBS = "going|went|moved|grow|growing|changed|revised|creeping"

# Currency signs and prefixes before the digits -> ISO 4217 code ("PS", "Y=": the
# ASCII folding of £ and ¥ that some feeds apply).
CURRENCY_SIGNS = {
    "$": "USD",
    "US$": "USD",
    "$US": "USD",
    "A$": "AUD",
    "$A": "AUD",
    "AU$": "AUD",
    "NZ$": "NZD",
    "C$": "CAD",
    "CA$": "CAD",
    "HK$": "HKD",
    "S$": "SGD",
    "R$": "BRL",
    "£": "GBP",
    "PS": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "Y=": "JPY",
    "RMB": "CNY",
    "₹": "INR",
    "RS": "INR",
    "RS.": "INR",
    "₩": "KRW",
    "₪": "ILS",
    "RM": "MYR",
}

SMALL_NUMBERS = dict(
    zip(
        (
            "one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen"
        ).split(),
        range(1, 20),
        strict=True,
    )
)
TENS = dict(
    zip(
        "twenty thirty forty fifty sixty seventy eighty ninety".split(),
        range(20, 100, 10),
        strict=True,
    )
)
SCALES = {
    "hundred": 100,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "dozen": 12,
}
DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "tenth": 10,
    "tenths": 10,
}
# Scale words and abbreviations after digits ("£500m", "$2.5bn", "Rs 5 crore").
MULTIPLIERS = {
    **SCALES,
    "crore": 1e7,
    "lakh": 1e5,
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "mil": 1e6,
    "mill": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "bln": 1e9,
    "tn": 1e12,
    "trn": 1e12,
    "t": 1e12,
}

# Units.  "canonical name: surface forms" ("_" is a space).  From the NewsQuant
# gold units and common news usage.  Forms of 4+ characters match in any case;
# shorter ones (symbols: "m", "GB", "PS") only as written.
MEASURES = """
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
square kilometres: sq_km km2 km² square_kilometre square_kilometres square_kilometer
square kilometres: square_kilometers
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
TIME_UNITS = """
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
# Currency words after a number (ISO 4217 names; minor units kept as written).
CURRENCY_WORDS = """
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
ATTACHED_ONLY = frozenset({"′", "″", "x", "c", "l", "kn"})  # units only when glued on ("50c")
SPACED_LETTERS = frozenset({"W", "V", "m", "L", "p", "g", "C", "F"})  # spaced: before a non-word

# Conversions to one base unit per family, for compatible().
DAYS = {
    "seconds": 1 / 86400,
    "minutes": 1 / 1440,
    "hours": 1 / 24,
    "days": 1.0,
    "weeks": 7.0,
    "months": 30.44,
    "years": 365.25,
    "decades": 3652.5,
    "centuries": 36525.0,
}
METRES = {
    "kilometres": 1000.0,
    "metres": 1.0,
    "centimetres": 0.01,
    "millimetres": 0.001,
    "micrometres": 1e-6,
    "nanometres": 1e-9,
    "miles": 1609.344,
    "yards": 0.9144,
    "feet": 0.3048,
    "inches": 0.0254,
}
KILOGRAMS = {
    "kilograms": 1.0,
    "grams": 0.001,
    "milligrams": 1e-6,
    "pounds": 0.4536,
    "ounces": 0.02835,
    "tonnes": 1000.0,
    "tons": 907.2,
    "gigatonnes": 1e12,
}
MINOR_CURRENCY = {"cents": ("USD", 0.01), "pence": ("GBP", 0.01), "sen": ("MYR", 0.01)}

# Words that end a counted noun phrase: closed-class words, common adverbs, the
# verbs that most often follow a figure in news copy, and titles.
STOP_WORDS = frozenset(
    """
a an the this that these those his her its their our my your of in on at by for to from with
without into onto over under about above below after before since until during between among
across through per than as and or but nor so yet if when while where who whom whose which what
how why because although though whether i you he she it we they me him us them one ones each
every all both some any no not only just also very is are was were be been being am has have
had do does did will would shall should can could may might must said says say told according
here there now then ago later earlier last next away behind left up down out off more most less
least much many few several other another such same own too again including amid despite via
plus minus against toward towards around worth compared versus vs mr mrs ms dr
""".split()
)
IRREGULAR_PLURALS = {
    "people": "person",
    "men": "man",
    "women": "woman",
    "children": "child",
    "feet": "foot",
    "staff": "staff",
    "police": "police",
    "fishermen": "fisherman",
    "teeth": "tooth",
    "mice": "mouse",
    "personnel": "personnel",
    "cattle": "cattle",
    "aircraft": "aircraft",
    "sheep": "sheep",
}
# Labels that a number identifies rather than counts ("Game 7", "route 66").
ID_WORDS = frozenset(
    "no no. number # game week round stage phase level grade tier type category "
    "class zone route article chapter section row seat room gate flight platform "
    "page track episode season version model channel act unit apartment suite "
    "district ward".split()
)
MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
# Words before a 4-digit number that make it a year even outside 1800-2100
# ("between 1600 and 1900").
YEAR_PREPOSITIONS = (
    "in|since|by|from|until|till|to|of|during|before|after|through|between|and|or|"
    "early|late|mid|fiscal|circa|A\\.?D\\.?|B\\.?C\\.?"
)
TIME_ZONES = "GMT|BST|EST|EDT|PST|PDT|UTC|CET|ET|PT"
SCORE_CUES = (
    "beat|beats|won|win|wins|lost|loses|drew|draw|tie|tied|lead|led|leads|victory|defeat|"
    "score|scored|ended|finished|at|a"
)
# Words that may be glued to a number by a hyphen without naming a thing ("minus-5", "sub-7").
HYPHEN_PREFIXES = frozenset(
    "minus sub now then top over under about nearly almost some roughly to and".split()
)
# "one" after these is a pronoun ("each one", "the same one"), not a count.
NOT_ONE_BEFORE = frozenset("each every same no any the this that which another little".split())
RATE_NOUNS = frozenset("share head person capita barrel gallon ounce piece night unit".split())
