"""The author screen's card and source excerpt at 80×24: two columns that stay two columns."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from caucasusquiz import paths
from caucasusquiz.ui.app import make_app
from caucasusquiz.ui.screens.author import AuthorScreen

SIZE = (80, 24)
NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)
QUESTION = (
    "Which U.S. Under Secretary of State outlined three main U.S. interests in Azerbaijan "
    "at Georgetown University in September 2009?"
)
SENTENCE = (
    "Speaking at a conference at Georgetown University in September 2009, the Under Secretary of "
    "State for Political Affairs William J. Burns outlined three main areas of interest."
)
DECK = f"""\
title: "Diplomacy"
cards:
  - id: burns
    type: choice
    question: "{QUESTION}"
    answer: "William J. Burns"
    distractors: ["Marc Grossman", "Wendy Sherman", "Thomas Shannon"]
    source: "talks.txt:2"
    context: "{SENTENCE}"
"""


@pytest.fixture
def author_app(tmp_path: Path, isolated_user_dirs: Path):
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "diplomacy.yaml").write_text(DECK, encoding="utf-8")
    cards = {"burns": {"fingerprint": "0" * 40, "source": ""}}  # a generated draft
    manifest = {"format": 1, "decks": {"diplomacy": {"header": "", "cards": cards}}}
    (decks / ".generated.json").write_text(json.dumps(manifest), encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "talks.txt").write_text(f"Talks\n{SENTENCE}\nThe end.\n", encoding="utf-8")
    locations = paths.resolve(decks=decks, data_dir=isolated_user_dirs)
    return make_app(locations, clock=lambda: NOW, tz=UTC, watch_decks=False, author=True)


def shown(widget) -> list[str]:
    return [strip.text.rstrip() for strip in widget.render_lines(widget.region.reset_offset)]


async def test_labels_line_up_and_wrapped_lines_start_under_their_text(author_app):
    # A new user's report: "Wrong 1 2015" / "  2     2020", and wrapped prompt and source
    # lines starting at column 1, where the line numbers got lost.
    async with author_app.run_test(size=SIZE) as pilot:
        await asyncio.wait_for(author_app.opened.wait(), timeout=10)
        await pilot.pause()
        screen = author_app.screen
        assert isinstance(screen, AuthorScreen)
        card = shown(screen.query_one("#author-card"))
        column = card[1].index("Which")  # the prompt's text, after "│ Prompt  "
        names = ("Marc Grossman", "Wendy Sherman", "Thomas Shannon")
        wrong = [line for line in card if any(name in line for name in names)]
        assert len(wrong) == 3
        assert [line.index(name) for line, name in zip(wrong, names, strict=True)] == [column] * 3
        assert [line[:column].split() for line in wrong] == [["│", "Wrong", "1"], ["│", "2"], ["│", "3"]]
        assert wrong[0].index("1") == wrong[1].index("2") == wrong[2].index("3")  # the numbers, one column
        assert card[2][column] != " " and not card[2][:column].strip("│ ")  # the prompt's second line
        source = shown(screen.query_one("#author-source"))
        start = next(number for number, line in enumerate(source) if line.lstrip().startswith("2 Speaking"))
        text_column = source[start].index("Speaking")
        assert source[start + 1][text_column - 1 :].startswith(" ") and source[start + 1][text_column] != " "
        assert not source[start + 1][:text_column].strip()


async def test_the_top_line_names_the_deck_and_the_first_drafts_id_even_when_both_are_long(
    tmp_path: Path, isolated_user_dirs: Path
):
    # A second new user's report: "Energy, trade and the economy ·" and a blank on the first
    # draft: its long id wrapped onto a second line of a one-line bar.
    card_id = "tf-economic-reforms-conducted-7fc04a"
    decks = tmp_path / "decks"
    decks.mkdir()
    deck = DECK.replace('"Diplomacy"', '"Energy, trade and the economy of a long title"').replace(
        "id: burns", f"id: {card_id}"
    )
    (decks / "diplomacy.yaml").write_text(deck, encoding="utf-8")
    manifest = {
        "format": 1,
        "decks": {"diplomacy": {"header": "", "cards": {card_id: {"fingerprint": "0" * 40}}}},
    }
    (decks / ".generated.json").write_text(json.dumps(manifest), encoding="utf-8")
    locations = paths.resolve(decks=decks, data_dir=isolated_user_dirs)
    app = make_app(locations, clock=lambda: NOW, tz=UTC, watch_decks=False, author=True)
    async with app.run_test(size=SIZE) as pilot:
        await asyncio.wait_for(app.opened.wait(), timeout=10)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AuthorScreen)
        (where,) = shown(screen.query_one("#author-where"))
        assert where.startswith("Energy, trade") and where.endswith(f"… · {card_id}"), where
        assert shown(screen.query_one("#author-left")) == ["drafts: 1 left · 0 done"]
