"""The factuality and attribution benchmarks and the public runner, on small slices."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _module(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_factuality_on_a_few_sentences_gives_scores_in_range():
    bench = _module("bench_factuality")
    if not (bench.bench_dir() / "factuality" / "UW" / "test.jsonl").exists():
        pytest.skip("factuality data not present (shared/bench/factuality)")
    result = bench.run(limit=5)
    for prefix in ("uw", "meantime"):
        assert result[f"{prefix}_events"] > 0
        assert 0.0 <= result[f"{prefix}_certainty_accuracy"] <= 1.0
        assert 0.0 <= result[f"{prefix}_mae"] <= 6.0
        assert -1.0 <= result[f"{prefix}_pearson_r"] <= 1.0


def test_factuality_token_ranges_become_character_offsets():
    bench = _module("bench_factuality")
    text = "New evidence is suggesting that the bombings might be related ."
    start, end = bench.char_span(text, 3, 4)
    assert text[start:end] == "suggesting"


def test_factuality_bins_follow_the_readme():
    bench = _module("bench_factuality")
    assert [bench.bin_of(x) for x in (3.0, 2.0, 1.9, -1.9, -2.0)] == [
        "certain",
        "certain",
        "hedged",
        "hedged",
        "negated",
    ]


def test_attribution_on_two_articles_gives_rates():
    bench = _module("bench_attribution")
    if not (bench.data_dir() / "text").is_dir():
        pytest.skip("PolNeAR data not present (shared/bench/attribution/polnear-test)")
    result = bench.run(limit=2)
    assert result["polnear_articles"] == 2
    assert result["polnear_contents"] > 0
    for key in (
        "polnear_attribution_recall",
        "polnear_source_recall",
        "polnear_source_accuracy",
        "polnear_attributed_precision",
    ):
        assert 0.0 <= result[key] <= 1.0, key
    assert result["polnear_attribution_recall"] > 0.0
    # holders only add to what sources attribute
    assert result["polnear_attribution_recall"] >= result["polnear_source_recall"]


def test_brat_discontinuous_spans_and_missing_sources_are_read(tmp_path):
    bench = _module("bench_attribution")
    text = "Smith said taxes, he added, would rise. It was said rates would fall."
    ann = tmp_path / "a_x.ann"
    ann.write_text(
        "T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 11 16;28 38\ttaxes would rise\n"
        "T4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
        "T5\tCue 46 50\tsaid\nT6\tContent 51 67\trates would fall\n"
        "T7\tAttribution-no-source 46 50\tsaid\n"
        "E2\tAttribution-no-source:T7 Cue:T5 Content:T6\n",
        encoding="utf-8",
    )
    gold = bench.read_ann(ann, text)
    assert [(g.content, g.source_text) for g in gold] == [
        (((11, 16), (28, 38)), "Smith"),
        (((51, 67),), ""),
    ]


def test_public_runner_runs_one_benchmark_and_exits_0(capsys):
    runner = _module("public")
    bench = _module("bench_factuality")
    if not (bench.bench_dir() / "factuality" / "UW" / "test.jsonl").exists():
        pytest.skip("factuality data not present (shared/bench/factuality)")
    assert runner.main(["--only", "factuality", "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert "uw_mae: " in out and "(DLGRN .346; always +3 .781)" in out


def test_the_public_runner_reports_ecbplus_or_says_what_it_needs():
    public = _module("public")
    lines = public.run_one("crossdoc", limit=1)
    if lines[0].startswith("crossdoc: skipped"):
        assert "needs" in lines[0] or "data missing" in lines[0]
    else:
        figures = dict(line.split(": ", 1) for line in lines)
        assert "ecbplus_conll_f1" in figures and "ecbplus_lemma_conll_f1" in figures
