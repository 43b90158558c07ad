"""--top N: a reader's short version of the dossier, most important claims only."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

SEED = "examples/jlr-chery"


def _analyze(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "storyline.cli", "analyze", SEED, *args],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.slow
def test_top_keeps_the_first_claims_and_says_how_many_were_left_out():
    whole = json.loads(_analyze("--format", "json").stdout)
    short = json.loads(_analyze("--format", "json", "--top", "3").stdout)
    assert [c["text"] for c in short["claims"]] == [c["text"] for c in whole["claims"][:3]]
    assert short["meta"]["claims_left_out"] == len(whole["claims"]) - 3
    kept = {c["id"] for c in short["claims"]}
    assert all(c["claim"] in kept for c in short["conflicts"])


def test_top_must_be_a_count():
    done = _analyze("--top", "-1")
    assert done.returncode == 2
    assert "must be 0 or more" in done.stderr
