"""What the home screen shows per deck: new cards available today, cards due, total, mastery."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo

from caucasusquiz.decks.collection import Collection
from caucasusquiz.store.database import CardKey, CardProgress, ProgressStore
from caucasusquiz.study.clock import day_start, next_day_start, study_day, to_ms
from caucasusquiz.study.queue import is_available
from caucasusquiz.study.scheduler import State
from caucasusquiz.study.settings import Settings
from caucasusquiz.study.stats import MATURE_DAYS


@dataclass(frozen=True)
class DeckRow:
    deck_id: str | None  # None: every deck together
    title: str
    new: int  # new cards that today's allowance still lets in
    due: int  # learning and review cards due today
    total: int
    mature: int

    @property
    def mastery(self) -> float:
        return self.mature / self.total if self.total else 0.0


@dataclass(frozen=True)
class Overview:
    rows: list[DeckRow]  # first row: all decks
    reviewed_today: int
    new_left_today: int


def overview(
    store: ProgressStore,
    profile_id: int,
    collection: Collection,
    settings: Settings,
    now: datetime,
    tz: tzinfo | None = None,
    progress: Mapping[CardKey, CardProgress] | None = None,
) -> Overview:
    progress = progress if progress is not None else store.all_progress(profile_id)
    now_ms = to_ms(now)
    day_end_ms = to_ms(next_day_start(now, settings.day_starts_at, tz))
    today_ms = to_ms(day_start(study_day(now, settings.day_starts_at, tz), settings.day_starts_at, tz))
    today = store.reviews(profile_id, today_ms)
    new_left = max(0, settings.new_per_day - sum(1 for r in today if r.state_before == State.NEW))

    rows = []
    for deck in collection.decks:
        unseen = due = mature = 0
        for card in deck.cards:
            p = progress.get(card.key)
            if not is_available(p, now_ms):
                continue
            if p is None or p.memory.state is State.NEW:
                unseen += 1
                continue
            memory = p.memory
            if memory.due_ms is not None and memory.due_ms < day_end_ms:
                due += 1
            if memory.state is State.REVIEW and (memory.interval_days() or 0) >= MATURE_DAYS:
                mature += 1
        rows.append(DeckRow(deck.id, deck.title, min(unseen, new_left), due, len(deck.cards), mature))
    unseen_all = sum(
        1
        for card in collection.cards
        if (p := progress.get(card.key)) is None or (p.memory.is_new and is_available(p, now_ms))
    )
    everything = DeckRow(
        None,
        "All decks",
        min(unseen_all, new_left),
        sum(r.due for r in rows),
        sum(r.total for r in rows),
        sum(r.mature for r in rows),
    )
    return Overview([everything, *rows], len(today), new_left)
