"""Progress of a long command on stderr, drawn by tqdm.

batch and add report three counts as they go: articles done now, articles
done before (resumed by batch, already stored for add) and failures. tqdm
draws the bar, the rate and the ETA; this class only keeps the counts, names
the phase and starts a new bar when a run moves to its next stage.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any, TextIO

from tqdm import tqdm

__all__ = ["Progress"]

REDRAW_S = 0.2  # often enough to look alive, rarely enough to cost nothing


class _Bar(tqdm):
    # No monitor thread: the bar is redrawn on update, and a driver that
    # starts worker processes is better without a thread of ours.
    monitor_interval = 0


class Progress:
    """Counts articles done, resumed and failed, and shows them with a bar
    when the total is known (``total``: about how many articles)."""

    def __init__(
        self,
        stream: TextIO,
        total: int | None = None,
        phase: str = "reading",
        before: str = "done before",
    ) -> None:
        self.stream, self.before = stream, before
        self.done = self.resumed = self.failed = 0
        self._bar = self._open(phase, total)

    def _open(self, phase: str, total: int | None) -> Any:
        return _Bar(
            total=total or None,  # 0 or None: count without a bar
            desc=f"storyline: {phase}",
            unit="article",
            file=self.stream,
            mininterval=REDRAW_S,
            dynamic_ncols=True,
        )

    def update(self, done: int = 0, resumed: int = 0, failed: int = 0) -> None:
        self.done += done
        self.resumed += resumed
        self.failed += failed
        counts = [(self.resumed, self.before), (self.failed, "failed")]
        postfix = ", ".join(f"{n:,} {what}" for n, what in counts if n)
        if postfix:
            self._bar.set_postfix_str(postfix, refresh=False)
        self._bar.update(done + resumed + failed)

    def start_phase(self, phase: str, total: int | None) -> None:
        """A new stage (e.g. writing stories), counted from zero on a new line."""
        self._bar.close()
        self.done = self.resumed = self.failed = 0
        self._bar = self._open(phase, total)

    def paused(self, stream: TextIO) -> AbstractContextManager[None]:
        """Clears the bar while the caller prints lines to ``stream``, then redraws it."""
        cm: AbstractContextManager[None] = self._bar.external_write_mode(file=stream)
        return cm

    def close(self) -> None:
        self._bar.close()
