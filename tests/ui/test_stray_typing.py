"""A word typed where no answer box is (new-user trial 6): it fires no command, and a toast
says why; the Enter after it neither answers nor rates."""

from __future__ import annotations

import pytest

from caucasusquiz.ui.keys import Step
from caucasusquiz.ui.screens.review import ReviewScreen
from caucasusquiz.ui.stray_typing import KeyFate, StrayTyping

from .test_keys import review_at

SIZE = (80, 24)


def keys_of(text: str) -> list[str]:
    return ["space" if ch == " " else ch for ch in text]


def prompt(screen: ReviewScreen) -> str:
    return str(screen.query_one("#prompt").content)


def toasts(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_a_word_typed_on_a_true_false_card_undoes_nothing_and_answers_nothing(app_factory, clock):
    # The trial: a choice card rated Good, the screen moves on to a true/false card, and
    # "Baku Tbilisi Ceyhan" + Enter arrives. Its u (undo), b (bury), s (suspend) and e (edit)
    # were commands, and Enter then answered the card.
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        screen = await review_at(pilot, Step.CHOOSING)
        await pilot.press("1")
        clock.mono += 1
        await pilot.press("3")
        assert screen.session.summary.reviews == 1
        assert screen.step is Step.TRUE_FALSE
        question = prompt(screen)
        await pilot.press(*keys_of("Baku Tbilisi Ceyhan"), "enter")
        assert screen.session.summary.reviews == 1  # the rating was not undone
        assert screen.step is Step.TRUE_FALSE  # not answered, not buried, not suspended
        assert prompt(screen) == question
        assert app.screen is screen  # no editor, no other screen
        assert toasts(app) == [
            "Typing ignored: no text box on this card — t/f to answer. Letter keys are off until ⏎."
        ]
        await pilot.press("t")  # after the Enter the keys work again
        assert screen.step is Step.FEEDBACK


async def test_a_word_typed_after_the_answer_neither_rates_nor_undoes(app_factory, clock):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        screen = await review_at(pilot, Step.CHOOSING)
        await pilot.press("1")
        assert screen.step is Step.FEEDBACK
        clock.mono += 1
        await pilot.press(*keys_of("Absheron sub"), "enter")
        assert screen.step is Step.FEEDBACK
        assert screen.session.summary.reviews == 0
        assert "1-4 to rate" in toasts(app)[-1]
        await pilot.press("enter")  # a second Enter accepts the suggested rating, as always
        assert screen.session.summary.reviews == 1


async def test_a_command_letter_pressed_alone_still_works(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        screen = await review_at(pilot, Step.CHOOSING)
        question = prompt(screen)
        await pilot.press("b")  # bury, as the hint bar says
        assert prompt(screen) != question
        assert "Buried until tomorrow" in toasts(app)[-1]


@pytest.mark.parametrize("ender", ["escape", "2", "down"])
def test_a_key_outside_a_word_ends_the_burst_and_does_its_own_work(ender):
    typing = StrayTyping()
    assert typing.judge(Step.CHOOSING, "x", "x") is KeyFate.STARTED
    assert typing.judge(Step.CHOOSING, "u", "u") is KeyFate.IGNORED
    assert typing.judge(Step.CHOOSING, ender, ender if ender == "2" else None) is KeyFate.PASS
    assert typing.judge(Step.CHOOSING, "u", "u") is KeyFate.PASS


def test_the_answer_box_takes_every_letter():
    typing = StrayTyping()
    assert typing.judge(Step.TYPING, "x", "x") is KeyFate.PASS
    assert not typing.active
