"""The store's subcommands: add, stories, changes, watch, report, merge, split.

Thin faces over storyline.store; cli.py registers them. Exit codes as in
cli.py: 0 all inputs read, 1 some failed, 2 misuse (an unknown story), 3
nothing could be read; 130 for add stopped by Ctrl-C.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from storyline.store import Added, AddResult, Change, Duplicate, default_db, open_store

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_ALL_FAILED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
QUOTE_CHARS = 90  # claim and evidence words, cut to one terminal line
ALLOW_PRIVATE_HELP = (
    "also fetch from loopback and private addresses (an intranet feed); "
    "by default only the public web is fetched"
)


def add_parsers(sub: Any) -> None:
    """Register the store's subcommands on cli.py's subparsers."""
    db_help = (
        f"the store: a SQLite file or a postgresql:// URL "
        f"(default: $STORYLINE_DB, else {default_db()})"
    )

    def parser(name: str, help: str, run: Any) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help[0].upper() + help[1:] + ".")
        p.add_argument("--db", metavar="DB", default=None, help=db_help)
        p.set_defaults(run=run)
        return p

    p = parser("add", "add articles to the store and update their stories", _add)
    p.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="article files, folders, feed files, or URLs"
    )
    p.add_argument(
        "--quiet", "-q", action="store_true", help="print only failures and changed verdicts"
    )
    p.add_argument("--allow-private", action="store_true", help=ALLOW_PRIVATE_HELP)
    p = parser("stories", "list the stored stories, most recently updated first", _stories)
    p.add_argument("--format", "-f", choices=("text", "json"), default="text")
    p = parser("changes", "show what changed in a story's reading, article by article", _changes)
    p.add_argument("story", help="a story id (storyline stories lists them)")
    p.add_argument(
        "--since", metavar="DATE", help="only changes recorded on or after this ISO date or time"
    )
    p.add_argument("--format", "-f", choices=("text", "json"), default="text")
    p = parser(
        "watch", "poll feeds, add their new items and print what changed; Ctrl-C stops", _watch
    )
    p.add_argument("feeds", nargs="+", metavar="FEED", help="feed URLs or feed files")
    p.add_argument(
        "--every",
        default="15m",
        metavar="INTERVAL",
        help="how often to poll: 30s, 15m, 1h (default 15m)",
    )
    p.add_argument("--allow-private", action="store_true", help=ALLOW_PRIVATE_HELP)
    p = parser("report", "write a stored story's dossier", _report)
    p.add_argument("story", help="a story id")
    p.add_argument(
        "--format",
        "-f",
        choices=("json", "md", "html"),
        default=None,
        help="dossier format (default: from the --output suffix, else json)",
    )
    p.add_argument(
        "--output", "-o", metavar="FILE", help="where to write it (default: standard output)"
    )
    p = parser("merge", "make two stories one (the second joins the first)", _merge)
    p.add_argument("story", help="the story that stays")
    p.add_argument("other", help="the story that joins it")
    p = parser("split", "move articles (and their copies) out of a story into a new one", _split)
    p.add_argument("story", help="the story to split")
    p.add_argument("articles", nargs="+", metavar="ARTICLE", help="ids of the articles to move")


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return f"\u201c{text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + '…'}\u201d"


def change_lines(c: Change, evidence: bool = True) -> list[str]:
    """A change as text: one line, then its evidence indented."""
    if c.kind == "new-claim":
        head = f"+ {c.claim} new claim [{c.verdict_to}] {_quote(c.text)}"
    elif c.kind == "verdict":
        head = f"~ {c.claim} {c.verdict_from} -> {c.verdict_to} {_quote(c.text)}"
    else:
        head = f"! {c.claim} new {c.conflict}: {c.explanation}"
    lines = [head + (f"  ({c.note})" if c.note else "")]
    said_above = c.kind == "new-claim" and [m.text for m in c.evidence] == [c.text]
    if evidence and not said_above:
        lines += [
            f"    {m.doc} [{m.certainty}{', ' + m.source if m.source else ''}]: {_quote(m.text)}"
            for m in c.evidence
        ]
    return lines


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _print_result(result: Added | Duplicate, quiet: bool) -> None:
    if isinstance(result, Duplicate):
        if not quiet:
            print(f"= {result.input}: already stored ({result.reason} as {result.article})")
        return
    if result.copy_of:
        print(
            f"~ {result.article} -> {result.story}: a copy of {result.copy_of} "
            "(not counted as a confirmation)"
        )
        return
    new = sum(c.kind == "new-claim" for c in result.changes)
    moved = [c for c in result.changes if c.kind != "new-claim"]
    what = "new story" if result.new_story else "joined"
    print(
        f"+ {result.article} -> {result.story} ({what}): {_n(new, 'new claim')}, "
        f"{_n(sum(c.kind == 'verdict' for c in moved), 'verdict')} moved, "
        f"{_n(sum(c.kind == 'new-conflict' for c in moved), 'new conflict')}"
    )
    for c in moved:
        for line in change_lines(c, evidence=not quiet):
            print("  " + line)


def _exit_code(result: AddResult) -> int:
    if result.stopped:
        return EXIT_INTERRUPTED
    if result.failures and not (result.added or result.duplicates):
        return EXIT_ALL_FAILED
    return EXIT_SOME_FAILED if result.failures else EXIT_OK


def _add(args: argparse.Namespace) -> int:
    from storyline.ingest.fetch import Fetcher
    from storyline.ingest.sources import read_sources

    with open_store(args.db) as store:
        outcomes = read_sources(args.inputs, Fetcher(allow_private=args.allow_private))
        for f in (o for o in outcomes if not o.ok):
            print(f"storyline: {f.error}", file=sys.stderr)

        def heard(r: Added | Duplicate) -> None:
            _print_result(r, args.quiet)
            sys.stdout.flush()  # as each article is stored, also into a pipe

        result = store.add(outcomes, on_result=heard)
    if not (result.added or result.duplicates):
        print("storyline: no article could be read; nothing stored", file=sys.stderr)
    elif not args.quiet:
        print(
            f"storyline: {len(result.added)} added, {len(result.duplicates)} already stored, "
            f"{len(result.failures)} failed",
            file=sys.stderr,
        )
    return _exit_code(result)


def _json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _stories(args: argparse.Namespace) -> int:
    with open_store(args.db) as store:
        stories = store.stories()
    if args.format == "json":
        _json([dataclasses.asdict(s) for s in stories])
        return EXIT_OK
    if not stories:
        print("no stories yet: storyline add PATH|URL|FEED ... adds articles")
    for s in stories:
        outlets = ", ".join(s.outlets[:4]) + (
            f" +{len(s.outlets) - 4}" if len(s.outlets) > 4 else ""
        )
        copies = f" ({s.copies} copies)" if s.copies else ""
        conflicts = sum(s.conflicts.values())
        print(
            f"{s.id}  {s.title}\n    {s.articles} articles{copies} "
            f"from {outlets or 'unknown outlets'}; "
            f"{s.claims} claims, {conflicts} conflicts; updated {s.last_update}"
        )
    return EXIT_OK


def _changes(args: argparse.Namespace) -> int:
    with open_store(args.db) as store:
        changes = store.changes(args.story, since=args.since)
    if args.format == "json":
        _json([dataclasses.asdict(c) for c in changes])
        return EXIT_OK
    last = None
    for c in changes:
        if (c.at, c.article) != last:
            last = (c.at, c.article)
            print(f"{c.at}  {c.article or c.note}")
        for line in change_lines(c):
            print("  " + line)
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from storyline.cli import _format_for
    from storyline.render import render

    with open_store(args.db) as store:
        out = render(store.dossier(args.story), _format_for(args.output, args.format))
    if args.output:
        tmp = f"{args.output}.part"
        Path(tmp).write_text(out, encoding="utf-8")
        os.replace(tmp, args.output)
    else:
        sys.stdout.write(out)
    return EXIT_OK


def _merge(args: argparse.Namespace) -> int:
    with open_store(args.db) as store:
        changes = store.merge(args.story, args.other)
    print(f"merged {args.other} into {args.story}")
    for c in changes:
        if c.kind != "new-claim":
            print("  " + change_lines(c, evidence=False)[0])
    return EXIT_OK


def _split(args: argparse.Namespace) -> int:
    with open_store(args.db) as store:
        new = store.split(args.story, args.articles)
    print(new)
    return EXIT_OK


def _watch(args: argparse.Namespace) -> int:
    from storyline.ingest.fetch import Fetcher
    from storyline.store.watch import parse_interval, watch

    every = parse_interval(args.every)
    stop = threading.Event()

    def on_signal(signum: int, frame: Any) -> None:
        if stop.is_set():  # a second Ctrl-C: stop now; the open transaction rolls back
            raise KeyboardInterrupt
        stop.set()
        print("storyline: stopping after the current article ...", file=sys.stderr, flush=True)

    previous = [signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)]
    try:
        with open_store(args.db) as store:
            print(
                f"storyline: watching {len(args.feeds)} feed(s) every {args.every}; Ctrl-C stops",
                file=sys.stderr,
                flush=True,
            )
            fetcher = Fetcher(allow_private=args.allow_private)
            watch(store, args.feeds, every, stop, _print_watch, fetcher=fetcher)
    finally:
        for s, handler in zip((signal.SIGINT, signal.SIGTERM), previous, strict=True):
            signal.signal(s, handler)
    print("storyline: stopped; the store is complete", file=sys.stderr)
    return EXIT_OK


def _print_watch(result: AddResult) -> None:
    for f in result.failures:
        print(f"storyline: {f.error}", file=sys.stderr)
    for a in result.added:
        _print_result(a, quiet=False)
    sys.stdout.flush()


def run(args: argparse.Namespace) -> int:
    return int(args.run(args))


__all__: Sequence[str] = ["add_parsers", "change_lines", "run"]
