"""The store's schema: named migrations of literal SQL, applied in order, once.

Append-only: a migration that has run somewhere is never edited; change the
schema by adding the next one. Each applied migration is recorded in
``_migrations`` with a checksum of its SQL, and opening a store whose
recorded checksum differs from the code's is refused.

The SQL is the subset SQLite and PostgreSQL read alike: TEXT, INTEGER,
BIGINT and REAL columns, plain indexes, no autoincrement (ids come from the
``counters`` table, inside the writer's transaction). JSON is kept as TEXT.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from storyline.errors import ConfigError
from storyline.store.db import Db

MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "0001_initial",
        """
CREATE TABLE counters (
    name TEXT NOT NULL PRIMARY KEY,
    value BIGINT NOT NULL
);
CREATE TABLE stories (
    id TEXT NOT NULL PRIMARY KEY,
    seq BIGINT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    profile TEXT NOT NULL,
    size INTEGER NOT NULL,
    articles INTEGER NOT NULL,
    last_date TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    next_claim INTEGER NOT NULL,
    summary TEXT NOT NULL
);
CREATE TABLE articles (
    id TEXT NOT NULL PRIMARY KEY,
    seq BIGINT NOT NULL UNIQUE,
    story_id TEXT NOT NULL REFERENCES stories (id),
    copy_of TEXT REFERENCES articles (id),
    url TEXT UNIQUE,
    text_hash TEXT NOT NULL UNIQUE,
    source TEXT,
    published TEXT,
    title TEXT,
    path TEXT,
    text TEXT NOT NULL,
    signature TEXT NOT NULL,
    profile TEXT NOT NULL,
    added_at TEXT NOT NULL
);
CREATE INDEX articles_story ON articles (story_id);
CREATE INDEX articles_copy_of ON articles (copy_of);
CREATE TABLE readings (
    article_id TEXT NOT NULL PRIMARY KEY REFERENCES articles (id),
    version TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE article_bands (
    band TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id),
    PRIMARY KEY (band, article_id)
);
CREATE TABLE features (
    feature TEXT NOT NULL PRIMARY KEY,
    articles BIGINT NOT NULL,
    stories BIGINT NOT NULL
);
CREATE TABLE story_features (
    feature TEXT NOT NULL,
    story_id TEXT NOT NULL REFERENCES stories (id),
    PRIMARY KEY (feature, story_id)
);
CREATE INDEX story_features_story ON story_features (story_id);
CREATE TABLE claims (
    story_id TEXT NOT NULL REFERENCES stories (id),
    claim_key TEXT NOT NULL,
    verdict TEXT NOT NULL,
    text TEXT NOT NULL,
    mentions TEXT NOT NULL,
    PRIMARY KEY (story_id, claim_key)
);
CREATE TABLE conflicts (
    story_id TEXT NOT NULL REFERENCES stories (id),
    claim_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    explanation TEXT NOT NULL,
    PRIMARY KEY (story_id, claim_key, kind)
);
CREATE TABLE changes (
    seq BIGINT NOT NULL PRIMARY KEY,
    story_id TEXT NOT NULL REFERENCES stories (id),
    at TEXT NOT NULL,
    article_id TEXT REFERENCES articles (id),
    kind TEXT NOT NULL,
    claim_key TEXT NOT NULL,
    verdict_from TEXT,
    verdict_to TEXT,
    detail TEXT NOT NULL
);
CREATE INDEX changes_story ON changes (story_id, seq)
""",
    ),
)

_LEDGER = """CREATE TABLE IF NOT EXISTS _migrations (
    name TEXT NOT NULL PRIMARY KEY,
    checksum TEXT NOT NULL,
    applied_at TEXT NOT NULL
)"""


def checksum(sql: str) -> str:
    return hashlib.sha256(sql.strip().encode("utf-8")).hexdigest()[:16]


def statements(sql: str) -> list[str]:
    """The statements of a migration (none of its SQL has a ; inside a literal)."""
    return [s.strip() for s in sql.split(";") if s.strip()]


def migrate(db: Db) -> list[str]:
    """Apply the migrations this store has not had, each in its own
    transaction with its ledger row; returns the names applied."""
    with db.write():
        db.run(_LEDGER)
    applied: list[str] = []
    for name, sql in MIGRATIONS:
        with db.write():  # holds the write lock: a second process waits, then skips
            row = db.one("SELECT checksum FROM _migrations WHERE name = ?", (name,))
            if row is not None:
                if row[0] != checksum(sql):
                    raise ConfigError(
                        f"the store's migration {name} differs from this storyline's "
                        "(migrations are append-only: add a new one instead of editing it)"
                    )
                continue
            for statement in statements(sql):
                db.run(statement)
            now = datetime.now(UTC).isoformat(timespec="seconds")
            db.run(
                "INSERT INTO _migrations (name, checksum, applied_at) VALUES (?, ?, ?)",
                (name, checksum(sql), now),
            )
            applied.append(name)
    known = {name for name, _ in MIGRATIONS}
    newer = [r[0] for r in db.rows("SELECT name FROM _migrations") if r[0] not in known]
    if newer:
        raise ConfigError(
            f"the store was written by a newer storyline (migration {sorted(newer)[-1]}); "
            "upgrade storyline to open it"
        )
    return applied
