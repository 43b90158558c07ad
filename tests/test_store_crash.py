"""The store survives what processes do to it: a kill mid-batch, two writers at once."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.store_support import SEED, UNRELATED_DIR, cli_env, whole_store_problems


def _articles(folder: Path, files: list[Path]) -> Path:
    folder.mkdir()
    for f in files:
        shutil.copy(f, folder / f.name)
    return folder


def _corpus(n: int) -> list[Path]:
    # the seed story, then the benchmark's shortest articles: the tests wait on their reading
    files = sorted(SEED.glob("*.txt")) + sorted(
        UNRELATED_DIR.glob("*.txt"), key=lambda f: (f.stat().st_size, f.name)
    )
    if len(files) < n:
        pytest.skip("the public attribution benchmark (shared/bench) is not here")
    return files[:n]


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def _add(db: Path, *inputs: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "storyline.cli",
            "add",
            *map(str, inputs),
            "--db",
            str(db),
            "--quiet",
        ],
        env=cli_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_a_killed_add_leaves_every_article_whole_or_absent(tmp_path):
    folder = _articles(tmp_path / "in", _corpus(20))
    db = tmp_path / "s.db"
    proc = _add(db, folder)
    deadline = time.monotonic() + 240
    while _stored(db) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = _stored(db)
    assert 2 <= stored < 20, "the kill must land mid-batch"
    assert whole_store_problems(db) == []
    # and a later add knows what is in: the stored articles are not read again
    with sqlite3.connect(db) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
    again = subprocess.run(
        [
            sys.executable,
            "-m",
            "storyline.cli",
            "add",
            *(str(folder / i) for i in ids),
            "--db",
            str(db),
        ],
        env=cli_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert again.returncode == 0, again.stderr
    assert again.stdout.count("already stored") == stored


def test_two_processes_adding_at_once_lose_nothing(tmp_path):
    files = _corpus(9)
    both = _articles(tmp_path / "both", files[:3])  # both add the seed story: each article once
    first = _articles(tmp_path / "first", files[3:6])
    second = _articles(tmp_path / "second", files[6:9])
    db = tmp_path / "s.db"
    procs = [_add(db, both, first), _add(db, second, both)]
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()
    with sqlite3.connect(db) as conn:
        ids = sorted(r[0] for r in conn.execute("SELECT id FROM articles"))
    assert ids == sorted(f.name for f in files)
    assert whole_store_problems(db) == []
