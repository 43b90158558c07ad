"""Provenance: a claim's origin, its relays and how many independent sources
stand behind it, on small stories written for the purpose (issue 13)."""

from __future__ import annotations

import json

import pytest

from storyline import codec
from storyline.model import Article, Claim, Document, Dossier
from storyline.pipeline import analyze_articles
from storyline.story.provenance import copies_in, name_key, wire_credit

SCOOP = [
    Article(
        "a1",
        "The Harbour Gazette has learned that the city council will close the Eastgate ferry "
        "terminal next spring. The terminal carried about 4,000 passengers a day last year.",
        source="Harbour Gazette",
        date="2024-03-04",
    ),
    Article(
        "a2",
        "The city council will close the Eastgate ferry terminal next spring, according to the "
        "Harbour Gazette. Commuters who rely on the route said they were shocked by the news.",
        source="Coastal Daily",
        date="2024-03-05",
    ),
    Article(
        "a3",
        "According to the Harbour Gazette, the city council will close the Eastgate ferry "
        "terminal next spring. Ferry operators have been told to prepare for the change.",
        source="Bay Radio News",
        date="2024-03-05",
    ),
    Article(
        "a4",
        "The city council will close the Eastgate ferry terminal next spring, the Harbour "
        "Gazette reported on Tuesday. Ferry operators have been told to prepare for the change.",
        source="Metro Wire",
        date="2024-03-06",
    ),
]

OWN_SOURCES = [
    Article(
        "b1",
        "Two officials familiar with the plan told the Harbour Gazette that the city council "
        "will close the Eastgate ferry terminal next spring. The terminal carried about 4,000 "
        "passengers a day last year.",
        source="Harbour Gazette",
        date="2024-03-04",
    ),
    Article(
        "b2",
        "The city council will close the Eastgate ferry terminal next spring, a council planning "
        "officer told Coastal Daily on Monday. Commuters who rely on the route were not consulted.",
        source="Coastal Daily",
        date="2024-03-04",
    ),
]

WIRE_TEXT = (
    "LISBON (Reuters) - Portugal's largest port operator will cut 300 jobs over the next two "
    "years as cargo volumes fall, the company said on Thursday. The operator handled 12 million "
    "tonnes of cargo last year."
)
WIRE = [
    Article("w1", WIRE_TEXT, source="Evening Standard Online", date="2024-05-02"),
    Article(
        "w2", WIRE_TEXT + "\nCopyright 2024 Reuters.", source="Valley Courier", date="2024-05-02"
    ),
]

CHAIN = [
    Article(
        "k1",
        "The mining minister will resign at the end of the month, the Northern Ledger reported "
        "on Friday.",
        source="Capital Times",
        date="2024-06-08",
    ),
    Article(
        "k2",
        "The mining minister will resign at the end of the month, according to the Hill Post. "
        "The minister's office did not answer calls.",
        source="Northern Ledger",
        date="2024-06-07",
    ),
    Article(
        "k3",
        "The mining minister will resign at the end of the month. A draft resignation letter "
        "seen by this newspaper sets out his reasons.",
        source="Hill Post",
        date="2024-06-06",
    ),
]


def _claim(d: Dossier, words: str) -> Claim:
    return max(
        (c for c in d.claims if any(words in m.text for m in c.mentions)),
        key=lambda c: len({m.doc for m in c.mentions}),
    )


def _doc(d: Dossier, doc_id: str) -> Document:
    return next(doc for doc in d.documents if doc.id == doc_id)


@pytest.fixture(scope="module")
def scoop() -> Dossier:
    return analyze_articles(SCOOP)


def test_one_scoop_relayed_by_three_outlets_is_one_independent_source(scoop):
    c = _claim(scoop, "ferry terminal next spring")
    assert c.outlets == 4
    assert c.independent_sources == 1
    assert c.origin is not None and c.origin.source == "Harbour Gazette"
    assert c.origin.doc == "a1"  # its own statement, in the story
    relayed_by = {r.doc for r in c.relays}
    assert {"a2", "a3", "a4"} <= relayed_by
    for r in c.relays:  # each link points to the words that make it
        assert r.via_start is not None and r.via_end is not None
        assert _doc(scoop, r.doc).text[r.via_start : r.via_end] == r.via
        assert "Harbour Gazette" in r.via
    vias = {r.doc: r.via.lower() for r in c.relays}
    assert vias["a2"] == "according to the harbour gazette"
    assert vias["a4"] == "the harbour gazette reported"


def test_two_outlets_with_their_own_sources_are_two():
    d = analyze_articles(OWN_SOURCES)
    c = _claim(d, "ferry terminal next spring")
    assert c.independent_sources == 2
    assert {o.source for o in c.origins} == {"Harbour Gazette", "a council planning officer"}
    assert not c.single_origin


def test_a_wire_story_syndicated_twice_is_one_source():
    d = analyze_articles(WIRE)
    assert copies_in(d.documents) == {"w2": "w1"}
    c = _claim(d, "12 million tonnes")
    assert c.verdict == "corroborated"  # the verdict table is unchanged...
    assert c.outlets == 2
    assert c.independent_sources == 1  # ...but it rests on one origin, and says so
    assert c.single_origin
    assert c.origin is not None and c.origin.source == "Reuters" and c.origin.kind == "wire"
    origin_doc = _doc(d, c.origin.doc)
    assert origin_doc.text[c.origin.start : c.origin.end] == "(Reuters) -"
    assert {r.doc for r in c.relays} == {"w1", "w2"}


def test_a_relay_chain_ends_at_its_origin():
    d = analyze_articles(CHAIN)
    c = _claim(d, "mining minister will resign")
    assert c.origin is not None and c.origin.source == "Hill Post"
    assert c.origin.doc == "k3"
    assert c.independent_sources == 1
    relays = {r.doc: r.source for r in c.relays}
    assert relays == {"k1": "Northern Ledger", "k2": "Hill Post"}


def test_near_duplicates_without_a_credit_relay_the_earlier_article():
    copy = Article("k9", CHAIN[2].text, source="Shore Times", date="2024-06-07")
    d = analyze_articles([CHAIN[2], copy])
    c = _claim(d, "mining minister will resign")
    assert c.verdict == "corroborated"
    assert c.independent_sources == 1 and c.single_origin
    assert c.origin is not None and c.origin.source == "Hill Post"
    assert [r.doc for r in c.relays] == ["k9"]
    assert "near-duplicate" in c.relays[0].via


def test_names_and_credits():
    assert name_key("the Financial Times") == name_key("Financial Times")
    assert name_key("FoxNews.com") == name_key("Fox News")
    assert name_key("AP") == name_key("The Associated Press")
    credit = wire_credit("WASHINGTON (AP) — The Senate voted on Tuesday.")
    assert credit is not None and credit.wire == "Associated Press"
    assert wire_credit("Shares rose, AP data showed.") is None


def test_provenance_is_in_the_json_and_reads_back(scoop):
    data = json.loads(json.dumps(codec.to_dict(scoop)))
    claim = data["claims"][0]
    assert {"origin", "relays", "independent_sources", "single_origin"} <= claim.keys()
    assert set(claim["origin"]) >= {"source", "doc", "start", "end"}
    for r in claim["relays"]:
        assert set(r) >= {"doc", "start", "end", "via"}
    assert codec.from_dict(data) == scoop


def test_seed_talks_come_from_the_financial_times_relayed_by_carexpert(seed_dossier):
    carexpert = next(d.id for d in seed_dossier.documents if d.source == "CarExpert")
    for words in ("the two firms are in the early discussions", "is in discussions with Chery"):
        c = _claim(seed_dossier, words)
        assert c.origin is not None and c.origin.source == "Financial Times"
        assert c.independent_sources == 1
        relays = [r for r in c.relays if r.doc == carexpert]
        assert relays and all(r.source == "Financial Times" for r in relays)
        assert any(r.via == "According to the Financial Times" for r in relays)


def test_an_outlets_short_codes_meet_its_name():
    assert name_key("HPO") == name_key("HuffPost") == name_key("The Huffington Post")
    assert name_key("NYT") == name_key("The New York Times")
