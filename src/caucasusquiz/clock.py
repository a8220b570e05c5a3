"""Time as the scheduler sees it: UTC instants, and study days that start at 4 a.m. local time.

A study session at 1 a.m. still belongs to the previous day, as in Anki, so "today's"
counts and limits match how learners think about their day. Everything takes `now`
explicitly; only `utc_now()` reads the clock.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def from_ms(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, UTC)


def _local(now: datetime, tz: tzinfo | None) -> datetime:
    return now.astimezone(tz) if tz is not None else now.astimezone()


def study_day(now: datetime, day_starts_at: int = 4, tz: tzinfo | None = None) -> date:
    """The study day `now` belongs to (local time, shifted by the day's start hour)."""
    return (_local(now, tz) - timedelta(hours=day_starts_at)).date()


def day_start(day: date, day_starts_at: int = 4, tz: tzinfo | None = None) -> datetime:
    """The UTC instant at which study day `day` begins."""
    naive = datetime(day.year, day.month, day.day, day_starts_at)
    local = naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()
    return local.astimezone(UTC)


def next_day_start(now: datetime, day_starts_at: int = 4, tz: tzinfo | None = None) -> datetime:
    """When the next study day begins, as a UTC instant."""
    return day_start(study_day(now, day_starts_at, tz) + timedelta(days=1), day_starts_at, tz)
