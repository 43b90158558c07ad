"""A local web app to read stories from the store: claims, evidence, changes.

    >>> from storyline.web import create_app, open_source
    >>> app = create_app(open_source("stories.db"))      # an ASGI app; serve() runs it

Pages render on the server and read without JavaScript; every page has a
JSON twin; article text is escaped everywhere (articles are untrusted).
"""

from __future__ import annotations

from storyline.web.app import WebOptions, create_app
from storyline.web.serve import serve
from storyline.web.source import Source, open_source

__all__ = ["Source", "WebOptions", "create_app", "open_source", "serve"]
