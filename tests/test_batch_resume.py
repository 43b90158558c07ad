"""A rerun on the same output folder skips what an earlier run read."""

from __future__ import annotations

import io
import shutil

import pytest

from storyline.batch import BatchOptions, run
from storyline.io import Progress

from .batch_support import SEED, corpus_folder, other_texts, stories


class Interrupt(Progress):
    """Stops the run like Ctrl-C once ``after`` articles are read."""

    def __init__(self, after: int) -> None:
        super().__init__(io.StringIO())
        self.after = after

    def update(self, done: int = 0, resumed: int = 0, failed: int = 0) -> None:
        super().update(done, resumed, failed)
        if self.done >= self.after:
            raise KeyboardInterrupt


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    folder = corpus_folder(tmp_path_factory.mktemp("corpus"))
    out = tmp_path_factory.mktemp("fresh") / "out"
    run(BatchOptions(inputs=(str(folder),), output=str(out)))
    return folder, stories(out)


def test_a_rerun_after_an_interruption_reads_only_the_rest(fresh, tmp_path):
    folder, expected = fresh
    out = tmp_path / "out"
    options = BatchOptions(inputs=(str(folder),), output=str(out), chunk=2)
    with pytest.raises(KeyboardInterrupt):
        run(options, Interrupt(after=2))
    assert not (out / "stories").exists()
    result = run(options)
    assert (result.resumed, result.read) == (2, 1 + len(other_texts()))
    assert stories(out) == expected


def test_articles_added_to_the_inputs_are_read_and_the_stories_redone(fresh, tmp_path):
    folder, expected = fresh
    growing = tmp_path / "corpus"
    growing.mkdir()
    for f in SEED.glob("*.txt"):
        shutil.copy(folder / f.name, growing / f.name)
    out = tmp_path / "out"
    first = run(BatchOptions(inputs=(str(growing),), output=str(out)))
    for f in other_texts():
        shutil.copy(f, growing / f.name)
    second = run(BatchOptions(inputs=(str(growing),), output=str(out)))
    assert (first.read, second.resumed, second.read) == (3, 3, len(other_texts()))
    assert len(stories(out)) == len(expected)


def test_an_article_whose_text_changed_is_read_again(fresh, tmp_path):
    folder, _ = fresh
    corpus = tmp_path / "corpus"
    shutil.copytree(folder, corpus)
    out = tmp_path / "out"
    run(BatchOptions(inputs=(str(corpus),), output=str(out)))
    edited = sorted(corpus.glob("*.txt"))[0]
    edited.write_text(
        edited.read_text(encoding="utf-8") + "\nThe mayor said the plan was final.\n",
        encoding="utf-8",
    )
    again = run(BatchOptions(inputs=(str(corpus),), output=str(out)))
    assert (again.read, again.resumed) == (1, again.articles - 1)
    texts = [
        d["text"] for s in stories(out).values() for d in s["documents"] if d["id"] == edited.name
    ]
    assert texts == [edited.read_text(encoding="utf-8")]
