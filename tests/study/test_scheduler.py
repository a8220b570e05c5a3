"""Golden scheduling: FSRS intervals pinned at fixed times with fuzz off, and reproducible fuzz."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from caucasusquiz.clock import to_ms
from caucasusquiz.progress import Memory, State
from caucasusquiz.settings import Settings
from caucasusquiz.study.rating import Rating
from caucasusquiz.study.scheduler import Scheduler

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def test_defaults_are_ankis():
    s = Settings()
    # Anki's FSRS default retention until the profile's own is computed (test_refit.py).
    assert s.desired_retention == "auto" and Scheduler(s).desired_retention == 0.9
    assert s.learning_steps == (timedelta(minutes=1), timedelta(minutes=10))
    assert s.relearning_steps == (timedelta(minutes=10),)
    assert s.maximum_interval_days == 36500 and s.fuzz
    assert (s.new_per_day, s.reviews_per_day, s.day_starts_at, s.leech_threshold) == (20, 200, 4, 8)


def test_auto_retention_schedules_with_the_profiles_optimal_retention():
    fitted, memory = (0.3, 1.0, 3.0, 10.0, *(w for w in Scheduler(Settings()).parameters[4:])), Memory()
    learnt = Scheduler(Settings()).review(memory, Rating.GOOD, at(0))
    learnt = Scheduler(Settings()).review(learnt, Rating.GOOD, at(10))
    later = at(3 * 1440)

    def interval(settings: Settings, auto: float | None) -> timedelta:
        after = Scheduler(settings, fitted, auto_retention=auto).review(learnt, Rating.GOOD, later)
        return timedelta(milliseconds=after.due_ms - to_ms(later))

    auto = Settings(fuzz=False)
    assert Scheduler(auto, fitted, auto_retention=0.8).desired_retention == 0.8
    assert (
        interval(auto, 0.8)
        > interval(auto, None)
        == interval(Settings(fuzz=False, desired_retention=0.9), None)
    )
    # A number in the settings wins over the computed retention.
    fixed = Settings(fuzz=False, desired_retention=0.95)
    assert interval(fixed, 0.8) == interval(fixed, None) < interval(auto, None)


GOLDEN = [
    # (grade, minutes after T0, state after, step, stability, difficulty, interval, lapses)
    (Rating.GOOD, 0, State.LEARNING, 1, 2.3065, 2.1181, timedelta(minutes=10), 0),
    (Rating.GOOD, 10, State.REVIEW, None, 2.3065, 2.1112, timedelta(days=2), 0),
    (Rating.GOOD, 3 * 1440, State.REVIEW, None, 13.8358, 2.1043, timedelta(days=14), 0),
    (Rating.AGAIN, 20 * 1440, State.RELEARNING, 0, 1.7673, 7.39, timedelta(minutes=10), 1),
    (Rating.GOOD, 20 * 1440 + 10, State.REVIEW, None, 1.7886, 7.3778, timedelta(days=2), 1),
]


def test_golden_review_sequence():
    scheduler = Scheduler(Settings(fuzz=False), tz=UTC)
    memory = Memory()
    for grade, minutes, state, step, stability, difficulty, interval, lapses in GOLDEN:
        now = at(minutes)
        memory = scheduler.review(memory, grade, now)
        assert memory.state is state
        assert memory.step == step
        assert memory.stability == pytest.approx(stability, abs=1e-4)
        assert memory.difficulty == pytest.approx(difficulty, abs=1e-4)
        assert memory.due_ms - to_ms(now) == interval / timedelta(milliseconds=1)
        assert memory.last_review_ms == to_ms(now)
        assert memory.lapses == lapses
    assert memory.reps == len(GOLDEN)


def test_preview_of_a_new_card_matches_the_buttons():
    preview = Scheduler(Settings(fuzz=False)).preview(Memory(), T0)
    assert preview == {
        Rating.AGAIN: timedelta(minutes=1),
        Rating.HARD: timedelta(minutes=5, seconds=30),
        Rating.GOOD: timedelta(minutes=10),
        Rating.EASY: timedelta(days=8),
    }


def test_review_returns_a_new_object_and_leaves_the_old_one():
    scheduler = Scheduler(Settings(fuzz=False))
    before = Memory()
    after = scheduler.review(before, Rating.GOOD, T0)
    assert before == Memory() and after is not before


def _long_interval(scheduler: Scheduler, seed: str) -> int:
    memory = Memory()
    for grade, minutes in [
        (Rating.GOOD, 0),
        (Rating.GOOD, 10),
        (Rating.GOOD, 3 * 1440),
        (Rating.GOOD, 30 * 1440),
    ]:
        memory = scheduler.review(memory, grade, at(minutes), fuzz_seed=seed)
    return memory.due_ms


def test_fuzz_is_reproducible_per_card_and_varies_between_cards():
    scheduler = Scheduler(Settings(fuzz=True))
    assert _long_interval(scheduler, "deck/card-1") == _long_interval(scheduler, "deck/card-1")
    dues = {_long_interval(scheduler, f"deck/card-{i}") for i in range(20)}
    assert len(dues) > 3


def test_fuzz_does_not_depend_on_the_global_random_state():
    import random

    scheduler = Scheduler(Settings(fuzz=True))
    random.seed(1)
    first = _long_interval(scheduler, "x")
    random.seed(999)
    assert _long_interval(scheduler, "x") == first


def test_fuzz_stays_within_fsrs_ranges():
    plain, fuzzed = Scheduler(Settings(fuzz=False)), Scheduler(Settings(fuzz=True))
    base_days = (_long_interval(plain, "") - to_ms(at(30 * 1440))) / 86_400_000
    for i in range(50):
        days = (_long_interval(fuzzed, str(i)) - to_ms(at(30 * 1440))) / 86_400_000
        assert abs(days - base_days) <= 0.15 * base_days + 1


def test_retrievability_falls_with_time():
    scheduler = Scheduler(Settings(fuzz=False))
    memory = scheduler.review(scheduler.review(Memory(), Rating.GOOD, T0), Rating.GOOD, at(10))
    start = to_ms(at(10))
    assert scheduler.retrievability(Memory(), start) == 1.0
    r_now = scheduler.retrievability(memory, start)
    r_later = scheduler.retrievability(memory, start + 10 * 86_400_000)
    assert r_now == pytest.approx(1.0) and 0 < r_later < r_now


def test_maximum_interval_is_respected():
    scheduler = Scheduler(Settings(fuzz=False, maximum_interval_days=5))
    memory = Memory()
    for minutes in (0, 10, 3 * 1440, 30 * 1440):
        memory = scheduler.review(memory, Rating.EASY, at(minutes))
    assert memory.due_ms - memory.last_review_ms <= 5 * 86_400_000


def test_custom_parameters_change_intervals():
    params = list(Scheduler(Settings()).parameters)
    params[2] = 10.0  # initial stability after Good
    fast = Scheduler(Settings(fuzz=False), params)
    memory = fast.review(fast.review(Memory(), Rating.GOOD, T0), Rating.GOOD, at(10))
    assert memory.due_ms - to_ms(at(10)) == 10 * 86_400_000


def test_next_morning_is_a_new_day_even_if_less_than_24_hours_passed():
    """09:40 one day and 09:05 the next is a next-day review (as in Anki), not a same-day one."""
    scheduler = Scheduler(Settings(fuzz=False), tz=UTC)
    start = datetime(2026, 1, 5, 9, 40, tzinfo=UTC)
    memory = Memory()
    for minutes in (0, 1, 11):  # Again, then through both learning steps
        memory = scheduler.review(
            memory, Rating.AGAIN if minutes == 0 else Rating.GOOD, start + timedelta(minutes=minutes)
        )
    before = memory.stability
    next_morning = start + timedelta(hours=23, minutes=25)
    after = scheduler.review(memory, Rating.GOOD, next_morning)
    same_day = scheduler.review(memory, Rating.GOOD, start + timedelta(hours=3))
    assert after.stability > 2 * before  # a real spaced review, not the short-term update
    assert same_day.stability < after.stability / 2


def test_fuzz_never_leaves_its_range():
    scheduler = Scheduler(Settings(fuzz=True))
    for days, (low, high) in ((3, (2, 4)), (10, (8, 12))):
        drawn = {scheduler._fuzzed(timedelta(days=days), str(seed)).days for seed in range(2000)}
        assert min(drawn) >= low and max(drawn) <= high


def test_preview_shows_the_fuzzed_interval_that_review_saves():
    # With fuzz on, a card's rating keys once showed the plain FSRS interval ("Easy 8 days")
    # while review saved a fuzzed one (6 days).
    scheduler = Scheduler(Settings(fuzz=True))
    differs_from_plain = 0
    plain = Scheduler(Settings(fuzz=False))
    for i in range(30):
        seed = f"tester/deck/card-{i}"
        memory = Memory()
        for grade, minutes in [(Rating.GOOD, 0), (Rating.GOOD, 10), (Rating.GOOD, 3 * 1440)]:
            memory = scheduler.review(memory, grade, at(minutes), fuzz_seed=seed)
        now = at(30 * 1440)
        shown = scheduler.preview(memory, now, fuzz_seed=seed)
        for grade in Rating:
            saved = scheduler.review(memory, grade, now, fuzz_seed=seed)
            assert shown[grade] == timedelta(milliseconds=saved.due_ms - to_ms(now)), (i, grade)
        differs_from_plain += shown != plain.preview(memory, now)
    assert differs_from_plain > 10  # the fuzz is really in what is shown


def test_the_rating_keys_show_what_rating_saves_in_a_session(make_session):
    session = make_session(settings=Settings(fuzz=True))
    checked = 0
    while (card := session.next_card()) is not None:
        shown = session.preview()
        outcome = session.rate(Rating.EASY)
        assert outcome.interval == shown[Rating.EASY], card.id
        checked += 1
    assert checked >= 3


def test_a_fast_right_answer_on_a_new_card_suggests_good_not_easy(make_session, clock):
    session = make_session()
    card = session.next_card()
    clock.advance(seconds=1)
    session.submit(card.answer)
    assert session.suggested is Rating.GOOD  # not Easy: that would be an 8-day first interval
    session.rate()


def test_a_fast_right_answer_on_a_review_card_still_suggests_easy(make_session, clock):
    session = make_session()
    card = session.next_card()
    session.submit(card.answer)
    session.rate(Rating.EASY)  # straight to review
    clock.advance(days=9)
    session = make_session()
    while (again := session.next_card()).key != card.key:
        session.bury()
    clock.advance(seconds=1)
    session.submit(again.answer)
    assert session.suggested is Rating.EASY
