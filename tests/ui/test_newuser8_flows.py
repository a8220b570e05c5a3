"""New-user trial 8 (everyday use in a small terminal): the flows it found broken, driven by Pilot."""

from __future__ import annotations

from pathlib import Path

from textual import events

from .test_flows import SIZE, content, edit_in_editor, reviews, start_review


async def test_a_rating_key_in_the_same_read_as_enter_rates_and_is_not_typed(
    app_factory, clock, isolated_user_dirs
):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await pilot.press(*"woodrow wilson")
        clock.mono += 20
        # Enter and 3 queued before either is handled, as from one terminal read (laggy SSH).
        app.post_message(events.Key("enter", "\r"))
        app.post_message(events.Key("3", "3"))
        for _ in range(4):
            await pilot.pause()
        assert "Freedom Support Act" in content(app, "#prompt")  # rated: the next card is shown
    assert reviews(isolated_user_dirs) == [("wilson-1919", 3, "right")]


def _merge_two_cards(decks_dir: Path) -> None:
    """The hurried teacher's slip: a card's `- ` deleted, so it merges into the one above."""
    deck = decks_dir / "history.yaml"
    text = deck.read_text(encoding="utf-8")
    for card in ("btc", "embassy", "embassy-date"):
        text = text.replace(f"  - id: {card}\n", f"    id: {card}\n", 1)
    deck.write_text(text, encoding="utf-8")


async def test_a_long_problems_list_scrolls_with_its_buttons_in_view_and_each_hint_said_once(
    app_factory, decks_dir
):
    from caucasusquiz.ui.screens.home import ProblemsScreen

    _merge_two_cards(decks_dir)
    app = app_factory()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.app.opened.wait()
        await pilot.pause()
        app.clear_notifications()
        await pilot.press("p")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        message = str(app.screen.query_one("#dialog-message").content)
        merged = [line for line in message.splitlines() if "seem merged" in line]
        assert len(merged) == 1, message  # the hint once, then "as for line N above"
        assert "hint: as for line" in message
        screen_rows = app.size.height
        ok = app.screen.query_one("#ok")
        assert ok.region.y >= 0 and ok.region.bottom <= screen_rows  # the button is on screen
        keys = app.screen.query_one("#dialog-keys")
        assert keys.display and "PgDn" in str(keys.content)
        scroll = app.screen.query_one("#dialog-scroll")
        assert scroll.max_scroll_y > 0 and scroll.scroll_y == 0
        await pilot.press("end")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("home", "pagedown")
        await pilot.pause()
        assert scroll.scroll_y > 0
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ProblemsScreen)


async def test_at_60_by_20_the_review_lines_fit_whole_and_keep_help_and_source(app_factory):
    from rich.cells import cell_len

    from caucasusquiz.ui.screens.review import AnswerInput

    app = app_factory()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.app.opened.wait()
        await pilot.pause()
        home_keys = " ".join(str(key.render()) for key in app.screen.query("FooterKey") if key.display)
        assert "Quit" in home_keys and "Help" in home_keys
        await start_review(pilot)
        # The deck's title uses the columns the counts leave, cut at a word (was "Azerbai…").
        assert "fill the blank · Azerbaijan…" in content(app, "#review-where")
        box = app.screen.query_one("#answer-input", AnswerInput)
        assert cell_len(box.placeholder) <= box.content_region.width and "shows it" in box.placeholder
        assert "F1 help" in content(app, "#key-hints") and "^o source" in content(app, "#key-hints")
        await pilot.press(*"woodrow", "enter")
        await pilot.pause()
        ratings = content(app, "#ratings")
        assert "\n" not in ratings and cell_len(ratings.rstrip()) <= 58, ratings
        assert "4 Easy 8d" in ratings  # the interval and its unit stay together
        hints = content(app, "#key-hints")
        assert "? help" in hints and "o source" in hints and "esc end" in hints


async def test_the_summary_after_an_almost_does_not_say_every_card_was_right(app_factory):
    from caucasusquiz.ui.screens.summary import SummaryScreen

    from .test_flows import shown

    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await pilot.press(*"woodrow wilsen", "enter")
        assert content(app, "#feedback").startswith("≈ Almost")
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        revisit = shown(app, "#revisit-list")
        assert "every card was answered right" not in revisit
        assert "no card was answered wrong" in revisit


DROPPING_EDITOR = """\
import pathlib, sys
path = pathlib.Path(sys.argv[-1])
text = path.read_text(encoding="utf-8")
path.write_text(text.replace("  - id: sec907\\n    type: qa\\n", "  - type: qa\\n"), encoding="utf-8")
"""


async def test_f_in_the_problems_dialog_gives_a_card_that_lost_its_id_the_id_back(
    app_factory, tmp_path, monkeypatch, decks_dir
):
    import stat
    import sys

    from caucasusquiz.ui.editor import EditAgainScreen

    script = tmp_path / "dropping_editor.py"
    script.write_text(DROPPING_EDITOR)
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.delenv("VISUAL", raising=False)
    deck = decks_dir / "history.yaml"
    original = deck.read_text(encoding="utf-8")
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await edit_in_editor(pilot)
        assert isinstance(app.screen, EditAgainScreen)
        assert "card has no id" in app.screen.message and "Press f" in (app.screen.hint or "")
        await pilot.press("f")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, EditAgainScreen)
    assert deck.read_text(encoding="utf-8") == original  # the id it had, not a new one
