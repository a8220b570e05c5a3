"""What today's study day has used already: its limits left, and the siblings already seen.

The study session and the home screen's counts both start from here, so the numbers on
the home screen are the cards a session would really show.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from caucasusquiz.clock import day_start, next_day_start, study_day, to_ms
from caucasusquiz.decks.model import Card
from caucasusquiz.decks.siblings import sibling_keys
from caucasusquiz.progress import CardKey, State
from caucasusquiz.settings import Settings
from caucasusquiz.store.database import ProgressStore
from caucasusquiz.study.queue import Limits


@dataclass(frozen=True)
class Today:
    day: date
    end_ms: int
    limits: Limits  # what is left of today's allowance
    siblings_seen: frozenset[str]
    reviewed: int


def today_of(
    store: ProgressStore,
    profile_id: int,
    cards: Mapping[CardKey, Card],
    settings: Settings,
    now: datetime,
    tz: tzinfo | None = None,
) -> Today:
    start_hour = settings.day_starts_at
    day = study_day(now, start_hour, tz)
    reviews = store.reviews(profile_id, to_ms(day_start(day, start_hour, tz)))
    new_done = sum(1 for r in reviews if r.state_before == State.NEW)
    reviews_done = sum(1 for r in reviews if r.state_before == State.REVIEW)
    siblings = {
        key
        for r in reviews
        if (card := cards.get((r.deck_id, r.card_id))) is not None
        for key in sibling_keys(card)
    }
    return Today(
        day=day,
        end_ms=to_ms(next_day_start(now, start_hour, tz)),
        limits=Limits(
            max(0, settings.new_per_day - new_done), max(0, settings.reviews_per_day - reviews_done)
        ),
        siblings_seen=frozenset(siblings),
        reviewed=len(reviews),
    )
