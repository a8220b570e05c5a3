"""Dates a student knows without any document: asking them tests nothing the deck taught."""

from __future__ import annotations

from caucasusquiz.generator.dates import calendar_day

_FAMOUS_DATES = frozenset(
    {
        (7, 28, 1914),
        (11, 11, 1918),
        (9, 1, 1939),
        (12, 7, 1941),
        (6, 6, 1944),
        (5, 8, 1945),
        (5, 9, 1945),
        (8, 6, 1945),
        (9, 2, 1945),
        (11, 22, 1963),
        (7, 20, 1969),
        (11, 9, 1989),
        (12, 25, 1991),
        (12, 26, 1991),
        (9, 11, 2001),
    }
)


def is_famous(value: str) -> bool:
    """ "December 25, 1991", "9/11"'s "September 11, 2001": a world-famous day."""
    day = calendar_day(value)
    return day is not None and (day[1], day[2], day[0]) in _FAMOUS_DATES
