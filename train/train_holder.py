"""Train storyline's holder model: src/storyline/models/holder.json.

    python train/train_holder.py [--polnear DIR] [--train-articles N] [--out FILE]

Data: PolNeAR (Newell, Margolin and Ruths, LREC 2018;
github.com/networkdynamics/PolNeAR), ``data/train`` for fitting and
``data/dev`` for the choices; the test split (shared/bench/attribution/
polnear-test) is never read here. DIR as for train/train_attribution.py.

Each article is read by storyline's own pipeline, rules and carry-over on and
holders off, so the examples are the clauses the article tells in its own
voice, each with its verb's subject (storyline.article.holders). The label
says whether the clause lies in a gold Content whose gold Source is that
subject (the benchmark's own test). A logistic regression (fixed seed) is
fitted on train; on dev, C and the threshold are the pair with the best dev
attribution recall (a source or a holder) that keeps attributed precision at
or above MIN_PRECISION and costs at most MAX_SOURCE_ACCURACY_LOSS of source
accuracy, the same bar as the carry-over's. Prints the dev figures.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "train"))

import bench_attribution as bench  # noqa: E402
from train_attribution import choose_on_dev, load_split, recorded, write_linear  # noqa: E402

from storyline.article import carry, holders  # noqa: E402
from storyline.model import Article, Mention  # noqa: E402

# All 840 train articles (~3 minutes to read): the holder has few features
# per clause and needs the verbs; on dev all 840 give recall 0.775 at
# precision 0.904 against 0.765 at 0.900 with the first 200.
TRAIN_ARTICLES = 0
THRESHOLDS = tuple(round(0.30 + 0.05 * k, 2) for k in range(9))

Record = tuple[str, tuple[Mention, ...], list[carry.Candidate | None], list]
Row = tuple[int, int, Mention, list[str], bool]


def read(items: list[tuple[Article, list]]) -> list[Record]:
    """(text, mentions without holders, each mention's subject, gold) per article."""
    return recorded(items, holders, "holder")


def rows(docs: list[Record]) -> list[Row]:
    """(article, mention index, the mention held, features, label)."""
    out: list[Row] = []
    for a, (text, mentions, subjects, gold) in enumerate(docs):
        quoted = carry.quotations(text)
        for i, (m, subj) in enumerate(zip(mentions, subjects, strict=True)):
            if m.source is not None or subj is None:
                continue
            mh = subj.as_holder(m)
            label = any(
                g.source
                and bench._overlap((m.start, m.end), g.content) > 0
                and bench.source_matches(mh, g)
                for g in gold
            )
            out.append((a, i, mh, carry.features(text, quoted, mentions, i, subj), label))
    return out


def dev_scores(docs: list[Record], dev: list[Row], probs, threshold: float) -> dict[str, float]:
    chosen = {(a, i): mh for (a, i, mh, _, _), p in zip(dev, probs, strict=True) if p >= threshold}
    pairs = [
        ([chosen.get((a, i), m) for i, m in enumerate(mentions)], gold)
        for a, (_, mentions, _, gold) in enumerate(docs)
    ]
    return bench.score(pairs)


def _show(label: str, s: dict[str, float]) -> None:
    print(
        f"holder dev, {label}: recall {s['polnear_attribution_recall']:.3f} "
        f"(sources alone {s['polnear_source_recall']:.3f})  "
        f"source accuracy {s['polnear_source_accuracy']:.3f}  "
        f"precision {s['polnear_attributed_precision']:.3f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(os.environ.get("POLNEAR_DIR", ROOT / "data" / "polnear"))
    parser.add_argument("--polnear", type=Path, default=default)
    parser.add_argument("--train-articles", type=int, default=TRAIN_ARTICLES)
    parser.add_argument("--out", type=Path, default=ROOT / "src/storyline/models/holder.json")
    args = parser.parse_args()
    if not (args.polnear / "data" / "train" / "text").is_dir():
        print(f"holder: PolNeAR not found at {args.polnear} (run make polnear)")
        return 1
    train_docs = read(load_split(args.polnear, "train", args.train_articles or None))  # 0: all
    dev_docs = read(load_split(args.polnear, "dev", None))
    train, dev = rows(train_docs), rows(dev_docs)
    print(
        f"holder: {len(train)} train clauses ({sum(r[4] for r in train)} held), "
        f"{len(dev)} dev clauses"
    )
    vec = DictVectorizer()
    x_tr = vec.fit_transform([{f: 1 for f in r[3]} for r in train])
    x_dev = vec.transform([{f: 1 for f in r[3]} for r in dev])
    y_tr = np.array([r[4] for r in train])
    base = bench.score([(m, g) for _, m, _, g in dev_docs])
    _show("without holders", base)
    chosen = choose_on_dev(
        x_tr,
        y_tr,
        x_dev,
        THRESHOLDS,
        lambda probs, t: dev_scores(dev_docs, dev, probs, t),
        base,
        max_iter=3000,
    )
    if chosen is None:
        print("holder: no threshold keeps dev precision and source accuracy; model not written")
        return 1
    c, t, s, clf = chosen
    print(f"holder: chose C={c} threshold={t}")
    _show("with holders", s)
    meta = {
        "train_articles": len(train_docs),
        "C": c,
        "threshold": t,
        "script": "train/train_holder.py",
    }
    write_linear(args.out, vec, clf, meta, "holder")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
