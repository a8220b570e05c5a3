"""Checking a learner's answer: typed answers, multiple choice and true/false.

Pure domain logic with no UI import: the study engine, the plain line mode and the TUI all
call this package, possibly on every key press, so a check takes tens of microseconds.
One module per job: `normalize` (the canonical form), `typed` (right/almost/wrong rules),
`diff` (what is shown), `options` (choice and true/false), `suggest` (the rating).
"""

from __future__ import annotations

from caucasusquiz.study.answers.diff import meaningful_diff, word_diff
from caucasusquiz.study.answers.normalize import normalize
from caucasusquiz.study.answers.options import check_option, choice_options, parse_option
from caucasusquiz.study.answers.suggest import fast_answer_seconds, suggest_rating
from caucasusquiz.study.answers.typed import check_typed
from caucasusquiz.study.answers.verdict import TRUE_FALSE_OPTIONS, AnswerCheck, DiffSegment, Verdict

# One Rating class for the whole app: FSRS numbers, also the keys 1–4.
from caucasusquiz.study.rating import Rating

__all__ = [
    "TRUE_FALSE_OPTIONS",
    "AnswerCheck",
    "DiffSegment",
    "Rating",
    "Verdict",
    "check_option",
    "check_typed",
    "choice_options",
    "fast_answer_seconds",
    "meaningful_diff",
    "normalize",
    "parse_option",
    "suggest_rating",
    "word_diff",
]
