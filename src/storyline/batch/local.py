"""The local engine: chunks of articles read in-process or by a pool of processes.

``--jobs 1`` reads in the driver itself (no pool, no pickling). More jobs
start that many worker processes from a forkserver that has imported
spaCy once; each worker loads the model once, in its initializer. Only a
few chunks per worker are in flight, so memory does not grow with the
corpus however fast the inputs are read. The same workers then run the
per-story stage (LocalEngine.map), so it too uses every core.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, Future, ProcessPoolExecutor, wait
from typing import TypeVar

from storyline.batch.work import Result, Task, failed, read_chunk

__all__ = ["LocalEngine", "local_results"]

T = TypeVar("T")
R = TypeVar("R")

# Chunks in flight per worker: two keeps each busy while the driver writes
# the last one's results; more only holds more articles in memory.
IN_FLIGHT_PER_JOB = 2


def _warm() -> None:
    from storyline.article.nlp import load  # spaCy: in the worker, not the driver

    load()


class _Workers:
    """The pool of worker processes, started again when a worker dies."""

    def __init__(self, jobs: int) -> None:
        # forkserver, not fork: the driver may hold threads and open files; the
        # server imports the reading code once and every worker forks from it.
        self.context = multiprocessing.get_context("forkserver")
        self.context.set_forkserver_preload(["storyline.pipeline", "storyline.batch.work"])
        self.jobs = jobs
        self.pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.jobs, mp_context=self.context, initializer=_warm)

    def submit(self, chunk: list[Task]) -> Future[list[Result]]:
        return self.pool.submit(read_chunk, chunk)

    def restart(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._start()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class LocalEngine:
    """The pool (none for one job), started at first use and kept for every
    stage until close()."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self._workers: _Workers | None = None

    def _pool(self) -> _Workers:
        if self._workers is None:
            self._workers = _Workers(self.jobs)
        return self._workers

    def read(self, chunks: Iterable[list[Task]]) -> Iterator[list[Result]]:
        """Each chunk's results, in the order chunks finish."""
        if self.jobs <= 1:
            for chunk in chunks:
                yield read_chunk(chunk)
            return
        yield from _drive(self._pool(), iter(chunks))

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """``fn`` of each item on the workers, in the items' order, a few per
        worker in flight. A task whose worker died is run again in the
        driver; an error ``fn`` raises stops the run, as with one job."""
        if self.jobs <= 1:
            yield from map(fn, items)
            return
        workers = self._pool()
        pending: deque[tuple[Future[R], T]] = deque()
        source = iter(items)
        while True:
            while len(pending) < workers.jobs * IN_FLIGHT_PER_JOB:
                item = next(source, _END)
                if item is _END:
                    break
                pending.append((workers.pool.submit(fn, item), item))  # type: ignore[arg-type]
            if not pending:
                return
            future, item = pending.popleft()
            try:
                result = future.result()
            except BrokenExecutor:  # a dead worker breaks the whole pool
                retry = [i for _, i in pending]
                pending.clear()
                workers.restart()
                pending.extend((workers.pool.submit(fn, i), i) for i in retry)
                result = fn(item)
            yield result

    def close(self) -> None:
        if self._workers is not None:
            self._workers.close()
            self._workers = None


_END = object()


def local_results(chunks: Iterable[list[Task]], jobs: int) -> Iterator[list[Result]]:
    """Each chunk's results, in the order chunks finish (a pool of its own)."""
    engine = LocalEngine(jobs)
    try:
        yield from engine.read(chunks)
    finally:
        engine.close()


def _drive(workers: _Workers, chunks: Iterator[list[Task]]) -> Iterator[list[Result]]:
    pending: dict[Future[list[Result]], list[Task]] = {}
    # Articles of chunks in flight when a worker died: one of them may have
    # killed it (a crash in the parser, the OOM killer), so each is read
    # alone, one at a time, to name the one that did and spare the rest.
    suspects: deque[Task] = deque()
    exhausted = False
    while True:
        if suspects:
            task = suspects.popleft()
            try:
                yield workers.submit([task]).result()
            except Exception as e:  # noqa: BLE001 - the worker died on this article alone
                yield [failed(task, f"the worker process died reading it ({type(e).__name__})")]
                workers.restart()
            continue
        while not exhausted and len(pending) < workers.jobs * IN_FLIGHT_PER_JOB:
            chunk = next(chunks, None)
            if chunk is None:
                exhausted = True
            else:
                pending[workers.submit(chunk)] = chunk
        if not pending:
            return
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        broken = False
        for future in done:
            chunk = pending.pop(future)
            try:
                yield future.result()
            except Exception:  # noqa: BLE001 - a dead worker breaks the whole pool
                broken = True
                suspects.extend(chunk)
        if broken:
            for chunk in pending.values():
                suspects.extend(chunk)
            pending.clear()
            workers.restart()
