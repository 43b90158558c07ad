"""The per-story stage of a batch: stories closed as dates advance, built on the workers."""

from __future__ import annotations

import os

from storyline.batch.local import LocalEngine
from storyline.story.assignment import WINDOW_DAYS, StoryIndex


def _profile(*features: str) -> dict[str, float]:
    return {f: 1.0 / len(features) ** 0.5 for f in features}


def test_close_before_drops_old_stories_and_keeps_recent_ones():
    index = StoryIndex()
    old = index.assign(_profile("@ann", "@bob", "strike"), "2024-01-01")
    recent = index.assign(_profile("@cat", "@dan", "merger"), "2024-02-20")
    undated = index.assign(_profile("@eve", "@fay", "flood"), None)
    assert index.close_before("2024-03-01") == [old]  # 60 days idle; 10 is within the window
    assert set(index.profiles) == {recent, undated}
    assert all(old not in stories for stories in index.index.values())
    assert "@ann" not in index.index
    # an article like the closed story starts a new one; one like the open story joins it
    assert index.assign(_profile("@ann", "@bob", "strike"), "2024-03-01") not in {old, recent}
    assert index.assign(_profile("@cat", "@dan", "merger"), "2024-03-01") == recent
    assert index.close_before("2024-03-01") == []


def test_closing_changes_no_story_and_keeps_the_index_small():
    """A long stream, one story a day, each three articles over three days."""
    from datetime import date, timedelta

    stream = []
    for day in range(300):
        for k in range(3):
            when = (date(2024, 1, 1) + timedelta(days=day + k)).isoformat()
            stream.append((when, _profile(f"@person{day}", f"@place{day % 7}", f"topic{day}")))
    stream.sort(key=lambda s: s[0])
    plain, closing = StoryIndex(), StoryIndex()
    largest = 0
    for when, prof in stream:
        closing.close_before(when)
        assert plain.assign(prof, when) == closing.assign(prof, when)
        largest = max(largest, len(closing.profiles))
    assert len(plain.profiles) == 300
    assert largest <= WINDOW_DAYS + 4


def _pid_and(x: int) -> tuple[int, int]:
    return os.getpid(), x * x


def test_the_local_engine_maps_on_its_workers_in_order():
    engine = LocalEngine(2)
    try:
        out = list(engine.map(_pid_and, range(20)))
    finally:
        engine.close()
    assert [x for _, x in out] == [i * i for i in range(20)]
    assert os.getpid() not in {pid for pid, _ in out}
    one = LocalEngine(1)
    assert list(one.map(_pid_and, [3])) == [(os.getpid(), 9)]


def test_a_date_given_to_the_year_or_month_counts_no_idle_days_inside_it():
    from storyline.story.assignment import _days, _idle_days, join_threshold

    assert _idle_days("2026", "2026-01-30") == 0 and _idle_days("2024-02", "2024-03-05") == 5
    assert _days("2026", "2026-01-30") == 29  # the window counts from the first day
    index = StoryIndex()
    story = index.assign(_profile("@ann", "@bob", "strike"), "2026")  # only the year was known
    assert join_threshold(_idle_days("2026-01-20", "2026")) == join_threshold(0)
    assert index.assign(_profile("@ann", "@bob", "strike"), "2026-01-20") == story
    assert index.close_before("2026-02-10") == []
    assert index.close_before("2026-02-25") == [story]
