"""The review screen's one call into Textual's internals (ui/same_frame.py): there, or gracefully gone."""

from __future__ import annotations

from caucasusquiz.ui import same_frame
from caucasusquiz.ui.screens.review import ReviewScreen

SIZE = (80, 24)


def test_textual_still_has_the_private_method_that_draws_an_answer_in_one_frame():
    assert same_frame.available(), (
        "Textual no longer has Widget._check_refresh: every answer on the review screen is now "
        "drawn in two frames. Find its successor and update caucasusquiz/ui/same_frame.py."
    )


async def test_without_the_private_method_answers_still_work(app_factory, monkeypatch):
    # A Textual release without it (Textual's own idle handler still needs the real one).
    monkeypatch.setattr(same_frame, "PRIVATE_METHOD", "_check_refresh_renamed")
    assert not same_frame.available()
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await app.opened.wait()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert same_frame.flush_pending_refreshes(screen) is False
        await pilot.press(*"woodrow wilson", "enter")
        await pilot.pause()
        assert str(screen.query_one("#feedback").render()).startswith("✓ Right")
        await pilot.press("3")
        await pilot.pause()
        assert "Freedom Support Act" in str(screen.query_one("#prompt").render())
