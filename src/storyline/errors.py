"""Storyline's exceptions, all in one place.

    StorylineError       anything storyline raises on purpose; catch this at the edge
    ├── InputError       one input cannot be read as articles; ``.input`` names it
    └── ConfigError      an option or setting is invalid; the message lists what is valid

Messages are one line and say what went wrong and, where it helps, what to do.
In a batch, a bad input does not raise out of the batch: ``read_inputs`` turns
an ``InputError`` into a failed ``ReadOutcome`` and goes on with the rest.
"""

from __future__ import annotations

__all__ = ["ConfigError", "InputError", "StorylineError"]


def _one_line(text: str) -> str:
    return " ".join(text.split())


class StorylineError(Exception):
    """Base class of the errors storyline raises on purpose."""


class InputError(StorylineError):
    """An input (a file, a folder, one record of a file) that gives no article.

    ``str(error)`` is ``"<input>: <problem>"`` on one line.
    """

    def __init__(self, input: str, problem: str) -> None:
        self.input = input
        self.problem = _one_line(problem)
        super().__init__(f"{input}: {self.problem}")


class ConfigError(StorylineError):
    """An option or setting that storyline cannot work with."""

    def __init__(self, message: str) -> None:
        super().__init__(_one_line(message))
