"""Quizlet: the text its "Import" box takes, and the text its "Export" gives.

Term and definition are separated by a tab (or a comma, or any custom text), cards by a
new line (or a semicolon, or custom text); the text has no quoting, so tabs and line
breaks inside a card become spaces on export. Fronts follow `flat`'s conventions, so
cloze, true/false and multiple-choice cards come back as what they were.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from caucasusquiz.decks.model import Deck
from caucasusquiz.interchange import flat
from caucasusquiz.interchange.common import BadFile, ImportResult, Reason
from caucasusquiz.interchange.textfile import read_text

_ESCAPES = {"\\t": "\t", "\\n": "\n", "tab": "\t", "newline": "\n", "comma": ",", "semicolon": ";"}


def separator(text: str | None) -> str | None:
    """A separator as typed on a command line: `\\t`, `tab`, `\\n`, `;` …"""
    if text is None:
        return None
    return _ESCAPES.get(text.casefold(), text.replace("\\t", "\t").replace("\\n", "\n"))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def export_quizlet(decks: Sequence[Deck]) -> str:
    lines = [
        f"{_one_line(flat.front(card))}\t{_one_line(flat.back(card))}"
        for deck in decks
        for card in deck.cards
    ]
    return "\n".join(lines) + "\n"


def import_quizlet(path: Path, term_sep: str | None = None, card_sep: str | None = None) -> ImportResult:
    text = read_text(path, "Quizlet text")
    cards_text = text.split(card_sep or "\n")
    rows = [(n, row) for n, row in enumerate(cards_text, 1) if row.strip()]
    if not rows:
        raise BadFile(f"{path.name} is empty")
    term_sep = term_sep or _guess_term_separator([row for _, row in rows], path)
    result = ImportResult(path.name, "Quizlet text")
    deck = result.deck(path.stem)
    where = "line" if (card_sep or "\n") == "\n" else "card"
    for number, row in rows:
        term, found, definition = row.partition(term_sep)
        if not found:
            shown = "tab" if term_sep == "\t" else repr(term_sep)
            raise BadFile(
                f"{path.name}: {where} {number} has no {shown} between term and definition: {row[:60]!r}",
                "give the separators Quizlet used with --term-sep and --card-sep; nothing was imported",
            )
        card = flat.card_from_flat(term, definition, f"{where} {number} of {path.name}")
        if card is None:
            result.skipped[
                Reason("card with an empty term or definition", "cards with an empty term or definition")
            ] += 1
        else:
            deck.cards.append(card)
    return result


def _guess_term_separator(rows: list[str], path: Path) -> str:
    for candidate in ("\t", ","):
        if all(candidate in row for row in rows):
            return candidate
    raise BadFile(
        f"{path.name}: cannot tell how terms and definitions are separated "
        "(not by tabs or commas on every line)",
        "give it with --term-sep, e.g. --term-sep ' - '",
    )
