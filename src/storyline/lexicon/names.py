"""Words that point to a named person, organisation or place: pronouns,
descriptions, demonyms and other names of places.

Each list says where it came from. Change a list, run the scorer on the
seed story and the public benchmarks (``benchmarks/public.py``) before and
after.
"""

from __future__ import annotations

# English's closed class of personal pronouns.
# Third-person pronouns that point back to the last named person or body.
# Possessives too: a reporting noun's owner is one ("his claim that ...").
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})

GROUP_PRONOUNS = frozenset({"they", "it", "them", "its", "their"})

# The speaker's own pronouns: inside a quotation they point to whoever is quoted.
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})

# Descriptions that point back to a named organisation in news copy
# ("the company", "the Chinese automaker"). Heads only; any modifiers allowed.
ORG_DESCRIPTORS = frozenset(
    {
        "company",
        "firm",
        "group",
        "automaker",
        "carmaker",
        "manufacturer",
        "maker",
        "brand",
        "business",
        "bank",
        "lender",
        "insurer",
        "retailer",
        "giant",
        "startup",
        "operator",
        "airline",
        "newspaper",
        "outlet",
        "publisher",
        "conglomerate",
        "supplier",
        "producer",
        "developer",
        "agency",
        "regulator",
    }
)

# Last words that make a name an organisation whatever the tagger says (the
# small English model tags many company names as people or places).
ORG_SUFFIXES = frozenset(
    {
        "motors",
        "motor",
        "cars",
        "group",
        "holdings",
        "inc",
        "inc.",
        "ltd",
        "ltd.",
        "plc",
        "corp",
        "corp.",
        "corporation",
        "company",
        "co",
        "co.",
        "bank",
        "airlines",
        "airways",
        "energy",
        "steel",
        "technologies",
        "systems",
        "pharmaceuticals",
        "partners",
        "capital",
        "media",
        "industries",
        "international",
        "labs",
        "automotive",
        "electric",
        "oil",
        "gas",
        "telecom",
        "foods",
        "brands",
        "entertainment",
        "ventures",
        "authority",
        "agency",
        "council",
        "ministry",
        "department",
        "commission",
        "university",
        "institute",
    }
)

# Descriptions that point back to two named organisations at once ("the
# two firms", "both sides"): news copy's usual phrasings; storyline's own list.
PAIR_DESCRIPTORS = (
    "the two firms",
    "the two companies",
    "both companies",
    "both firms",
    "the pair",
    "the two groups",
    "the two sides",
    "both sides",
    "the two",
)

# Nationality adjectives to the place, so "Chinese" and "China" meet.
# A short list of the demonyms most frequent in English news; extend freely.
DEMONYMS = {
    "chinese": "china",
    "british": "uk",
    "english": "uk",
    "american": "us",
    "indian": "india",
    "japanese": "japan",
    "german": "germany",
    "french": "france",
    "italian": "italy",
    "spanish": "spain",
    "russian": "russia",
    "ukrainian": "ukraine",
    "european": "europe",
    "korean": "korea",
    "canadian": "canada",
    "australian": "australia",
    "mexican": "mexico",
    "brazilian": "brazil",
    "israeli": "israel",
    "iranian": "iran",
    "turkish": "turkey",
    "saudi": "saudi arabia",
    "dutch": "netherlands",
    "swiss": "switzerland",
    "swedish": "sweden",
    "polish": "poland",
    "irish": "ireland",
    "scottish": "uk",
    "welsh": "uk",
    "taiwanese": "taiwan",
    "vietnamese": "vietnam",
    "pakistani": "pakistan",
}

# Other names of a place, to the short form DEMONYMS and names meet on
# ("Britain" -> "uk"): the forms news copy uses most; storyline's own list.
PLACE_ALIASES = {
    "united kingdom": "uk",
    "britain": "uk",
    "great britain": "uk",
    "u.k.": "uk",
    "united states": "us",
    "u.s.": "us",
    "usa": "us",
    "america": "us",
    "european union": "eu",
}

# Relative pronouns that stand for the noun before them ("the senator, who
# said ..."): English's closed class.
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})

# Courtesy titles that tell which third-person pronoun takes up a name
# ("Ms. Roe" is "she", "Mr. Roe" is "he"): a "she" does not continue a
# speaker known as "he".
GENDERED_TITLES = {
    "mr": "he",
    "mr.": "he",
    "mrs": "she",
    "mrs.": "she",
    "ms": "she",
    "ms.": "she",
    "miss": "she",
}
# The pronoun's own gender, for the third-person singular pronouns.
PRONOUN_GENDER = {"he": "he", "him": "he", "his": "he", "she": "she", "her": "she"}


# Abbreviations that end in a period yet seldom end a sentence when a name
# follows: AP-style US state abbreviations ("Ariz. Gov. Jane Roe") and
# titles ("Gov.", "Sen."). The model's parser splits sentences after some.
NAME_ABBREVIATIONS = frozenset(
    {
        # AP state abbreviations
        "ala.", "ariz.", "ark.", "calif.", "colo.", "conn.", "del.", "fla.", "ga.",
        "ill.", "ind.", "kan.", "ky.", "la.", "md.", "mass.", "mich.", "minn.",
        "miss.", "mo.", "mont.", "neb.", "nev.", "n.h.", "n.j.", "n.m.", "n.y.",
        "n.c.", "n.d.", "okla.", "ore.", "pa.", "r.i.", "s.c.", "s.d.", "tenn.",
        "vt.", "va.", "wash.", "w.va.", "wis.", "wyo.", "d.c.",
        # titles
        "gov.", "sen.", "rep.", "lt.", "gen.", "col.", "sgt.", "capt.", "adm.",
        "prof.", "rev.", "atty.", "supt.", "maj.", "cmdr.", "gens.", "sens.", "reps.",
    }
)  # fmt: skip
