"""Which cards a class quiz asks, and each question as the class sees it.

With study history, the cards the class gets wrong most come first: that is what a
teacher wants to go over. Without it, a balanced pick: decks in turn, choice and
true/false cards first (they make the best live questions: everyone answers in seconds).
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from caucasusquiz.decks.model import Card, CardType
from caucasusquiz.study.answers import (
    TRUE_FALSE_OPTIONS,
    AnswerCheck,
    check_option,
    check_typed,
    choice_options,
    parse_option,
)

CardKey = tuple[str, str]
# A card needs this many reviews across the class before its error rate says anything.
MIN_REVIEWS_FOR_HISTORY = 2
_LIVE_FRIENDLY = (CardType.CHOICE, CardType.TRUEFALSE)


@dataclass(frozen=True, slots=True)
class Question:
    position: int
    deck_id: str
    card_id: str
    kind: str
    prompt: str  # as shown: a cloze has its blank hidden
    answer: str
    accept: tuple[str, ...] = ()
    options: tuple[str, ...] = ()  # empty: the answer is typed
    context: str | None = None
    source: str | None = None

    @property
    def is_typed(self) -> bool:
        return not self.options

    @property
    def right_option(self) -> int | None:
        if self.is_typed:
            return None
        check = check_option(0, self.options, self.answer)
        return self.options.index(check.expected) if check.expected in self.options else None

    def check(self, typed: str) -> tuple[AnswerCheck, int | None] | None:
        """The verdict on what a student typed, and the option it picks; None: not an answer yet."""
        if not typed.strip():
            return None
        if self.is_typed:
            return check_typed(typed, self.answer, self.accept), None
        index = parse_option(typed, self.options)
        if index is None:
            return None
        return check_option(index, self.options, self.answer, typed), index


def question_from_card(card: Card, position: int, seed: str) -> Question:
    if card.type is CardType.TRUEFALSE:
        options: tuple[str, ...] = TRUE_FALSE_OPTIONS
        answer = "True" if card.answer.strip().lower() == "true" else "False"
    elif card.type is CardType.CHOICE:
        options = choice_options(card.answer, card.distractors, f"{seed}/{card.deck_id}/{card.id}")
        answer = card.answer
    else:
        options, answer = (), card.answer
    return Question(
        position=position,
        deck_id=card.deck_id,
        card_id=card.id,
        kind=card.type.value,
        prompt=card.question,
        answer=answer,
        accept=card.accept,
        options=options,
        context=card.context,
        source=card.source,
    )


def pick_cards(
    cards: Sequence[Card], count: int, results: Mapping[CardKey, tuple[int, int]], seed: str
) -> list[Card]:
    """`count` cards: those the class gets wrong first (worst first), then a balanced pick."""
    rng = random.Random(seed)
    struggled = []
    for card in cards:
        reviews, wrong = results.get(card.key, (0, 0))
        if reviews >= MIN_REVIEWS_FOR_HISTORY and wrong:
            struggled.append((wrong / reviews, reviews, card))
    struggled.sort(key=lambda item: (-item[0], -item[1], item[2].key))
    chosen = [card for _, _, card in struggled[:count]]
    taken = {card.key for card in chosen}

    by_deck: dict[str, list[Card]] = {}
    for card in cards:
        if card.key not in taken:
            by_deck.setdefault(card.deck_id, []).append(card)
    for pile in by_deck.values():
        rng.shuffle(pile)
        pile.sort(key=lambda card: card.type not in _LIVE_FRIENDLY)  # stable: live-friendly first
    decks = sorted(by_deck)
    rng.shuffle(decks)
    while len(chosen) < count and any(by_deck[d] for d in decks):
        for deck in decks:
            if by_deck[deck] and len(chosen) < count:
                chosen.append(by_deck[deck].pop(0))
    return chosen


def build_questions(
    cards: Sequence[Card], count: int, results: Mapping[CardKey, tuple[int, int]], seed: str
) -> list[Question]:
    picked = pick_cards(cards, count, results, seed)
    return [question_from_card(card, i, seed) for i, card in enumerate(picked)]
