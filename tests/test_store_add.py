"""Adding articles: each stored once, copies kept apart, failures reported."""

from __future__ import annotations

from dataclasses import replace

from storyline.model import ReadOutcome
from storyline.store import open_store
from tests.store_support import SEED_IDS, reuse_reader, seed_articles, seed_readings


def _store(tmp_path):
    return open_store(tmp_path / "s.db")


def test_adding_the_same_articles_again_stores_nothing_new(tmp_path):
    articles = list(seed_articles().values())
    with _store(tmp_path) as store:
        first = store.add(articles, reader=reuse_reader)
        before = store.dossier(first.added[0].story)
        again = store.add(articles, reader=reuse_reader)
        assert (len(first.added), len(again.added)) == (3, 0)
        assert {d.article for d in again.duplicates} == set(SEED_IDS)
        assert store.dossier(first.added[0].story) == before
        assert len(store.changes(first.added[0].story)) == sum(len(a.changes) for a in first.added)


def test_the_same_url_with_other_words_is_already_stored(tmp_path):
    a = replace(seed_articles()[SEED_IDS[0]], url="https://example.com/jlr")
    with _store(tmp_path) as store:
        store.add([a], reader=reuse_reader)
        result = store.add([replace(a, text=a.text + "\nUpdated at 10:45.")], reader=reuse_reader)
    assert [(d.article, d.reason) for d in result.duplicates] == [(SEED_IDS[0], "same URL")]


def test_the_same_text_under_another_name_is_already_stored(tmp_path):
    a = seed_articles()[SEED_IDS[1]]
    with _store(tmp_path) as store:
        store.add([a], reader=reuse_reader)
        result = store.add(
            [replace(a, id="syndicated.txt", text=a.text.upper())], reader=reuse_reader
        )
    assert [(d.article, d.reason) for d in result.duplicates] == [(SEED_IDS[1], "same text")]


def _wire_copy(text: str) -> str:
    """A syndicated copy: another outlet's headline, byline and footer, the
    last third of the paragraphs cut."""
    paras = text.split("\n")
    return (
        "Chinese carmaker in talks over UK plant\nBy Staff Reporter\n"
        + "\n".join(paras[: int(len(paras) * 0.7)])
        + "\nCopyright 2026 Another Paper. All rights reserved."
    )


def test_a_syndicated_copy_is_stored_as_a_copy_and_confirms_nothing(tmp_path):
    original = seed_articles()[SEED_IDS[0]]
    copy = replace(
        original, id="wire-copy.txt", text=_wire_copy(original.text), source="Another Paper"
    )
    with _store(tmp_path) as store:
        store.add([original], reader=reuse_reader)
        alone = store.dossier("s1")
        result = store.add([copy], reader=reuse_reader)
        (added,) = result.added
        assert (added.copy_of, added.story, added.changes) == (SEED_IDS[0], "s1", ())
        # the copy is in the story, but its reading is not: no claim is
        # corroborated by it, the dossier is the original's alone
        # (provenance counts it: it relays the original's claims, and adds no source)
        after = store.dossier("s1")
        assert [(c.id, c.verdict, c.mentions) for c in after.claims] == [
            (c.id, c.verdict, c.mentions) for c in alone.claims
        ]
        assert (after.documents, after.conflicts) == (alone.documents, alone.conflicts)
        for before, now in zip(alone.claims, after.claims, strict=True):
            if before.origin is None:  # denied only: nothing to relay
                continue
            assert now.independent_sources == before.independent_sources
            assert [r.doc for r in now.relays if r.doc == "wire-copy.txt"] == ["wire-copy.txt"]
            assert now.outlets == before.outlets + 1
        assert store.stories()[0].copies == 1
        assert store.story_of("wire-copy.txt") == "s1"


def test_independent_reports_of_one_event_are_not_copies(tmp_path):
    with _store(tmp_path) as store:
        result = store.add(list(seed_articles().values()), reader=reuse_reader)
    assert [a.copy_of for a in result.added] == [None, None, None]


def test_two_different_articles_of_one_name_are_both_stored(tmp_path):
    a, b = seed_articles()[SEED_IDS[0]], seed_articles()[SEED_IDS[2]]
    with _store(tmp_path) as store:
        store.add(
            [replace(a, id="index.html")],
            reader=lambda arts: [_renamed(seed_readings()[a.id], art.id) for art in arts],
        )
        result = store.add(
            [replace(b, id="index.html")],
            reader=lambda arts: [_renamed(seed_readings()[b.id], art.id) for art in arts],
        )
        (added,) = result.added
        assert added.article == "index.html~2"
        assert {d.id for d in store.dossier(added.story).documents} == {
            "index.html",
            "index.html~2",
        }


def _renamed(reading, new_id):
    from storyline.store.serial import renamed

    return renamed(reading, new_id)


def test_inputs_that_gave_no_article_are_reported_not_stored(tmp_path):
    bad = ReadOutcome("missing.txt", error="missing.txt: no such file or folder")
    with _store(tmp_path) as store:
        result = store.add([bad, seed_articles()[SEED_IDS[0]]], reader=reuse_reader)
        assert result.failures == (bad,)
        assert [a.article for a in result.added] == [SEED_IDS[0]]


def test_a_stored_reading_comes_back_equal(tmp_path):
    from storyline.store.serial import reading_from_json, reading_to_json

    reading = seed_readings()[SEED_IDS[2]]
    assert reading_from_json(reading_to_json(reading), reading.document.text) == reading
