"""`study: reviewed`: students study, and the home screen counts, only the cards an author signed off."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from caucasusquiz.decks.collection import load_collection
from caucasusquiz.settings import Settings
from caucasusquiz.store.database import ProgressStore
from caucasusquiz.study.overview import overview
from caucasusquiz.study.session import StudySession

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)
DECK = """\
title: "Signed off"
study: {scope}
cards:
  - id: kept
    question: Where is the U.S. embassy?
    answer: Baku
    reviewed: 2026-11-29
  - id: draft
    question: When did it open?
    answer: "1992"
"""


def study(tmp_path: Path, scope: str) -> tuple[list[str], int]:
    folder = tmp_path / scope
    folder.mkdir()
    (folder / "deck.yaml").write_text(DECK.format(scope=scope), encoding="utf-8")
    collection = load_collection([folder])
    store = ProgressStore.open(folder / "progress.sqlite3")
    try:
        profile = store.profile("student", NOW)
        settings = Settings(fuzz=False)
        session = StudySession(store, profile, collection, settings, clock=lambda: NOW, tz=UTC)
        seen = []
        while (card := session.next_card()) is not None and card.id not in seen:
            seen.append(card.id)
            session.bury()
        rows = overview(store, profile.id, collection, settings, NOW, UTC).rows
        return seen, rows[0].total
    finally:
        store.close()


def test_reviewed_only_deck_hides_drafts_from_students(tmp_path: Path):
    assert study(tmp_path, "reviewed") == (["kept"], 1)


def test_by_default_every_card_is_studied(tmp_path: Path):
    seen, cards = study(tmp_path, "all")
    assert sorted(seen) == ["draft", "kept"] and cards == 2
