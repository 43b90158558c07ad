"""Run the web app with uvicorn: loopback unless told otherwise."""

from __future__ import annotations

import os
import sys

from storyline.web.app import WebOptions, create_app
from storyline.web.http import is_loopback
from storyline.web.source import open_source

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def serve(
    db: str | os.PathLike[str] | None,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    quiet: bool = False,
    allow_private: bool = False,
) -> None:
    """Serve the store at ``db`` on http://host:port/ until interrupted."""
    import uvicorn  # the server, loaded only to serve: building the app needs none of it

    source = open_source(db)
    app = create_app(source, WebOptions(host=host, allow_private=allow_private))
    shown = f"[{host}]" if ":" in host else host
    if not quiet:
        print(f"storyline: serving http://{shown}:{port}/ (Ctrl-C to stop)", file=sys.stderr)
        if not is_loopback(host):
            print(
                f"storyline: warning: listening on {host}, not loopback: anyone who can reach "
                "this address can read and add to the store",
                file=sys.stderr,
            )
    try:
        uvicorn.run(
            app, host=host, port=port, log_level="warning", server_header=False, proxy_headers=False
        )
    finally:
        source.close()  # first: an add in progress stops after its current article
        app.state.jobs.close()
