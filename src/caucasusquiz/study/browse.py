"""The card browser's domain: search (words, `tag:`, `deck:`, `is:` filters over every deck),
each card's state as the browser labels it, and suspending from the browser.

Examples: `wilson`, `tag:energy`, `deck:history is:due`, `is:leech`, `"section 907"`.
Matching ignores case and accents, so `ilham` finds İlham. The screen only draws.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import tzinfo

from caucasusquiz.clock import from_ms
from caucasusquiz.decks.model import Card
from caucasusquiz.progress import CardKey, CardProgress, State
from caucasusquiz.store.database import ProgressStore
from caucasusquiz.text import fold

IS_FILTERS = ("new", "learning", "review", "due", "suspended", "buried", "leech")


@dataclass(frozen=True)
class Query:
    words: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    decks: tuple[str, ...] = ()
    states: tuple[str, ...] = ()


def parse_query(text: str) -> Query:
    try:
        parts = shlex.split(text)
    except ValueError:  # an unclosed quote while typing: search the words as they are
        parts = text.replace('"', " ").split()
    words, tags, decks, states = [], [], [], []
    for part in parts:
        name, sep, value = part.partition(":")
        if sep and name.lower() == "tag" and value:
            tags.append(fold(value))
        elif sep and name.lower() == "deck" and value:
            decks.append(fold(value))
        elif sep and name.lower() == "is" and value.lower() in IS_FILTERS:
            states.append(value.lower())
        else:
            words.append(fold(part))
    return Query(tuple(words), tuple(tags), tuple(decks), tuple(states))


def card_state(progress: CardProgress | None, now_ms: int) -> set[str]:
    if progress is None:
        return {"new"}
    found = set()
    memory = progress.memory
    found.add(
        {State.NEW: "new", State.LEARNING: "learning", State.RELEARNING: "learning", State.REVIEW: "review"}[
            memory.state
        ]
    )
    if memory.state is not State.NEW and memory.due_ms is not None and memory.due_ms <= now_ms:
        found.add("due")
    if progress.suspended:
        found.add("suspended")
    if progress.buried_until_ms is not None and progress.buried_until_ms > now_ms:
        found.add("buried")
    if progress.leech:
        found.add("leech")
    return found


# One label per card in the browser's State column: the strongest reason first.
LABEL_ORDER = ("suspended", "leech", "buried", "new", "learning", "review")


@dataclass(frozen=True, slots=True)
class CardRow:
    """What the browser shows of a card's progress, as text."""

    state: str
    due_now: bool
    due: str  # the date of the next review, "" for a new card
    stability: str
    lapses: str


def card_row(progress: CardProgress | None, now_ms: int, tz: tzinfo | None) -> CardRow:
    states = card_state(progress, now_ms)
    state = next(label for label in LABEL_ORDER if label in states)
    if progress is None:
        return CardRow(state, False, "", "", "")
    memory = progress.memory
    due = (
        ""
        if memory.due_ms is None or memory.state == State.NEW
        else from_ms(memory.due_ms).astimezone(tz).strftime("%Y-%m-%d")
    )
    stability = stability_label(memory.stability)
    return CardRow(state, "due" in states, due, stability, str(memory.lapses))


def toggle_suspend(
    store: ProgressStore, profile_id: int, key: CardKey, progress: CardProgress | None
) -> CardProgress:
    """Suspend a card, or unsuspend a suspended one; stored before returning."""
    current = progress or CardProgress()
    updated = replace(current, suspended=not current.suspended)
    store.set_progress(profile_id, key, updated)
    return updated


def search(
    cards: Iterable[Card], progress: Mapping[CardKey, CardProgress], query: Query, now_ms: int
) -> list[Card]:
    found = []
    for card in cards:
        if query.decks and not any(d in fold(card.deck_id) for d in query.decks):
            continue
        if query.tags and not all(any(t == fold(tag) for tag in card.tags) for t in query.tags):
            continue
        if query.states and not set(query.states) <= card_state(progress.get(card.key), now_ms):
            continue
        if query.words:
            haystack = fold(
                " ".join(
                    filter(
                        None,
                        (
                            card.prompt,
                            card.answer,
                            card.context,
                            card.id,
                            " ".join(card.accept),
                            " ".join(card.tags),
                        ),
                    )
                )
            )
            if not all(word in haystack for word in query.words):
                continue
        found.append(card)
    return found


def stability_label(days: float | None) -> str:
    """`12d`, or `9h` under a day: "0d" beside a one-day interval read as a bug."""
    if not days:
        return ""
    if days < 1:
        return f"{max(1, round(days * 24))}h"
    return f"{days:.0f}d"
