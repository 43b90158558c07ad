"""Text on a page that is not the article's reporting: adverts, comment
sections, labels, mastheads.

Each list says where it came from. Change a list, run the scorer on the
seed story and the public benchmarks (``benchmarks/public.py``) before and
after.
"""

from __future__ import annotations

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

# Lines that open a readers' comment section; everything after is comments:
# the headings news and blog pages put over their comments; storyline's own pattern.
COMMENT_SECTION_RE = (
    r"^\s*(?:\d+|one|two|three|four|five|no)\s+(?:responses?|comments?|replies)\s*$"
    r"|^\s*(?:comments?|responses?|leave a (?:reply|comment)|reader comments"
    r"|join the (?:conversation|discussion)|what do you think\??)\s*:?\s*$"
)

# Words that end outlet names (mastheads), for inferring the outlet: the
# last words of English-language newspaper and news-site names.
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

# Words that head a line before a colon without naming a speaker ("Update:",
# "Photo:", "Read more:"): page furniture; storyline's own list.
LABEL_WORDS = frozenset(
    {
        "update",
        "note",
        "editor",
        "watch",
        "related",
        "photo",
        "video",
        "source",
        "read",
        "see",
    }
)
