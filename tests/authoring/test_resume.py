"""`author --all` opens where the author left off, like a reader resuming, or says why not."""

from __future__ import annotations

from caucasusquiz.authoring.resume import resume_point
from caucasusquiz.decks.model import Card, CardType


def cards(*reviewed: str | None) -> list[Card]:
    return [
        Card("d", f"c{i}", CardType.QA, "A", f"Q{i}?", reviewed=signed) for i, signed in enumerate(reviewed)
    ]


def test_the_first_card_not_signed_off_opens_the_walk():
    resume = resume_point(cards("2026-11-01", "true", None, "2026-11-02", None))
    assert resume.index == 2
    assert resume.reason is not None and "the 2 cards before it" in resume.reason


def test_a_walk_that_starts_with_a_card_not_signed_off_starts_there_without_a_word():
    assert resume_point(cards(None, "2026-11-01")) == (resume_point(cards(None)))
    assert resume_point(cards(None, "2026-11-01")).reason is None


def test_with_every_card_signed_off_it_opens_after_the_one_signed_off_last():
    # A rework stopped after the third card on the 29th: the fourth is next.
    resume = resume_point(cards("2026-11-29", "2026-11-29", "2026-11-29", "2026-11-01", "2026-11-01"))
    assert resume.index == 3
    assert resume.reason is not None and "(2026-11-29)" in resume.reason


def test_it_says_why_the_first_card_is_shown_when_nothing_tells_where_to_resume():
    last_most_recent = resume_point(cards("2026-11-01", "2026-11-29"))
    assert last_most_recent.index == 0
    assert "the last one most recently (2026-11-29): starting at the first" in str(last_most_recent.reason)
    undated = resume_point(cards("true", "true"))
    assert undated.index == 0 and "none says when" in str(undated.reason)
