"""The author screen at 80×24, with a fixed date (SVG snapshots)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from caucasusquiz import paths
from caucasusquiz.ui.app import make_app

SIZE = (80, 24)
NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)


@pytest.fixture
def author_app(draft_deck, seeds_dir, isolated_user_dirs):
    locations = paths.resolve(decks=draft_deck.parent, data_dir=isolated_user_dirs)
    return make_app(locations, clock=lambda: NOW, tz=UTC, watch_decks=False, author=True)


async def _opened(pilot) -> None:
    await pilot.app.opened.wait()
    await pilot.pause()


def snap(snap_compare, app, keys=()):
    return snap_compare(app, press=keys, run_before=_opened, terminal_size=SIZE)


def test_author_draft(snap_compare, author_app):
    assert snap(snap_compare, author_app, ["s", "s", "s"])  # the choice card, with its warnings


def test_author_edit_form(snap_compare, author_app):
    assert snap(snap_compare, author_app, ["e"])


def test_author_change_type(snap_compare, author_app):
    assert snap(snap_compare, author_app, ["s", "t"])


def test_author_all_cards_on_a_reviewed_card(snap_compare, draft_deck, seeds_dir, isolated_user_dirs):
    # `author --all`: the counter names the walk, the card says it was reviewed, and when. Every
    # card is signed off, the last one most recently: the walk starts at the first and says why.
    text = draft_deck.read_text(encoding="utf-8")
    for card_id in ("wilson-1919", "embassy-1992", "embassy-tf", "btc-choice", "hand-made", "scp"):
        date = {"wilson-1919": "2026-10-01", "scp": "2026-11-20"}.get(card_id, "2026-09-15")
        text = text.replace(f"id: {card_id}\n", f"id: {card_id}\n    reviewed: {date}\n")
    draft_deck.write_text(text, encoding="utf-8")
    locations = paths.resolve(decks=draft_deck.parent, data_dir=isolated_user_dirs)
    app = make_app(locations, clock=lambda: NOW, tz=UTC, watch_decks=False, author=True, author_all=True)
    assert snap(snap_compare, app)
