"""The web app's routes, JSON twins, error shape, escaping and limits, with
Starlette's test client over a real store holding the seed story."""

from __future__ import annotations

import json
import re
import time
from html.parser import HTMLParser
from urllib.parse import quote

import pytest

from storyline.render import from_dict
from storyline.store import open_store
from tests.web_support import (
    NEW_ARTICLE,
    SCRIPT_ARTICLE,
    make_client,
    seed_store,
    store_client,
    wait_for_job,
)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    db = tmp_path_factory.mktemp("web") / "stories.db"
    return db, seed_store(db)


@pytest.fixture(scope="module")
def client(seeded):
    with store_client(seeded[0]) as c:
        yield c


@pytest.fixture()
def fresh(tmp_path):
    """A client over a store of its own, for tests that add articles."""
    from storyline.web import create_app, open_source

    db = tmp_path / "stories.db"
    story = seed_store(db)
    source = open_source(db)
    app = create_app(source)
    with make_client(app) as c:
        yield c, story, db
    app.state.jobs.close()
    source.close()


def _error(response, status: int) -> dict:
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "message", "detail"}
    assert body["error"]["status"] == status and body["error"]["message"]
    return body["error"]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(html)
    return parser.found


# -- the stories -----------------------------------------------------------


def test_index_lists_the_seed_story_with_its_counts(client, seeded):
    body = client.get("/index.json").json()
    [story] = body["stories"]
    assert story["id"] == seeded[1] and story["articles"] == 3
    assert story["disputed"] == story["verdicts"]["disputed"] >= 1
    assert story["overstated"] == story["conflicts"].get("overstatement", 0)
    page = client.get("/").text
    assert f'href="/story/{seeded[1]}"' in page and "Overstated" in page


# -- a story ---------------------------------------------------------------


def test_story_json_twin_is_the_dossier_with_the_story(client, seeded):
    body = client.get(f"/story/{seeded[1]}.json").json()
    dossier = from_dict(body)
    with open_store(seeded[0]) as store:
        expected = store.dossier(seeded[1])
    assert [c.text for c in dossier.claims] == [c.text for c in expected.claims]
    assert body["story"]["id"] == seeded[1] and len(dossier.documents) == 3


def test_story_page_puts_conflicts_then_key_claims_then_the_tail_by_verdict(client, seeded):
    page = client.get(f"/story/{seeded[1]}").text
    assert (
        page.index('id="conflicts"') < page.index('id="key-claims"') < page.index('id="long-tail"')
    )
    order = [
        m.group(1) for m in re.finditer(r'<section class="verdict" id="verdict-([a-z-]+)"', page)
    ]
    assert order and order == sorted(
        order,
        key=[
            "disputed",
            "denied",
            "reported",
            "speculative",
            "single-source",
            "corroborated",
        ].index,
    )


def test_a_disputed_claim_shows_the_exact_words_of_those_who_affirm_and_deny_it(client, seeded):
    body = client.get(f"/story/{seeded[1]}.json").json()
    claim = next(
        c
        for c in body["claims"]
        if c["verdict"] == "disputed"
        and {"certain", "negated"} <= {m["certainty"] for m in c["mentions"]}
    )
    texts = {d["id"]: d["text"] for d in body["documents"]}
    page = client.get(f"/story/{seeded[1]}").text
    block = page[page.index(f'id="claim-{claim["id"]}"') :]
    block = block[: block.index("</details>")]
    for m in claim["mentions"]:
        words = texts[m["doc"]][m["start"] : m["end"]]
        assert f'<mark class="{m["certainty"]}">{_esc(words)}</mark>' in block
    assert "affirms" in block and "denies" in block


def _esc(text: str) -> str:
    from html import escape

    return escape(text, quote=True)


def test_verdict_filter_keeps_only_that_verdicts_claims(client, seeded):
    story = client.get("/index.json").json()["stories"][0]
    page = client.get(f"/story/{seeded[1]}?verdict=denied").text
    assert page.count('<details class="card claim') == story["verdicts"]["denied"]
    twin = client.get(f"/story/{seeded[1]}.json?verdict=denied").json()
    assert {c["verdict"] for c in twin["claims"]} == {"denied"} and twin["filters"][
        "verdict"
    ] == "denied"


def test_outlet_filter_keeps_the_claims_that_outlet_mentions(client, seeded):
    full = client.get(f"/story/{seeded[1]}.json").json()
    outlet = next(d["source"] for d in full["documents"] if d["source"])
    docs = {d["id"] for d in full["documents"] if d["source"] == outlet}
    twin = client.get(f"/story/{seeded[1]}.json", params={"outlet": outlet}).json()
    assert twin["claims"] and all(
        any(m["doc"] in docs for m in c["mentions"]) for c in twin["claims"]
    )
    assert len(twin["claims"]) < len(full["claims"])
    assert {d["id"] for d in twin["documents"]} == docs


def test_an_unknown_filter_value_is_a_400_in_the_error_shape(client, seeded):
    error = _error(client.get(f"/story/{seeded[1]}.json?verdict=rumoured"), 400)
    assert "rumoured" in error["message"] and "disputed" in error["detail"]["valid"]
    assert client.get(f"/story/{seeded[1]}?outlet=Nobody").status_code == 400


# -- an article ------------------------------------------------------------


def test_article_page_frames_the_clicked_mention_and_marks_the_others(client, seeded):
    body = client.get(f"/story/{seeded[1]}.json").json()
    m = body["conflicts"][0]["mentions"][0]
    text = next(d["text"] for d in body["documents"] if d["id"] == m["doc"])
    page = client.get(
        f"/story/{seeded[1]}/article/{m['doc']}", params={"m": f"{m['start']}-{m['end']}"}
    ).text
    focus = page[page.index('<span class="focus" id="focus">') :]
    shown = re.sub(r"<[^>]+>", "", focus[: focus.index("</div>")])
    assert shown.startswith(_esc(text[m["start"] : m["end"]]))
    assert page.count("<mark ") > 5 and f'id="m-{m["start"]}"' in page


def test_article_json_twin_lists_its_mentions(client, seeded):
    doc = client.get(f"/story/{seeded[1]}.json").json()["documents"][0]
    body = client.get(f"/story/{seeded[1]}/article/{doc['id']}.json").json()
    assert body["document"]["text"] == doc["text"]
    assert body["mentions"] and all(m["doc"] == doc["id"] for m in body["mentions"])


def test_changes_page_and_twin_show_the_storys_history(client, seeded):
    with open_store(seeded[0]) as store:
        expected = store.changes(seeded[1])
    body = client.get(f"/story/{seeded[1]}/changes.json").json()
    assert len(body["changes"]) == len(expected) > 0
    page = client.get(f"/story/{seeded[1]}/changes").text
    assert page.count('<li class="change') == len(expected)


# -- errors ----------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/story/s999.json", "/story/s999/changes.json", "/no/such/page.json"]
)
def test_not_found_is_a_404_in_the_error_shape(client, path):
    _error(client.get(path), 404)


def test_an_html_request_gets_the_error_as_a_page(client):
    r = client.get("/story/s999", headers={"accept": "text/html"})
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "no story &#39;s999&#39;" in r.text


def test_an_unknown_article_is_a_404(client, seeded):
    _error(client.get(f"/story/{seeded[1]}/article/nothing.txt.json"), 404)


def test_a_server_error_is_a_500_in_the_error_shape(seeded):
    from storyline.web import create_app

    class Broken:
        async def stories(self):
            raise RuntimeError("disk on fire")

    with make_client(create_app(Broken()), raise_server_exceptions=False) as c:  # type: ignore[arg-type]
        error = _error(c.get("/index.json"), 500)
    assert error["detail"] == {"type": "RuntimeError"}  # no traceback or message leaks out


# -- safety ----------------------------------------------------------------


def test_pages_load_no_asset_from_outside_the_app(client, seeded):
    for path in ("/", f"/story/{seeded[1]}", f"/story/{seeded[1]}/changes"):
        for tag, attrs in _tags(client.get(path).text):
            ref = attrs.get("src") or (attrs.get("href") if tag == "link" else None)
            assert ref is None or ref.startswith("/") and not ref.startswith("//"), (path, tag, ref)
    for asset in ("/static/app.js", "/static/app.css", "/static/dossier.css", "/static/icon.svg"):
        assert client.get(asset).status_code == 200, asset


def test_every_response_carries_a_strict_content_security_policy(client):
    for r in (client.get("/"), client.get("/nope.json")):
        assert "script-src 'self'" in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"


def test_a_request_for_another_host_name_is_refused(client):
    error = _error(client.get("/index.json", headers={"host": "attacker.example:8000"}), 400)
    assert error["message"] == "invalid Host header"


def test_a_cross_site_post_is_refused(client):
    r = client.post(
        "/add",
        data={"text": NEW_ARTICLE},
        headers={"origin": "http://attacker.example", "accept": "application/json"},
    )
    _error(r, 403)


def test_a_body_over_the_limit_is_refused_with_413(seeded):
    from storyline.web import WebOptions, create_app, open_source

    source = open_source(seeded[0])
    with make_client(create_app(source, WebOptions(max_body=2_000))) as c:
        error = _error(
            c.post("/add", data={"text": "x" * 5_000}, headers={"accept": "application/json"}), 413
        )
        assert error["detail"] == {"limit": 2_000}

        def chunks():  # no Content-Length: the limit is enforced as the body streams in
            for _ in range(10):
                yield b"x" * 500

        r = c.post(
            "/add",
            content=chunks(),
            headers={
                "content-type": "application/x-www-form-urlencoded",
                "accept": "application/json",
            },
        )
        _error(r, 413)
    source.close()


def test_a_post_with_nothing_to_add_is_a_400(client):
    error = _error(
        client.post("/add", data={"text": "  "}, headers={"accept": "application/json"}), 400
    )
    assert error["detail"]["fields"] == ["files", "text", "url"]


# -- adding ----------------------------------------------------------------


def test_pasted_text_is_added_to_the_story_without_javascript(fresh):
    c, story, _ = fresh
    r = c.post(f"/story/{story}/add", data={"text": NEW_ARTICLE}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/jobs/")
    job = wait_for_job(c, r.headers["location"] + ".json")
    assert job["job"]["status"] == "done", job
    page = c.get(r.headers["location"])  # a finished job's page sends the reader to the story
    assert page.url.path == f"/story/{story}" and "1 article added" in page.text
    summary = c.get("/index.json").json()["stories"]
    assert [s["articles"] for s in summary if s["id"] == story] == [4]
    assert "Midlands Motor Wire" in page.text


def test_an_uploaded_file_is_added_and_reported_by_the_json_job(fresh):
    c, story, _ = fresh
    r = c.post(
        f"/story/{story}/add",
        files={"files": ("wire.txt", NEW_ARTICLE.encode(), "text/plain")},
        headers={"accept": "application/json"},
    )
    assert r.status_code == 202
    job = wait_for_job(c, r.json()["status"])["job"]
    assert job["status"] == "done" and job["done"] == job["total"]
    [added] = job["result"]["added"]
    assert (
        added["article"] == "wire.txt" and added["story"] == story and added["input"] == "wire.txt"
    )


def test_an_articles_markup_is_shown_as_text(fresh):
    c, story, _ = fresh
    r = c.post(
        f"/story/{story}/add", data={"text": SCRIPT_ARTICLE}, headers={"accept": "application/json"}
    )
    added = wait_for_job(c, r.json()["status"])["job"]["result"]["added"][0]
    page = c.get(f"/story/{added['story']}/article/{added['article']}").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "<script>window" not in page and "<img" not in page and "<b>Bold" not in page
    story_page = c.get(f"/story/{story}").text
    assert "<script>window" not in story_page and "<img" not in story_page


def test_unreadable_input_is_reported_not_raised(fresh):
    c, story, _ = fresh
    r = c.post(
        f"/story/{story}/add",
        files={"files": ("empty.txt", b"   \n", "text/plain")},
        headers={"accept": "application/json"},
    )
    result = wait_for_job(c, r.json()["status"])["job"]["result"]
    assert result["added"] == [] and result["failures"][0]["input"] == "empty.txt"
    assert "empty" in result["failures"][0]["error"] and "/tmp" not in json.dumps(result)


def test_a_running_jobs_page_refreshes_itself_without_javascript(client):
    import threading

    release = threading.Event()
    job = client.app.state.jobs.submit(
        lambda report: (report(1, 3, "reading wire.txt"), release.wait(10), {})[2]
    )
    try:
        while client.app.state.jobs.get(job.id).done != 1:  # the worker thread has reported
            time.sleep(0.01)
        page = client.get(f"/jobs/{job.id}")
        assert page.status_code == 200 and '<meta http-equiv="refresh" content="1">' in page.text
        assert '<progress max="3" value="1">' in page.text and "reading wire.txt" in page.text
    finally:
        release.set()
    _error(client.get("/jobs/no-such-job.json"), 404)


def test_an_article_whose_id_has_a_slash_has_its_page(fresh):
    c, story, _ = fresh
    other = (
        "source: Valley Courier\n---\n"
        "Union officials at the Halewood plant said workers had heard nothing "
        "from managers about Chery.\n"
        "A union spokesman said members wanted a clear answer on whether Chinese "
        "cars would be built there.\n"
    )
    files = [
        ("files", ("wire.txt", NEW_ARTICLE.encode(), "text/plain")),
        ("files", ("wire.txt", other.encode(), "text/plain")),
    ]
    r = c.post(f"/story/{story}/add", files=files, headers={"accept": "application/json"})
    added = wait_for_job(c, r.json()["status"])["job"]["result"]["added"]
    ids = {a["article"]: a for a in added}
    assert "1/wire.txt" in ids, ids
    href = f"/story/{story}/article/{quote('1/wire.txt', safe='')}"
    page = c.get(href)
    assert page.status_code == 200 and "<code>1/wire.txt</code>" in page.text
    story_page = c.get(f"/story/{story}?job={r.json()['job']['id']}").text
    assert f'href="{href}"' in story_page  # the report links to it


def test_a_near_copy_is_reported_with_a_link_to_its_original(fresh):
    c, story, _ = fresh
    copy = NEW_ARTICLE.replace("Midlands Motor Wire", "Valley Courier") + "Reporting by staff.\n"
    files = [
        ("files", ("wire.txt", NEW_ARTICLE.encode(), "text/plain")),
        ("files", ("courier.txt", copy.encode(), "text/plain")),
    ]
    r = c.post(f"/story/{story}/add", files=files, headers={"accept": "application/json"})
    added = wait_for_job(c, r.json()["status"])["job"]["result"]["added"]
    assert [a["copy_of"] for a in added] == [None, "wire.txt"]
    page = c.get(f"/story/{story}?job={r.json()['job']['id']}").text
    assert f'courier.txt: a copy of <a href="/story/{story}/article/wire.txt">wire.txt</a>' in page
