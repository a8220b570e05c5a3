"""Home's problem list takes the height app.tcss gives it, and lists no more than fits there."""

from __future__ import annotations

from textual.widgets import Static


async def test_the_problem_list_follows_its_height_in_the_stylesheet(app_factory, decks_dir):
    # Its height was written twice, in app.tcss and as a number in home.py: changing the one
    # left the other listing problems below the fold.
    (decks_dir / "extra.yaml").write_text(
        "title: Extra\ncards:\n" + "  - {id: y, type: quiz}\n" * 4, encoding="utf-8"
    )
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.opened.wait()
        await pilot.pause()
        screen = app.screen
        problems = screen.query_one("#problems", Static)
        shown_at_six = str(problems.content).count("extra.yaml:")
        assert shown_at_six >= 2
        problems.styles.max_height = 3  # as if app.tcss said so
        screen._show_problems()
        await pilot.pause()
        assert problems.size.height == 3
        assert problems.virtual_size.height <= problems.size.height  # nothing below the fold
        assert 1 <= str(problems.content).count("extra.yaml:") < shown_at_six


async def test_the_problem_list_fills_its_rows_a_wrapped_note_counted_once(app_factory, decks_dir):
    # Each note takes the rows it wraps to, no more (a review suspected +1 a line on top of
    # them): in six rows, the key line, the syntax error's note (three rows at 80 columns),
    # the other decks' note and one problem; counted one more a line, no problem would show.
    (decks_dir / "extra.yaml").write_text(
        "title: Extra\ncards:\n" + "  - {id: y, type: quiz}\n" * 4, encoding="utf-8"
    )
    (decks_dir / "broken.yaml").write_text(
        "title: Broken\ncards:\n  - {id: z, question: 'Q?\n", encoding="utf-8"
    )
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.opened.wait()
        await pilot.pause()
        problems = app.screen.query_one("#problems", Static)
        lines = str(problems.content).splitlines()
        assert lines[1].startswith("⚠ broken.yaml (1 card) is left out: ")  # the whole-file note
        assert problems.size.height == 6
        assert problems.virtual_size.height == problems.size.height  # every row used, none below
        assert str(problems.content).count("extra.yaml:") >= 1
