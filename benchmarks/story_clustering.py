"""How well the store groups a stream of news articles into stories.

    python benchmarks/story_clustering.py ARTICLES.jsonl [--years 2010-2014] [--cache PATH]

ARTICLES.jsonl holds one article a line (text, source, date, title, url)
with its true story in ``event`` (BASIL: build it with
``python3 ../shared/corpus/basil-build.py GIT_DIR OUT --stories all --jsonl
OUT.jsonl``). The articles are read as `storyline add` reads that file,
sorted by date (input order within a day) and added one at a time to a real
Store on a temporary SQLite file: the same code path as `storyline add`,
story assignment, near-duplicate copies and all. Then it prints
`name: value` lines:

- articles, stories, events: how many articles were added, how many stories
  the store made of them, how many true events they belong to;
- pairwise_precision, pairwise_recall, pairwise_f1: over pairs of articles,
  "in one story" against "of one event";
- bcubed_precision, bcubed_recall, bcubed_f1: B-cubed (Bagga and Baldwin
  1998), each article's share of its story that is its event and of its
  event that is its story, averaged over articles;
- failed: articles whose reading raised (left out of everything above).

``--years A-B`` keeps the articles dated in those years. ``--cache PATH``
keeps the readings (the slow part, spaCy) in a pickle between runs while
tuning; a reading is found by the article's text, id and the storyline
version, so a changed reader is read again.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.ingest.files import read_inputs  # noqa: E402
from storyline.model import Article, ArticleReading  # noqa: E402
from storyline.store import open_store  # noqa: E402
from storyline.version import __version__  # noqa: E402


def _key(article: Article) -> str:
    data = json.dumps([__version__, article.id, article.text, article.date, article.source])
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


class CachedReader:
    """pipeline.read_articles, remembering each reading in a pickle file."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.readings: dict[str, ArticleReading | str] = {}
        if path and path.exists():
            with open(path, "rb") as f:
                self.readings = pickle.load(f)
        self.changed = False

    def read(self, article: Article) -> ArticleReading | str:
        """The reading of one article, or why it could not be read."""
        key = _key(article)
        if key not in self.readings:
            from storyline.pipeline import read_articles

            try:
                self.readings[key] = read_articles([article])[0]
            except Exception as e:  # noqa: BLE001 - counted as failed
                self.readings[key] = f"{type(e).__name__}: {e}"
            self.changed = True
        return self.readings[key]

    def __call__(self, articles: Sequence[Article]) -> list[ArticleReading]:
        out = []
        for a in articles:
            r = self.read(a)
            assert not isinstance(r, str), r  # failures are filtered out before adding
            out.append(r)
        return out

    def save(self) -> None:
        if self.path and self.changed:
            tmp = self.path.with_name(self.path.name + ".part")
            with open(tmp, "wb") as f:
                pickle.dump(self.readings, f)
            tmp.replace(self.path)


def events_by_text(path: Path) -> dict[str, str]:
    """Each record's true event, by its text."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                out[rec["text"]] = str(rec["event"])
    return out


def pairwise(pred: Sequence[str], gold: Sequence[str]) -> tuple[float, float, float]:
    both = same_pred = same_gold = 0
    for i, j in combinations(range(len(pred)), 2):
        p, g = pred[i] == pred[j], gold[i] == gold[j]
        both += p and g
        same_pred += p
        same_gold += g
    return _prf(both / same_pred if same_pred else 1.0, both / same_gold if same_gold else 1.0)


def bcubed(pred: Sequence[str], gold: Sequence[str]) -> tuple[float, float, float]:
    cell = Counter(zip(pred, gold, strict=True))
    psize, gsize = Counter(pred), Counter(gold)
    n = len(pred)
    precision = sum(cell[p, g] / psize[p] for p, g in zip(pred, gold, strict=True)) / n
    recall = sum(cell[p, g] / gsize[g] for p, g in zip(pred, gold, strict=True)) / n
    return _prf(precision, recall)


def _prf(p: float, r: float) -> tuple[float, float, float]:
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _years(value: str) -> tuple[int, int]:
    a, _, b = value.partition("-")
    return int(a), int(b or a)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jsonl", type=Path)
    parser.add_argument("--years", type=_years, help="keep articles dated in these years: A-B")
    parser.add_argument("--cache", type=Path, help="pickle of readings kept between runs")
    parser.add_argument("--stories", type=Path, help="write each story's articles here (JSONL)")
    args = parser.parse_args(argv)

    gold_of = events_by_text(args.jsonl)
    articles = [a for o in read_inputs([args.jsonl]) for a in o.articles]
    if args.years:
        lo, hi = args.years
        articles = [a for a in articles if a.date and lo <= int(a.date[:4]) <= hi]
    order = sorted(range(len(articles)), key=lambda i: (articles[i].date or "", i))
    reader = CachedReader(args.cache)
    started = time.perf_counter()
    todo, failed = [], 0
    for i in order:
        if isinstance(reader.read(articles[i]), str):
            failed += 1
        else:
            todo.append(articles[i])
    reader.save()
    read_s = time.perf_counter() - started

    started = time.perf_counter()
    pred: list[str] = []
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "bench.db") as store:
        for article in todo:  # one at a time, as a stream brings them
            result = store.add([article], reader=reader)
            assert len(result.added) == 1, result  # BASIL has no repeated article
            pred.append(result.added[0].story)
    add_s = time.perf_counter() - started

    gold = [gold_of[a.text] for a in todo]
    if args.stories:
        members: dict[str, list[int]] = defaultdict(list)
        for k, s in enumerate(pred):
            members[s].append(k)
        with open(args.stories, "w", encoding="utf-8") as out:
            for s, ks in members.items():
                rows = [
                    {"date": todo[k].date, "event": gold[k], "title": todo[k].title} for k in ks
                ]
                out.write(json.dumps({"story": s, "articles": rows}) + "\n")

    print(f"articles: {len(todo)}")
    print(f"stories: {len(set(pred))}")
    print(f"events: {len(set(gold))}")
    print(f"failed: {failed}")
    for name, (p, r, f) in (("pairwise", pairwise(pred, gold)), ("bcubed", bcubed(pred, gold))):
        print(f"{name}_precision: {p:.3f}")
        print(f"{name}_recall: {r:.3f}")
        print(f"{name}_f1: {f:.3f}")
    print(f"read_seconds: {read_s:.1f}")
    print(f"add_seconds: {add_s:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
