"""The dossier's three faces, on a hand-built dossier of the JLR / Chery story."""

from __future__ import annotations

import dataclasses
import json
import re
from html import escape
from html.parser import HTMLParser

import pytest

from storyline.model import (
    Certainty,
    Claim,
    Conflict,
    Document,
    Dossier,
    Figure,
    Inferred,
    Mention,
    ReadOutcome,
    Skipped,
    TimelineEvent,
)
from storyline.render import from_dict, render, to_dict

# Excerpts of the three seed articles, as read.
CAREXPERT = (
    "JLR (Jaguar Land Rover) is in discussions with Chery centred around producing the Chinese "
    "automaker’s vehicles at one of its plants in the UK.\n"
    "According to the Financial Times, the two firms are in the early discussions, which are being "
    "facilitated by the British government.\n"
    "CarExpert can save you thousands on a new car. Click here to get a great deal.\n\n"
    "There’s no guarantee talks between Chery and JLR will result in a deal, with unnamed sources "
    "previously telling the business newspaper the UK’s high energy and labour costs are potential "
    "sticking points.\n"
    "Jaecoo lead the way, growing sales from 209 in 2024 to 28,232 last year.\n"
    "By contrast JLR, owned by India’s Tata Motors, had a rough year with its UK manufacturing "
    "sites "
    "shut down for a month-and-a-half after a cyber attack in October."
)
NEWS = (
    "A deal between Jaguar Land Rover (JLR) and Chinese automaker Chery is nearing completion, "
    "potentially bringing Chery production to UK manufacturing plants.\n"
    "The deal is still pending official confirmation from JLR, though Chery UK declined to comment "
    "at the time of reporting."
)
ENTHUSIAST = (
    "Crucially, no deal has been announced, and neither JLR nor Chery has confirmed that UK "
    "production will happen.\n"
    "As ever, we’ll stick to what can be proven in Jaguar Enthusiast Magazine — and keep a close "
    "eye on what happens next."
)
A, B, C = "000_64c66f37abeed904.txt", "001_82b79b81d5b37816.txt", "002_50c374e0f5b8e657.txt"
TEXTS = {A: CAREXPERT, B: NEWS, C: ENTHUSIAST}


def span(doc: str, words: str) -> tuple[int, int]:
    start = TEXTS[doc].index(words)
    return start, start + len(words)


def mention(
    doc: str, words: str, certainty: Certainty, source: str | None = None, cue: str | None = None
) -> Mention:
    start, end = span(doc, words)
    kind = None if source is None else "outlet"
    line = TEXTS[doc][:start].count("\n")
    return Mention(
        doc,
        start,
        end,
        words,
        certainty,
        source,
        kind,
        cue,
        sentence=line,
        terms=("deal", "chery"),
        weights=(1.0, 0.5),
        years=("2025",),
    )


DEAL_CERTAIN = mention(
    B,
    "A deal between Jaguar Land Rover (JLR) and Chinese automaker Chery is nearing completion",
    "certain",
)
DEAL_NEGATED = mention(
    C,
    "no deal has been announced, and neither JLR nor Chery has confirmed that UK production "
    "will happen",
    "negated",
    cue="no deal",
)


@pytest.fixture
def dossier() -> Dossier:
    advert = "CarExpert can save you thousands on a new car. Click here to get a great deal."
    ad_start, ad_end = span(A, advert)
    self_ref = span(A, "CarExpert can save you thousands")
    magazine = span(C, "Jaguar Enthusiast Magazine")
    documents = (
        Document(
            A,
            CAREXPERT,
            "CarExpert",
            None,
            source_inferred=Inferred(
                "CarExpert", "self-reference", "CarExpert can save you thousands", *self_ref
            ),
            skipped=(Skipped(A, ad_start, ad_end, "advert", advert),),
        ),
        Document(B, NEWS, None, None),
        Document(
            C,
            ENTHUSIAST,
            "Jaguar Enthusiast Magazine",
            "2026-02-02",
            source_inferred=Inferred(
                "Jaguar Enthusiast Magazine",
                "self-reference",
                "Jaguar Enthusiast Magazine",
                *magazine,
            ),
        ),
    )
    deal = Claim(
        "c1",
        "JLR and Chery have agreed, or nearly agreed, a deal to build Chery cars in the UK",
        "disputed",
        (
            DEAL_CERTAIN,
            mention(
                A,
                "There’s no guarantee talks between Chery and JLR will result in a deal",
                "hedged",
                cue="no guarantee",
            ),
            DEAL_NEGATED,
        ),
    )
    # The talks and government mentions cross ("the early discussions" is in both);
    # the sales mention holds the figure inside it.
    talks = Claim(
        "c2",
        "JLR and Chery have held talks about building Chery cars in the UK",
        "reported",
        (
            mention(
                A,
                "JLR (Jaguar Land Rover) is in discussions with Chery centred around producing "
                "the Chinese "
                "automaker’s vehicles at one of its plants in the UK",
                "certain",
                "Financial Times",
            ),
            mention(
                A,
                "According to the Financial Times, the two firms are in the early discussions",
                "certain",
                "Financial Times",
            ),
        ),
    )
    government = Claim(
        "c3",
        "The UK government is involved in the talks",
        "reported",
        (
            mention(
                A,
                "the early discussions, which are being facilitated by the British government",
                "certain",
                "Financial Times",
            ),
        ),
    )
    sales = Claim(
        "c4",
        "Jaecoo sold 28,232 cars in the UK in 2025",
        "single-source",
        (
            mention(
                A,
                "Jaecoo lead the way, growing sales from 209 in 2024 to 28,232 last year",
                "certain",
            ),
        ),
    )
    conflict = Conflict(
        "contradiction",
        "c1",
        "One article says a deal is nearing completion; another that no deal has been announced.",
        (DEAL_CERTAIN, DEAL_NEGATED),
    )
    sentence = "Jaecoo lead the way, growing sales from 209 in 2024 to 28,232 last year."
    figure = Figure("Jaecoo", 28232.0, "cars", "2025", A, *span(A, "28,232"), "28,232", sentence)
    event = TimelineEvent(
        "2025-10",
        "a cyber attack shut JLR's UK plants",
        A,
        *span(A, "a cyber attack in October"),
        "in October",
    )
    failure = ReadOutcome("feeds/broken.html", error="not an article: the file is empty")
    return Dossier(
        documents,
        (deal, talks, government, sales),
        (conflict,),
        (figure,),
        (event,),
        (failure,),
        version="0.1.0",
    )


def anchor(doc: str) -> str:
    return "doc-" + re.sub(r"[^A-Za-z0-9_-]+", "-", doc)


class _Nesting(HTMLParser):
    """Checks that every end tag closes the innermost open element."""

    VOID = {"meta", "link", "br", "hr", "img", "input", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
        else:
            self.stack.pop()


class _ArticleText(HTMLParser):
    """The words of one article's text block, without the skipped-text labels."""

    def __init__(self, article_id: str) -> None:
        super().__init__()
        self.article_id, self.depth, self.in_article, self.label = article_id, 0, False, 0
        self.words: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id") == self.article_id:
            self.in_article = True
        if self.in_article and (self.depth or "text" in (a.get("class") or "").split()):
            self.depth += 1
            self.label += self.label > 0 or a.get("class") == "skip-label"

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1
            self.label = max(0, self.label - 1)
            if not self.depth:
                self.in_article = False

    def handle_data(self, data: str) -> None:
        if self.depth and not self.label:
            self.words.append(data)


def test_json_follows_the_contract(dossier: Dossier) -> None:
    d = json.loads(render(dossier, "json"))
    assert {
        "documents",
        "claims",
        "conflicts",
        "figures",
        "timeline",
        "failures",
        "storyline_version",
        "counts",
    } <= d.keys()
    doc = d["documents"][0]
    assert {
        "id",
        "source",
        "date",
        "text",
        "source_inferred",
        "date_inferred",
        "url",
        "title",
        "skipped",
    } <= doc.keys()
    assert doc["source_inferred"]["evidence"] == "CarExpert can save you thousands"
    assert doc["skipped"][0]["kind"] == "advert" and d["documents"][1]["date_inferred"] is None
    assert {"doc", "start", "end", "text", "certainty", "source", "source_kind", "cue"} <= d[
        "claims"
    ][0]["mentions"][0].keys()
    assert {"kind", "claim", "explanation"} <= d["conflicts"][0].keys()
    assert {"doc", "start", "end", "text", "certainty", "source"} <= d["conflicts"][0]["mentions"][
        1
    ].keys()
    assert set(d["figures"][0]) >= {
        "entity",
        "value",
        "unit",
        "when",
        "doc",
        "start",
        "end",
        "text",
        "context",
        "qualifier",
    }
    assert set(d["timeline"][0]) >= {"when", "text", "doc", "start", "end", "expression"}
    assert d["failures"] == [
        {"input": "feeds/broken.html", "error": "not an article: the file is empty"}
    ]
    assert d["storyline_version"] == "0.1.0"
    assert (
        d["counts"]["disputed"] == 1 and d["counts"]["reported"] == 2 and d["counts"]["denied"] == 0
    )


def test_json_round_trips(dossier: Dossier) -> None:
    back = from_dict(json.loads(render(dossier, "json")))
    assert back == dossier
    assert (
        type(back.figures[0].value) is float
        and type(back.claims[0].mentions[0].weights[0]) is float
    )


def test_reading_json_without_a_required_key_says_which(dossier: Dossier) -> None:
    data = to_dict(dossier)
    del data["claims"][0]["verdict"]
    with pytest.raises(ValueError, match="verdict"):
        from_dict(data)


def test_whole_number_floats_are_written_as_ints(dossier: Dossier) -> None:
    text = render(dossier, "json")
    assert '"value": 28232,' in text and "28232.0" not in text
    assert type(to_dict(dossier)["figures"][0]["value"]) is int


def test_html_escapes_the_article_text(dossier: Dossier) -> None:
    hostile = dataclasses.replace(dossier.documents[1], text=NEWS + "\n<script>alert(1)</script>")
    page = render(
        dataclasses.replace(
            dossier, documents=(dossier.documents[0], hostile, dossier.documents[2])
        ),
        "html",
    )
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_html_marks_the_exact_mention_words(dossier: Dossier) -> None:
    page = render(dossier, "html")
    found = re.search(rf'<mark class="certain" id="{anchor(B)}-m0"[^>]*>(.*?)</mark>', page)
    assert found is not None and found.group(1) == escape(DEAL_CERTAIN.text)


def test_overlapping_mentions_keep_the_markup_well_nested(dossier: Dossier) -> None:
    page = render(dossier, "html")
    checker = _Nesting()
    checker.feed(page)
    checker.close()
    assert checker.errors == [] and checker.stack == []
    text = _ArticleText(anchor(A))
    text.feed(page)
    assert "".join(text.words) == CAREXPERT


def test_every_quote_links_to_an_anchor_in_the_articles(dossier: Dossier) -> None:
    page = render(dossier, "html")
    ids = set(re.findall(r'\bid="([^"]+)"', page))
    targets = set(re.findall(r'href="#([^"]+)"', page))
    assert f"{anchor(C)}-m{DEAL_NEGATED.start}" in targets
    assert targets - ids == set()


def test_html_greys_skipped_text_under_its_label(dossier: Dossier) -> None:
    page = render(dossier, "html")
    found = re.search(
        r'<span class="skipped advert"[^>]*><span class="skip-label">([^<]*)</span>', page
    )
    assert found is not None and found.group(1).startswith("advert")


def test_html_says_what_an_outlet_was_inferred_from(dossier: Dossier) -> None:
    page = render(dossier, "html")
    assert "inferred from" in page
    assert f'<a href="#{anchor(A)}-i{CAREXPERT.index("CarExpert can")}">«CarExpert can save' in page


def test_conflicts_come_before_claims(dossier: Dossier) -> None:
    page = render(dossier, "html")
    assert (
        page.index('id="conflicts"')
        < page.index("no deal has been announced, and neither")
        < page.index('id="claims"')
    )


def test_key_claims_lead_in_the_dossiers_order(dossier: Dossier) -> None:
    page = render(dossier, "html")
    key = [c for c in dossier.claims if len(c.mentions) > 1]
    assert key
    starts = [
        page.index(f'id="{anchor}"')
        for anchor in re.findall(r'<details class="card claim[^"]*" id="([^"]+)"', page)[: len(key)]
    ]
    assert starts == sorted(starts)
    assert page.index('id="key-claims"') < page.index('id="long-tail"')


def test_the_long_tail_is_folded_behind_its_count_by_verdict(dossier: Dossier) -> None:
    page = render(dossier, "html")
    tail = [c for c in dossier.claims if len(c.mentions) == 1]
    assert f"The long tail: {len(tail)} claim" in page
    verdicts = re.findall(r'<section class="verdict" id="verdict-([a-z-]+)"', page)
    order = ["disputed", "denied", "reported", "speculative", "single-source", "corroborated"]
    assert verdicts == sorted(verdicts, key=order.index)


def test_markdown_quotes_mentions_with_their_verdict(dossier: Dossier) -> None:
    md = render(dossier, "md")
    assert (
        f'> "{DEAL_NEGATED.text}" — Jaguar Enthusiast Magazine, negated, own voice (cue: "no deal")'
        in md
    )
    assert "### Key claims (" in md and " — disputed" in md
    assert "| Jaecoo | 28,232 cars | 2025 |" in md
    assert "not an article: the file is empty" in md


def test_markdown_folds_the_long_tail_behind_its_count(dossier: Dossier) -> None:
    md = render(dossier, "md")
    tail = [c for c in dossier.claims if len(c.mentions) == 1]
    assert tail
    folded = md[md.index("<details>") : md.index("</details>")]
    assert md.index("### Key claims") < md.index("### The long tail")
    assert all(f"#### {c.text}" in folded for c in tail)


def test_unknown_format_names_the_choices(dossier: Dossier) -> None:
    with pytest.raises(ValueError, match=r"json.*md.*html"):
        render(dossier, "pdf")
