"""The card form a teacher edits in: the author screen's inline edit and `c` in the source viewer.

Both forms behave alike: long fields (question, cloze text, statement, context) wrap over
several lines, Tab / Shift+Tab move between fields, Enter or Ctrl+S saves.
"""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from caucasusquiz import paths
from caucasusquiz.decks.loader import read_deck
from caucasusquiz.ui.app import make_app
from caucasusquiz.ui.screens.author import AuthorScreen
from caucasusquiz.ui.screens.make_card import MakeCardScreen
from caucasusquiz.ui.screens.source import SourceScreen

SIZE = (80, 24)
NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)
# 25 words: wider than any one-line field at 80 columns.
QUESTION = (
    "Which act of the United States Congress, passed in 1992 to help the former Soviet republics, "
    "contained the section that banned direct aid to Azerbaijan's government?"
)
CONTEXT = (
    "Section 907 of the Freedom Support Act banned direct aid to the government of Azerbaijan. "
    "The ban was waived by the president after 2001."
)
DECK = f"""\
title: "Sanctions"
cards:
  # a comment the teacher wrote
  - id: aid-ban
    type: qa
    question: "{QUESTION}"
    answer: "Freedom Support Act"
    accept: ["FSA"]
    source: "sanctions.txt:2"
    context: "{CONTEXT}"
"""
SEED = f"""\
Sanctions
{CONTEXT}
The U.S. opened an embassy in Baku in 1992. Wilson met the delegation in 1919.
"""


@pytest.fixture
def deck_file(tmp_path: Path) -> Path:
    decks = tmp_path / "decks"
    decks.mkdir()
    path = decks / "sanctions.yaml"
    path.write_text(DECK, encoding="utf-8")
    cards = {"aid-ban": {"fingerprint": "0" * 40, "source": ""}}  # a generated draft
    manifest = {"format": 1, "decks": {"sanctions": {"header": "", "cards": cards}}}
    (decks / ".generated.json").write_text(json.dumps(manifest), encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "sanctions.txt").write_text(SEED, encoding="utf-8")
    return path


@pytest.fixture
def author_app(deck_file: Path, isolated_user_dirs: Path):
    locations = paths.resolve(decks=deck_file.parent, data_dir=isolated_user_dirs)
    return make_app(locations, clock=lambda: NOW, tz=UTC, watch_decks=False, author=True)


async def open_author(pilot) -> None:
    await asyncio.wait_for(pilot.app.opened.wait(), timeout=10)
    await pilot.pause()
    assert isinstance(pilot.app.screen, AuthorScreen)


def the_card(path: Path):
    deck = read_deck(path).deck
    assert deck is not None
    return next(c for c in deck.cards if c.id == "aid-ban")


def wraps_whole(field: TextArea) -> bool:
    """Wrapped over several lines, nothing scrolled out of sight sideways or below."""
    return (
        field.soft_wrap
        and field.wrapped_document.height >= 2
        and field.scroll_offset.x == 0
        and field.content_region.height >= field.wrapped_document.height
    )


async def test_author_edit_wraps_a_long_question_and_context_and_ctrl_s_saves_only_the_change(
    author_app, deck_file
):
    async with author_app.run_test(size=SIZE) as pilot:
        await open_author(pilot)
        await pilot.press("e")
        await pilot.pause()
        question = author_app.focused
        assert isinstance(question, TextArea) and question.id == "field-question"
        assert wraps_whole(question) and question.text == QUESTION
        await pilot.press("tab", "tab", "tab")  # answer, also accepted, context
        context = author_app.focused
        assert isinstance(context, TextArea) and context.id == "field-context"
        assert wraps_whole(context) and context.text == CONTEXT
        assert context.region.bottom <= SIZE[1] - 1  # in sight above the footer at 80×24
        await pilot.press("shift+tab")
        assert isinstance(author_app.focused, Input) and author_app.focused.id == "field-accept"
        await pilot.press("tab")
        context.move_cursor(context.document.end)
        await pilot.press("backspace", *" in January 2002.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert author_app.screen.mode == "card"  # type: ignore[attr-defined]
    saved = the_card(deck_file)
    assert saved.context == CONTEXT[:-1] + " in January 2002."
    # Only the context line was rewritten: the question, answer and comment are as the teacher wrote them.
    before, after = DECK.splitlines(), deck_file.read_text(encoding="utf-8").splitlines()
    changed = [new for old, new in zip(before, after, strict=True) if old != new]
    assert len(changed) == 1 and changed[0].lstrip().startswith("context:")


async def test_enter_on_an_unchanged_form_writes_nothing(author_app, deck_file):
    before = deck_file.read_bytes()
    async with author_app.run_test(size=SIZE) as pilot:
        await open_author(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert author_app.screen.mode == "card"  # type: ignore[attr-defined]
    assert deck_file.read_bytes() == before


async def test_make_a_card_with_a_long_question_and_a_widened_context(author_app, deck_file):
    async with author_app.run_test(size=SIZE) as pilot:
        await open_author(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(author_app.screen, SourceScreen)
        area = author_app.screen.query_one("#document", TextArea)
        area.move_cursor((2, 0))  # "The U.S. opened an embassy in Baku in 1992."
        await pilot.press("c")
        await pilot.pause()
        screen = author_app.screen
        assert isinstance(screen, MakeCardScreen)
        options = screen.query_one("#make-proposals")
        last = options.option_count - 1  # "your own question and answer"
        options.highlighted = last
        await pilot.press("enter")
        await pilot.pause()
        # Back to the proposals and into the same form again: its fields are replaced, not doubled.
        await pilot.press("escape")
        await pilot.pause()
        options.highlighted = last
        await pilot.press("enter")
        await pilot.pause()
        question = author_app.focused
        assert isinstance(question, TextArea) and question.id == "make-question"
        question.text = QUESTION.replace("?", "")
        question.move_cursor(question.document.end)
        await pilot.press("?")
        assert wraps_whole(question)
        await pilot.press("tab", *"Freedom Support Act", "tab", "tab")
        context = author_app.focused
        assert isinstance(context, TextArea) and context.id == "make-context"
        assert context.text == "The U.S. opened an embassy in Baku in 1992."
        context.move_cursor(context.document.end)
        await pilot.press(*" Wilson met the delegation in 1919.")
        assert wraps_whole(context)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(author_app.screen, SourceScreen)
    deck = read_deck(deck_file).deck
    assert deck is not None
    made = next(c for c in deck.cards if c.source == "sanctions.txt:3")
    assert made.prompt == QUESTION and made.answer == "Freedom Support Act"
    assert made.context == "The U.S. opened an embassy in Baku in 1992. Wilson met the delegation in 1919."


async def test_tab_then_typing_at_once_types_into_the_next_field(author_app):
    # A new user's report: tmux sent "Tab X" in one write (as a paste or a fast typist
    # does), and the X went to the end of the field being left.
    from textual import events

    async with author_app.run_test(size=SIZE) as pilot:
        await open_author(pilot)
        await pilot.press("e")
        await pilot.pause()
        question = author_app.focused
        assert isinstance(question, TextArea) and question.id == "field-question"
        # Both keys queued before either is handled, as they come from one terminal read.
        author_app.post_message(events.Key("tab", None))
        for letter in "FSA!":
            author_app.post_message(events.Key(letter if letter != "!" else "exclamation_mark", letter))
        await pilot.pause()
        await pilot.pause()
        assert question.text == QUESTION
        answer = author_app.focused
        assert isinstance(answer, Input) and answer.id == "field-answer"
        assert answer.value.endswith("FSA!") or answer.value == "FSA!", answer.value
        author_app.post_message(events.Key("shift+tab", None))
        author_app.post_message(events.Key("x", "x"))
        await pilot.pause()
        await pilot.pause()
        assert author_app.focused is question and question.text.endswith("x"), question.text
