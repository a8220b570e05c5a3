"""Esc on a card answered but not rated: the summary says that answer was not saved
(new-user trial 6: the student assumed it counted)."""

from __future__ import annotations

from caucasusquiz.ui.screens.summary import SummaryScreen

from .test_flows import SIZE, reviews, shown, start_review


def flat(text: str) -> str:
    return " ".join(text.split())


async def test_esc_after_an_answer_not_yet_rated_says_it_was_not_saved(app_factory, isolated_user_dirs):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await pilot.press(*"woodrow wilson", "enter", "3")  # rated: saved
        await pilot.press(*"907", "enter")  # answered, not rated
        await pilot.press("escape")
        assert isinstance(app.screen, SummaryScreen)
        await pilot.pause()
        numbers = flat(shown(app, "#summary-numbers"))
        assert "Not saved your last answer was not rated, so it was not saved" in numbers
    assert len(reviews(isolated_user_dirs)) == 1


async def test_esc_on_the_only_answer_not_yet_rated_says_so_too(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await pilot.press(*"woodrow wilson", "enter", "escape")
        await pilot.pause()
        numbers = flat(shown(app, "#summary-numbers"))
        assert numbers == (
            "No cards rated in this session. Not saved: your last answer was not rated, "
            "so it was not saved (only rated cards are)."
        )


async def test_esc_after_a_rating_has_no_such_line(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await pilot.press(*"woodrow wilson", "enter", "3", "escape")  # Esc on the next question
        await pilot.pause()
        assert "not saved" not in shown(app, "#summary-numbers")
