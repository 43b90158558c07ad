"""What the store's tests share: the seed story read once, a reader that
reuses those readings, a throwaway PostgreSQL server, and whole-store checks."""

from __future__ import annotations

import atexit
import functools
import glob
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "jlr-chery"
SEED_IDS = ("000_64c66f37abeed904.txt", "001_82b79b81d5b37816.txt", "002_50c374e0f5b8e657.txt")
# An unrelated article from the public attribution benchmark (US politics, 2016).
UNRELATED_DIR = (
    Path(os.environ.get("STORYLINE_BENCH_DIR", ROOT.parent / "shared" / "bench"))
    / "attribution"
    / "polnear-test"
    / "text"
)


@functools.cache
def seed_articles() -> dict:
    from storyline.ingest.files import read_inputs

    return {a.id: a for o in read_inputs([SEED]) for a in o.articles}


@functools.cache
def seed_readings() -> dict:
    from storyline.pipeline import read_articles

    articles = list(seed_articles().values())
    return {a.id: r for a, r in zip(articles, read_articles(articles), strict=True)}


def reuse_reader(articles: Sequence) -> list:
    """A store reader that hands back the seed's readings (read once per
    session) and reads anything else for real."""
    from storyline.pipeline import read_articles

    known = seed_readings()
    fresh = iter(
        read_articles(
            [a for a in articles if a.id not in known or a.text != known[a.id].document.text]
        )
    )
    return [
        known[a.id] if a.id in known and a.text == known[a.id].document.text else next(fresh)
        for a in articles
    ]


def unrelated_file() -> Path | None:
    files = sorted(UNRELATED_DIR.glob("*.txt"))
    return files[0] if files else None


def cli(
    *args: str, cwd: Path | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "storyline.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
        env=cli_env(),
    )


def cli_env() -> dict[str, str]:
    return {
        "PYTHONPATH": str(ROOT / "src"),
        "PATH": "/usr/bin:/bin",
        "HOME": os.environ.get("HOME", "/tmp"),
    }


def whole_store_problems(path: Path) -> list[str]:
    """Why a SQLite store is not whole: integrity, and an article without
    its reading, story, bands or profile (empty: whole)."""
    conn = sqlite3.connect(path)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [f"foreign key: {r}" for r in conn.execute("PRAGMA foreign_key_check")]
        problems += [
            f"no reading: {r[0]}"
            for r in conn.execute(
                "SELECT id FROM articles a WHERE copy_of IS NULL AND NOT EXISTS "
                "(SELECT 1 FROM readings r WHERE r.article_id = a.id)"
            )
        ]
        problems += [
            f"no bands: {r[0]}"
            for r in conn.execute(
                "SELECT id FROM articles a WHERE NOT EXISTS "
                "(SELECT 1 FROM article_bands b WHERE b.article_id = a.id)"
            )
        ]
        problems += [
            f"story without claims: {r[0]}"
            for r in conn.execute(
                "SELECT id FROM stories s WHERE size > 0 AND NOT EXISTS "
                "(SELECT 1 FROM claims c WHERE c.story_id = s.id)"
            )
        ]
        problems += [
            f"story count off: {r[0]}"
            for r in conn.execute(
                "SELECT id FROM stories s WHERE articles != "
                "(SELECT COUNT(*) FROM articles a WHERE a.story_id = s.id)"
            )
        ]
        profiled = conn.execute("SELECT COUNT(*) FROM articles WHERE copy_of IS NULL").fetchone()[0]
        counted = conn.execute("SELECT value FROM counters WHERE name = 'profiled'").fetchone()
        if profiled != (counted[0] if counted else 0):
            problems.append(f"profiled counter {counted} != {profiled} articles")
        return problems
    finally:
        conn.close()


# -- PostgreSQL -------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg_bin() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda d: int(d.split("/")[-2]))
    return Path(dirs[-1]) if dirs and (Path(dirs[-1]) / "initdb").exists() else None


@functools.cache
def postgres_server() -> tuple[str | None, str]:
    """(URL of a PostgreSQL server for the tests, or None; why not). Uses
    $STORYLINE_TEST_POSTGRES_URL, else starts a throwaway server (initdb and
    pg_ctl in a temporary folder, on 127.0.0.1, stopped at exit)."""
    if url := os.environ.get("STORYLINE_TEST_POSTGRES_URL"):
        return url, ""
    bindir = _pg_bin()
    if bindir is None:
        return (
            None,
            "no PostgreSQL server programs (initdb) here; install Debian's postgresql package",
        )
    root = os.geteuid() == 0
    as_user: list[str] = []
    if root:
        if not shutil.which("runuser"):
            return None, "running as root without runuser: cannot start PostgreSQL as another user"
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError:
            return None, "running as root and there is no postgres user to run the server as"
        as_user = ["runuser", "-u", "postgres", "--"]
    base = Path(tempfile.mkdtemp(prefix="storyline-pg-"))
    if root:
        shutil.chown(base, "postgres")
    data, port = base / "data", _free_port()
    try:
        subprocess.run(
            [
                *as_user,
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-A",
                "trust",
                "-U",
                "postgres",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        subprocess.run(
            [
                *as_user,
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(base / "log"),
                "-w",
                "-o",
                f"-k {base} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off",
                "start",
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    except (subprocess.SubprocessError, OSError) as e:
        detail = getattr(e, "stderr", b"") or b""
        return (
            None,
            f"could not start a throwaway PostgreSQL server: {e} "
            f"{detail.decode(errors='replace')[-300:]}",
        )

    def stop() -> None:
        subprocess.run(
            [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(base, ignore_errors=True)

    atexit.register(stop)
    return f"postgresql://postgres@127.0.0.1:{port}/postgres", ""


def fresh_postgres_db(server_url: str) -> str:
    """A new empty database on the server; its URL."""
    import psycopg

    name = f"storyline_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    head, _, _ = server_url.rpartition("/")
    deadline = time.monotonic() + 10
    while True:  # the new database answers at once on a healthy server; this only guards a slow one
        try:
            with psycopg.connect(f"{head}/{name}"):
                return f"{head}/{name}"
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


# -- schema, as both databases describe it -----------------------------------


def sqlite_schema(conn) -> dict:
    """{table: {columns: ["name TYPE [NOT NULL]"], primary_key, unique, foreign_keys, indexes}}."""
    out = {}
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    for t in tables:
        cols = conn.execute(f"PRAGMA table_info({t})").fetchall()
        pk = [c[1] for c in sorted((c for c in cols if c[5]), key=lambda c: c[5])]
        unique, indexes = [], {}
        for _, name, _unique, origin, _ in conn.execute(f"PRAGMA index_list({t})").fetchall():
            names = [r[2] for r in conn.execute(f"PRAGMA index_info({name})").fetchall()]
            if origin == "u":
                unique.append(names)
            elif origin == "c":
                indexes[name] = names
        fks = sorted(
            f"{r[3]} -> {r[2]} ({r[4]})" for r in conn.execute(f"PRAGMA foreign_key_list({t})")
        )
        out[t] = {
            "columns": [f"{c[1]} {c[2].upper()}" + (" NOT NULL" if c[3] else "") for c in cols],
            "primary_key": pk,
            "unique": sorted(unique),
            "foreign_keys": fks,
            "indexes": indexes,
        }
    return out


def postgres_schema(conn) -> dict:
    """The same description, from information_schema and pg_catalog."""
    out = {}
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'public' ORDER BY table_name"
        )
    ]
    for t in tables:
        cols = conn.execute(
            "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
            "WHERE table_schema = 'public' AND table_name = %s ORDER BY ordinal_position",
            (t,),
        ).fetchall()
        cons = conn.execute(
            "SELECT c.contype, array_agg(a.attname ORDER BY k.n), c.conname, "
            "       (SELECT relname FROM pg_class WHERE oid = c.confrelid), "
            "       (SELECT array_agg(a2.attname) FROM unnest(c.confkey) f(x) "
            "        JOIN pg_attribute a2 ON a2.attrelid = c.confrelid AND a2.attnum = f.x) "
            "FROM pg_constraint c CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY k(x, n) "
            "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.x "
            "WHERE c.conrelid = %s::regclass GROUP BY c.contype, c.conname, c.confrelid, c.confkey",
            (t,),
        ).fetchall()
        own = {r[2] for r in cons}
        indexes = {}
        for (name,) in conn.execute(
            "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = %s", (t,)
        ).fetchall():
            if name not in own:
                indexes[name] = [
                    r[0]
                    for r in conn.execute(
                        "SELECT a.attname FROM pg_index i "
                        "CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY k(x, n) "
                        "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.x "
                        "WHERE i.indexrelid = %s::regclass ORDER BY k.n",
                        (name,),
                    ).fetchall()
                ]
        out[t] = {
            "columns": [
                f"{c} {d.upper()}" + (" NOT NULL" if n == "NO" else "") for c, d, n in cols
            ],
            "primary_key": next((list(r[1]) for r in cons if r[0] == "p"), []),
            "unique": sorted(list(r[1]) for r in cons if r[0] == "u"),
            "foreign_keys": sorted(f"{r[1][0]} -> {r[3]} ({r[4][0]})" for r in cons if r[0] == "f"),
            "indexes": indexes,
        }
    return out


def no_postgres(why: str) -> None:
    """Skip a PostgreSQL test where no server can be had; in CI, whose
    .ci/run starts one, fail instead: a skip there would hide a broken setup."""
    import pytest

    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL tests: no server in CI: {why}")
    pytest.skip(f"PostgreSQL tests skipped: {why}")
