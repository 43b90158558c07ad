"""Shared fixtures: the seed story and its dossier, read once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "jlr-chery"


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_dossier():
    import storyline

    return storyline.analyze([SEED])


@pytest.fixture(scope="session")
def nlp():
    from storyline.article.nlp import load

    return load()
