"""Words that set a clause's certainty: hedges, negation, denial, and the
verbs and nouns that leave their complement open.

Each list says where it came from. Change a list, run the scorer on the
seed story and the public benchmarks (``benchmarks/public.py``) before and
after.
"""

from __future__ import annotations

# Modal verbs that present an event as possible, not as fact. From the
# factuality literature (Saurí & Pustejovsky 2009, FactBank's "PR"/"PS"
# markers). "will" is left out: news states plans with it as fact (the mean
# UW train+dev label under "will" is +2.2, under "can" +0.7, "must" +1.2).
HEDGE_MODALS = frozenset({"may", "might", "could", "would", "should", "ought", "can", "ca", "must"})

# Modals of ability: negated, they deny rather than hedge ("cannot", "can't",
# "could not" say it did not happen; UW train+dev mean label under "ca n't"
# is -1.7, under "could not" -1.4 over 15 events).
ABILITY_MODALS = frozenset({"can", "ca", "could"})

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
    # "subject to approval" leaves the deal open; "is subject to oversight"
    # states a fact (BASIL dev analysis, issue 11): only the open kinds.
    "subject to approval",
    "subject to regulatory",
    "subject to shareholder",
    "subject to government",
    "subject to final",
    "subject to confirmation",
    "subject to a vote",
    # Epistemic negation: not knowing or not excluding leaves the claim open,
    # it does not deny it ("did not rule out", "can't say"; FactBank's
    # uncertain-polarity cues, issue 11). Text is normalised: "n't" -> " not".
    "not sure",
    "ca not say",
    "can not say",
    "cannot say",
    "could not say",
    "would not say",
    "not know whether",
    "not know if",
    "not know that",
    "not rule out",
    "not ruled out",
    "not ruling out",
    "declined to say whether",
    "refused to say whether",
    "would not confirm",
    "not immediately clear",
    "could not be sure",
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

# Verbs that stop, refuse or turn away what they govern ("turned down such
# treatment", "rejected a proposal to combine", "withdrew its offer"): with
# the negative implicatives, cancelling and denial verbs, the reversals the
# learned certainty model counts up an event's chain of governors. Features
# only: the model weighs them (train/train_certainty.py).
REVERSING_VERBS = frozenset(
    {
        "withdraw",
        "rebuff",
        "veto",
        "block",
        "oppose",
        "drop",
        "halt",
        "suspend",
        "stop",
        "end",
        "forbid",
        "prohibit",
        "ban",
        "bar",
    }
)
# Prepositions whose object did not happen ("decided against seeking",
# "went ahead without waiting").
REVERSING_PREPOSITIONS = frozenset({"against", "without"})

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

# "would" is no hedge where it is "will" backshifted under a past reporting
# verb ("said the plan would end free parking") or where it says what a plan or a
# law does ("the proposal would give seniors payments"): the subjects of that
# kind (issue 11, BASIL dev analysis: 18 of 35 certain->hedged errors).
PLAN_NOUNS = frozenset(
    {
        "plan",
        "proposal",
        "bill",
        "budget",
        "law",
        "legislation",
        "measure",
        "program",
        "programme",
        "policy",
        "rule",
        "regulation",
        "act",
        "amendment",
        "deal",
        "agreement",
        "reform",
        "order",
    }
)

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

# Determiners and pronouns that negate the phrase they head ("no deal", "nothing
# suggests", "neither firm"): English's closed-class negators, as NEGATORS.
NEGATING_DETERMINERS = frozenset({"no", "neither", "nor"})
NEGATING_PRONOUNS = frozenset({"nothing", "none", "nobody", "neither", "never"})
# Subjects that negate the frame they stand in ("nothing suggests ...", "no one
# has confirmed ..."): the same closed class, as a reporting verb's subject.
NEGATING_SUBJECTS = frozenset({"nothing", "none", "nobody", "neither", "no one"})

# How a mention's certainty reads beside its outlet on a page ("Reuters
# affirms"): the eval README's three certainty values as verbs.
CERTAINTY_WORDS: dict[str, str] = {"certain": "affirms", "hedged": "hedges", "negated": "denies"}
