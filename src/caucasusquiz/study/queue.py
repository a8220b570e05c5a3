"""Which cards to study today, and in what order (the rules Anki users expect).

1. (Re)learning cards when they come due: they were failed or are new, and wait minutes.
2. Due reviews, the ones most likely forgotten (lowest retrievability) first.
3. New cards in deck order, spread evenly between the reviews; when several decks are
   studied together, they take turns, so a session is not one subject after another.

Daily limits count what was already done today. Siblings — cards made from the same
source sentence, in any deck — are not shown on the same day: one answered card hides the
others. Which sibling of a new group comes first rotates through the card types, so a new
learner meets multiple choice and true/false cards on day one, not only the typed card the
generator writes first for each sentence.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from caucasusquiz.decks.model import Card, CardType
from caucasusquiz.store.database import CardKey, CardProgress
from caucasusquiz.study.scheduler import Scheduler, State


def sibling_key(card: Card) -> str | None:
    """Cards sharing this key come from the same sentence (None: the card has no siblings).

    The deck is not part of the key: a sentence whose cards were split over two decks
    would otherwise show them back to back when the decks are studied together.
    """
    return card.source or card.context or None


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


def due_by(progress: CardProgress | None, now_ms: int, until_ms: int) -> bool:
    """A seen card, available now, that comes due before `until_ms` (e.g. the end of today's
    study day). The one rule for "due": the queue, the home screen and `stats` all count by it."""
    if progress is None or progress.memory.state is State.NEW or not is_available(progress, now_ms):
        return False
    due = progress.memory.due_ms
    return due is None or due < until_ms


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
        if p is None or (p.memory.state is State.NEW and is_available(p, now_ms)):
            new_cards.append(card)
            continue
        if not due_by(p, now_ms, day_end_ms):
            continue
        memory = p.memory
        due = memory.due_ms if memory.due_ms is not None else now_ms
        if memory.state in (State.LEARNING, State.RELEARNING):
            queue.learning.append((due, key))
        else:
            reviews.append((scheduler.retrievability(memory, now_ms), position, card))
    queue.learning.sort()

    seen = set(siblings_seen or ())
    reviews.sort(key=lambda item: item[:2])
    chosen_reviews = _take([card for _, _, card in reviews], limits.reviews, seen)
    chosen_new = _take_rotating_types(_decks_in_turn(new_cards), limits.new, seen)
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


def _take_rotating_types(candidates: list[Card], limit: int, seen: set[str]) -> list[CardKey]:
    """New cards in order, one per sentence; of a sentence's siblings, the one whose card type
    has been picked least so far (ties: the first in deck order). Without this, the typed card
    the generator writes first for each sentence would hide its choice and true/false
    siblings every time, and a new learner would never meet those types."""
    groups: dict[str, list[Card]] = {}
    for card in candidates:
        sibling = sibling_key(card)
        if sibling is not None and sibling not in seen:
            groups.setdefault(sibling, []).append(card)
    picked_per_type: Counter[CardType] = Counter()
    chosen: list[CardKey] = []
    for card in candidates:
        if len(chosen) >= limit:
            break
        sibling = sibling_key(card)
        if sibling is not None:
            if sibling in seen:
                continue  # a sibling is already studied today, or was picked for this group
            seen.add(sibling)
            group = groups[sibling]
            if len(group) > 1:
                card = min(group, key=lambda c: picked_per_type[c.type])  # min keeps the first of ties
        picked_per_type[card.type] += 1
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
