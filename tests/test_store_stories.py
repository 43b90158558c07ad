"""Stories: incoming articles grouped by what they are about; merged or split by hand."""

from __future__ import annotations

import pytest

from storyline.ingest.files import read_inputs
from storyline.pipeline import build_dossier
from storyline.store import NotFound, open_store
from tests.store_support import SEED_IDS, reuse_reader, seed_articles, seed_readings, unrelated_file


@pytest.fixture(scope="module")
def mixed_store(tmp_path_factory):
    """The seed story and one unrelated article (US politics, 2016) in one folder."""
    other = unrelated_file()
    if other is None:
        pytest.skip("the public attribution benchmark (shared/bench) is not here")
    folder = tmp_path_factory.mktemp("mixed")
    for a in seed_articles().values():
        (folder / a.id).write_text(a.text, encoding="utf-8")
    (folder / other.name).write_text(other.read_text(encoding="utf-8"), encoding="utf-8")
    store = open_store(tmp_path_factory.mktemp("db") / "s.db")
    store.add(read_inputs([folder]), reader=reuse_reader)
    yield store, other.name
    store.close()


def test_a_folder_mixing_two_stories_gives_two(mixed_store):
    store, other = mixed_store
    stories = store.stories()
    assert sorted(s.articles for s in stories) == [1, 3]
    assert {store.story_of(i) for i in SEED_IDS} != {store.story_of(other)}
    assert len({store.story_of(i) for i in SEED_IDS}) == 1


def test_the_listing_says_what_each_story_holds(mixed_store):
    store, _ = mixed_store
    seed = next(s for s in store.stories() if s.articles == 3)
    dossier = store.dossier(seed.id)
    assert seed.claims == len(dossier.claims)
    assert sum(seed.verdicts.values()) == len(dossier.claims)
    assert sum(seed.conflicts.values()) == len(dossier.conflicts)
    assert "CarExpert" in seed.outlets
    assert seed.title and seed.last_update >= seed.created


def test_an_unknown_story_is_a_clear_error(mixed_store):
    store, _ = mixed_store
    with pytest.raises(NotFound, match="no story 's99'"):
        store.dossier("s99")


def test_split_then_merge_gives_back_the_story(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        store.add(list(seed_articles().values()), reader=reuse_reader)
        whole = store.dossier("s1")
        new = store.split("s1", [SEED_IDS[2]])
        assert store.story_of(SEED_IDS[2]) == new != "s1"
        assert store.dossier(new) == build_dossier([seed_readings()[SEED_IDS[2]]])
        assert store.dossier("s1") == build_dossier([seed_readings()[i] for i in SEED_IDS[:2]])
        store.merge("s1", new)
        assert [s.id for s in store.stories()] == ["s1"]
        assert store.dossier("s1") == whole


def test_a_merge_records_the_verdicts_it_moves(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        store.add([seed_articles()[SEED_IDS[1]]], reader=reuse_reader)
        other = _alone(store, SEED_IDS[2])
        moved = store.merge("s1", other)
        assert any(c.kind == "verdict" and c.verdict_to == "disputed" for c in moved)
        assert all(c.article is None and c.note == f"merged {other} into s1" for c in moved)
        assert moved == store.changes("s1")[-len(moved) :]


def _alone(store, article_id):
    """Add an article as a story of its own (the store would join it to s1)."""
    store.add([seed_articles()[article_id]], reader=reuse_reader)
    sid = store.story_of(article_id)
    return sid if sid != "s1" else store.split("s1", [article_id])


def test_a_split_that_would_empty_the_story_is_refused(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        store.add(list(seed_articles().values()), reader=reuse_reader)
        with pytest.raises(NotFound, match="empty"):
            store.split("s1", list(SEED_IDS))
        with pytest.raises(NotFound, match="not in story"):
            store.split("s1", ["nope.txt"])


def test_the_same_subject_months_later_is_a_new_story(tmp_path):
    from dataclasses import replace

    later_id = SEED_IDS[1]
    reading = seed_readings()[later_id]
    months_on = replace(reading, document=replace(reading.document, date="2026-06-15"))
    with open_store(tmp_path / "s.db") as store:
        # 000 is dated 2026: January at the latest
        store.add([seed_articles()[SEED_IDS[0]]], reader=reuse_reader)
        store.add([seed_articles()[later_id]], reader=lambda arts: [months_on])
        assert store.story_of(later_id) != store.story_of(SEED_IDS[0])
