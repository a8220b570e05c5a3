"""Years and calendar days as the generator reads them, written once.

`ANY_YEAR` asks whether a text says a year at all ("1990s" and "1990–95" too); `calendar_day`
reads the day a date names, whichever way round it is written ("14 December 1995",
"December 14, 1995", "the 14th of December 1995"). Finding the dates a card may ask, with
their formats, is `entities`' job.
"""

from __future__ import annotations

import re

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# A year before 1600 is a year only where its context makes it one: after "in", "by", "since",
# "until" …, beside a month ("May 1215", "June 15, 1215"), in a range ("1494–1529"), with "AD",
# or as a text that is the year alone (an option, an answer). Elsewhere such a number is a
# count ("1500 men", "a force of 1200"). Each look-around is of fixed width, so `YEAR` composes
# into any pattern.
_EARLY_WORDS = ("in", "by", "since", "until", "till", "before", "after", "from", "during", "between")
_EARLY_BEFORE = "|".join(
    rf"(?<=\b{re.escape(word)} )"
    for word in (*_EARLY_WORDS, *(w.capitalize() for w in _EARLY_WORDS), "year", "AD", "c.")
)
_EARLY_MONTH = "|".join(rf"(?<=\b{name} )|(?<=\b{name}, )" for name in MONTH_NAMES)
# Some lower-case plural after the number makes it a count: "by 1500 troops", "in 1200 ships",
# "between 1200 and 1500 men".
_COUNTED = (
    r"(?:(?!was\b|has\b|is\b|as\b|this\b|his\b|its\b|thus\b)[a-z]+s|men|women|people|children|cattle|horse)\b"
)
_NOT_A_COUNT = (
    rf"(?![.,]?\d)(?!\s+{_COUNTED})"
    # "from 1200 to 1500 metres", "in 1200 m": a range of counts, a measure
    rf"(?!\s*(?:to|and|or|[–-])\s*\d[\d,.]*\s+{_COUNTED})(?!\s*(?:m|km|ft|mi|kg|t|ha|cm|mm)\b)"
)
_EARLY_YEAR = (
    # the digits first: the look-behinds are tried only where a year before 1600 could stand
    rf"(?=1[0-5]\d\d)(?:(?:{_EARLY_BEFORE}|{_EARLY_MONTH}|(?<=\d, )|(?<=\d[–-])|(?<=\d\d\d\d to )"
    rf"|(?<=\d\d\d\d and ))"
    rf"1[0-5]\d\d{_NOT_A_COUNT}"
    rf"|1[0-5]\d\d(?=[–-]1\d\d\d|\s+AD\b)|(?<![\s\S])1[0-5]\d\d(?![\s\S]))"
)
YEAR = rf"(?=[12]\d\d\d)(?:1[6-9]\d\d|20\d\d|{_EARLY_YEAR})"
MONTH = rf"(?:{'|'.join(MONTH_NAMES)})"  # any month's name, for building patterns
ANY_YEAR = re.compile(rf"(?<!\d)({YEAR})(?!\d)")
_MONTH = re.compile(rf"\b({MONTH})\b")

Day = tuple[int, int, int]  # year, month, day (0 for a month and year)


def calendar_day(text: str) -> Day | None:
    """(year, month, day) of the first month the text names, with the day written next to it
    (0 when there is none), or None when the text names no month or no year."""
    year = ANY_YEAR.search(text)
    month = _MONTH.search(text)
    if year is None or month is None:
        return None
    name = month.group(1)
    day = re.search(
        rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+{name}\b|\b{name}\s+(\d{{1,2}})(?!\d)", text
    )
    number = int(day.group(1) or day.group(2)) if day else 0
    return int(year.group(1)), MONTH_NAMES.index(name) + 1, number
