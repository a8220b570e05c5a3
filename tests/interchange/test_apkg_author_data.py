"""Export to Anki and import back keeps what the author decided: reviewed marks, drafts,
dropped ids and the deck's description."""

from __future__ import annotations

import json
from pathlib import Path

from caucasusquiz.authoring.drafts import drafts_of
from caucasusquiz.cli import main
from caucasusquiz.decks.loader import read_deck

DECK = """\
title: "Early history"
description: "How the two countries first met."
dropped: [gone-1]
cards:
  - id: wilson
    type: qa
    question: "Which U.S. President met the Azerbaijani delegation in 1919?"
    answer: "Woodrow Wilson"
    reviewed: 2026-11-20
  - id: embassy
    type: cloze
    text: "The United States opened its embassy in Baku in {{1992}}."
  - id: signed-off
    type: truefalse
    statement: "Baku is on the Caspian Sea."
    answer: true
    reviewed: true
  - id: hand-made
    question: What is the capital of Azerbaijan?
    answer: Baku
"""


def test_the_apkg_round_trip_keeps_reviews_drafts_dropped_and_description(tmp_path: Path):
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "early.yaml").write_text(DECK, encoding="utf-8")
    generated = {"wilson": {}, "embassy": {}, "signed-off": {}}
    manifest = {"format": 1, "decks": {"early": {"header": "", "cards": generated}}}
    (decks / ".generated.json").write_text(json.dumps(manifest), encoding="utf-8")
    package = tmp_path / "early.apkg"
    assert main(["export", "cards", "--decks", str(decks), "--format", "apkg", "--out", str(package)]) == 0
    assert main(["import", str(package), "--out", str(tmp_path / "back")]) == 0

    loaded = read_deck(tmp_path / "back" / "early.yaml")
    assert loaded.ok and loaded.deck is not None
    deck = loaded.deck
    assert deck.description == "How the two countries first met."
    assert deck.dropped == ("gone-1",)
    reviewed = {card.id: card.reviewed for card in deck.cards}
    assert reviewed == {"wilson": "2026-11-20", "embassy": None, "signed-off": "true", "hand-made": None}
    # the one draft is still a draft (no manifest next to the imported deck), and nothing else is
    assert [card.id for card in drafts_of(deck)] == ["embassy"]
    # the marks travel as tags, not as the card's own tags
    assert all(not any(tag.startswith("caucasusquiz") for tag in card.tags) for card in deck.cards)
