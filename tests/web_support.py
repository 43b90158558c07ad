"""What the web app's tests share: a store holding the seed story, a test
client, a live server on a free loopback port, and articles to add."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

from tests.store_support import SEED, reuse_reader

# A fourth report of the seed story, in the header format read_text_article reads.
NEW_ARTICLE = """source: Midlands Motor Wire
date: 2026-01-30
title: JLR and Chery stay quiet on Halewood
---
Jaguar Land Rover and Chery have not reached any agreement to build Chery cars in the UK, a JLR spokesperson said on Friday.
The spokesperson said talks between JLR and Chery about UK manufacturing capacity were at an early stage.
Chery UK declined to comment on reports that its vehicles could be assembled at Halewood.
Industry analysts said a deal between JLR and Chery could still be announced later this year.
"""  # noqa: E501 - article text, one paragraph a line

# Untrusted input: an article whose text carries markup and a script.
SCRIPT_ARTICLE = """source: Script Test Daily
date: 2026-01-31
title: <b>Bold</b> claims about Chery
---
Chery said it will build cars at Halewood <script>window.__pwned=1</script> next year, a spokesperson said.
JLR denied that Chery will build cars at Halewood <img src=x onerror="window.__pwned=2"> in 2026.
"""  # noqa: E501 - article text, one paragraph a line


def seed_store(path: Path) -> str:
    """A SQLite store at ``path`` holding the seed story; its id."""
    from storyline.ingest.files import read_inputs
    from storyline.store import open_store

    with open_store(path) as store:
        result = store.add(read_inputs([SEED]), reader=reuse_reader)
    stories = {a.story for a in result.added}
    assert len(stories) == 1, stories
    return stories.pop()


def make_client(app, **kwargs):
    """Starlette's TestClient, addressed to loopback as a browser would be."""
    with warnings.catch_warnings():  # Starlette 1.x would rather have httpx2; httpx works the same
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
        from starlette.testclient import TestClient
    # A browser's POST carries its page's Origin; the app refuses one without it.
    headers = {"origin": "http://127.0.0.1", **kwargs.pop("headers", {})}
    return TestClient(app, base_url="http://127.0.0.1", headers=headers, **kwargs)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def live_server(app) -> Iterator[str]:
    """Serve ``app`` with uvicorn in a thread on 127.0.0.1; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def wait_for_job(client, job_url: str, timeout: float = 120) -> dict:
    """Poll a job's JSON status until it finishes; its last state."""
    deadline = time.monotonic() + timeout
    while True:
        body = client.get(job_url).json()
        if body["job"]["status"] in ("done", "failed") or time.monotonic() > deadline:
            return body
        time.sleep(0.1)


@contextlib.contextmanager
def store_client(db) -> Iterator:
    """A test client over the app on the store at ``db``, closed after."""
    from storyline.web import create_app, open_source

    source = open_source(db)
    app = create_app(source)
    try:
        with make_client(app) as c:
            yield c
    finally:
        app.state.jobs.close()
        source.close()
