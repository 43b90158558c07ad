"""`storyline batch` on the command line: exit codes, progress, summary."""

from __future__ import annotations

import json
import subprocess
import sys

from .batch_support import ROOT, SEED, corpus_folder


def batch(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "storyline.cli", "batch", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )


def test_a_failed_input_exits_1_after_the_bar_and_the_summary(tmp_path):
    folder = corpus_folder(tmp_path / "corpus")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    done = batch(str(folder), "--output", str(tmp_path / "out"), "--progress")
    assert done.returncode == 1, done.stderr
    # tqdm's bar: the phase, the share done, and the failure beside the count
    assert "storyline: reading: 100%|" in done.stderr and "1 failed]" in done.stderr
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert f"{summary['stories']} stories" in done.stderr.splitlines()[-2]
    assert done.stderr.splitlines()[-1].endswith("/failures.jsonl")


def test_a_scheduler_without_the_dask_engine_is_misuse(tmp_path):
    done = batch(
        str(SEED), "--output", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:8786"
    )
    assert done.returncode == 2
    assert done.stderr == "storyline: a scheduler address is for --engine dask\n"
