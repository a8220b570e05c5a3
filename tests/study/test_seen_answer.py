"""A card whose answer the learner has just seen is not graded as recalled.

Undoing an answer after its feedback, or meeting a card failed minutes ago, must not turn
into a one-key Easy: the learner saw the answer and did not recall it.
"""

from __future__ import annotations

from datetime import timedelta

from caucasusquiz.decks.model import CardType
from caucasusquiz.progress import State
from caucasusquiz.study.answers import Verdict
from caucasusquiz.study.rating import Rating


def _review_card(make_session, clock, card_id: str):
    """A session whose card on screen is `card_id`, a review card (learnt 9 days ago)."""
    session = make_session()
    while (card := session.next_card()).id != card_id:
        session.bury()
    session.submit(card.answer if card.is_typed else "")
    session.rate(Rating.EASY)  # straight to review
    clock.advance(days=9)
    session = make_session()
    while session.next_card().id != card_id:
        session.bury()
    return session


def test_a_retry_after_undoing_a_reveal_keeps_the_reveal_as_its_grade(make_session, store, clock):
    session = make_session()
    card = session.next_card()
    assert session.submit("").verdict is Verdict.REVEALED  # Enter on empty: the answer is shown
    assert session.undo().kind == "answer"
    assert session.seen_answer is Verdict.REVEALED
    clock.advance(seconds=2)
    assert session.submit(card.answer).verdict is Verdict.RIGHT  # shown as right...
    assert session.suggested is Rating.AGAIN  # ...but the learner did not recall it
    session.rate()
    (review,) = store.reviews(session.profile.id)
    assert (review.grade, review.verdict) == (1, "revealed")
    summary = session.summary
    assert (summary.right, summary.wrong) == (0, 1)
    assert summary.to_revisit == [card]


def test_a_retry_after_undoing_a_wrong_answer_on_a_review_card_is_not_easy(make_session, store, clock):
    session = _review_card(make_session, clock, "sec907")
    session.submit("Section 909")  # wrong; the feedback shows "Section 907"
    session.undo()
    clock.advance(seconds=1)
    assert session.submit("Section 907").verdict is Verdict.RIGHT
    assert session.suggested is Rating.AGAIN  # was Easy: fast and right
    session.rate(Rating.GOOD)  # the learner may still choose otherwise
    review = store.reviews(session.profile.id)[-1]
    assert (review.grade, review.verdict) == (3, "wrong")


def test_a_retry_after_undoing_an_almost_answer_is_hard_at_most(make_session, clock):
    session = _review_card(make_session, clock, "wilson-1919")
    assert session.submit("Woodrow Wilsen").verdict is Verdict.ALMOST
    session.undo()
    clock.advance(seconds=1)
    session.submit("Woodrow Wilson")
    assert (session.seen_answer, session.suggested) == (Verdict.ALMOST, Rating.HARD)


def test_undoing_the_rating_of_a_wrong_answer_keeps_it_for_the_retry(make_session, store, clock):
    session = _review_card(make_session, clock, "sec907")
    session.submit("Section 909")
    session.rate()  # Again
    assert session.undo().kind == "rating"
    assert session.seen_answer is Verdict.WRONG
    clock.advance(seconds=1)
    session.submit("Section 907")
    assert session.suggested is Rating.AGAIN


def test_a_right_answer_taken_back_is_graded_as_usual(make_session, clock):
    """Undo after a right answer (say, to fix a mistyped rating key) changes nothing."""
    session = _review_card(make_session, clock, "sec907")
    session.submit("Section 907")
    session.undo()
    assert session.seen_answer is None
    clock.advance(seconds=1)
    session.submit("Section 907")
    assert session.suggested is Rating.EASY


def test_a_card_failed_minutes_ago_is_never_suggested_easy(make_session, clock):
    session = _review_card(make_session, clock, "sec907")
    session.submit("Section 909")
    session.rate()  # Again: relearning, back in a few minutes
    clock.advance(minutes=15)
    while (card := session.next_card()).id != "sec907":
        session.submit(card.answer if card.is_typed else "")
        session.rate(Rating.GOOD)
    assert session.progress[card.key].memory.state is State.RELEARNING
    clock.advance(seconds=1)
    session.submit("Section 907")  # fast and right
    assert session.suggested is Rating.GOOD  # was Easy, which skips the relearning step


def test_a_true_false_card_right_after_failing_it_is_hard_at_most(make_session, clock):
    session = _review_card(make_session, clock, "embassy")
    card = session.current
    assert card.type is CardType.TRUEFALSE
    session.submit("f")  # wrong: the feedback shows True
    session.rate()
    clock.advance(minutes=15)
    while (shown := session.next_card()).key != card.key:
        session.submit(shown.answer if shown.is_typed else "")
        session.rate(Rating.GOOD)
    clock.advance(seconds=1)
    assert session.submit("t").verdict is Verdict.RIGHT
    assert session.suggested is Rating.HARD  # with two options the second answer is a given


def test_a_failed_card_comes_back_early_only_when_nothing_else_is_left(make_session, write_deck, clock):
    path = write_deck(
        "title: T\ncards:\n"
        "  - {id: a, type: qa, question: Q1?, answer: A1}\n"
        "  - {id: b, type: qa, question: Q2?, answer: A2}\n"
    )
    session = make_session([path])
    first = session.next_card()
    session.submit("nope")
    session.rate()  # Again: due in a minute
    assert session.next_card().id != first.id and session.early_by is None  # the other card first
    session.submit("nope")
    session.rate()
    clock.advance(seconds=20)
    # Nothing else is left: the first card is shown 40 s before its step ends (learn ahead).
    assert session.next_card().id == first.id
    assert session.early_by == timedelta(seconds=40)
    session.submit("A1")
    session.rate()
    clock.advance(minutes=2)
    assert session.next_card().id == "b" and session.early_by is None  # due: not early


def test_the_summary_counts_learning_cards_due_later_today(make_session, clock):
    session = make_session()
    session.next_card()
    session.submit("")
    session.rate()  # Again: back in a minute
    session.next_card()
    session.submit("Section 907")
    session.rate(Rating.GOOD)  # back in ten minutes
    clock.advance(seconds=30)
    summary = session.finish()
    assert summary.later_today == 2
    assert summary.next_later_today == timedelta(seconds=30)
    assert summary.due_tomorrow == 0
