"""storyline watch: poll feeds, add their new items to the store, print what changed.

No progress bar: watch runs until stopped, adds a few items a round and
prints a line for each as it is stored.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from typing import Any

from storyline.cli.common import EXIT_OK, add_allow_private_argument
from storyline.cli.store import open_db, print_result, store_parser
from storyline.store import AddResult


def add_parser(sub: Any) -> None:
    p = store_parser(
        sub, "watch", "poll feeds, add their new items and print what changed; Ctrl-C stops", run
    )
    p.add_argument("feeds", nargs="+", metavar="FEED", help="feed URLs or feed files")
    p.add_argument(
        "--every",
        default="15m",
        metavar="INTERVAL",
        help="how often to poll: 30s, 15m, 1h (default 15m)",
    )
    add_allow_private_argument(p)


def run(args: argparse.Namespace) -> int:
    # Inside the function: the feed readers import trafilatura and feedparser
    # (about a second) that the other commands' start-up does without.
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
        with open_db(args) as store:
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
        print_result(a, quiet=False)
    sys.stdout.flush()
