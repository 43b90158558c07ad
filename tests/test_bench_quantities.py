"""The NewsQuant benchmark runner: keys and ranges on a small slice (skipped without the data)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_quantities.py"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_quantities", _SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_run_on_30_sentences_gives_scores_in_range():
    bench = _bench()
    if not (bench.bench_dir() / "quantities" / "NewsQuant.json").exists():
        pytest.skip("NewsQuant data not present")
    results = bench.run(limit=30)
    for kind in ("value", "value_unit", "value_change"):
        for measure in ("precision", "recall", "f1"):
            assert 0.0 <= results[f"newsquant_{kind}_{measure}"] <= 100.0
    assert results["newsquant_sentences"] == 30
    assert results["newsquant_value_unit_f1"] <= results["newsquant_value_f1"]
    assert results["newsquant_value_f1"] > 50  # a broken reader scores near 0


def test_units_are_mapped_to_newsquant_names():
    bench = _bench()
    assert [
        bench.gold_style(u)
        for u in ("USD", "percent", "public housing properties", None, "USD per month")
    ] == ["dollar", "percentage", "public housing property", "-", "dollar per month"]
