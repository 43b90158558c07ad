"""A one-line progress bar on a terminal stream (stderr), redrawn a few times a second."""

from __future__ import annotations

import time
from typing import TextIO

__all__ = ["Progress"]

REDRAW_S = 0.2  # often enough to look alive, rarely enough to cost nothing
BAR_WIDTH = 24


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    h, rest = divmod(seconds, 3600)
    return f"{h}h{rest // 60:02d}m" if h else f"{rest // 60}m{rest % 60:02d}s"


class Progress:
    """Counts articles done, resumed and failed, and draws them with a bar
    when the total is known (``total``: about how many articles)."""

    def __init__(self, stream: TextIO, total: int | None = None) -> None:
        self.stream, self.total = stream, total
        self.done = self.resumed = self.failed = 0
        self.phase = "reading"
        self.start = time.monotonic()
        self.drawn = 0.0
        self.width = 0

    def update(self, done: int = 0, resumed: int = 0, failed: int = 0) -> None:
        self.done += done
        self.resumed += resumed
        self.failed += failed
        now = time.monotonic()
        if now - self.drawn >= REDRAW_S:
            self.drawn = now
            self._draw(now)

    def start_phase(self, phase: str, total: int | None) -> None:
        """A new stage (e.g. writing stories), counted from zero."""
        self._draw(time.monotonic())
        self.stream.write("\n")
        self.phase, self.total = phase, total
        self.done = self.resumed = self.failed = 0
        self.start = time.monotonic()

    def _draw(self, now: float) -> None:
        seen = self.done + self.resumed + self.failed
        rate = self.done / max(now - self.start, 1e-9)
        parts = [f"storyline: {self.phase}"]
        if self.total:
            share = min(seen / self.total, 1.0)
            filled = int(share * BAR_WIDTH)
            parts.append(f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {share:4.0%}")
            parts.append(f"{seen:,}/{self.total:,}")
        else:
            parts.append(f"{seen:,}")
        parts.append(f"{rate:.1f}/s")
        if self.resumed:
            parts.append(f"{self.resumed:,} done before")
        if self.failed:
            parts.append(f"{self.failed:,} failed")
        if self.total and rate > 0 and seen < self.total:
            parts.append(f"ETA {_duration((self.total - seen) / rate)}")
        line = "  ".join(parts)
        self.stream.write("\r" + line.ljust(self.width))
        self.width = len(line)
        self.stream.flush()

    def close(self) -> None:
        self._draw(time.monotonic())
        self.stream.write("\n")
        self.stream.flush()
