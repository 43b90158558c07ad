"""TempEval-3 platinum: how well find_dates finds and normalises TIMEX3 dates.

Each .tml file's document creation time is the reference; find_dates runs over
the plain text of <TEXT>. A prediction matches a gold TIMEX3 that it overlaps
(each gold and each prediction used once); it scores for value when the values
are equal. The creation-time TIMEX3 itself is left out.

Two gold sets are scored:
- all TIMEX3 (DATE, TIME, DURATION, SET), as TempEval-3 does, to compare with
  the published HeidelTime figure;
- DATE and TIME only (``tempeval_date_*``): find_dates leaves durations and sets
  to the quantities stage by design, so this is the stage's own task. Here a
  prediction that overlaps a DURATION/SET gold is neither right nor wrong.

Run: python benchmarks/bench_time.py [limit]
"""
from __future__ import annotations

import html
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from storyline.dates import find_dates  # noqa: E402

PUBLISHED = {"HeidelTime value F1 (all types)": 77.6}
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def bench_dir() -> Path:
    env = os.environ.get("STORYLINE_BENCH_DIR")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared" / "bench"


def read_tml(path: Path) -> tuple[str, str | None, list[tuple[int, int, str, str]]]:
    """Plain text, creation date and gold TIMEX3s (start, end, type, value)."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", raw)
    reference = dict(_ATTR.findall(dct.group(1))).get("value") if dct else None
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    text: list[str] = []
    size, pos, gold, open_timex = 0, 0, [], None
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        text.append(chunk)
        size += len(chunk)
        pos = m.end()
        if m.group(2) == "TIMEX3" and not m.group(1):
            open_timex = (size, dict(_ATTR.findall(m.group(3))))
        elif m.group(2) == "TIMEX3" and open_timex:
            start, attrs = open_timex
            gold.append((start, size, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
    text.append(html.unescape(body[pos:]))
    return "".join(text), reference, gold


def _prf(n_pred: int, tp_p: int, n_gold: int, tp_g: int) -> tuple[float, float, float]:
    p = 100 * tp_p / n_pred if n_pred else 0.0
    r = 100 * tp_g / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _score(preds: list[tuple[int, int, str | None]], gold: list[tuple[int, int, str, str]],
           ignore: list[tuple[int, int]]) -> tuple[int, int, int, int, int, int]:
    """(predictions, value hits, extent hits, gold, gold matched by value, by extent)."""
    def overlap(a, b) -> bool:
        return a[0] < b[1] and b[0] < a[1]
    preds = [p for p in preds if not any(overlap(p, g) for g in ignore)]
    counts = [len(preds), 0, 0, len(gold), 0, 0]
    for want_value, hit_p, hit_g in ((True, 1, 4), (False, 2, 5)):
        used: set[int] = set()
        for p in preds:
            for i, g in enumerate(gold):
                if i not in used and overlap(p, g) and (not want_value or p[2] == g[3]):
                    used.add(i)
                    counts[hit_p] += 1
                    break
        counts[hit_g] = len(used)
    return tuple(counts)  # type: ignore[return-value]


def run(limit: int | None = None) -> dict[str, float]:
    files = sorted((bench_dir() / "time" / "te3-platinum").glob("*.tml"))[:limit]
    if not files:
        raise FileNotFoundError(f"no .tml files under {bench_dir() / 'time' / 'te3-platinum'}")
    # per gold set and measure: [predictions, predictions that hit, gold, gold hit]
    totals = {k: [0, 0, 0, 0] for k in ("all_v", "all_x", "date_v", "date_x")}
    for path in files:
        text, reference, gold = read_tml(path)
        found = find_dates(text, reference)
        valued = [(t.start, t.end, t.value) for t in found if t.value is not None]
        extents = [(t.start, t.end, t.value) for t in found]
        dates = [g for g in gold if g[2] in ("DATE", "TIME")]
        others = [(g[0], g[1]) for g in gold if g[2] not in ("DATE", "TIME")]
        for key, gset, ignore in (("all", gold, []), ("date", dates, others)):
            v, x = _score(valued, gset, ignore), _score(extents, gset, ignore)
            for name, row in ((key + "_v", (v[0], v[1], v[3], v[4])),
                              (key + "_x", (x[0], x[2], x[3], x[5]))):
                totals[name] = [a + b for a, b in zip(totals[name], row)]
    out: dict[str, float] = {"tempeval_files": float(len(files))}
    for key, prefix in (("all", "tempeval_"), ("date", "tempeval_date_")):
        vp, vr, vf = _prf(*totals[key + "_v"])
        _, _, xf = _prf(*totals[key + "_x"])
        out.update({prefix + "value_f1": vf, prefix + "value_precision": vp,
                    prefix + "value_recall": vr, prefix + "extent_f1": xf})
    return out


if __name__ == "__main__":
    results = run(int(sys.argv[1]) if len(sys.argv) > 1 else None)
    for name, value in results.items():
        print(f"{name}: {value:.1f}")
    for name, value in PUBLISHED.items():
        print(f"published {name}: {value}")
