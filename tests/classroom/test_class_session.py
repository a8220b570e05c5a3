"""The class quiz's state machine, scoring and question choice, on a frozen clock (no UI)."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from caucasusquiz import paths
from caucasusquiz.classroom.questions import build_questions, pick_cards
from caucasusquiz.classroom.session import ClassSession, Phase, points_for
from caucasusquiz.classroom.storage import FILE_NAME, SCHEMA_VERSION, ClassDatabase, forget_student
from caucasusquiz.errors import UserError
from caucasusquiz.workspace import load_decks


@pytest.fixture
def cards(decks_dir: Path):
    return list(load_decks(paths.resolve(decks=decks_dir)).cards)


@pytest.fixture
def database(isolated_user_dirs: Path):
    opened = ClassDatabase.open(isolated_user_dirs)
    yield opened
    opened.close()


@pytest.fixture
def host(database, cards, clock) -> ClassSession:
    questions = build_questions(cards, 3, {}, seed="test")
    return ClassSession.create(database, questions, title="History", seconds=20, clock=clock)


def later(clock, seconds: float) -> None:
    clock.now += timedelta(seconds=seconds)


def test_the_class_file_is_separate_and_versioned(database, isolated_user_dirs):
    assert (isolated_user_dirs / FILE_NAME).exists()
    db = sqlite3.connect(isolated_user_dirs / FILE_NAME)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()
    assert not (isolated_user_dirs / "progress.sqlite3").exists()


def test_points_reward_right_and_fast():
    assert points_for("right", 0, 20_000) == 1000
    assert points_for("right", 20_000, 20_000) == 500
    assert points_for("right", 10_000, 20_000) == 750
    assert points_for("almost", 0, 20_000) == 500
    assert points_for("wrong", 0, 20_000) == 0


def test_balanced_pick_prefers_choice_and_true_false_without_history(cards):
    picked = pick_cards(cards, 2, {}, seed="s")
    assert {card.type.value for card in picked} == {"choice", "truefalse"}
    assert len(pick_cards(cards, 50, {}, seed="s")) == len(cards)  # never more than there are


def test_with_history_the_cards_the_class_gets_wrong_come_first(cards):
    results = {("history", "sec907"): (10, 7), ("history", "embassy"): (10, 1), ("history", "btc"): (1, 1)}
    picked = pick_cards(cards, 3, results, seed="s")
    assert [card.id for card in picked[:2]] == ["sec907", "embassy"]  # btc: too few reviews to say


def test_a_whole_round_join_answer_reveal_scoreboard(database, host, clock):
    student = ClassSession.find(database, host.code, clock)
    leyla, tural = student.join("Leyla"), student.join("Tural")
    assert host.view().students == ("Leyla", "Tural") and host.phase is Phase.LOBBY

    assert host.next() is Phase.QUESTION
    question = host.view().question
    assert question is not None
    right = question.answer if question.is_typed else str(question.right_option + 1)
    wrong = (
        "nonsense answer"
        if question.is_typed
        else str((question.right_option + 1) % len(question.options) + 1)
    )

    later(clock, 4)
    assert student.answer(leyla, right) is True
    assert student.answer(leyla, wrong) is False  # the first answer counts
    view = student.view(leyla)
    assert view.answered == 1 and view.mine.typed == right and view.mine.verdict is None  # hidden for now
    assert host.tick() is Phase.QUESTION  # Tural has not answered, time is not up
    later(clock, 6)
    assert student.answer(tural, wrong) is True
    assert host.tick() is Phase.REVEAL  # everyone answered

    view = host.view()
    assert view.tally.right == 1 and view.tally.wrong == 1 and view.tally.unanswered == 0
    if not question.is_typed:
        assert view.tally.per_option[question.right_option] == 1 and sum(view.tally.per_option) == 2
    assert [(s.name, s.score, s.rank) for s in view.standings] == [("Leyla", 900, 1), ("Tural", 0, 2)]
    mine = student.view(tural).mine
    assert (mine.verdict, mine.points, mine.rank) == ("wrong", 0, 2)

    assert host.next() is Phase.SCOREBOARD
    assert host.next() is Phase.QUESTION and host.view().question.position == 1


def test_time_up_reveals_and_late_answers_do_not_count(database, host, clock):
    student = ClassSession.find(database, host.code, clock)
    leyla = student.join("Leyla")
    host.next()
    later(clock, 19.9)
    assert host.view().seconds_left == pytest.approx(0.1)
    later(clock, 0.2)
    assert student.answer(leyla, "1") is False
    assert host.tick() is Phase.REVEAL
    assert host.view().tally.unanswered == 1


def test_an_unclear_option_is_not_an_answer(database, cards, clock):
    choice = [c for c in cards if c.type.value == "choice"]
    session = ClassSession.create(
        database, build_questions(choice, 1, {}, "s"), title="t", seconds=20, clock=clock
    )
    leyla = session.join("Leyla")
    session.next()
    assert session.answer(leyla, "9") is None  # no option 9: ask again
    assert session.answered_count(0) == 0


def test_rejoining_with_the_same_name_keeps_the_score(database, host, clock):
    student = ClassSession.find(database, host.code, clock)
    first = student.join("Leyla")
    host.next()
    question = host.view().question
    student.answer(first, question.answer if question.is_typed else str(question.right_option + 1))
    host.reveal()
    again = ClassSession.find(database, host.code, clock).join("  Leyla ")
    assert again == first
    assert host.view().standings[0].score > 0 and len(host.view().students) == 1


def test_the_host_can_end_at_any_time_and_the_code_then_finds_nothing(database, host, clock):
    host.next()
    assert host.end() is Phase.ENDED
    with pytest.raises(UserError, match="no class is open"):
        ClassSession.find(database, host.code, clock)


def test_after_the_last_question_next_ends_the_class(database, cards, clock):
    session = ClassSession.create(
        database, build_questions(cards, 1, {}, "s"), title="t", seconds=5, clock=clock
    )
    assert [session.next(), session.next(), session.next(), session.next()] == [
        Phase.QUESTION,
        Phase.REVEAL,
        Phase.SCOREBOARD,
        Phase.ENDED,
    ]


def test_a_crash_mid_write_leaves_the_session_as_it_was(database, host, clock):
    class Crash(Exception):
        pass

    with pytest.raises(Crash), database.write() as db:
        db.execute("UPDATE sessions SET phase = 'question', position = 0 WHERE id = ?", (host.id,))
        raise Crash
    assert host.phase is Phase.LOBBY


def test_a_deleted_profile_leaves_no_class_answers(database, host, clock, isolated_user_dirs):
    leyla = host.join("Leyla")
    host.join("Tural")
    host.next()
    host.answer(leyla, "True")
    forget_student(isolated_user_dirs, "Leyla")
    assert host.view().students == ("Tural",)
    assert host.answered_count(0) == 0


def test_answers_count_as_reviews_only_when_asked_and_only_once(database, cards, clock, isolated_user_dirs):
    from caucasusquiz.classroom.reviews import record_class_reviews
    from caucasusquiz.settings import Settings
    from caucasusquiz.store.database import ProgressStore

    store = ProgressStore.open(isolated_user_dirs / "progress.sqlite3")
    leyla_profile = store.profile("Leyla", clock.now)
    session = ClassSession.create(
        database, build_questions(cards, 1, {}, "s"), title="t", seconds=20, clock=clock, count_as_review=True
    )
    leyla, guest = session.join("Leyla"), session.join("Guest")
    session.next()
    question = session.view().question
    session.answer(leyla, question.answer if question.is_typed else str(question.right_option + 1))
    session.answer(guest, "True")
    session.end()

    assert record_class_reviews(session, store, Settings(), clock.now) == 1  # Guest is no profile
    assert record_class_reviews(session, store, Settings(), clock.now) == 0
    (review,) = store.reviews(leyla_profile.id)
    assert (review.card_id, review.grade, review.verdict) == (question.card_id, 3, "right")
    assert store.find_profile("Guest") is None
    store.close()


@pytest.fixture
def counted_class(database, cards, clock, isolated_user_dirs):
    """A two-question class answered by Leyla (a profile), to be counted as reviews."""
    from caucasusquiz.store.database import ProgressStore

    store = ProgressStore.open(isolated_user_dirs / "progress.sqlite3")
    profile = store.profile("Leyla", clock.now)
    session = ClassSession.create(
        database, build_questions(cards, 2, {}, "s"), title="t", seconds=20, clock=clock, count_as_review=True
    )
    leyla = session.join("Leyla")
    for _ in range(2):
        session.next()
        question = session.view().question
        assert session.answer(leyla, question.answer if question.is_typed else str(question.right_option + 1))
        session.next()
        session.next()
    session.end()
    yield session, store, profile
    store.close()


def _reviews_per_card(store, profile) -> list[int]:
    counts: dict[str, int] = {}
    for review in store.reviews(profile.id):
        counts[review.card_id] = counts.get(review.card_id, 0) + 1
    return sorted(counts.values())


def test_a_host_that_crashed_while_counting_adds_only_the_missing_reviews(counted_class, clock, monkeypatch):
    from caucasusquiz.classroom.reviews import record_class_reviews
    from caucasusquiz.settings import Settings
    from caucasusquiz.study.scheduler import Scheduler

    session, store, profile = counted_class

    class Crash(Exception):
        pass

    answer, calls = Scheduler.answer, []

    def crash_on_the_second_answer(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise Crash
        return answer(self, *args, **kwargs)

    monkeypatch.setattr(Scheduler, "answer", crash_on_the_second_answer)
    with pytest.raises(Crash):
        record_class_reviews(session, store, Settings(), clock.now)
    assert _reviews_per_card(store, profile) == [1]  # the first answer was stored

    monkeypatch.setattr(Scheduler, "answer", answer)
    assert record_class_reviews(session, store, Settings(), clock.now) == 1  # the host counts again
    assert _reviews_per_card(store, profile) == [1, 1]
    assert record_class_reviews(session, store, Settings(), clock.now) == 0


def test_two_hosts_counting_one_class_at_once_store_each_answer_once(
    counted_class, clock, isolated_user_dirs, monkeypatch
):
    from caucasusquiz.classroom.reviews import record_class_reviews
    from caucasusquiz.settings import Settings
    from caucasusquiz.store.database import ProgressStore

    session, store, profile = counted_class
    # The other host has its own connections to both files, as another process would.
    other_store = ProgressStore.open(isolated_user_dirs / "progress.sqlite3")
    other_database = ClassDatabase.open(isolated_user_dirs)
    other_session = ClassSession(other_database, session.id, clock)
    counted_by_other: list[int] = []
    find_profile, lookups = store.find_profile, []

    def other_host_counts_after_our_first_answer(name):
        lookups.append(name)
        if len(lookups) == 2:  # our first review is stored, our second not yet
            counted_by_other.append(record_class_reviews(other_session, other_store, Settings(), clock.now))
        return find_profile(name)

    monkeypatch.setattr(store, "find_profile", other_host_counts_after_our_first_answer)
    try:
        ours = record_class_reviews(session, store, Settings(), clock.now)
    finally:
        other_store.close()
        other_database.close()
    assert ours + counted_by_other[0] == 2
    assert _reviews_per_card(store, profile) == [1, 1]
