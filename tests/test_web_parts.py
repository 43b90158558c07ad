"""The web app's parts on their own: context, marks, intake, jobs, placement, the CLI."""

from __future__ import annotations

import http.server
import json
import signal
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from storyline.model import Document, Mention, Skipped
from storyline.render.view import context
from storyline.web.http import host_name, is_loopback
from storyline.web.intake import Upload, read_pasted, read_uploads, read_url, safe_name
from storyline.web.jobs import Jobs
from storyline.web.view import focused_text, parse_span
from tests.store_support import cli_env
from tests.web_support import NEW_ARTICLE, free_port, make_client, seed_store, wait_for_job

TEXT = (
    "Talks began in May. A deal between the two carmakers is nearing completion, "
    "sources said, though neither firm would comment. Shares rose 4% on Monday."
)
# Nothing to do with the seed story: a council budget.
UNRELATED = """source: Northern Civic Bulletin
---
The city council approved a new budget for public libraries on Tuesday after a long debate.
Councillors said the budget would keep every branch library open until the end of next year.
The council's finance officer said the libraries budget had been cut by a fifth since 2019.
"""

FLOOD = """source: Valley Weather Desk
---
The river burst its banks overnight and flooded forty homes in the lower town, firefighters said.
Volunteers filled sandbags at the school hall while engineers inspected the old stone bridge.
Forecasters expect two more days of heavy rain across the valley before the weekend.
"""


def test_context_runs_to_the_sentence_edges():
    start = TEXT.index("A deal")
    end = TEXT.index(" is nearing") + len(" is nearing completion")
    before, after = context(TEXT, start, end)
    assert before == "" and after == ", sources said, though neither firm would comment."


def test_context_is_cut_at_a_space_with_an_ellipsis_in_a_long_sentence():
    text = "word " * 100 + "KEY" + " more" * 100
    start = text.index("KEY")
    before, after = context(text, start, start + 3, width=30)
    assert before.startswith("…") and len(before) <= 31 and after.endswith("…")
    assert not before[1:].startswith("ord")  # never half a word


def test_marked_text_escapes_and_nests_crossing_mentions():
    text = 'Tom said <b>"it is done"</b> & left.'
    doc = Document("d", text, None, None, skipped=(Skipped("d", 29, 36, "comment", "& left."),))

    def mention(words: str, certainty: str) -> tuple[Mention, str]:
        start = text.index(words)
        m = Mention("d", start, start + len(words), words, certainty)  # type: ignore[arg-type]
        return m, "a claim"

    html = str(
        focused_text(
            doc,
            [mention('said <b>"it', "certain"), mention("is done", "negated")],
            focus=(text.index("said"), text.index("said") + 4),
        )
    )
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp; left" in html
    assert html.count('<span class="focus" id="focus">') == 1
    assert '<mark class="certain" id="m-4"' in html and '<mark class="negated"' in html
    assert '<span class="skipped comment">' in html


@pytest.mark.parametrize(
    ("value", "span"), [("3-9", (3, 9)), ("9-3", None), ("x-9", None), ("", None), ("4", None)]
)
def test_parse_span(value, span):
    assert parse_span(value) == span


def test_host_names_and_loopback():
    assert host_name("[::1]:8000") == "::1" and host_name("localhost:80") == "localhost"
    assert is_loopback("127.0.0.2") and not is_loopback("attacker.example")


def test_uploads_keep_their_names_and_never_show_a_temporary_path():
    outcomes = read_uploads(
        [
            Upload("../../etc/wire.txt", NEW_ARTICLE.encode()),
            Upload("wire.txt", NEW_ARTICLE.replace("Friday", "Monday").encode()),
        ]
    )
    articles = [a for o in outcomes for a in o.articles]
    assert len(articles) == 2 and len({a.id for a in articles}) == 2
    assert articles[0].path == "../../etc/wire.txt" and articles[0].source == "Midlands Motor Wire"
    assert all("storyline-upload" not in (a.path or "") for a in articles)
    assert safe_name("../../etc/pass wd", "x") == "pass-wd" and safe_name("..", "x") == "x"


def test_pasted_text_gets_an_id_from_its_words():
    first, again = read_pasted(NEW_ARTICLE), read_pasted(NEW_ARTICLE + "\n")
    assert first.articles[0].id == again.articles[0].id and first.articles[0].title
    assert read_pasted("   ").error == "pasted text: empty file"


class _Page(http.server.BaseHTTPRequestHandler):
    PAGE = (
        "<html><head><title>Libraries saved</title></head><body><nav>Home News Sport</nav>"
        "<article><h1>Libraries saved</h1>"
        + "".join(f"<p>{line}</p>" for line in UNRELATED.split("---\n")[1].splitlines())
        + "</article></body></html>"
    ).encode()

    def do_GET(self):  # noqa: N802 - the http.server name
        if self.path != "/news/libraries":
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.PAGE)))
        self.end_headers()
        self.wfile.write(self.PAGE)

    def log_message(self, *args):
        pass


def test_a_url_is_fetched_and_read_as_an_article():
    from storyline.ingest.fetch import Fetcher

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        fetcher = Fetcher(delay=0, allow_private=True)
        [article] = read_url(f"{base}/news/libraries", fetcher).articles
        missing = read_url(f"{base}/nothing", fetcher)
    finally:
        server.shutdown()
    assert "branch library" in article.text and "Home News Sport" not in article.text
    assert missing.error and "404" in missing.error


def test_a_failing_job_reports_its_error():
    jobs = Jobs()

    def work(report):
        report(1, 2, "half way")
        raise ValueError("the store is read-only")

    job = jobs.submit(work)
    deadline = time.monotonic() + 10
    while jobs.get(job.id).status not in ("done", "failed") and time.monotonic() < deadline:
        time.sleep(0.01)
    state = jobs.get(job.id)
    jobs.close()
    assert state.status == "failed" and state.error == "the store is read-only" and state.done == 1


def test_an_article_added_on_a_story_page_is_placed_in_that_story(tmp_path):
    """The store would start a story for an unrelated article; the reader who
    adds it from a story's page has said where it belongs. From the stories
    page, the store places it."""
    from storyline.web import create_app, open_source

    db = tmp_path / "stories.db"
    story = seed_store(db)
    source = open_source(db)
    app = create_app(source)
    with make_client(app) as c:
        r = c.post("/add", data={"text": UNRELATED}, headers={"accept": "application/json"})
        placed = wait_for_job(c, r.json()["status"])["job"]["result"]
        other = placed["added"][0]["story"]
        assert (
            other != story
            and placed["story"] == other
            and placed["added"][0]["placed_by_store"] is None
        )
        r = c.post(
            f"/story/{story}/add", data={"text": FLOOD}, headers={"accept": "application/json"}
        )
        result = wait_for_job(c, r.json()["status"])["job"]["result"]
        stories = {s["id"]: s["articles"] for s in c.get("/index.json").json()["stories"]}
    app.state.jobs.close()
    source.close()
    [added] = result["added"]
    assert added["story"] == story and added["placed_by_store"] is not None
    assert (
        stories[story] == 4 and stories[other] == 1 and len(stories) == 2
    )  # its own story is gone


def test_storyline_serve_answers_on_loopback(tmp_path):
    db = tmp_path / "stories.db"
    seed_store(db)
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "storyline.cli", "serve", "--db", str(db), "--port", str(port)],
        env=cli_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline, body = time.monotonic() + 60, None
        while body is None and time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/index.json", timeout=5) as r:
                    body = json.load(r)
            except OSError:
                time.sleep(0.2)
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    assert body is not None, err
    assert body["stories"][0]["articles"] == 3
    assert f"serving http://127.0.0.1:{port}/" in err


def test_serve_help_names_every_option():
    out = subprocess.run(
        [sys.executable, "-m", "storyline.cli", "serve", "--help"],
        capture_output=True,
        text=True,
        env=cli_env(),
        timeout=120,
    ).stdout
    for option in ("--db", "--host", "--port", "--quiet"):
        assert option in out
    assert "127.0.0.1" in out


class _NoStories:
    async def stories(self):
        return []


def test_served_beyond_loopback_any_host_name_is_answered():
    from storyline.web import WebOptions, create_app

    network = make_client(create_app(_NoStories(), WebOptions(host="0.0.0.0")))  # type: ignore[arg-type]
    loopback = make_client(create_app(_NoStories()))  # type: ignore[arg-type]
    headers = {"host": "newsroom.example:8000"}
    assert network.get("/index.json", headers=headers).json() == {
        "storyline_version": network.get("/index.json").json()["storyline_version"],
        "stories": [],
    }
    assert loopback.get("/index.json", headers=headers).status_code == 400
    assert loopback.get("/index.json", headers={"host": "localhost:8000"}).status_code == 200
