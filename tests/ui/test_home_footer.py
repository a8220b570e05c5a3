"""The home screen's key footer at 80×24: every key it lists is whole, `w` (switch profile) too."""

from __future__ import annotations

import asyncio

from textual.widgets import Footer

from caucasusquiz.ui.screens.help import HelpScreen


async def test_every_home_key_in_the_footer_is_whole_at_80_columns_and_w_is_one(app_factory):
    # A new user never found `w`: it was only in the palette and under ?, the footer being full.
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.opened.wait()
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        keys = list(footer.query("FooterKey"))
        palette = next(key for key in keys if key.has_class("-command-palette"))
        listed = [key for key in keys if key is not palette]
        assert "w" in [key.key for key in listed]
        for key in listed:  # none cut off by the next key or under the palette's key
            assert key.region.right <= palette.region.x, (key.key, key.region, palette.region)
        starts = [key.region.x for key in listed]
        assert starts == sorted(starts) and len(set(starts)) == len(starts)


async def test_a_served_tab_does_not_offer_w(app_factory, monkeypatch):
    # A browser tab is one student: `w` there only says to open a new tab, so it is not offered.
    from caucasusquiz.serving.mode import ENV_SERVED
    from caucasusquiz.ui.screens.home import HomeScreen
    from caucasusquiz.ui.screens.profiles import NamePrompt, ProfilePickerScreen

    monkeypatch.setenv(ENV_SERVED, "1")
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, ProfilePickerScreen))  # a tab asks who studies
        await pilot.press(*"Kamran", "enter")
        await until(pilot, lambda: isinstance(app.screen, NamePrompt))  # a new name: confirmed
        await pilot.press("enter")
        await asyncio.wait_for(app.opened.wait(), timeout=10)
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        keys = [key.key for key in app.screen.query_one(Footer).query("FooterKey")]
        assert "w" not in keys and "j" in keys
        # Nor does its help (?): it listed "w  Switch profile (who studies)".
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        listed = dict(app.screen.rows)
        assert "w" not in listed and "j" in listed


async def test_the_help_on_the_teachers_own_screen_lists_w(app_factory):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.opened.wait()
        await pilot.pause()
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert dict(app.screen.rows)["w"] == "Switch profile (who studies)"


async def until(pilot, condition, timeout: float = 10.0) -> None:
    async def poll() -> None:
        while not condition():
            await pilot.pause()

    await asyncio.wait_for(poll(), timeout)
