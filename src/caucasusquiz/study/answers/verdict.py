"""What checking an answer says: the verdict, what was typed, and the difference to show."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

# "same"; "missing": in the expected text, not typed; "extra": typed, not expected.
SegmentKind = Literal["same", "missing", "extra"]


class Verdict(StrEnum):  # a str: "right" == Verdict.RIGHT
    RIGHT = "right"
    ALMOST = "almost"
    WRONG = "wrong"
    REVEALED = "revealed"  # empty input: the learner asked to see the answer


@dataclass(frozen=True, slots=True)
class DiffSegment:
    text: str
    kind: SegmentKind


@dataclass(frozen=True, slots=True)
class AnswerCheck:
    verdict: Verdict
    typed: str  # what the learner typed (stripped)
    expected: str  # the canonical answer to show
    matched: str | None  # the accepted form that matched; None if wrong or revealed
    # Typed vs the closest accepted form, as written (not normalised). Joining same+extra
    # gives `typed`, same+missing the form. Empty when typed exactly, revealed, or for options.
    diff: tuple[DiffSegment, ...]
    # Answered by picking an option (choice, true/false) rather than typing the answer.
    by_option: bool = False


TRUE_FALSE_OPTIONS: tuple[str, str] = ("True", "False")  # fixed order, never shuffled
