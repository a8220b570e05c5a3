"""Personal FSRS parameters fitted to one profile's own review log.

Uses `fsrs-rs-python` (the Rust FSRS optimizer; no torch, a fraction of a second for
20,000 reviews) rather than `fsrs[optimizer]`, which pulls in torch and takes minutes.
The fit is judged on reviews it did not see: cards are split 80/20 by a hash of their
key, parameters are fitted on the 80%, and log loss and RMSE are compared on the 20%.
Parameters that do not beat the current ones on held-out reviews are not adopted.
`study.refit` runs this on its own, in the background, as a profile's log grows.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, tzinfo
from typing import Any

from caucasusquiz.clock import from_ms, study_day
from caucasusquiz.errors import UserError
from caucasusquiz.progress import ReviewRow

# Per card: (grade, whole study days since the previous review), oldest first.
Histories = dict[tuple[str, str], list[tuple[int, int]]]

# Anki asks for a few hundred reviews before optimizing; below that the fit mostly learns noise.
MIN_REVIEWS = 400
HELD_OUT_SHARE = 0.2


@dataclass(frozen=True)
class Fit:
    loss: float
    rmse: float
    # Mean predicted recall minus the share actually recalled, on the held-out reviews:
    # > 0 when the parameters expect more than this learner remembers.
    overestimate: float = 0.0


@dataclass(frozen=True)
class OptimizeResult:
    reviews: int
    train_items: int
    test_items: int
    before: Fit
    after: Fit
    parameters: tuple[float, ...]

    @property
    def improved(self) -> bool:
        return self.after.loss < self.before.loss


def _rust() -> Any:  # the extension module has no type stubs
    # Imported when a fit runs, not at start-up: it costs about 3 ms and only fitting needs it.
    import fsrs_rs_python

    return fsrs_rs_python


def card_histories(
    reviews: Sequence[ReviewRow], day_starts_at: int = 4, tz: tzinfo | None = None
) -> Histories:
    """Per card: (grade, whole days since the previous review) — FSRS counts in study days."""
    histories: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    last_day: dict[tuple[str, str], date] = {}
    for review in sorted(reviews, key=lambda r: (r.reviewed_ms, r.id)):
        key = (review.deck_id, review.card_id)
        day = study_day(from_ms(review.reviewed_ms), day_starts_at, tz)
        delta = (day - last_day[key]).days if key in last_day else 0
        last_day[key] = day
        histories[key].append((review.grade, delta))
    return histories


def _items(rs: Any, histories: Histories) -> list[Any]:
    items = []
    for history in histories.values():
        for end in range(2, len(history) + 1):
            if history[end - 1][1] > 0:  # predict recall after at least a day, as FSRS does
                items.append(rs.FSRSItem([rs.FSRSReview(g, d) for g, d in history[:end]]))
    return items


def _held_out(key: tuple[str, str]) -> bool:
    digest = hashlib.sha1(f"{key[0]}/{key[1]}".encode()).digest()
    return digest[0] < 256 * HELD_OUT_SHARE


def optimize(
    reviews: Sequence[ReviewRow], current: Sequence[float], day_starts_at: int = 4, tz: tzinfo | None = None
) -> OptimizeResult:
    if len(reviews) < MIN_REVIEWS:
        raise UserError(
            f"optimizing needs at least {MIN_REVIEWS} reviews; this profile has {len(reviews)}",
            "keep studying with the default parameters; they work well for most people",
        )
    return fit(card_histories(reviews, day_starts_at, tz), current, len(reviews))


def fit(histories: Histories, current: Sequence[float], reviews: int | None = None) -> OptimizeResult:
    """Fit on 80% of the cards' histories, compare with `current` on the other 20%."""
    rs = _rust()
    train = _items(rs, {k: h for k, h in histories.items() if not _held_out(k)})
    held_out = {k: h for k, h in histories.items() if _held_out(k)}
    test = _items(rs, held_out)
    if not train or not test:
        raise UserError(
            "not enough reviews spread over several days to fit and check parameters",
            "optimizing needs cards reviewed again a day or more later",
        )
    fitted = tuple(float(p) for p in rs.FSRS(list(current)).compute_parameters(train))
    before = rs.FSRS(list(current)).evaluate(test)
    after = rs.FSRS(list(fitted)).evaluate(test)
    return OptimizeResult(
        reviews if reviews is not None else sum(len(h) for h in histories.values()),
        len(train),
        len(test),
        Fit(before.log_loss, before.rmse_bins, _overestimate(rs, current, held_out)),
        Fit(after.log_loss, after.rmse_bins, _overestimate(rs, fitted, held_out)),
        fitted,
    )


def _overestimate(rs: Any, parameters: Sequence[float], histories: Histories) -> float:
    """Mean predicted recall minus the share recalled, over the reviews `_items` predicts."""
    before: list = []  # the history before each predicted review
    outcomes: list[tuple[int, int]] = []  # (grade, days elapsed) of that review
    for history in histories.values():
        for end in range(2, len(history) + 1):
            if history[end - 1][1] > 0:
                before.append(rs.FSRSItem([rs.FSRSReview(g, d) for g, d in history[: end - 1]]))
                outcomes.append(history[end - 1])
    if not before:
        return 0.0
    decay = -parameters[20]
    factor = 0.9 ** (1 / decay) - 1
    states = rs.FSRS(list(parameters)).memory_state_batch(before)
    predicted = sum(
        (1 + factor * days / state.stability) ** decay
        for state, (_, days) in zip(states, outcomes, strict=True)
    )
    recalled = sum(grade > 1 for grade, _ in outcomes)
    return (predicted - recalled) / len(outcomes)


# "auto" desired retention is kept in this range: below 0.80 a learner forgets one due card
# in five, above 0.95 the workload grows steeply for little more recall.
LOWEST_AUTO_RETENTION, HIGHEST_AUTO_RETENTION = 0.80, 0.95
# The simulated study plan the optimal retention is computed for: a year of daily sessions.
OPTIMAL_RETENTION_CARDS = 1000
OPTIMAL_RETENTION_DAYS = 365


def optimal_retention(
    parameters: Sequence[float],
    new_per_day: int = 20,
    reviews_per_day: int = 200,
    learning_steps: int = 2,
    relearning_steps: int = 1,
    maximum_interval_days: int = 36500,
    overestimate: float = 0.0,
) -> float:
    """The desired retention that costs the least study time per card memorised, for a
    learner with these FSRS parameters (Anki's "compute optimal retention"), within
    LOWEST_AUTO_RETENTION–HIGHEST_AUTO_RETENTION.

    fsrs-rs simulates a year of study with the parameters as the learner's memory and
    searches the retention; answer times and grade shares are Anki's measured medians.
    With FSRS-6 the unbounded optimum is often at or below fsrs-rs's own floor of 0.70, so
    the result is frequently our lower bound. Deterministic; about a second.

    The optimum assumes the parameters predict the learner's recall. When they expect more
    than the learner recalls on held-out reviews (`overestimate`, e.g. a memory that does
    not follow FSRS's curve), scheduling at r gives a true retention near r − overestimate,
    so the retention is raised by that much: the learner's real recall, not the model's,
    lands at the optimum.
    """
    rs = _rust()
    defaults = rs.default_simulator_config()
    config = rs.SimulatorConfig(
        deck_size=OPTIMAL_RETENTION_CARDS,
        learn_span=OPTIMAL_RETENTION_DAYS,
        max_cost_perday=defaults.max_cost_perday,
        max_ivl=float(maximum_interval_days),
        first_rating_prob=defaults.first_rating_prob,
        review_rating_prob=defaults.review_rating_prob,
        learn_limit=max(1, new_per_day),
        review_limit=max(1, reviews_per_day),
        new_cards_ignore_review_limit=True,
        learning_step_transitions=defaults.learning_step_transitions,
        relearning_step_transitions=defaults.relearning_step_transitions,
        state_rating_costs=defaults.state_rating_costs,
        learning_step_count=learning_steps,
        relearning_step_count=relearning_steps,
    )
    optimum = float(rs.optimal_retention(config, list(parameters)))
    optimum += max(0.0, overestimate)
    return round(min(max(optimum, LOWEST_AUTO_RETENTION), HIGHEST_AUTO_RETENTION), 3)
