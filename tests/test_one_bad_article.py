"""One article never aborts a run: whatever reading it raises, it is a failure
named with its reason, and the other articles are read and stored (analyze,
add, batch and the web app's add job)."""

from __future__ import annotations

import json

import pytest

from storyline import pipeline
from storyline.batch import BatchOptions, run
from storyline.ingest.files import read_inputs
from storyline.store import open_store

from .batch_support import failures
from .web_support import make_client, wait_for_job

# Five short reports, different enough that none is stored as a copy of another.
RECORDS = [
    {
        "id": "r1",
        "source": "Harbour Gazette",
        "text": "The port authority said on Monday that cargo volumes rose 12% in March.",
    },
    {
        "id": "r2",
        "source": "Valley Courier",
        "text": "A council spokesman said the bridge would reopen to traffic in June.",
    },
    {
        "id": "r3",
        "source": "Midlands Wire",
        "text": "The airline said it would cut 300 jobs at its Leeds base next year.",
    },
    {
        "id": "r4",
        "source": "Coast Herald",
        "text": "Police said two men were arrested after a fire at a warehouse in Hull.",
    },
    {
        "id": "r5",
        "source": "Northern Post",
        "text": "The university announced a new 40 million pound research centre on Friday.",
    },
]
# The nesting that made json.loads raise RecursionError and stopped whole runs.
NESTED = "[" * 100_000


class Boom(RuntimeError):
    pass


@pytest.fixture()
def third_raises(monkeypatch):
    """The figures stage raises for the third record, as dates once did on a BASIL article."""
    real = pipeline.article_figures

    def figures(article_id, *args, **kwargs):
        if article_id.startswith("r3"):
            raise Boom("figures stage failed on purpose")
        return real(article_id, *args, **kwargs)

    monkeypatch.setattr(pipeline, "article_figures", figures)


def _jsonl(path, records=RECORDS):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_add_stores_the_others_when_one_records_stage_raises(tmp_path, third_raises):
    feed = _jsonl(tmp_path / "feed.jsonl")
    with open_store(tmp_path / "s.db") as store:
        result = store.add(read_inputs([feed]))
        stored = {a["id"] for s in store.stories() for a in store.articles(s.id)}
    assert not result.stopped
    assert stored == {"r1", "r2", "r4", "r5"}
    assert {a.article for a in result.added} == {"r1", "r2", "r4", "r5"}
    [failure] = result.failures
    assert failure.input == str(feed)
    assert "article r3" in failure.error
    assert "Boom: figures stage failed on purpose" in failure.error


def test_add_cli_goes_on_past_an_article_that_raises(tmp_path, third_raises):
    from storyline.cli import main

    feed = _jsonl(tmp_path / "feed.jsonl")
    code = main(["add", "--db", str(tmp_path / "s.db"), "--quiet", str(feed)])
    assert code == 1  # some failed, not all; none raised
    with open_store(tmp_path / "s.db") as store:
        assert sum(s.articles for s in store.stories()) == 4


def test_analyze_lists_the_article_that_raises_in_the_dossiers_failures(tmp_path, third_raises):
    dossier = pipeline.analyze([_jsonl(tmp_path / "feed.jsonl")])
    assert {d.id for d in dossier.documents} == {"r1", "r2", "r4", "r5"}
    [failure] = dossier.failures
    assert "article r3" in (failure.error or "") and "Boom" in (failure.error or "")


def test_batch_lists_the_article_that_raises_and_reads_the_rest(tmp_path, third_raises):
    feed = _jsonl(tmp_path / "feed.jsonl")
    out = tmp_path / "out"
    result = run(BatchOptions(inputs=(str(feed),), output=str(out)))
    assert result.articles == 4 and result.failed == 1
    [failure] = failures(out)
    assert failure["article"] == "r3" and "Boom" in failure["error"]


# -- deeply nested JSON ------------------------------------------------------


def test_analyze_reads_on_past_deeply_nested_json(tmp_path, capsys):
    from storyline.cli import main

    (tmp_path / "nested.json").write_text(NESTED, encoding="utf-8")
    (tmp_path / "nested.jsonl").write_text(NESTED + "\n", encoding="utf-8")
    good = _jsonl(tmp_path / "good.jsonl", RECORDS[:1])
    dossier = pipeline.analyze([tmp_path / "nested.json", tmp_path / "nested.jsonl", good])
    assert [d.id for d in dossier.documents] == ["r1"]
    errors = sorted(f.error or "" for f in dossier.failures)
    assert len(errors) == 2 and all("nested too deeply" in e for e in errors), errors
    out = tmp_path / "d.json"
    code = main(["analyze", str(tmp_path), "--format", "json", "--output", str(out)])
    assert code == 1  # some inputs failed
    assert len(json.loads(out.read_text(encoding="utf-8"))["failures"]) == 2


def test_batch_reads_on_past_deeply_nested_json_and_again_on_rerun(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "nested.json").write_text(NESTED, encoding="utf-8")
    _jsonl(corpus / "good.jsonl", RECORDS[:2])
    out = tmp_path / "out"
    first = run(BatchOptions(inputs=(str(corpus),), output=str(out)))
    assert first.articles == 2 and first.failed == 1
    [failure] = failures(out)
    assert failure["input"].endswith("nested.json") and "nested too deeply" in failure["error"]
    again = run(BatchOptions(inputs=(str(corpus),), output=str(out)))
    assert again.articles == 2 and again.resumed == 2 and again.failed == 1


def test_a_web_job_keeps_the_good_file_uploaded_beside_nested_json(tmp_path):
    from storyline.web import create_app, open_source

    source = open_source(tmp_path / "s.db")
    app = create_app(source)
    try:
        with make_client(app) as c:
            files = [
                ("files", ("nested.json", NESTED.encode(), "application/json")),
                ("files", ("good.jsonl", json.dumps(RECORDS[0]).encode(), "application/json")),
            ]
            r = c.post("/add", files=files, headers={"accept": "application/json"})
            job = wait_for_job(c, r.json()["status"])["job"]
    finally:
        app.state.jobs.close()
        source.close()
    assert job["status"] == "done", job
    assert [a["article"] for a in job["result"]["added"]] == ["r1"]
    [failure] = job["result"]["failures"]
    assert failure["input"] == "nested.json" and "nested too deeply" in failure["error"]
