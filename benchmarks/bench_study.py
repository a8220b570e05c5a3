"""The study engine under load: answer commit latency, queue building, memory.

Baselines, measured in the same run:
- commit: a bare SQLite INSERT + COMMIT with the same durability settings (WAL,
  synchronous=FULL), i.e. the price of "on disk before the next card";
- queue: walking the same cards and looking each one up in the progress dict,
  the least any queue builder must do.
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


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bench_commit(folder, write_big_deck(folder / "commit.yaml", 1000))
        for cards in (10_000, 100_000):
            bench_queue(folder, cards)
    return 0


if __name__ == "__main__":
    sys.exit(main())
