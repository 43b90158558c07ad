"""The command line: a thin face over the library.

One module per command family registers its subcommands and, through
``set_defaults(run=...)``, the function that runs them; ``main`` parses and
calls it. Exit codes and the shared pieces are in ``common``.

    analyze              analyze.py   one story's articles -> its dossier
    batch                batch.py     a large corpus, story by story (batch extra)
    add, stories, changes, report, merge, split
                         store.py     the store (SQLite; PostgreSQL: postgres extra)
    watch                watch.py     poll feeds into the store
    serve                serve.py     the local web app (web extra)
    outlets              outlets.py   outlets' profiles across the store
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from storyline.cli import analyze, batch, outlets, serve, store, watch
from storyline.cli.common import EXIT_INTERRUPTED, EXIT_USAGE
from storyline.errors import StorylineError
from storyline.version import __version__

__all__ = ["main"]


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
    analyze.add_parser(sub)
    batch.add_parser(sub)
    store.add_parsers(sub)  # add, stories, changes, report, merge, split
    watch.add_parser(sub)
    outlets.add_parser(sub)
    serve.add_parser(sub)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args))
    except StorylineError as exc:  # a missing extra (common.MissingExtra) too
        print(f"storyline: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
