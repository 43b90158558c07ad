"""How fast `analyze` reads, next to the bare spaCy pipeline on the same text.

    python benchmarks/analyze_speed.py [--articles N] [--story-size K]

Prints `name: value` lines: articles per second for the bare pipeline (the
floor of what analysis can cost) and for storyline's analysis, grouped in
stories of K articles as users run it, and the process's peak memory.

The corpus is real news text: the PolNeAR test articles in shared/bench when
present, plus the example story, repeated until N articles (spaCy keeps no
cache between texts, so a repeat costs what a new article costs).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.article.nlp import BATCH_SIZE, load  # noqa: E402
from storyline.model import Article  # noqa: E402
from storyline.pipeline import analyze_articles  # noqa: E402


def corpus(n: int) -> list[Article]:
    bench = Path(os.environ.get("STORYLINE_BENCH_DIR", ROOT.parent / "shared" / "bench"))
    files = sorted((bench / "attribution" / "polnear-test" / "text").glob("*.txt"))
    files += sorted((ROOT / "examples" / "jlr-chery").glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    return [Article(id=f"a{i:05d}.txt", text=texts[i % len(texts)]) for i in range(n)]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--articles", type=int, default=300, help="articles in the corpus (default 300)"
    )
    ap.add_argument("--story-size", type=int, default=5, help="articles per story (default 5)")
    args = ap.parse_args()
    articles = corpus(args.articles)
    words = sum(len(a.text.split()) for a in articles)
    nlp = load()
    list(nlp.pipe([a.text for a in articles[:5]]))  # warm up

    start = time.perf_counter()
    for _ in nlp.pipe((a.text for a in articles), batch_size=BATCH_SIZE):
        pass
    floor = time.perf_counter() - start

    start = time.perf_counter()
    claims = 0
    for i in range(0, len(articles), args.story_size):
        claims += len(analyze_articles(articles[i : i + args.story_size]).claims)
    full = time.perf_counter() - start

    print(f"articles: {len(articles)}")
    print(f"words_per_article: {words / len(articles):.0f}")
    print(f"floor_spacy_articles_per_s: {len(articles) / floor:.2f}")
    print(f"analyze_articles_per_s: {len(articles) / full:.2f}")
    print(f"analyze_vs_floor: {floor / full:.2f}")
    print(f"claims: {claims}")
    print(f"peak_mb: {peak_mb():.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
