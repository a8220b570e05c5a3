"""Progress statistics for one profile: the numbers behind `caucasusquiz stats` and the stats screen."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from caucasusquiz.clock import day_start, from_ms, next_day_start, study_day, to_ms
from caucasusquiz.decks.collection import Collection
from caucasusquiz.progress import Profile, State
from caucasusquiz.settings import Settings
from caucasusquiz.store.database import ProgressStore
from caucasusquiz.study.queue import due_by, is_available

FORECAST_DAYS = 30
HISTORY_DAYS = 365
MATURE_DAYS = 21  # Anki's threshold: a card whose interval reached three weeks is "mature"


@dataclass
class DeckStats:
    deck: str
    title: str
    cards: int
    seen: int
    due: int  # due today: learning and review cards coming due before the study day ends
    mature: int
    due_now: int = 0  # of those, due already

    @property
    def mastery(self) -> float:
        return self.mature / self.cards if self.cards else 0.0


@dataclass
class Stats:
    profile: str
    reviews_total: int
    reviews_today: int
    cards_total: int
    cards_seen: int
    due_now: int
    due_today: int
    retention: float | None
    retention_reviews: int
    streak_days: int
    decks: list[DeckStats]
    forecast: list[tuple[date, int]] = field(default_factory=list)  # today first
    reviews_per_day: dict[date, int] = field(default_factory=dict)  # last HISTORY_DAYS days
    leeches: int = 0
    suspended: int = 0

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["decks"] = [{**asdict(d), "mastery": round(d.mastery, 4)} for d in self.decks]
        data["forecast"] = [{"date": day.isoformat(), "due": n} for day, n in self.forecast]
        data["reviews_per_day"] = {day.isoformat(): n for day, n in sorted(self.reviews_per_day.items())}
        data["retention"] = None if self.retention is None else round(self.retention, 4)
        return data


def collect_stats(
    store: ProgressStore,
    profile: Profile,
    collection: Collection,
    settings: Settings,
    now: datetime,
    tz: tzinfo | None = None,
) -> Stats:
    start_hour = settings.day_starts_at
    today = study_day(now, start_hour, tz)
    now_ms = to_ms(now)
    today_start_ms = to_ms(day_start(today, start_hour, tz))
    today_end_ms = to_ms(next_day_start(now, start_hour, tz))
    progress = store.all_progress(profile.id)

    decks: list[DeckStats] = []
    forecast: Counter[date] = Counter()
    leeches = suspended = 0
    for deck in collection.decks:
        seen = due_today = due_now = mature = 0
        for card in deck.cards:
            p = progress.get(card.key)
            if p is None:
                continue
            leeches += p.leech
            suspended += p.suspended
            memory = p.memory
            if memory.state is State.NEW:
                continue
            seen += 1
            interval = memory.interval_days() or 0.0
            mature += memory.state is State.REVIEW and interval >= MATURE_DAYS
            if due_by(p, now_ms, today_end_ms):
                # The queue's rule, so a deck's "due" is what a session finds due today and
                # the decks add up to the "due today" total and the forecast's first day.
                due_today += 1
                due_now += memory.due_ms is None or memory.due_ms <= now_ms
                forecast[today] += 1
            elif is_available(p, now_ms) and memory.due_ms is not None:
                forecast[study_day(from_ms(memory.due_ms), start_hour, tz)] += 1
        decks.append(DeckStats(deck.id, deck.title, len(deck.cards), seen, due_today, mature, due_now))

    reviews = store.reviews(
        profile.id, to_ms(day_start(today - timedelta(days=HISTORY_DAYS), start_hour, tz))
    )
    per_day = Counter(study_day(from_ms(r.reviewed_ms), start_hour, tz) for r in reviews)
    retention_reviews, passed = store.true_retention(profile.id)
    return Stats(
        profile=profile.name,
        reviews_total=store.review_count(profile.id),
        reviews_today=sum(1 for r in reviews if r.reviewed_ms >= today_start_ms),
        cards_total=len(collection),
        cards_seen=sum(d.seen for d in decks),
        due_now=sum(d.due_now for d in decks),
        due_today=sum(d.due for d in decks),
        retention=passed / retention_reviews if retention_reviews else None,
        retention_reviews=retention_reviews,
        streak_days=_streak(per_day, today),
        decks=decks,
        forecast=[
            (today + timedelta(days=i), forecast.get(today + timedelta(days=i), 0))
            for i in range(FORECAST_DAYS)
        ],
        reviews_per_day=dict(per_day),
        leeches=leeches,
        suspended=suspended,
    )


def streak_days(
    store: ProgressStore, profile_id: int, settings: Settings, now: datetime, tz: tzinfo | None = None
) -> int:
    """Consecutive study days up to today, for the home screen."""
    today = study_day(now, settings.day_starts_at, tz)
    since = to_ms(day_start(today - timedelta(days=HISTORY_DAYS), settings.day_starts_at, tz))
    per_day = Counter(
        study_day(from_ms(r.reviewed_ms), settings.day_starts_at, tz)
        for r in store.reviews(profile_id, since)
    )
    return _streak(per_day, today)


def _streak(per_day: Counter[date], today: date) -> int:
    """Consecutive study days ending today (or yesterday, when today has no reviews yet)."""
    day = today if per_day.get(today) else today - timedelta(days=1)
    streak = 0
    while per_day.get(day):
        streak += 1
        day -= timedelta(days=1)
    return streak
