"""The Dask engine: the per-article stage on a Dask distributed cluster.

The driver reads the inputs lazily and submits chunks of articles as tasks,
a few per worker thread at a time; each worker loads the English model once
(a worker plugin warms it when the worker joins). Results come back as
encoded readings, and the driver groups and writes exactly as the local
engine does, so the output is the same whichever engine read the articles.
The same client then runs the per-story stage on the workers (DaskEngine.map).
Workers need storyline installed (the same version as the driver).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from storyline.batch.work import Result, Task, failed, read_chunk
from storyline.errors import ConfigError

__all__ = ["DaskEngine", "dask_results"]

T = TypeVar("T")
R = TypeVar("R")

# Chunks in flight per worker thread: enough that no worker waits on the
# driver between tasks, few enough that the driver holds little.
IN_FLIGHT_PER_THREAD = 3
# How long to wait for the scheduler to answer and for a first worker.
CONNECT_TIMEOUT_S = 30


def _plugin() -> Any:
    from distributed.diagnostics.plugin import WorkerPlugin

    class WarmModel(WorkerPlugin):
        """Loads the English model when a worker starts, before any task."""

        name = "storyline-warm-model"

        def setup(self, worker: Any) -> None:
            from storyline.article.nlp import load

            load()

    return WarmModel()


def _client(scheduler: str | None, workers: int) -> Any:
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:  # pragma: no cover - install problem
        raise ConfigError(
            "the Dask engine needs dask[distributed]; install storyline's lock file"
        ) from e
    if scheduler is None:  # no cluster named: one on this machine, one process per job
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        return Client(cluster, set_as_default=False)
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT_S, set_as_default=False)
    except OSError as e:
        raise ConfigError(f"cannot reach the Dask scheduler at {scheduler} ({e})") from None
    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT_S)
    except TimeoutError:
        client.close()
        raise ConfigError(
            f"no Dask worker joined the scheduler at {scheduler} "
            f"within {CONNECT_TIMEOUT_S} s; start some with: "
            f"dask worker {scheduler}"
        ) from None
    return client


class DaskEngine:
    """A client of a running scheduler, or of a local cluster of ``workers``
    processes (scheduler None), started at first use and kept for every
    stage until close()."""

    def __init__(self, scheduler: str | None, workers: int = 2) -> None:
        self.scheduler, self.workers = scheduler, workers
        self._client: Any = None

    def client(self) -> Any:
        if self._client is None:
            client = _client(self.scheduler, self.workers)
            try:
                client.register_plugin(_plugin())
            except BaseException:
                self._client = client
                self.close()
                raise
            self._client = client
        return self._client

    def _window(self) -> int:
        info = self.client().scheduler_info()["workers"].values()
        return max(2, sum(w.get("nthreads", 1) for w in info) * IN_FLIGHT_PER_THREAD)

    def read(self, chunks: Iterable[list[Task]]) -> Iterator[list[Result]]:
        """Each chunk's results, in the order chunks finish on the cluster.
        A chunk whose task fails (its worker died more often than the
        scheduler allows) is read again article by article, and an article
        that fails alone is reported."""
        from distributed import as_completed

        client = self.client()
        window = self._window()
        source = iter(chunks)
        pending: dict[str, list[Task]] = {}
        running = as_completed(loop=client.loop)

        def submit(chunk: list[Task]) -> None:
            future = client.submit(read_chunk, chunk, pure=False)
            pending[future.key] = chunk
            running.add(future)

        def fill() -> None:
            while len(pending) < window and (chunk := next(source, None)) is not None:
                submit(chunk)

        fill()
        for future in running:
            chunk = pending.pop(future.key)
            try:
                results: list[Result] = future.result()
            except Exception as e:  # noqa: BLE001 - the task, not an article, failed
                if len(chunk) > 1:
                    for task in chunk:
                        submit([task])
                    continue
                results = [failed(chunk[0], f"the Dask task failed ({type(e).__name__}: {e})")]
            finally:
                future.release()
            yield results
            fill()

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """``fn`` of each item on the workers, in the items' order, a few per
        worker thread in flight. A task that fails on the cluster is run again
        in the driver; an error ``fn`` raises there stops the run."""
        client = self.client()
        window = self._window()
        pending: deque[tuple[Any, T]] = deque()
        source = iter(items)
        while True:
            while len(pending) < window and (item := next(source, _END)) is not _END:
                pending.append((client.submit(fn, item, pure=False), item))
            if not pending:
                return
            future, item = pending.popleft()
            try:
                result: R = future.result()
            except Exception:  # noqa: BLE001 - a lost worker, or fn itself: see in the driver
                result = fn(item)
            finally:
                future.release()
            yield result

    def close(self) -> None:
        if self._client is None:
            return
        client, self._client = self._client, None
        cluster = client.cluster
        client.close()
        if cluster is not None and self.scheduler is None:
            cluster.close()


_END: Any = object()


def dask_results(
    chunks: Iterable[list[Task]], scheduler: str | None, workers: int = 2
) -> Iterator[list[Result]]:
    """Each chunk's results, in the order chunks finish on the cluster (a
    client of its own; see DaskEngine.read).

    ``scheduler``: the address of a running scheduler (``tcp://host:8786``);
    None starts a local cluster of ``workers`` processes."""
    engine = DaskEngine(scheduler, workers)
    try:
        yield from engine.read(chunks)
    finally:
        engine.close()
