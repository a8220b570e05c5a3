"""The study engine under load: answer commit latency, queue building, memory.

Baselines, measured in the same run:
- commit: a bare SQLite INSERT + COMMIT with the same durability settings (WAL,
  synchronous=FULL), i.e. the price of "on disk before the next card";
- queue: walking the same cards and looking each one up in the progress dict,
  the least any queue builder must do;
- opening a progress file with 200,000 reviews: a bare sqlite3 connect and the
  `PRAGMA quick_check(1)` every opening runs, the least a damage-checking open must do.
Run with `make bench` or `python benchmarks/bench_study.py`.
"""

from __future__ import annotations

import gc
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import median_seconds, report, write_big_deck
from caucasusquiz.decks.collection import load_collection
from caucasusquiz.progress import CardProgress, Memory, State
from caucasusquiz.settings import Settings
from caucasusquiz.store.database import ProgressStore
from caucasusquiz.study.rating import Rating
from caucasusquiz.study.session import StudySession

NOW = datetime(2026, 3, 2, 9, tzinfo=UTC)
ANSWERS = 300


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def bench_commit(folder: Path, deck: Path) -> None:
    print(f"answer commit ({ANSWERS} answers, WAL + synchronous=FULL)")
    raw = sqlite3.connect(folder / "raw.sqlite3", isolation_level=None)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=FULL")
    raw.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b INTEGER)")
    bare = []
    for i in range(ANSWERS):
        started = time.perf_counter()
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("INSERT INTO t (a, b) VALUES (?, ?)", ("x" * 40, i))
        raw.execute("COMMIT")
        bare.append(time.perf_counter() - started)
    raw.close()

    store = ProgressStore.open(folder / "progress.sqlite3")
    collection = load_collection([deck])
    profile = store.profile("bench", NOW)
    clock = [NOW]
    session = StudySession(
        store, profile, collection, Settings(new_per_day=ANSWERS + 10), clock=lambda: clock[0]
    )
    ours = []
    for _ in range(ANSWERS):
        card = session.next_card()
        session.submit(card.answer if card.is_typed else "1")
        started = time.perf_counter()
        session.rate(Rating.GOOD)
        ours.append(time.perf_counter() - started)
        clock[0] += timedelta(seconds=5)
    store.close()
    base50 = statistics.median(bare)
    report("bare INSERT + COMMIT p50 (baseline)", base50)
    report("bare INSERT + COMMIT p99", percentile(bare, 0.99), base50, "baseline p50")
    report("session.rate() p50: schedule + log + state", statistics.median(ours), base50, "baseline p50")
    report("session.rate() p99", percentile(ours, 0.99), base50, "baseline p50")


def seeded_store(folder: Path, collection, reviewed_share: float) -> tuple[ProgressStore, object]:
    store = ProgressStore.open(folder / f"queue-{len(collection)}.sqlite3")
    profile = store.profile("bench", NOW)
    now_ms = int(NOW.timestamp() * 1000)
    rows = []
    for i, card in enumerate(collection.cards):
        if i % int(1 / reviewed_share) == 0:
            due = now_ms + (i % 40 - 20) * 86_400_000
            rows.append(
                (
                    card.key,
                    CardProgress(
                        Memory(State.REVIEW, None, 5.0 + i % 30, 5.0, due, due - 10 * 86_400_000, 4, i % 3)
                    ),
                )
            )
    db = store._db  # bulk seeding for the benchmark only
    db.execute("BEGIN")
    for key, progress in rows:
        store._put(db, profile.id, key, progress)
    db.execute("COMMIT")
    return store, profile


def bench_queue(folder: Path, cards: int) -> None:
    decks = [write_big_deck(folder / f"q{cards}-{i}.yaml", cards // 10, i) for i in range(10)]
    collection = load_collection(decks)
    store, profile = seeded_store(folder, collection, 0.5)
    progress = store.all_progress(profile.id)
    every_card = list(collection.cards)

    def walk() -> int:
        return sum(1 for card in every_card if progress.get(card.key) is None)

    def build() -> StudySession:
        return StudySession(store, profile, collection, Settings(), clock=lambda: NOW)

    baseline = median_seconds(walk)
    print(f"queue build: {cards:,} cards, half of them seen")
    report("walk cards + progress lookup (baseline)", baseline)
    report(
        "StudySession(): read progress + build queue", median_seconds(build, repeat=3), baseline, "baseline"
    )

    gc.collect()
    tracemalloc.start()
    session = build()
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"  memory of a session over {cards:,} cards: {current / 1e6:.1f} MB held, {peak / 1e6:.1f} MB peak "
        f"({current / cards:.0f} bytes per card)"
    )
    del session
    store.close()


def seeded_log(path: Path, reviews: int) -> None:
    """A long-used progress file: `reviews` reviews of 1,500 cards, some typed in Azerbaijani."""
    store = ProgressStore.open(path)
    profile = store.profile("bench", NOW)
    db = store._db  # bulk seeding for the benchmark only
    db.execute("BEGIN")
    db.executemany(
        "INSERT INTO reviews (profile_id, deck_id, card_id, reviewed_ms, grade, typed, verdict, duration_ms, "
        "state_before, elapsed_days, interval_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (
                profile.id,
                f"deck-{i % 10}",
                f"card-{i % 1500}",
                1_700_000_000_000 + i * 60_000,
                1 + i % 4,
                "Heydər Əliyev" if i % 7 == 0 else "secular democracy",
                "right",
                4000,
                i % 4,
                1.5,
                3.2,
            )
            for i in range(reviews)
        ),
    )
    db.execute(
        "INSERT INTO cards SELECT profile_id, deck_id, card_id, 2, NULL, 5.0, 5.0, max(reviewed_ms), "
        "max(reviewed_ms), count(*), 0, 0, NULL, 0 FROM reviews GROUP BY deck_id, card_id"
    )
    db.execute("COMMIT")
    store.close()


def bench_open(folder: Path, reviews: int) -> None:
    path = folder / "long-used.sqlite3"
    seeded_log(path, reviews)

    def bare() -> None:
        db = sqlite3.connect(path)
        db.execute("PRAGMA quick_check(1)").fetchone()
        db.close()

    def whole_log() -> None:  # what every opening did before the checked mark
        db = sqlite3.connect(path)
        db.execute("DELETE FROM meta WHERE key = 'reviews_checked_through'")
        db.commit()
        db.close()
        ProgressStore.open(path).close()

    def opening() -> None:
        ProgressStore.open(path).close()

    baseline = median_seconds(bare, repeat=7)
    print(f"opening progress.sqlite3 with {reviews:,} reviews")
    report("connect + quick_check(1) (baseline)", baseline)
    report(
        "ProgressStore.open(), log already checked", median_seconds(opening, repeat=7), baseline, "baseline"
    )
    report(
        "… checking the whole log (first opening)", median_seconds(whole_log, repeat=7), baseline, "baseline"
    )


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bench_commit(folder, write_big_deck(folder / "commit.yaml", 1000))
        bench_open(folder, 200_000)
        for cards in (10_000, 100_000):
            bench_queue(folder, cards)
    return 0


if __name__ == "__main__":
    sys.exit(main())
