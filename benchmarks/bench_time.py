"""TempEval-3 platinum: how well storyline finds and normalises TIMEX3 expressions.

Each .tml file's document creation time is the reference;
``find_time_expressions`` (dates, times, durations, "now"/"the past") runs over
the plain text of <TEXT>. A prediction matches a gold TIMEX3 that it overlaps
(each gold and each prediction used once); it scores for value when the values
are equal. The creation-time TIMEX3 itself is left out.

Gold sets scored:
- all TIMEX3 (DATE, TIME, DURATION, SET), as TempEval-3 does, to compare with
  the published HeidelTime figure (``tempeval_*``);
- DATE and TIME only (``tempeval_date_*``): a prediction that overlaps a
  DURATION/SET gold is neither right nor wrong;
- ``tempeval_timeline_*``: ``find_dates`` (what the timeline takes) on DATE and
  TIME only, its values that start with a year, as the timeline keeps them.

Run: python benchmarks/bench_time.py [limit] [--misses]
"""

from __future__ import annotations

import html
import os
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from storyline.measure.dates import find_dates, find_time_expressions  # noqa: E402
from storyline.model import TimeExpr  # noqa: E402

# Published value F1 on the same files, all TIMEX3 types (README of shared/bench).
PUBLISHED = "HeidelTime 77.6"
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
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    text: list[str] = []
    size, pos, gold, open_timex = 0, 0, [], None
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
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


Span = tuple[int, int]


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _match(
    preds: list[tuple[int, int, str | None]], gold: list[tuple[int, int, str, str]], by_value: bool
) -> tuple[int, int, int, int]:
    """[predictions, predictions that hit, gold, gold hit]; each gold is hit once."""
    used: set[int] = set()
    hits = 0
    for p in preds:
        i = next(
            (
                i
                for i, g in enumerate(gold)
                if i not in used and _overlap(p[:2], g[:2]) and (not by_value or p[2] == g[3])
            ),
            None,
        )
        if i is not None:
            used.add(i)
            hits += 1
    return len(preds), hits, len(gold), len(used)


def _print_misses(
    name: str, text: str, found: tuple[TimeExpr, ...], gold: list[tuple[int, int, str, str]]
) -> None:
    """Gold with no prediction of its value, and predictions that overlap no gold."""
    for s, e, kind, value in gold:
        near = [(t.text, t.value) for t in found if _overlap((t.start, t.end), (s, e))]
        if value not in [v for _, v in near]:
            print(f"{name}: missed {kind} {text[s:e]!r} = {value} (found {near})")
    for t in found:
        if not any(_overlap((t.start, t.end), g[:2]) for g in gold):
            print(f"{name}: extra {t.text!r} = {t.value}")


def run(limit: int | None = None, misses: bool = False) -> dict[str, float]:
    files = sorted((bench_dir() / "time" / "te3-platinum").glob("*.tml"))[:limit]
    if not files:
        raise FileNotFoundError(f"no .tml files under {bench_dir() / 'time' / 'te3-platinum'}")
    totals = {k + x: [0, 0, 0, 0] for k in ("all", "date", "timeline") for x in ("_v", "_x")}
    seconds = 0.0
    for path in files:
        text, reference, gold = read_tml(path)
        started = time.perf_counter()
        found = find_time_expressions(text, reference)
        seconds += time.perf_counter() - started
        timeline = [t for t in find_dates(text, reference) if t.value and t.value[:4].isdigit()]
        if misses:
            _print_misses(path.name, text, found, gold)
        dates = [g for g in gold if g[2] in ("DATE", "TIME")]
        others = [g[:2] for g in gold if g[2] not in ("DATE", "TIME")]
        for key, exprs, gset, ignore in (
            ("all", found, gold, []),
            ("date", found, dates, others),
            ("timeline", timeline, dates, others),
        ):
            preds = [
                (t.start, t.end, t.value)
                for t in exprs
                if not any(_overlap((t.start, t.end), o) for o in ignore)
            ]
            for kind, row in (
                ("_v", _match([p for p in preds if p[2]], gset, True)),
                ("_x", _match(preds, gset, False)),
            ):
                totals[key + kind] = [a + b for a, b in zip(totals[key + kind], row, strict=True)]
    out: dict[str, float] = {"tempeval_files": float(len(files))}
    for key, prefix in (
        ("all", "tempeval_"),
        ("date", "tempeval_date_"),
        ("timeline", "tempeval_timeline_"),
    ):
        vp, vr, vf = _prf(*totals[key + "_v"])
        out.update(
            {
                prefix + "value_f1": vf,
                prefix + "value_precision": vp,
                prefix + "value_recall": vr,
                prefix + "extent_f1": _prf(*totals[key + "_x"])[2],
            }
        )
    out["tempeval_docs_per_second"] = len(files) / seconds if seconds else 0.0
    return out


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--misses"]
    results = run(int(args[0]) if args else None, misses="--misses" in sys.argv[1:])
    for name, value in results.items():
        note = f"  # published: {PUBLISHED}" if name == "tempeval_value_f1" else ""
        print(f"{name}: {value:.1f}{note}")


if __name__ == "__main__":
    main()
