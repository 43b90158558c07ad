"""What every command shares: exit codes, dossier formats and where a dossier
goes, the store argument, and the one-line answer when an extra is missing.

Exit codes: 0 every input was read; 1 some inputs failed (the output covers
the rest); 2 the command was misused, or needs an extra that is not installed;
3 no input could be read; 130 stopped by Ctrl-C.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from storyline.errors import StorylineError
from storyline.io import write_text_atomic
from storyline.model import Dossier
from storyline.store import default_db
from storyline.store.db import is_postgres_url
from storyline.story.importance import top

__all__ = [
    "EXIT_ALL_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_SOME_FAILED",
    "EXIT_USAGE",
    "EXTRAS",
    "FORMATS",
    "MissingExtra",
    "add_db_argument",
    "add_dossier_arguments",
    "check_db",
    "format_for",
    "needs_extra",
    "show_progress",
    "write_output",
]

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_ALL_FAILED = 0, 1, 2, 3
EXIT_INTERRUPTED = 130
FORMATS = ("json", "md", "html")
_SUFFIXES = {"json": "json", "md": "md", "markdown": "md", "html": "html", "htm": "html"}

# The top-level modules each extra brings (pyproject.toml's optional-dependencies).
EXTRAS: dict[str, tuple[str, ...]] = {
    "web": ("starlette", "uvicorn", "jinja2", "python_multipart", "multipart"),
    "batch": ("dask", "distributed", "pyarrow"),
    "postgres": ("psycopg", "psycopg_binary"),
}


class MissingExtra(StorylineError):
    """A command needs an optional dependency that is not installed."""

    def __init__(self, command: str, extra: str) -> None:
        super().__init__(f"{command} needs the {extra} extra: pip install 'storyline[{extra}]'")


@contextmanager
def needs_extra(command: str, extra: str) -> Iterator[None]:
    """Around the imports of an optional dependency: where one of ``extra``'s
    modules is missing, raise MissingExtra (one line, exit 2) instead of a
    traceback. Other import errors pass through: they are bugs, not installs."""
    try:
        yield
    except ImportError as exc:
        if (exc.name or "").partition(".")[0] not in EXTRAS[extra]:
            raise
        raise MissingExtra(command, extra) from exc


ALLOW_PRIVATE_HELP = (
    "also fetch from loopback and private addresses (an intranet feed); "
    "by default only the public web is fetched"
)


def add_allow_private_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--allow-private", action="store_true", help=ALLOW_PRIVATE_HELP)


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="DB",
        default=None,
        help="the store: a SQLite file or a postgresql:// URL "
        f"(default: $STORYLINE_DB, else {default_db()})",
    )


def check_db(command: str, db: str | None) -> None:
    """A postgresql:// store needs the postgres extra: say so in one line.
    (The store imports psycopg only when it opens such a URL.)"""
    if is_postgres_url(db if db is not None else default_db()):
        with needs_extra(command, "postgres"):
            # Inside the function: psycopg comes with the postgres extra.
            import psycopg  # noqa: F401


def add_dossier_arguments(parser: argparse.ArgumentParser, output_help: str) -> None:
    """--format and --output, as analyze and report take them."""
    parser.add_argument(
        "--format",
        "-f",
        choices=FORMATS,
        default=None,
        help="dossier format (default: from the --output suffix, else json)",
    )
    parser.add_argument("--output", "-o", metavar="FILE", help=output_help)
    parser.add_argument(
        "--top",
        type=_count,
        metavar="N",
        help="only the N most important claims (and their conflicts); the dossier "
        "says how many were left out",
    )


def _count(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {n}")
    return n


def shown(dossier: Dossier, args: argparse.Namespace) -> Dossier:
    """The dossier as --top asks for it."""
    return dossier if args.top is None else top(dossier, args.top)


def format_for(output: str | None, fmt: str | None) -> str:
    """The dossier format: ``fmt`` if given, else from ``output``'s suffix, else json."""
    if fmt:
        return fmt
    suffix = Path(output).suffix.lower().lstrip(".") if output else ""
    return _SUFFIXES.get(suffix, "json")


def write_output(text: str, output: str | None) -> None:
    """To the file ``output``, written whole (never half a dossier), or to stdout."""
    if output:
        write_text_atomic(output, text)
    else:
        sys.stdout.write(text)


def show_progress(args: argparse.Namespace) -> bool:
    """Draw a bar: on a terminal, or with --progress; never with --quiet."""
    return not args.quiet and (args.progress or sys.stderr.isatty())
