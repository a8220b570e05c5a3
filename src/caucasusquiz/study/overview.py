"""What the home screen shows per deck: the new and due cards a session would show today,
the total, and mastery. Built with the same queue rules as a session, so they agree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from caucasusquiz.clock import to_ms
from caucasusquiz.decks.collection import Collection
from caucasusquiz.decks.model import Card
from caucasusquiz.progress import CardProgress, State
from caucasusquiz.settings import Settings
from caucasusquiz.store.database import ProgressStore
from caucasusquiz.study.overview_cache import DeckRow
from caucasusquiz.study.queue import DayQueue, QueueInputs, build_queue
from caucasusquiz.study.refit import auto_retention
from caucasusquiz.study.scheduler import Scheduler
from caucasusquiz.study.stats import MATURE_DAYS
from caucasusquiz.study.today import Today, today_of
from caucasusquiz.text import plural

__all__ = ["DeckRow", "Overview", "deck_problem_notes", "overview"]


@dataclass(frozen=True)
class Overview:
    rows: list[DeckRow]  # first row: all decks
    reviewed_today: int


def overview(
    store: ProgressStore,
    profile_id: int,
    collection: Collection,
    settings: Settings,
    now: datetime,
    tz: tzinfo | None = None,
    parameters: tuple[float, ...] | None = None,
) -> Overview:
    progress = store.all_progress(profile_id)
    cards = {card.key: card for deck in collection.decks for card in deck.study_cards}
    today = today_of(store, profile_id, cards, settings, now, tz)
    scheduler = Scheduler(settings, parameters, tz, auto_retention(store, profile_id, parameters))
    inputs = QueueInputs.from_progress(progress, scheduler, to_ms(now), today.end_ms)  # for every deck

    def row(deck_id: str | None, title: str, deck_cards: list[Card]) -> DeckRow:
        queue = _queue(deck_cards, inputs, scheduler, today, to_ms(now))
        new = sum(1 for key in queue.main if (p := progress.get(key)) is None or p.memory.is_new)
        mature = sum(1 for card in deck_cards if _is_mature(progress.get(card.key)))
        return DeckRow(
            deck_id, title, new, len(queue.main) - new + len(queue.learning), len(deck_cards), mature
        )

    rows = [row(deck.id, deck.title, list(deck.study_cards)) for deck in collection.decks]
    everything = row(None, "All decks", list(cards.values()))
    return Overview([everything, *rows], today.reviewed)


def _queue(
    cards: list[Card],
    progress: QueueInputs,
    scheduler: Scheduler,
    today: Today,
    now_ms: int,
) -> DayQueue:
    return build_queue(
        cards,
        progress,
        scheduler,
        now_ms=now_ms,
        day_end_ms=today.end_ms,
        limits=today.limits,
        siblings_seen=set(today.siblings_seen),
    )


def _is_mature(progress: CardProgress | None) -> bool:
    if progress is None or progress.memory.state is not State.REVIEW:
        return False
    return (progress.memory.interval_days() or 0) >= MATURE_DAYS


def deck_problem_notes(collection: Collection) -> list[str]:
    """The home screen's warning lines: each deck file left out whole, by name and why, then
    how many problems left broken cards out of the decks that are studied."""
    notes: list[str] = []
    partial = 0
    for load in collection.loads:
        errors = load.errors
        if load.left_out_whole:
            why = errors[0].message if errors else "it could not be read"
            where = f", line {errors[0].line}" if errors and errors[0].line else ""
            # With what it costs, as `check` says it: "(13 cards)".
            count = f" ({plural(load.written, 'card')})" if load.written else ""
            notes.append(f"{load.path.name}{count} is left out: {why}{where}")
        else:
            partial += len(errors)
    if partial:
        notes.append(
            f"{plural(partial, 'problem')} in the {'other decks' if notes else 'decks'}; "
            "their broken cards are left out"
        )
    return notes
