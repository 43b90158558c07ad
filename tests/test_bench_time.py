"""The TempEval-3 runner on a small slice: it runs and its figures are percentages."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_time.py"


def _module():
    spec = importlib.util.spec_from_file_location("bench_time", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_run_on_two_files_gives_percentages():
    bench = _module()
    if not (bench.bench_dir() / "time" / "te3-platinum").is_dir():
        pytest.skip("TempEval-3 data not present")
    result = bench.run(limit=2)
    assert result["tempeval_files"] == 2
    for key in (
        "tempeval_value_f1",
        "tempeval_value_precision",
        "tempeval_value_recall",
        "tempeval_extent_f1",
        "tempeval_date_value_f1",
        "tempeval_date_extent_f1",
        "tempeval_timeline_value_f1",
    ):
        assert 0.0 <= result[key] <= 100.0, key
    assert result["tempeval_extent_f1"] >= result["tempeval_value_f1"]
    assert result["tempeval_date_value_f1"] > 0.0


def test_read_tml_keeps_gold_offsets_on_the_plain_text(tmp_path):
    bench = _module()
    tml = tmp_path / "x.tml"
    tml.write_text(
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22">March 22, 2013</TIMEX3></DCT>'
        '<TEXT>AT&amp;T said <TIMEX3 tid="t1" type="DATE" value="2013-03-21">Thursday</TIMEX3>.'
        "</TEXT></TimeML>",
        encoding="utf-8",
    )
    text, reference, gold = bench.read_tml(tml)
    assert reference == "2013-03-22"
    assert [(text[s:e], v) for s, e, _, v in gold] == [("Thursday", "2013-03-21")]


def test_misses_name_the_gold_that_was_not_valued(capsys):
    bench = _module()
    text = "He served 90 days. It rained."
    gold = [(10, 17, "DURATION", "P90D"), (22, 28, "DATE", "2013-03-22")]
    found = bench.find_time_expressions(text, "2013-03-22")
    bench._print_misses("x.tml", text, found, gold)
    out = capsys.readouterr().out
    assert "missed DATE 'rained'" in out and "90 days" not in out
