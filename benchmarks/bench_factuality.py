"""UW and MEANTIME factuality: how well storyline grades an event's certainty.

Each target event (a token range of a sentence whose tokens are joined by
spaces) is graded by storyline's own ``grade_span`` (the function behind
``storyline.article.certainty.grade_certainty``) on the sentence's parse, each
distinct sentence parsed once. The value on the datasets' -3..+3 scale for
MAE and Pearson r is the learned model's (``value_span``;
src/storyline/models/certainty.json, trained on the train splits by
train/train_certainty.py) or, without the model, the grade's ``GRADE_VALUE``.
Gold labels are put in three bins (>= 2 certain, <= -2 negated, else hedged)
for accuracy. ``run`` also scores the dev split beside test.

Run: python benchmarks/bench_factuality.py [limit] [split]
"""

from __future__ import annotations

import json
import math
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from storyline.article.certainty import CERTAINTY_MODEL, grade_span, value_span  # noqa: E402
from storyline.article.nlp import load  # noqa: E402

DATASETS = ("UW", "MEANTIME")
# Where each grade sits on the -3..+3 scale. Set on the train and dev splits
# of both datasets pooled (never test): each value is the median gold label
# of the events storyline grades so there (the median minimises MAE), which
# was also the lowest pooled MAE on a 0.1 grid. Before tuning the grader the
# mapping was certain +3, hedged +1, negated -3.
GRADE_VALUE = {"certain": 3.0, "hedged": 1.6, "negated": -1.8}
# Gold label bins for 3-way accuracy (the benchmark README's definition).
CERTAIN_AT, NEGATED_AT = 2.0, -2.0
# Published figures on test (shared/bench/README.md; DLGRN 2022, "check").
PUBLISHED = {
    "uw_mae": "DLGRN .346; always +3 .781",
    "uw_pearson_r": "DLGRN .863",
    "meantime_mae": "DLGRN .279; always +3 .315",
    "meantime_pearson_r": "DLGRN .516",
    "uw_certainty_accuracy": "no published figure",
    "meantime_certainty_accuracy": "no published figure",
}
BATCH_SIZE = 64


def bench_dir() -> Path:
    env = os.environ.get("STORYLINE_BENCH_DIR")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared" / "bench"


def char_span(text: str, first: int, last: int) -> tuple[int, int]:
    """Character offsets of tokens ``first:last`` of a space-joined text."""
    starts, pos = [], 0
    for token in text.split(" "):
        starts.append(pos)
        pos += len(token) + 1
    return starts[first], starts[last - 1] + len(text.split(" ")[last - 1])


def load_split(dataset: str, split: str, limit: int | None = None) -> list[dict]:
    path = bench_dir() / "factuality" / dataset / f"{split}.jsonl"
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                rows.append(json.loads(line))
            if limit is not None and len(rows) >= limit:
                break
    return rows


def bin_of(label: float) -> str:
    return "certain" if label >= CERTAIN_AT else "negated" if label <= NEGATED_AT else "hedged"


def predict(rows: Sequence[dict]) -> list[tuple[str, float, str, dict, float]]:
    """(grade, gold label, sentence, target, value on the -3..+3 scale) for
    every target of ``rows``: the learned model's value where its file is
    installed, else the grade's ``GRADE_VALUE``."""
    texts = list(dict.fromkeys(r["text"] for r in rows))
    docs = dict(zip(texts, load().pipe(texts, batch_size=BATCH_SIZE), strict=False))
    out = []
    for row in rows:
        doc = docs[row["text"]]
        for target in row["targets"]:
            start, end = char_span(row["text"], *target["span1"])
            grade = grade_span(doc, start, end)
            value = value_span(doc, start, end)
            out.append(
                (
                    grade,
                    float(target["label"]),
                    row["text"],
                    target,
                    GRADE_VALUE[grade] if value is None else value,
                )
            )
    return out


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Pearson r; 0.0 where either side is constant (r is undefined there)."""
    n = len(xs)
    if n < 2:
        return 0.0
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=False))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx <= 0 or syy <= 0:
        return 0.0
    return max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))  # rounding can pass 1


def score(graded: Sequence[tuple[str, float, str, dict, float]], prefix: str) -> dict[str, float]:
    values = [v for *_, v in graded]
    gold = [label for _, label, *_ in graded]
    n = max(len(graded), 1)
    return {
        f"{prefix}_certainty_accuracy": sum(g == bin_of(label) for g, label, *_ in graded) / n,
        f"{prefix}_mae": sum(abs(v - y) for v, y in zip(values, gold, strict=False)) / n,
        f"{prefix}_pearson_r": pearson(values, gold),
        f"{prefix}_events": float(len(graded)),
    }


def run(limit: int | None = None, split: str = "test", dev: bool = True) -> dict[str, float]:
    """Scores on ``split`` of both datasets (``limit`` caps sentences per
    dataset) and, with ``dev``, on the dev split beside them, keys
    ``uw_dev_*``: the split the learned model's choices were made on."""
    result: dict[str, float] = {}
    for dataset in DATASETS:
        result.update(score(predict(load_split(dataset, split, limit)), dataset.lower()))
    if dev and split != "dev":
        held_out = _dev_held_out()
        for dataset in DATASETS:
            if dataset in held_out and limit is None:
                # The model file is refitted on train + dev (train/train_certainty.py):
                # its own dev figures are in-sample; the train-only fit's stand instead.
                figures = held_out[dataset]
                prefix = f"{dataset.lower()}_dev"
                result.update({f"{prefix}_{k}": float(v) for k, v in figures.items()})
                continue
            result.update(
                score(predict(load_split(dataset, "dev", limit)), f"{dataset.lower()}_dev")
            )
    return result


def _dev_held_out() -> dict[str, dict[str, float]]:
    """The dev figures ``make train`` measured before refitting on dev, per
    dataset, from the installed model file's meta ({} without one)."""
    from storyline import models

    model = models.load(CERTAINTY_MODEL)
    return dict(model["meta"].get("dev_held_out", {})) if model is not None else {}


def main(argv: Sequence[str]) -> int:
    limit = int(argv[1]) if len(argv) > 1 and argv[1] != "-" else None
    split = argv[2] if len(argv) > 2 else "test"
    began = time.perf_counter()
    result = run(limit, split, dev=False)
    for key, value in result.items():
        anchor = PUBLISHED.get(key)
        print(f"{key}: {value:.3f}" + (f"  ({anchor})" if anchor else ""))
    print(f"seconds: {time.perf_counter() - began:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
