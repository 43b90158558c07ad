"""The store's subcommands end to end: output, exit codes, report equal to analyze."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from storyline.cli import main
from tests.store_support import SEED, SEED_IDS


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Path:
    """A store holding the seed story, added by the CLI."""
    db = tmp_path_factory.mktemp("cli") / "s.db"
    assert main(["add", str(SEED), "--db", str(db), "--quiet"]) == 0
    return db


def _copy(db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy.db"
    with sqlite3.connect(db) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def test_adding_again_exits_0_and_says_already_stored(seeded, capsys):
    code, out, _ = run(capsys, "add", str(SEED), "--db", str(seeded))
    assert code == 0 and out.count("already stored") == 3


def test_add_with_progress_draws_the_bar_beside_the_lines(seeded, capsys):
    code, out, err = run(capsys, "add", str(SEED), "--db", str(seeded), "--progress")
    assert code == 0 and out.count("already stored") == 3  # stdout as without the bar
    assert "storyline: adding: 100%|" in err and "3/3" in err and "3 already stored" in err


def test_add_with_a_bad_input_exits_1_and_names_it(seeded, capsys, tmp_path):
    code, _, err = run(
        capsys, "add", str(SEED / SEED_IDS[0]), str(tmp_path / "gone.txt"), "--db", str(seeded)
    )
    assert code == 1 and f"{tmp_path / 'gone.txt'}: no such file or folder" in err


def test_add_with_nothing_readable_exits_3(capsys, tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    code, _, err = run(capsys, "add", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "s.db"))
    assert code == 3 and "nothing stored" in err


def test_stories_as_json_lists_the_story(seeded, capsys):
    code, out, _ = run(capsys, "stories", "--db", str(seeded), "--format", "json")
    (story,) = json.loads(out)
    assert code == 0 and (story["id"], story["articles"]) == ("s1", 3)
    assert {"title", "outlets", "last_update", "verdicts", "conflicts"} <= story.keys()


def test_report_writes_the_same_dossier_as_analyze(seeded, capsys, tmp_path):
    code, out, _ = run(capsys, "report", "s1", "--db", str(seeded), "--format", "json")
    assert code == 0
    assert (
        main(["analyze", str(SEED), "--format", "json", "--output", str(tmp_path / "a.json"), "-q"])
        == 0
    )
    analyzed = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    reported = json.loads(out)
    reported_meta, analyzed_meta = reported.pop("meta"), analyzed.pop("meta")
    assert reported_meta["story_id"] == "s1" and analyzed_meta["story_id"] is None
    story_keys = {"story", "story_id", "copies", "claim_keys"}
    made_with = {k: v for k, v in reported_meta.items() if k not in story_keys}
    assert made_with == {k: v for k, v in analyzed_meta.items() if k not in story_keys}
    assert made_with["analyser"] == reported["storyline_version"] and made_with["models"]
    assert reported == analyzed


@pytest.mark.parametrize("fmt,marker", [("md", "# "), ("html", "<!DOCTYPE html>")])
def test_report_writes_markdown_and_html_files(seeded, capsys, tmp_path, fmt, marker):
    target = tmp_path / f"d.{fmt}"
    code, _, _ = run(capsys, "report", "s1", "--db", str(seeded), "--output", str(target))
    assert code == 0 and target.read_text(encoding="utf-8").startswith(marker)


def test_an_unknown_story_exits_2_with_one_line(seeded, capsys):
    code, _, err = run(capsys, "report", "s9", "--db", str(seeded))
    assert code == 2 and err.strip().splitlines() == [
        "storyline: no story 's9' in the store (storyline stories lists them)"
    ]


def test_changes_shows_verdict_moves_with_evidence(seeded, capsys):
    code, out, _ = run(capsys, "changes", "s1", "--db", str(seeded))
    assert code == 0
    move = next(line for line in out.splitlines() if "-> disputed" in line)
    evidence = out.splitlines()[out.splitlines().index(move) + 1]
    assert evidence.strip().startswith(SEED_IDS[2]) and "[negated" in evidence


def test_changes_since_a_later_date_shows_nothing(seeded, capsys):
    code, out, _ = run(
        capsys, "changes", "s1", "--since", "2999-01-01", "--db", str(seeded), "--format", "json"
    )
    assert code == 0 and json.loads(out) == []


def test_split_and_merge_from_the_command_line(seeded, capsys, tmp_path):
    db = str(_copy(seeded, tmp_path))
    code, out, _ = run(capsys, "split", "s1", SEED_IDS[2], "--db", db)
    assert code == 0 and out.strip() == "s2"
    code, out, _ = run(capsys, "merge", "s1", "s2", "--db", db)
    assert code == 0 and out.startswith("merged s2 into s1") and "-> disputed" in out


def test_the_store_defaults_to_STORYLINE_DB(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("STORYLINE_DB", str(tmp_path / "env.db"))
    code, out, _ = run(capsys, "stories")
    assert code == 0 and "no stories yet" in out and (tmp_path / "env.db").exists()


def test_watch_refuses_an_interval_it_cannot_read(capsys, tmp_path):
    code, _, err = run(
        capsys, "watch", "feed.xml", "--every", "soon", "--db", str(tmp_path / "s.db")
    )
    assert code == 2 and "cannot read the interval 'soon'" in err
