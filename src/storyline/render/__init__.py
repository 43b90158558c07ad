"""The dossier's faces: JSON (the data contract), Markdown (for notes), HTML (for reading)."""

from __future__ import annotations

from collections.abc import Callable

from storyline.model import Dossier
from storyline.render.html import to_html
from storyline.render.json_out import from_dict, to_dict, to_json
from storyline.render.markdown import to_markdown

__all__ = ["FORMATS", "from_dict", "render", "to_dict", "to_html", "to_markdown"]


# A dict from name to function is all the registry this needs.
_RENDERERS: dict[str, Callable[[Dossier], str]] = {
    "json": to_json,
    "md": to_markdown,
    "html": to_html,
}
FORMATS: tuple[str, ...] = tuple(_RENDERERS)


def render(dossier: Dossier, fmt: str) -> str:
    """The dossier as text in ``fmt`` ("json", "md" or "html"), ending with a newline."""
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}") from None
    return renderer(dossier)
