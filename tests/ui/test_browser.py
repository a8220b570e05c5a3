"""The card browser at 80 and 120 columns: every column on screen, Down leaves the search."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input

from caucasusquiz.ui.screens.browser import BrowserScreen


async def open_browser(pilot) -> BrowserScreen:
    await pilot.app.opened.wait()
    await pilot.press("b")
    await pilot.pause()
    assert isinstance(pilot.app.screen, BrowserScreen)
    return pilot.app.screen


@pytest.mark.parametrize("width", [80, 120])
async def test_every_column_fits_on_screen(app_factory, width):
    app = app_factory()
    async with app.run_test(size=(width, 24)) as pilot:
        screen = await open_browser(pilot)
        table = screen.query_one("#results", DataTable)
        needed = sum(column.get_render_width(table) for column in table.columns.values())
        assert needed <= table.scrollable_content_region.width
        assert table.max_scroll_x == 0  # nothing to scroll sideways to
        states = {str(table.get_row_at(row)[2]) for row in range(table.row_count)}
        assert states == {"new"}


async def test_down_in_the_search_goes_to_the_results(app_factory):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browser(pilot)
        assert isinstance(app.focused, Input)
        await pilot.press(*"a", "down")
        table = screen.query_one("#results", DataTable)
        assert app.focused is table
        await pilot.press("down")  # in the table, Down moves the cursor
        assert table.cursor_row == 1


async def test_a_long_deck_id_ends_in_an_ellipsis_not_mid_word(app_factory, decks_dir):
    # newuser3 #11: "democracy-righ" read as a typo; the shared rule ends the cut in "…".
    (decks_dir / "history.yaml").rename(decks_dir / "democracy-rights-and-society.yaml")
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browser(pilot)
        table = screen.query_one("#results", DataTable)
        deck = str(table.get_row_at(0)[0])
        assert deck == "democracy…"


async def test_the_detail_pane_names_the_source_document_by_its_title(app_factory):
    # As the review screen's "Source:" line does: a student knows the title, not "004_….txt".
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browser(pilot)
        await pilot.press("w", "i", "l", "s", "o", "n")  # the card with a source
        await pilot.pause()
        detail = str(screen.query_one("#card-detail").render())
        assert "Source: Azerbaijan–United States relations, line 21" in detail
        assert "004_0090684c75a18b22.txt" not in detail
