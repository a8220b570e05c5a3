"""Fixtures for the generator tests: the real seeds, and decks generated from them once."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from caucasusquiz.generator.cards import Draft
    from caucasusquiz.generator.pipeline import Progress
    from caucasusquiz.generator.report import Report
    from caucasusquiz.generator.topics import Topic

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


@pytest.fixture(autouse=True)
def every_report_adds_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every made-up article a generator test builds: read = taught + not taught, each once."""
    from caucasusquiz.generator import pipeline

    real = pipeline._build

    def checked(
        paths: Iterable[Path], progress: Progress | None = None
    ) -> tuple[dict[str, tuple[Topic, list[Draft]]], Report]:
        decks, report = real(paths, progress)
        assert report.taught + len(report.untaught) == report.sentences, report.lines()
        assert sum(report.rejected.values()) == len(report.untaught)
        return decks, report

    monkeypatch.setattr(pipeline, "_build", checked)
