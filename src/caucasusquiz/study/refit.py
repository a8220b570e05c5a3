"""Scheduling fitted to the learner, by default: a profile's FSRS parameters are refitted
on their own once it has enough reviews, and again as the log grows; with
desired_retention = "auto" (the default) the retention is chosen for those parameters too.

Runs off the UI thread (the app starts it in a thread worker at launch and after a
session) on its own database connection, so it never blocks an answer: the fit reads
the log without a lock (WAL) and writes one short UPDATE. New parameters are adopted only
when they predict held-out reviews better than the current ones (`optimize.fit`). The
optimal retention (`optimize.optimal_retention`) is computed once the parameters have been
judged on the learner's history (fitted, or a fit could not beat them), and saved beside
the parameters it was computed for, so a schedule never uses it with other parameters.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from caucasusquiz.errors import UserError
from caucasusquiz.settings import Settings
from caucasusquiz.study.optimize import MIN_REVIEWS, OptimizeResult, optimal_retention, optimize
from caucasusquiz.study.scheduler import DEFAULT_PARAMETERS

if TYPE_CHECKING:
    from caucasusquiz.store.database import ProgressStore

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
    result: OptimizeResult | None  # None: no fit was due, or the log could not be fitted
    retention: float | None = None  # the optimal retention computed for the profile's parameters

    @property
    def adopted(self) -> tuple[float, ...] | None:
        """The new parameters, when they beat the old ones on held-out reviews."""
        return self.result.parameters if self.result is not None and self.result.improved else None


def _attempt_key(profile_id: int) -> str:
    return f"refit_reviews/{profile_id}"


def _retention_key(profile_id: int) -> str:
    return f"auto_retention/{profile_id}"


def retention_for(parameters: Sequence[float], settings: Settings, overestimate: float = 0.0) -> float:
    """The optimal desired retention for a learner with `parameters`, studying as `settings`
    say; `overestimate`: how much recall the parameters over-predict on held-out reviews."""
    return optimal_retention(
        parameters,
        new_per_day=settings.new_per_day,
        reviews_per_day=settings.reviews_per_day,
        learning_steps=len(settings.learning_steps),
        relearning_steps=len(settings.relearning_steps),
        maximum_interval_days=settings.maximum_interval_days,
        overestimate=overestimate,
    )


def auto_retention(store: ProgressStore, profile_id: int, parameters: Sequence[float] | None) -> float | None:
    """The saved optimal retention for the profile's current `parameters` (None: FSRS's
    defaults); None when there is none yet: the scheduler then uses 0.9."""
    raw = store.meta(_retention_key(profile_id))
    if raw is None:
        return None
    current = [float(p) for p in (parameters or DEFAULT_PARAMETERS)]
    try:
        saved = json.loads(raw)
        if [float(p) for p in saved["parameters"]] == current:
            return float(saved["retention"])
    except (ValueError, TypeError, KeyError):
        pass  # an older or damaged entry: computed again at the next refit
    return None


def refit_profile(
    database: Path,
    profile_id: int,
    day_starts_at: int = 4,
    tz: tzinfo | None = None,
    settings: Settings | None = None,
) -> RefitOutcome | None:
    """Refit the profile's parameters if due, and save them if they are better; with
    desired_retention = "auto", compute the optimal retention for the profile's parameters
    once they have been judged on its history, if they have none yet. None: nothing to do.

    Opens its own connection to `database`, so it can run in a thread beside a session.
    """
    from caucasusquiz.store.database import ProgressStore

    settings = settings or Settings()
    store = ProgressStore.open(database)
    try:
        count = store.review_count(profile_id)
        last = store.meta(_attempt_key(profile_id))
        result: OptimizeResult | None = None
        fitted = False
        if refit_due(count, int(last) if last is not None and last.isdigit() else None):
            current = store.parameters(profile_id) or DEFAULT_PARAMETERS
            try:
                result = optimize(store.reviews(profile_id), current, day_starts_at, tz)
            except UserError:
                result = None  # e.g. every review on one day: nothing to check a fit against yet
            store.set_meta(_attempt_key(profile_id), str(count))
            fitted = True
        if result is not None and result.improved:
            store.set_parameters(profile_id, result.parameters)
        # Parameters are the learner's own once fitted, or once a fit on their history could
        # not beat them (FSRS's defaults already describe this learner).
        judged = store.parameters(profile_id) is not None or result is not None
        judged_fit = None if result is None else result.after if result.improved else result.before
        overestimate = judged_fit.overestimate if judged_fit is not None else 0.0
        retention = (
            _update_retention(store, profile_id, settings, overestimate, refresh=result is not None)
            if judged
            else None
        )
        if not fitted and retention is None:
            return None
        return RefitOutcome(count, result, retention)
    finally:
        store.close()


def _update_retention(
    store: ProgressStore, profile_id: int, settings: Settings, overestimate: float, refresh: bool
) -> float | None:
    """Compute and save the optimal retention for the profile's parameters, if the settings
    ask for "auto" and it has none for them yet, or `refresh` (a fit has just judged them on
    a longer history); returns what was computed."""
    parameters = store.parameters(profile_id) or DEFAULT_PARAMETERS
    if settings.fixed_retention is not None:
        return None
    if not refresh and auto_retention(store, profile_id, parameters) is not None:
        return None
    retention = retention_for(parameters, settings, overestimate)
    store.set_meta(
        _retention_key(profile_id), json.dumps({"retention": retention, "parameters": list(parameters)})
    )
    return retention
