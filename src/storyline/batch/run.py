"""run(): stream a corpus through the reading stages, then write its stories.

inputs --iter_inputs--> tasks (skipping articles the ledger has done)
       --engine (in-process, process pool or Dask)--> readings
       --> readings/part-*.jsonl + ledger.sqlite + failures.jsonl
then   ledger --assign_stories--> stories --write_stories (on the same
       engine's workers)--> stories/*.json, tables/*.parquet; and summary.json.
"""

from __future__ import annotations

import fcntl
import importlib
import itertools
import json
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from storyline.batch.ledger import LEDGER_NAME, FailureLog, Ledger, PartWriter
from storyline.batch.local import LocalEngine
from storyline.batch.work import Result, Task, article_key
from storyline.errors import ConfigError
from storyline.ingest.files import ReadOptions
from storyline.ingest.stream import count_inputs, iter_inputs
from storyline.io import Progress, write_text_atomic
from storyline.version import __version__

__all__ = ["BatchOptions", "BatchResult", "run"]

Engine = Literal["local", "dask"]
ENGINES: tuple[str, ...] = ("local", "dask")
# Articles per task. A quarter of nlp.BATCH_SIZE: as fast per article on the
# speed benchmark's corpus (4, 8 and 16 within its noise), and the last task
# of a run, which leaves the other workers idle, is short.
CHUNK_ARTICLES = 4


@dataclass(frozen=True)
class BatchOptions:
    """What to read, where to write, and on what."""

    inputs: tuple[str, ...]
    output: str
    jobs: int = 1  # local: worker processes (1: in the driver); dask without scheduler: workers
    engine: Engine = "local"
    scheduler: str | None = None  # dask: a running scheduler's address
    chunk: int = CHUNK_ARTICLES

    def __post_init__(self) -> None:
        if self.jobs < 1:
            raise ConfigError(f"jobs must be at least 1, not {self.jobs}")
        if self.chunk < 1:
            raise ConfigError(f"chunk must be at least 1 article, not {self.chunk}")
        if self.engine not in ENGINES:
            raise ConfigError(
                f"unknown engine {self.engine!r}; choose one of: {', '.join(ENGINES)}"
            )
        if self.scheduler and self.engine != "dask":
            raise ConfigError("a scheduler address is for --engine dask")


@dataclass(frozen=True)
class BatchResult:
    """What a run did; also written as ``summary.json`` in the output folder."""

    output: str
    articles: int  # articles in this run's inputs that have a reading
    read: int  # of which read in this run
    resumed: int  # of which done by an earlier run and skipped
    failed: int  # inputs and articles listed in failures.jsonl
    stories: int
    claims: int
    conflicts: int
    verdicts: dict[str, int]
    seconds: float
    engine: str
    jobs: int
    version: str = __version__


@dataclass
class _Counts:
    read: int = 0
    resumed: int = 0


def run(options: BatchOptions, progress: Progress | None = None) -> BatchResult:
    """Read ``options.inputs`` into ``options.output``; resumes where an
    earlier run on the same folder stopped. A bad input or article never
    stops the run: it is listed in ``failures.jsonl``."""
    started = time.monotonic()
    out = _output_folder(Path(options.output))
    with open(out / ".lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ConfigError(f"another storyline batch is writing to {out}") from None
        ledger = Ledger(out)
        engine = _engine(options)  # its workers read the articles, then build the stories
        try:
            return _run(options, out, ledger, engine, progress, started)
        finally:
            engine.close()
            ledger.close()


def _output_folder(out: Path) -> Path:
    if out.exists() and not out.is_dir():
        raise ConfigError(f"{out} is a file; --output names a folder for the batch")
    if out.is_dir() and not (out / LEDGER_NAME).exists() and any(out.iterdir()):
        raise ConfigError(
            f"{out} is not empty and holds no storyline batch; name a new or empty folder"
        )
    out.mkdir(parents=True, exist_ok=True)
    return out


def _run(
    options: BatchOptions,
    out: Path,
    ledger: Ledger,
    engine: _Engine,
    progress: Progress | None,
    started: float,
) -> BatchResult:
    run_id = ledger.start_run({k: v for k, v in asdict(options).items() if k != "inputs"})
    failures = FailureLog(out / "failures.jsonl")
    parts = PartWriter(out / "readings")
    counts = _Counts()
    if options.engine == "dask" or options.jobs > 1:
        _import_soon(f"{__package__}.group")
    try:
        tasks = _tasks(options, ledger, run_id, failures, counts, progress)
        for results in engine.read(_chunks(tasks, options.chunk)):
            for result in results:
                if result.line is None:
                    failures.add(
                        result.task.input, result.error or "no reading", result.task.article.id
                    )
                else:
                    ledger.add(result, run_id, parts.write(result.line))
            parts.flush()  # lines first, then the rows that point at them
            ledger.commit()
            failures.flush()
            counts.read += sum(r.line is not None for r in results)
            if progress:
                progress.update(
                    done=sum(r.line is not None for r in results),
                    failed=sum(r.line is None for r in results),
                )
    finally:
        parts.close()
        failures.close()
        ledger.commit()
    articles = counts.read + counts.resumed
    # pyarrow (the tables) and spaCy (the pipeline module): only once reading is done
    from storyline.batch.group import assign_stories, write_stories

    assign_stories(ledger, run_id)
    if progress:
        progress.start_phase("writing stories", articles)
    totals = write_stories(
        ledger,
        run_id,
        out,
        (lambda n: progress.update(done=n)) if progress else None,
        engine.map,
    )
    if progress:
        progress.close()
    summary = BatchResult(
        output=str(out),
        articles=articles,
        read=counts.read,
        resumed=counts.resumed,
        failed=failures.count,
        stories=totals.stories,
        claims=totals.claims,
        conflicts=totals.conflicts,
        verdicts=dict(sorted(totals.verdicts.items())),
        seconds=round(time.monotonic() - started, 3),
        engine=options.engine,
        jobs=options.jobs,
    )
    _write_json(out / "summary.json", asdict(summary))
    return summary


def _tasks(
    options: BatchOptions,
    ledger: Ledger,
    run_id: int,
    failures: FailureLog,
    counts: _Counts,
    progress: Progress | None,
) -> Iterator[Task]:
    """The articles still to read, lazily; failed inputs go to the failures file
    and articles done before join this run without being read again."""
    for seq, outcome in enumerate(iter_inputs(options.inputs, ReadOptions())):
        if not outcome.ok:
            failures.add(outcome.input, outcome.error or "unreadable")
            if progress:
                progress.update(failed=1)
            continue
        article = outcome.articles[0]
        task = Task(seq=seq, key=article_key(article), input=outcome.input, article=article)
        if ledger.resume(task.key, seq, run_id):
            counts.resumed += 1
            if progress:
                progress.update(resumed=1)
            continue
        yield task


def _import_soon(module: str) -> None:
    """Imports ``module`` on a thread: while the workers start (import spaCy,
    load the model) the driver has a core to spare for importing the stories
    stage, which it would otherwise do after the last article (~1 s)."""
    threading.Thread(target=importlib.import_module, args=(module,), daemon=True).start()


def _chunks(tasks: Iterator[Task], size: int) -> Iterator[list[Task]]:
    while chunk := list(itertools.islice(tasks, size)):
        yield chunk


class _Engine(Protocol):
    """What the stages run on: LocalEngine or DaskEngine."""

    def read(self, chunks: Iterable[list[Task]]) -> Iterator[list[Result]]: ...

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]: ...

    def close(self) -> None: ...


def _engine(options: BatchOptions) -> _Engine:
    if options.engine == "dask":
        from storyline.batch.dask_engine import DaskEngine  # dask: only for --engine dask

        return DaskEngine(options.scheduler, options.jobs)
    return LocalEngine(options.jobs)


def _write_json(path: Path, data: object) -> None:
    write_text_atomic(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def total_articles(options: BatchOptions) -> int:
    """About how many articles the inputs hold (a quick count, for a progress bar)."""
    return count_inputs(options.inputs)
