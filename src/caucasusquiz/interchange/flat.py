"""Cards as a front and a back, for formats that know nothing else (Quizlet, Kahoot, CSV).

The fronts are written so that reading them back gives the same card: a cloze blank is
`[…]` (`[…: hint]` with a hint), a true/false front starts with "True or false:", and a
multiple-choice front ends with its options in square brackets, `[a | b | c | d]`.
"""

from __future__ import annotations

import hashlib
import re
from typing import Unpack

from caucasusquiz.decks.model import Card, CardType
from caucasusquiz.interchange.common import (
    TRUE_FALSE_PREFIX,
    Extras,
    ImportedCard,
    clean_text,
    cloze_from_flat,
    flat_cloze,
    truth_value,
)

SHOWN_OPTIONS = 4
_OPTIONS = re.compile(r"^(?P<question>.*\S)\s+\[(?P<options>[^\[\]]*\|[^\[\]]*)\]$")


def options(card: Card) -> list[str]:
    """The answer among (at most three of) its distractors, at a place fixed by the card id.

    Fixed rather than random so re-exports are identical; spread by a hash so the answer is
    not always the first option.
    """
    shown = list(card.distractors[: SHOWN_OPTIONS - 1])
    place = int(hashlib.sha1(card.id.encode()).hexdigest(), 16) % (len(shown) + 1)
    shown.insert(place, card.answer)
    return shown


def front(card: Card, with_options: bool = True) -> str:
    if card.type is CardType.CLOZE:
        return flat_cloze(card.prompt, card.hint)
    if card.type is CardType.TRUEFALSE:
        return TRUE_FALSE_PREFIX + card.prompt
    if card.type is CardType.CHOICE and with_options:
        return f"{card.prompt} [{' | '.join(options(card))}]"
    return card.prompt


def back(card: Card) -> str:
    if card.type is CardType.TRUEFALSE:
        return "True" if card.answer == "true" else "False"
    return card.answer


def card_from_flat(
    front_text: str, back_text: str, origin: str, **extra: Unpack[Extras]
) -> ImportedCard | None:
    """The card a front and back describe, by the conventions above; None when either is empty."""
    term, answer = clean_text(front_text), clean_text(back_text)
    if not term or not answer:
        return None
    choice = _OPTIONS.match(term)
    if choice:
        shown = [clean_text(o) for o in choice["options"].split("|")]
        others = tuple(o for o in shown if o and o.casefold() != answer.casefold())
        if len(others) == len(shown) - 1 and len(others) >= 2:
            return ImportedCard(
                CardType.CHOICE, choice["question"], answer, origin, distractors=others, **extra
            )
    truth = truth_value(answer) if answer.casefold() in ("true", "false") else None
    if truth is not None and term.casefold().startswith(TRUE_FALSE_PREFIX.casefold()):
        statement = term[len(TRUE_FALSE_PREFIX) :].strip()
        return ImportedCard(CardType.TRUEFALSE, statement, "true" if truth else "false", origin, **extra)
    cloze = cloze_from_flat(term, answer)
    if cloze is not None:
        return ImportedCard(CardType.CLOZE, cloze, answer, origin, **extra)
    return ImportedCard(CardType.QA, term, answer, origin, **extra)
