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

from .errors import StorylineError
from .version import __version__

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_ALL_FAILED = 0, 1, 2, 3
FORMATS = ("json", "md", "html")


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="storyline", description=__doc__.splitlines()[0])
    ap.add_argument("--version", action="version", version=f"storyline {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    an = sub.add_parser("analyze", help="read the articles of one story and write its dossier",
                        description="Read the articles of one story (files or folders of .txt, .html, "
                                    ".json, .jsonl) and write its dossier.")
    an.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders of articles")
    an.add_argument("--format", "-f", choices=FORMATS, default=None,
                    help="dossier format (default: from the --output suffix, else json)")
    an.add_argument("--output", "-o", metavar="FILE", help="where to write the dossier (default: standard output)")
    an.add_argument("--quiet", "-q", action="store_true", help="print nothing on standard error but failures")
    return ap


def _format_for(output: str | None, fmt: str | None) -> str:
    if fmt:
        return fmt
    suffix = Path(output).suffix.lower().lstrip(".") if output else ""
    return {"htm": "html", "markdown": "md"}.get(suffix, suffix) if suffix in (*FORMATS, "htm", "markdown") else "json"


def _analyze(args: argparse.Namespace) -> int:
    from .pipeline import analyze_articles
    from .read import read_inputs
    from .render import render

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
            print(f"storyline: {len(dossier.claims)} claims, {len(dossier.conflicts)} conflicts -> {args.output}",
                  file=sys.stderr)
    else:
        sys.stdout.write(out)
    return EXIT_SOME_FAILED if failures else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "analyze":
            return _analyze(args)
    except StorylineError as exc:
        print(f"storyline: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
