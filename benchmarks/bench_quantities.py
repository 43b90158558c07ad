"""NewsQuant benchmark for storyline.quantities (Almasian et al., EMNLP 2023).

590 news sentences with about 900 gold quantities (value, unit, change).  The
matching follows the CQE evaluation script (repo satya77/CQE_Evaluation,
``calculate_metrics``), re-implemented here:

* per sentence, gold and predictions are each sorted by normalised unit; each
  gold quantity walks the predictions in order;
* a value match (``isclose``, rtol 1e-5; a range matches only a range with
  both ends equal) counts once per gold quantity, up to the number of gold
  quantities in the sentence;
* a value+unit match also needs the normalised unit to be equal (lower-case);
  only then is the prediction used up and the walk stops, so a prediction whose
  unit is wrong may give its value to more than one gold quantity (as in CQE);
* value+change counts a value match whose change label (=, ~, >, <, up, down)
  is equal;
* precision = matches / predictions, recall = matches / gold, in percent.

storyline's units are mapped to the names NewsQuant uses ("USD" -> "dollar",
"percent" -> "percentage", counted nouns lemmatised) by ``_UNIT_MAP`` and
``_gold_style`` below; the library keeps its own naming.

NewsQuant writes "from 13.5 to 14.0 mm" as one range even where the sentence
reports a change ("fell from $2,415 to $2,315"); storyline reports the two
figures of a change separately, and those count as misses here.
"""
from __future__ import annotations

import json
import math
import os
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from storyline.model import Quantity  # noqa: E402
from storyline.quantities import change, hedge, is_range, find_quantities  # noqa: E402

# Published figures (published-scores.csv, F1 in percent).
ANCHORS = {"value": {"CQE": 92.0, "quantulum3": 73.0}, "value_unit": {"CQE": 85.6, "quantulum3": 47.2},
           "value_change": {"CQE": 88.1}}

# storyline unit -> NewsQuant normalised unit, where singularising is not enough.
_UNIT_MAP = {
    "USD": "dollar", "GBP": "pound sterling", "EUR": "euro", "JPY": "japanese yen", "CNY": "chinese yuan",
    "INR": "indian rupee", "AUD": "australian dollar", "NZD": "new zealand dollar", "CAD": "canadian dollar",
    "HKD": "hong kong dollar", "SGD": "singaporean dollar", "ILS": "shekel", "MYR": "malaysian ringgit",
    "DKK": "danish krone", "ZAR": "south african rand", "HRK": "croatian kuna", "CHF": "swiss franc",
    "cents": "cent", "pence": "point", "sen": "sen", "percent": "percentage", "times": "count",
    "years old": "year of age", "months old": "month of age", "weeks old": "week of age", "days old": "day of age",
    "feet": "foot", "inches": "inch", "square feet": "square foot", "cubic feet": "cubic foot",
    "degrees Celsius": "celsius", "degrees Fahrenheit": "fahrenheit", "tonnes": "metric ton",
    "gigatonnes": "gigaton", "pounds": "pound-mass", "pound-feet": "foot pound-force",
    "milliamp hours": "milliampere-hour", "parts per billion": "parts-per-billion",
    "parts per million": "part per million", "miles per hour": "mile per hour",
    "kilometres per hour": "kilometre per hour", "metres per second": "metre per second",
    "miles per gallon": "mile per gallon", "barrels per day": "barrel per day",
    "megabits per second": "megabit per second", "gigabits per second": "gigabit per second",
    "centuries": "century", "basis points": "basis point", "percentage points": "percentage point",
    "newton metres": "newton metre", "kilowatt hours": "kilowatt hour",
}
_STOPWORDS = {"and", "of", "the", "a", "an"}
_CHANGE_SYMBOL = {"about": "~", "around": "~", "approximately": "~", "roughly": "~", "some": "~",
                  "nearly": "~", "an estimated": "~", "estimated": "~", "almost": "~", "close to": "~",
                  "or so": "~", "~": "~", "average": "~", "an average of": "~", "on average": "~"}


def bench_dir() -> Path:
    override = os.environ.get("STORYLINE_BENCH_DIR")
    return Path(override) if override else Path(__file__).resolve().parents[1].parent / "shared" / "bench"


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return {"people": "people", "men": "man", "women": "woman", "children": "child"}.get(word, word)


def _gold_style(unit: str | None) -> str:
    """storyline's unit in NewsQuant's naming."""
    if unit is None:
        return "-"
    base, _, per = unit.partition(" per ")
    if per and unit not in _UNIT_MAP:
        return f"{_gold_style(base)} per {_singular(per.lower())}"
    if unit in _UNIT_MAP:
        return _UNIT_MAP[unit]
    words = [w for w in re.split(r"\s+", unit.lower()) if w not in _STOPWORDS]
    return " ".join(words[:-1] + [_singular(words[-1])]) if words else "-"


def _change_label(q: Quantity) -> str:
    direction = change(q)
    if direction:
        return direction
    h = hedge(q)
    if h is None or h in ("just", "only", "exactly", "between"):
        return "="
    if h in _CHANGE_SYMBOL:
        return _CHANGE_SYMBOL[h]
    return ">" if q.high is None else "<" if q.low is None else "="


def _prediction(q: Quantity) -> dict:
    value: float | tuple[float, float] = q.value
    if is_range(q) and q.low is not None and q.high is not None:
        other = q.high if math.isclose(q.value, q.low) else q.low
        value = (q.value, other)
    return {"value": value, "unit": _gold_style(q.unit).lower(), "change": _change_label(q)}


def _gold_value(raw: str) -> float | tuple[float, float]:
    if "E" not in raw and not raw.startswith("-") and "-" in raw:
        a, b = raw.split("-", 1)
        return float(a), float(b)
    return float(raw)


def _same_value(g: float | tuple, p: float | tuple) -> bool:
    if isinstance(g, tuple) != isinstance(p, tuple):
        return False
    pairs = zip(g, p) if isinstance(g, tuple) else [(g, p)]
    return all(math.isclose(x, y, rel_tol=1e-5, abs_tol=1e-8) for x, y in pairs)


def _score(tp: int, n_gold: int, n_pred: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(100 * p, 1), round(100 * r, 1), round(100 * f, 1)


def run(limit: int | None = None) -> dict[str, float]:
    data = json.loads((bench_dir() / "quantities" / "NewsQuant.json").read_text(encoding="utf-8"))
    data = data[:limit] if limit else data
    n_gold = n_pred = tp_value = tp_unit = tp_change = 0
    started = time.perf_counter()
    predicted = [find_quantities(item["text"]) for item in data]
    seconds = time.perf_counter() - started
    for item, quantities in zip(data, predicted):
        gold = sorted(({"value": _gold_value(g["value"]), "unit": g["normalized_unit"].lower(),
                        "change": g["change"]} for g in item["quantities"]), key=lambda g: g["unit"])
        preds = sorted((_prediction(q) for q in quantities), key=lambda p: p["unit"])
        n_gold, n_pred = n_gold + len(gold), n_pred + len(preds)
        budget = len(gold)
        for g in gold:
            for p in list(preds):
                if not _same_value(g["value"], p["value"]):
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
        p, r, f = _score(tp, n_gold, n_pred)
        out.update({f"newsquant_{name}_precision": p, f"newsquant_{name}_recall": r, f"newsquant_{name}_f1": f})
    out.update({"newsquant_sentences": float(len(data)), "newsquant_gold": float(n_gold),
                "newsquant_predicted": float(n_pred),
                "newsquant_sentences_per_second": round(len(data) / seconds, 1) if seconds else 0.0})
    return out


def main() -> None:
    results = run(int(sys.argv[1]) if len(sys.argv) > 1 else None)
    for name, value in results.items():
        kind = next((k for k in ANCHORS if name == f"newsquant_{k}_f1"), None)
        note = "  # published F1: " + ", ".join(f"{m} {v}" for m, v in ANCHORS[kind].items()) if kind else ""
        print(f"{name}: {value}{note}")


if __name__ == "__main__":
    main()
