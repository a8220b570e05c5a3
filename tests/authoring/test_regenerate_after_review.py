"""Regenerating after a review keeps the reviewed cards byte for byte and never re-adds a dropped one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from caucasusquiz.authoring.review import DraftReview
from caucasusquiz.decks.collection import load_collection
from caucasusquiz.generator.pipeline import generate

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def card_block(text: str, card_id: str) -> str:
    start = text.index(f"- id: {card_id}\n")
    end = text.find("\n  - id: ", start)
    return text[start : end if end >= 0 else len(text)]


def test_reviewed_cards_stay_and_dropped_ones_stay_out(tmp_path: Path):
    out = tmp_path / "decks"
    generate([SEEDS], out)
    review = DraftReview(load_collection([out]).decks, date(2026, 11, 29))
    kept = review.keep()
    dropped = review.drop()
    edited = review.current
    assert edited is not None
    review.update({"tags": ["edited-by-teacher"]})
    review.keep()
    kept_path = review.decks[kept.deck_id].path
    dropped_path = review.decks[dropped.deck_id].path
    kept_block = card_block(kept_path.read_text(encoding="utf-8"), kept.id)
    edited_block = card_block(review.decks[edited.deck_id].path.read_text(encoding="utf-8"), edited.id)

    generate([SEEDS], out)

    assert card_block(kept_path.read_text(encoding="utf-8"), kept.id) == kept_block
    assert (
        card_block(review.decks[edited.deck_id].path.read_text(encoding="utf-8"), edited.id) == edited_block
    )
    text = dropped_path.read_text(encoding="utf-8")
    assert f"- id: {dropped.id}\n" not in text
    deck = load_collection([out]).deck(dropped.deck_id)
    assert deck is not None and dropped.id in deck.dropped
    # the walk after regenerating goes on where it stopped
    again = DraftReview(load_collection([out]).decks, date(2026, 11, 30))
    assert again.left == review.left
