"""Train storyline's pairwise event matcher on ECB+ and write it as a small JSON file.

The logistic regression over ``pair_features`` (benchmarks/bench_crossdoc.py) is fitted on all
within-subtopic mention pairs of the ECB+ train topics (fixed seed); the clustering threshold and
the starting partition (singletons, or the same-lemma clusters) are chosen on the dev topics.
The test topics are not read here.

Run: python train/train_matcher.py OUT.json [--cache ecb.pkl] [--C 1.0]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import bench_crossdoc as bc  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path, help="where to write the model (JSON)")
    ap.add_argument("--cache", type=Path, help="pickle of the annotated, embedded mentions")
    ap.add_argument("--C", type=float, default=1.0, help="inverse L2 strength")
    args = ap.parse_args(argv)

    sp = bc.splits(bc.prepare(args.cache))
    model, info = bc.train_pair_model(sp["train"], C=args.C)
    print(f"train_pairs: {info['pairs']}")
    print(f"train_positive_pairs: {info['positive']}")
    for name, w in info["standardised_weights"].items():
        print(f"weight_{name}: {w:+.3f}")
    model, grid = bc.choose_threshold(model, sp["dev"])
    for f1, t, init in sorted(grid, key=lambda g: (g[2], g[1])):
        print(f"dev_grid_{init}_{t:.2f}: {f1:.1f}")
    print(f"threshold: {model.threshold}")
    print(f"init: {model.init}")
    bc.print_scores("ecbplus_dev_lemma", bc.score(sp["dev"], bc.cluster_lemma(sp["dev"])))
    bc.print_scores("ecbplus_dev", bc.score(sp["dev"], bc.cluster_matcher(sp["dev"], model)))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(model.to_json() + "\n")
    print(f"model: {args.out}")


if __name__ == "__main__":
    sys.exit(main())
