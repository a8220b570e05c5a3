"""`stats`, `export` and `optimize` as a user runs them, on a real store."""

from __future__ import annotations

import csv
import io
import json
import random
import re
import shutil
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from caucasusquiz.cli import main
from caucasusquiz.progress import CardProgress, Memory, State
from caucasusquiz.store.database import ProgressStore
from caucasusquiz.study.optimize import MIN_REVIEWS


@pytest.fixture
def decks(tmp_path: Path, example_deck: Path) -> Path:
    folder = tmp_path / "decks"
    folder.mkdir()
    shutil.copy(example_deck, folder / "history.yaml")
    return folder


def study_two_cards(monkeypatch, capsys, decks: Path) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Woodrow Wilson\n3\nnope\n1\n"))
    assert main(["study", "--plain", "--decks", str(decks)]) == 0
    capsys.readouterr()


def test_stats_json_has_the_documented_fields(monkeypatch, capsys, decks):
    study_two_cards(monkeypatch, capsys, decks)
    assert main(["stats", "--json", "--decks", str(decks)]) == 0
    data = json.loads(capsys.readouterr().out)
    for field in (
        "profile",
        "reviews_total",
        "reviews_today",
        "cards_total",
        "cards_seen",
        "due_now",
        "retention",
        "decks",
        "forecast",
    ):
        assert field in data
    assert (data["profile"], data["reviews_total"], data["reviews_today"]) == ("default", 2, 2)
    assert (data["cards_total"], data["cards_seen"]) == (5, 2)
    assert data["retention"] is None  # no review of a card a day or more old yet
    deck = data["decks"][0]
    assert (deck["deck"], deck["cards"], deck["seen"]) == ("history", 5, 2)
    # Both cards come back in minutes: due today, not due yet.
    assert (deck["due"], deck["due_now"]) == (2, 0)
    assert (data["due_today"], data["due_now"]) == (2, 0)
    assert len(data["forecast"]) == 30 and sum(day["due"] for day in data["forecast"]) == 2


def test_stats_text_for_people(monkeypatch, capsys, decks):
    study_two_cards(monkeypatch, capsys, decks)
    assert main(["stats", "--decks", str(decks)]) == 0
    out = capsys.readouterr().out
    assert "Profile: default" in out and "Reviews: 2 in all, 2 today" in out
    assert "Cards: 2 of 5 seen" in out and "Due in the next 30 days:" in out


def test_stats_text_per_deck_due_adds_up_to_due_today(monkeypatch, capsys, decks):
    # The deck table once said Due 0 beside "2 due today": it counted due now, the total
    # counted due before the day ends. Both count by the queue's rule now.
    study_two_cards(monkeypatch, capsys, decks)
    assert main(["stats", "--decks", str(decks)]) == 0
    out = capsys.readouterr().out
    assert "0 due now, 2 due today" in out
    header = next(line for line in out.splitlines() if line.startswith("Deck"))
    row = next(line for line in out.splitlines() if line.startswith("Azerbaijan"))
    # The column says which of the two it counts, and its number stands under its label.
    column = header.index("Due today")
    assert row[column : column + len("Due today")].strip() == "2"
    assert row[column + len("Due today") - 1] == "2"  # right-aligned under it
    assert re.search(r"today\s+#+ 2$", out, re.MULTILINE)  # the forecast's first day agrees


def test_stats_mastery_column_draws_its_whole_bar(monkeypatch, capsys, decks):
    # A deck at 0% showed a blank column and "0%": a bar of spaces looked like a missing one.
    study_two_cards(monkeypatch, capsys, decks)
    assert main(["stats", "--decks", str(decks)]) == 0
    out = capsys.readouterr().out
    header = next(line for line in out.splitlines() if line.startswith("Deck"))
    row = next(line for line in out.splitlines() if line.startswith("Azerbaijan"))
    mastery = row[header.index("Mastery") :]
    assert re.fullmatch(r"#*\.* +\d+%", mastery), mastery
    assert len(mastery.split()[0]) == 10  # the full width of the bar, empty part included


def test_true_retention_counts_reviews_a_day_or_more_apart(isolated_user_dirs):
    store = ProgressStore.open(isolated_user_dirs / "progress.sqlite3")
    profile = store.profile("p", datetime(2026, 1, 1, tzinfo=UTC))
    day = 86_400_000
    review = CardProgress(Memory(State.REVIEW, None, 5.0, 5.0, 10 * day, 0, 2, 0))
    for i, grade in enumerate((3, 3, 1, 3)):
        store.record_review(
            profile.id,
            ("d", f"c{i}"),
            review,
            review,
            reviewed_ms=2 * day,
            grade=grade,
            typed=None,
            verdict=None,
            duration_ms=None,
        )
    learning = CardProgress(Memory(State.LEARNING, 0, 1.0, 5.0, day, day, 1, 0))
    store.record_review(
        profile.id,
        ("d", "x"),
        learning,
        learning,
        reviewed_ms=day + 60_000,
        grade=1,
        typed=None,
        verdict=None,
        duration_ms=None,
    )
    assert store.true_retention(profile.id) == (4, 3)
    store.close()


def test_export_cards_as_anki_tsv_and_json(capsys, decks, tmp_path):
    assert main(["export", "cards", "--decks", str(decks)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("#separator:tab\n#html:false\n")
    rows = [r for r in csv.reader(io.StringIO(out), delimiter="\t") if r and not r[0].startswith("#")]
    assert (
        len(rows) == 5
        and rows[0][1].startswith("Woodrow Wilson")
        and rows[0][2] == "history history diplomacy"
    )
    target = tmp_path / "cards.json"
    assert main(["export", "cards", "--format", "json", "-o", str(target), "--decks", str(decks)]) == 0
    cards = [card for deck in json.loads(target.read_text())["decks"] for card in deck["cards"]]
    assert {c["id"] for c in cards} == {"wilson-1919", "sec907", "btc", "embassy", "embassy-date"}


def test_export_progress_round_trips_the_review_log(monkeypatch, capsys, decks):
    study_two_cards(monkeypatch, capsys, decks)
    assert main(["export", "progress", "--decks", str(decks)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["grade"] for r in data["reviews"]] == [3, 1]
    assert {c["card"] for c in data["cards"]} == {"wilson-1919", "sec907"}
    assert main(["export", "progress", "--format", "csv", "--decks", str(decks)]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("id,deck_id,card_id,reviewed_ms,grade")


def test_optimize_needs_enough_reviews(capsys, decks):
    assert main(["optimize", "--decks", str(decks)]) == 1
    err = capsys.readouterr().err
    assert f"needs at least {MIN_REVIEWS} reviews" in err and "Traceback" not in err


def simulate_history(store: ProgressStore, profile_id: int, cards: int = 150, days: int = 120) -> None:
    """A learner whose memory decays faster than FSRS's defaults expect."""
    rng = random.Random(7)
    start = datetime(2025, 1, 1, 9, tzinfo=UTC)
    for c in range(cards):
        when, stability = start + timedelta(days=c % 20), 0.6
        previous = None
        while when < start + timedelta(days=days):
            elapsed = 0 if previous is None else (when - previous).days
            recalled = previous is None or rng.random() < 0.9 ** (elapsed / stability)
            grade = 3 if recalled else 1
            stability = stability * 2.2 if recalled else max(0.4, stability * 0.4)
            memory = CardProgress(Memory(State.REVIEW, None, stability, 5.0, 0, 0, 1, 0))
            store.record_review(
                profile_id,
                ("history", f"c{c}"),
                memory,
                memory,
                reviewed_ms=int(when.timestamp() * 1000),
                grade=grade,
                typed=None,
                verdict=None,
                duration_ms=None,
            )
            previous = when
            when = when + timedelta(days=max(1, round(stability)))


def test_optimize_fits_reports_and_saves_parameters(capsys, decks, isolated_user_dirs):
    store = ProgressStore.open(isolated_user_dirs / "progress.sqlite3")
    profile = store.profile("default", datetime(2026, 1, 1, tzinfo=UTC))
    simulate_history(store, profile.id)
    assert store.review_count(profile.id) >= MIN_REVIEWS
    store.close()
    assert main(["optimize", "--dry-run", "--decks", str(decks)]) == 0
    out = capsys.readouterr().out
    # This learner forgets faster than FSRS's defaults expect, so fitting must help.
    before, after = map(float, re.search(r"log loss\s+([\d.]+) → ([\d.]+)", out).groups())
    assert after < before and "RMSE" in out and "held-out" in out
    assert "Dry run: parameters not saved." in out

    def saved_parameters():
        store = ProgressStore.open(isolated_user_dirs / "progress.sqlite3")
        try:
            return store.profile("default", datetime(2026, 1, 1, tzinfo=UTC)).fsrs_parameters
        finally:
            store.close()

    assert saved_parameters() is None
    assert main(["optimize", "--decks", str(decks)]) == 0
    assert "Saved" in capsys.readouterr().out
    assert len(saved_parameters()) == 21


def test_a_damaged_progress_file_is_moved_aside_in_line_mode(monkeypatch, capsys, decks, isolated_user_dirs):
    isolated_user_dirs.mkdir(parents=True, exist_ok=True)
    (isolated_user_dirs / "progress.sqlite3").write_bytes(b"garbage" * 500)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["study", "--plain", "--decks", str(decks)]) == 0
    err = capsys.readouterr().err
    assert "was damaged" in err and "kept as" in err
    kept = list(isolated_user_dirs.glob("progress.sqlite3.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"garbage")


def test_bad_settings_file_names_file_and_line(capsys, decks, isolated_user_dirs):
    isolated_user_dirs.mkdir(parents=True, exist_ok=True)
    (isolated_user_dirs / "settings.toml").write_text("[study]\nnew_per_dya = 3\n")
    assert main(["stats", "--decks", str(decks)]) == 1
    err = capsys.readouterr().err
    assert "settings.toml:2: unknown setting `new_per_dya`" in err and "Traceback" not in err


def test_a_bare_export_names_what_can_be_exported(capsys):
    assert main(["export"]) == 2
    err = capsys.readouterr().err
    assert "say what to export: cards or progress" in err and "export cards" in err
    assert "required" not in err


def test_stats_with_new_cards_waiting_says_so_not_only_nothing_due(monkeypatch, capsys, decks):
    # newuser3 #11: a fresh profile's stats ended "Nothing due in the next 30 days." alone.
    monkeypatch.setattr(sys, "stdin", io.StringIO(":q\n"))
    assert main(["study", "--plain", "--decks", str(decks), "--new-profile", "Leyla"]) == 0
    capsys.readouterr()
    assert main(["stats", "--decks", str(decks)]) == 0
    last = capsys.readouterr().out.rstrip().splitlines()[-1]
    assert last == "Nothing due in the next 30 days; 5 new cards waiting today (caucasusquiz study)."


def test_stats_before_anyone_studied_still_counts_the_new_cards(capsys, decks, isolated_user_dirs):
    assert main(["stats", "--decks", str(decks)]) == 0
    assert "5 new cards waiting today" in capsys.readouterr().out
    assert not (isolated_user_dirs / "progress.sqlite3").exists()
