"""Deck files: the hand-editable YAML format, its checker and the loader (no Textual here).

The names below are re-exported lazily: importing a light module such as
`caucasusquiz.decks.model` must not pull in PyYAML and the loader, which would
cost the app's first paint about 15 ms.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "Card": "model",
    "CardType": "model",
    "Deck": "model",
    "DeckLoad": "model",
    "Problem": "model",
    "ProblemKind": "model",
    "Severity": "model",
    "Collection": "collection",
    "deck_files": "folder",
    "is_deck_file_name": "folder",
    "TOPICS_FILE": "folder",
    "load_collection": "collection",
    "load_deck": "collection",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> object:
    if name in _EXPORTS:
        return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
