"""Writing a file so that a reader never sees half of it.

The text goes to ``FILE.part`` beside the target, then ``os.replace`` renames
it over the target in one step, so an interrupted write leaves the old file
(or none), never a truncated one. Beside, not in /tmp: a rename is atomic only
within one file system.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["write_text_atomic"]


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` through ``path.part`` and a rename."""
    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, target)
