"""Helpers for the batch tests: a small real corpus and a look at a batch folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "jlr-chery"
POLNEAR = ROOT.parent / "shared" / "bench" / "attribution" / "polnear-test" / "text"
# Three short public-benchmark articles (120-150 words), other stories than the seed's.
OTHERS = [
    "huff-post_2016-10-12_donald-trump-tells-florida-suppo.txt",
    "breitbart_2016-10-31_sheldon-adelson-commits-million-.txt",
    "breitbart_2016-11-05_hillary-clinton-documentary-skip.txt",
]


def other_texts() -> list[Path]:
    """The public-benchmark articles, where shared/ is beside the repository."""
    return [POLNEAR / name for name in OTHERS if (POLNEAR / name).exists()]


def corpus_folder(folder: Path) -> Path:
    """The seed story and a few other articles, as .txt files in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for f in [*sorted(SEED.glob("*.txt")), *other_texts()]:
        shutil.copy(f, folder / f.name)
    return folder


def corpus_records() -> list[dict[str, str]]:
    """The articles of corpus_folder as JSON Lines records, in the folder's order."""
    files = sorted([*SEED.glob("*.txt"), *other_texts()], key=lambda f: f.name)
    return [{"id": f.stem, "text": f.read_text(encoding="utf-8")} for f in files]


def stories(out: Path) -> dict[str, dict[str, Any]]:
    """Each story's dossier JSON, by file name."""
    return {
        p.name: json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((out / "stories").glob("*.json"))
    }


def tables(out: Path) -> dict[str, list[dict[str, Any]]]:
    import pyarrow.parquet as pq

    return {
        p.stem: pq.read_table(p).to_pylist() for p in sorted((out / "tables").glob("*.parquet"))
    }


def failures(out: Path) -> list[dict[str, Any]]:
    text = (out / "failures.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def without_paths(story: dict[str, Any]) -> dict[str, Any]:
    """A dossier with its documents' paths left out: the same articles read
    from another folder give the same dossier but for where they lay."""
    return {**story, "documents": [{**d, "path": None} for d in story["documents"]]}
