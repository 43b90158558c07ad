"""The store's commands: add, stories, changes, report, merge, split.

Thin faces over storyline.store, on SQLite with the core install; a
postgresql:// store needs the postgres extra. Exit codes as in common: 0 all
inputs read, 1 some failed, 2 misuse (an unknown story), 3 nothing could be
read; 130 for add stopped by Ctrl-C.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from contextlib import nullcontext
from typing import Any

from storyline.cli.common import (
    EXIT_ALL_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_SOME_FAILED,
    add_allow_private_argument,
    add_db_argument,
    add_dossier_arguments,
    check_db,
    format_for,
    show_progress,
    shown,
    write_output,
)
from storyline.io import Progress
from storyline.render import render
from storyline.store import Added, AddResult, Change, Duplicate, Store, open_store

__all__ = ["add_parsers", "change_lines", "open_db", "print_result"]

QUOTE_CHARS = 90  # claim and evidence words, cut to one terminal line


def store_parser(sub: Any, name: str, help: str, run: Any) -> argparse.ArgumentParser:
    """A subcommand over the store: its --db, and ``run`` to dispatch to."""
    p: argparse.ArgumentParser = sub.add_parser(
        name, help=help, description=help[0].upper() + help[1:] + "."
    )
    add_db_argument(p)
    p.set_defaults(run=run)
    return p


def open_db(args: argparse.Namespace) -> Store:
    check_db(args.command, args.db)
    return open_store(args.db)


def add_parsers(sub: Any) -> None:
    p = store_parser(sub, "add", "add articles to the store and update their stories", _add)
    p.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="article files, folders, feed files, or URLs"
    )
    p.add_argument(
        "--progress",
        action="store_true",
        help="draw the progress bar even when stderr is not a terminal",
    )
    p.add_argument(
        "--quiet", "-q", action="store_true", help="print only failures and changed verdicts"
    )
    add_allow_private_argument(p)
    p = store_parser(
        sub, "stories", "list the stored stories, most recently updated first", _stories
    )
    p.add_argument("--format", "-f", choices=("text", "json"), default="text")
    p = store_parser(
        sub, "changes", "show what changed in a story's reading, article by article", _changes
    )
    p.add_argument("story", help="a story id (storyline stories lists them)")
    p.add_argument(
        "--since", metavar="DATE", help="only changes recorded on or after this ISO date or time"
    )
    p.add_argument("--format", "-f", choices=("text", "json"), default="text")
    p = store_parser(sub, "report", "write a stored story's dossier", _report)
    p.add_argument("story", help="a story id")
    add_dossier_arguments(p, "where to write it (default: standard output)")
    p = store_parser(sub, "merge", "make two stories one (the second joins the first)", _merge)
    p.add_argument("story", help="the story that stays")
    p.add_argument("other", help="the story that joins it")
    p = store_parser(
        sub, "split", "move articles (and their copies) out of a story into a new one", _split
    )
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


def print_result(result: Added | Duplicate, quiet: bool) -> None:
    """One article as added (or found already stored), and what it changed."""
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
    # Inside the function: the readers import trafilatura and feedparser (about a
    # second) that the other store commands' start-up does without.
    from storyline.ingest.fetch import Fetcher
    from storyline.ingest.sources import read_sources

    with open_db(args) as store:
        outcomes = read_sources(args.inputs, Fetcher(allow_private=args.allow_private))
        for f in (o for o in outcomes if not o.ok):
            print(f"storyline: {f.error}", file=sys.stderr)
        total = sum(len(o.articles) for o in outcomes)
        progress = (
            Progress(sys.stderr, total, phase="adding", before="already stored")
            if total > 1 and show_progress(args)
            else None
        )

        def heard(r: Added | Duplicate) -> None:
            with progress.paused(sys.stdout) if progress else nullcontext():
                print_result(r, args.quiet)
                sys.stdout.flush()  # as each article is stored, also into a pipe
            if progress:
                progress.update(done=isinstance(r, Added), resumed=isinstance(r, Duplicate))

        try:
            result = store.add(outcomes, on_result=heard)
        finally:
            if progress:
                progress.close()
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
    with open_db(args) as store:
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
    with open_db(args) as store:
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
    with open_db(args) as store:
        out = render(shown(store.dossier(args.story), args), format_for(args.output, args.format))
    write_output(out, args.output)
    return EXIT_OK


def _merge(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        changes = store.merge(args.story, args.other)
    print(f"merged {args.other} into {args.story}")
    for c in changes:
        if c.kind != "new-claim":
            print("  " + change_lines(c, evidence=False)[0])
    return EXIT_OK


def _split(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        new = store.split(args.story, args.articles)
    print(new)
    return EXIT_OK
