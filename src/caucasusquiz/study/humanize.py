"""Short human wording for intervals and durations, shared by the line mode and the app."""

from __future__ import annotations

from datetime import timedelta


def interval(delta: timedelta) -> str:
    """`10 min`, `3 h`, `4 days`, `2.5 months`, `1.2 years` — how Anki labels its buttons."""
    seconds = max(0.0, delta.total_seconds())
    if seconds < 60:
        return "<1 min"
    minutes = seconds / 60
    if minutes < 60:
        return f"{round(minutes)} min"
    hours = minutes / 60
    if hours < 24:
        return f"{round(hours)} h"
    days = hours / 24
    if days < 30:
        n = round(days)
        return f"{n} day{'s' * (n != 1)}"
    if days < 365:
        return f"{days / 30:.1f} months".replace(".0 ", " ")
    return f"{days / 365:.1f} years".replace(".0 ", " ")


def duration(seconds: float) -> str:
    """`45 s`, `3 min 20 s`, `1 h 5 min` for time spent studying."""
    seconds = round(max(0.0, seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, sec = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {sec} s" if sec else f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"


def percent(share: float | None) -> str:
    return "–" if share is None else f"{share * 100:.0f}%"
