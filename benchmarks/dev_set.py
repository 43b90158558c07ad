"""Score storyline on the annotated dev stories, story by story and on average.

    python benchmarks/dev_set.py OUT

The seed story alone (tests/test_quality_gate.py) is too small to steer by: a
change can lift it and sink every other story. The dev set is every story
annotated in ``shared/corpus`` (the repo's sibling ``shared``): the seed
``jlr-chery``, whose texts sit beside its gold, and the BASIL stories, whose
texts are publishers' copy built outside the repo by
``shared/corpus/basil-build.py`` into ``$STORYLINE_DEV_TEXTS/<story>``
(default ``~/storyline-dev``) and never committed.

Each story is read by the installed ``storyline analyze`` (the one beside this
Python, so the measure does not depend on the package's inner layout), its
dossier is written to ``OUT/<story>.json`` and scored by the shared scorer
(``shared/eval/score.py``; ``tests/quality/score.py`` where that is missing).
Prints ``<story>.<figure>: value`` for every figure, then ``mean.<figure>``
over the stories scored and ``stories_scored: N``. A story whose texts are not
built is skipped on a line of its own; a story that fails to analyse is
reported and makes the run exit 1.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SEED = "jlr-chery"
SKIP_NOTE = "texts not built (run ../shared/corpus/basil-build.py)"


class DevStory(NamedTuple):
    name: str
    gold: Path
    texts: Path  # folder holding the gold's documents
    documents: tuple[str, ...]

    def missing(self) -> list[str]:
        return [d for d in self.documents if not (self.texts / d).is_file()]


def texts_root() -> Path:
    return Path(os.environ.get("STORYLINE_DEV_TEXTS", "~/storyline-dev")).expanduser()


def scorer_path() -> Path:
    shared = SHARED / "eval" / "score.py"
    return shared if shared.is_file() else ROOT / "tests" / "quality" / "score.py"


def dev_stories() -> list[DevStory]:
    """The seed story first, then every other annotated story by name. A story
    whose documents sit beside its gold is read there (the seed); the others
    from the built texts."""
    golds = sorted(CORPUS.glob("*/gold.yaml"), key=lambda p: (p.parent.name != SEED, p.parent.name))
    stories = []
    for gold in golds:
        documents = tuple(yaml.safe_load(gold.read_text(encoding="utf-8"))["documents"])
        beside = all((gold.parent / d).is_file() for d in documents)
        texts = gold.parent if beside else texts_root() / gold.parent.name
        stories.append(DevStory(gold.parent.name, gold, texts, documents))
    return stories


def cli_path() -> Path:
    """The ``storyline`` command installed beside this Python."""
    return Path(sys.executable).parent / "storyline"


def analyze(story: DevStory, dossier: Path) -> None:
    """Run the installed CLI on the story's documents (and nothing else in
    their folder, e.g. the gold)."""
    cli = cli_path()
    if not cli.exists():
        raise FileNotFoundError(f"{cli} not found: use the Python storyline is installed in")
    cmd = [
        str(cli),
        "analyze",
        *(str(story.texts / d) for d in story.documents),
        "--format",
        "json",
        "--output",
        str(dossier),
        "--quiet",
    ]
    subprocess.run(cmd, check=True, capture_output=True, text=True)


def score_story(story: DevStory, dossier: Path) -> dict[str, float]:
    """The scorer's figures for one dossier; figures it cannot measure on this
    story (None) are left out, its list of unlocated quotes is counted."""
    cmd = [
        sys.executable,
        str(scorer_path()),
        str(story.gold),
        str(dossier),
        "--docs",
        str(story.texts),
        "--json",
    ]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    figures = json.loads(out)
    result = {
        k: float(v)
        for k, v in figures.items()
        if isinstance(v, (int, float)) and not isinstance(v, bool)
    }
    # Gold quotes not found in the text the dossier carries: above 0, the
    # texts were built or read differently from the gold's, and every figure
    # of the story is lower for it.
    result["unlocated_quotes"] = float(len(figures.get("unlocated_quotes", [])))
    return result


def score_dev_set(out_dir: Path | str) -> dict[str, dict[str, float]]:
    """Analyse and score every dev story whose texts are built: story name ->
    figure -> value. Dossiers are written to ``out_dir/<story>.json``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    results = {}
    for story in dev_stories():
        if story.missing():
            continue
        dossier = out / f"{story.name}.json"
        analyze(story, dossier)
        results[story.name] = score_story(story, dossier)
    return results


def means(results: dict[str, dict[str, float]]) -> dict[str, float]:
    """Each figure's mean over the stories where the scorer measured it."""
    keys: list[str] = []
    for figures in results.values():
        keys += [k for k in figures if k not in keys]
    return {
        k: sum(vals) / len(vals)
        for k in keys
        if (vals := [f[k] for f in results.values() if k in f])
    }


# The scorer's figures that are counts, not ratios: printed whole per story.
COUNTS = frozenset({"gold_mentions", "false_alarms", "opinion_leaks", "unlocated_quotes"})


def show(name: str, figure: str, value: float, mean: bool = False) -> str:
    whole = figure in COUNTS and not mean
    return f"{name}: {int(value)}" if whole else f"{name}: {value:.3f}"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="folder where the dossiers are written")
    args = ap.parse_args(argv)
    if not cli_path().exists():
        print(
            f"error: {cli_path()} not found: run this with the Python storyline is installed in"
            " (e.g. .venv/bin/python benchmarks/dev_set.py OUT)",
            file=sys.stderr,
        )
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict[str, float]] = {}
    failed = False
    for story in dev_stories():
        if story.missing():
            print(f"skipped.{story.name}: {SKIP_NOTE}", flush=True)
            continue
        dossier = args.out / f"{story.name}.json"
        try:
            analyze(story, dossier)
            results[story.name] = score_story(story, dossier)
        except subprocess.CalledProcessError as exc:
            failed = True
            why = (exc.stderr or "").strip().splitlines()[-1:] or [f"exit {exc.returncode}"]
            print(f"failed.{story.name}: {why[0]}", flush=True)
            continue
        for key, value in results[story.name].items():
            print(show(f"{story.name}.{key}", key, value), flush=True)
    for key, value in means(results).items():
        print(show(f"mean.{key}", key, value, mean=True))
    print(f"stories_scored: {len(results)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
