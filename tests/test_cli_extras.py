"""A command whose extra is not installed says which one, in one line, and exits 2."""

from __future__ import annotations

import subprocess
import sys

import pytest

from storyline.cli.common import EXIT_USAGE, MissingExtra, needs_extra

from .batch_support import ROOT, SEED


def without(modules: tuple[str, ...], *args: str) -> subprocess.CompletedProcess[str]:
    """`storyline ARGS` in a fresh interpreter where ``modules`` cannot be imported
    (None in sys.modules: what Python does for a module that is not installed)."""
    code = (
        "import sys\n"
        f"for m in {modules!r}: sys.modules[m] = None\n"
        "from storyline.cli import main\n"
        f"sys.exit(main({list(args)!r}))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )


def test_serve_without_the_web_extra_names_it(tmp_path):
    done = without(("starlette",), "serve", "--db", str(tmp_path / "s.db"))
    assert done.returncode == EXIT_USAGE
    assert done.stderr == "storyline: serve needs the web extra: pip install 'storyline[web]'\n"
    assert not (tmp_path / "s.db").exists()


def test_batch_without_the_batch_extra_names_it_before_reading(tmp_path):
    done = without(("pyarrow",), "batch", str(SEED), "--output", str(tmp_path / "out"))
    assert done.returncode == EXIT_USAGE
    assert done.stderr == (
        "storyline: batch needs the batch extra: pip install 'storyline[batch]'\n"
    )
    assert not (tmp_path / "out").exists()


def test_a_postgresql_store_without_the_postgres_extra_names_it():
    done = without(("psycopg",), "stories", "--db", "postgresql://127.0.0.1:1/none")
    assert done.returncode == EXIT_USAGE
    assert done.stderr == (
        "storyline: stories needs the postgres extra: pip install 'storyline[postgres]'\n"
    )


def test_other_import_errors_are_not_taken_for_a_missing_extra():
    with pytest.raises(ModuleNotFoundError), needs_extra("serve", "web"):
        raise ModuleNotFoundError("No module named 'storyline.nowhere'", name="storyline.nowhere")
    with pytest.raises(MissingExtra), needs_extra("serve", "web"):
        raise ModuleNotFoundError("No module named 'jinja2'", name="jinja2")
