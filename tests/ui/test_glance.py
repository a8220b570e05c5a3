"""The deck list is on screen in the first frame: the last run's numbers, while the decks open."""

from __future__ import annotations

from caucasusquiz.settings import load_settings
from caucasusquiz.ui.app import CaucasusQuizApp
from caucasusquiz.ui.screens.review import ReviewScreen

SIZE = (80, 24)


def summary_text(app) -> str:
    return str(app.screen.query_one("#home-summary").render())


async def first_run(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await app.opened.wait()
        await pilot.pause()
        assert app.screen.query_one("#decks").row_count == 2


async def test_the_last_deck_list_is_shown_before_the_decks_are_open(app_factory, monkeypatch):
    await first_run(app_factory)
    opening = CaucasusQuizApp._open_workspace
    monkeypatch.setattr(CaucasusQuizApp, "_open_workspace", lambda self, settings: None)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.workspace is None  # still opening
        table = app.screen.query_one("#decks")
        assert table.row_count == 2  # All decks, and the one deck
        assert "0 reviewed · 0 due · 5 new" in summary_text(app)
        assert "Opening your decks" in summary_text(app)
        # Enter now is not lost: the session starts as soon as the decks are open.
        await pilot.press("enter")
        await pilot.pause()
        assert app.workspace is None and not isinstance(app.screen, ReviewScreen)
        opening(app, load_settings(app.locations.config_file))
        await app.opened.wait()
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


async def test_a_changed_deck_file_is_not_shown_from_the_last_run(app_factory, decks_dir, monkeypatch):
    await first_run(app_factory)
    deck = decks_dir / "history.yaml"
    deck.write_text(deck.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    monkeypatch.setattr(CaucasusQuizApp, "_open_workspace", lambda self, settings: None)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#decks").row_count == 0
        assert "Opening your decks" in summary_text(app)
