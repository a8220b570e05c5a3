"""Driving the author screen with Pilot: the app on the draft deck, and reading what it shows."""

from __future__ import annotations

from datetime import UTC, datetime

from caucasusquiz.decks.loader import read_deck
from caucasusquiz.ui.screens.author import AuthorScreen

SIZE = (80, 24)
NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector).content)


def card(path, card_id):
    deck = read_deck(path).deck
    assert deck is not None
    return next((c for c in deck.cards if c.id == card_id), None)


async def open_author(pilot) -> AuthorScreen:
    await pilot.app.opened.wait()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, AuthorScreen)
    return screen
