"""The four answer grades. The numbers are FSRS's ratings and the keys 1–4 in the app."""

from __future__ import annotations

from enum import IntEnum


class Rating(IntEnum):
    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4

    @property
    def label(self) -> str:
        return self.name.capitalize()


def suggestion_for(
    suggested: Rating,
    card_is_new: bool,
    *,
    learning: bool = False,
    failed_before: bool = False,
    forced_choice: bool = False,
    taken_back: Rating | None = None,
) -> Rating:
    """The rating to suggest, given the one the answer alone earns.

    A brand-new card is suggested Good at most. Easy on a first sight means an 8-day first
    interval (FSRS's initial stability for Easy) and skips the learning steps, yet a fast
    right answer to a card never seen before is weak evidence: a choice or true/false card
    can be guessed, and a sibling seen minutes ago may have just given the fact away. The
    learner can still press Easy for a fact they truly knew.

    A `learning` card (new or forgotten minutes ago, on its learning steps) is suggested
    Good at most too: Easy would skip the steps meant to check it. A `forced_choice` card
    (true/false) `failed_before` in this session, its answer shown, is Hard at most: with
    two options, the second answer is a given.

    `taken_back`: what an answer to this card earned before the learner undid it, after
    seeing its feedback. A retry after seeing the answer is not a recall, so the first
    answer's grade stays the ceiling (a reveal or a wrong answer stays Again).
    """
    cap = Rating.GOOD if card_is_new or learning else Rating.EASY
    if failed_before and forced_choice:
        cap = min(cap, Rating.HARD)
    if taken_back is not None:
        cap = min(cap, taken_back)
    return min(suggested, cap)
