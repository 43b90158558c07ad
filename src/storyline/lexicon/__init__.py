"""Every word list storyline's reading relies on, by theme, each saying where it came from.

- ``certainty``: hedges, negation and denial: how sure a clause is.
- ``attribution``: reporting verbs and the frames they make: who says it.
- ``sources``: reporting nouns, documents, stances, unnamed sources.
- ``names``: pronouns, descriptions, demonyms and place names: who is meant.
- ``terms``: synonyms, light words and determiners: what a claim is about.
- ``page``: adverts, comment sections, labels, mastheads: what is not reporting.

Lists are lower-case lemmas or phrases unless noted. Plain data: no spaCy here.
"""
