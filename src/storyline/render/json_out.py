"""The dossier's JSON face, per the contract in shared/eval/README.md.

The data itself is codec.py's (``to_dict``/``from_dict``): this face only
writes it as indented text.
"""

from __future__ import annotations

import json

from storyline.codec import from_dict, to_dict
from storyline.model import Dossier

__all__ = ["from_dict", "to_dict", "to_json"]


def to_json(dossier: Dossier) -> str:
    """The dossier as indented JSON text, ending with a newline."""
    return json.dumps(to_dict(dossier), ensure_ascii=False, indent=2) + "\n"
