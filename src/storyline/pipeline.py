"""analyze(): read a story's articles and write its dossier.

read -> mask adverts/comments -> parse -> infer outlet and date -> mentions ->
claims -> verdicts and conflicts; figures and timeline beside. Each stage is a
plain function in its own module; this one only wires them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Doc

from storyline.article.boilerplate import find_skipped, mask
from storyline.article.entities import Aliases, build_resolver, story_aliases
from storyline.article.figures import article_figures
from storyline.article.infer import infer_date, infer_outlet
from storyline.article.mentions import find_mentions, is_claim_sentence, sentences
from storyline.article.nlp import model_versions, parse_many
from storyline.article.quotes import enclosing, quotations
from storyline.ingest.files import read_inputs
from storyline.measure.quantities import find_quantities
from storyline.model import (
    Article,
    ArticleReading,
    Claim,
    Conflict,
    Document,
    Dossier,
    DossierMeta,
    Mention,
    ReadOutcome,
    Skipped,
    article_failure,
)
from storyline.story.conflicts import conflicts_of
from storyline.story.gathering import gather
from storyline.story.grouping import group
from storyline.story.importance import rank
from storyline.story.provenance import trace
from storyline.story.relay import relay_ledes, relay_sources
from storyline.story.settings import DEFAULT_STORY, StorySettings, flatten
from storyline.story.speakers import unify_speakers
from storyline.story.verdicts import verdict_of
from storyline.version import __version__


def _document(article: Article, doc: Doc, skipped: tuple[Skipped, ...]) -> Document:
    source_inferred = None if article.source else infer_outlet(article.text, skipped)
    date_inferred = None if article.date else infer_date(doc)
    return Document(
        id=article.id,
        text=article.text,
        source=article.source or (source_inferred.value if source_inferred else None),
        date=article.date or (date_inferred.value if date_inferred else None),
        source_inferred=source_inferred,
        date_inferred=date_inferred,
        url=article.url,
        title=article.title,
        path=article.path,
        skipped=skipped,
    )


def read_article(
    article: Article,
    doc: Doc,
    aliases: Aliases | None = None,
    skipped: tuple[Skipped, ...] | None = None,
) -> ArticleReading:
    """Mentions, figures and timeline of one parsed article (``doc`` is the
    parse of its masked text). The reading depends on this article alone
    (plus ``aliases`` if given), so it can be stored and put together with
    other articles' readings later: build_dossier() applies the story's aliases."""
    local = story_aliases([article.text], [doc])
    if aliases is not None:
        local = Aliases({**local.table, **aliases.table})
    aliases = local
    if skipped is None:
        skipped = find_skipped(article.id, article.text)
    document = _document(article, doc, skipped)
    sents = sentences(doc)
    resolver = build_resolver(doc, sents, aliases)
    display: dict[str, str] = {}
    for span in resolver.names:
        display.setdefault(aliases.canonical(span.text), span.text)
    mentions = find_mentions(article.id, doc, resolver)
    claim_sents = [(i, s) for i, s in enumerate(sents) if is_claim_sentence(s)]
    figures, timeline = article_figures(
        article.id, doc, claim_sents, document.date, resolver, display
    )
    return ArticleReading(
        document, mentions, figures, timeline, tuple(sorted(aliases.table.items()))
    )


def _position(m: Mention) -> tuple[str, int, int]:
    return (m.doc, m.start, m.end)


# A claim's wording should state something whole: a mention of fewer words
# ("involving government as well as industry") or one that opens inside its
# sentence ("which was approved by voters", "saying the drug is flowing")
# is passed over for a whole sentence's words where the claim has one.
WHOLE_STATEMENT_WORDS = 6


# Openers of a clause that hangs on another ("While the plan ...", "Asked
# about the remarks, ...", "Speaking on Sunday, ..."): no whole statement.
_DEPENDENT_OPENERS = frozenset(
    "while when after before because although though if unless since as until whereas "
    "which who whom whose where".split()
)


def _states_whole(m: Mention) -> bool:
    words = m.text.split()
    if len(words) < WHOLE_STATEMENT_WORDS or not words[0][:1].isupper():
        return False
    first, second = words[0].lower().strip(",“\"'"), words[1]
    if first in _DEPENDENT_OPENERS:
        return False
    # a participle opening the text with a lowercase word after it
    return not (first.endswith(("ing", "ed")) and second.isalpha() and second.islower())


def _wording(centrals: Sequence[Mention], members: Sequence[Sequence[Mention]]) -> str:
    """The text of a gathered claim: from its best-carried tight group
    (most articles, then most mentions) on, the central mention, then the
    group's others, the first that states something whole; failing that,
    the first long enough; failing that, the best-carried group's central."""
    order = sorted(
        range(len(centrals)), key=lambda k: (-len({m.doc for m in members[k]}), -len(members[k]), k)
    )
    candidates = [m for k in order for m in (centrals[k], *members[k]) if m.certainty != "negated"]
    for good in (_states_whole, lambda m: len(m.text.split()) >= WHOLE_STATEMENT_WORDS):
        found = next((m for m in candidates if good(m)), None)
        if found is not None:
            return found.text
    return centrals[order[0]].text


def build_dossier(
    readings: Sequence[ArticleReading],
    failures: Sequence[ReadOutcome] = (),
    settings: StorySettings = DEFAULT_STORY,
) -> Dossier:
    """Put the readings of a story's articles together into its dossier.
    The result does not depend on the order the readings come in."""
    readings = sorted(readings, key=lambda r: r.document.id)
    outlets = {r.document.id: r.document.source or r.document.id for r in readings}
    story = Aliases({k: v for r in readings for k, v in r.aliases})
    mentions = unify_speakers(
        [
            replace(m, entities=tuple(dict.fromkeys(story.canonical(e) for e in m.entities)))
            for r in readings
            for m in relay_ledes(r.mentions, settings.relay)
        ]
    )
    texts = {r.document.id: r.document.text for r in readings}

    def figures_in(m: Mention):
        return find_quantities(texts[m.doc], m.start, m.end)

    quotes = {doc: quotations(text) for doc, text in texts.items()}

    def quoted(m: Mention) -> bool:
        return enclosing(quotes[m.doc], m.start) is not None

    claims: list[Claim] = []
    conflicts: list[Conflict] = []
    groups = group(mentions, settings.grouping)
    members = [relay_sources(g.mentions, settings.relay) for g in groups]
    for i, part in enumerate(gather([g.mentions for g in groups], settings.grouping), start=1):
        claim = Claim(
            id=f"c{i}",
            text=_wording(
                [members[k][groups[k].central()] for k in part], [members[k] for k in part]
            ),
            verdict=verdict_of([m for k in part for m in members[k]]),
            mentions=tuple(sorted((m for k in part for m in members[k]), key=_position)),
        )
        claims.append(claim)
        for k in part:  # conflicts set one tight group's mentions against each other
            conflicts.extend(
                conflicts_of(
                    replace(claim, mentions=tuple(members[k])),
                    lambda d: outlets.get(d, d),
                    figures_in,
                    groups[k].link,
                    settings.grouping,
                    quoted,
                )
            )
    claims, conflicts = rank(claims, conflicts, settings.importance)
    claims = list(trace(claims, [r.document for r in readings]))  # origins and relays
    kind_order = {"contradiction": 0, "overstatement": 1, "numeric": 2}
    timeline = sorted(
        (e for r in readings for e in r.timeline), key=lambda e: (e.when, e.doc, e.start)
    )
    return Dossier(
        documents=tuple(r.document for r in readings),
        claims=tuple(claims),
        conflicts=tuple(sorted(conflicts, key=lambda c: (kind_order[c.kind], int(c.claim[1:])))),
        figures=tuple(f for r in readings for f in r.figures),
        timeline=tuple(timeline),
        failures=tuple(failures),
        version=__version__,
        meta=DossierMeta(analyser=__version__, models=model_versions(), settings=flatten(settings)),
    )


def analyze_articles(articles: Sequence[Article], failures: Sequence[ReadOutcome] = ()) -> Dossier:
    readings, failed = read_each(articles)
    return build_dossier(readings, [*failures, *failed])


def read_articles(articles: Sequence[Article]) -> list[ArticleReading]:
    """Parse and read each article on its own (the expensive, per-article
    stage). Adverts, comments and headings are masked before the parse."""
    skipped = [find_skipped(a.id, a.text) for a in articles]
    docs = parse_many(mask(a.text, s) for a, s in zip(articles, skipped, strict=False))
    return [read_article(a, d, skipped=s) for a, d, s in zip(articles, docs, skipped, strict=False)]


def read_each(
    articles: Sequence[Article],
) -> tuple[list[ArticleReading], list[ReadOutcome]]:
    """read_articles(), but one article never stops the others: where reading
    raises, the articles are read again one by one, and each that still
    raises is a failure named with its reason (see article_failure)."""
    try:
        return read_articles(articles), []
    except Exception as e:  # noqa: BLE001 - one bad article: find it below
        if len(articles) == 1:
            return [], [article_failure(articles[0], e)]
    readings: list[ArticleReading] = []
    failures: list[ReadOutcome] = []
    for article in articles:
        try:
            readings.extend(read_articles([article]))
        except Exception as e:  # noqa: BLE001 - listed in the dossier's failures
            failures.append(article_failure(article, e))
    return readings, failures


def analyze(paths: Iterable[str | os.PathLike[str]]) -> Dossier:
    """Read the articles at ``paths`` (files or folders) as one story and
    return its dossier. Inputs that cannot be read are listed in
    ``Dossier.failures`` with a one-line reason; the rest are analysed."""
    outcomes = read_inputs(paths)
    articles = [a for o in outcomes for a in o.articles]
    failures = [o for o in outcomes if not o.ok]
    return analyze_articles(articles, failures)


__all__ = [
    "analyze",
    "analyze_articles",
    "article_failure",
    "build_dossier",
    "read_article",
    "read_articles",
    "read_each",
    "ArticleReading",
]
