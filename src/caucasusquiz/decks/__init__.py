"""Deck files: the hand-editable YAML format, its checker and the loader (no Textual here)."""

from __future__ import annotations

from caucasusquiz.decks.collection import Collection, deck_files, load_collection, load_deck
from caucasusquiz.decks.model import Card, CardType, Deck, DeckLoad, Problem, Severity

__all__ = [
    "Card",
    "CardType",
    "Collection",
    "Deck",
    "DeckLoad",
    "Problem",
    "Severity",
    "deck_files",
    "load_collection",
    "load_deck",
]
