"""One small face over SQLite and PostgreSQL: the store's SQL runs on both.

SQL is written once with ``?`` placeholders; for PostgreSQL they become
``%s``. Writers take the whole store in turn (SQLite ``BEGIN IMMEDIATE``,
PostgreSQL a transaction-scoped advisory lock), so two processes adding at
once queue instead of failing or losing rows; readers never wait.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from storyline.errors import ConfigError

# How long a writer waits for another process's transaction before giving
# up. One article's transaction takes milliseconds; a minute covers a
# neighbour that is merging two large stories.
BUSY_TIMEOUT_S = 60
# Any fixed number: the key of the advisory lock PostgreSQL writers queue on.
_PG_WRITE_LOCK = 7_164_115_093
# SQLite's limit on ? parameters in one statement is 32,766; IN lists are
# cut well below it.
IN_CHUNK = 500

Row = tuple[Any, ...]


def is_postgres_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


class Db:
    """A connection to SQLite or PostgreSQL with the few operations the store uses."""

    def __init__(self, target: str) -> None:
        self.postgres = is_postgres_url(target)
        self.target = target
        if self.postgres:
            self._conn: Any = _connect_postgres(target)
        else:
            self._conn = _connect_sqlite(target)
        self.writing = False

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.postgres else sql

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return [tuple(r) for r in self._conn.execute(self._sql(sql), tuple(params)).fetchall()]

    def one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        row = self._conn.execute(self._sql(sql), tuple(params)).fetchone()
        return tuple(row) if row is not None else None

    def run(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._conn.execute(self._sql(sql), tuple(params))

    def run_many(self, sql: str, params: Sequence[Sequence[Any]]) -> None:
        if not params:
            return
        if self.postgres:
            with self._conn.cursor() as cur:
                cur.executemany(self._sql(sql), [tuple(p) for p in params])
        else:
            self._conn.executemany(sql, [tuple(p) for p in params])

    def rows_in(self, sql: str, values: Sequence[Any], params: Sequence[Any] = ()) -> list[Row]:
        """``sql`` with one ``IN ({})`` filled with ``values``, in chunks;
        ``params`` go before the list's."""
        out: list[Row] = []
        values = list(values)
        for i in range(0, len(values), IN_CHUNK):
            chunk = values[i : i + IN_CHUNK]
            out.extend(self.rows(sql.format(",".join("?" * len(chunk))), [*params, *chunk]))
        return out

    @contextmanager
    def write(self) -> Iterator[None]:
        """A transaction that holds the store's write lock until it commits;
        anything raised inside (Ctrl-C included) rolls it back whole."""
        if self.postgres:
            with self._conn.transaction():
                self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_PG_WRITE_LOCK,))
                self.writing = True
                try:
                    yield
                finally:
                    self.writing = False
            return
        self._conn.execute("BEGIN IMMEDIATE")
        self.writing = True
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        else:
            self._conn.execute("COMMIT")
        finally:
            self.writing = False

    @contextmanager
    def read(self) -> Iterator[None]:
        """A transaction that sees one state of the store throughout."""
        if self.writing:  # already inside a write: it sees its own state
            yield
            return
        if self.postgres:
            with self._conn.transaction():
                self._conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                yield
            return
        self._conn.execute("BEGIN")
        try:
            yield
        finally:
            self._conn.execute("COMMIT")

    def close(self) -> None:
        self._conn.close()


def _switch_to_wal(conn: sqlite3.Connection) -> None:
    """PRAGMA journal_mode=WAL, waiting out a neighbour: switching the
    journal mode takes the file whole, and SQLite reports "database is
    locked" at once, not through the busy timeout, while another process
    opening the same new store holds it (two `storyline add` at once)."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _connect_sqlite(path: str) -> sqlite3.Connection:
    if path != ":memory:":
        Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
    try:
        # isolation_level=None: transactions are begun and ended by hand, above.
        conn = sqlite3.connect(
            str(Path(path).expanduser()) if path != ":memory:" else path,
            timeout=BUSY_TIMEOUT_S,
            isolation_level=None,
            check_same_thread=False,
        )
        # WAL: readers never block the writer nor it them, and a killed
        # writer leaves the last committed state. NORMAL is durable in WAL
        # against a crashed process (only a power cut can lose the last commit).
        _switch_to_wal(conn)
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
    except sqlite3.DatabaseError as e:
        raise ConfigError(f"cannot open the store {path}: {e}") from None
    return conn


def _connect_postgres(url: str) -> Any:
    try:
        import psycopg  # optional: only a PostgreSQL store needs it
    except ImportError:  # pragma: no cover - install problem
        raise ConfigError(
            "a PostgreSQL store needs the psycopg package: pip install 'psycopg[binary]'"
        ) from None
    try:
        return psycopg.connect(url, autocommit=True, connect_timeout=10)
    except psycopg.Error as e:
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise ConfigError(f"cannot connect to the PostgreSQL store: {first}") from None
