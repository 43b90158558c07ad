"""Background jobs: adding articles takes seconds, so the page polls for progress.

A job is a function that reports ``(done, total, message)`` as it goes and
returns its result. Its state is a frozen record, replaced whole under a lock,
so a reader never sees a half-updated job.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

JobStatus = Literal["queued", "running", "done", "failed"]
Report = Callable[[int, int, str], None]

# Finished jobs kept for their status pages; a reader polls a job for seconds,
# so the most recent hundred is plenty and memory stays flat.
KEEP_JOBS = 100


@dataclass(frozen=True)
class JobState:
    id: str
    status: JobStatus = "queued"
    done: int = 0
    total: int = 0
    message: str = "waiting to start"
    started: float = 0.0
    finished: float | None = None
    result: dict[str, Any] = field(default_factory=dict)  # what the job gave, JSON-ready
    error: str | None = None

    @property
    def finished_ok(self) -> bool:
        return self.status == "done"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Jobs:
    """Runs jobs one at a time in a worker thread and keeps their state."""

    def __init__(self, workers: int = 1) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="storyline-job")
        self._lock = threading.Lock()
        self._jobs: OrderedDict[str, JobState] = OrderedDict()

    def submit(self, work: Callable[[Report], dict[str, Any]]) -> JobState:
        job = JobState(id=secrets.token_urlsafe(9), started=time.time())
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEEP_JOBS:
                self._jobs.popitem(last=False)
        self._pool.submit(self._run, job.id, work)
        return job

    def get(self, job_id: str) -> JobState | None:
        with self._lock:
            return self._jobs.get(job_id)

    def _update(self, job_id: str, **changes: Any) -> None:
        with self._lock:
            if job_id in self._jobs:
                self._jobs[job_id] = replace(self._jobs[job_id], **changes)

    def _run(self, job_id: str, work: Callable[[Report], dict[str, Any]]) -> None:
        self._update(job_id, status="running", message="starting")

        def report(done: int, total: int, message: str) -> None:
            self._update(job_id, done=done, total=total, message=message)

        try:
            result = work(report)
        except Exception as exc:  # a job's failure is shown to its reader, not raised
            self._update(
                job_id,
                status="failed",
                error=str(exc) or type(exc).__name__,
                message="failed",
                finished=time.time(),
            )
        else:
            self._update(job_id, status="done", result=result, message="done", finished=time.time())

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
