"""The review screen's keys: what the help screen and the hint bar say is what the keys do."""

from __future__ import annotations

import pytest

from caucasusquiz.ui import keys
from caucasusquiz.ui.keys import Step
from caucasusquiz.ui.screens.help import HelpScreen
from caucasusquiz.ui.screens.review import ReviewScreen

SIZE = (80, 24)

# Key presses that bring the example deck's session to each step.
TO_STEP = {
    Step.TYPING: (),
    Step.FEEDBACK: ("enter",),
    Step.CHOOSING: ("ctrl+b", "ctrl+b"),  # bury the two typed cards
    Step.TRUE_FALSE: ("ctrl+b", "ctrl+b", "b"),
}


def unprefixed(action: str) -> str:
    return action.removeprefix("screen.").removeprefix("app.")


async def review_at(pilot, step: Step) -> ReviewScreen:
    await pilot.app.opened.wait()
    await pilot.press("enter")
    await pilot.press(*TO_STEP[step])
    screen = pilot.app.screen
    assert isinstance(screen, ReviewScreen) and screen.step is step
    return screen


@pytest.mark.parametrize("step", list(Step))
async def test_every_key_in_help_does_what_help_says_and_nothing_else_works(app_factory, step):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        screen = await review_at(pilot, step)
        active = screen.active_bindings
        listed = keys.keys_for(step)
        for row in listed:
            for key in row.keys:
                action = row.action_for(key)
                if not action:  # the answer box's own Enter
                    assert active[key].binding.action == "submit"
                    continue
                assert key in active and active[key].enabled, f"{key} ({row.description}) does not work"
                # (the answer box passes ctrl+e on to the screen; the app binds help for all screens)
                assert unprefixed(active[key].binding.action) == unprefixed(action)
                if step is Step.TYPING:
                    assert len(key) > 1, f"{key!r} would be typed into the answer box"
        # The screen's own keys that work here are all in the table for this step.
        own = {
            key
            for key, bound in active.items()
            if bound.node is screen and bound.enabled and bound.binding in ReviewScreen.BINDINGS
        }
        assert own <= {key for row in listed for key in row.keys}
        # The hint bar and the help screen are drawn from the same rows.
        hints = str(screen.query_one("#key-hints").content)
        for row in listed[:4]:
            assert f" {row.label} {row.hint} " in hints
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        descriptions = [description for _key, description in app.screen.rows]
        assert all(row.description in descriptions for row in keys.REVIEW_KEYS)


async def test_bury_toast_names_the_undo_key_that_works_next(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await review_at(pilot, Step.TYPING)
        await pilot.press("ctrl+b")  # the next card is typed too: u would be a letter
        assert app.screen.step is Step.TYPING
        assert "(^z: undo)" in list(app._notifications)[-1].message
        await pilot.press("ctrl+b")  # the next card is a choice card: u works
        assert "(u: undo)" in list(app._notifications)[-1].message


async def test_b_on_a_choice_card_buries_and_is_listed_as_bury(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        screen = await review_at(pilot, Step.CHOOSING)
        assert "Which pipeline" in str(screen.query_one("#prompt").content)
        await pilot.press("b")
        assert "True or false?" in str(screen.query_one("#prompt").content)


async def test_a_double_tap_of_an_option_key_does_not_rate_unseen(app_factory, clock, isolated_user_dirs):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        screen = await review_at(pilot, Step.CHOOSING)
        await pilot.press("2", "2")
        assert screen.step is Step.FEEDBACK  # the feedback stays on screen
        assert screen.session.summary.reviews == 0
        clock.mono += 1  # read, then rated with the same key
        await pilot.press("2")
        assert screen.session.summary.reviews == 1


async def test_palette_has_our_keys_and_not_textuals_panels(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await review_at(pilot, Step.TYPING)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Keys" in titles and "Theme" in titles
        assert not {"Maximize", "Screenshot", "Minimize"} & set(titles)
        keys_command = next(c for c in app.get_system_commands(app.screen) if c.title == "Keys")
        keys_command.callback()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_the_hint_bar_numbers_as_many_options_as_the_card_shows(app_factory, decks_dir):
    # The example deck's choice card has three distractors; one with two shows three options.
    deck = decks_dir / "history.yaml"
    text = deck.read_text(encoding="utf-8")
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        screen = await review_at(pilot, Step.CHOOSING)
        four = str(screen.query_one("#key-hints").render())
    assert " 1-4 " in four
    deck.write_text(
        text.replace(
            "distractors: [Nabucco, South Stream, Trans-Adriatic]", "distractors: [Nabucco, South Stream]"
        ),
        encoding="utf-8",
    )
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        screen = await review_at(pilot, Step.CHOOSING)
        pilot_hint = str(screen.query_one("#key-hints").render())
        assert len(screen.session.options(screen.session.current)) == 3
    assert " 1-3 " in pilot_hint and "1-4" not in pilot_hint


def test_the_key_table_names_the_option_keys_a_card_shows():
    # The table is the one source of these labels; the rating keys are always 1-4.
    answer = next(row for row in keys.keys_for(Step.CHOOSING) if row.hint == "answer")
    rate = next(row for row in keys.keys_for(Step.FEEDBACK) if row.hint == "rate")
    assert [answer.label_for_options(n) for n in (0, 2, 3, 4)] == ["1-4", "1-2", "1-3", "1-4"]
    assert rate.label_for_options(3) == "1-4"


async def test_the_keys_dialog_fits_its_key_column_and_says_more_rows_follow_and_how_to_close(app_factory):
    # A second new user's report: at 80×24 the key column was ~26 wide ("⏎", "^z"), so
    # descriptions wrapped, and the list ended at "u undo…" with no sign of more rows and the
    # closing hint cut off.
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await review_at(pilot, Step.TYPING)
        await pilot.press("f1")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        body = help_screen.query_one("#help-body")
        table = body.query_one("Static")
        lines = [strip.text for strip in table.render_lines(table.size.region)]
        enter = next(line for line in lines if "check the typed answer" in line)
        assert enter.index("check") <= 12, enter  # the key column: "? / F1" and the gap
        assert "(empty: show the answer)" in enter  # on one line
        hint = help_screen.query_one("#help-hint")
        assert hint.region.bottom <= help_screen.query_one("#dialog").region.bottom  # in view
        assert body.max_scroll_y > 0 and body.show_vertical_scrollbar
        assert "More keys below" in str(hint.render()) and "Esc closes" in str(hint.render())
        await pilot.press("down")
        assert body.scroll_y > 0
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)
