"""Nouns and adjectives that carry or stand for a source: reporting nouns,
documents, stances, and the words of unnamed sources.

Each list says where it came from. Change a list, run the scorer on the
seed story and the public benchmarks (``benchmarks/public.py``) before and
after.
"""

from __future__ import annotations

# Nouns that carry a source's statement in a that-clause ("her claim that
# ..."). PolNeAR's and PARC 3.0's nominal cues common in news.
REPORTING_NOUNS = frozenset(
    {
        "claim",
        "statement",
        "assertion",
        "allegation",
        "argument",
        "belief",
        "view",
        "warning",
        "promise",
        "pledge",
        "suggestion",
        "insistence",
        "charge",
        "accusation",
        "prediction",
        "admission",
        "denial",
        "assurance",
        "contention",
        "announcement",
        "conclusion",
        "finding",
        "estimate",
        "forecast",
    }
)

# Nouns of documents and messages, which speak for whoever put them out
# ("a statement saying ...", "a poll showing ..."). From PARC 3.0's source
# nouns common in news.
DOCUMENT_NOUNS = frozenset(
    {
        "statement",
        "report",
        "letter",
        "release",
        "memo",
        "email",
        "tweet",
        "post",
        "ad",
        "advertisement",
        "video",
        "study",
        "poll",
        "survey",
        "filing",
        "lawsuit",
        "complaint",
        "note",
        "message",
        "editorial",
        "column",
        "article",
        "interview",
        "speech",
        "remarks",
        "testimony",
        "document",
        "documents",
        "analysis",
        "ruling",
        "opinion",
        "order",
        "petition",
        "campaign",
        "commercial",
        "op-ed",
        "book",
        "essay",
        "notice",
        "announcement",
        "story",
    }
)

# Adjectives of stance with their holder as subject ("is confident that",
# "are worried about"): PARC 3.0's adjectival cues. True where the content is
# feared or hoped for rather than held true (attributed and hedged).
STANCE_ADJECTIVES: dict[str, bool] = {
    "confident": False,
    "convinced": False,
    "sure": False,
    "certain": False,
    "adamant": False,
    "aware": False,
    "clear": False,
    "critical": False,
    "supportive": False,
    "proud": False,
    "happy": False,
    "glad": False,
    "pleased": False,
    "angry": False,
    "upset": False,
    "disappointed": False,
    "furious": False,
    "outraged": False,
    "grateful": False,
    "worried": True,
    "concerned": True,
    "afraid": True,
    "fearful": True,
    "hopeful": True,
    "optimistic": True,
    "pessimistic": True,
    "skeptical": True,
    "sceptical": True,
    "doubtful": True,
    "nervous": True,
    "anxious": True,
    "wary": True,
    "unsure": True,
    "uncertain": True,
}

# Nouns that make a source unnamed or generic. From the eval README
# ("unnamed sources", "press reports") and AP style on anonymous sourcing.
UNNAMED_SOURCE_WORDS = frozenset(
    {
        "source",
        "sources",
        "insider",
        "insiders",
        "official",
        "officials",
        "people",
        "person",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "analyst",
        "analysts",
        "executive",
        "executives",
        "observer",
        "observers",
        "critic",
        "critics",
    }
)

# Nouns that make the source the press itself ("press reports said"): the
# eval README's `reports` source kind.
REPORT_SOURCE_WORDS = frozenset(
    {"report", "reports", "press", "media", "headline", "headlines", "coverage"}
)

# Words that say a source is kept unnamed: AP style on anonymous sourcing.
ANONYMITY_WORDS = frozenset({"unnamed", "anonymous", "unidentified", "people familiar", "familiar"})

# Titles a report uses for a person it has named ("the congressman", "the
# speaker", "the senator"): with "the" and no name of their own, they are the
# last person named before (issue 11: "the speaker" is the Speaker named before). From AP
# style's formal titles; generic roles ("official", "spokesman") are not
# here: they stay unnamed unless an earlier source carries the same noun.
# What a source calls an outlet it has named ("The site said ...", "the
# paper reported"), each with the words that name the same kind of outlet
# before ("Example.com, a website run by ..."): a speaker only, never
# a place ("the site of the blast").
_SITE = frozenset({"site", "website"})
_PAPER = frozenset({"paper", "newspaper"})
OUTLET_DESCRIPTORS: dict[str, frozenset[str]] = {
    "site": _SITE,
    "website": _SITE,
    "paper": _PAPER,
    "newspaper": _PAPER,
    "network": frozenset({"network"}),
    "magazine": frozenset({"magazine"}),
    "tabloid": frozenset({"tabloid"}),
    "broadcaster": frozenset({"broadcaster"}),
    "blog": frozenset({"blog"}),
}

PERSON_TITLES = frozenset(
    {
        "congressman",
        "congresswoman",
        "senator",
        "lawmaker",
        "governor",
        "president",
        "speaker",
        "mayor",
        "secretary",
        "candidate",
        "nominee",
        "chairman",
        "chairwoman",
        "minister",
        "premier",
        "chancellor",
        "prosecutor",
        "judge",
        "justice",
        "sheriff",
        "ambassador",
        "general",
        "representative",
        "billionaire",
    }
)


# Quantity words a source can be a part of a group with: "a number of the
# companies said", "most of the lawmakers say" (the group is the source).
PARTITIVE_WORDS = frozenset(
    {"number", "some", "many", "most", "few", "several", "all", "majority", "handful", "none"}
)

# Adverbs that pass a clause on from unnamed reports ("Skype can reportedly
# be monitored"): the eval README's generic source "press reports".
REPORTED_ADVERBS = frozenset({"reportedly", "purportedly"})
