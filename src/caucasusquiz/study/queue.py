"""Which cards to study today, and in what order (the rules Anki users expect).

1. (Re)learning cards when they come due: they were failed or are new, and wait minutes.
2. Due reviews, the ones most likely forgotten (lowest retrievability) first.
3. New cards in deck order, spread evenly between the reviews; when several decks are
   studied together, they take turns, so a session is not one subject after another.

Daily limits count what was already done today. Siblings — cards made from the same
source sentence, in any deck, whichever line of the document they name (see
`decks.siblings`) — are not shown on the same day: one answered card hides the others.
Which sibling of a new group comes first rotates through the card types, so a new learner
meets multiple choice and true/false cards on day one, not only the typed card the
generator writes first for each sentence.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, groupby, islice
from operator import attrgetter

from caucasusquiz.decks.model import Card, CardType
from caucasusquiz.decks.siblings import line_key, sibling_keys
from caucasusquiz.progress import CardKey, CardProgress, State
from caucasusquiz.store.database import ProgressStore
from caucasusquiz.study.scheduler import Scheduler


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


@dataclass(frozen=True)
class QueueInputs:
    """What a day's queue is built from, without a CardProgress object per card: the
    (re)learning cards due today, the due reviews least likely recalled first, and a way to
    ask which of a deck's cards are not new (seen, suspended or buried)."""

    learning: list[tuple[int, CardKey]]  # (due ms, key), soonest first
    reviews: Iterable[CardKey]  # least likely recalled first, equal chances in key order
    not_new_among: NotNewAmong  # (deck id, card ids) → the ones not new

    @classmethod
    def from_progress(
        cls, progress: Mapping[CardKey, CardProgress], scheduler: Scheduler, now_ms: int, day_end_ms: int
    ) -> QueueInputs:
        """From every card's state in memory (the home screen's counts, tests). Reusable."""
        not_new: set[CardKey] = set()
        learning: list[tuple[int, CardKey]] = []
        reviews: list[tuple[float, CardKey]] = []
        for key, p in progress.items():
            memory = p.memory
            if memory.state is State.NEW and is_available(p, now_ms):
                continue
            not_new.add(key)
            if not due_by(p, now_ms, day_end_ms):
                continue
            if memory.state in (State.LEARNING, State.RELEARNING):
                learning.append((memory.due_ms if memory.due_ms is not None else now_ms, key))
            else:
                reviews.append((scheduler.retrievability(memory, now_ms), key))
        learning.sort()
        reviews.sort()
        return cls(
            learning,
            [key for _, key in reviews],
            lambda deck_id, card_ids: {c for c in card_ids if (deck_id, c) in not_new},
        )

    @classmethod
    def from_store(cls, store: ProgressStore, profile_id: int, now_ms: int, day_end_ms: int) -> QueueInputs:
        """From SQL, read only as far as the day's limits need (a session's queue). Use once.

        Reading every card's state first made the 100,000-card queue take 640 ms, most of it
        building CardProgress objects for cards the day never shows."""
        return cls(
            sorted(store.learning_due(profile_id, now_ms, day_end_ms)),
            store.reviews_due(profile_id, now_ms, day_end_ms),
            lambda deck_id, card_ids: store.not_new(profile_id, deck_id, card_ids, now_ms),
        )


def build_queue(
    cards: Iterable[Card] | Mapping[CardKey, Card],
    progress: Mapping[CardKey, CardProgress] | QueueInputs,
    scheduler: Scheduler,
    *,
    now_ms: int,
    day_end_ms: int,
    limits: Limits,
    siblings_seen: Iterable[str] | None = None,
) -> DayQueue:
    """Today's queue for `cards` (in deck order). `limits` are what is left of today's allowance."""
    if isinstance(progress, QueueInputs):
        inputs = progress
    else:
        inputs = QueueInputs.from_progress(progress, scheduler, now_ms, day_end_ms)
    by_key = cards if isinstance(cards, Mapping) else {card.key: card for card in cards}
    queue = DayQueue()
    queue.learning = [item for item in inputs.learning if item[1] in by_key]
    seen = set(siblings_seen or ())
    # A card still learning today hides its siblings once answered (the session's rule), so
    # they are not chosen now: chosen, they were counted as "left today", vanished mid-session
    # and took places of today's allowance that a fresh session then gave to other cards.
    for _, key in queue.learning:
        seen.update(sibling_keys(by_key[key]))
    due_reviews = (by_key[key] for key in inputs.reviews if key in by_key)
    try:
        chosen_reviews = _take(due_reviews, limits.reviews, seen)
    finally:
        due_reviews.close()
        if isinstance(inputs.reviews, Generator):
            inputs.reviews.close()  # ends the store's query where the limit was reached
    chosen_new = _take_rotating_types(_new_in_turn(by_key.values(), inputs.not_new_among), limits.new, seen)
    queue.main = deque(interleave(chosen_reviews, chosen_new))
    return queue


def _take(candidates: Iterable[Card], limit: int, seen: set[str]) -> list[CardKey]:
    chosen: list[CardKey] = []
    for card in candidates:
        if len(chosen) >= limit:
            break
        keys = _unseen_keys(card, seen)
        if keys is None:
            continue  # a sibling is already studied today; this one waits for another day
        seen.update(keys)
        chosen.append(card.key)
    return chosen


def _unseen_keys(card: Card, seen: set[str]) -> tuple[str, ...] | None:
    """The card's sibling keys, or None when a sibling is already seen. The line is tested
    first: a day's reviews may skip thousands of cards, and folding each one's context
    made the 100,000-card queue of bench_study.py about 25% slower."""
    if line_key(card) in seen:
        return None
    keys = sibling_keys(card)
    return keys if seen.isdisjoint(keys) else None


# How many upcoming new cards the type rotation looks at for a sentence's siblings, per new
# card allowed today. The generator writes a sentence's cards next to each other, so their
# siblings are well inside this window; a sibling further away still waits for another day
# (`seen`), it only takes no part in choosing which type comes first. Looking at every new
# card instead costs a pass over the whole collection (~40 ms for 100,000 cards).
ROTATION_LOOKAHEAD = 10


def _take_rotating_types(candidates: Iterable[Card], limit: int, seen: set[str]) -> list[CardKey]:
    """New cards in order, one per sentence; of a sentence's siblings, the one whose card type
    has been picked least so far (ties: the first in deck order). Without this, the typed card
    the generator writes first for each sentence would hide its choice and true/false
    siblings every time, and a new learner would never meet those types."""
    upcoming = iter(candidates)
    window = list(islice(upcoming, max(limit, 1) * ROTATION_LOOKAHEAD))
    by_key: dict[str, list[Card]] = {}  # sibling key → the window's cards with it, in order
    for card in window:
        for key in sibling_keys(card):
            by_key.setdefault(key, []).append(card)
    position = {card.key: i for i, card in enumerate(window)}
    picked_per_type: Counter[CardType] = Counter()
    chosen: list[CardKey] = []
    for card in chain(window, upcoming):
        if len(chosen) >= limit:
            break
        found = _unseen_keys(card, seen)
        if found is None:
            continue  # a sibling is already studied today, or was picked for this group
        keys = found
        group = {c.key: c for key in keys for c in by_key.get(key, ()) if seen.isdisjoint(sibling_keys(c))}
        if len(group) > 1:
            in_order = sorted(group.values(), key=lambda c: position[c.key])
            card = min(in_order, key=lambda c: picked_per_type[c.type])  # min keeps the first of ties
            keys = sibling_keys(card)
        seen.update(keys)
        picked_per_type[card.type] += 1
        chosen.append(card.key)
    return chosen


NotNewAmong = Callable[[str, Sequence[str]], set[str]]  # (deck id, card ids) → those not new


def _new_in_turn(cards: Iterable[Card], not_new_among: NotNewAmong) -> Iterator[Card]:
    """The new cards of each deck in their own order, the decks taking turns: a1 b1 c1 a2 b2 …

    Lazy: a session takes 20 new cards, so each deck is checked only as far as needed."""
    by_deck: dict[str, list[Card]] = {}
    for deck_id, run in groupby(cards, key=attrgetter("deck_id")):  # one C-level pass
        by_deck.setdefault(deck_id, []).extend(run)
    walkers = [_new_of_deck(deck_id, deck_cards, not_new_among) for deck_id, deck_cards in by_deck.items()]
    while walkers:
        still_going = []
        for walker in walkers:
            card = next(walker, None)
            if card is not None:
                yield card
                still_going.append(walker)
        walkers = still_going


def _new_of_deck(deck_id: str, cards: list[Card], not_new_among: NotNewAmong) -> Iterator[Card]:
    """One deck's new cards in order, asking about them in growing batches (64, 256, …): few
    questions for a new learner, and not one per card for a learner who has seen thousands."""
    start, batch = 0, 64
    while start < len(cards):
        chunk = cards[start : start + batch]
        hidden = not_new_among(deck_id, [card.id for card in chunk])
        for card in chunk:
            if card.id not in hidden:
                yield card
        start += batch
        batch = min(batch * 4, 4096)


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
