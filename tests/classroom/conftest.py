"""Fixtures for the classroom tests: a decks folder, a frozen clock, apps on one data folder."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from caucasusquiz import paths
from caucasusquiz.store.database import ProgressStore
from caucasusquiz.ui.app import CaucasusQuizApp, make_app

FROZEN = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = FROZEN
        self.mono = 100.0

    def __call__(self) -> datetime:
        return self.now

    def monotonic(self) -> float:
        return self.mono


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def decks_dir(tmp_path: Path, example_deck: Path) -> Path:
    folder = tmp_path / "decks"
    folder.mkdir()
    shutil.copy(example_deck, folder / "history.yaml")
    return folder


@pytest.fixture
def make_profiles(isolated_user_dirs: Path):
    """Create profiles in the test's progress file, as earlier study sessions would have."""

    def make(*names: str) -> None:
        store = ProgressStore.open(isolated_user_dirs / "progress.sqlite3")
        try:
            for name in names:
                store.profile(name, FROZEN)
        finally:
            store.close()

    return make


@pytest.fixture
def app_factory(decks_dir: Path, clock: Clock, isolated_user_dirs: Path):
    def build(**options) -> CaucasusQuizApp:
        locations = paths.resolve(decks=options.pop("decks", decks_dir), data_dir=isolated_user_dirs)
        options.setdefault("watch_decks", False)
        return make_app(
            locations, options.pop("profile", None), clock=clock, monotonic=clock.monotonic, tz=UTC, **options
        )

    return build
