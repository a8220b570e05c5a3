"""What the screens look like at 80×24, with time frozen (SVG snapshots)."""

from __future__ import annotations

SIZE = (80, 24)


async def _opened(pilot) -> None:
    await pilot.app.opened.wait()
    await pilot.pause()


def snap(snap_compare, app, keys=()):
    return snap_compare(app, press=keys, run_before=_opened, terminal_size=SIZE)


def test_home(snap_compare, app_factory):
    assert snap(snap_compare, app_factory())


def test_review_question(snap_compare, app_factory):
    assert snap(snap_compare, app_factory(), ["enter"])


def test_review_feedback(snap_compare, app_factory):
    assert snap(snap_compare, app_factory(), ["enter", *"woodrow wilsen", "enter"])


def test_review_choice_feedback(snap_compare, app_factory):
    keys = ["enter", *"woodrow wilson", "enter", "4", *"907", "enter", "4", "2"]
    assert snap(snap_compare, app_factory(), keys)


def test_summary(snap_compare, app_factory):
    keys = ["enter", *"woodrow wilsen", "enter", "enter", *"nope", "enter", "1", "escape"]
    assert snap(snap_compare, app_factory(), keys)


def test_stats(snap_compare, app_factory):
    keys = ["enter", *"woodrow wilson", "enter", "4", "escape", "enter", "s"]
    assert snap(snap_compare, app_factory(), keys)


def test_review_keys_dialog(snap_compare, app_factory):
    # A second new user's report: a ~26-column key column wrapped the descriptions, and
    # nothing said more rows follow nor how to close it.
    assert snap(snap_compare, app_factory(), ["enter", "f1"])


def test_home_with_deck_problems(snap_compare, app_factory, decks_dir):
    # `p` has no room in the footer at 80 columns: the problems panel offers it, first line.
    (decks_dir / "extra.yaml").write_text(
        "title: Extra\ncards:\n  - {id: y, type: quiz}\n  - {id: z, question: Q?, answr: A}\n",
        encoding="utf-8",
    )
    assert snap(snap_compare, app_factory())
