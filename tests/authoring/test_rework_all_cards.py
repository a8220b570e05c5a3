"""Walking every card (`author --all`): reviewed and hand-made cards too, with the drafts' keys."""

from __future__ import annotations

from datetime import date

from caucasusquiz.authoring.review import DraftReview
from caucasusquiz.decks.loader import read_deck

TODAY = date(2026, 11, 29)
EARLIER = date(2026, 10, 1)
EVERY_CARD = ["wilson-1919", "embassy-1992", "embassy-tf", "btc-choice", "hand-made", "scp"]


def walk(path, scope="all", today=TODAY) -> DraftReview:
    deck = read_deck(path).deck
    assert deck is not None
    return DraftReview([deck], today, scope)


def card(path, card_id):
    deck = read_deck(path).deck
    assert deck is not None
    return next((c for c in deck.cards if c.id == card_id), None)


def sign_off_wilson(path) -> None:
    """Wilson kept a month ago: a reviewed generated card."""
    walk(path, "drafts", EARLIER).keep()
    assert card(path, "wilson-1919").reviewed == "2026-10-01"


def visit(review: DraftReview) -> list[str]:
    seen = []
    while review.current is not None:
        seen.append(review.current.id)
        review.skip()
        if len(seen) == review.total:
            break
    return seen


def test_every_card_in_file_order_with_what_each_is(draft_deck):
    sign_off_wilson(draft_deck)
    review = walk(draft_deck)
    assert review.scope == "all" and review.left == 6
    assert visit(review) == EVERY_CARD
    statuses = {c.id: review.status(c) for c in review.all_cards()}
    assert statuses["wilson-1919"] == "reviewed 2026-10-01"
    assert statuses["embassy-1992"] == "draft"
    assert statuses["hand-made"] == "hand-made"


def test_dropping_a_hand_made_card_deletes_it_and_undo_puts_it_back(draft_deck):
    before = draft_deck.read_bytes()
    review = walk(draft_deck)
    while review.current is not None and review.current.id != "hand-made":
        review.skip()
    review.drop()
    assert card(draft_deck, "hand-made") is None
    deck = read_deck(draft_deck).deck
    assert deck is not None and deck.dropped == ()  # nothing for `generate` to remember
    assert review.decks["early"].dropped == ()
    assert "What is the capital of Azerbaijan?" not in draft_deck.read_text(encoding="utf-8")
    assert review.undo() == "dropped"
    assert draft_deck.read_bytes() == before
    assert review.current is not None and review.current.id == "hand-made"


def test_dropping_a_reviewed_generated_card_remembers_it(draft_deck):
    sign_off_wilson(draft_deck)
    review = walk(draft_deck)
    assert review.current is not None and review.current.id == "wilson-1919"
    review.drop()
    deck = read_deck(draft_deck).deck
    assert deck is not None and deck.dropped == ("wilson-1919",)
    assert card(draft_deck, "wilson-1919") is None


def test_editing_a_reviewed_card_keeps_it_reviewed_as_of_today(draft_deck):
    sign_off_wilson(draft_deck)
    review = walk(draft_deck)
    review.update({"answer": "Thomas Woodrow Wilson"})
    edited = card(draft_deck, "wilson-1919")
    assert edited.answer == "Thomas Woodrow Wilson" and edited.reviewed == "2026-11-29"
    text = draft_deck.read_text(encoding="utf-8")
    assert text.count("reviewed:") == 1  # the mark was renewed, not written twice


def test_editing_a_draft_or_a_hand_made_card_adds_no_sign_off(draft_deck):
    review = walk(draft_deck)
    review.update({"answer": "T. W. Wilson"})  # a draft stays a draft until kept
    assert card(draft_deck, "wilson-1919").reviewed is None
    while review.current is not None and review.current.id != "hand-made":
        review.skip()
    review.update({"answer": "Baku city"})
    assert card(draft_deck, "hand-made").reviewed is None


def test_keep_signs_off_a_hand_made_card_and_renews_a_reviewed_one(draft_deck):
    sign_off_wilson(draft_deck)
    review = walk(draft_deck)
    review.keep()
    assert card(draft_deck, "wilson-1919").reviewed == "2026-11-29"
    while review.current is not None and review.current.id != "hand-made":
        review.skip()
    review.keep()
    assert card(draft_deck, "hand-made").reviewed == "2026-11-29"
    assert read_deck(draft_deck).ok


def test_switching_starts_at_the_card_on_screen_and_undo_returns_to_its_walk(draft_deck):
    review = walk(draft_deck, "drafts")
    review.skip()
    review.skip()
    assert review.current is not None and review.current.id == "embassy-tf"
    review.switch("all")
    assert review.scope == "all" and review.left == 6 and review.done == 0
    assert visit(review) == [*EVERY_CARD[2:], *EVERY_CARD[:2]]
    while review.current is not None and review.current.id != "scp":
        review.skip()
    review.switch("drafts")  # scp is no draft: the walk goes on at the next draft, round the end
    assert review.current is not None and review.current.id == "wilson-1919" and review.left == 4
    review.switch("all")
    review.keep()  # wilson, now in the walk of every card
    review.switch("drafts")
    assert review.left == 3
    assert review.undo() == "kept"
    assert review.scope == "all" and review.current.id == "wilson-1919"  # type: ignore[union-attr]
    assert card(draft_deck, "wilson-1919").reviewed is None
