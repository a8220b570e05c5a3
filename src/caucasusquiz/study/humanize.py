"""Short human wording for intervals and durations, shared by the line mode and the app."""

from __future__ import annotations

from datetime import timedelta

from caucasusquiz.text import plural


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
        return plural(round(days), "day")
    if days < 365:
        return plural(_one_decimal(days / 30), "month")
    return plural(_one_decimal(days / 365), "year")


_SHORT_UNITS = {
    "min": "m",
    "h": "h",
    "day": "d",
    "days": "d",
    "month": "mo",
    "months": "mo",
    "year": "y",
    "years": "y",
}


def interval_short(delta: timedelta) -> str:
    """`10m`, `3h`, `4d`, `2.5mo`, `1.2y`: `interval` for a narrow screen."""
    number, unit = interval(delta).split(" ", 1)
    return f"{number}{_SHORT_UNITS[unit]}"


def _one_decimal(value: float) -> float:
    """2.5, and 1 rather than 1.0."""
    rounded = round(value, 1)
    return int(rounded) if rounded.is_integer() else rounded


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
