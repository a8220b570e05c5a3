"""Fixtures for the classroom tests: profiles made beforehand (the app fixtures are shared)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from caucasusquiz.store.database import ProgressStore

# The app fixtures (tests/conftest.py: clock, decks_dir, app_factory) freeze time here too.
FROZEN = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


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
