"""Which cards were made from the same source sentence ("siblings").

A card names its sentence twice: `source` (file:line) and `context` (the sentence itself).
Neither is enough alone. A sentence broken over several lines of a scraped page (a wiki
link preview in the middle) gives two cards on it two different lines, and a card whose
context joins two sentences shares a sentence with the cards on either one. So a card has
several keys, and two cards are siblings when any key is shared: the source line, the
whole sentence, and each sentence of a context that holds more than one, compared with
case, accents, punctuation and spacing folded away.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from caucasusquiz.decks.model import Card
from caucasusquiz.text import fold

# A sentence ends at . ! or ? (a closing quote or bracket may follow) before a capital
# letter. Abbreviations such as "U.S. Senate" split too; the short pieces that gives are
# not used as keys (below), and the whole context always is.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_NOT_WORD = re.compile(r"[\W_]+")
# A piece of a context shorter than this (in words) is not a sentence of its own to match
# on: "Washington, D.C." would tie together cards that only name the same place.
_MIN_SENTENCE_WORDS = 6


def sibling_keys(card: Card) -> tuple[str, ...]:
    """The keys of the sentence a card was made from; cards sharing one are siblings.

    Empty for a card with neither a source nor a context: it has no siblings."""
    return _keys(card.source, card.context)


def line_key(card: Card) -> str:
    """The key of the card's source line alone ("" without a source): cheap to test first,
    before the sentence keys, which fold the context."""
    return _line_key(card.source)


def same_sentence(card: Card, cards: Iterable[Card]) -> list[Card]:
    """The other cards quoting the sentence `card` quotes (the author screen's stricter view).

    A source line can hold several sentences, so when both cards quote their sentence the
    line alone does not make them siblings here; a card without its sentence has only the
    line to go by. (The study queue keeps every card of one line apart too: a sentence
    next to another on the line often gives its answer away.)"""
    mine = set(sibling_keys(card))
    if not mine:
        return []
    line = _line_key(card.source)
    found = []
    for other in cards:
        if other.key == card.key:
            continue
        theirs = set(sibling_keys(other))
        shared = mine & theirs
        if shared - {line} or (line in shared and not (card.context and other.context)):
            found.append(other)
    return found


@lru_cache(maxsize=8192)
def _keys(source: str | None, context: str | None) -> tuple[str, ...]:
    keys: list[str] = []
    line = _line_key(source)
    if line:
        keys.append(line)
    if context:
        whole = _normalised(context)
        if whole:
            keys.append("sentence " + whole)
        pieces = [_normalised(piece) for piece in _SENTENCE_END.split(context)]
        if len(pieces) > 1:
            keys.extend(
                "sentence " + piece
                for piece in pieces
                if len(piece.split()) >= _MIN_SENTENCE_WORDS and piece != whole
            )
    return tuple(dict.fromkeys(keys))


def _line_key(source: str | None) -> str:
    return "line " + source.strip() if source and source.strip() else ""


def _normalised(text: str) -> str:
    """Words only: "U.S.–Azerbaijani  Relations" and "u s azerbaijani relations" match."""
    return _NOT_WORD.sub(" ", fold(text)).strip()
