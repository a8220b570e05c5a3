"""Shared fixtures. Every test runs with its own data dir, so no test can touch a real learner's data."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from caucasusquiz import paths
from caucasusquiz.ui.app import CaucasusQuizApp, make_app

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every location the app could write to at a temporary folder."""
    home = tmp_path_factory.mktemp("home")
    data = home / "caucasusquiz-data"
    monkeypatch.setenv("CAUCASUSQUIZ_DATA_DIR", str(data))
    for name in ("CAUCASUSQUIZ_DECKS", "CAUCASUSQUIZ_CONFIG", "CAUCASUSQUIZ_SEEDS"):
        monkeypatch.delenv(name, raising=False)
    # Belt and braces: even a stray platformdirs call lands in the temporary home.
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    return data


@pytest.fixture
def example_deck() -> Path:
    return DATA / "example-deck.yaml"


@pytest.fixture
def write_deck(tmp_path: Path):
    """Write deck text to a file in a fresh folder and return its path."""

    def write(text: str, name: str = "deck.yaml") -> Path:
        folder = tmp_path / "decks"
        folder.mkdir(exist_ok=True)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


# -- driving the Textual app with Pilot: a temporary decks folder, frozen time ------------

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
def app_factory(decks_dir: Path, clock: Clock, isolated_user_dirs: Path):
    def build(**options) -> CaucasusQuizApp:
        locations = paths.resolve(decks=options.pop("decks", decks_dir), data_dir=isolated_user_dirs)
        options.setdefault("watch_decks", False)
        # A command letter in a session acts at once, not after its wait for a second letter
        # (that wait has its own tests: tests/ui/test_stray_typing.py).
        options.setdefault("letter_hold", 0)
        return make_app(
            locations, options.pop("profile", None), clock=clock, monotonic=clock.monotonic, tz=UTC, **options
        )

    return build
