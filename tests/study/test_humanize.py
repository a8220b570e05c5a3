"""The intervals on the rating line and the durations in summaries, as a learner reads them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from caucasusquiz.study import humanize


@pytest.mark.parametrize(
    ("delta", "shown"),
    [
        (timedelta(seconds=30), "<1 min"),
        (timedelta(minutes=10), "10 min"),
        (timedelta(hours=3), "3 h"),
        (timedelta(days=1), "1 day"),
        (timedelta(days=4), "4 days"),
        (timedelta(days=30), "1 month"),  # was "1 months"
        (timedelta(days=45), "1.5 months"),
        (timedelta(days=61), "2 months"),
        (timedelta(days=365), "1 year"),  # was "1 years"
        (timedelta(days=438), "1.2 years"),
    ],
)
def test_an_interval_reads_as_words(delta: timedelta, shown: str):
    assert humanize.interval(delta) == shown
