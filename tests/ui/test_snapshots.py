"""What the screens look like at 80×24, with time frozen (SVG snapshots)."""

from __future__ import annotations

SIZE = (80, 24)


async def _answer_first(pilot) -> None:
    await pilot.press("enter", *"woodrow wilsen", "enter")


def test_home(snap_compare, app_factory):
    assert snap_compare(app_factory(), terminal_size=SIZE)


def test_review_question(snap_compare, app_factory):
    assert snap_compare(app_factory(), press=["enter"], terminal_size=SIZE)


def test_review_feedback(snap_compare, app_factory):
    assert snap_compare(app_factory(), run_before=_answer_first, terminal_size=SIZE)


def test_review_choice_feedback(snap_compare, app_factory):
    keys = ["enter", *"woodrow wilson", "enter", "4", *"907", "enter", "4", "2"]
    assert snap_compare(app_factory(), press=keys, terminal_size=SIZE)


def test_summary(snap_compare, app_factory):
    keys = ["enter", *"woodrow wilsen", "enter", "enter", *"nope", "enter", "1", "escape"]
    assert snap_compare(app_factory(), press=keys, terminal_size=SIZE)


def test_stats(snap_compare, app_factory):
    keys = ["enter", *"woodrow wilson", "enter", "4", "escape", "enter", "s"]
    assert snap_compare(app_factory(), press=keys, terminal_size=SIZE)
