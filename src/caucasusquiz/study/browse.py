"""The card browser's search: words, `tag:`, `deck:`, `is:` filters over every deck.

Examples: `wilson`, `tag:energy`, `deck:history is:due`, `is:leech`, `"section 907"`.
Matching ignores case and accents, so `ilham` finds İlham.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from caucasusquiz.decks.model import Card
from caucasusquiz.progress import CardKey, CardProgress, State
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
