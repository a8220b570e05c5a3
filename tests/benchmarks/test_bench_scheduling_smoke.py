"""Smoke test for benchmarks/bench_scheduling.py: its simulation core runs on a tiny deck and gives
sane figures. Behaviour only; the benchmark's own speed is not tested here."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_scheduling.py"
SEED = 1


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    # Loaded by path and not registered in sys.modules, exactly as benchmarks/run_all.py loads it.
    spec = importlib.util.spec_from_file_location("bench_scheduling_under_test", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tiny(bench: ModuleType):
    return bench.SimConfig(cards=50, days=30, new_per_day=20)


@pytest.mark.parametrize("learner", ["fsrs", "half-life"])
@pytest.mark.parametrize("scheduler", ["sm2", "ours"])
def test_every_scheduler_studies_every_learner(bench: ModuleType, tiny, learner: str, scheduler: str):
    result = bench.simulate(learner, scheduler, tiny, SEED, 0.9)
    assert result.reviews > tiny.cards  # every card shown at least once, plus learning steps and reviews
    assert result.retention_reviews > 0
    assert 0 <= result.memorised <= tiny.cards
    assert 0 <= result.true_retention <= 1
    assert result.study_minutes > 0 and result.memorised_per_minute > 0


def test_our_scheduler_keeps_an_fsrs_learner_near_the_desired_retention(bench: ModuleType, tiny):
    result = bench.simulate("fsrs", "ours", tiny, SEED, 0.9)
    assert 0.75 <= result.true_retention <= 0.97


def test_a_higher_desired_retention_means_more_study(bench: ModuleType, tiny):
    low = bench.simulate("fsrs", "ours", tiny, SEED, 0.75)
    high = bench.simulate("fsrs", "ours", tiny, SEED, 0.95)
    assert high.reviews > low.reviews and high.memorised > low.memorised


def test_equal_memorised_search_lands_on_the_target_or_says_it_cannot(bench: ModuleType, tiny):
    sm2 = bench.simulate("fsrs", "sm2", tiny, SEED)
    at_default = bench.simulate("fsrs", "ours", tiny, SEED, 0.9)
    found = bench.match_memorised("fsrs", tiny, SEED, sm2.memorised, at_default)
    assert bench.LOWEST_RETENTION <= found.run.desired_retention <= bench.HIGHEST_RETENTION
    if found.reachable:
        assert abs(found.run.memorised - sm2.memorised) <= 0.05 * tiny.cards


def test_sm2_steps_graduation_ease_and_lapse(bench: ModuleType):
    sm2 = bench.Sm2Scheduler(seed=SEED, cards=1)
    now = bench.DAY0_MS + bench.SESSION_STARTS_AFTER_MS
    minute, day = 60_000, bench.MS_PER_DAY
    assert sm2.review(0, 1, now) - now == minute  # Again on a new card: the first learning step
    now += minute
    assert sm2.review(0, 3, now) - now == 10 * minute  # Good: the second step
    now += 10 * minute
    assert sm2.review(0, 3, now) - now == day  # Good on the last step: the graduating interval
    now += day
    due = sm2.review(0, 3, now)  # Good: max(hard + 1, 1 day × ease 2.5) = 3 days, fuzzed by up to a day
    assert 2 * day <= due - now <= 4 * day
    now = due
    assert sm2.review(0, 1, now) - now == 10 * minute  # a lapse: the relearning step
    assert sm2.cards[0].ease == pytest.approx(2.3)  # and the ease drops by 0.20
