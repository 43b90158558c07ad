"""NewsQuant benchmark for storyline.measure.quantities (Almasian et al., EMNLP 2023).

590 news sentences with 904 gold quantities (value, unit, change).  The matching
follows the CQE evaluation script (repo satya77/CQE_Evaluation, function
``calculate_metrics``), re-implemented here:

* per sentence, gold and predictions are each sorted by normalised unit; each
  gold quantity walks the predictions in that order;
* a value match (``isclose``, rtol 1e-5; a range matches only a range with both
  ends equal, in the order written) counts once per gold quantity, and at most
  as many times as the sentence has gold quantities;
* value+unit also needs the normalised unit to be equal (lower-case); only then
  is the prediction used up and the walk stops, so a prediction with the wrong
  unit may lend its value to more than one gold quantity (as in CQE);
* value+change counts each value match whose change label (=, ~, >, <, up,
  down) is equal;
* precision = matches / predictions, recall = matches / gold, in percent.

storyline's units are mapped to NewsQuant's names ("USD" -> "dollar", "percent"
-> "percentage", counted nouns lower-cased with the head singular) by
``UNIT_MAP`` and ``gold_style`` below; the library keeps its own naming.

NewsQuant writes a change "fell from $2,415 to $2,315" as one range; storyline
reports the two figures of a change separately, and those count as misses.

Run: python benchmarks/bench_quantities.py [limit]
"""

from __future__ import annotations

import csv
import json
import math
import os
import re
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from storyline.measure.quantities import change, find_quantities, hedge, is_range  # noqa: E402
from storyline.model import Quantity  # noqa: E402

Value = float | tuple[float, float]

# Published figures if published-scores.csv is missing: (model, type) -> (P, R, F1).
FALLBACK_ANCHORS = {
    ("CQE-Numparser", "value"): (92.0, 91.9, 92.0),
    ("CQE-Numparser", "value+unit"): (85.6, 85.5, 85.6),
    ("CQE-Numparser", "value+change"): (88.2, 88.1, 88.1),
    ("quantulum3", "value"): (65.0, 83.3, 73.0),
    ("quantulum3", "value+unit"): (42.1, 53.9, 47.2),
}
_KINDS = {"value": "value", "value_unit": "value+unit", "value_change": "value+change"}

# storyline unit -> NewsQuant normalised unit, where singularising is not enough.
UNIT_MAP = {
    "USD": "dollar",
    "GBP": "pound sterling",
    "EUR": "euro",
    "JPY": "japanese yen",
    "CNY": "chinese yuan",
    "INR": "indian rupee",
    "AUD": "australian dollar",
    "NZD": "new zealand dollar",
    "CAD": "canadian dollar",
    "HKD": "hong kong dollar",
    "SGD": "singaporean dollar",
    "ILS": "shekel",
    "MYR": "malaysian ringgit",
    "DKK": "danish krone",
    "ZAR": "south african rand",
    "HRK": "croatian kuna",
    "CHF": "swiss franc",
    "cents": "cent",
    "pence": "point",
    "sen": "sen",
    "percent": "percentage",
    "times": "count",
    "years old": "year of age",
    "months old": "month of age",
    "weeks old": "week of age",
    "days old": "day of age",
    "feet": "foot",
    "inches": "inch",
    "square feet": "square foot",
    "cubic feet": "cubic foot",
    "degrees Celsius": "celsius",
    "degrees Fahrenheit": "fahrenheit",
    "tonnes": "metric ton",
    "gigatonnes": "gigaton",
    "pounds": "pound-mass",
    "pound-feet": "foot pound-force",
    "milliamp hours": "milliampere-hour",
    "parts per billion": "parts-per-billion",
    "parts per million": "part per million",
    "miles per hour": "mile per hour",
    "kilometres per hour": "kilometre per hour",
    "metres per second": "metre per second",
    "miles per gallon": "mile per gallon",
    "barrels per day": "barrel per day",
    "megabits per second": "megabit per second",
    "gigabits per second": "gigabit per second",
    "centuries": "century",
    "basis points": "basis point",
    "percentage points": "percentage point",
    "newton metres": "newton metre",
    "kilowatt hours": "kilowatt hour",
    "points per game": "point per game",
    "rebounds per game": "rebound per game",
    "assists per game": "assist per game",
}
_STOPWORDS = {"and", "of", "the", "a", "an", "&"}
# NewsQuant's change labels for storyline's hedges (NewsQuant calls nearly/almost "~").
_CHANGE_LABEL = {
    "about": "~",
    "around": "~",
    "approximately": "~",
    "roughly": "~",
    "some": "~",
    "nearly": "~",
    "almost": "~",
    "an estimated": "~",
    "estimated": "~",
    "close to": "~",
    "or so": "~",
    "~": "~",
    "average": "~",
    "an average of": "~",
    "on average": "~",
}


def bench_dir() -> Path:
    override = os.environ.get("STORYLINE_BENCH_DIR")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[1].parent / "shared" / "bench"


def anchors() -> dict[tuple[str, str], tuple[float, float, float]]:
    """Published (P, R, F1) by (model, type), from published-scores.csv."""
    path = bench_dir() / "quantities" / "published-scores.csv"
    if not path.exists():
        return FALLBACK_ANCHORS
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return {(r["model"], r["type"]): (float(r["P"]), float(r["R"]), float(r["F1"])) for r in rows}


def _singular(word: str) -> str:
    if word.endswith(("ruses", "buses", "cuses", "tuses")):
        return word[:-2]  # viruses, buses, campuses, statuses
    if word.endswith(("ories", "ovies", "ookies")) and word != "categories":
        return word[:-1]  # calories, movies, cookies
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return {"men": "man", "women": "woman", "children": "child"}.get(word, word)


def gold_style(unit: str | None) -> str:
    """storyline's unit in NewsQuant's naming."""
    if unit is None:
        return "-"
    if unit in UNIT_MAP:
        return UNIT_MAP[unit]
    base, _, per = unit.partition(" per ")
    if per:
        return f"{gold_style(base)} per {_singular(per.lower())}"
    words = [w for w in re.split(r"\s+", unit.lower()) if w not in _STOPWORDS]
    return " ".join(words[:-1] + [_singular(words[-1])]) if words else "-"


def _change_label(q: Quantity) -> str:
    direction, words = change(q), hedge(q)
    if direction:
        return direction
    if words is None or words in ("just", "only", "exactly", "between"):
        return "="
    if words in _CHANGE_LABEL:
        return _CHANGE_LABEL[words]
    return ">" if q.high is None else "<" if q.low is None else "="


def prediction(q: Quantity) -> dict[str, Any]:
    """A storyline Quantity in the shape the CQE evaluation compares."""
    value: Value = q.value
    if is_range(q) and q.low is not None and q.high is not None:
        other = q.high if math.isclose(q.value, q.low) else q.low
        value = (q.value, other)  # in the order written
    return {"value": value, "unit": gold_style(q.unit).lower(), "change": _change_label(q)}


def gold_value(raw: str) -> Value:
    """NewsQuant writes a range as "low-high"; a leading "-" is a sign."""
    if "E" not in raw and not raw.startswith("-") and "-" in raw:
        a, b = raw.split("-", 1)
        return float(a), float(b)
    return float(raw)


def same_value(g: Value, p: Value) -> bool:
    if isinstance(g, tuple) and isinstance(p, tuple):
        pairs = zip(g, p, strict=True)
        return all(math.isclose(x, y, rel_tol=1e-5, abs_tol=1e-8) for x, y in pairs)
    if isinstance(g, tuple) or isinstance(p, tuple):
        return False
    return math.isclose(g, p, rel_tol=1e-5, abs_tol=1e-8)


def _score(tp: int, n_gold: int, n_pred: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(100 * p, 1), round(100 * r, 1), round(100 * f, 1)


def run(limit: int | None = None) -> dict[str, float]:
    path = bench_dir() / "quantities" / "NewsQuant.json"
    data = json.loads(path.read_text(encoding="utf-8"))[:limit]
    started = time.perf_counter()
    predicted = [find_quantities(item["text"]) for item in data]
    seconds = time.perf_counter() - started
    n_gold = n_pred = tp_value = tp_unit = tp_change = 0
    for item, quantities in zip(data, predicted, strict=True):
        gold = sorted(
            (
                {
                    "value": gold_value(g["value"]),
                    "unit": g["normalized_unit"].lower(),
                    "change": g["change"],
                }
                for g in item["quantities"]
            ),
            key=lambda g: g["unit"],
        )
        preds = sorted((prediction(q) for q in quantities), key=lambda p: p["unit"])
        n_gold, n_pred = n_gold + len(gold), n_pred + len(preds)
        budget = len(gold)
        for g in gold:
            for p in list(preds):
                if not same_value(g["value"], p["value"]):
                    continue
                if budget > 0:
                    tp_value, budget = tp_value + 1, budget - 1
                tp_change += p["change"] == g["change"]
                if p["unit"] == g["unit"]:
                    tp_unit += 1
                    preds.remove(p)
                    break
    out: dict[str, float] = {}
    for name, tp in (("value", tp_value), ("value_unit", tp_unit), ("value_change", tp_change)):
        precision, recall, f1 = _score(tp, n_gold, n_pred)
        out |= {
            f"newsquant_{name}_precision": precision,
            f"newsquant_{name}_recall": recall,
            f"newsquant_{name}_f1": f1,
        }
    out |= {
        "newsquant_sentences": float(len(data)),
        "newsquant_gold": float(n_gold),
        "newsquant_predicted": float(n_pred),
        "newsquant_sentences_per_second": round(len(data) / seconds, 1) if seconds else 0.0,
    }
    return out


def main() -> None:
    results = run(int(sys.argv[1]) if len(sys.argv) > 1 else None)
    published = anchors()
    for name, value in results.items():
        note = ""
        for kind, label in _KINDS.items():
            for i, measure in enumerate(("precision", "recall", "f1")):
                if name == f"newsquant_{kind}_{measure}":
                    note = "  # published: " + ", ".join(
                        f"{model.split('-')[0]} {scores[i]}"
                        for (model, t), scores in published.items()
                        if t == label and model in ("CQE-Numparser", "quantulum3")
                    )
        print(f"{name}: {value}{note}")


if __name__ == "__main__":
    main()
