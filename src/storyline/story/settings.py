"""The story stage's settings as one record: what a dossier was made with.

Each part is a frozen record owned by its module (grouping, relay,
importance); build_dossier takes them together, and the dossier's meta
lists every value so a reader can tell two dossiers' settings apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass

from storyline.story.grouping import GroupingSettings
from storyline.story.importance import ImportanceSettings
from storyline.story.relay import RelaySettings


@dataclass(frozen=True)
class StorySettings:
    grouping: GroupingSettings = field(default_factory=GroupingSettings)
    relay: RelaySettings = field(default_factory=RelaySettings)
    importance: ImportanceSettings = field(default_factory=ImportanceSettings)


DEFAULT_STORY = StorySettings()


def flatten(settings: object, prefix: str = "") -> tuple[tuple[str, str], ...]:
    """("grouping.link_threshold", "0.35"), ... for every leaf value."""
    out: list[tuple[str, str]] = []
    for f in fields(settings):  # type: ignore[arg-type]
        value = getattr(settings, f.name)
        name = f"{prefix}{f.name}"
        if is_dataclass(value):
            out.extend(flatten(value, name + "."))
        else:
            out.append((name, repr(value)))
    return tuple(out)
