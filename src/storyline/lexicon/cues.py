"""Cue words: every word list storyline's reading relies on, in one place.

Each list says where it came from. Lists are lower-case lemmas or phrases
unless noted. Change a list, run the scorer on the seed story and the public
benchmarks (``benchmarks/public.py``) before and after.
"""

from __future__ import annotations

# --- Certainty -------------------------------------------------------------

# Modal verbs that present an event as possible, not as fact. From the
# factuality literature (Saurí & Pustejovsky 2009, FactBank's "PR"/"PS"
# markers). "will" is left out: news states plans with it as fact (the mean
# UW train+dev label under "will" is +2.2, under "can" +0.7, "must" +1.2).
HEDGE_MODALS = frozenset({"may", "might", "could", "would", "should", "ought", "can", "ca", "must"})
# Modals of ability: negated, they deny rather than hedge ("cannot", "can't"
# say it did not happen; UW train+dev mean label under "ca n't" is -1.7).
ABILITY_MODALS = frozenset({"can", "ca"})

# Adverbs, adjectives and nouns that hedge the clause they stand in.
# FactBank/UW factuality cue inventory, plus news wire usage ("reportedly").
HEDGE_WORDS = frozenset(
    {
        "potentially",
        "possibly",
        "perhaps",
        "maybe",
        "probably",
        "likely",
        "unlikely",
        "reportedly",
        "allegedly",
        "apparently",
        "supposedly",
        "seemingly",
        "presumably",
        "potential",
        "possible",
        "probable",
        "alleged",
        "rumoured",
        "rumored",
        "purported",
        "speculation",
        "speculative",
        "rumour",
        "rumor",
        "unconfirmed",
        "tentative",
        "hypothetical",
        "conceivably",
        "expected",
        "poised",
        "mooted",
        "touted",
    }
)

# Phrases that hedge even though they contain a negator: "no guarantee that X"
# leaves X open, it does not deny it. From the eval README's definition of
# `hedged` and common news phrasings.
HEDGE_PHRASES = (
    "no guarantee",
    "not guaranteed",
    "no certainty",
    "not certain",
    "uncertain",
    "not clear",
    "unclear",
    "remains to be seen",
    "yet to be confirmed",
    "not yet confirmed",
    "not been confirmed",
    "pending confirmation",
    "pending official confirmation",
    "pending approval",
    "subject to",
    "it is understood",
    "is understood to",
    "are understood to",
    "is believed to",
    "are believed to",
    "is thought to",
    "are thought to",
    "is said to",
    "are said to",
    "is expected to",
    "are expected to",
    "is set to",
    "are set to",
    "could not be confirmed",
    "has not been verified",
    "no way of knowing",
    "whether or not",
    "if confirmed",
)

# Verbs of attitude: their holder is a source, but hopes, fears and doubts
# do not assert their content (PARC 3.0's attitude cues); a clause under
# them is attributed and hedged.
ATTITUDE_VERBS = frozenset({"hope", "fear", "worry", "doubt", "wonder", "suspect", "speculate"})

# Verbs of the clause head that present their complement as uncertain.
HEDGE_VERBS = frozenset({"seem", "appear", "consider", "mull", "weigh", "explore"}) | ATTITUDE_VERBS

# Verbs whose complement is wanted, planned, asked for or believed, not
# stated as so: FactBank's non-factive source-introducing predicates (Saurí
# 2008), checked against the mean UW/MEANTIME train+dev label under each
# ("said that X" stays out: the source states X).
INTENTION_VERBS = frozenset(
    {
        "want",
        "hope",
        "wish",
        "plan",
        "intend",
        "aim",
        "seek",
        "try",
        "attempt",
        "propose",
        "ask",
        "urge",
        "demand",
        "request",
        "call",
        "require",
        "need",
        "expect",
        "believe",
        "think",
        "fear",
        "doubt",
        "suspect",
        "predict",
        "consider",
        "recommend",
        "allow",
        "threaten",
        "promise",
        "pledge",
        "vow",
        "offer",
        "order",
        "insist",
        "block",
        "prevent",
        "oppose",
        "await",
        "prepare",
        "schedule",
        "design",
        "avert",
        "thwart",
        "foil",
    }
)

# Verbs that say their to-complement happened ("began to fall"): Karttunen's
# (1971) implicatives and the aspectual verbs; any other verb leaves its
# to-complement open ("wants to sell", "is likely to rise").
IMPLICATIVES = frozenset(
    {
        "begin",
        "start",
        "continue",
        "keep",
        "manage",
        "use",
        "find",
        "agree",
        "happen",
        "remember",
    }
)

# Verbs that say their to-complement did not happen ("refused to sign"):
# Karttunen's negative implicatives.
NEGATIVE_IMPLICATIVES = frozenset({"refuse", "decline", "fail", "neglect", "forget", "avoid"})

# Verbs that say their object did not come to pass ("the deal was
# cancelled", "scrapped plans"): FactBank's CT- event-selecting predicates.
# "delay" and "postpone" are left out: UW labels a delayed event as likely;
# "prevent", "avert" and "thwart" leave it open (INTENTION_VERBS).
CANCEL_VERBS = frozenset({"cancel", "abort", "scrap", "abandon", "axe", "shelve"})

# Adverbs that say an event came close to happening but did not ("nearly broke").
NEAR_MISS_WORDS = frozenset({"nearly", "almost"})

# Nouns whose complement is a possibility, not a fact ("the possibility of
# a strike", "plans for a plant", "calls for his return"); from FactBank's
# modality nouns, checked against UW train+dev (mean label of their "of"/"for"
# objects below +2).
OPEN_NOUNS = frozenset(
    {
        "possibility",
        "chance",
        "prospect",
        "likelihood",
        "risk",
        "threat",
        "danger",
        "plan",
        "proposal",
        "hope",
        "fear",
        "question",
        "call",
        "demand",
        "request",
        "attempt",
        "effort",
        "bid",
        "goal",
        "aim",
        "intention",
        "option",
        "capable",
        "accuse",
        "allege",
    }
)

# Prepositions that leave their object open ("without warning", "until the
# vote"): the mean UW train+dev label of their objects is below +2.
HEDGE_PREPOSITIONS = frozenset({"without", "until"})
# ... and those that leave a gerund open: "barred from running", "kept from
# leaving" (mean UW train+dev label +0.7; their noun objects stay factual).
HEDGE_GERUND_PREPOSITIONS = frozenset({"from"})

# Subordinators that make a clause conditional or open ("if ... would").
HEDGE_MARKERS = frozenset({"if", "whether", "unless"})

# Negators attached to the clause's predicate or its arguments. From the
# negation cue inventory of SFU Review / BioScope and FactBank's CT- markers.
NEGATORS = frozenset(
    {"not", "n't", "never", "no", "neither", "nor", "none", "nothing", "nobody", "without"}
)

# Phrases that state the proposition is not so, or not established:
# the eval README's `negated` ("no deal has been announced", "no evidence that").
NEGATION_PHRASES = (
    "no evidence",
    "no sign",
    "no indication",
    "no proof",
    "no official statement",
    "no proven link",
    "no plans",
    "no intention",
    "has not",
    "have not",
    "had not",
    "did not",
    "does not",
    "do not",
    "is not",
    "are not",
    "was not",
    "were not",
    "will not",
    "cannot",
    "can not",
    "ruled out",
    "rules out",
    "denied",
    "denies",
    "dismissed",
    "rejected",
    "false",
    "untrue",
    "baseless",
)

# Verbs whose subject denies their complement ("X denied that Y").
DENIAL_VERBS = frozenset({"deny", "dismiss", "reject", "refute", "rebut", "dispute"})

# --- Attribution -----------------------------------------------------------

# Reporting verbs that take a clausal complement. PolNeAR's cue inventory
# (Newell et al. 2018) and Pareti's PARC 3.0 attribution verbs, trimmed to
# those common in news. A verb counts as attribution only with a clause as its
# content ("X said that ..."), never with a plain object ("X announced plans").
REPORTING_VERBS = (
    frozenset(
        {
            "say",
            "tell",
            "state",
            "suggest",
            "report",
            "claim",
            "believe",
            "estimate",
            "add",
            "note",
            "point",
            "warn",
            "argue",
            "insist",
            "confirm",
            "announce",
            "reveal",
            "indicate",
            "write",
            "explain",
            "predict",
            "expect",
            "acknowledge",
            "admit",
            "allege",
            "assert",
            "contend",
            "caution",
            "emphasise",
            "emphasize",
            "stress",
            "observe",
            "remark",
            "maintain",
            "recall",
            "testify",
            "conclude",
            "think",
            "deny",
            "dismiss",
            "reject",
            "forecast",
            "project",
            "calculate",
            "show",
            "find",
            "according",
            "describe",
            "call",
            "comment",
            "disclose",
            "hint",
            "signal",
            "understand",
            "learn",
            "hear",
            # Speech acts of PARC 3.0's verb list common in news; verbs of attitude
            # ("hope", "fear", "doubt") stay out: their content is not asserted, and
            # a frame does not pass their doubt on to it.
            "counter",
            "reply",
            "respond",
            "retort",
            "concede",
            "complain",
            "declare",
            "proclaim",
            "mention",
            "reiterate",
            "repeat",
            "tweet",
            "post",
            "read",
            "charge",
            "promise",
            "pledge",
            "vow",
            "swear",
            "boast",
            "brag",
            "joke",
            "quip",
            "lament",
            "protest",
            "assure",
            "inform",
            "remind",
            "advise",
            "agree",
            "recognize",
            "recognise",
            "continue",
            "clarify",
            "elaborate",
            "affirm",
            "opine",
            "posit",
            "rule",
            "shout",
            # Verbs of knowing and judging with a clausal complement (VerbNet's
            # conjecture 29.5 class): the content is the holder's. Verbs of deciding
            # and finding out ("decided", "discovered") report acts and stay out.
            "know",
            "realize",
            "realise",
            "feel",
            "guess",
            "assume",
            "reckon",
            "prove",
            "suppose",
            "presume",
            "bet",
            "sense",
            # Further speech acts and manners of speaking (VerbNet's say 37.7 and
            # manner_speaking 37.3) common in news.
            "specify",
            "imply",
            "propose",
            "demand",
            "recommend",
            "question",
            "answer",
            "email",
            "text",
            "scoff",
            "snap",
            "fume",
            "sigh",
            "exclaim",
            "blurt",
        }
    )
    | ATTITUDE_VERBS
)

# Verbs that charge someone with something ("accused her rival of lying"):
# PARC 3.0 and PolNeAR count the charge as the source's content.
ACCUSATION_VERBS = frozenset(
    {
        "accuse",
        "blame",
        "criticize",
        "criticise",
        "fault",
        "condemn",
        "slam",
    }
)

# Verbs of expression whose direct object carries the subject's stance or
# statement ("praised the ruling", "denied the allegations", "called him a
# liar"): VerbNet's judgment (33), characterize (29.2) and complain/declare
# classes, as PARC 3.0 and PolNeAR annotate them. Verbs of disclosure
# ("announced plans", "revealed a deal") stay out: news states what was
# disclosed as fact; so do acts of backing ("endorsed the governor",
# "supported the bill"), which are deeds, not statements.
OBJECT_REPORTING_VERBS = frozenset(
    {
        "praise",
        "hail",
        "applaud",
        "commend",
        "laud",
        "salute",
        "celebrate",
        "welcome",
        "thank",
        "congratulate",
        "credit",
        "criticize",
        "criticise",
        "condemn",
        "denounce",
        "blast",
        "slam",
        "attack",
        "assail",
        "lambaste",
        "decry",
        "deplore",
        "deride",
        "mock",
        "ridicule",
        "rebuke",
        "chastise",
        "scold",
        "berate",
        "castigate",
        "excoriate",
        "hammer",
        "fault",
        "blame",
        "accuse",
        "bash",
        "skewer",
        "question",
        "challenge",
        "dispute",
        "contest",
        "defend",
        "tout",
        "oppose",
        "deny",
        "reject",
        "dismiss",
        "refute",
        "rebut",
        "disavow",
        "repudiate",
        "cite",
        "recount",
        "detail",
        "outline",
        "describe",
        "characterize",
        "characterise",
        "portray",
        "depict",
        "label",
        "dub",
        "brand",
        "call",
        "reiterate",
        "repeat",
        "echo",
        "acknowledge",
        "admit",
        "concede",
        "predict",
        "forecast",
        "promise",
        "pledge",
        "vow",
        "demand",
        "request",
        "propose",
        "recommend",
        "express",
        "voice",
        "show",
        "tweet",
        "post",
        "ask",
        "promote",
        "interpret",
        "invoke",
        "trumpet",
        "knock",
        "lament",
        "mourn",
        "regret",
        # Verbs of liking and disliking (VerbNet's admire 31.2): the object is
        # what the subject's attitude is about.
        "like",
        "love",
        "hate",
        "admire",
        "respect",
        "dislike",
        "despise",
        "adore",
        "appreciate",
        "favor",
        "favour",
        "distrust",
        "mistrust",
        "resent",
    }
)

# Verbs of expression whose stance is in a prepositional object, with those
# prepositions ("called for an inquiry", "warned of a recession", "talked
# about the plan"): VerbNet's talk (37.5), complain (37.8) and
# advise/warn (37.9) frames, as PARC 3.0 annotates them. Votes and lobbying
# are deeds, not statements, and stay out.
PREPOSITION_REPORTING_VERBS: dict[str, frozenset[str]] = {
    verb: frozenset(preps.split())
    for verb, preps in {
        "call": "for",
        "talk": "about of",
        "refer": "to",
        "warn": "of about against",
        "complain": "about of",
        "boast": "about of",
        "brag": "about",
        "argue": "for against",
        "comment": "on",
        "write": "about of",
        "joke": "about",
        "push": "for",
        "press": "for",
        "advocate": "for",
        "apologize": "for",
        "apologise": "for",
        "testify": "about",
        "insist": "on",
        "ask": "about for",
        "tweet": "about",
        "post": "about",
        "speculate": "about on",
        "worry": "about",
        "hint": "at",
        "rail": "against",
        "agree": "with on",
        "disagree": "with on",
        "campaign": "for against",
        "plead": "for",
    }.items()
}

# Reporting verbs whose to-infinitive states what the source asserts or
# commits to ("vowed to cut taxes", "claims to have won"): PARC 3.0's
# commissive and assertive cues. Requests ("urged X to") are WISH_VERBS:
# what is asked for is attributed but not claimed.
INFINITIVE_REPORTING_VERBS = frozenset({"promise", "vow", "pledge", "threaten", "claim", "swear"})

# Verbs whose to-infinitive is what their subject wants or asks for
# ("wants to cut taxes", "urged Congress to act"): PARC 3.0's and PolNeAR's
# volitional and directive cues (VerbNet's want 32.1 and order/urge 37.x).
# What is wanted is attributed to the subject and hedged: it is not asserted.
# "plan" stays out: news states a plan as a fact ("announced plans to ...").
WISH_VERBS = frozenset(
    {
        "want",
        "wish",
        "seek",
        "intend",
        "aim",
        "prefer",
        "hope",
        "like",
        "love",
        "urge",
        "ask",
        "call",
        "demand",
        "implore",
        "beg",
        "exhort",
        "press",
        "push",
    }
)

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

# Verbs that put out a statement, whose subject owns it ("Democrats made
# the argument that ...", "the company issued a statement saying ...").
STATEMENT_VERBS = frozenset(
    {
        "make",
        "issue",
        "release",
        "offer",
        "raise",
        "express",
        "voice",
        "repeat",
        "reiterate",
        "level",
        "file",
        "put",
        "send",
        "post",
        "publish",
        "give",
        "deliver",
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

# Verbs of saying that frame their clause from an "as" aside ("the plan, as
# the senator put it, is dead"; "as he noted, ..."): the speech verbs of
# QUOTE_VERBS and PARC 3.0's common assertives. Aspectual "as X continues"
# is no frame.
AS_VERBS = frozenset(
    {
        "say",
        "put",
        "note",
        "write",
        "explain",
        "state",
        "report",
        "argue",
        "suggest",
        "claim",
        "observe",
        "remark",
        "point",
        "add",
        "tell",
        "describe",
        "predict",
        "warn",
        "insist",
        "acknowledge",
        "admit",
        "contend",
        "conclude",
        "recall",
        "testify",
        "tweet",
        "announce",
    }
)

# Verbs that make a quote ("X, said Y") even when parsed without a complement.
QUOTE_VERBS = frozenset(
    {"say", "tell", "add", "note", "write", "explain", "state", "ask", "reply", "comment"}
)

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
REPORT_SOURCE_WORDS = frozenset(
    {"report", "reports", "press", "media", "headline", "headlines", "coverage"}
)
ANONYMITY_WORDS = frozenset({"unnamed", "anonymous", "unidentified", "people familiar", "familiar"})

# Third-person pronouns that point back to the last named person or body.
# Possessives too: a reporting noun's owner is one ("his claim that ...").
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
GROUP_PRONOUNS = frozenset({"they", "it", "them", "its", "their"})
# The speaker's own pronouns: inside a quotation they point to whoever is quoted.
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})

# --- Reference -------------------------------------------------------------

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

# Words that mean the same thing in news copy, mapped to one. Paraphrase
# sets drawn from WordNet synsets of frequent news predicates; kept small on
# purpose: a wrong entry merges claims that differ.
SYNONYMS = {
    "agreement": "deal",
    "pact": "deal",
    "accord": "deal",
    "contract": "deal",
    "tie-up": "deal",
    "discussion": "talk",
    "negotiation": "talk",
    "talk": "talk",
    "negotiate": "talk",
    "discuss": "talk",
    "cyber": "cyberattack",
    "cyber-attack": "cyberattack",
    "hack": "cyberattack",
    "hacking": "cyberattack",
    "manufacturing": "produce",
    "production": "produce",
    "manufacture": "produce",
    "assemble": "produce",
    "build": "produce",
    "make": "produce",
    "plant": "factory",
    "site": "factory",
    "facility": "factory",
    "halt": "shut",
    "stop": "shut",
    "suspend": "shut",
    "shutdown": "shut",
    "vehicle": "car",
    "model": "car",
    "purchase": "buy",
    "acquire": "buy",
    "acquisition": "buy",
    "firm": "company",
    "partnership": "partner",
    "venture": "partner",
    "jv": "partner",
    "visit": "visit",
    "trip": "visit",
    "tariff": "tariff",
    "levy": "tariff",
    "duty": "tariff",
    "headquarter": "headquarters",
    "hq": "headquarters",
    "sell": "sale",
    "sale": "sale",
    "invest": "investment",
    "job": "job",
    "employee": "worker",
    "staff": "worker",
    "worker": "worker",
    "cut": "cut",
    "layoff": "cut",
    "ceo": "chief",
    "bailout": "rescue",
    "bail-out": "rescue",
    "lifeline": "rescue",
}

# Lemmas too common to tell one claim from another.
LIGHT_WORDS = frozenset(
    {
        "be",
        "have",
        "do",
        "get",
        "go",
        "come",
        "take",
        "put",
        "set",
        "give",
        "also",
        "say",
        "tell",
        "report",
        "include",
        "become",
        "seem",
        "well",
        "still",
        "even",
        "already",
        "currently",
        "now",
        "just",
        "only",
        "very",
        "more",
        "most",
        "other",
        "new",
        "year",
        "time",
        "way",
        "thing",
        "part",
        "one",
        "two",
        "first",
        "last",
        "this",
        "that",
        "these",
        "those",
        "such",
        "many",
        "much",
        "some",
        "any",
        "all",
        "according",
        "official",
        "confirmation",
        "guarantee",
        "evidence",
        "statement",
        "announce",
        "confirm",
        "pending",
        "pende",
        "suggest",
        "result",
        "lead",
        "arrive",
        "happen",
        "place",
        "follow",
        "fact",
        "like",
        "process",
        "course",
    }
)

# --- Text that is not the article's reporting -------------------------------

# Calls to action and promotional phrasing (adverts, newsletter boxes). From
# the boilerplate classes of the CleanEval guidelines and trafilatura's
# comment/ad filters.
CALL_TO_ACTION = (
    "click here",
    "sign up",
    "subscribe",
    "subscribers",
    "newsletter",
    "read more",
    "learn more",
    "find out more",
    "download our",
    "download the app",
    "follow us",
    "get a great deal",
    "save you",
    "can save",
    "shop now",
    "buy now",
    "book now",
    "advertisement",
    "sponsored",
    "promoted content",
    "related:",
    "read also",
    "also read",
    "recommended for you",
    "share this",
    "terms and conditions apply",
    "get a quote",
    "get the best price",
    "limited time offer",
)

# Lines that open a readers' comment section; everything after is comments.
COMMENT_SECTION_RE = (
    r"^\s*(?:\d+|one|two|three|four|five|no)\s+(?:responses?|comments?|replies)\s*$"
    r"|^\s*(?:comments?|responses?|leave a (?:reply|comment)|reader comments"
    r"|join the (?:conversation|discussion)|what do you think\??)\s*:?\s*$"
)

# Words that end outlet names (mastheads), for inferring the outlet.
MASTHEAD_WORDS = frozenset(
    {
        "magazine",
        "news",
        "times",
        "post",
        "journal",
        "daily",
        "weekly",
        "express",
        "herald",
        "review",
        "today",
        "insider",
        "expert",
        "gazette",
        "tribune",
        "guardian",
        "telegraph",
        "mirror",
        "observer",
        "chronicle",
        "standard",
        "wire",
        "press",
        "report",
        "week",
        "monthly",
        "online",
        "digest",
        "independent",
    }
)
