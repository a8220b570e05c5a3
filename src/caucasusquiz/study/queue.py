"""Which cards to study today, and in what order (the rules Anki users expect).

1. (Re)learning cards when they come due: they were failed or are new, and wait minutes.
2. Due reviews, the ones most likely forgotten (lowest retrievability) first.
3. New cards in deck order, spread evenly between the reviews; when several decks are
   studied together, they take turns, so a session is not one subject after another.

Daily limits count what was already done today. Siblings — cards made from the same
source sentence — are not shown on the same day: one answered card hides the others.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from caucasusquiz.decks.model import Card
from caucasusquiz.progress import CardKey, CardProgress, State
from caucasusquiz.study.scheduler import Scheduler


def sibling_key(card: Card) -> str | None:
    """Cards sharing this key come from the same sentence (None: the card has no siblings)."""
    if card.source:
        return f"{card.deck_id}\x00{card.source}"
    if card.context:
        return f"{card.deck_id}\x00{card.context}"
    return None


@dataclass
class DayQueue:
    """The cards still to study today. Keys only; the session holds the cards."""

    learning: list[tuple[int, CardKey]] = field(default_factory=list)  # (due ms, key), kept sorted
    main: deque[CardKey] = field(default_factory=deque)  # reviews interleaved with new cards


@dataclass(frozen=True)
class Limits:
    new: int
    reviews: int


def is_available(progress: CardProgress | None, now_ms: int) -> bool:
    if progress is None:
        return True
    if progress.suspended:
        return False
    return progress.buried_until_ms is None or progress.buried_until_ms <= now_ms


def build_queue(
    cards: Iterable[Card],
    progress: Mapping[CardKey, CardProgress],
    scheduler: Scheduler,
    *,
    now_ms: int,
    day_end_ms: int,
    limits: Limits,
    siblings_seen: set[str] | None = None,
) -> DayQueue:
    """Today's queue for `cards` (in deck order). `limits` are what is left of today's allowance."""
    queue = DayQueue()
    reviews: list[tuple[float, int, Card]] = []
    new_cards: list[Card] = []
    for position, card in enumerate(cards):
        key = card.key
        p = progress.get(key)
        if not is_available(p, now_ms):
            continue
        if p is None or p.memory.state is State.NEW:
            new_cards.append(card)
            continue
        memory = p.memory
        due = memory.due_ms if memory.due_ms is not None else now_ms
        if due >= day_end_ms:
            continue
        if memory.state in (State.LEARNING, State.RELEARNING):
            queue.learning.append((due, key))
        else:
            reviews.append((scheduler.retrievability(memory, now_ms), position, card))
    queue.learning.sort()

    seen = set(siblings_seen or ())
    reviews.sort(key=lambda item: item[:2])
    chosen_reviews = _take([card for _, _, card in reviews], limits.reviews, seen)
    chosen_new = _take(_decks_in_turn(new_cards), limits.new, seen)
    queue.main = deque(interleave(chosen_reviews, chosen_new))
    return queue


def _take(candidates: list[Card], limit: int, seen: set[str]) -> list[CardKey]:
    chosen: list[CardKey] = []
    for card in candidates:
        if len(chosen) >= limit:
            break
        sibling = sibling_key(card)
        if sibling is not None:
            if sibling in seen:
                continue  # a sibling is already studied today; this one waits for another day
            seen.add(sibling)
        chosen.append(card.key)
    return chosen


def _decks_in_turn(cards: list[Card]) -> list[Card]:
    """Each deck's cards in their own order, the decks taking turns: a1 b1 c1 a2 b2 …"""
    by_deck: dict[str, list[Card]] = {}
    for card in cards:
        by_deck.setdefault(card.deck_id, []).append(card)
    if len(by_deck) < 2:
        return cards
    queues = list(by_deck.values())
    merged: list[Card] = []
    for position in range(max(len(q) for q in queues)):
        merged.extend(q[position] for q in queues if position < len(q))
    return merged


def interleave(reviews: list[CardKey], new: list[CardKey]) -> list[CardKey]:
    """New cards spread evenly among the reviews (Anki's "mix new cards and reviews")."""
    if not reviews or not new:
        return reviews + new
    merged: list[CardKey] = []
    gap = (len(reviews) + len(new)) / len(new)
    next_new_at = gap / 2
    r = n = 0
    for slot in range(len(reviews) + len(new)):
        if n < len(new) and (slot >= next_new_at or r >= len(reviews)):
            merged.append(new[n])
            n += 1
            next_new_at += gap
        else:
            merged.append(reviews[r])
            r += 1
    return merged
