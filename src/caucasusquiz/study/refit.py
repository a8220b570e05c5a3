"""Scheduling fitted to the learner, by default: a profile's FSRS parameters are refitted on
their own once it has enough reviews, and again as the log grows.

Runs off the UI thread (the app starts it in a thread worker at launch and after a
session) on its own database connection, so it never blocks an answer: the fit reads
the log without a lock (WAL) and writes one short UPDATE. New parameters are adopted only
when they predict held-out reviews better than the current ones (`optimize.fit`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path

from caucasusquiz.errors import UserError
from caucasusquiz.study.optimize import MIN_REVIEWS, OptimizeResult, optimize
from caucasusquiz.study.scheduler import DEFAULT_PARAMETERS

# Fit again once the log has grown by half since the last attempt: 400, 600, 900, 1,350 …
# reviews. Each fit sees clearly more history than the last, and a long-time learner's
# parameters, which change slowly, are not refitted after every session.
REFIT_GROWTH = 1.5


def refit_due(reviews: int, last_attempt_at: int | None) -> bool:
    """Is a fit worth running for a log of `reviews`, the last attempt having seen `last_attempt_at`?"""
    if reviews < MIN_REVIEWS:
        return False
    return last_attempt_at is None or reviews >= last_attempt_at * REFIT_GROWTH


@dataclass(frozen=True)
class RefitOutcome:
    reviews: int
    result: OptimizeResult | None  # None: the log could not be fitted (too few spaced reviews)

    @property
    def adopted(self) -> tuple[float, ...] | None:
        """The new parameters, when they beat the old ones on held-out reviews."""
        return self.result.parameters if self.result is not None and self.result.improved else None


def _attempt_key(profile_id: int) -> str:
    return f"refit_reviews/{profile_id}"


def refit_profile(
    database: Path, profile_id: int, day_starts_at: int = 4, tz: tzinfo | None = None
) -> RefitOutcome | None:
    """Refit the profile's parameters if due, and save them if they are better; None: not due.

    Opens its own connection to `database`, so it can run in a thread beside a session.
    """
    from caucasusquiz.store.database import ProgressStore

    store = ProgressStore.open(database)
    try:
        count = store.review_count(profile_id)
        last = store.meta(_attempt_key(profile_id))
        if not refit_due(count, int(last) if last is not None and last.isdigit() else None):
            return None
        current = store.parameters(profile_id) or DEFAULT_PARAMETERS
        try:
            result: OptimizeResult | None = optimize(store.reviews(profile_id), current, day_starts_at, tz)
        except UserError:
            result = None  # e.g. every review on one day: nothing to check a fit against yet
        store.set_meta(_attempt_key(profile_id), str(count))
        outcome = RefitOutcome(count, result)
        if outcome.adopted is not None:
            store.set_parameters(profile_id, outcome.adopted)
        return outcome
    finally:
        store.close()
