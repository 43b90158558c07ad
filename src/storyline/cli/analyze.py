"""storyline analyze: read the articles of one story and write its dossier."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from storyline.cli.common import (
    EXIT_ALL_FAILED,
    EXIT_OK,
    EXIT_SOME_FAILED,
    add_dossier_arguments,
    format_for,
    shown,
    write_output,
)


def add_parser(sub: Any) -> None:
    an = sub.add_parser(
        "analyze",
        help="read the articles of one story and write its dossier",
        description="Read the articles of one story (files or folders of .txt, .html, "
        ".json, .jsonl) and write its dossier.",
    )
    an.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders of articles")
    add_dossier_arguments(an, "where to write the dossier (default: standard output)")
    an.add_argument(
        "--quiet", "-q", action="store_true", help="print nothing on standard error but failures"
    )
    an.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Inside the function: spaCy and trafilatura take seconds to import, and the
    # other commands (stories, changes, --help) do not need them.
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
    dossier = shown(dossier, args)
    write_output(render(dossier, format_for(args.output, args.format)), args.output)
    if args.output and not args.quiet:
        print(
            f"storyline: {len(dossier.claims)} claims, {len(dossier.conflicts)} conflicts "
            f"-> {args.output}",
            file=sys.stderr,
        )
    return EXIT_SOME_FAILED if failures else EXIT_OK
