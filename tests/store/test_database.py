"""The progress store: migrations, round trips, undo, damage and read-only folders, two writers."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest

from caucasusquiz.progress import CardProgress, Memory, State
from caucasusquiz.store.database import ProgressStore, StoreCorrupt, StoreError, StoreReadOnly, move_aside
from caucasusquiz.store.schema import SCHEMA_VERSION

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path):
    opened = ProgressStore.open(tmp_path / "data" / "progress.sqlite3")
    yield opened
    opened.close()


def test_new_database_is_at_the_current_schema_in_wal_mode(store: ProgressStore):
    db = sqlite3.connect(store.path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"profiles", "cards", "reviews", "meta"} <= tables


def test_reopening_does_not_migrate_again(tmp_path: Path):
    path = tmp_path / "p.sqlite3"
    ProgressStore.open(path).close()
    store = ProgressStore.open(path)
    assert store.profile("ana", NOW).name == "ana"
    store.close()


def test_a_newer_schema_is_refused_not_damaged(tmp_path: Path):
    path = tmp_path / "p.sqlite3"
    ProgressStore.open(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer caucasusquiz"):
        ProgressStore.open(path)
    assert path.exists()


def test_profiles_are_created_once_and_remembered(store: ProgressStore):
    first = store.profile("Leyla", NOW)
    assert store.profile("Leyla", NOW) == first
    store.remember_profile("Leyla")
    assert store.last_profile() == "Leyla"
    store.set_parameters(first.id, [0.5] * 21)
    assert store.profile("Leyla", NOW).fsrs_parameters == tuple([0.5] * 21)


def _progress(reps: int = 1) -> CardProgress:
    return CardProgress(Memory(State.REVIEW, None, 3.2, 5.1, 1_800_000_000_000, 1_700_000_000_000, reps, 0))


def test_review_is_logged_with_the_card_state(store: ProgressStore):
    profile = store.profile("p", NOW)
    key = ("history", "wilson-1919")
    review_id = store.record_review(
        profile.id,
        key,
        None,
        _progress(),
        reviewed_ms=1_700_000_000_000,
        grade=3,
        typed="Wilson",
        verdict="almost",
        duration_ms=4200,
    )
    assert store.progress(profile.id, key) == _progress()
    (review,) = store.reviews(profile.id)
    assert (review.id, review.grade, review.typed, review.verdict, review.duration_ms) == (
        review_id,
        3,
        "Wilson",
        "almost",
        4200,
    )
    assert review.state_before == State.NEW and review.elapsed_days is None


def test_undo_restores_the_exact_previous_state_and_removes_the_review(store: ProgressStore):
    profile = store.profile("p", NOW)
    key = ("d", "c")
    store.record_review(
        profile.id,
        key,
        None,
        _progress(1),
        reviewed_ms=1,
        grade=3,
        typed=None,
        verdict="right",
        duration_ms=1,
    )
    second = store.record_review(
        profile.id,
        key,
        _progress(1),
        _progress(2),
        reviewed_ms=2,
        grade=1,
        typed=None,
        verdict="wrong",
        duration_ms=1,
    )
    store.set_progress(profile.id, key, _progress(1), undo_review_id=second)
    assert store.progress(profile.id, key) == _progress(1)
    assert [r.grade for r in store.reviews(profile.id)] == [3]


def test_progress_round_trips_through_json():
    progress = CardProgress(Memory(State.RELEARNING, 0, 1.5, 7.0, 10, 5, 9, 8), True, 123, True)
    assert CardProgress.from_json(progress.to_json()) == progress


def test_cards_that_leave_the_decks_keep_their_history(store: ProgressStore):
    profile = store.profile("p", NOW)
    store.record_review(
        profile.id,
        ("gone", "card"),
        None,
        _progress(),
        reviewed_ms=1,
        grade=3,
        typed=None,
        verdict="right",
        duration_ms=1,
    )
    # Nothing deletes rows for cards that are not in the decks any more.
    assert store.all_progress(profile.id) == {("gone", "card"): _progress()}


def test_a_file_that_is_not_a_database_is_reported_as_damaged(tmp_path: Path):
    path = tmp_path / "progress.sqlite3"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreCorrupt, match="not a readable progress database"):
        ProgressStore.open(path)
    assert path.read_bytes().startswith(b"this is not sqlite")  # nothing was overwritten


def test_a_damaged_page_is_detected(tmp_path: Path):
    path = tmp_path / "progress.sqlite3"
    store = ProgressStore.open(path)
    profile = store.profile("p", NOW)
    for i in range(300):
        store.record_review(
            profile.id,
            ("d", f"c{i}"),
            None,
            _progress(),
            reviewed_ms=i,
            grade=3,
            typed="x" * 200,
            verdict="right",
            duration_ms=1,
        )
    store.close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(3 * page, 3 * page + 1000):  # a page header and its cell pointers
        data[offset] = 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(StoreCorrupt):
        ProgressStore.open(path)


def test_move_aside_keeps_the_damaged_file_and_its_wal(tmp_path: Path):
    path = tmp_path / "progress.sqlite3"
    path.write_bytes(b"garbage")
    (tmp_path / "progress.sqlite3-wal").write_bytes(b"wal")
    kept = move_aside(path, NOW)
    assert not path.exists() and kept.read_bytes() == b"garbage"
    assert kept.name == "progress.sqlite3.damaged-20260301-120000"
    assert (tmp_path / f"{kept.name}-wal").read_bytes() == b"wal"
    path.write_bytes(b"again")
    assert move_aside(path, NOW).name.endswith("-2")


def test_a_data_folder_that_cannot_be_created_gives_a_clear_error(tmp_path: Path):
    # A path under a regular file cannot be a folder, even for root (CI runs as root, so a
    # chmod 0500 folder proved nothing there).
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file")
    with pytest.raises(StoreReadOnly, match="cannot create the data folder") as info:
        ProgressStore.open(blocker / "data" / "progress.sqlite3")
    assert "--data-dir" in (info.value.hint or "")


def test_a_folder_refusing_writes_gives_a_clear_error(tmp_path: Path, monkeypatch):
    # What a read-only folder does to a non-root user, made at the OS boundary.
    def refuse(path, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(os, "mkdir", refuse)
    with pytest.raises(StoreReadOnly, match=r"cannot create the data folder .*Permission denied"):
        ProgressStore.open(tmp_path / "ro" / "sub" / "progress.sqlite3")


def test_read_only_database_file_gives_a_clear_error(tmp_path: Path, monkeypatch):
    path = tmp_path / "progress.sqlite3"
    ProgressStore.open(path).close()
    # Simulate a read-only mount: SQLite opened read-only refuses every write.
    original = sqlite3.connect

    def read_only_connect(database, *args, **kwargs):
        return original(f"file:{database}?mode=ro", *args, uri=True, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", read_only_connect)
    with pytest.raises(StoreError) as info:
        store = ProgressStore.open(path)
        store.profile("new-profile", NOW)
    assert "cannot" in str(info.value) or "read" in str(info.value).lower()
    assert info.value.hint


WRITER = textwrap.dedent("""
    import sys
    from datetime import UTC, datetime
    from pathlib import Path
    from caucasusquiz.progress import CardProgress, Memory, State
    from caucasusquiz.store.database import ProgressStore

    store = ProgressStore.open(Path(sys.argv[1]))
    profile = store.profile("shared", datetime(2026, 3, 1, tzinfo=UTC))
    name = sys.argv[2]
    for i in range(int(sys.argv[3])):
        key = ("deck", f"{name}-{i % 25}")
        before = store.progress(profile.id, key)
        reps = (before.memory.reps if before else 0) + 1
        after = CardProgress(Memory(State.REVIEW, None, 1.0, 5.0, i, i, reps, 0))
        store.record_review(profile.id, key, before, after, reviewed_ms=i, grade=3, typed=name,
                            verdict="right", duration_ms=1)
    store.close()
""")


def test_two_processes_writing_one_profile_corrupt_nothing(tmp_path: Path):
    path = tmp_path / "progress.sqlite3"
    ProgressStore.open(path).close()
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    per_process = 150
    procs = [
        subprocess.Popen([sys.executable, str(script), str(path), name, str(per_process)])
        for name in ("alpha", "beta")
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    store = ProgressStore.open(path)
    profile = store.profile("shared", NOW)
    reviews = store.reviews(profile.id)
    assert len(reviews) == 2 * per_process
    assert store.integrity_ok()
    progress = store.all_progress(profile.id)
    assert sum(p.memory.reps for p in progress.values()) == 2 * per_process
    store.close()


def test_the_write_ahead_log_stays_small(tmp_path: Path):
    """A 1 MB USB stick filled with the log after 41 answers: it is checkpointed and cut back."""
    path = tmp_path / "progress.sqlite3"
    store = ProgressStore.open(path)
    profile = store.profile("p", NOW)
    wal = path.with_name(path.name + "-wal")
    largest = 0
    for i in range(400):
        store.record_review(
            profile.id,
            ("deck", f"card-{i}"),
            None,
            CardProgress(Memory(State.REVIEW, None, 3.0, 5.0, i + 86_400_000, i, 1, 0)),
            reviewed_ms=i,
            grade=3,
            typed="an answer typed by the learner",
            verdict="right",
            duration_ms=1000,
        )
        largest = max(largest, wal.stat().st_size)
    assert largest < 400 * 1024
    store.close()
    assert not wal.exists() or wal.stat().st_size == 0


def test_a_progress_file_that_is_a_fifo_is_damage_not_a_hang(tmp_path: Path):
    code = textwrap.dedent("""
        import os, sys
        from datetime import UTC, datetime
        from pathlib import Path
        from caucasusquiz.workspace import open_store
        from caucasusquiz import paths
        data = Path(sys.argv[1])
        os.mkfifo(data / "progress.sqlite3")
        store, notice = open_store(paths.resolve(data_dir=data), datetime(2026, 3, 1, tzinfo=UTC))
        store.close()
        print(notice)
    """)
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "kept as" in result.stdout
    assert len(list(tmp_path.glob("progress.sqlite3.damaged-*"))) == 1


def test_an_answer_from_elsewhere_is_stored_once_per_origin_even_from_an_older_file(tmp_path: Path):
    from caucasusquiz.store.schema import MIGRATIONS
    from caucasusquiz.store.sqlite import migrate

    path = tmp_path / "p.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("BEGIN")
    migrate(db, MIGRATIONS[:2])  # a file written before reviews named their origin
    db.execute("COMMIT")
    db.close()
    store = ProgressStore.open(path)
    profile = store.profile("Leyla", NOW)
    after = CardProgress(Memory(State.LEARNING, 0, 1.0, 5.0, 1, 1, 1, 0))

    def record(origin: str):
        return store.record_answer_once(
            profile.id,
            ("d", "c"),
            origin,
            lambda before: after,
            reviewed_ms=1,
            grade=3,
            typed="x",
            verdict="right",
            duration_ms=None,
        )

    assert record("class:A:1:0") is not None
    assert record("class:A:1:0") is None
    assert record("class:A:1:1") is not None
    assert len(store.reviews(profile.id)) == 2
    store.close()
    ProgressStore.open(path).close()  # the new column passes the checks made on opening
