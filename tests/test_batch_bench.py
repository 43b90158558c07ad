"""benchmarks/batch_speed.py runs and prints every figure it promises."""

from __future__ import annotations

import os
import subprocess
import sys

from .batch_support import ROOT

NAMES = [
    "floor_articles_per_s",
    "single_articles_per_s",
    "jobs2_articles_per_s",
    "peak_mb_1x",
    "peak_mb_10x",
    "single_vs_floor",
    "jobs2_vs_single",
]


def test_the_benchmark_prints_its_figures_on_a_tiny_corpus(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "STORYLINE_BENCH_DIR": str(tmp_path)}
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "batch_speed.py"),
            "--articles",
            "3",
            "--scale",
            "2",
            "--repeat",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    figures = dict(line.split(": ", 1) for line in done.stdout.splitlines())
    for name in NAMES:
        assert float(figures[name]) > 0, name
    assert figures["jobs2_same_stories"] == "true"
    assert figures["articles_10x"] == "6"
