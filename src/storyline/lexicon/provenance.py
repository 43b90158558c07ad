"""Words that pass a story on: wire agencies and their credits, and the
phrases around a source's name that say an article relays it.

Wire credits are the agencies' own house styles: Reuters' and AFP's
datelines ("LONDON (Reuters) -"), AP's ("(AP) —"), their bylines and
copyright lines. "X contributed to this report" is left out on purpose: it
says some of the article came from X, not which statements.
"""

from __future__ import annotations

import re

# Each wire agency under one name, with the spellings a text credits it by.
WIRES: dict[str, tuple[str, ...]] = {
    "Reuters": ("Reuters", "Thomson Reuters"),
    "Associated Press": ("Associated Press", "AP"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
}

WIRE_NAMES: dict[str, str] = {
    spelling.lower(): wire for wire, spellings in WIRES.items() for spelling in spellings
}

_ANY_WIRE = "|".join(
    sorted((re.escape(s) for ss in WIRES.values() for s in ss), key=len, reverse=True)
)

# A credit that makes the whole article the wire's copy.
WIRE_CREDITS: tuple[re.Pattern[str], ...] = (
    # dateline: "LONDON (Reuters) -", "WASHINGTON (AP) —"
    re.compile(rf"\((?:The\s+)?(?P<wire>{_ANY_WIRE})\)\s*[-–—:]"),
    # byline on a line of its own: "By The Associated Press"
    re.compile(rf"(?im)^[ \t]*By[ \t]+(?:The[ \t]+)?(?P<wire>{_ANY_WIRE})[ \t]*$"),
    # copyright line: "Copyright 2024 The Associated Press", "© Reuters"
    re.compile(rf"(?:©|\(c\)|Copyright)\s*(?:\d{{4}}\s+)?(?:The\s+)?(?P<wire>{_ANY_WIRE})\b"),
)

# Words just before a source's name that make the sentence a relay of it:
# "according to the", "first reported by", "told", "citing", "as".
RELAY_BEFORE = re.compile(
    r"(?i)\b(?:according\s+to|(?:as\s+)?(?:first\s+)?reported\s+(?:by|in)|"
    r"(?:as\s+)?(?:first\s+)?revealed\s+by|cited\s+by|citing|quoted\s+by|quoting|told|"
    r"telling|(?:in\s+)?(?:an?\s+)?(?:interview|report)\s+(?:with|by|in)|per|via|as)"
    r"(?:\s+(?:the|a))?\s+$"
)
# Words just after it: "reported", "first reported", "said", "reports".
RELAY_AFTER = re.compile(
    r"(?i)^(?:\s*(?:has|had|have)?\s*(?:first\s+)?(?:reported|reports|revealed|said|says|wrote|"
    r"writes|cited))\b"
)
# How far either side of the name those words are looked for.
RELAY_REACH = 40

# Common short names of outlets, as metadata and texts give them: one key
# with the full name. Wire agencies are in WIRES.
OUTLET_ALIASES: dict[str, str] = {
    "nyt": "The New York Times",
    "ny times": "The New York Times",
    "wsj": "The Wall Street Journal",
    "wapo": "The Washington Post",
    "fox": "Fox News",
    "huffpo": "HuffPost",
    "hpo": "HuffPost",  # the code BASIL's metadata gives some of its HuffPost articles
    "huffington post": "HuffPost",
    "the huffington post": "HuffPost",
}
