"""storyline.batch.run over a folder: stories, their dossiers and the tables."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from storyline.batch import BatchOptions, run
from storyline.ingest.files import read_inputs
from storyline.pipeline import read_articles
from storyline.render import to_dict
from storyline.story.assignment import cluster

from .batch_support import corpus_folder, other_texts, stories, tables, without_paths


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = corpus_folder(tmp_path_factory.mktemp("corpus"))
    out = tmp_path_factory.mktemp("batch") / "out"
    return folder, out, run(BatchOptions(inputs=(str(folder),), output=str(out)))


def test_the_seed_story_is_one_dossier_as_analyze_writes_it(batch, seed_dossier):
    _, out, _ = batch
    seed = [
        s for s in stories(out).values() if any(d["id"].startswith("000_") for d in s["documents"])
    ]
    assert len(seed) == 1
    expected = {**to_dict(seed_dossier), "meta": seed[0]["meta"]}
    assert without_paths(seed[0]) == without_paths(expected)


def test_stories_are_those_stories_cluster_finds(batch):
    folder, out, _ = batch
    articles = [a for o in read_inputs([folder]) for a in o.articles]
    readings = read_articles(articles)
    groups = cluster([(r.mentions, r.document.date) for r in readings])
    expected = sorted(sorted(articles[i].id for i in g) for g in groups)
    found = sorted(sorted(d["id"] for d in s["documents"]) for s in stories(out).values())
    assert found == expected
    assert len(found) == 1 + len(other_texts())


def test_tables_hold_every_story_row_by_row(batch):
    _, out, _ = batch
    by_story = {s["meta"]["story"]: s for s in stories(out).values()}
    t = tables(out)
    assert sorted(r["id"] for r in t["documents"]) == sorted(
        d["id"] for s in by_story.values() for d in s["documents"]
    )
    for name in ("claims", "conflicts", "figures", "timeline"):
        counts = {sid: sum(r["story"] == sid for r in t[name]) for sid in by_story}
        assert counts == {sid: len(s[name]) for sid, s in by_story.items()}, name
    mentions = Counter((r["story"], r["claim"]) for r in t["mentions"])
    assert mentions == Counter(
        {(sid, c["id"]): len(c["mentions"]) for sid, s in by_story.items() for c in s["claims"]}
    )


def test_summary_counts_what_was_written(batch):
    _, out, result = batch
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["articles"] == summary["read"] == 3 + len(other_texts())
    assert summary["resumed"] == summary["failed"] == 0
    assert summary["stories"] == len(stories(out)) == result.stories
    assert summary["claims"] == sum(len(s["claims"]) for s in stories(out).values())


def test_a_folder_holding_something_else_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("my notes", encoding="utf-8")
    from storyline.errors import ConfigError

    with pytest.raises(ConfigError, match="not empty"):
        run(BatchOptions(inputs=(str(tmp_path),), output=str(tmp_path)))
