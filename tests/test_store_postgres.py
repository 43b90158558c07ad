"""The same store on PostgreSQL: the tests run against a real server ($STORYLINE_TEST_POSTGRES_URL,
which .ci/run starts, or a throwaway one started here), skipped only where none can be started."""

from __future__ import annotations

import threading

import pytest

from storyline.pipeline import build_dossier
from storyline.store import open_store
from tests.store_support import (
    SEED_IDS,
    fresh_postgres_db,
    no_postgres,
    postgres_server,
    reuse_reader,
    seed_articles,
    seed_readings,
    unrelated_file,
)


@pytest.fixture()
def pg_url():
    server, why = postgres_server()
    if server is None:
        no_postgres(why)
    return fresh_postgres_db(server)


def test_one_at_a_time_equals_all_at_once_on_postgres(pg_url):
    with open_store(pg_url) as store:
        for i in reversed(SEED_IDS):
            store.add([seed_articles()[i]], reader=reuse_reader)
        assert [s.id for s in store.stories()] == ["s1"]
        assert store.dossier("s1") == build_dossier(list(seed_readings().values()))
        assert any(c.verdict_to == "disputed" for c in store.changes("s1"))


def test_re_adding_stores_nothing_new_on_postgres(pg_url):
    with open_store(pg_url) as store:
        store.add(list(seed_articles().values()), reader=reuse_reader)
        again = store.add(list(seed_articles().values()), reader=reuse_reader)
    assert (len(again.added), len(again.duplicates)) == (0, 3)


def test_two_writers_at_once_lose_nothing_on_postgres(pg_url):
    from storyline.ingest.files import read_inputs

    other = unrelated_file()
    extra = [a for o in read_inputs([other]) for a in o.articles] if other else []
    articles = list(seed_articles().values()) + extra
    readings = dict(
        zip((a.id for a in articles), reuse_reader(articles), strict=True)
    )  # read before: spaCy is not shared
    errors: list[BaseException] = []

    def add(items):
        try:
            with open_store(pg_url) as store:  # a connection each, as two processes have
                store.add(items, reader=lambda arts: [readings[a.id] for a in arts])
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [
        threading.Thread(target=add, args=(articles,)),
        threading.Thread(target=add, args=(articles[::-1],)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert errors == []
    with open_store(pg_url) as store:
        assert sorted(a["id"] for s in store.stories() for a in store.articles(s.id)) == sorted(
            a.id for a in articles
        )


def test_split_and_merge_on_postgres(pg_url):
    with open_store(pg_url) as store:
        store.add(list(seed_articles().values()), reader=reuse_reader)
        whole = store.dossier("s1")
        new = store.split("s1", [SEED_IDS[0]])
        assert store.story_of(SEED_IDS[0]) == new
        store.merge("s1", new)
        assert store.dossier("s1") == whole
