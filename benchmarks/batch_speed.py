"""How fast `storyline batch` reads, on one and two cores, and whether its memory stays flat.

    python benchmarks/batch_speed.py [--articles N] [--scale K] [--repeat R]

Prints `name: value` lines, all from one run on one corpus:

- floor_articles_per_s: the bare spaCy pipeline (nlp.pipe) over the texts,
  model loaded: the floor of what reading can cost;
- single_articles_per_s, jobs2_articles_per_s: `storyline batch --jobs 1`
  and `--jobs 2` over the same N articles as a JSON Lines file, wall clock
  of the whole command (start-up, model loading, stories and tables included);
  each speed is the best of --repeat runs (2), the usual guard against
  other work on the machine slowing one run;
- peak_mb_1x, peak_mb_10x: peak resident memory of `storyline batch --jobs 1`
  on N and on K x N articles (N = 100 and K = 10 by default; the 1x figure
  is the single runs').

The corpus is real news text: the PolNeAR test articles in shared/bench
(STORYLINE_BENCH_DIR overrides where; without them, the example story
alone), repeated to N articles. Each round of repeats is dated 60 days
after the one before, so the rounds fall in separate stories as a
long-running feed's days do: a bigger corpus has more stories, not bigger ones.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.article.nlp import BATCH_SIZE, load  # noqa: E402

# Days between rounds of repeats: more than stories.WINDOW_DAYS, so a story
# never takes in the next round's copy of its articles.
ROUND_DAYS = 60
FIRST_DAY = date(2024, 1, 1)


def texts() -> list[str]:
    bench = Path(os.environ.get("STORYLINE_BENCH_DIR", ROOT.parent / "shared" / "bench"))
    files = sorted((bench / "attribution" / "polnear-test" / "text").glob("*.txt"))
    files += sorted((ROOT / "examples" / "jlr-chery").glob("*.txt"))
    return [f.read_text(encoding="utf-8") for f in files]


def write_corpus(path: Path, n: int, pool: list[str]) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            day = FIRST_DAY + timedelta(days=ROUND_DAYS * (i // len(pool)))
            record = {"id": f"a{i:06d}", "date": day.isoformat(), "text": pool[i % len(pool)]}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def batch(corpus: Path, out: Path, jobs: int) -> tuple[float, float]:
    """Runs `storyline batch` in a child process: (wall seconds, peak MB of the child)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cmd = [
        sys.executable,
        "-m",
        "storyline.cli",
        "batch",
        str(corpus),
        "-o",
        str(out),
        "--jobs",
        str(jobs),
        "--quiet",
    ]
    start = time.perf_counter()
    child = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)  # this child's own peak, not the largest so far
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    errors = child.stderr.read().decode() if child.stderr else ""
    if child.returncode not in (0, 1):
        raise SystemExit(f"storyline batch failed ({child.returncode}):\n{errors}")
    return seconds, usage.ru_maxrss / 1024


def same_stories(a: Path, b: Path) -> bool:
    names = sorted(p.name for p in (a / "stories").iterdir())
    return names == sorted(p.name for p in (b / "stories").iterdir()) and all(
        (a / "stories" / n).read_bytes() == (b / "stories" / n).read_bytes() for n in names
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--articles", type=int, default=100, help="articles in the corpus (default 100)"
    )
    ap.add_argument(
        "--scale",
        type=int,
        default=10,
        help="the larger corpus for memory, in corpora (default 10)",
    )
    ap.add_argument(
        "--repeat",
        type=int,
        default=2,
        help="runs of each speed measurement; the fastest counts (default 2)",
    )
    args = ap.parse_args()
    pool = texts()
    corpus_texts = [pool[i % len(pool)] for i in range(args.articles)]
    words = sum(len(t.split()) for t in corpus_texts)

    nlp = load()
    list(nlp.pipe(corpus_texts[:5]))  # warm up

    def floor_run() -> float:
        start = time.perf_counter()
        for _ in nlp.pipe(corpus_texts, batch_size=BATCH_SIZE):
            pass
        return time.perf_counter() - start

    with tempfile.TemporaryDirectory(prefix="storyline-batch-bench-") as tmp:
        work = Path(tmp)
        small, large = work / "corpus.jsonl", work / "corpus10.jsonl"
        write_corpus(small, args.articles, pool)
        write_corpus(large, args.articles * args.scale, pool)
        floor_s: list[float] = []
        single: list[tuple[float, float]] = []  # (seconds, peak MB) of each run
        jobs2: list[tuple[float, float]] = []
        for k in range(args.repeat):  # interleaved, so a busy spell does not hit one kind only
            floor_s.append(floor_run())
            single.append(batch(small, work / f"single{k}", 1))
            jobs2.append(batch(small, work / f"jobs2{k}", 2))
        _, peak_10x = batch(large, work / "large", 1)
        same = same_stories(work / "single0", work / "jobs20")

    floor = args.articles / min(floor_s)
    single_rate = args.articles / min(s for s, _ in single)
    jobs2_rate = args.articles / min(s for s, _ in jobs2)
    peak_1x = max(peak for _, peak in single)
    print(f"articles: {args.articles}")
    print(f"articles_10x: {args.articles * args.scale}")
    print(f"words_per_article: {words / args.articles:.0f}")
    print(f"floor_articles_per_s: {floor:.2f}")
    print(f"single_articles_per_s: {single_rate:.2f}")
    print(f"jobs2_articles_per_s: {jobs2_rate:.2f}")
    print(f"single_vs_floor: {single_rate / floor:.2f}")
    print(f"jobs2_vs_single: {jobs2_rate / single_rate:.2f}")
    print(f"jobs2_same_stories: {str(same).lower()}")
    print(f"peak_mb_1x: {peak_1x:.0f}")
    print(f"peak_mb_10x: {peak_10x:.0f}")
    print(f"peak_10x_vs_1x: {peak_10x / peak_1x:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
