"""Whichever engine reads the articles, a batch writes the same stories and tables."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import pytest

from storyline.batch import BatchOptions, run

from .batch_support import ROOT, corpus_folder, stories, tables


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The corpus and its batch read in this one process (--jobs 1)."""
    folder = corpus_folder(tmp_path_factory.mktemp("corpus"))
    out = tmp_path_factory.mktemp("single") / "out"
    run(BatchOptions(inputs=(str(folder),), output=str(out), chunk=2))
    return folder, out


def test_two_jobs_write_what_one_job_writes(reference, tmp_path):
    folder, single = reference
    out = tmp_path / "out"
    result = run(BatchOptions(inputs=(str(folder),), output=str(out), jobs=2, chunk=2))
    assert result.read == len(list(folder.iterdir()))
    assert stories(out) == stories(single)
    assert tables(out) == tables(single)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def dask_cluster(tmp_path):
    """A Dask scheduler and two single-threaded workers, each its own process, on loopback."""
    from distributed import Client

    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    common = {
        "env": env,
        "cwd": tmp_path,
        "stdout": subprocess.DEVNULL,
        "stderr": subprocess.DEVNULL,
    }
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "distributed.cli.dask_scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--no-dashboard",
            ],
            **common,
        )
    ]
    try:
        for _ in range(2):
            procs.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "distributed.cli.dask_worker",
                        address,
                        "--host",
                        "127.0.0.1",
                        "--no-nanny",
                        "--nthreads",
                        "1",
                        "--no-dashboard",
                    ],
                    **common,
                )
            )
        deadline = time.monotonic() + 60
        while True:
            try:
                with Client(address, timeout=5) as client:
                    client.wait_for_workers(2, timeout=max(1, deadline - time.monotonic()))
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        yield address
    finally:
        for p in reversed(procs):  # the workers first, while their scheduler still answers
            p.terminate()
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


def test_a_dask_cluster_writes_what_one_process_writes(reference, dask_cluster, tmp_path):
    folder, single = reference
    address = dask_cluster
    out = tmp_path / "out"
    result = run(
        BatchOptions(
            inputs=(str(folder),), output=str(out), engine="dask", scheduler=address, chunk=2
        )
    )
    assert result.read == len(list(folder.iterdir()))
    assert stories(out) == stories(single)
    assert tables(out) == tables(single)
