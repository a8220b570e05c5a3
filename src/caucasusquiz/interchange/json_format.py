"""JSON of the deck model: every deck with its title, and its cards with every field."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from caucasusquiz.decks.model import Card, Deck

FORMAT = 1


def card_json(card: Card) -> dict[str, Any]:
    data = {
        "deck": card.deck_id,
        "id": card.id,
        "type": card.type.value,
        "prompt": card.prompt,
        "answer": card.answer,
        "accept": list(card.accept),
        "distractors": list(card.distractors),
        "hint": card.hint,
        "tags": list(card.tags),
        "source": card.source,
        "context": card.context,
    }
    return {k: v for k, v in data.items() if v not in (None, [], "")}


def export_json(decks: Sequence[Deck]) -> str:
    data = {
        "format": FORMAT,
        "decks": [
            {
                "id": deck.id,
                "title": deck.title,
                **({"description": deck.description} if deck.description else {}),
                "tags": list(deck.tags),
                "cards": [card_json(card) for card in deck.cards],
            }
            for deck in decks
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
