"""An empty decks folder: the home screen says how to add a deck, and stops once one is there."""

from __future__ import annotations

from pathlib import Path

from caucasusquiz.ui.screens.home import no_decks_text

SIZE = (80, 24)


def screen_lines(app) -> list[str]:
    return [strip.text.rstrip() for strip in app.screen._compositor.render_strips()]


async def test_an_empty_decks_folder_says_how_to_add_a_deck(app_factory, tmp_path, example_deck):
    # New-user trial 5: "All decks 0 0 0" and nothing else.
    folder = tmp_path / "empty"
    folder.mkdir()
    app = app_factory(decks=folder)
    async with app.run_test(size=SIZE) as pilot:
        await app.opened.wait()
        await pilot.pause()
        shown = "\n".join(screen_lines(app))
        assert "No decks in this folder yet" in shown
        for way in ("Press n (New deck from documents", "Ctrl+P", "generate", "import", "copy-decks"):
            assert way in shown, way
        assert all(len(line) <= SIZE[0] for line in screen_lines(app))
        # A deck arrives (made in a shell): the list shows it and the advice goes.
        (folder / "history.yaml").write_text(example_deck.read_text(encoding="utf-8"), encoding="utf-8")
        app._check_decks()
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = "\n".join(screen_lines(app))
        assert "No decks in this folder yet" not in shown
        assert "Azerbaijan–United States relations" in shown


def test_the_advice_fits_80_columns_without_wrapping_a_command():
    text = no_decks_text(Path("/decks"))
    assert all(len(line) <= 76 for line in text.plain.splitlines()[2:])  # the commands' lines


def test_a_served_tab_is_not_told_to_run_commands():
    assert "caucasusquiz" not in no_decks_text(Path("/decks"), served=True).plain
