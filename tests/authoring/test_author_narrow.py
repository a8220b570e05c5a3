"""The author screen's footer at 60×20: whole keys, `?` kept (tests/ui/test_narrow_hints.py)."""

from __future__ import annotations

from caucasusquiz.ui.screens.author import AuthorScreen

from ..ui.test_narrow_hints import NARROW, settle, shown_keys  # noqa: TID252 (the same checks at 60 columns)


async def test_the_author_footer_at_60_columns_shows_whole_keys_and_help(author_app):
    app = author_app(author=True)
    async with app.run_test(size=NARROW) as pilot:
        await app.opened.wait()
        await settle(
            pilot, lambda: isinstance(app.screen, AuthorScreen) and bool(app.screen.query("FooterKey"))
        )
        shown = shown_keys(app)
        assert shown[0] == "k" and shown[-1] == "question_mark", shown
