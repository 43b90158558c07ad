"""Words that attribute a clause to a source: reporting verbs and the
frames they make.

Each list says where it came from. Change a list, run the scorer on the
seed story and the public benchmarks (``benchmarks/public.py``) before and
after.
"""

from __future__ import annotations

from storyline.lexicon.certainty import ATTITUDE_VERBS

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
        "report": "on of",
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

# Verbs that make a quote ("X, said Y") even when parsed without a complement:
# the commonest speech verbs of REPORTING_VERBS.
QUOTE_VERBS = frozenset(
    {"say", "tell", "add", "note", "write", "explain", "state", "ask", "reply", "comment"}
)

# "In X's words", "in her view": nouns that make a prepositional frame
# ("according to" is read apart); storyline's own list.
IN_WORDS_NOUNS = frozenset(
    {
        "words",
        "view",
        "opinion",
        "estimation",
        "judgment",
        "judgement",
        "account",
        "telling",
    }
)

# What a fronted "In the ..." names as the source of the clause it heads
# ("In the poll, Clinton led by five points", "In the filing, the company
# is said to ..."): documents whose content is propositions. Speeches and
# interviews are left out: their speaker is the clause's subject.
IN_SOURCE_NOUNS = frozenset(
    {
        "poll",
        "survey",
        "study",
        "report",
        "analysis",
        "memo",
        "filing",
        "complaint",
        "lawsuit",
        "indictment",
        "affidavit",
        "ruling",
        "document",
        "documents",
        "audit",
    }
)

# A picture that "shows" or "reveals" something depicts it ("the photo
# showed a man's underwear"): it is no source, and what it shows is the
# article's own account.
DEPICTION_VERBS = frozenset({"show", "reveal", "depict", "capture", "appear"})
PICTURE_NOUNS = frozenset(
    {"photo", "photograph", "picture", "image", "video", "footage", "clip", "screenshot"}
)

# Lemmas the small English model gets wrong on common reporting words, as
# found in its output; storyline's own list.
LEMMA_FIXES = {"hoping": "hope", "hoped": "hope", "hopes": "hope"}


# Verbs of saying nothing: "declined to say whether", "refused to comment on".
# With a reporting verb after them they are part of its frame.
RETICENCE_VERBS = frozenset({"decline", "refuse"})

# Of those, the ones news states as a plain fact about their subject ("the mayor
# wants to sell the bus depot", "he wanted to move on"): attributed to
# the subject, not hedged (4 of the 5 such quotes in the dev gold are
# certain; the fifth is a denial).
STATED_WANTS = frozenset({"want"})
