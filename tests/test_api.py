"""The public API is what __all__ says, and no more."""

from __future__ import annotations

import storyline


def test_all_names_are_exported():
    for name in storyline.__all__:
        assert getattr(storyline, name) is not None


def test_analyze_is_a_function_of_paths():
    assert callable(storyline.analyze)
