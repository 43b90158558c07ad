"""Watch feeds: add their new items to the store as they appear.

The loop stops when ``stop`` is set (the CLI sets it on Ctrl-C): between
two articles, never inside one's transaction, so nothing is half-written.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence

from storyline.errors import ConfigError
from storyline.ingest.fetch import Fetcher
from storyline.ingest.sources import FeedPoller
from storyline.store import AddResult, Store
from storyline.store.store import Reader

_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?", re.IGNORECASE)
_UNIT_S = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, None: 1}


def parse_interval(text: str) -> float:
    """Seconds in "15m", "30s", "1h", "1.5h" or "90" (seconds)."""
    m = _INTERVAL.fullmatch(text.strip())
    if not m or float(m.group(1)) <= 0:
        raise ConfigError(f"cannot read the interval {text!r}: write e.g. 30s, 15m, 1h")
    unit = m.group(2).lower() if m.group(2) else None
    return float(m.group(1)) * _UNIT_S[unit]


def watch(
    store: Store,
    feeds: Sequence[str],
    every: float,
    stop: threading.Event,
    on_result: Callable[[AddResult], None],
    fetcher: Fetcher | None = None,
    reader: Reader | None = None,
    rounds: int | None = None,
) -> int:
    """Poll ``feeds`` every ``every`` seconds until ``stop`` is set (or for
    ``rounds`` polls), adding new items; ``on_result`` hears each feed's
    AddResult. A failing entry is reported once, not at every poll. Returns
    the number of polls made."""
    poller = FeedPoller(fetcher or Fetcher())
    told: set[str] = set()
    polls = 0
    while not stop.is_set() and (rounds is None or polls < rounds):
        for feed in feeds:
            if stop.is_set():
                break
            outcomes = poller.poll(feed, store.has_url)
            fresh = [o for o in outcomes if o.ok or (o.error or "") not in told]
            told.update(o.error or "" for o in outcomes if not o.ok)
            result = store.add(fresh, reader=reader, stop=stop.is_set)
            if result.added or result.failures:  # an entry already stored is no news
                on_result(result)
        polls += 1
        if rounds is None or polls < rounds:
            stop.wait(every)
    return polls


__all__ = ["parse_interval", "watch"]
