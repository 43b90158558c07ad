"""Output shared by the command line and the library: a file written whole
(``FILE.part``, then a rename) and a progress bar on stderr.

    >>> from storyline.io import Progress, write_text_atomic
"""

from __future__ import annotations

from storyline.io.files import write_text_atomic
from storyline.io.progress import Progress

__all__ = ["Progress", "write_text_atomic"]
