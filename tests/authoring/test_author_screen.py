"""The author screen driven by Pilot: every key's decision is in the deck file when the key is handled."""

from __future__ import annotations

import sys

from caucasusquiz.decks.loader import read_deck
from caucasusquiz.ui.screens.author import AuthorScreen
from caucasusquiz.ui.screens.help import HelpScreen
from caucasusquiz.ui.screens.home import HomeScreen

from .author_pilot import SIZE, card, open_author, text_of


async def test_home_key_opens_the_author_screen(author_app):
    app = author_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.opened.wait()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, AuthorScreen)
        assert "4 left" in text_of(app, "#author-left")


async def test_keep_marks_reviewed_on_disk_at_once(author_app, draft_deck):
    app = author_app(author=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_author(pilot)
        assert "wilson-1919" in text_of(app, "#author-where")
        assert "Woodrow Wilson" in text_of(app, "#author-card")
        # the source sentence with its neighbours
        source = text_of(app, "#author-source")
        assert "Early contacts" in source and "After independence" in source
        # the document by its title, as students see it, and by the file name its source names
        assert source.splitlines()[0] == "Source Azerbaijan and the United States · 004_x.txt"
        await pilot.press("k")
        # on disk before the next card is even looked at
        assert card(draft_deck, "wilson-1919").reviewed == "2026-11-29"
        assert "embassy-1992" in text_of(app, "#author-where")
        assert screen.review.left == 3


async def test_drop_then_undo(author_app, draft_deck):
    before = draft_deck.read_bytes()
    app = author_app(author=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_author(pilot)
        await pilot.press("d")
        assert card(draft_deck, "wilson-1919") is None
        assert read_deck(draft_deck).deck.dropped == ("wilson-1919",)  # type: ignore[union-attr]
        await pilot.press("u")
        assert draft_deck.read_bytes() == before
        assert "wilson-1919" in text_of(app, "#author-where")


async def test_edit_inline_field_by_field(author_app, draft_deck):
    app = author_app(author=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_author(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "field-question"
        await pilot.press("tab")  # to the answer
        assert app.focused.id == "field-answer"
        app.focused.value = "Thomas "
        app.focused.cursor_position = len(app.focused.value)
        await pilot.press(*"Woodrow Wilson")
        await pilot.press("enter")
        await pilot.pause()
        edited = card(draft_deck, "wilson-1919")
        assert edited.answer == "Thomas Woodrow Wilson" and edited.accept == ("Wilson",)
        assert edited.reviewed is None  # edited, not yet kept
        assert "Thomas Woodrow Wilson" in text_of(app, "#author-card")
        assert "# Wilson first: my class always asks about him" in draft_deck.read_text(encoding="utf-8")


async def test_the_edit_form_opens_again_after_cancel_and_after_a_skip(author_app, draft_deck):
    # Opening the form a second time once crashed the app with DuplicateIds('field-question').
    app = author_app(author=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_author(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "field-question"
        await pilot.press("escape", "s", "e")
        await pilot.pause()
        assert app.focused is not None and app.focused.id.startswith("field-")
        assert isinstance(app.screen, AuthorScreen)


async def test_change_type_to_a_question(author_app, draft_deck):
    app = author_app(author=True, deck="early")
    async with app.run_test(size=SIZE) as pilot:
        await open_author(pilot)
        await pilot.press("s")  # skip Wilson: the cloze on the embassy is next
        assert "embassy-1992" in text_of(app, "#author-where")
        await pilot.press("t")
        await pilot.pause()
        options = app.screen.query_one("#author-types")
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert "question: In which year did the United States open its embassy in Baku? → 1992" in labels
        index = next(i for i, label in enumerate(labels) if label.startswith("question:"))
        for _ in range(index):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        changed = card(draft_deck, "embassy-1992")
        assert changed.type.value == "qa" and changed.answer == "1992"
        assert read_deck(draft_deck).ok


async def test_swap_a_distractor(author_app, draft_deck):
    app = author_app(author=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_author(pilot)
        for _ in range(3):
            await pilot.press("s")
        assert "btc-choice" in text_of(app, "#author-where")
        # warnings of the rubric are on screen
        assert "last October" in text_of(app, "#author-warnings")
        before = card(draft_deck, "btc-choice").distractors
        await pilot.press("w", "3")
        after = card(draft_deck, "btc-choice").distractors
        assert after == (*before[:2], "South Caucasus Pipeline")
        assert screen.mode == "card"


async def test_crash_mid_review_then_resume(author_app, draft_deck):
    app = author_app(author=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_author(pilot)
        await pilot.press("k", "d")
        # no clean exit: the test harness tears the app down as a crash would
    # a new app starts with what is still a draft on disk
    app = author_app(author=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_author(pilot)
        assert screen.review.left == 2
        assert "embassy-tf" in text_of(app, "#author-where")


async def test_help_lists_the_author_keys(author_app):
    app = author_app(author=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_author(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = str([description for _key, description in app.screen.rows])
        for words in ("Keep", "Drop", "Swap distractor", "Edit in $EDITOR", "Undo", "Skip"):
            assert words in keys


async def test_shift_e_edits_in_the_editor_and_the_screen_follows(
    author_app, draft_deck, tmp_path, monkeypatch
):
    script = tmp_path / "fake_editor.py"
    script.write_text(
        "import pathlib, sys\n"
        "path = pathlib.Path(sys.argv[-1])\n"
        "assert sys.argv[-2] == '+6', sys.argv\n"
        "path.write_text(path.read_text().replace('answer: \"Woodrow Wilson\"', 'answer: \"T. W. Wilson\"'))\n"
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.delenv("VISUAL", raising=False)
    app = author_app(author=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_author(pilot)
        await pilot.press("E")
        await pilot.pause()
        assert "T. W. Wilson" in text_of(app, "#author-card")
        assert card(draft_deck, "wilson-1919").answer == "T. W. Wilson"


async def test_palette_sets_a_deck_to_reviewed_cards_only(author_app, draft_deck):
    app = author_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.opened.wait()
        await pilot.pause()
        commands = {command.title: command for command in app.get_system_commands(app.screen)}
        command = commands["Students study reviewed cards only: Early history"]
        command.callback()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert read_deck(draft_deck).deck.reviewed_only  # type: ignore[union-attr]
        commands = {command.title for command in app.get_system_commands(app.screen)}
        assert "Students study every card: Early history" in commands


async def test_escape_leaves_the_form_and_the_type_list_without_saving(author_app, draft_deck):
    before = draft_deck.read_bytes()
    app = author_app(author=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_author(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("x", "y", "escape")
        await pilot.pause()
        assert screen.mode == "card" and isinstance(app.screen, AuthorScreen)
        await pilot.press("t")
        await pilot.pause()
        assert screen.mode == "type"
        await pilot.press("escape")
        await pilot.pause()
        assert screen.mode == "card" and isinstance(app.screen, AuthorScreen)
        await pilot.press("escape")  # and once more: back home
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert draft_deck.read_bytes() == before


async def test_resizing_keeps_the_author_where_they_were_reading(author_app):
    app = author_app(author=True)
    async with app.run_test(size=(60, 12)) as pilot:
        await open_author(pilot)
        body = app.screen.query_one("#author-body")
        body.scroll_end(animate=False)
        await pilot.pause()
        assert body.scroll_y > 0  # the card and its source are taller than the screen
        await pilot.resize_terminal(70, 12)
        await pilot.pause()
        assert body.scroll_y > 0
