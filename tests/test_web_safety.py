"""The web app answers its own host only, takes POSTs from its own pages only,
and never tells a page where the reader's files lie."""

from __future__ import annotations

import pytest

from storyline.web.http import host_name, is_loopback
from tests.store_support import ROOT
from tests.web_support import NEW_ARTICLE, seed_store, store_client, wait_for_job


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    db = tmp_path_factory.mktemp("web-safety") / "stories.db"
    return db, seed_store(db)


@pytest.fixture()
def client(seeded):
    with store_client(seeded[0]) as c:
        yield c


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1.evil.example",
        "127.0.0.1.evil.example:8000",
        "127.evil.example",
        "localhost.evil.example",
        "evil.example:127",
        "127.0.0.1:8000:1",
        "127.0.0.1@evil.example",
        "127.1",
        "[::ffff:127.0.0.1]:8000",
        "",
    ],
)
def test_a_host_that_only_starts_like_loopback_is_refused(client, host):
    r = client.get("/index.json", headers={"host": host})
    assert r.status_code == 400 and r.json()["error"]["message"] == "invalid Host header"


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "127.0.0.1:8000", "127.0.0.2:80", "localhost", "LOCALHOST:8000", "[::1]:8000"],
)
def test_loopback_addresses_and_localhost_are_answered(client, host):
    assert client.get("/index.json", headers={"host": host}).status_code == 200


def test_host_names_are_read_whole():
    assert host_name("127.0.0.1:8000") == "127.0.0.1" and host_name("[::1]") == "::1"
    assert host_name("a:b:c") is None and host_name("[::1") is None
    assert not is_loopback("127.0.0.1.evil.example") and is_loopback("::1")


def _post(client, headers):
    return client.post(
        "/add", data={"text": NEW_ARTICLE}, headers={"accept": "application/json", **headers}
    )


def test_a_post_without_origin_is_refused(client):
    client.headers.pop("origin", None)
    r = _post(client, {})
    assert r.status_code == 403 and "Origin" in r.json()["error"]["message"]
    assert _post(client, {"origin": "null"}).status_code == 403
    assert _post(client, {"sec-fetch-site": "cross-site"}).status_code == 403
    assert _post(client, {"origin": "ftp://127.0.0.1"}).status_code == 403
    assert _post(client, {"origin": "http://127.0.0.1.evil.example"}).status_code == 403


def test_a_post_from_the_same_origin_is_taken(client):
    client.headers.pop("origin", None)
    for headers in ({"origin": "http://127.0.0.1"}, {"sec-fetch-site": "same-origin"}):
        r = _post(client, headers)
        assert r.status_code == 202, r.text
        assert wait_for_job(client, r.json()["status"])["job"]["status"] == "done"


def _keys(data, found=None):
    found = set() if found is None else found
    if isinstance(data, dict):
        found.update(data)
        for v in data.values():
            _keys(v, found)
    elif isinstance(data, list):
        for v in data:
            _keys(v, found)
    return found


def test_json_responses_carry_no_local_path(client, seeded):
    story = seeded[1]
    doc = client.get(f"/story/{story}.json").json()["documents"][0]["id"]
    for url in (
        "/index.json",
        f"/story/{story}.json",
        f"/story/{story}/changes.json",
        f"/story/{story}/article/{doc}.json",
    ):
        r = client.get(url)
        assert r.status_code == 200, url
        assert "path" not in _keys(r.json()), url
        assert str(ROOT) not in r.text and "jlr-chery/" not in r.text, url
        assert int(r.headers["content-length"]) == len(r.content)
    page = client.get(f"/story/{story}")  # HTML pages are untouched
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
