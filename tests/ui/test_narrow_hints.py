"""At 60×20 every key hint is whole: the footers on the home, author and browse screens, and
the review screen's hint bar. Keys that do not fit are left out, never cut mid-word
("j Join w▏^p palette", "? He▏"); `?` stays in the footer (help lists every key) and Esc in
the hint bar (the way out of a session)."""

from __future__ import annotations

import asyncio

import pytest
from textual.widgets import Footer

from caucasusquiz.ui import keys
from caucasusquiz.ui.keys import Step
from caucasusquiz.ui.screens.browser import BrowserScreen

from .test_keys import review_at

NARROW = (60, 20)


def shown_keys(app) -> list[str]:
    """The footer's keys that are drawn, after checking each is whole and in its place."""
    footer = app.screen.query_one(Footer)
    keys_ = [key for key in footer.query("FooterKey") if key.display]
    palette = next(key for key in keys_ if key.has_class("-command-palette"))
    listed = [key for key in keys_ if key is not palette]
    for key in listed:  # none cut by the palette's key or the screen's edge
        assert key.region.width > 0 and key.region.right <= palette.region.x, (key.key, key.region)
    starts = [key.region.x for key in listed]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    return [key.key for key in listed]


async def settle(pilot, condition) -> None:
    async def poll() -> None:
        while not condition():
            await pilot.pause()

    await asyncio.wait_for(poll(), 10)
    await pilot.pause()
    await pilot.pause()


async def test_the_home_footer_at_60_columns_shows_whole_keys_and_help(app_factory):
    app = app_factory()
    async with app.run_test(size=NARROW) as pilot:
        await app.opened.wait()
        await settle(pilot, lambda: bool(app.screen.query("FooterKey")))
        shown = shown_keys(app)
        assert shown[0] == "enter" and shown[-1] == "question_mark", shown
        await pilot.resize_terminal(80, 24)  # room again: the keys left out come back
        await pilot.pause()
        await pilot.pause()
        wide = shown_keys(app)
        assert "w" in wide and set(shown) < set(wide)


async def test_the_browser_footer_keeps_help_whole(app_factory):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.opened.wait()
        await pilot.press("b")
        await settle(pilot, lambda: isinstance(app.screen, BrowserScreen))
        await pilot.press("tab")  # to the cards: their keys join the footer
        await pilot.pause()
        await pilot.pause()
        assert shown_keys(app)[-1] == "question_mark"


@pytest.mark.parametrize("step", list(Step))
async def test_the_review_hint_bar_at_60_columns_keeps_esc_and_whole_words(app_factory, step):
    app = app_factory()
    async with app.run_test(size=NARROW) as pilot:
        screen = await review_at(pilot, step)
        hints = str(screen.query_one("#key-hints").content)
    assert "esc end" in hints, hints
    words = {f"{row.label} {row.hint}" for row in keys.keys_for(step)} | {
        f"{row.label_for_options(n)} {row.hint}" for row in keys.keys_for(step) for n in range(1, 5)
    }
    shown = [part.strip() for part in hints.split("  ") if part.strip()]
    assert all(part in words for part in shown), shown
