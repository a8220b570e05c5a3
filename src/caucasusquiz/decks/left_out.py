"""Which cards written in the deck files are not studied, and why: said the same way by `check`,
plain study and the app, from what the loader counted while it read each file once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from caucasusquiz.decks.model import Deck, DeckLoad, ProblemKind
from caucasusquiz.text import plural, strip_forbidden

_CARDS_LINE = re.compile(r"^cards\s*:\s*(#.*)?$", re.MULTILINE)
_ITEM = re.compile(r"^([ ]*)-(?:\s|$)", re.MULTILINE)


def items_by_lines(text: str) -> int:
    """How many cards a file that YAML cannot read has, as a teacher counts them: the lines
    starting a list item at the indentation of the first item below `cards:`."""
    found = _CARDS_LINE.search(text)
    if found is None:
        return 0
    items = list(_ITEM.finditer(text, found.end()))
    if not items:
        return 0
    indent = items[0].group(1)
    return sum(1 for item in items if item.group(1) == indent)


# What brings a file left out whole back, by the problem that left it out (the first listed
# that the file has): "until its errors are fixed" says nothing to do about a photo.
_UNTIL = {
    ProblemKind.YAML_SYNTAX: " until the syntax error is fixed",
    ProblemKind.MERGE_CONFLICT: " until the merge conflict is resolved",
    ProblemKind.SAME_DECK_ID: " until one of the two files is renamed",
    ProblemKind.TOO_LARGE: " until it is split into smaller deck files",
    ProblemKind.NOT_UTF8: " until it is saved as UTF-8 text",
    ProblemKind.BINARY: ": it is not a text file (move it out of the decks folder)",
}


def whole_file_left_out(load: DeckLoad) -> str | None:
    """`early-history.yaml: whole file left out (13 cards) until the syntax error is fixed`,
    for a deck file none of whose cards can be studied; None for a deck that loaded."""
    if not load.left_out_whole:
        return None
    count = f" ({plural(load.written, 'card')})" if load.written else ""
    kinds = {problem.kind for problem in load.errors}
    until = next((said for kind, said in _UNTIL.items() if kind in kinds), " until its errors are fixed")
    # A file name can hold an override too: said safely for every reader, as problems are.
    return strip_forbidden(f"{load.path.name}: whole file left out{count}{until}")


@dataclass(frozen=True, slots=True)
class LeftOut:
    """The card items written in the files that are not among the cards studied, by reason."""

    whole_files: int  # deck files left out whole (some may have no items)
    in_whole_files: int
    duplicate_ids: int
    with_errors: int

    @property
    def total(self) -> int:
        return self.in_whole_files + self.duplicate_ids + self.with_errors

    def __str__(self) -> str:
        """`15 left out: 13 in a file left out whole, 1 duplicate id, 1 with errors`; "" for none."""
        if not self.total:
            return ""
        files = "a file" if self.whole_files == 1 else "files"
        reasons = [f"{self.in_whole_files} in {files} left out whole"] if self.in_whole_files else []
        reasons += [plural(self.duplicate_ids, "duplicate id")] if self.duplicate_ids else []
        reasons += [f"{self.with_errors} with errors"] if self.with_errors else []
        return f"{self.total} left out: {', '.join(reasons)}"


def cards_left_out(loads: Iterable[DeckLoad]) -> LeftOut:
    """So that the count matches what the teacher sees in the files: every item written,
    less the cards loaded, put down to whole files first, then to duplicate ids."""
    loads = list(loads)
    written = sum(load.written for load in loads)
    studied = sum(len(load.deck.cards) for load in loads if load.deck is not None)
    missing = max(0, written - studied)
    whole = [load for load in loads if load.left_out_whole]
    in_whole = min(sum(load.written for load in whole), missing)
    duplicates = sum(
        1
        for load in loads
        if not load.left_out_whole
        for problem in load.errors
        if problem.kind is ProblemKind.DUPLICATE_ID
    )
    duplicates = min(duplicates, missing - in_whole)
    return LeftOut(len(whole), in_whole, duplicates, missing - in_whole - duplicates)


def hidden_by_study(decks: Iterable[Deck]) -> int:
    """Cards that load but are not studied: a deck with `study: reviewed` hides its cards
    without a reviewed mark, a hand-written card added later as much as a generated draft."""
    return sum(len(deck.cards) - len(deck.study_cards) for deck in decks)


def hidden_by_study_text(decks: Iterable[Deck]) -> str:
    """`1 card without a reviewed mark hidden by study: reviewed`, or "" when none is."""
    hidden = hidden_by_study(decks)
    if not hidden:
        return ""
    return f"{plural(hidden, 'card')} without a reviewed mark hidden by `study: reviewed`"
