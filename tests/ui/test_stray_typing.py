"""A word typed where no answer box is (new-user trial 6): it fires no command, and a toast
says why; the Enter after it neither answers nor rates."""

from __future__ import annotations

import asyncio

import pytest

from caucasusquiz.ui.keys import Step
from caucasusquiz.ui.screens.review import ReviewScreen
from caucasusquiz.ui.stray_typing import HOLD_SECONDS, KeyFate, StrayTyping

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
            "Typing ignored: no text box on this card — t/f to answer. Letter keys are off until ⏎ or a digit."
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
    app = app_factory(letter_hold=HOLD_SECONDS)
    async with app.run_test(size=SIZE) as pilot:
        screen = await review_at(pilot, Step.CHOOSING)
        question = prompt(screen)
        await pilot.press("b")  # bury, as the hint bar says, once no second letter came
        await until(pilot, lambda: prompt(screen) != question)
        assert "Buried until tomorrow" in toasts(app)[-1]


async def test_unity_typed_on_a_choice_card_undoes_nothing(app_factory, clock):
    # Its u (undo) fired before the n showed it was a word: the last rating was taken back
    # and that card asked again.
    app = app_factory(letter_hold=HOLD_SECONDS)
    async with app.run_test(size=SIZE) as pilot:
        screen = await review_at(pilot, Step.CHOOSING)
        await pilot.press("1")
        clock.mono += 1
        await pilot.press("3")
        assert screen.session.summary.reviews == 1
        question, step = prompt(screen), screen.step
        await pilot.press(*"unity")
        assert screen.session.summary.reviews == 1  # the rating stands
        assert prompt(screen) == question and screen.step is step
        assert toasts(app)[-1].startswith("Typing ignored: no text box on this card")
        await pilot.press("enter")  # ends the burst, does nothing itself
        assert screen.session.summary.reviews == 1 and prompt(screen) == question


async def test_a_held_command_letter_works_at_once_when_a_key_other_than_a_letter_follows(app_factory):
    app = app_factory(letter_hold=60)  # the wait never runs out in this test
    async with app.run_test(size=SIZE) as pilot:
        screen = await review_at(pilot, Step.CHOOSING)
        question = prompt(screen)
        await pilot.press("b")
        assert prompt(screen) == question  # waiting for the next key
        await pilot.press("down")
        assert prompt(screen) != question  # buried first, then the arrow scrolled
        assert "Buried until tomorrow" in toasts(app)[-1]


def test_answer_keys_never_wait():
    typing = StrayTyping()
    assert typing.judge(Step.TRUE_FALSE, "t", "t") is KeyFate.PASS
    assert typing.judge(Step.FEEDBACK, "u", "u") is KeyFate.HELD
    assert typing.judge(Step.FEEDBACK, "n", "n") is KeyFate.STARTED  # "un": a word
    assert typing.release() is None


async def until(pilot, condition, timeout: float = 10.0) -> None:
    async def poll() -> None:
        while not condition():
            await pilot.pause()

    await asyncio.wait_for(poll(), timeout)


@pytest.mark.parametrize("ender", ["escape", "2", "down"])
def test_a_key_outside_a_word_ends_the_burst_and_does_its_own_work(ender):
    typing = StrayTyping()
    assert typing.judge(Step.CHOOSING, "x", "x") is KeyFate.STARTED
    assert typing.judge(Step.CHOOSING, "u", "u") is KeyFate.IGNORED
    assert typing.judge(Step.CHOOSING, ender, ender if ender == "2" else None) is KeyFate.PASS
    assert typing.judge(Step.CHOOSING, "u", "u") is KeyFate.HELD  # a command again, once alone


def test_the_answer_box_takes_every_letter():
    typing = StrayTyping()
    assert typing.judge(Step.TYPING, "x", "x") is KeyFate.PASS
    assert not typing.active
