"""Two sessions on one profile (two tabs, two terminals): each answer builds on the other's.

A session loads the profile's progress when it starts. Scheduling an answer from that
snapshot and writing the result over the stored row lost every answer given meanwhile in
another session: `reps` fell behind the review log and reviews were logged as of new cards.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

from caucasusquiz.decks.collection import load_collection
from caucasusquiz.progress import State
from caucasusquiz.settings import Settings
from caucasusquiz.store.database import ProgressStore
from caucasusquiz.study.rating import Rating
from caucasusquiz.study.session import StudySession

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
SETTINGS = Settings(fuzz=False, new_per_day=9999, reviews_per_day=99999)


def _deck(folder: Path, cards: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    body = "".join(
        f"  - id: c{i}\n    type: qa\n    question: What is number {i}?\n    answer: Answer {i}\n"
        for i in range(cards)
    )
    path = folder / "shared.yaml"
    path.write_text(f"title: Shared\ncards:\n{body}", encoding="utf-8")
    return path


def _session(database: Path, deck: Path, now: datetime) -> StudySession:
    store = ProgressStore.open(database)
    profile = store.profile("student", now)
    return StudySession(
        store, profile, load_collection([deck]), SETTINGS, clock=lambda: now, monotonic=lambda: 0.0, tz=UTC
    )


def _per_card(database: Path) -> dict[tuple[str, str], tuple[int, list[int]]]:
    """Each card's stored reps and the state_before of its reviews, in the order stored."""
    store = ProgressStore.open(database)
    try:
        profile = store.profile("student", START)
        stored = store.all_progress(profile.id)
        result: dict[tuple[str, str], tuple[int, list[int]]] = {}
        for review in sorted(store.reviews(profile.id), key=lambda r: r.id):
            key = (review.deck_id, review.card_id)
            reps = stored[key].memory.reps
            result.setdefault(key, (reps, []))[1].append(review.state_before)
        return result
    finally:
        store.close()


def test_an_answer_in_one_session_is_built_on_by_the_other(tmp_path: Path):
    database, deck = tmp_path / "progress.sqlite3", _deck(tmp_path / "decks", 1)
    first, second = _session(database, deck, START), _session(database, deck, START + timedelta(minutes=1))
    assert first.next_card() is not None and second.next_card() is not None  # both show the new card

    first.submit("Answer 0")
    first.rate(Rating.GOOD)
    second.submit("Answer 0")
    outcome = second.rate(Rating.GOOD)

    assert outcome.progress.memory.reps == 2
    assert outcome.progress.memory.state is not State.NEW
    ((reps, states_before),) = _per_card(database).values()
    assert reps == 2
    assert states_before[0] == State.NEW and states_before[1] != State.NEW


WORKER = textwrap.dedent("""
    import sys
    from datetime import UTC, datetime, timedelta
    from pathlib import Path

    from caucasusquiz.decks.collection import load_collection
    from caucasusquiz.settings import Settings
    from caucasusquiz.store.database import ProgressStore
    from caucasusquiz.study.rating import Rating
    from caucasusquiz.study.session import StudySession

    database, deck, rounds = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    settings = Settings(fuzz=False, new_per_day=9999, reviews_per_day=99999)
    store = ProgressStore.open(database)
    collection = load_collection([deck])
    for day in range(rounds):
        now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC) + timedelta(days=30 * day)
        profile = store.profile("student", now)
        session = StudySession(store, profile, collection, settings, clock=lambda: now,
                               monotonic=lambda: 0.0, tz=UTC)
        while (card := session.next_card()) is not None:
            session.submit(card.answer)
            session.rate(Rating.GOOD)
    store.close()
""")


def test_several_processes_on_one_profile_keep_reps_equal_to_the_review_log(tmp_path: Path):
    database, deck = tmp_path / "progress.sqlite3", _deck(tmp_path / "decks", 30)
    ProgressStore.open(database).close()
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(database), str(deck), "3"], stderr=subprocess.PIPE
        )
        for _ in range(4)
    ]
    for worker in workers:
        _, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err.decode()

    cards = _per_card(database)
    assert len(cards) == 30
    for key, (reps, states_before) in cards.items():
        assert reps == len(states_before), key
        assert states_before[0] == State.NEW, key
        assert State.NEW not in states_before[1:], key


CLASS_WORKER = textwrap.dedent("""
    import sys
    from datetime import UTC, datetime, timedelta
    from pathlib import Path

    from caucasusquiz.classroom.questions import build_questions
    from caucasusquiz.classroom.reviews import record_class_reviews
    from caucasusquiz.classroom.session import ClassSession
    from caucasusquiz.classroom.storage import ClassDatabase
    from caucasusquiz.decks.collection import load_collection
    from caucasusquiz.settings import Settings
    from caucasusquiz.store.database import ProgressStore

    folder, deck, rounds = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    settings = Settings(fuzz=False)
    store = ProgressStore.open(folder / "progress.sqlite3")
    classes = ClassDatabase.open(folder)
    cards = list(load_collection([deck]).cards)
    for day in range(rounds):
        now = datetime(2026, 3, 2, 10, 0, tzinfo=UTC) + timedelta(days=30 * day)
        session = ClassSession.create(
            classes, build_questions(cards, len(cards), {}, f"day {day}"), title="t", seconds=20,
            clock=lambda: now, count_as_review=True,
        )
        student = session.join("student")
        for _ in cards:
            session.next()
            session.answer(student, session.view().question.answer)
            session.next()
            session.next()
        session.end()
        assert record_class_reviews(session, store, settings, now) == len(cards)
    classes.close()
    store.close()
""")


def test_class_answers_counted_as_reviews_build_on_study_in_other_processes(tmp_path: Path):
    # `class host --count-as-review` stores each answer as a review of the student's profile,
    # while the student may be studying the same cards elsewhere.
    database, deck = tmp_path / "progress.sqlite3", _deck(tmp_path / "decks", 30)
    store = ProgressStore.open(database)
    store.profile("student", START)
    store.close()
    # Three hosts and a student, 20 days each: before class reviews were scheduled inside the
    # write lock, a few of the 30 cards lost a review in almost every run (rarely none).
    workers = [
        subprocess.Popen([sys.executable, "-c", code, str(path), str(deck), "20"], stderr=subprocess.PIPE)
        for code, path in [(WORKER, database)] + [(CLASS_WORKER, tmp_path)] * 3
    ]
    for worker in workers:
        _, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err.decode()

    cards = _per_card(database)
    assert len(cards) == 30
    for key, (reps, states_before) in cards.items():
        assert reps == len(states_before), key
        assert states_before[0] == State.NEW, key
        assert State.NEW not in states_before[1:], key
