"""The command line: a thin face over the library.

Exit codes: 0 every input was read; 1 some inputs failed (the dossier covers
the rest); 2 the command was misused; 3 no input could be read.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from storyline.errors import StorylineError
from storyline.version import __version__

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_ALL_FAILED = 0, 1, 2, 3
FORMATS = ("json", "md", "html")


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="storyline",
        description=(
            "Read many articles about one story and tell, claim by claim, what is corroborated, "
            "single-source, reported, speculative, disputed or denied, and who says so."
        ),
    )
    ap.add_argument("--version", action="version", version=f"storyline {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    an = sub.add_parser(
        "analyze",
        help="read the articles of one story and write its dossier",
        description="Read the articles of one story (files or folders of .txt, .html, "
        ".json, .jsonl) and write its dossier.",
    )
    an.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders of articles")
    an.add_argument(
        "--format",
        "-f",
        choices=FORMATS,
        default=None,
        help="dossier format (default: from the --output suffix, else json)",
    )
    an.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="where to write the dossier (default: standard output)",
    )
    an.add_argument(
        "--quiet", "-q", action="store_true", help="print nothing on standard error but failures"
    )
    _batch_parser(sub)
    from storyline.cli_store import add_parsers

    add_parsers(sub)  # the store: add, stories, changes, watch, report, merge, split
    _serve_parser(sub)
    return ap


def _serve_parser(sub: argparse._SubParsersAction) -> None:
    from storyline.store import default_db

    se = sub.add_parser(
        "serve",
        help="read the store's stories in a local web app",
        description="Serve a web app over the store: the stories, each story's claims "
        "with their evidence, figures, timeline and history, and a form to "
        "add articles. Loopback only unless --host says otherwise.",
    )
    se.add_argument(
        "--db",
        metavar="DB",
        default=None,
        help=f"the store: a SQLite file or a postgresql:// URL (default: $STORYLINE_DB, else {default_db()})",
    )
    se.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to listen on (default 127.0.0.1: this machine only; "
        "0.0.0.0 serves the network, with no login)",
    )
    se.add_argument(
        "--port", "-p", type=int, default=8000, help="the port to listen on (default 8000)"
    )
    se.add_argument(
        "--quiet", "-q", action="store_true", help="print nothing on standard error but errors"
    )
    se.add_argument(
        "--allow-private",
        action="store_true",
        help="let the add form fetch URLs on loopback and private addresses (an intranet); "
        "by default only the public web is fetched",
    )
    se.set_defaults(run=_serve)


def _serve(args: argparse.Namespace) -> int:
    from storyline.web import serve

    if not 0 < args.port < 65536:
        print(f"storyline: --port must be 1 to 65535, not {args.port}", file=sys.stderr)
        return EXIT_USAGE
    serve(
        args.db, host=args.host, port=args.port, quiet=args.quiet, allow_private=args.allow_private
    )
    return EXIT_OK


def _batch_parser(sub: argparse._SubParsersAction) -> None:
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


def _format_for(output: str | None, fmt: str | None) -> str:
    if fmt:
        return fmt
    suffix = Path(output).suffix.lower().lstrip(".") if output else ""
    return (
        {"htm": "html", "markdown": "md"}.get(suffix, suffix)
        if suffix in (*FORMATS, "htm", "markdown")
        else "json"
    )


def _analyze(args: argparse.Namespace) -> int:
    from storyline.ingest.files import read_inputs
    from storyline.pipeline import analyze_articles
    from storyline.render import render

    progress = not args.quiet and sys.stderr.isatty()
    outcomes = read_inputs(args.paths)
    failures = [o for o in outcomes if not o.ok]
    articles = [a for o in outcomes for a in o.articles]
    for f in failures:
        print(f"storyline: {f.error}", file=sys.stderr)
    if not articles:
        print("storyline: no article could be read; nothing written", file=sys.stderr)
        return EXIT_ALL_FAILED
    if progress:
        print(f"storyline: reading {len(articles)} articles ...", file=sys.stderr)
    dossier = analyze_articles(articles, failures)
    out = render(dossier, _format_for(args.output, args.format))
    if args.output:
        tmp = f"{args.output}.part"
        Path(tmp).write_text(out, encoding="utf-8")
        os.replace(tmp, args.output)  # never leave a half-written dossier
        if not args.quiet:
            print(
                f"storyline: {len(dossier.claims)} claims, {len(dossier.conflicts)} conflicts -> {args.output}",
                file=sys.stderr,
            )
    else:
        sys.stdout.write(out)
    return EXIT_SOME_FAILED if failures else EXIT_OK


def _batch(args: argparse.Namespace) -> int:
    from storyline.batch import BatchOptions, run, total_articles
    from storyline.batch.progress import Progress

    options = BatchOptions(
        inputs=tuple(args.paths),
        output=args.output,
        jobs=args.jobs,
        engine=args.engine,
        scheduler=args.scheduler,
    )
    progress = None
    if not args.quiet and (args.progress or sys.stderr.isatty()):
        progress = Progress(sys.stderr, total_articles(options))
    try:
        result = run(options, progress)
    except KeyboardInterrupt:
        print(
            "\nstoryline: interrupted; run the same command again to go on from here",
            file=sys.stderr,
        )
        return 130
    if not args.quiet:
        print(
            f"storyline: {result.articles} articles ({result.read} read now, {result.resumed} before), "
            f"{result.failed} failed, {result.stories} stories, {result.claims} claims, "
            f"{result.conflicts} conflicts in {result.seconds:.1f}s -> {result.output}",
            file=sys.stderr,
        )
    if result.failed:
        print(
            f"storyline: {result.failed} inputs or articles failed; see {result.output}/failures.jsonl",
            file=sys.stderr,
        )
    if not result.articles:
        return EXIT_ALL_FAILED
    return EXIT_SOME_FAILED if result.failed else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "analyze":
            return _analyze(args)
        if args.command == "batch":
            return _batch(args)
        if hasattr(args, "run"):  # the store's subcommands (cli_store.py)
            return int(args.run(args))
    except StorylineError as exc:
        print(f"storyline: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
