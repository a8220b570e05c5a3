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


def suggestion_for(suggested: Rating, card_is_new: bool) -> Rating:
    """The rating to suggest, given the one the answer alone earns.

    A brand-new card is suggested Good at most. Easy on a first sight means an 8-day first
    interval (FSRS's initial stability for Easy) and skips the learning steps, yet a fast
    right answer to a card never seen before is weak evidence: a choice or true/false card
    can be guessed, and a sibling seen minutes ago may have just given the fact away. The
    learner can still press Easy for a fact they truly knew.
    """
    if card_is_new and suggested > Rating.GOOD:
        return Rating.GOOD
    return suggested
