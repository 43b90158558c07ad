"""`storyline analyze` end to end: formats, bad input, exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env_path = str(ROOT / "src")
    return subprocess.run(
        [sys.executable, "-m", "storyline.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
        env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"},
    )


@pytest.fixture(scope="module")
def story(tmp_path_factory, seed_dir) -> Path:
    """The seed story plus one file of each kind of bad input."""
    d = tmp_path_factory.mktemp("story")
    for f in seed_dir.glob("*.txt"):
        shutil.copy(f, d / f.name)
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (d / "latin1.txt").write_bytes("Le ministre a déclaré que l'usine fermera.".encode("latin-1"))
    (d / "nav.html").write_text(
        "<html><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav></body></html>",
        encoding="utf-8",
    )
    (d / "broken.jsonl").write_text(
        '{"text": "The plant will close next year, the company said."\n', encoding="utf-8"
    )
    return d


@pytest.fixture(scope="module")
def analysed(story, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "dossier.json"
    return run("analyze", str(story), "--format", "json", "--output", str(out)), out


def test_some_bad_inputs_exit_1(analysed):
    assert analysed[0].returncode == 1, analysed[0].stderr


def test_each_bad_input_gets_one_line_naming_it(analysed):
    lines = [
        line
        for line in analysed[0].stderr.splitlines()
        if line.startswith("storyline: ") and "->" not in line
    ]
    named = {
        name
        for name in ("empty.txt", "binary.txt", "latin1.txt", "nav.html", "broken.jsonl")
        if sum(name in line for line in lines) == 1
    }
    assert named == {"empty.txt", "binary.txt", "latin1.txt", "nav.html", "broken.jsonl"}, lines


def test_the_good_articles_are_still_analysed(analysed):
    dossier = json.loads(analysed[1].read_text(encoding="utf-8"))
    assert {d["id"] for d in dossier["documents"]} == {
        "000_64c66f37abeed904.txt",
        "001_82b79b81d5b37816.txt",
        "002_50c374e0f5b8e657.txt",
    }


def test_failures_are_listed_in_the_dossier(analysed):
    dossier = json.loads(analysed[1].read_text(encoding="utf-8"))
    assert len(dossier["failures"]) == 5


def test_nothing_readable_exits_3(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = run("analyze", str(tmp_path / "empty.txt"), "-o", str(tmp_path / "d.json"))
    assert result.returncode == 3 and not (tmp_path / "d.json").exists()


def test_missing_path_is_an_input_error(tmp_path):
    result = run("analyze", str(tmp_path / "nope.txt"))
    assert result.returncode == 3 and "nope.txt" in result.stderr


def test_html_output_is_one_self_contained_page(seed_dir, tmp_path):
    out = tmp_path / "d.html"
    assert run("analyze", str(seed_dir), "-o", str(out)).returncode == 0
    page = out.read_text(encoding="utf-8")
    assert (
        page.lstrip().lower().startswith("<!doctype html")
        and "<script src" not in page
        and "<link" not in page
    )


def test_markdown_output_quotes_the_articles(seed_dir, tmp_path):
    out = tmp_path / "d.md"
    assert run("analyze", str(seed_dir), "--format", "md", "-o", str(out)).returncode == 0
    assert "no deal has been announced" in out.read_text(encoding="utf-8")


def test_unknown_format_is_a_usage_error(seed_dir):
    assert run("analyze", str(seed_dir), "--format", "pdf").returncode == 2
