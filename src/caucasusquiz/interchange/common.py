"""What every importer produces, and the text clean-up they share."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TypedDict

from caucasusquiz.decks.model import CLOZE_BLANK, CardType
from caucasusquiz.errors import UserError
from caucasusquiz.text import strip_forbidden

# Cloze blanks in flat formats (Quizlet, Kahoot, CSV): `[…]`, or `[…: hint]` (`[...]` typed by
# hand works too). Not `___`: generated question cards use that inside ordinary questions.
FLAT_BLANK = "[…]"
FLAT_BLANK_PATTERN = re.compile(r"\[(?:…|\.\.\.)(?::\s*([^\[\]]*))?\]")
TRUE_FALSE_PREFIX = "True or false: "
_SPACES = re.compile(r"\s+")
_TRUTH = {"true": True, "false": False, "t": True, "f": False, "yes": True, "no": False}


class BadFile(UserError):
    """A file we cannot import or read: one message naming the file and what to do."""


@dataclass(frozen=True, slots=True)
class Reason:
    """Why items were left out, said of one and of several: a summary reads "skipped 1 row
    without …" and "skipped 2 rows without …", never "1 rows" (newuser5 F-H)."""

    one: str
    many: str

    def counted(self, count: int) -> str:
        return f"{count} {self.one if count == 1 else self.many}"


@dataclass(frozen=True, slots=True)
class ImportedCard:
    """A card read from another tool, in our terms, with where it came from."""

    type: CardType
    prompt: str  # cloze text with one {{blank}}, a question, or a statement
    answer: str  # "true"/"false" for true/false cards
    origin: str  # for the comment above the card: "Anki note c#~?afeX", "row 12"
    id: str | None = None  # kept when the file carries our own ids
    accept: tuple[str, ...] = ()
    distractors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    source: str | None = None
    context: str | None = None
    reviewed: str | None = None  # the author's sign-off carried over ("true" or a date)
    draft: bool = False  # a generated card nobody had reviewed yet


class Extras(TypedDict, total=False):
    """The optional parts of an `ImportedCard`, gathered before its type is known."""

    id: str | None
    tags: tuple[str, ...]
    source: str | None
    context: str | None
    reviewed: str | None
    draft: bool


@dataclass(frozen=True, slots=True)
class DeckFields:
    """A deck file's own fields that Anki has no place for, carried by our export so that
    an import writes the deck as it was: its top-level keys in the file's order, the deck's
    tags, its `documents:` folders and `study:`."""

    order: tuple[str, ...] = ()  # the top-level keys as the file had them
    tags: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()  # as written: relative to the deck file
    documents_at: tuple[str, ...] = ()  # where each resolved to on the exporting machine
    study: str | None = None  # "reviewed" or "all", when the file said


@dataclass(slots=True)
class ImportedDeck:
    """The cards for one deck file, and the name it had in the other tool."""

    name: str
    cards: list[ImportedCard] = field(default_factory=list)
    id: str | None = None  # our deck id, when the file carries it
    description: str | None = None
    dropped: tuple[str, ...] = ()  # generated card ids the author dropped
    fields: DeckFields | None = None  # when the file was our own export


@dataclass(slots=True)
class ImportResult:
    """Everything read from one file, and everything that was left out, with counts."""

    path_name: str
    kind: str  # "Anki package", "Quizlet text", ...
    decks: list[ImportedDeck] = field(default_factory=list)
    skipped: Counter[Reason] = field(default_factory=Counter)  # reason -> count
    media: Counter[str] = field(default_factory=Counter)  # media file name -> references

    def deck(self, name: str, deck_id: str | None = None) -> ImportedDeck:
        for deck in self.decks:
            if deck.name == name and deck.id == deck_id:
                return deck
        deck = ImportedDeck(name, id=deck_id)
        self.decks.append(deck)
        return deck

    @property
    def card_count(self) -> int:
        return sum(len(d.cards) for d in self.decks)


def clean_text(text: str) -> str:
    """One line of plain, printable text: what a deck field may hold."""
    return _SPACES.sub(" ", strip_forbidden(text).replace("\ufffd", " ")).strip()


def truth_value(text: str) -> bool | None:
    return _TRUTH.get(text.strip().casefold())


def cloze_from_flat(front: str, answer: str) -> str | None:
    """`The embassy opened in […: year].` + `1992` → `… in {{1992::year}}.`; None without one blank."""
    blanks = FLAT_BLANK_PATTERN.findall(front)
    if len(blanks) != 1 or not answer or "{{" in front or "}}" in answer:
        return None
    hint = blanks[0].strip()

    def fill(_match: re.Match[str]) -> str:
        return "{{" + answer + (f"::{hint}" if hint else "") + "}}"

    return FLAT_BLANK_PATTERN.sub(fill, front, count=1)


def flat_cloze(prompt: str, hint: str | None) -> str:
    """The cloze text with its blank as `[…]` (or `[…: hint]`), for formats without cloze support."""
    blank = f"[…: {hint}]" if hint else FLAT_BLANK
    return CLOZE_BLANK.sub(lambda _: blank, prompt, count=1)
