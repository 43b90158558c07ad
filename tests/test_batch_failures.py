"""One bad input or article never stops a batch: it is listed in failures.jsonl."""

from __future__ import annotations

import json
import shutil

import pytest

from storyline.batch import BatchOptions, run

from .batch_support import SEED, failures, stories

GOOD_LINE = {
    "id": "note-1",
    "text": "The council said on Tuesday that the library would reopen in May.",
}


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    for f in SEED.glob("*.txt"):
        shutil.copy(f, folder / f.name)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "feed.jsonl").write_text(
        json.dumps(GOOD_LINE)
        + "\n"
        + '{"text": "cut off\n'
        # Past spaCy's length limit: reading fails in the parser, not in the file.
        + json.dumps({"id": "huge", "text": "The minister said the plant would close. " * 25_000})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path_factory.mktemp("batch") / "out"
    return folder, out, run(BatchOptions(inputs=(str(folder),), output=str(out)))


def test_each_bad_input_is_listed_with_its_reason(batch):
    folder, out, _ = batch
    listed = {f["input"]: f["error"] for f in failures(out)}
    assert listed[f"{folder}/empty.txt"] == f"{folder}/empty.txt: empty file"
    assert listed[f"{folder}/feed.jsonl:2"].startswith(f"{folder}/feed.jsonl:2: not valid JSON")


def test_an_article_the_parser_rejects_is_listed_by_id(batch):
    _, out, _ = batch
    (huge,) = [f for f in failures(out) if f["article"] == "huge"]
    assert "E088" in huge["error"] and huge["input"].endswith("feed.jsonl")


def test_the_other_articles_are_read_and_grouped(batch):
    _, out, result = batch
    ids = sorted(d["id"] for s in stories(out).values() for d in s["documents"])
    assert ids == sorted([f.name for f in SEED.glob("*.txt")] + ["note-1"])
    assert result.failed == 3 and result.articles == 4
