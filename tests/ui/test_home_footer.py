"""The home screen's key footer at 80×24: every key it lists is whole, `w` (switch profile) too."""

from __future__ import annotations

from textual.widgets import Footer


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
