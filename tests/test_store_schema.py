"""The store's schema: what the migrations build, exactly, on SQLite and PostgreSQL."""

from __future__ import annotations

import sqlite3

import pytest

from storyline.errors import ConfigError
from storyline.store import open_store
from storyline.store.migrations import MIGRATIONS
from tests.store_support import (
    fresh_postgres_db,
    no_postgres,
    postgres_schema,
    postgres_server,
    sqlite_schema,
)

EXPECTED = {
    "_migrations": {
        "columns": ["name TEXT NOT NULL", "checksum TEXT NOT NULL", "applied_at TEXT NOT NULL"],
        "primary_key": ["name"],
        "unique": [],
        "foreign_keys": [],
        "indexes": {},
    },
    "article_bands": {
        "columns": ["band TEXT NOT NULL", "article_id TEXT NOT NULL"],
        "primary_key": ["band", "article_id"],
        "unique": [],
        "foreign_keys": ["article_id -> articles (id)"],
        "indexes": {},
    },
    "articles": {
        "columns": [
            "id TEXT NOT NULL",
            "seq BIGINT NOT NULL",
            "story_id TEXT NOT NULL",
            "copy_of TEXT",
            "url TEXT",
            "text_hash TEXT NOT NULL",
            "source TEXT",
            "published TEXT",
            "title TEXT",
            "path TEXT",
            "text TEXT NOT NULL",
            "signature TEXT NOT NULL",
            "profile TEXT NOT NULL",
            "added_at TEXT NOT NULL",
        ],
        "primary_key": ["id"],
        "unique": [["seq"], ["text_hash"], ["url"]],
        "foreign_keys": ["copy_of -> articles (id)", "story_id -> stories (id)"],
        "indexes": {"articles_copy_of": ["copy_of"], "articles_story": ["story_id"]},
    },
    "changes": {
        "columns": [
            "seq BIGINT NOT NULL",
            "story_id TEXT NOT NULL",
            "at TEXT NOT NULL",
            "article_id TEXT",
            "kind TEXT NOT NULL",
            "claim_key TEXT NOT NULL",
            "verdict_from TEXT",
            "verdict_to TEXT",
            "detail TEXT NOT NULL",
        ],
        "primary_key": ["seq"],
        "unique": [],
        "foreign_keys": ["article_id -> articles (id)", "story_id -> stories (id)"],
        "indexes": {"changes_story": ["story_id", "seq"]},
    },
    "claims": {
        "columns": [
            "story_id TEXT NOT NULL",
            "claim_key TEXT NOT NULL",
            "verdict TEXT NOT NULL",
            "text TEXT NOT NULL",
            "mentions TEXT NOT NULL",
        ],
        "primary_key": ["story_id", "claim_key"],
        "unique": [],
        "foreign_keys": ["story_id -> stories (id)"],
        "indexes": {},
    },
    "conflicts": {
        "columns": [
            "story_id TEXT NOT NULL",
            "claim_key TEXT NOT NULL",
            "kind TEXT NOT NULL",
            "explanation TEXT NOT NULL",
        ],
        "primary_key": ["story_id", "claim_key", "kind"],
        "unique": [],
        "foreign_keys": ["story_id -> stories (id)"],
        "indexes": {},
    },
    "counters": {
        "columns": ["name TEXT NOT NULL", "value BIGINT NOT NULL"],
        "primary_key": ["name"],
        "unique": [],
        "foreign_keys": [],
        "indexes": {},
    },
    "features": {
        "columns": ["feature TEXT NOT NULL", "articles BIGINT NOT NULL", "stories BIGINT NOT NULL"],
        "primary_key": ["feature"],
        "unique": [],
        "foreign_keys": [],
        "indexes": {},
    },
    "readings": {
        "columns": ["article_id TEXT NOT NULL", "version TEXT NOT NULL", "data TEXT NOT NULL"],
        "primary_key": ["article_id"],
        "unique": [],
        "foreign_keys": ["article_id -> articles (id)"],
        "indexes": {},
    },
    "stories": {
        "columns": [
            "id TEXT NOT NULL",
            "seq BIGINT NOT NULL",
            "title TEXT NOT NULL",
            "profile TEXT NOT NULL",
            "size INTEGER NOT NULL",
            "articles INTEGER NOT NULL",
            "last_date TEXT",
            "created_at TEXT NOT NULL",
            "updated_at TEXT NOT NULL",
            "next_claim INTEGER NOT NULL",
            "summary TEXT NOT NULL",
        ],
        "primary_key": ["id"],
        "unique": [["seq"]],
        "foreign_keys": [],
        "indexes": {},
    },
    "story_features": {
        "columns": ["feature TEXT NOT NULL", "story_id TEXT NOT NULL"],
        "primary_key": ["feature", "story_id"],
        "unique": [],
        "foreign_keys": ["story_id -> stories (id)"],
        "indexes": {"story_features_story": ["story_id"]},
    },
}


def test_migrated_sqlite_schema_is_exactly_the_expected_one(tmp_path):
    open_store(tmp_path / "s.db").close()
    with sqlite3.connect(tmp_path / "s.db") as conn:
        assert sqlite_schema(conn) == EXPECTED


def test_migrated_postgres_schema_is_exactly_the_expected_one():
    server, why = postgres_server()
    if server is None:
        no_postgres(why)
    import psycopg

    url = fresh_postgres_db(server)
    open_store(url).close()
    with psycopg.connect(url) as conn:
        assert postgres_schema(conn) == EXPECTED


def test_every_migration_is_recorded_once_even_when_opened_twice(tmp_path):
    open_store(tmp_path / "s.db").close()
    open_store(tmp_path / "s.db").close()
    with sqlite3.connect(tmp_path / "s.db") as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM _migrations ORDER BY name")]
    assert names == [name for name, _ in MIGRATIONS]


def test_a_store_whose_applied_migration_was_edited_is_refused(tmp_path):
    open_store(tmp_path / "s.db").close()
    with sqlite3.connect(tmp_path / "s.db") as conn:
        conn.execute(
            "UPDATE _migrations SET checksum = 'edited' WHERE name = ?", (MIGRATIONS[0][0],)
        )
    with pytest.raises(ConfigError, match="append-only"):
        open_store(tmp_path / "s.db")


def test_a_store_from_a_newer_storyline_is_refused(tmp_path):
    open_store(tmp_path / "s.db").close()
    with sqlite3.connect(tmp_path / "s.db") as conn:
        conn.execute("INSERT INTO _migrations VALUES ('9999_future', 'x', '2030-01-01')")
    with pytest.raises(ConfigError, match="newer storyline"):
        open_store(tmp_path / "s.db")


def test_migration_names_are_unique_and_in_order():
    names = [name for name, _ in MIGRATIONS]
    assert names == sorted(set(names))
