"""The Dask engine: the per-article stage on a Dask distributed cluster.

The driver reads the inputs lazily and submits chunks of articles as tasks,
a few per worker thread at a time; each worker loads the English model once
(a worker plugin warms it when the worker joins). Results come back as
encoded readings, and the driver groups and writes exactly as the local
engine does, so the output is the same whichever engine read the articles.
Workers need storyline installed (the same version as the driver).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from storyline.batch.work import Result, Task, failed, read_chunk
from storyline.errors import ConfigError

__all__ = ["dask_results"]

# Chunks in flight per worker thread: enough that no worker waits on the
# driver between tasks, few enough that the driver holds little.
IN_FLIGHT_PER_THREAD = 3
# How long to wait for the scheduler to answer and for a first worker.
CONNECT_TIMEOUT_S = 30


# dask (distributed) is an optional dependency, and this module is only
# imported for ``--engine dask``; it is imported where used all the same, so
# that a missing install gives the one-line ConfigError of _client.


def _plugin() -> Any:
    from distributed.diagnostics.plugin import WorkerPlugin  # optional: see above

    class WarmModel(WorkerPlugin):
        """Loads the English model when a worker starts, before any task."""

        name = "storyline-warm-model"

        def setup(self, worker: Any) -> None:
            from storyline.article.nlp import load  # spaCy: in the worker, not the driver

            load()

    return WarmModel()


def _client(scheduler: str | None, workers: int) -> Any:
    try:
        from distributed import Client, LocalCluster  # optional: see above
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


def dask_results(
    chunks: Iterable[list[Task]], scheduler: str | None, workers: int = 2
) -> Iterator[list[Result]]:
    """Each chunk's results, in the order chunks finish on the cluster.

    ``scheduler``: the address of a running scheduler (``tcp://host:8786``);
    None starts a local cluster of ``workers`` processes. A chunk whose task
    fails (its worker died more often than the scheduler allows) is read
    again article by article, and an article that fails alone is reported."""
    from distributed import as_completed  # optional: see above

    client = _client(scheduler, workers)
    try:
        client.register_plugin(_plugin())
        threads = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values())
        window = max(2, threads * IN_FLIGHT_PER_THREAD)
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
    finally:
        cluster = client.cluster
        client.close()
        if cluster is not None and scheduler is None:
            cluster.close()
