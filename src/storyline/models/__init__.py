"""Learned models, stored as small JSON files beside this module and read with
importlib.resources (never from a hub). ``make train`` rebuilds every file
from its training data with a fixed seed; the README names each file's data
and that data's licence.

A linear model file is ``{"kind": "linear", "classes": [...] | null,
"intercept": [...], "weights": {feature: [w per output]}, "meta": {...}}``:
binary features by name, one weight per output (one output for a
regression, one per class for a multinomial classifier). Inference is a
sum of weights, so the runtime needs nothing beyond the standard library.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any] | None:
    """The model file ``name`` (e.g. ``"certainty.json"``), or None when it
    is not installed (the rules then decide alone)."""
    path = resources.files(__name__).joinpath(name)
    if not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def linear(model: dict[str, Any], features: Iterable[str]) -> list[float]:
    """The model's raw outputs (one per class, or one for a regression) for a
    set of binary features; unknown features weigh nothing."""
    out = [float(b) for b in model["intercept"]]
    weights: dict[str, list[float]] = model["weights"]
    for f in set(features):
        w = weights.get(f)
        if w is not None:
            for k, v in enumerate(w):
                out[k] += v
    return out


def softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))
