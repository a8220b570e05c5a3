"""Relative time ("last October", "this year") resolved from the document's own date, or refused.

A card is read months or years after the article was written: "last October" means
nothing then. The document's date is taken from its own text — a dateline or publication
line near the top ("SKOPJE, 9 April 2019 —", "11 June 2019", "Last updated … 2019").
With it, "last October", "this year", "last year", "next year" become explicit; a
phrase that cannot be made explicit ("recently", "over the last two years") makes the
sentence unusable for a card.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from caucasusquiz.generator.damage import SMALL_NUMBERS
from caucasusquiz.generator.dates import MONTH_NAMES
from caucasusquiz.generator.documents import Document

HEAD_LINES = 25
_MONTHS = list(MONTH_NAMES)
_MONTH = "|".join(_MONTHS)
_DATED = (
    re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\s+((?:19|20)\d\d)\b"),
    re.compile(rf"\b({_MONTH})\s+(\d{{1,2}}),\s+((?:19|20)\d\d)\b"),
    re.compile(rf"\b({_MONTH})\s+((?:19|20)\d\d)\b"),
    re.compile(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b"),  # 11.06.2019
)
_RESOLVABLE = re.compile(
    rf"\b(?:(?:[Ll]ast|[Tt]his past|[Tt]his|[Nn]ext)\s+(?P<month>{_MONTH})"
    r"|(?P<which>[Ee]arlier this|[Ll]ater this|[Tt]his|[Ll]ast|[Nn]ext|[Pp]revious|[Pp]ast)\s+year)\b"
)
_UNRESOLVABLE = re.compile(
    r"\b(?:recently|recent|currently|nowadays|at present|these days|so far|to date|"
    r"last (?:week|month|decade|spring|summer|autumn|fall|winter)|this (?:week|month|spring|"
    r"summer|autumn|fall|winter)|next (?:week|month)|earlier this (?:week|month)|"
    r"(?:over|in|during|for) the (?:last|past|next|previous|coming) (?:\w+ )?(?:years?|months?|"
    r"decades?|weeks?)|a (?:year|month|week|decade) ago|\w+ (?:years|months|weeks) ago|"
    r"yesterday|today|tomorrow|tonight|on (?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)|the previous (?:\w+ )?(?:downturn|administration|government|year|month)|"
    r"the current (?:\w+ )?(?:administration|government|year))\b",
    re.IGNORECASE,
)


# "Earlier, the committee approved …": earlier than what the sentence before said.
_RELATIVE_OPENING = re.compile(r"(?:Earlier|Later|Previously|Meanwhile|Recently|Subsequently),")
_PUBLISHED = re.compile(r"\b(?:published|updated|posted|posted on|date|dated)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DocDate:
    year: int
    month: int  # 1–12; 0 when only the year is known
    day: int = 0  # 0 when not known


def document_date(doc: Document) -> DocDate | None:
    """The date the document gives itself in its first lines (dateline, publication line)."""
    for line in doc.lines[:HEAD_LINES]:
        line = line[:400]
        for pattern in _DATED:
            match = pattern.search(line)
            # A dateline or publication line: short, or the date right at its start or
            # after a place ("SKOPJE, 9 April 2019 —"), or a "published/updated" line.
            if match and (
                len(line.split()) <= 12
                or (match.start() < 30 and re.match(r"^[A-Z][\w .'-]*,?\s*$", line[: match.start()] or "X"))
                or _PUBLISHED.search(line[: match.start()])
            ):
                parts = match.groups()
                names = [_MONTHS.index(p) + 1 for p in parts if p in _MONTHS]
                month = names[0] if names else int(parts[1])
                days = [int(p) for p in parts[:-1] if p.isdigit() and p != parts[1 if not names else -1]]
                day = days[0] if days and (names or len(parts) == 3) else 0
                if 1 <= month <= 12:
                    return DocDate(int(parts[-1]), month, day if 1 <= day <= 31 else 0)
    return None


_SPAN = re.compile(
    r"\b(?:[Oo]ver|[Ii]n|[Dd]uring|[Ff]or) the (?:last|past) "
    r"(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) years\b"
)
_NUMBER_WORDS = {w: i for i, w in enumerate(SMALL_NUMBERS[:11])}  # "ten years ago" at most


def resolve(text: str, date: DocDate | None) -> str | None:
    """`text` with relative time made explicit, or None when some cannot be."""
    if date is not None:
        text = _SPAN.sub(lambda m: _between(m, date), text)
        if date.day:
            text = _WEEKDAY.sub(lambda m: _weekday(m, date), text)
    if _UNRESOLVABLE.search(text) or _RELATIVE_OPENING.match(text):
        return None
    if not _RESOLVABLE.search(text):
        return text
    if date is None:
        return None

    def explicit(match: re.Match[str]) -> str:
        assert date is not None
        before = match.string[: match.start()].rstrip().lower()
        after_preposition = re.search(r"(?:^|\s)(?:in|by|of|since|until|from|during|after|before)$", before)
        lead = "" if after_preposition else "in "
        month = match.group("month")
        if month:
            number = _MONTHS.index(month) + 1
            word = match.group().split()[0].lower()
            if word == "next":
                year = date.year if number > date.month else date.year + 1
            elif word == "this" and date.month and number >= date.month:
                year = date.year
            else:
                year = date.year if date.month and number < date.month else date.year - 1
            return f"{lead}{month} {year}"
        which = match.group("which").lower()
        if which in ("earlier this", "later this", "this"):
            # "earlier in 2011" leans on an event the card does not show: the year alone.
            return f"{lead}{date.year}"
        if which == "next":
            return f"{lead}{date.year + 1}"
        return f"{lead}{date.year - 1}"

    resolved = _RESOLVABLE.sub(explicit, text)
    return resolved[:1].upper() + resolved[1:]


_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_WEEKDAY = re.compile(rf"\bon ({'|'.join(_DAYS)})\b")


def _weekday(match: re.Match[str], date: DocDate) -> str:
    """ "on Tuesday" in an article dated Tuesday 9 April 2019: that day, or the one before it."""
    published = datetime.date(date.year, date.month, date.day)
    back = (published.weekday() - _DAYS.index(match.group(1))) % 7
    day = published - datetime.timedelta(days=back)
    return f"on {day.day} {_MONTHS[day.month - 1]} {day.year}"


def _between(match: re.Match[str], date: DocDate) -> str:
    """ "Over the last two years" in a 2019 article: "Between 2017 and 2019"."""
    raw = match.group("n")
    years = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
    word = "Between" if match.group()[0].isupper() else "between"
    return f"{word} {date.year - years} and {date.year}"
