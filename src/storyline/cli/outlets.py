"""storyline outlets: each outlet's profile across the stored stories.

How often it overstates, hedges, is the origin of claims others relay,
relays, and affirms what ends up disputed or denied: each figure with its
count, out of how many claims (see storyline.store.profiles).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from storyline.cli.common import EXIT_OK
from storyline.cli.store import open_db, store_parser

__all__ = ["add_parser", "table"]


def add_parser(sub: Any) -> None:
    p = store_parser(
        sub,
        "outlets",
        "profile each outlet across the stored stories: how it reports, with counts",
        run,
    )
    p.add_argument("--format", "-f", choices=("table", "json"), default="table")
    p.add_argument(
        "--outlet", action="append", default=[], metavar="NAME", help="only this outlet (repeat)"
    )
    p.add_argument(
        "--evidence",
        action="store_true",
        help="with --format json: list the mentions behind each figure",
    )


def _cell(count: int, of: int) -> str:
    return f"{count}/{of} ({100 * count / of:.0f}%)" if of else f"{count}/0"


def table(profiles: list[Any]) -> str:
    """The profiles as a plain-text table, one outlet a row."""
    from storyline.store.profiles import FIGURES

    head = ["outlet", "stories", "articles", "claims", *(key for key, _, _ in FIGURES)]
    rows = [
        [
            p.outlet,
            str(p.stories),
            str(p.articles),
            str(p.claims),
            *(_cell(f.count, f.of) for f in p.figures),
        ]
        for p in profiles
    ]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
        for r in [head, *rows]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    notes = [f"  {key}: {label}, out of {of}" for key, label, of in FIGURES]
    return "\n".join([*lines, "", "count/out of (share):", *notes])


def run(args: argparse.Namespace) -> int:
    from storyline.store.profiles import outlet_profiles, profile_dict

    with open_db(args) as store:
        profiles = outlet_profiles(store, args.outlet)
    if args.format == "json":
        body = {"outlets": [profile_dict(p, evidence=args.evidence) for p in profiles]}
        sys.stdout.write(json.dumps(body, indent=2, ensure_ascii=False) + "\n")
    elif profiles:
        sys.stdout.write(table(profiles) + "\n")
    else:
        sys.stdout.write("no outlets: the store has no article with a known outlet\n")
    return EXIT_OK
