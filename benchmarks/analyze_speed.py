"""How fast `analyze` reads, next to the bare spaCy pipeline on the same text.

    python benchmarks/analyze_speed.py [--articles N] [--story-size K] [--long KB,KB,...]

Prints `name: value` lines: articles per second for the bare pipeline (the
floor of what analysis can cost) and for storyline's analysis, grouped in
stories of K articles as users run it, and the process's peak memory.

The corpus is real news text: the PolNeAR test articles in shared/bench when
present, plus the example story, repeated until N articles (spaCy keeps no
cache between texts, so a repeat costs what a new article costs).

Then single long articles (``--long``, default 5, 50 and 200 KB; ``--long ''``
skips them), of two kinds: ``real``, news text put end to end (the example
story, the BASIL texts in ~/storyline-dev and the PolNeAR texts when present,
then generated news-like sentences), and ``repetitive``, one paragraph of the
example story repeated. For each it prints seconds per 10 KB of the bare
parse (``floor``), of the parse and the article's reading (``read``: what
``analyze`` costs per article, and what must not grow with its length), and
of the story stage over that one article (``story``: grouping its mentions
into claims), in CPU seconds of this process (fairer than wall time on a busy
machine). Every size reads the same text, the largest size's, cut into
articles of that size (forty of 5 KB, four of 50 KB, one of 200 KB), so only
an article's length changes. ``read_growth_KIND``: seconds per 10 KB at
the largest size over the smallest (1.0 is linear).
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
sys.path.insert(0, str(ROOT / "benchmarks"))

from storyline.article.boilerplate import find_skipped, mask  # noqa: E402
from storyline.article.nlp import BATCH_SIZE, load  # noqa: E402
from storyline.model import Article  # noqa: E402
from storyline.pipeline import analyze_articles, build_dossier, read_article  # noqa: E402

EXAMPLE = ROOT / "examples" / "jlr-chery"
BASIL = Path(os.environ.get("STORYLINE_DEV_DIR", Path.home() / "storyline-dev"))


def corpus(n: int) -> list[Article]:
    bench = Path(os.environ.get("STORYLINE_BENCH_DIR", ROOT.parent / "shared" / "bench"))
    files = sorted((bench / "attribution" / "polnear-test" / "text").glob("*.txt"))
    files += sorted((ROOT / "examples" / "jlr-chery").glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    return [Article(id=f"a{i:05d}.txt", text=texts[i % len(texts)]) for i in range(n)]


def _body(text: str) -> str:
    """A text without the ``key: value`` header that ends at a ``---`` line."""
    head, sep, rest = text.partition("\n---\n")
    return rest if sep and all(":" in line for line in head.splitlines()) else text


def _generated(size: int) -> str:
    """News-like sentences (named people, firms and places that report, hedge
    and deny, with figures and dates), made up here: no publisher's copy."""
    from store_growth import World  # the store benchmark's synthetic articles

    out: list[str] = []
    total = 0
    for article, _ in World(seed=7):
        out.append(article.text)
        total += len(article.text) + 2
        if total >= size:
            return "\n\n".join(out)
    return ""  # pragma: no cover - the world never ends


def real_text(size: int) -> str:
    """``size`` characters of news put end to end, cut at a paragraph's end."""
    files = sorted(EXAMPLE.glob("*.txt")) + sorted(BASIL.glob("*/*.txt"))
    bench = Path(os.environ.get("STORYLINE_BENCH_DIR", ROOT.parent / "shared" / "bench"))
    files += sorted((bench / "attribution" / "polnear-test" / "text").glob("*.txt"))
    texts = [_body(f.read_text(encoding="utf-8")).strip() for f in files]
    text = "\n\n".join(texts)
    if len(text) < size:
        text += "\n\n" + _generated(size - len(text))
    return _cut(text, size)


def repetitive_text(size: int) -> str:
    """One paragraph of the example story, repeated to ``size`` characters."""
    first = sorted(EXAMPLE.glob("*.txt"))[0].read_text(encoding="utf-8")
    paragraph = max(first.split("\n"), key=len).strip()
    return _cut("\n".join([paragraph] * (size // (len(paragraph) + 1) + 2)), size)


def _cut(text: str, size: int) -> str:
    """The first ``size`` characters or so, ending at a line's end."""
    end = text.find("\n", size)
    return text[:size] if end < 0 or end > size * 1.2 else text[:end]


def _pieces(text: str, size: int) -> list[str]:
    """``text`` cut into articles of about ``size`` characters, at lines' ends."""
    out = []
    while text:
        piece = _cut(text, size)
        out.append(piece)
        text = text[len(piece) :].lstrip("\n")
    return [p for p in out if len(p) > size // 2]


def time_long(texts: list[str]) -> tuple[float, float, float]:
    """CPU seconds of the bare parse, the parse and reading, and the story
    stage of each text read as one article alone, summed over ``texts``
    (CPU time, not wall time: a busy machine shifts them less)."""
    nlp = load()
    floor = read = story = 0.0
    for i, text in enumerate(texts):
        start = time.process_time()
        nlp(text)
        floor += time.process_time() - start
        article = Article(id=f"long{i}.txt", text=text)
        start = time.process_time()
        skipped = find_skipped(article.id, text)
        doc = nlp(mask(text, skipped))
        reading = read_article(article, doc, skipped=skipped)
        read += time.process_time() - start
        start = time.process_time()
        build_dossier([reading])
        story += time.process_time() - start
    return floor, read, story


def long_articles(sizes_kb: list[int]) -> None:
    """Seconds per 10 KB of articles of each size, real and repetitive."""
    if not sizes_kb:
        return
    sizes_kb = sorted(sizes_kb)
    for kind, make in (("real", real_text), ("repetitive", repetitive_text)):
        per: dict[int, float] = {}
        whole = make(sizes_kb[-1] * 1000)
        for kb in sizes_kb:
            # every size reads the same text, cut into articles of that size:
            # what changes is only how long an article is
            texts = _pieces(whole, kb * 1000)
            tens = sum(len(t) for t in texts) / 10_000
            floor, read, story = time_long(texts)
            per[kb] = read / tens
            print(f"floor_s_per_10kb_{kind}_{kb}kb: {floor / tens:.3f}", flush=True)
            print(f"read_s_per_10kb_{kind}_{kb}kb: {read / tens:.3f}", flush=True)
            print(f"story_s_per_10kb_{kind}_{kb}kb: {story / tens:.3f}", flush=True)
        if len(per) > 1:
            print(f"read_growth_{kind}: {per[sizes_kb[-1]] / per[sizes_kb[0]]:.2f}", flush=True)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--articles", type=int, default=300, help="articles in the corpus (default 300)"
    )
    ap.add_argument("--story-size", type=int, default=5, help="articles per story (default 5)")
    ap.add_argument(
        "--long",
        default="5,50,200",
        help="sizes in KB of single long articles to time (default 5,50,200; '' for none)",
    )
    args = ap.parse_args()
    sizes = [int(x) for x in args.long.split(",") if x.strip()]
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
    print(f"claims: {claims}", flush=True)
    long_articles(sizes)
    print(f"peak_mb: {peak_mb():.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
