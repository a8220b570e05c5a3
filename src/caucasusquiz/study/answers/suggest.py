"""The rating suggested after an answer: Again, Hard, Good or Easy."""

from __future__ import annotations

import math

from caucasusquiz.study.answers.verdict import AnswerCheck, Verdict
from caucasusquiz.study.rating import Rating

# "Fast" means recalled without effort. The clock runs from showing the card to submitting,
# so it includes reading the prompt and typing. A fluent recall of a short prompt takes about
# 2–3 s; a student types about 200 characters a minute (0.3 s a character). Typed answers
# are therefore fast within 3 s plus 0.3 s per typed character ("1992": 4.2 s; "Woodrow
# Wilson": 7.2 s). Picking an option needs no typing but reading the options: a fixed 5 s.
# Erring on the slow side matters: a false Easy stretches the interval far more than a
# false Good shortens it.
RECALL_SECONDS = 3.0
SECONDS_PER_TYPED_CHARACTER = 0.3
OPTION_FAST_SECONDS = 5.0


def fast_answer_seconds(check: AnswerCheck) -> float:
    """The answer time under which a right answer is suggested as Easy."""
    if check.by_option:
        return OPTION_FAST_SECONDS
    return RECALL_SECONDS + SECONDS_PER_TYPED_CHARACTER * len(check.typed)


def suggest_rating(check: AnswerCheck, seconds: float | None) -> Rating:
    """wrong or revealed → Again; almost → Hard; right → Good, or Easy when fast.

    An unknown or impossible time (None, negative, NaN) never earns Easy.
    """
    if check.verdict in (Verdict.WRONG, Verdict.REVEALED):
        return Rating.AGAIN
    if check.verdict is Verdict.ALMOST:
        return Rating.HARD
    if seconds is None or not math.isfinite(seconds) or seconds < 0:
        return Rating.GOOD
    return Rating.EASY if seconds <= fast_answer_seconds(check) else Rating.GOOD
