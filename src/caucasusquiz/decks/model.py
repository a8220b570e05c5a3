"""The deck data model: what a deck file means once it has been read and checked.

Cards are immutable values. Progress is never stored here: it is keyed by
(deck id, card id) in the progress store, so rewording a card keeps its history.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class CardType(StrEnum):
    CLOZE = "cloze"
    QA = "qa"
    CHOICE = "choice"
    TRUEFALSE = "truefalse"

    @property
    def label(self) -> str:
        """How the kind of card is named to a learner."""
        return _TYPE_LABELS[self]


_TYPE_LABELS = {
    CardType.CLOZE: "fill the blank",
    CardType.QA: "question",
    CardType.CHOICE: "multiple choice",
    CardType.TRUEFALSE: "true or false",
}


CARD_TYPES: tuple[str, ...] = tuple(t.value for t in CardType)

# `{{answer}}` or `{{answer::hint}}`; non-greedy so two blanks are seen as two.
CLOZE_BLANK = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
CLOZE_PLACEHOLDER = "[…]"


@dataclass(frozen=True, slots=True)
class Card:
    """One study card. `answer` is always text; for true/false it is "true" or "false"."""

    deck_id: str
    id: str
    type: CardType
    answer: str
    # The question as written in the file: cloze text with its blank, a question, or a statement.
    prompt: str
    line: int = 0
    accept: tuple[str, ...] = ()
    distractors: tuple[str, ...] = ()
    hint: str | None = None
    tags: tuple[str, ...] = ()
    source: str | None = None
    context: str | None = None
    # The author's sign-off as written (`true` or a date), None for a card nobody reviewed.
    reviewed: str | None = None
    # `reviewed: false` written out: a draft even without the generator's manifest (an import).
    draft: bool = False
    # The identity progress is stored under; kept as a field because queues look it up
    # for every card.
    key: tuple[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", (self.deck_id, self.id))

    @property
    def question(self) -> str:
        """The prompt as shown before answering: a cloze has its blank hidden."""
        if self.type is CardType.CLOZE:
            blank = f"[{self.hint}]" if self.hint else CLOZE_PLACEHOLDER
            return CLOZE_BLANK.sub(lambda _: blank, self.prompt, count=1)
        return self.prompt

    @property
    def is_typed(self) -> bool:
        """Typed cards are answered by typing; the others by picking an option."""
        return self.type in (CardType.CLOZE, CardType.QA)

    @property
    def full_text(self) -> str:
        """The cloze sentence with its blank filled in (other types: the prompt)."""
        if self.type is CardType.CLOZE:
            return CLOZE_BLANK.sub(lambda m: m.group(1).split("::", 1)[0], self.prompt, count=1)
        return self.prompt

    @property
    def source_file(self) -> str | None:
        if not self.source:
            return None
        name, _, _ = self.source.rpartition(":")
        return name or self.source

    @property
    def source_line(self) -> int | None:
        if not self.source:
            return None
        _, _, line = self.source.rpartition(":")
        # ASCII digits only, and few: int() refuses "²" and numbers of 4,300+ digits.
        return int(line) if line.isascii() and line.isdigit() and len(line) <= 9 else None


@dataclass(frozen=True, slots=True)
class Deck:
    id: str
    title: str
    path: Path
    cards: tuple[Card, ...]
    description: str | None = None
    tags: tuple[str, ...] = ()
    # Generated card ids the author dropped, so that regeneration does not bring them back.
    dropped: tuple[str, ...] = ()
    # `study: reviewed`: students see only the cards an author signed off.
    reviewed_only: bool = False
    # `documents:`: the folders (from the deck file's folder) its cards' sources are in.
    documents: tuple[Path, ...] = ()

    @property
    def study_cards(self) -> tuple[Card, ...]:
        """The cards a student studies: all of them, or the reviewed ones when the deck says so."""
        if self.reviewed_only:
            return tuple(card for card in self.cards if card.reviewed)
        return self.cards


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in a deck file, pointing at the line a teacher should open."""

    path: Path
    line: int
    message: str
    hint: str | None = None
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.severity.value}: {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


@dataclass(slots=True)
class DeckLoad:
    """The result of reading one deck file: the usable deck (if any) and every problem found."""

    path: Path
    deck: Deck | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors
