"""The browser's domain: one state label per card, and suspending stored at once."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC

from caucasusquiz.store.database import CardProgress
from caucasusquiz.study.browse import card_row, toggle_suspend
from caucasusquiz.study.rating import Rating


def test_labels_and_suspend_toggle(make_session, store):
    session = make_session()
    card = session.next_card()
    assert card_row(None, 0, UTC).state == "new"
    session.rate(Rating.GOOD)
    progress = store.progress(session.profile.id, card.key)
    row = card_row(progress, 0, UTC)
    assert (row.state, row.due, row.lapses) == ("learning", "2026-03-02", "0")
    suspended = toggle_suspend(store, session.profile.id, card.key, progress)
    assert store.progress(session.profile.id, card.key).suspended
    assert card_row(replace(suspended, leech=True), 0, UTC).state == "suspended"  # the strongest reason
    assert not toggle_suspend(store, session.profile.id, card.key, suspended).suspended
    assert toggle_suspend(store, session.profile.id, ("x", "y"), None) == replace(
        CardProgress(), suspended=True
    )


def test_stability_under_a_day_is_shown_in_hours_not_as_0d():
    from caucasusquiz.study.browse import stability_label

    assert stability_label(0.4) == "10h"
    assert stability_label(0.01) == "1h"
    assert stability_label(2.6) == "3d"
    assert stability_label(None) == stability_label(0) == ""
