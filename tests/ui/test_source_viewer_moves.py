"""The source viewer: Tab / Shift+Tab move by sentence, and the title line follows the cursor."""

from __future__ import annotations

from caucasusquiz.authoring.cursor_sentence import next_sentence, previous_sentence
from caucasusquiz.authoring.new_card import sentence_at
from caucasusquiz.ui.screens.help import HelpScreen
from caucasusquiz.ui.screens.source import SourceScreen

SIZE = (80, 24)
LINES = [
    "A title",
    "",
    "The first sentence. The second one is here.",
    "A third sentence runs on",
    "over the next line.",
    "",
    "The last one.",
]


async def open_source(pilot) -> SourceScreen:
    await pilot.app.opened.wait()
    await pilot.press("enter")  # study
    await pilot.pause()
    await pilot.press("enter", "o")  # show the answer, open the source
    for _ in range(20):
        await pilot.pause()
        if isinstance(pilot.app.screen, SourceScreen):
            return pilot.app.screen
    raise AssertionError(type(pilot.app.screen).__name__)


def title_of(screen: SourceScreen) -> str:
    return str(screen.query_one("#source-title").render())


async def test_tab_moves_to_the_next_sentence_and_the_title_says_its_line(app_factory):
    # New-user trial 5: reaching a line's second sentence took 85 presses of →, and the title
    # kept saying "line 15" with the cursor on line 17.
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_source(pilot)
        area = screen.query_one("#document")
        row, column = area.cursor_location
        assert title_of(screen).endswith(f", line {row + 1}")
        expected = next_sentence(area.document.lines, row, column)
        assert expected is not None and expected.row > row  # the card's sentence ends its line
        await pilot.press("tab")
        await pilot.pause()
        assert area.cursor_location == (expected.row, expected.start)
        assert area.selected_text == area.document.lines[expected.row][expected.start : expected.end]
        assert title_of(screen).endswith(f", line {expected.row + 1}")
        await pilot.press("shift+tab")  # back to the card's sentence, at its first words
        await pilot.pause()
        lines = area.document.lines
        back_row, back_column = area.cursor_location
        assert back_row <= row  # this wiki sentence starts lines above the card's line
        assert sentence_at(lines[back_row], back_column, lines, back_row) == sentence_at(
            lines[row], column, lines, row
        )
        assert title_of(screen).endswith(f", line {back_row + 1}")
        await pilot.press("down", "down")  # the arrows too
        await pilot.pause()
        assert title_of(screen).endswith(f", line {area.cursor_location[0] + 1}")


async def test_the_help_of_the_source_viewer_lists_the_sentence_keys(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await open_source(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = dict(app.screen.rows)
        assert rows["Tab"] == "Next sentence" and rows["Shift+Tab"] == "Previous sentence"


def test_next_sentence_goes_along_the_line_then_down_over_a_sentence_broken_across_lines():
    moves = []
    at = next_sentence(LINES, 0, 0)
    while at is not None:
        moves.append(LINES[at.row][at.start : at.end])
        at = next_sentence(LINES, at.row, at.start)
    assert moves == [
        "The first sentence.",
        "The second one is here.",
        "A third sentence runs on",
        "The last one.",
    ]


def test_previous_sentence_goes_to_the_start_of_the_sentence_then_the_one_before():
    at = previous_sentence(LINES, 4, 5)  # in the middle of "over the next line."
    assert at is not None and (at.row, at.start) == (3, 0)  # where that sentence starts, a line up
    at = previous_sentence(LINES, at.row, at.start)
    assert at is not None and LINES[at.row][at.start : at.end] == "The second one is here."
    assert previous_sentence(LINES, 0, 0) is None
