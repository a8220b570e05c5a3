"""The deck data model: what a deck file means once it has been read and checked.

Cards are immutable values. Progress is never stored here: it is keyed by
(deck id, card id) in the progress store, so rewording a card keeps its history.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from caucasusquiz.text import strip_forbidden


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
            # "[…: month year]": a blank with the form its answer takes, never a bare
            # "[month year]" that reads as a placeholder left in the text.
            blank = f"[…: {self.hint}]" if self.hint else CLOZE_PLACEHOLDER
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


class ProblemKind(StrEnum):
    """What a deck problem is, for code to decide on: the message is for people, and its
    wording may change (the values are stable and may be shown or stored)."""

    # The file as a whole.
    FILE_NAME = "file-name"
    UNREADABLE = "unreadable"
    TOO_LARGE = "too-large"
    BINARY = "binary"
    NOT_UTF8 = "not-utf8"
    YAML_SYNTAX = "yaml-syntax"
    MERGE_CONFLICT = "merge-conflict"  # git's <<<<<<< / ======= / >>>>>>> lines left in
    UNSAFE_YAML = "unsafe-yaml"  # anchors, aliases, merge keys, object tags
    TAB_INDENT = "tab-indent"
    EMPTY_FILE = "empty-file"
    SAME_DECK_ID = "same-deck-id"  # history.yaml and history.yml
    UNSUPPORTED_VERSION = "unsupported-version"
    # The shape of the data.
    WRONG_SHAPE = "wrong-shape"  # a list where text belongs, a card that is not a mapping…
    MISSING_FIELD = "missing-field"
    NO_CARDS = "no-cards"
    EMPTY_VALUE = "empty-value"
    UNKNOWN_FIELD = "unknown-field"
    FIELD_OF_OTHER_TYPE = "field-of-other-type"
    DUPLICATE_KEY = "duplicate-key"
    FORBIDDEN_CHARACTER = "forbidden-character"
    INVALID_VALUE = "invalid-value"  # `study:`, `reviewed:`, a true/false answer
    # Ids.
    MISSING_ID = "missing-id"
    INVALID_ID = "invalid-id"
    DUPLICATE_ID = "duplicate-id"
    DROPPED_BUT_PRESENT = "dropped-but-present"
    # The cards themselves.
    UNKNOWN_TYPE = "unknown-type"
    NO_TYPE = "no-type"
    CLOZE_BLANK = "cloze-blank"
    TOO_FEW_DISTRACTORS = "too-few-distractors"
    ANSWER_IS_DISTRACTOR = "answer-is-distractor"
    REPEATED_DISTRACTOR = "repeated-distractor"
    MANY_DISTRACTORS = "many-distractors"
    GIVES_ANSWER_AWAY = "gives-answer-away"
    LONG_TEXT = "long-text"
    UNSAFE_PATH = "unsafe-path"  # a `source:` or `documents:` outside the deck's folders
    TAG_WITH_SPACE = "tag-with-space"
    # Text YAML reads otherwise than a teacher wrote it.
    SPLIT_AT_COMMA = "split-at-comma"  # accept: [1,500] is two items, 1 and 500
    COMMENT_CUTS_TEXT = "comment-cuts-text"  # question: Which came first? #1 or #2
    # Where a card came from (`check` only: it reads the documents).
    SOURCE_NOT_FOUND = "source-not-found"
    SOURCE_LINE = "source-line"  # past the document's end, or not holding the card's fact


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in a deck file, pointing at the line a teacher should open."""

    path: Path
    line: int
    message: str
    hint: str | None = None
    severity: Severity = Severity.ERROR
    # Keyword-only and without a default: every place that finds a problem says what it is.
    kind: ProblemKind = field(kw_only=True)

    def __post_init__(self) -> None:
        # Messages and hints quote the file (a line, a card's first words), which may hold a
        # text-direction override or a control character: made safe here, once, so that no
        # reader (check, plain study, the app's dialogs) shows it as it is.
        object.__setattr__(self, "message", strip_forbidden(self.message))
        if self.hint is not None:
            object.__setattr__(self, "hint", strip_forbidden(self.hint))

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
    # The items of the file's `cards:` list, as a teacher counts them in the file, broken ones
    # too: counted while the file is read, so saying what a problem costs never reads it again.
    written: int = 0

    @property
    def left_out_whole(self) -> bool:
        """None of the file's cards can be studied (a syntax error, no title, not a deck…)."""
        return self.deck is None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors
