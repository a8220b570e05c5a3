"""A profile's FSRS parameters are refitted on their own as its review log grows."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from caucasusquiz.decks.collection import Collection
from caucasusquiz.progress import Memory, State
from caucasusquiz.settings import Settings
from caucasusquiz.store.database import CardProgress, ProgressStore
from caucasusquiz.study import refit as refit_module
from caucasusquiz.study.optimize import (
    HIGHEST_AUTO_RETENTION,
    LOWEST_AUTO_RETENTION,
    MIN_REVIEWS,
    Fit,
    OptimizeResult,
    optimal_retention,
    optimize,
)
from caucasusquiz.study.refit import REFIT_GROWTH, auto_retention, refit_due, refit_profile
from caucasusquiz.study.scheduler import DEFAULT_PARAMETERS
from caucasusquiz.study.session import StudySession

START = datetime(2025, 1, 1, 9, tzinfo=UTC)


def add_history(store: ProgressStore, profile_id: int, cards: range, days: int = 120) -> None:
    """A learner who forgets faster than FSRS's defaults expect."""
    rng = random.Random(cards.start)
    for c in cards:
        when, stability, previous = START + timedelta(days=c % 20), 0.6, None
        while when < START + timedelta(days=days):
            elapsed = 0 if previous is None else (when - previous).days
            recalled = previous is None or rng.random() < 0.9 ** (elapsed / stability)
            stability = stability * 2.2 if recalled else max(0.4, stability * 0.4)
            memory = CardProgress(Memory(State.REVIEW, None, stability, 5.0, 0, 0, 1, 0))
            store.record_review(
                profile_id,
                ("deck", f"c{c}"),
                memory,
                memory,
                reviewed_ms=int(when.timestamp() * 1000),
                grade=3 if recalled else 1,
                typed=None,
                verdict=None,
                duration_ms=None,
            )
            previous, when = when, when + timedelta(days=max(1, round(stability)))


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "progress.sqlite3"


def open_profile(database: Path) -> tuple[ProgressStore, int]:
    store = ProgressStore.open(database)
    return store, store.profile("learner", START).id


def test_a_fit_is_due_once_there_are_enough_reviews_and_again_as_they_grow():
    assert not refit_due(MIN_REVIEWS - 1, None)
    assert refit_due(MIN_REVIEWS, None)
    assert not refit_due(MIN_REVIEWS + 50, MIN_REVIEWS)
    assert refit_due(int(MIN_REVIEWS * REFIT_GROWTH), MIN_REVIEWS)


def test_parameters_are_fitted_and_saved_once_the_log_is_big_enough(database):
    store, profile_id = open_profile(database)
    add_history(store, profile_id, range(150))
    reviews = store.review_count(profile_id)
    assert reviews >= MIN_REVIEWS
    store.close()

    outcome = refit_profile(database, profile_id)
    assert outcome is not None and outcome.reviews == reviews
    assert outcome.adopted is not None  # this learner is not the FSRS default: fitting helps
    assert outcome.result.after.loss < outcome.result.before.loss
    store, _ = open_profile(database)
    assert store.parameters(profile_id) == outcome.adopted != DEFAULT_PARAMETERS
    store.close()
    # Not again until the log has grown by half.
    assert refit_profile(database, profile_id) is None


def test_it_fits_again_as_the_log_grows(database):
    store, profile_id = open_profile(database)
    add_history(store, profile_id, range(150))
    store.close()
    first = refit_profile(database, profile_id)
    store, _ = open_profile(database)
    add_history(store, profile_id, range(1000, 1100), days=200)
    grown = store.review_count(profile_id)
    store.close()
    assert grown >= first.reviews * REFIT_GROWTH
    second = refit_profile(database, profile_id)
    assert second is not None and second.reviews == grown


def test_the_old_parameters_stay_when_the_fit_is_not_better_on_held_out_reviews(database, monkeypatch):
    store, profile_id = open_profile(database)
    add_history(store, profile_id, range(150))
    mine = tuple(p * 1.01 for p in DEFAULT_PARAMETERS)
    store.set_parameters(profile_id, mine)
    store.close()
    worse = OptimizeResult(500, 400, 100, Fit(0.30, 0.05), Fit(0.35, 0.07), DEFAULT_PARAMETERS)
    seen_current = []

    def fake_optimize(reviews, current, day_starts_at, tz):
        seen_current.append(tuple(current))
        return worse

    monkeypatch.setattr(refit_module, "optimize", fake_optimize)
    outcome = refit_profile(database, profile_id)
    assert outcome is not None and outcome.adopted is None
    assert seen_current == [mine]  # the fit starts from, and is judged against, the profile's own
    store, _ = open_profile(database)
    assert store.parameters(profile_id) == mine
    store.close()


def test_defaults_that_a_fit_could_not_beat_get_their_optimal_retention(database, monkeypatch):
    store, profile_id = open_profile(database)
    add_history(store, profile_id, range(150))
    store.close()
    worse = OptimizeResult(500, 400, 100, Fit(0.30, 0.05), Fit(0.35, 0.07), DEFAULT_PARAMETERS)
    monkeypatch.setattr(refit_module, "optimize", lambda reviews, current, day_starts_at, tz: worse)
    outcome = refit_profile(database, profile_id)
    assert outcome is not None and outcome.adopted is None
    assert outcome.retention == optimal_retention(DEFAULT_PARAMETERS)
    store, _ = open_profile(database)
    assert store.parameters(profile_id) is None  # still FSRS's defaults, now judged on this learner
    session = StudySession(store, store.profile("learner", START), Collection([]), Settings())
    assert session.scheduler.desired_retention == outcome.retention != 0.9
    store.close()


def test_too_few_reviews_change_nothing(database):
    store, profile_id = open_profile(database)
    add_history(store, profile_id, range(5))
    store.close()
    assert refit_profile(database, profile_id) is None
    store, _ = open_profile(database)
    assert store.parameters(profile_id) is None
    store.close()


def test_auto_retention_is_computed_for_the_fitted_parameters_and_used_by_the_session(database):
    store, profile_id = open_profile(database)
    add_history(store, profile_id, range(150))
    assert auto_retention(store, profile_id, store.parameters(profile_id)) is None  # 0.9 until fitted
    store.close()

    outcome = refit_profile(database, profile_id)
    assert outcome is not None and outcome.adopted is not None
    assert outcome.retention is not None
    assert LOWEST_AUTO_RETENTION <= outcome.retention <= HIGHEST_AUTO_RETENTION
    store, _ = open_profile(database)
    fitted = store.parameters(profile_id)
    assert auto_retention(store, profile_id, fitted) == outcome.retention
    # Saved for those parameters only: other parameters fall back to 0.9 until computed.
    assert auto_retention(store, profile_id, DEFAULT_PARAMETERS) is None
    profile = store.profile("learner", START)
    session = StudySession(store, profile, Collection([]), Settings())
    assert session.scheduler.desired_retention == outcome.retention
    fixed = StudySession(store, profile, Collection([]), Settings(desired_retention=0.93))
    assert fixed.scheduler.desired_retention == 0.93
    store.close()


def test_fitted_parameters_without_a_retention_get_one_even_when_no_fit_is_due(database):
    store, profile_id = open_profile(database)
    add_history(store, profile_id, range(5))  # too few reviews to fit
    mine = tuple(p * 1.01 for p in DEFAULT_PARAMETERS)  # fitted by `caucasusquiz optimize`
    store.set_parameters(profile_id, mine)
    store.close()
    outcome = refit_profile(database, profile_id)
    assert outcome is not None and outcome.result is None
    assert outcome.retention == optimal_retention(mine)
    assert refit_profile(database, profile_id) is None  # computed once per parameters
    # With a number in the settings there is nothing to compute.
    store, _ = open_profile(database)
    store.set_parameters(profile_id, tuple(p * 1.02 for p in DEFAULT_PARAMETERS))
    store.close()
    assert refit_profile(database, profile_id, settings=Settings(desired_retention=0.9)) is None


def test_optimal_retention_stays_in_the_range_a_learner_can_live_with():
    for parameters in (DEFAULT_PARAMETERS, (0.05, 0.1, 0.3, 1.0, *DEFAULT_PARAMETERS[4:])):
        retention = optimal_retention(parameters)
        assert LOWEST_AUTO_RETENTION <= retention <= HIGHEST_AUTO_RETENTION
        assert optimal_retention(parameters) == retention  # deterministic: same parameters, same value


def test_a_model_that_expects_more_recall_than_the_learner_shows_gets_a_higher_retention(database):
    store, profile_id = open_profile(database)
    add_history(store, profile_id, range(150))  # forgets faster than FSRS's defaults expect
    result = optimize(store.reviews(profile_id), DEFAULT_PARAMETERS)
    store.close()
    assert result.before.overestimate > 0.02  # the defaults over-predict this learner's recall
    assert abs(result.after.overestimate) < result.before.overestimate  # the fit much less
    plain = optimal_retention(DEFAULT_PARAMETERS)
    assert optimal_retention(DEFAULT_PARAMETERS, overestimate=0.2) > plain
    assert optimal_retention(DEFAULT_PARAMETERS, overestimate=-0.2) == plain  # never lowered for it
    assert optimal_retention(DEFAULT_PARAMETERS, overestimate=1.0) == HIGHEST_AUTO_RETENTION
