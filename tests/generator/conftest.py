"""Fixtures for the generator tests: the real seeds, and decks generated from them once."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def generated_decks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five seeds generated into a fresh folder (never the project's decks/)."""
    from caucasusquiz.generator.pipeline import generate

    out = tmp_path_factory.mktemp("generated") / "decks"
    generate([SEEDS], out)
    return out
