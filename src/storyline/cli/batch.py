"""storyline batch: read a large corpus on all cores or a Dask cluster.

Needs the batch extra (pyarrow for the Parquet tables; Dask for --engine dask).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from storyline.cli.common import (
    EXIT_ALL_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_SOME_FAILED,
    needs_extra,
    show_progress,
)
from storyline.io import Progress


def add_parser(sub: Any) -> None:
    ba = sub.add_parser(
        "batch",
        help="read a large corpus on all cores or a Dask cluster, story by story",
        description="Stream articles (files, folders, .jsonl, .gz) through the reading "
        "stages, group them into stories and write each story's dossier, "
        "Parquet tables and a failures file into a folder. Rerun on the "
        "same folder to resume: articles already read are skipped.",
    )
    ba.add_argument(
        "paths", nargs="+", metavar="INPUT", help="article files, folders or JSON Lines files"
    )
    ba.add_argument(
        "--output",
        "-o",
        metavar="DIR",
        required=True,
        help="the batch folder (created; reused to resume)",
    )
    ba.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=1,
        help="worker processes (default 1: read in this process); with --engine dask "
        "and no --scheduler, the workers of a local cluster",
    )
    ba.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: this machine's processes (default); dask: a Dask distributed cluster",
    )
    ba.add_argument(
        "--scheduler", metavar="ADDRESS", help="the Dask scheduler, e.g. tcp://10.0.0.5:8786"
    )
    ba.add_argument(
        "--progress",
        action="store_true",
        help="draw the progress bar even when stderr is not a terminal",
    )
    ba.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="no progress bar and no summary on standard error",
    )
    ba.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with needs_extra("batch", "batch"):
        # Inside the function: pyarrow and Dask come with the batch extra. batch
        # writes its Parquet tables only after the last article, so pyarrow is
        # imported here to say so before reading, not after.
        import pyarrow  # noqa: F401

        if args.engine == "dask":
            import distributed  # noqa: F401
    # Inside the function too: the batch package brings the readers (trafilatura,
    # lxml; about a second) that the other commands' start-up does without.
    from storyline.batch import BatchOptions, total_articles
    from storyline.batch import run as run_batch

    options = BatchOptions(
        inputs=tuple(args.paths),
        output=args.output,
        jobs=args.jobs,
        engine=args.engine,
        scheduler=args.scheduler,
    )
    progress = Progress(sys.stderr, total_articles(options)) if show_progress(args) else None
    try:
        result = run_batch(options, progress)
    except KeyboardInterrupt:
        print(
            "\nstoryline: interrupted; run the same command again to go on from here",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    if not args.quiet:
        print(
            f"storyline: {result.articles} articles ({result.read} read now, "
            f"{result.resumed} before), {result.failed} failed, {result.stories} stories, "
            f"{result.claims} claims, {result.conflicts} conflicts in {result.seconds:.1f}s "
            f"-> {result.output}",
            file=sys.stderr,
        )
    if result.failed:
        print(
            f"storyline: {result.failed} inputs or articles failed; "
            f"see {result.output}/failures.jsonl",
            file=sys.stderr,
        )
    if not result.articles:
        return EXIT_ALL_FAILED
    return EXIT_SOME_FAILED if result.failed else EXIT_OK
