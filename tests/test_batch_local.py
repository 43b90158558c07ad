"""The process pool: an article that kills its worker is named, the others are read."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor

from storyline.batch.local import _drive
from storyline.batch.work import Result, Task
from storyline.model import Article


def crash_on_poison(chunk: list[Task]) -> list[Result]:
    """A stand-in for read_chunk whose worker dies on one article, as a
    crash in the parser or the OOM killer would take it."""
    if any(t.article.text == "POISON" for t in chunk):
        os._exit(1)
    return [Result(t, line=f'"{t.article.id}"') for t in chunk]


class Workers:
    """A real process pool running crash_on_poison, restarted as the engine asks."""

    def __init__(self, jobs: int) -> None:
        self.jobs, self.restarts = jobs, 0
        self.pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("fork"))

    def submit(self, chunk: list[Task]) -> Future[list[Result]]:
        return self.pool.submit(crash_on_poison, chunk)

    def restart(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.restarts += 1
        self.pool = self._start()


def test_a_worker_killed_by_one_article_costs_only_that_article():
    texts = ["fine"] * 7 + ["POISON"] + ["fine"] * 12
    tasks = [
        Task(i, f"k{i}", "feed.jsonl", Article(id=f"a{i}", text=t)) for i, t in enumerate(texts)
    ]
    chunks = [tasks[i : i + 4] for i in range(0, len(tasks), 4)]
    workers = Workers(2)
    try:
        results = [r for batch in _drive(workers, iter(chunks)) for r in batch]
    finally:
        workers.pool.shutdown(wait=True)
    assert sorted(r.task.seq for r in results) == list(range(20))
    (bad,) = [r for r in results if r.line is None]
    assert bad.task.article.id == "a7"
    assert (
        bad.error
        == "feed.jsonl: article a7: the worker process died reading it (BrokenProcessPool)"
    )
    assert workers.restarts == 2  # once for the chunk, once for the article alone
