"""A gzip-compressed JSON Lines file streams through a batch like a folder of files."""

from __future__ import annotations

import gzip
import json

from storyline.batch import BatchOptions, run

from .batch_support import corpus_folder, corpus_records, stories, without_paths


def test_gzip_jsonl_gives_the_stories_the_folder_gives(tmp_path):
    feed = tmp_path / "feed.jsonl.gz"
    with gzip.open(feed, "wt", encoding="utf-8") as z:
        for record in corpus_records():
            z.write(json.dumps({**record, "id": record["id"] + ".txt"}) + "\n")
    from_gzip = tmp_path / "gz"
    from_folder = tmp_path / "folder"
    run(BatchOptions(inputs=(str(feed),), output=str(from_gzip)))
    run(BatchOptions(inputs=(str(corpus_folder(tmp_path / "corpus")),), output=str(from_folder)))
    gz, folder = stories(from_gzip), stories(from_folder)
    assert {k: without_paths(v) for k, v in gz.items()} == {
        k: without_paths(v) for k, v in folder.items()
    }
    assert {d["path"] for s in gz.values() for d in s["documents"]} == {str(feed)}
