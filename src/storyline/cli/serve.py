"""storyline serve: the store's stories in a local web app. Needs the web extra."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from storyline.cli.common import EXIT_OK, EXIT_USAGE, add_db_argument, check_db, needs_extra


def add_parser(sub: Any) -> None:
    se = sub.add_parser(
        "serve",
        help="read the store's stories in a local web app",
        description="Serve a web app over the store: the stories, each story's claims "
        "with their evidence, figures, timeline and history, and a form to "
        "add articles. Loopback only unless --host says otherwise.",
    )
    add_db_argument(se)
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
    se.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not 0 < args.port < 65536:
        print(f"storyline: --port must be 1 to 65535, not {args.port}", file=sys.stderr)
        return EXIT_USAGE
    with needs_extra("serve", "web"):
        # Inside the function: Starlette, Jinja, uvicorn and python-multipart come
        # with the web extra. uvicorn and python-multipart are imported here too,
        # though the app imports them only when it starts and reads a form.
        import python_multipart  # noqa: F401
        import uvicorn  # noqa: F401

        from storyline.web import serve
    check_db("serve", args.db)
    serve(
        args.db, host=args.host, port=args.port, quiet=args.quiet, allow_private=args.allow_private
    )
    return EXIT_OK
