"""benchmarks/store_growth.py runs and reports in `name: value` lines."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.store_support import ROOT, cli_env


def test_the_store_growth_benchmark_runs_small_and_prints_its_figures(tmp_path):
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "store_growth.py"),
            "--max",
            "60",
            "--window",
            "10",
            "--db",
            str(tmp_path / "g.db"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=cli_env(),
    )
    assert out.returncode == 0, out.stderr
    figures = dict(line.split(": ", 1) for line in out.stdout.splitlines())
    assert {"add_ms_at_6", "add_ms_at_60", "total_s_60", "growth_ratio"} <= figures.keys()
    assert figures["articles"] == "60" and int(figures["stories"]) >= 2
    assert all(re.fullmatch(r"[\d.]+( \(.*\))?", v) for v in figures.values())
