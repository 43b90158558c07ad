"""One name per speaker across a story's articles.

Each article names its sources in its own style: one outlet writes "Maria
L. Santos" or "John R. Carter Jr.", another "Maria Santos" or "John
Carter", and a later sentence only "Carter". Read article by article, that
is two or three sources, and a claim two outlets took from one person counts
two independent sources. Here a person's names are folded together across
the story (the same first and last name, titles, middle initials and
suffixes aside), and every mention gets the form most articles use, the
fuller one on a tie. A bare surname is left as it is: "Santos said" may stand
for her campaign, and the article's own resolution (entities.py) has already
named whom it could.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from storyline.model import Mention

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Titles before a name ("Mr. Carter", "Sen. Santos") are not part of it.
_TITLES = frozenset(
    {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "senator", "representative", "governor"}
)
_NOT_NAME_WORDS = _SUFFIXES | _TITLES
_POSSESSIVE = re.compile(r"[’']s$")
_WORD = re.compile(r"[A-Z][\w’'.-]*$")


def _words(name: str) -> list[str] | None:
    """The name's words if it looks like a person's name (capitalised words)."""
    words = _POSSESSIVE.sub("", name.strip()).split()
    if not words or not all(_WORD.match(w) for w in words):
        return None
    return words


def _person_key(words: Sequence[str]) -> tuple[str, str] | None:
    """(first, last) without middle initials and suffixes, e.g. "John R.
    Carter Jr." -> ("john", "carter"); None for a single word."""
    kept = [
        w.rstrip(".,").lower()
        for w in words
        if w.rstrip(".,").lower() not in _NOT_NAME_WORDS and not re.fullmatch(r"[A-Z]\.?", w)
    ]
    return (kept[0], kept[-1]) if len(kept) >= 2 else None


def unify_speakers(mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions with each person's name in one form across the story."""
    docs_using: dict[str, set[str]] = defaultdict(set)  # surface form -> articles
    forms: dict[tuple[str, str], set[str]] = defaultdict(set)
    keys: list[tuple[str, str] | None] = []  # each mention's person, if its source is one
    for m in mentions:
        words = _words(m.source) if m.source else None
        key = _person_key(words) if words else None
        keys.append(key)
        if words and key:
            form = " ".join(words)
            docs_using[form].add(m.doc)
            forms[key].add(form)
    if not forms:
        return list(mentions)
    chosen = {
        key: max(sorted(names), key=lambda f: (len(docs_using[f]), len(f)))
        for key, names in forms.items()
    }
    return [
        replace(m, source=chosen[key]) if key is not None else m
        for m, key in zip(mentions, keys, strict=True)
    ]
