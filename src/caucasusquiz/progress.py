"""A learner's progress as records: a card's memory state, its stored row, profiles, reviews.

Both the study engine (which computes new states) and the store (which keeps them) use
these records, so neither has to import the other.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import IntEnum

FSRS_PARAMETER_COUNT = 21  # FSRS-6: a profile's fitted parameters are a list of this many numbers

CardKey = tuple[str, str]
"""(deck id, card id): how progress is keyed, never by a card's content."""


class State(IntEnum):
    NEW = 0
    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


@dataclass(frozen=True, slots=True)
class Memory:
    """Everything the scheduler knows about one card for one learner. Times are UTC epoch ms."""

    state: State = State.NEW
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due_ms: int | None = None
    last_review_ms: int | None = None
    reps: int = 0
    lapses: int = 0

    @property
    def is_new(self) -> bool:
        return self.state is State.NEW

    @property
    def is_learning(self) -> bool:
        return self.state in (State.LEARNING, State.RELEARNING)

    def interval_days(self) -> float | None:
        if self.due_ms is None or self.last_review_ms is None:
            return None
        return (self.due_ms - self.last_review_ms) / 86_400_000


@dataclass(frozen=True, slots=True)
class CardProgress:
    """A card's stored row: its memory plus what the learner did to it."""

    memory: Memory = field(default_factory=Memory)
    suspended: bool = False
    buried_until_ms: int | None = None
    leech: bool = False

    def to_json(self) -> str:
        data = asdict(self)
        data["memory"]["state"] = int(self.memory.state)
        return json.dumps(data, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> CardProgress:
        data = json.loads(text)
        memory = data.pop("memory")
        memory["state"] = State(memory["state"])
        return cls(memory=Memory(**memory), **data)


@dataclass(frozen=True, slots=True)
class Profile:
    id: int
    name: str
    fsrs_parameters: tuple[float, ...] | None


@dataclass(frozen=True, slots=True)
class ReviewRow:
    id: int
    deck_id: str
    card_id: str
    reviewed_ms: int
    grade: int
    typed: str | None
    verdict: str | None
    duration_ms: int | None
    state_before: int
    elapsed_days: float | None
    interval_days: float | None
