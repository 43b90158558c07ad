"""The seed story's score may not silently drop: floors pinned here.

The scorer in tests/quality/score.py is a copy of the project's evaluation
script (shared/eval/score.py), so the gate runs outside the workspace too.
"""

from __future__ import annotations

import yaml

from storyline.render.json_out import to_dict
from tests.quality.score import score

# Pinned at the seed story's score when the gate was set, less a small margin
# for platform noise; raise them as reading improves, never lower them.
FLOORS = {
    "overall": 0.90,
    "mention_recall": 0.95,
    "certainty_accuracy": 0.9,
    "conflict_recall": 1.0,
}


def _scores(seed_dir, seed_dossier) -> dict:
    gold = yaml.safe_load((seed_dir / "gold.yaml").read_text(encoding="utf-8"))
    return score(gold, to_dict(seed_dossier), seed_dir)


def test_seed_story_meets_its_floors(seed_dir, seed_dossier):
    result = _scores(seed_dir, seed_dossier)
    low = {k: round(result[k], 3) for k, floor in FLOORS.items() if (result[k] or 0.0) < floor}
    assert not low, f"below the pinned floor: {low}"


def test_seed_story_raises_no_false_alarm(seed_dir, seed_dossier):
    assert _scores(seed_dir, seed_dossier)["false_alarms"] == 0


def test_seed_story_leaks_no_opinion_into_fact(seed_dir, seed_dossier):
    assert _scores(seed_dir, seed_dossier)["opinion_leaks"] == 0
