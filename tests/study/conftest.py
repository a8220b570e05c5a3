"""Fixtures for driving a real StudySession on a real (temporary) store with a fake clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from caucasusquiz.decks.collection import load_collection
from caucasusquiz.settings import Settings
from caucasusquiz.store.database import ProgressStore
from caucasusquiz.study.session import StudySession

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class FakeClock:
    """Wall clock and monotonic clock that only move when a test says so."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start
        self.mono = 1000.0

    def __call__(self) -> datetime:
        return self.now

    def monotonic(self) -> float:
        return self.mono

    def advance(self, **delta: float) -> None:
        step = timedelta(**delta)
        self.now += step
        self.mono += step.total_seconds()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path):
    opened = ProgressStore.open(tmp_path / "progress.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def make_session(store, clock, example_deck: Path):
    def make(deck_paths=(example_deck,), settings: Settings | None = None, **kwargs) -> StudySession:
        collection = load_collection(list(deck_paths))
        profile = store.profile("tester", clock.now)
        return StudySession(
            store,
            profile,
            collection,
            settings or Settings(fuzz=False),
            clock=clock,
            monotonic=clock.monotonic,
            tz=UTC,
            **kwargs,
        )

    return make
