"""One broken card in a hand-edited deck (a card missing its `answer:`): the deck's other
cards are studied, `check` names the card with file, line and what to do and exits 1, the
file is not touched, and the broken card's progress is kept until it is fixed."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from caucasusquiz.cli import main

DECK = """title: Two cards
cards:
  - id: capital
    type: qa
    question: What is the capital of Azerbaijan?
    answer: Baku
  - id: embassy
    type: qa
    question: In which year did the U.S. open its embassy in Baku?
    answer: "1992"
"""


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    folder = tmp_path / "decks"
    folder.mkdir()
    path = folder / "two.yaml"
    path.write_text(DECK, encoding="utf-8")
    return path


def stats(capsys, deck: Path) -> dict[str, int]:
    assert main(["stats", "--json", "--decks", str(deck.parent)]) == 0
    return json.loads(capsys.readouterr().out)


def study(monkeypatch, capsys, deck: Path, lines: list[str]) -> str:
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(f"{line}\n" for line in lines)))
    assert main(["study", "--plain", "--new-profile", "ana", "--decks", str(deck.parent)]) == 0
    return capsys.readouterr().out


def test_the_other_cards_load_and_the_broken_cards_progress_returns_when_fixed(monkeypatch, capsys, deck):
    study(monkeypatch, capsys, deck, ["Baku", "3", "1992", "3"])
    assert stats(capsys, deck)["cards_seen"] == 2

    broken = DECK.replace('    answer: "1992"\n', "")
    deck.write_text(broken, encoding="utf-8")
    assert main(["check", str(deck.parent)]) == 1
    out = capsys.readouterr().out
    assert f"{deck}:7: error: missing required field `answer`" in out  # the card's `- id:` line
    assert "hint: add `answer:` and its text to this card" in out
    assert "1 card (1 left out: 1 with errors)" in out
    seen = stats(capsys, deck)
    assert (seen["cards_total"], seen["cards_seen"]) == (1, 1)  # the good card is there to study
    assert deck.read_text(encoding="utf-8") == broken  # nothing rewritten

    deck.write_text(DECK, encoding="utf-8")  # fixed: the card comes back with its history
    seen = stats(capsys, deck)
    assert (seen["cards_total"], seen["cards_seen"], seen["reviews_total"]) == (2, 2, 2)
