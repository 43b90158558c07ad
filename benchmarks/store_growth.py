"""How the cost of adding one article to the store grows with the store.

    python benchmarks/store_growth.py [--max N] [--window W] [--db PATH]

Adds N articles (default 100,000) one at a time, as `storyline add` and
`storyline watch` do, and prints `name: value` lines: the median time to add
the n-th article around 1k, 10k and 100k stored (over a window of W adds),
the total time to reach each size, and growth ratios. Close to linear in
total means a flat per-article cost: add_ms at 100k near add_ms at 1k, where
an all-pairs design would cost 100 times more.

The articles are synthetic but shaped like news: stories of a few to sixty
articles from a cast of named people, organisations and places, published
by many outlets over months, interleaved in time; sentences that report,
hedge or deny; 3% syndicated copies. Their readings are built from the
templates that wrote them (no spaCy: the parse is the same cost at any store
size and is measured by analyze_speed.py), then stored, assigned to stories
and put together by the store's real code.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.model import (  # noqa: E402
    Article,
    ArticleReading,  # noqa: E402
    Document,
    Mention,
)
from storyline.store import open_store  # noqa: E402

SEED = 20260521
STORY_MEAN = 10  # articles per story: geometric, capped
STORY_MAX = 60
OPEN_STORIES = 150  # stories running at once
PER_DAY = 300  # articles published a day, all stories together
COPY_SHARE = 0.03  # syndicated copies of an earlier article

NOUNS = (
    "plant factory deal talks tariff tax budget strike vote election merger contract plan "
    "report inquiry trial verdict ban fund loan rate price wage output export import quota "
    "subsidy reform policy law bill treaty ceasefire summit visit recall outage breach attack "
    "lawsuit fine licence permit project pipeline mine port bridge railway airport hospital school "
    "network platform product model battery engine vaccine drug study survey index forecast "
    "deficit surplus debt bond share stake bid offer takeover sale closure expansion investment "
    "funding grant programme scheme strategy agreement partnership venture campaign protest"
).split()
VERBS = (
    "build close open sign cut raise approve reject delay cancel expand announce complete review "
    "suspend resume buy sell fund launch end extend block back oppose freeze restore"
).split()
ADJS = (
    "new major small early late final interim annual national regional local global key "
    "joint proposed planned former current rival private public foreign domestic"
).split()
UNITS = ("jobs", "cars", "homes", "tonnes", "patients", "flights", "staff", "barrels")
OUTLETS = [
    f"{a} {b}"
    for a in (
        "Daily",
        "Morning",
        "Evening",
        "Weekly",
        "City",
        "National",
        "Global",
        "Northern",
        "Southern",
        "Metro",
    )
    for b in ("Post", "Times", "Herald", "Star", "Record", "Mirror")
]
_SYL = ("ka ro mi ta ne lo vi sa du re po li ma te no gu fa be ri zo ha ye wi").split()


def _name(rng: random.Random, parts: int) -> str:
    return " ".join(
        "".join(rng.choice(_SYL) for _ in range(rng.randint(2, 3))).capitalize()
        for _ in range(parts)
    )


@dataclass
class Story:
    people: list[str]
    orgs: list[str]
    place: str
    topic: list[str]
    start_day: int
    left: int
    written: list[tuple[str, str]] = field(default_factory=list)  # (id, text) for copies


class Writer:
    """Writes an article's text and, alongside, its reading."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.parts: list[str] = []
        self.mentions: list[Mention] = []
        self.pos = 0
        self.sentence = 0

    def add(self, text: str, doc: str, mention: dict | None) -> None:
        if mention is not None:
            clause = text.rstrip(".")
            self.mentions.append(
                Mention(
                    doc=doc,
                    start=self.pos,
                    end=self.pos + len(clause),
                    text=clause,
                    sentence=self.sentence,
                    **mention,
                )
            )
        self.parts.append(text)
        self.pos += len(text) + 1
        self.sentence += 1

    def text(self) -> str:
        return "\n".join(self.parts)


def _sentence(rng: random.Random, s: Story, w: Writer, doc: str, year: int) -> None:
    p, o = rng.choice(s.people), rng.choice(s.orgs)
    noun, noun2 = rng.choice(s.topic), rng.choice(NOUNS)
    verb, adj = rng.choice(VERBS), rng.choice(ADJS)
    n, unit = rng.randint(2, 900) * 10, rng.choice(UNITS)
    ents = lambda *xs: tuple(x.lower() for x in xs)  # noqa: E731
    kind = rng.randrange(6)
    if kind == 0:
        w.add(
            f"{p} said {o} would {verb} the {adj} {noun} in {s.place} by {year}, "
            f"putting {n} {unit} at stake.",
            doc,
            dict(
                certainty="certain",
                source=p,
                source_kind="person",
                cue="said",
                terms=(verb, noun, unit),
                weights=(1.0, 1.0, 0.6),
                entities=ents(p, o, s.place),
                years=(str(year),),
            ),
        )
    elif kind == 1:
        w.add(
            f"According to {o}, the {noun} will {verb} {n} {unit} of {noun2} in {s.place}.",
            doc,
            dict(
                certainty="certain",
                source=o,
                source_kind="organisation",
                cue="according to",
                terms=(noun, verb, unit, noun2),
                weights=(1.0, 1.0, 0.6, 0.6),
                entities=ents(o, s.place),
            ),
        )
    elif kind == 2:
        w.add(
            f"{o} denied that it planned to {verb} the {noun} before {year}.",
            doc,
            dict(
                certainty="negated",
                source=o,
                source_kind="organisation",
                cue="denied",
                terms=(verb, noun),
                weights=(1.0, 1.0),
                entities=ents(o),
                years=(str(year),),
            ),
        )
    elif kind == 3:
        w.add(
            f"The {adj} {noun} may {verb} {noun2} across {s.place}, {p} suggested.",
            doc,
            dict(
                certainty="hedged",
                source=p,
                source_kind="person",
                cue="may",
                terms=(noun, verb, noun2),
                weights=(1.0, 1.0, 0.6),
                entities=ents(p, s.place),
            ),
        )
    elif kind == 4:
        w.add(
            f"{o} has agreed to {verb} the {noun} with {p} and {rng.choice(s.orgs)}.",
            doc,
            dict(certainty="certain", terms=(verb, noun), weights=(1.0, 1.0), entities=ents(o, p)),
        )
    else:  # background, no claim
        w.add(
            f"The {rng.choice(ADJS)} {rng.choice(NOUNS)} of {rng.choice(NOUNS)} had been "
            f"{rng.choice(VERBS)}ed {rng.randint(2, 9)} times since {year - rng.randint(1, 9)}.",
            doc,
            None,
        )


class World:
    """An endless, reproducible stream of synthetic articles and their readings."""

    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        self.open: list[Story] = []
        self.count = 0

    def _story(self, day: int) -> Story:
        rng = self.rng
        size = min(STORY_MAX, 1 + int(rng.expovariate(1 / STORY_MEAN)))
        return Story(
            [_name(rng, 2) for _ in range(3)],
            [
                _name(rng, 1) + " " + rng.choice(("Group", "Ltd", "Council", "Ministry", "Bank"))
                for _ in range(2)
            ],
            _name(rng, 1),
            rng.sample(NOUNS, 5),
            day,
            size,
        )

    def __iter__(self) -> Iterator[tuple[Article, ArticleReading]]:
        rng = self.rng
        while True:
            day = self.count // PER_DAY
            while len(self.open) < OPEN_STORIES:
                self.open.append(self._story(day))
            story = rng.choice(self.open)
            self.count += 1
            doc = f"a{self.count:07d}"
            date = f"{2025 + day // 365}-{1 + day % 365 // 31:02d}-{1 + day % 31 % 28:02d}"
            outlet = rng.choice(OUTLETS)
            if story.written and rng.random() < COPY_SHARE:
                _, original = rng.choice(story.written)
                text = (
                    f"{story.place} ({outlet}) - " + original + f"\nReporting by {_name(rng, 2)}."
                )
                w = Writer(rng)
                w.add(text, doc, None)
            else:
                w = Writer(rng)
                for _ in range(rng.randint(8, 14)):
                    _sentence(rng, story, w, doc, 2025 + day // 365)
                text = w.text()
            story.written.append((doc, text))
            story.left -= 1
            if story.left <= 0:
                self.open.remove(story)
            article = Article(
                id=doc, text=text, source=outlet, date=date, url=f"https://example.org/{doc}"
            )
            document = Document(id=doc, text=text, source=outlet, date=date, url=article.url)
            yield article, ArticleReading(document, tuple(w.mentions), (), (), ())


def _label(n: int) -> str:
    return f"{n // 1000}k" if n % 1000 == 0 and n >= 1000 else str(n)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max", type=int, default=100_000, help="articles to add (default 100000)")
    ap.add_argument(
        "--window", type=int, default=200, help="adds timed around each size (default 200)"
    )
    ap.add_argument("--db", help="store to fill (default: a new SQLite file in a temporary folder)")
    args = ap.parse_args()
    marks = [m for m in (1_000, 10_000, 100_000) if m <= args.max]
    if len(marks) < 2:  # a small run (the tests'): its tenth and its whole
        marks = sorted({max(1, args.max // 10), args.max})
    window = max(1, min(args.window, marks[0]))
    tmp = tempfile.TemporaryDirectory(prefix="storyline-growth-")
    db = args.db or os.path.join(tmp.name, "store.db")
    readings: dict[str, ArticleReading] = {}

    def reader(articles):
        return [readings.pop(a.id) for a in articles]

    times: list[float] = []
    per: dict[int, float] = {}
    start = time.perf_counter()
    with open_store(db) as store:
        for n, (article, reading) in enumerate(World(), start=1):
            readings[article.id] = reading
            t = time.perf_counter()
            store.add([article], reader=reader)
            times.append(time.perf_counter() - t)
            for (
                m
            ) in marks:  # a mark is printed once its window is timed: a long run reports as it goes
                if n == min(args.max, m + window // 2):
                    lo = max(0, n - window)
                    per[m] = statistics.median(times[lo:n]) * 1000
                    print(f"add_ms_at_{_label(m)}: {per[m]:.2f}", flush=True)
                    if (
                        m > marks[0]
                    ):  # 1: the same cost per article (linear in total); m / marks[0]: quadratic
                        print(
                            f"growth_ratio_{_label(m)}_over_{_label(marks[0])}: "
                            f"{per[m] / per[marks[0]]:.2f} "
                            f"(quadratic would be {m / marks[0]:.0f})",
                            flush=True,
                        )
            if n in marks:
                print(f"total_s_{_label(n)}: {time.perf_counter() - start:.1f}", flush=True)
            if n >= args.max:
                break
        print(f"articles: {len(times)}")
        print(f"stories: {len(store.stories())}")
    if len(per) > 1:
        print(f"growth_ratio: {per[marks[-1]] / per[marks[0]]:.2f}")
    print(f"db_mb: {os.path.getsize(db) / 1e6:.0f}" if os.path.exists(db) else "db_mb: n/a")
    return 0


if __name__ == "__main__":
    sys.exit(main())
