"""Outlet profiles from the store: the figures, `storyline outlets` and the
web app's outlet pages, on a store holding the seed story (issue 13)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from storyline import codec
from storyline.render import render
from storyline.store import open_store
from storyline.store.profiles import outlet_profiles, profiles_from
from tests.test_provenance import CHAIN, SCOOP
from tests.web_support import make_client, seed_store


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    db = tmp_path_factory.mktemp("outlets") / "stories.db"
    return db, seed_store(db)


def test_profiles_count_origins_relays_and_hedges_with_their_mentions():
    from storyline.pipeline import analyze_articles

    profiles = {
        p.outlet: p
        for p in profiles_from([("s1", analyze_articles(SCOOP)), ("s2", analyze_articles(CHAIN))])
    }
    gazette = profiles["Harbour Gazette"]
    assert gazette.stories == 1 and gazette.articles == 1
    origin = gazette.figure("origin")
    assert origin.count >= 1 and origin.of == gazette.claims
    assert all(e.story == "s1" for e in origin.evidence)
    relays = profiles["Coastal Daily"].figure("relays")
    assert relays.count >= 1
    assert any(e.words == "according to the Harbour Gazette" for e in relays.evidence)
    hill = profiles["Hill Post"]
    assert hill.figure("origin").count >= 1
    assert profiles["Capital Times"].figure("relays").count >= 1
    assert profiles["Capital Times"].figure("origin").count == 0


def test_seed_store_profiles(seeded):
    db, _ = seeded
    with open_store(db) as store:
        profiles = {p.outlet: p for p in outlet_profiles(store)}
    assert {"CarExpert", "Jaguar Enthusiast Magazine"} <= profiles.keys()
    car = profiles["CarExpert"]
    relays = car.figure("relays")
    assert relays.count >= 2
    assert any(e.words == "According to the Financial Times" for e in relays.evidence)
    for f in car.figures:  # each figure comes with its count, and the mentions behind it
        assert 0 <= f.count <= f.of
        assert len({(e.story, e.claim) for e in f.evidence}) == f.count


def test_the_outlets_command_prints_a_table_and_json(seeded):
    db, _ = seeded
    run = [sys.executable, "-m", "storyline.cli", "outlets", "--db", str(db)]
    table = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    header = table.splitlines()[0].split()
    assert header[:4] == ["outlet", "stories", "articles", "claims"]
    assert {"overstates", "hedges", "origin", "relays", "disputed"} <= set(header)
    assert re.search(r"^CarExpert\s+1\s+1\s+\d+\s+\d+/\d+", table, re.M)
    out = subprocess.run(
        [*run, "--format", "json", "--outlet", "CarExpert"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    (car,) = json.loads(out)["outlets"]
    assert car["outlet"] == "CarExpert"
    assert car["figures"]["relays"]["count"] >= 2 and "of" in car["figures"]["relays"]


def test_the_outlet_pages_link_each_figure_to_its_mentions(seeded):
    from storyline.web import create_app, open_source

    db, story = seeded
    source = open_source(db)
    app = create_app(source)
    try:
        with make_client(app) as client:
            listing = client.get("/outlets").text
            assert 'href="/outlets/CarExpert"' in listing
            assert client.get("/outlets.json").json()["outlets"]
            page = client.get("/outlets/CarExpert").text
            assert 'href="/outlets/CarExpert?figure=relays#evidence"' in page
            figure = client.get("/outlets/CarExpert?figure=relays").text
            assert "According to the Financial Times" in figure
            assert f"/story/{story}/article/" in figure  # each mention links to its words
            twin = client.get("/outlets/CarExpert.json?figure=relays").json()
            assert twin["figures"]["relays"]["evidence"]
            assert client.get("/outlets/Nobody").status_code == 404
            assert client.get("/outlets/CarExpert?figure=nope").status_code == 400
            story_page = client.get(f"/story/{story}").text
            assert "1 independent source (Financial Times)" in story_page
    finally:
        app.state.jobs.close()
        source.close()


def test_the_static_dossier_links_each_claim_to_its_origins_words(seed_dossier):
    html = render(seed_dossier, "html")
    assert "1 independent source (Financial Times)" in html
    links = re.findall(r'class="(?:origin|relay)" href="#([^"]+)"', html)
    assert links
    for anchor in links:
        assert f'id="{anchor}"' in html, anchor
    md = render(seed_dossier, "md")
    assert "1 independent source (Financial Times)" in md
    data = codec.to_dict(seed_dossier)
    assert all("independent_sources" in c for c in data["claims"])
