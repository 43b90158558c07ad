"""storyline watch --every: the intervals people write."""

from __future__ import annotations

import pytest

from storyline.errors import ConfigError
from storyline.store.watch import parse_interval


@pytest.mark.parametrize(
    "text,seconds", [("15m", 900), ("30s", 30), ("1h", 3600), ("1.5h", 5400), ("90", 90)]
)
def test_intervals_in_minutes_seconds_and_hours(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "0", "-5m", "15 minutes"])
def test_an_interval_that_cannot_be_read_is_a_config_error(text):
    with pytest.raises(ConfigError):
        parse_interval(text)
