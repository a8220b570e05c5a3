"""A studied card whose `- id:` line was deleted gets its old id back from `check --fix`:
its progress, stored under that id, is the card's again (new-user trial 8, finding 1)."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from caucasusquiz import paths
from caucasusquiz.cli import main
from caucasusquiz.progress import CardProgress, Memory, State
from caucasusquiz.store.database import ProgressStore
from caucasusquiz.workspace import load_decks

FROZEN = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _study(data: Path, deck: str, card: str) -> None:
    store = ProgressStore.open(data / "progress.sqlite3")
    profile = store.profile("Aysel", FROZEN)
    store.record_review(
        profile.id,
        (deck, card),
        None,
        CardProgress(
            Memory(State.REVIEW, None, 3.0, 5.0, due_ms=2_000_000_000_000, last_review_ms=1, reps=1)
        ),
        reviewed_ms=1,
        grade=3,
        typed="Section 907",
        verdict="right",
        duration_ms=5,
    )
    store.close()


def _seen(capsys: pytest.CaptureFixture[str], folder: Path) -> str:
    assert main(["--decks", str(folder), "stats", "--profile", "Aysel"]) == 0
    return next(line for line in capsys.readouterr().out.splitlines() if line.startswith("Cards:"))


def test_a_studied_card_that_lost_its_id_line_gets_its_id_and_progress_back(
    tmp_path, example_deck, isolated_user_dirs, capsys
):
    folder = tmp_path / "decks"
    folder.mkdir()
    deck = folder / "history.yaml"
    shutil.copy(example_deck, deck)
    locations = paths.resolve(decks=folder, data_dir=isolated_user_dirs)
    load_decks(locations)  # the app reads the deck (and its cache keeps this good reading)
    _study(isolated_user_dirs, "history", "sec907")
    before = _seen(capsys, folder)
    assert before.startswith("Cards: 1 of")

    # The hurried teacher deletes the id line, then follows check's hint for the merged card.
    text = deck.read_text(encoding="utf-8")
    deck.write_text(text.replace("  - id: sec907\n    type: qa\n", "  - type: qa\n"), encoding="utf-8")
    load_decks(locations)  # the app reloads the broken file: the cache must not forget the id
    assert main(["--decks", str(folder), "check", "--fix"]) == 0
    out = capsys.readouterr().out
    assert "gave back id 'sec907'" in out and "progress is kept" in out

    assert "  - id: sec907\n    type: qa\n" in deck.read_text(encoding="utf-8")
    assert deck.read_text(encoding="utf-8") == text
    assert _seen(capsys, folder) == before


def test_the_generator_record_gives_back_the_id_by_source_line(write_deck, capsys):
    deck = write_deck(
        "title: T\ncards:\n"
        "  - type: qa\n    question: Reworded by hand?\n    answer: Yes\n    source: 'a.txt:7'\n"
        "  - type: qa\n    question: Brand new?\n    answer: Yes\n"
    )
    (deck.parent / ".generated.json").write_text(
        '{"decks": {"deck": {"cards": {"old-id-1234": {"fingerprint": "x", "source": "a.txt:7"}}}}}',
        encoding="utf-8",
    )
    assert main(["check", "--fix", str(deck)]) == 0
    out = capsys.readouterr().out
    assert "gave back id 'old-id-1234'" in out
    assert out.count("fixed: added id") == 1  # the truly new card gets a new id
