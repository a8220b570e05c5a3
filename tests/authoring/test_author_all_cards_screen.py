"""The author screen walking every card (`author --all`, or `a` on the screen), driven by Pilot."""

from __future__ import annotations

from textual.widgets import TextArea

from caucasusquiz.cli import build_parser
from caucasusquiz.decks.loader import read_deck
from caucasusquiz.ui.screens.author import AuthorScreen
from caucasusquiz.ui.screens.help import HelpScreen
from caucasusquiz.ui.screens.home import HomeScreen

from .author_pilot import SIZE, card, open_author, text_of


def footer_keys(screen) -> dict[str, str]:
    return {key: active.binding.description for key, active in screen.active_bindings.items()}


async def skip_to(pilot, card_id: str) -> None:
    for _ in range(6):
        if card_id in text_of(pilot.app, "#author-where"):
            return
        await pilot.press("s")
    raise AssertionError(f"{card_id} never came")


def test_the_command_line_takes_all_and_a_deck():
    args = build_parser().parse_args(["author", "--all", "early"])
    assert args.all_cards is True and args.deck == "early"
    assert build_parser().parse_args(["author"]).all_cards is False


async def test_all_walks_reviewed_and_hand_made_cards_and_says_so(author_app, draft_deck):
    app = author_app(author=True, author_all=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_author(pilot)
        assert text_of(app, "#author-left") == "all cards: 6 left · 0 done"
        assert screen.sub_title == "rework all cards"
        assert screen.query_one("#author-card").border_title == "question · draft"
        assert footer_keys(screen)["a"] == "Drafts"
        await skip_to(pilot, "hand-made")
        assert screen.query_one("#author-card").border_title == "question · hand-made"
        await pilot.press("k")
        assert card(draft_deck, "hand-made").reviewed == "2026-11-29"  # on disk at once
        assert "scp" in text_of(app, "#author-where")
        assert text_of(app, "#author-left") == "all cards: 5 left · 1 done"  # skipped cards come back


async def test_dropping_a_hand_made_card_deletes_it_and_u_brings_it_back(author_app, draft_deck):
    before = draft_deck.read_bytes()
    app = author_app(author=True, author_all=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_author(pilot)
        await skip_to(pilot, "scp")
        await pilot.press("d")
        assert card(draft_deck, "scp") is None
        assert read_deck(draft_deck).deck.dropped == ()  # type: ignore[union-attr]
        assert "wilson-1919" in text_of(app, "#author-where")  # the walk goes on
        await pilot.press("u")
        assert draft_deck.read_bytes() == before
        assert "scp" in text_of(app, "#author-where")


def sign_off(path, *card_ids: str) -> None:
    """Mark cards reviewed a month ago, as an earlier author's walk left them."""
    text = path.read_text(encoding="utf-8")
    for card_id in card_ids:
        text = text.replace(f"id: {card_id}\n", f"id: {card_id}\n    reviewed: 2026-10-01\n")
    path.write_text(text, encoding="utf-8")


async def test_editing_a_reviewed_card_inline_keeps_it_reviewed(author_app, draft_deck):
    sign_off(draft_deck, "embassy-tf")
    app = author_app(author=True, author_all=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_author(pilot)
        await skip_to(pilot, "embassy-tf")
        assert app.screen.query_one("#author-card").border_title == "true or false · reviewed 2026-10-01"
        await pilot.press("e")
        await pilot.pause()
        statement = app.focused
        assert isinstance(statement, TextArea) and statement.id == "field-statement"
        statement.move_cursor(statement.document.end)
        await pilot.press("backspace", "backspace", *"9.")
        await pilot.press("enter")
        await pilot.pause()
        edited = card(draft_deck, "embassy-tf")
        assert edited.prompt.endswith("in 1999.") and edited.reviewed == "2026-11-29"
        assert "embassy-tf" in text_of(app, "#author-where")  # still on screen, to keep or go on
        assert app.screen.query_one("#author-card").border_title == "true or false · reviewed 2026-11-29"


async def test_a_switches_between_drafts_and_every_card_from_the_card_on_screen(author_app):
    app = author_app(author=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_author(pilot)
        await pilot.press("s")
        assert text_of(app, "#author-left") == "drafts: 4 left · 0 done"
        assert footer_keys(screen)["a"] == "All cards"
        await pilot.press("a")
        assert text_of(app, "#author-left") == "all cards: 6 left · 0 done"
        assert "embassy-1992" in text_of(app, "#author-where")  # the same card, in the other walk
        await skip_to(pilot, "hand-made")
        await pilot.press("a")
        assert text_of(app, "#author-left") == "drafts: 4 left · 0 done"
        assert "wilson-1919" in text_of(app, "#author-where")  # no draft after it: round to the first


async def test_the_key_is_in_help_and_off_while_editing(author_app):
    app = author_app(author=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_author(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert "a" not in footer_keys(screen)
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = dict(app.screen.rows)
        assert rows["a"].startswith("All cards / drafts")


async def test_home_d_with_no_drafts_left_opens_every_card(author_app, draft_deck):
    app = author_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.opened.wait()
        await pilot.pause()
        sign_off(draft_deck, "wilson-1919", "embassy-1992", "embassy-tf", "btc-choice")
        app.reload_decks()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, AuthorScreen)
        assert text_of(app, "#author-left") == "all cards: 6 left · 0 done"


async def test_decisions_on_every_card_survive_a_crash(author_app, draft_deck):
    app = author_app(author=True, author_all=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_author(pilot)
        await skip_to(pilot, "hand-made")
        await pilot.press("d", "k")
        # no clean exit: the harness tears the app down as a crash would
    assert card(draft_deck, "hand-made") is None
    assert card(draft_deck, "scp").reviewed == "2026-11-29"
    app = author_app(author=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_author(pilot)
        assert screen.review.left == 4  # the drafts, untouched


async def test_the_palette_reworks_all_cards(author_app):
    app = author_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.opened.wait()
        await pilot.pause()
        commands = {command.title: command for command in app.get_system_commands(app.screen)}
        commands["Rework all cards (author)"].callback()
        await pilot.pause()
        assert isinstance(app.screen, AuthorScreen)
        assert text_of(app, "#author-left") == "all cards: 6 left · 0 done"


def signed_off(draft_deck, **dates: str) -> None:
    text = draft_deck.read_text(encoding="utf-8")
    for card_id, date in dates.items():
        text = text.replace(f"id: {card_id}\n", f"id: {card_id}\n    reviewed: {date}\n")
    draft_deck.write_text(text, encoding="utf-8")


async def test_all_resumes_at_the_first_card_not_signed_off(author_app, draft_deck):
    signed_off(draft_deck, **{"wilson-1919": "2026-11-28", "embassy-1992": "2026-11-28"})
    app = author_app(author=True, author_all=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_author(pilot)
        assert "embassy-tf" in text_of(app, "#author-where")
        assert text_of(app, "#author-left") == "all cards: 6 left · 0 done"  # the rest come at the end
        assert any("first card not yet signed off" in n.message for n in app._notifications)
        await skip_to(pilot, "wilson-1919")


async def test_all_with_every_card_signed_off_resumes_after_the_last_one_signed_off(author_app, draft_deck):
    signed_off(
        draft_deck,
        **{"wilson-1919": "2026-11-29", "embassy-1992": "2026-11-29", "embassy-tf": "2026-11-01"},
        **{"btc-choice": "2026-11-01", "hand-made": "2026-11-01", "scp": "2026-11-01"},
    )
    app = author_app(author=True, author_all=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_author(pilot)
        assert "embassy-tf" in text_of(app, "#author-where")
        assert any("after the last one signed off (2026-11-29)" in n.message for n in app._notifications)
