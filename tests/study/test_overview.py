"""The home screen's numbers are the cards a session would really show today."""

from __future__ import annotations

from caucasusquiz.settings import Settings
from caucasusquiz.study.overview import overview
from caucasusquiz.study.rating import Rating


def test_overview_counts_match_the_session(make_session, write_deck, store, clock):
    path = write_deck(
        "title: Siblings\ncards:\n"
        "  - {id: a, question: Q1?, answer: A, source: 'doc.txt:3'}\n"
        "  - {id: b, question: Q2?, answer: B, source: 'doc.txt:3'}\n"
        "  - {id: c, question: Q3?, answer: C, source: 'doc.txt:8'}\n"
        "  - {id: d, question: Q4?, answer: D}\n"
    )
    settings = Settings(fuzz=False, new_per_day=2)
    session = make_session(deck_paths=[path], settings=settings)
    rows = overview(store, session.profile.id, session.collection, settings, clock.now).rows
    assert [(r.title, r.new, r.due, r.total) for r in rows] == [("All decks", 2, 0, 4), ("Siblings", 2, 0, 4)]
    assert session.counts.new == 2
    session.next_card()
    session.rate(Rating.AGAIN)  # one new card learnt: one left today, and one learning card
    rows = overview(store, session.profile.id, session.collection, settings, clock.now).rows
    assert (rows[0].new, rows[0].due) == (1, 1)
