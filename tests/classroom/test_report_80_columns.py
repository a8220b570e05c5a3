"""`caucasusquiz report` (the table) read at 80 columns: card ids whole, headings whole."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from caucasusquiz import paths
from caucasusquiz.cli import main
from caucasusquiz.commands.classroom import create_session
from caucasusquiz.store.database import CardProgress, ProgressStore

from .conftest import FROZEN

# The longest ids of the shipped decks are this long: deck and card id together, 57 characters.
DECK_ID = "energy-economy"
LONG_IDS = ["senate-colleague-accompanied-freshman-8bbb", "blockade-imposed-azerbaijan-45f004"]
DECK = f"""\
title: "Energy, trade and the economy: pipelines, contracts, sanctions and the oil of the Caspian"
cards:
  - id: {LONG_IDS[0]}
    question: Which senator accompanied a freshman colleague on a visit to Baku to discuss energy security?
    answer: Sam Brownback
  - id: {LONG_IDS[1]}
    type: truefalse
    statement: Armenia imposed a blockade on Azerbaijan in 1993.
    answer: false
  - id: btc
    question: Which pipeline did the U.S. back as the main route for Caspian oil?
    answer: Baku–Tbilisi–Ceyhan
"""


@pytest.fixture
def long_class(tmp_path: Path, isolated_user_dirs: Path, clock) -> tuple[Path, str]:
    """Three students get the long-id cards wrong; then a live quiz on a deck with a long title."""
    decks = tmp_path / "class-decks"
    decks.mkdir()
    (decks / f"{DECK_ID}.yaml").write_text(DECK, encoding="utf-8")
    store = ProgressStore.open(isolated_user_dirs / "progress.sqlite3")
    for name in ("Leyla", "Tural", "Aysel Mammadova"):
        profile = store.profile(name, FROZEN)
        for i, card in enumerate([*LONG_IDS, "btc"]):
            store.record_review(
                profile.id,
                (DECK_ID, card),
                None,
                CardProgress(),
                reviewed_ms=int(FROZEN.timestamp() * 1000) - 86_400_000 + i * 60_000,
                grade=1 if card != "btc" else 3,
                typed=None,
                verdict="wrong" if card != "btc" else "right",
                duration_ms=20_000,
            )
    store.close()
    locations = paths.resolve(decks=decks, data_dir=isolated_user_dirs)
    database, session = create_session(locations, DECK_ID, 2, 20, clock=clock)
    session.join("Leyla")
    session.next()
    session.end()
    code = session.code
    database.close()
    return decks, code


def table(capsys, monkeypatch, decks: Path) -> list[str]:
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["report", "--decks", str(decks)]) == 0
    return capsys.readouterr().out.splitlines()


def test_card_ids_are_never_broken_and_every_line_fits(long_class, capsys, monkeypatch):
    decks, _code = long_class
    lines = table(capsys, monkeypatch, decks)
    assert max(len(line) for line in lines) <= 80, "\n".join(lines)
    for card_id in LONG_IDS:
        # the whole id, deck and card, on one line: a teacher can copy it or search for it
        assert any(f"{DECK_ID}/{card_id}" in line for line in lines), "\n".join(lines)
    # and no line holds a piece of an id cut at a hyphen or in a word
    pieces = [line.strip() for line in lines if re.fullmatch(r"\s*[a-z0-9]+(-[a-z0-9]+)*-?", line)]
    assert not pieces, pieces


def test_headings_are_whole_lines(long_class, capsys, monkeypatch):
    decks, code = long_class
    lines = table(capsys, monkeypatch, decks)
    headings = [line for line in lines if line.startswith(("Live quiz", "Cards the class", "Students"))]
    assert f"Live quiz {code} — questions" in headings
    assert f"Live quiz {code} — students" in headings
    # no heading ends in a dash or a comma left hanging, nor starts with the end of another
    assert not [line for line in lines if line.rstrip().endswith(("—", "–", ","))], "\n".join(lines)
    assert not [line for line in lines if line.lstrip().startswith("—")], "\n".join(lines)
    # the quiz's deck title and date, under its heading, in words (not an ISO time stamp)
    below = lines[lines.index(f"Live quiz {code} — questions") + 1 :]
    about = " ".join(below[:2])
    assert "Energy, trade and the economy" in about and "2026-03-02 09:00 UTC" in about
