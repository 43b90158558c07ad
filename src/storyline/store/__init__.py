"""Follow stories as they develop: articles, readings and verdict history in a store.

    >>> from storyline.store import open_store
    >>> with open_store("stories.db") as store:           # or a postgresql:// URL
    ...     result = store.add(read_sources(["examples/jlr-chery"]))
    ...     [s.id for s in store.stories()]
    ['s1']

SQLite by default (one file); the same code runs on PostgreSQL given a URL,
for teams that share one store.
"""

from __future__ import annotations

import os
from pathlib import Path

from storyline.store.db import Db, is_postgres_url
from storyline.store.records import Added, AddResult, Change, Duplicate, StorySummary
from storyline.store.store import NotFound, Store

__all__ = [
    "AddResult",
    "Added",
    "Change",
    "Duplicate",
    "NotFound",
    "Store",
    "StorySummary",
    "default_db",
    "open_store",
]

DB_ENV = "STORYLINE_DB"


def default_db() -> str:
    """Where the store lives when no ``--db`` is given: ``$STORYLINE_DB``, else
    the user's data directory (``$XDG_DATA_HOME/storyline/storyline.db``,
    ``~/.local/share/storyline/storyline.db`` where that is unset)."""
    if env := os.environ.get(DB_ENV):
        return env
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(base) / "storyline" / "storyline.db")


def open_store(url_or_path: str | os.PathLike[str] | None = None) -> Store:
    """Open (and create or upgrade) the store at a SQLite path or a
    ``postgresql://`` URL; None: default_db(). Raises ConfigError where it
    cannot be opened."""
    target = os.fspath(url_or_path) if url_or_path is not None else default_db()
    return Store(Db(target if is_postgres_url(target) else str(Path(target).expanduser())))
