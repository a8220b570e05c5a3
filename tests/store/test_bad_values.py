"""A progress file that passes quick_check but holds values caucasusquiz never writes.

Such a file crashed `study`, `stats` and the app (IndexError on state 57, TypeError on a
stability of 'abc', OperationalError on a card id that is not UTF-8, JSONDecodeError on
broken parameters). It now takes the same path as other damage: a clear message, the
file kept aside, a fresh start.
"""

from __future__ import annotations

import io
import shutil
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from caucasusquiz import paths
from caucasusquiz.cli import main
from caucasusquiz.progress import CardProgress
from caucasusquiz.store.database import ProgressStore, StoreCorrupt

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
GOOD_ROW = "INSERT INTO cards VALUES (1, 'history', 'btc', 2, NULL, 3.5, 5.0, 1, 1, 1, 0, 0, NULL, 0)"

DAMAGE = {
    "state 57": "UPDATE cards SET state = 57",
    "stability 'abc'": "UPDATE cards SET stability = 'abc'",
    "card id not UTF-8": "UPDATE cards SET card_id = CAST(X'62ff74' AS TEXT)",
    "typed answer not UTF-8": "INSERT INTO reviews (profile_id, deck_id, card_id, reviewed_ms, grade, typed, "
    "state_before) VALUES (1, 'history', 'btc', 1, 3, CAST(X'c3' AS TEXT), 0)",
    "grade 9": "INSERT INTO reviews (profile_id, deck_id, card_id, reviewed_ms, grade, state_before) "
    "VALUES (1, 'history', 'btc', 1, 9, 0)",
    "parameters not JSON": "UPDATE profiles SET fsrs_parameters = '[0.4, 1.2,'",
    "parameters not numbers": "UPDATE profiles SET fsrs_parameters = '[\"a\"]'",
    "three parameters": "UPDATE profiles SET fsrs_parameters = '[1, 2, 3]'",
    "parameters out of bounds": "UPDATE profiles SET fsrs_parameters = '[" + ", ".join(["-1"] * 21) + "]'",
}


def damaged(data_dir: Path, statement: str) -> Path:
    path = data_dir / "progress.sqlite3"
    store = ProgressStore.open(path)
    store.profile("default", NOW)
    store.close()
    db = sqlite3.connect(path)
    db.execute(GOOD_ROW)
    db.execute(statement)
    db.commit()
    assert db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    db.close()
    return path


def test_a_healthy_file_with_non_ascii_text_and_fitted_parameters_opens(tmp_path: Path):
    from caucasusquiz.study.scheduler import DEFAULT_PARAMETERS

    path = damaged(tmp_path, "UPDATE cards SET card_id = 'Əliyev-ş'")
    store = ProgressStore.open(path)
    store.set_parameters(store.profile("default", NOW).id, DEFAULT_PARAMETERS)
    store.close()
    ProgressStore.open(path).close()


@pytest.mark.parametrize("statement", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_bad_value_is_damage_found_on_opening(tmp_path: Path, statement: str):
    path = damaged(tmp_path, statement)
    with pytest.raises(StoreCorrupt, match="holds a value caucasusquiz did not write"):
        ProgressStore.open(path)


def checked_log(data_dir: Path, reviews: int = 3) -> Path:
    """A file with a few reviews, opened again so that its log has been checked."""
    path = data_dir / "progress.sqlite3"
    store = ProgressStore.open(path)
    profile = store.profile("default", NOW)
    for n in range(reviews):
        store.record_review(
            profile.id,
            ("history", "btc"),
            None,
            CardProgress(),
            reviewed_ms=n + 1,
            grade=3,
            typed="Bakı",
            verdict="right",
            duration_ms=900,
        )
    store.close()
    ProgressStore.open(path).close()
    return path


def test_opening_remembers_how_far_the_review_log_was_checked(tmp_path: Path):
    # Checking all 200,000 reviews of a long-used file took 0.3 s on every opening;
    # opening now checks only the reviews added since (benchmarks/bench_study.py).
    path = checked_log(tmp_path)
    store = ProgressStore.open(path)
    assert store.meta("reviews_checked_through") == "3"
    store.close()


LATER_DAMAGE = {
    "a checked review's grade set to 9": "UPDATE reviews SET grade = 9 WHERE id = 2",
    "a checked review's answer set to bytes that are not UTF-8": "UPDATE reviews SET typed = "
    "CAST(X'c3' AS TEXT) WHERE id = 1",
    "a review added below the mark": "DELETE FROM reviews WHERE id = 2; INSERT INTO reviews (id, profile_id, "
    "deck_id, card_id, reviewed_ms, grade, state_before) VALUES (2, 1, 'history', 'btc', 1, 9, 0)",
    "a review added after the mark": "INSERT INTO reviews (profile_id, deck_id, card_id, reviewed_ms, grade, "
    "state_before) VALUES (1, 'history', 'btc', 1, 3, 57)",
    "a mark that is not a number": "UPDATE meta SET value = 'x' WHERE key = 'reviews_checked_through'; "
    "UPDATE reviews SET grade = 9 WHERE id = 2",
}


@pytest.mark.parametrize("script", LATER_DAMAGE.values(), ids=LATER_DAMAGE.keys())
def test_a_bad_value_in_the_checked_log_is_still_found(tmp_path: Path, script: str):
    path = checked_log(tmp_path)
    db = sqlite3.connect(path)
    db.executescript(script)
    db.close()
    with pytest.raises(StoreCorrupt, match="holds a value caucasusquiz did not write"):
        ProgressStore.open(path)


def test_a_file_from_before_the_mark_is_checked_whole_when_migrated(tmp_path: Path):
    path = checked_log(tmp_path)
    db = sqlite3.connect(path)
    db.executescript(
        "DROP INDEX reviews_by_origin; ALTER TABLE reviews DROP COLUMN origin; "
        "DROP TRIGGER reviews_changed; DROP TRIGGER reviews_added_below_mark; "
        "DELETE FROM meta WHERE key = 'reviews_checked_through'; UPDATE reviews SET grade = 9 WHERE id = 1; "
        "PRAGMA user_version = 1;"
    )
    db.close()
    with pytest.raises(StoreCorrupt, match="holds a value caucasusquiz did not write"):
        ProgressStore.open(path)


@pytest.fixture
def decks(tmp_path: Path, example_deck: Path) -> Path:
    folder = tmp_path / "decks"
    folder.mkdir()
    shutil.copy(example_deck, folder / "history.yaml")
    return folder


@pytest.mark.parametrize("statement", DAMAGE.values(), ids=DAMAGE.keys())
def test_plain_study_keeps_the_file_aside_and_starts_fresh(
    monkeypatch, capsys, decks, isolated_user_dirs, statement
):
    isolated_user_dirs.mkdir(parents=True, exist_ok=True)
    damaged(isolated_user_dirs, statement)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["study", "--plain", "--decks", str(decks)]) == 0
    err = capsys.readouterr().err
    assert "was damaged" in err and "kept as" in err
    assert len(list(isolated_user_dirs.glob("progress.sqlite3.damaged-*"))) == 1


@pytest.mark.parametrize("statement", DAMAGE.values(), ids=DAMAGE.keys())
def test_stats_reports_the_damage_and_leaves_the_file(
    monkeypatch, capsys, decks, isolated_user_dirs, statement
):
    """`stats` only reads: the repair is the app's, which asks first."""
    isolated_user_dirs.mkdir(parents=True, exist_ok=True)
    damaged(isolated_user_dirs, statement)
    assert main(["stats", "--decks", str(decks)]) == 1
    err = capsys.readouterr().err
    assert "progress file is damaged" in err and "open the app" in err
    assert not list(isolated_user_dirs.glob("progress.sqlite3.damaged-*"))


async def test_the_app_offers_a_fresh_start(decks, isolated_user_dirs):
    from caucasusquiz.ui.app import make_app
    from caucasusquiz.ui.screens.dialogs import ConfirmScreen
    from caucasusquiz.ui.screens.home import HomeScreen

    isolated_user_dirs.mkdir(parents=True, exist_ok=True)
    damaged(isolated_user_dirs, DAMAGE["state 57"])
    app = make_app(
        paths.resolve(decks=decks, data_dir=isolated_user_dirs),
        None,
        watch_decks=False,
        clock=lambda: NOW,
        tz=UTC,
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await app.opened.wait()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("enter")
        assert isinstance(app.screen, HomeScreen)
    assert len(list(isolated_user_dirs.glob("progress.sqlite3.damaged-*"))) == 1
