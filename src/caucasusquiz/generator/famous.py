"""Dates a student knows without any document: asking them tests nothing the deck taught."""

from __future__ import annotations

import re

from caucasusquiz.generator.entities import ANY_YEAR

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
_MONTHS = "January February March April May June July August September October November December".split()
_MONTH = re.compile("|".join(_MONTHS))
_DAY = re.compile(r"(?<!\d)(\d{1,2})(?!\d)")


def is_famous(value: str) -> bool:
    """ "December 25, 1991", "9/11"'s "September 11, 2001": a world-famous day."""
    month = _MONTH.search(value)
    day = _DAY.search(value)
    year = ANY_YEAR.search(value)
    if not (month and day and year):
        return False
    return (_MONTHS.index(month.group(0)) + 1, int(day.group(1)), int(year.group(1))) in _FAMOUS_DATES
