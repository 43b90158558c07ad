"""Reading articles one at a time: the same articles and failures as read_inputs."""

from __future__ import annotations

import gzip
import json
import shutil

from storyline.ingest.files import read_inputs
from storyline.ingest.stream import count_inputs, iter_inputs

LINES = [
    {"id": "fr-1", "text": "The minister said on Monday that the plant would close next year."},
    {"id": "fr-2", "text": "Unions denied that any jobs would be lost at the plant."},
    {"id": "fr-3", "text": "The company is reportedly considering a sale of the site."},
]


def jsonl(records: list[object]) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def test_a_folder_streams_the_articles_read_inputs_reads(tmp_path, seed_dir):
    for f in seed_dir.glob("*.txt"):
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "feed.jsonl").write_text(jsonl([LINES[0], "{broken", LINES[1]]), encoding="utf-8")
    with gzip.open(tmp_path / "more.jsonl.gz", "wt", encoding="utf-8") as z:
        z.write(jsonl([LINES[2], {"id": "fr-1", "text": "Same id, other text: renamed fr-1~2."}]))
    (tmp_path / "sub").mkdir()
    shutil.copy(next(seed_dir.glob("*.txt")), tmp_path / "sub")  # same file name: a longer id
    whole = read_inputs([tmp_path])
    streamed = list(iter_inputs([tmp_path]))
    assert [a for o in streamed for a in o.articles] == [a for o in whole for a in o.articles]
    assert all(len(o.articles) <= 1 for o in streamed)
    assert [o.error for o in streamed if not o.ok] == [o.error for o in whole if not o.ok]
    assert "fr-1~2" in {a.id for o in streamed for a in o.articles}


def test_a_bad_line_is_named_by_its_file_and_line(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(jsonl([LINES[0], "{broken", {"title": "no text"}]), encoding="utf-8")
    errors = [o.error for o in iter_inputs([feed]) if not o.ok]
    assert errors[0].startswith(f"{feed}:2: not valid JSON")
    assert errors[1] == f'{feed}:3: no "text" or "html" field'


def test_every_bad_record_is_listed_not_only_the_first_twenty(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(jsonl(["{broken"] * 30 + [LINES[0]]), encoding="utf-8")
    outcomes = list(iter_inputs([feed]))
    assert sum(not o.ok for o in outcomes) == 30
    assert [a.id for o in outcomes for a in o.articles] == ["fr-1"]


def test_a_gzip_cut_short_keeps_the_articles_before_the_cut(tmp_path):
    body = gzip.compress(jsonl(LINES * 400).encode("utf-8"))
    cut = tmp_path / "feed.jsonl.gz"
    cut.write_bytes(body[: len(body) * 2 // 3])
    outcomes = list(iter_inputs([cut]))
    assert outcomes[0].articles[0].id == "fr-1"
    assert sum(o.ok for o in outcomes) > 100
    assert not outcomes[-1].ok and "not valid gzip data" in (outcomes[-1].error or "")


def test_articles_come_before_the_file_is_read_to_its_end(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(jsonl([LINES[0]]), encoding="utf-8")
    stream = iter_inputs([feed])
    first = next(stream)
    with open(feed, "a", encoding="utf-8") as f:  # a line added after the first was yielded
        f.write(jsonl([LINES[1]]))
    assert first.articles[0].id == "fr-1"
    assert [o.articles[0].id for o in stream] == ["fr-2"]


def test_count_is_one_per_file_and_per_line(tmp_path, seed_dir):
    for f in seed_dir.glob("*.txt"):
        shutil.copy(f, tmp_path / f.name)
    with gzip.open(tmp_path / "feed.jsonl.gz", "wt", encoding="utf-8") as z:
        z.write(jsonl(LINES).rstrip("\n"))  # no newline after the last line
    assert count_inputs([tmp_path]) == 3 + 3
