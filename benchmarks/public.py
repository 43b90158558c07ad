"""Run storyline's public benchmarks and print each figure beside the field's.

    python benchmarks/public.py [--only time|quantities|factuality|attribution|crossdoc]
                                [--limit N]

Each benchmark is a module of this folder with ``run(limit=None) -> dict``:
TempEval-3 (dates), NewsQuant (figures), UW and MEANTIME factuality
(certainty), PolNeAR (attribution) and ECB+ (cross-document event
coreference; needs the packages bench_crossdoc.py names, else it is
reported skipped); data in ``shared/bench`` (or
``$STORYLINE_BENCH_DIR``). A module or a data set that is missing is
reported on a line of its own and skipped; the runner always exits 0.
Published figures are from shared/bench/README.md.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent

# name -> (module, decimals its figures are printed with)
BENCHMARKS = {
    "time": ("bench_time", 1),
    "quantities": ("bench_quantities", 1),
    "factuality": ("bench_factuality", 3),
    "attribution": ("bench_attribution", 3),
    "crossdoc": ("bench_crossdoc", 1),
}

# The published figure beside each of ours (TempEval and NewsQuant figures are
# percentages; factuality MAE/r and PolNeAR rates are fractions).
ANCHORS = {
    "tempeval_value_f1": "HeidelTime 77.6; SUTime 67.4",
    "tempeval_extent_f1": "HeidelTime relaxed 90.3",
    "newsquant_value_f1": "CQE 92.0; quantulum3 73.0; GPT-3 70.6",
    "newsquant_value_unit_f1": "CQE 85.6; quantulum3 47.2; GPT-3 59.1",
    "newsquant_value_change_f1": "CQE 88.1",
    "uw_mae": "DLGRN .346; always +3 .781",
    "uw_pearson_r": "DLGRN .863",
    "meantime_mae": "DLGRN .279; always +3 .315",
    "meantime_pearson_r": "DLGRN .516",
    "polnear_attribution_recall": "inter-annotator agreement .754; target >= .75",
    "ecbplus_lemma_conll_f1": "same-lemma baseline; published 76.3",
    "ecbplus_gain_over_lemma": "target >= 5",
    "polnear_source_recall": "sources alone, holders not counted (article/holders.py)",
    "polnear_source_accuracy": "inter-annotator agreement .754",
    # Dev splits, beside test: the learned models' choices were made there
    # (train/*.py), so a gap between dev and test shows how far they carry.
    "uw_dev_pearson_r": "dev: model choices made here, by the train-only fit",
    "meantime_dev_pearson_r": "dev: model choices made here, by the train-only fit",
    "polnear_dev_attribution_recall": "dev: carry-over and holder thresholds chosen here",
}


def run_one(name: str, limit: int | None) -> list[str]:
    """Lines for one benchmark: its figures, or why it was skipped."""
    module_name, decimals = BENCHMARKS[name]
    if not (HERE / f"{module_name}.py").exists():
        return [f"{name}: skipped (benchmarks/{module_name}.py is missing)"]
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    module = importlib.import_module(module_name)
    began = time.perf_counter()
    try:
        results = module.run(limit=limit)
    except FileNotFoundError as exc:
        return [f"{name}: skipped (data missing: {exc})"]
    except ImportError as exc:
        # ECB+ needs an embedder and a scorer storyline does not depend on
        return [f"{name}: skipped (needs {exc.name}; see benchmarks/{module_name}.py)"]
    lines = []
    for key, value in results.items():
        anchor = ANCHORS.get(key)
        lines.append(f"{key}: {value:.{decimals}f}" + (f"  ({anchor})" if anchor else ""))
    lines.append(f"{name}_seconds: {time.perf_counter() - began:.1f}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(BENCHMARKS), help="run one benchmark")
    parser.add_argument(
        "--limit",
        type=int,
        default=None,
        help="items per benchmark (documents, sentences or articles)",
    )
    args = parser.parse_args(argv)
    for name in [args.only] if args.only else list(BENCHMARKS):
        for line in run_one(name, args.limit):
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
