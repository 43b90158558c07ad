"""storyline: read many articles about one story and tell, claim by claim,
what is established, who says so, and where outlets disagree.

    >>> import storyline
    >>> dossier = storyline.analyze(["examples/jlr-chery"])
    >>> [c.verdict for c in dossier.claims][:3]
"""

from __future__ import annotations

from storyline.errors import InputError, StorylineError
from storyline.model import Claim, Conflict, Document, Dossier, Figure, Mention, TimelineEvent
from storyline.version import __version__


def __getattr__(name: str):  # the pipeline loads spaCy: import it on first use
    if name in ("analyze", "analyze_articles"):
        from storyline import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'storyline' has no attribute {name!r}")


__all__ = [
    "Claim",
    "Conflict",
    "Document",
    "Dossier",
    "Figure",
    "InputError",
    "Mention",
    "StorylineError",
    "TimelineEvent",
    "__version__",
    "analyze",
    "analyze_articles",
]
