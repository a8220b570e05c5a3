"""A deck title too long for its place reads the same wherever it is shortened (80×24)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from caucasusquiz.ui.screens.review import ReviewScreen

SIZE = (80, 24)
LONG = "Energy, trade and the economy: pipelines, contracts, sanctions and the oil of the Caspian"


@pytest.fixture
def long_title_decks(tmp_path: Path, example_deck: Path) -> Path:
    folder = tmp_path / "long-decks"
    folder.mkdir()
    text = example_deck.read_text(encoding="utf-8")
    title_line = next(line for line in text.splitlines() if line.startswith("title:"))
    (folder / "energy.yaml").write_text(text.replace(title_line, f'title: "{LONG}"'), encoding="utf-8")
    return folder


def at_a_word_boundary(shown: str) -> bool:
    """`shown` is LONG cut after a whole word (and its punctuation), ending in …."""
    kept = shown.removesuffix("…")
    return shown.endswith("…") and LONG.startswith(kept) and LONG[len(kept)] in " ,:"


async def test_the_review_screen_cuts_the_title_at_one_word_boundary_on_every_card(
    app_factory, long_title_decks
):
    app = app_factory(decks=long_title_decks)
    async with app.run_test(size=SIZE) as pilot:
        await asyncio.wait_for(app.opened.wait(), timeout=10)
        await pilot.pause()
        table = app.screen.query_one("#decks", DataTable)
        shown_home = str(table.get_cell_at((1, 0)))
        await pilot.press("down", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        header = str(screen.query_one("HeaderTitle", Static).render())
        seen: dict[str, str] = {}
        for _ in range(5):  # every card of the deck: four types
            card = screen.session.current
            if card is None:
                break
            label, _, title = str(screen.query_one("#review-where", Static).content).partition(" · ")
            seen[label] = title
            await pilot.press("ctrl+b" if card.is_typed else "b")
            await pilot.pause()
    assert set(seen) == {"fill the blank", "question", "multiple choice", "true or false"}
    # One cut, whatever the card's type: it once moved with the length of the type's name.
    assert set(seen.values()) == {"Energy, trade and the economy…"}
    assert header.startswith("caucasusquiz — ")
    for shown in (header.removeprefix("caucasusquiz — "), shown_home, *seen.values()):
        assert at_a_word_boundary(shown), shown


async def test_the_header_shortens_the_title_again_for_a_new_width(app_factory, long_title_decks):
    app = app_factory(decks=long_title_decks)
    async with app.run_test(size=SIZE) as pilot:
        await asyncio.wait_for(app.opened.wait(), timeout=10)
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        title = app.screen.query_one("HeaderTitle", Static)
        narrow = str(title.render()).removeprefix("caucasusquiz — ")
        await pilot.resize_terminal(140, 24)
        await pilot.pause()
        wide = str(title.render()).removeprefix("caucasusquiz — ")
    assert at_a_word_boundary(narrow) and narrow == "Energy, trade and the economy: pipelines…"
    assert wide == LONG  # room for all of it now


def test_review_with_a_long_deck_title(snap_compare, app_factory, long_title_decks):
    async def opened(pilot) -> None:
        await pilot.app.opened.wait()
        await pilot.pause()

    app = app_factory(decks=long_title_decks)
    assert snap_compare(app, press=["down", "enter"], run_before=opened, terminal_size=SIZE)


async def test_statistics_shorten_the_title_and_keep_the_numbers(app_factory, long_title_decks):
    # The mastery table's title column cut the title mid-word and squeezed out the
    # "0/5 seen" and the bar beside it.
    app = app_factory(decks=long_title_decks)
    async with app.run_test(size=SIZE) as pilot:
        await asyncio.wait_for(app.opened.wait(), timeout=10)
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        mastery = app.screen.query_one("#deck-mastery", Static)
        (line,) = [str(strip.text) for strip in mastery.render_lines(mastery.region.reset_offset)][:1]
    title, _, numbers = line.partition("  ")
    assert at_a_word_boundary(title), line
    assert "0/5 seen" in numbers and "0%" in numbers, line


DOCUMENT_TITLE = "Azerbaijan and the United States: Partners in Energy Security, Counter-Terrorism and Trade"


@pytest.fixture
def long_document_decks(tmp_path: Path) -> Path:
    folder = tmp_path / "decks"
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "partners.txt").write_text(
        f"{DOCUMENT_TITLE}\nThe pipeline opened in 2006 and carries oil from Baku to Ceyhan.\n",
        encoding="utf-8",
    )
    (folder / "energy.yaml").write_text(
        'title: "Energy"\ndocuments: docs\ncards:\n'
        "  - id: btc\n    type: qa\n    question: When did the pipeline open?\n"
        '    answer: "2006"\n    source: "partners.txt:2"\n',
        encoding="utf-8",
    )
    return folder


@pytest.mark.parametrize("width", [80, 60])
async def test_the_source_line_shortens_a_long_mixed_case_document_title_and_keeps_the_line(
    app_factory, long_document_decks, width
):
    # "Source: Azerbaijan and the United States: Partners in Energy Security," — the one-line
    # source line cut the title with no "…" and lost ", line 2".
    app = app_factory(decks=long_document_decks)
    async with app.run_test(size=(width, 24)) as pilot:
        await asyncio.wait_for(app.opened.wait(), timeout=10)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press(*"2006", "enter")
        await pilot.pause()
        line = app.screen.query_one("#source-line", Static)
        (shown,) = [str(strip.text).rstrip() for strip in line.render_lines(line.region.reset_offset)]
    assert shown.endswith("…, line 2"), shown
    title = shown.removeprefix("Source: ").removesuffix(", line 2").removesuffix("…")
    assert DOCUMENT_TITLE.startswith(title) and DOCUMENT_TITLE[len(title)] in " ,:", shown
