"""Wrong answers for multiple choice (and the false half of true/false): same kind, same format.

A year gets nearby years, a full date nearby dates written the same way, a percentage
other percentages, a person other people of the same role drawn from the corpus, an
organisation other organisations, and so on. Never the answer, a spelling variant of
it, or anything already shown in the question. Choices are deterministic: they depend
on the answer and the candidates, never on order of discovery or on randomness.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from caucasusquiz.generator.damage import SMALL_NUMBERS
from caucasusquiz.generator.dates import ANY_YEAR, MONTH_NAMES, calendar_day
from caucasusquiz.generator.entities import Mention, fold, known_entity
from caucasusquiz.generator.kinds import fine_kind

WANTED = 3
Day = tuple[int, int, int]  # year, month, day (0 for a month and year)
Window = tuple[Day, Day]
# A name is of the card's era when the median year said with it is this close to the
# card's own years: no 2000s president offered for a 1919 meeting.
ERA_SPAN = 10
_MONTHS = list(MONTH_NAMES)
_NUMBER_WORDS = list(SMALL_NUMBERS[2:])
_FRACTIONS = ["one-quarter", "one-third", "one-half", "two-thirds", "one-fifth", "three-quarters"]


@dataclass(slots=True)
class Pool:
    """Names seen in the corpus, by fine kind, with their display spelling."""

    names: dict[str, dict[str, str]] = field(default_factory=dict)  # fine kind -> canonical -> text
    counts: dict[str, int] = field(default_factory=dict)  # canonical -> mentions in the corpus
    latest_year: int = 0
    years_said: set[int] = field(default_factory=set)  # every year the documents name
    years: dict[str, list[int]] = field(default_factory=dict)  # canonical -> years said with it
    surnames: dict[str, set[str]] = field(default_factory=dict)  # person's surname -> canonicals
    days: dict[str, set[tuple[int, int, int]]] = field(default_factory=dict)  # document -> full dates
    _windows: dict[tuple[str, int], Window | None] = field(default_factory=dict)

    def window(self, document: str, year: int) -> Window | None:
        """The first and last day the document dates in `year`, when it dates at least
        WINDOW_DATES days that year over a month or more: the span of the event it tells
        (a war from 2 April to 14 June 1982). A date outside it gives itself away.
        Asked only once every date is added; remembered per document and year."""
        key = (document, year)
        if key not in self._windows:
            self._windows[key] = self._window(document, year)
        return self._windows[key]

    def _window(self, document: str, year: int) -> Window | None:
        days = sorted(d for d in self.days.get(document, ()) if d[0] == year)
        if len(days) < WINDOW_DATES:
            return None
        first, last = days[0], days[-1]
        if (last[1] - first[1]) * 31 + last[2] - first[2] < 30:
            return None
        return first, last

    def add(self, mentions: Iterable[Mention], text: str, document: str = "") -> None:
        mentions = list(mentions)
        for mention in mentions:
            day = _day_of(mention)
            if day is not None:
                self.days.setdefault(document, set()).add(day)
        said = [int(y) for y in ANY_YEAR.findall(text)]
        for mention in mentions:
            if said and mention.kind not in ("date", "year", "number"):
                self.years.setdefault(mention.canonical, []).extend(said)
            if mention.kind == "person" and " " in mention.text.strip():
                self.surnames.setdefault(fold(mention.text).split()[-1], set()).add(mention.canonical)
            if mention.kind == "year":
                self.latest_year = max(self.latest_year, int(mention.text))
            if mention.kind in ("year", "date"):
                self.years_said.update(int(y) for y in ANY_YEAR.findall(mention.text))
            if mention.kind in ("date", "year", "number") or mention.trivial:
                continue
            self.counts[mention.canonical] = self.counts.get(mention.canonical, 0) + 1
            if len(mention.text.split()) == 1 and mention.kind not in ("person", "place"):
                continue  # "Treaty", "Act": a head word alone is no name
            known = known_entity(mention.text)
            display = known.name if known else re.sub(r"['’]s$", "", mention.text)
            bucket = self.names.setdefault(fine_kind(mention, text), {})
            # The shortest canonical spelling seen wins, so the display is stable.
            if mention.canonical not in bucket or display < bucket[mention.canonical]:
                bucket[mention.canonical] = display


def distractors(
    mention: Mention,
    answer: str,
    prompt: str,
    pool: Pool,
    kind: str,
    exclude: Iterable[str] = (),
    document: str = "",
) -> list[str]:
    """Up to three wrong answers of the answer's fine `kind` and format."""
    excluded = set(exclude)
    if mention.kind == "year":
        options = _in_order(
            _years(int(mention.text), pool.latest_year or int(mention.text) + 1), mention, prompt
        )
    elif mention.kind == "date":
        options = _fitting_dates(mention, prompt, pool, document)
    elif mention.kind == "number":
        options = _numbers(mention)
        if mention.group in ("percent", "percent-sign"):
            options = _share_fits(options, mention, prompt)
    else:
        era = _era(mention, prompt, pool)

        def of_kind(fine: str) -> list[str]:
            return [
                text
                for canon, text in sorted(pool.names.get(fine, {}).items())
                if canon != mention.canonical
                and canon not in excluded
                and _of_era(canon, era, pool, mention.kind == "person")
            ]

        options = of_kind(kind)
        family = next((f for f in _FAMILIES if kind in f), ())
        if len(options) < WANTED and family:
            # Too few of the finest kind: the nearest kinds fill in after them (a Secretary
            # of the Navy among other officials of the government, never among senators).
            siblings = [o for fine in sorted(family - {kind}) for o in of_kind(fine) if o not in options]
            ranked = _ranked(options, mention.canonical) + _ranked(siblings, mention.canonical)
        else:
            ranked = _ranked(options, mention.canonical)
    if mention.kind in ("year", "date", "number"):
        ranked = _ranked(options, mention.canonical)
    else:
        # An era ("the Cold War") among eras only: wars and battles offered for it are of
        # another kind, and an era offered for a war gives the war away.
        ranked = [option for option in ranked if _is_era(option) == _is_era(answer)]
    shown = fold(prompt)
    taken = {fold(answer), mention.canonical}
    chosen: list[str] = []
    for option in ranked:
        folded = fold(option)
        if mention.kind == "person" and _same_surname(folded, fold(answer)):
            continue  # "Mikheil Saakashvili" for "Mikhail Saakashvili": a spelling, not a person
        if folded in taken or _variant(folded, taken) or re.search(rf"\b{re.escape(folded)}\b", shown):
            continue
        taken.add(folded)
        chosen.append(option)
        if len(chosen) == WANTED:
            break
    return chosen


_ERA = re.compile(
    r"^(?:the\s+)?(?:Cold\s+War|Interwar\s+\w+|(?:[A-Z][\w'’-]*\s+){0,3}"
    r"(?:Era|Age|Period|Depression|Enlightenment|Renaissance|Reconstruction|Détente))$",
    re.IGNORECASE,
)


def _is_era(name: str) -> bool:
    """A span of history rather than one war or event: "Cold War", "Meiji Era", "Great Depression"."""
    return _ERA.match(name.strip()) is not None


# Fine kinds close enough to stand in for each other when one has too few names.
_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset(
        {
            # An ambassador is asked among ambassadors only: the post names the country.
            "person:us-official",
            "person:us-secretary",
            "person:secretary",
            "person:adviser",
        }
    ),
    frozenset({"name:agency", "name:us-agency"}),
)


def years_around(year: int, latest: int) -> list[str]:
    """Years a false statement may put in place of `year`: spread over a decade, never past
    the latest year the documents name."""
    return _years(year, latest)


def _era(mention: Mention, prompt: str, pool: Pool) -> int | None:
    """The year a name card is about: the prompt's own years, else the answer's usual years."""
    years = [int(y) for y in ANY_YEAR.findall(prompt)] or pool.years.get(mention.canonical, [])
    return _median(years) if years else None


def _of_era(canonical: str, era: int | None, pool: Pool, dated_only: bool) -> bool:
    """Fits the card's era. A person never dated in the documents fits only an undated
    card (a president of any decade could be meant); an undated law or place fits any."""
    years = pool.years.get(canonical, [])
    if era is None:
        return True
    if not years:
        return not dated_only
    return abs(_median(years) - era) <= ERA_SPAN


def _median(years: list[int]) -> int:
    ordered = sorted(years)
    return ordered[len(ordered) // 2]


def _share_fits(options: list[str], mention: Mention, prompt: str) -> list[str]:
    """ "53% approve, with 27% disapproving and 21% uncertain": a wrong share must still let
    the sentence's shares add up to at most 100, or it gives itself away."""
    shares = [float(v) for v in re.findall(r"(\d+(?:\.\d+)?)\s*(?:%|percent|per cent)", prompt)]
    answer = re.search(r"\d+(?:\.\d+)?", mention.text)
    if answer is None or len(shares) < 2 or sum(shares) > 102:  # 53 + 27 + 21: rounding
        return options
    rest = sum(shares) - float(answer.group())
    fitting = []
    for option in options:
        value = re.search(r"\d+(?:\.\d+)?", option)
        if value is not None and rest + float(value.group()) <= 102:
            fitting.append(option)
    return fitting


def _in_order(options: list[str], mention: Mention, prompt: str) -> list[str]:
    """Years on the same side of the sentence's other years as the answer: "after the 2001
    attacks, the legislation of 1993" would give itself away."""
    answer = int(mention.text)
    others = [int(y) for y in ANY_YEAR.findall(prompt) if int(y) != answer]
    options = [
        option for option in options if all((int(option) > other) == (answer > other) for other in others)
    ]
    if re.search(r"\b(?:following|after)\b", prompt[mention.end :]):
        # "in 1992, following its independence": a year long before is ruled out by the
        # event the prompt names; only years close before it stay plausible.
        options = [option for option in options if int(option) >= answer - 3]
    return options


def _same_surname(a: str, b: str) -> bool:
    return a.split()[-1:] == b.split()[-1:] and not (" w " in f" {a} " or " w " in f" {b} ")


def _ranked(options: list[str], seed: str) -> list[str]:
    """A stable pseudo-random order: the same answer always gets the same distractors."""
    unique = list(dict.fromkeys(options))
    return sorted(unique, key=lambda o: hashlib.sha1(f"{seed}|{o}".encode()).hexdigest())


def _variant(candidate: str, taken: set[str]) -> bool:
    """ "lugar" is a variant of "richard lugar"; "george w bush" is not one of "george h w bush";
    "zulu war" is another name of "anglo zulu war" (one word more before the same name)."""
    for name in taken:
        shorter, longer = sorted((candidate, name), key=len)
        if not shorter:
            continue
        if (longer.endswith(" " + shorter) or longer.startswith(shorter + " ")) and len(shorter.split()) == 1:
            return True
        short, long = re.split(r"[\s-]+", shorter), re.split(r"[\s-]+", longer)
        if len(short) >= 2 and len(long) == len(short) + 1 and long[1:] == short:
            return True
    return False


def _years(year: int, latest: int) -> list[str]:
    """Years a student could mistake for it: spread over a decade, not the next three."""
    near = [year + d for d in (-9, -6, -4, -3, 3, 4, 6, 9)]
    return [str(y) for y in near if y <= max(latest, year)]


WINDOW_DATES = 3
# More moves of day and month, tried only when a window or the prompt's dates rule out many.
_MORE_MOVES = ((1, 3), (-1, 9), (1, 15), (-1, 19), (2, 11), (-2, 17), (1, 24), (-1, 25))
_MONTH_DAY = re.compile(
    r"\b(?:(?P<m1>"
    + "|".join(_MONTHS)
    + r")\s+(?P<d1>\d{1,2})\b|(?P<d2>\d{1,2})\s+(?P<m2>"
    + "|".join(_MONTHS)
    + r")\b)(?:,?\s+(?P<y>\d{4}))?"
)


def _day_of(mention: Mention) -> tuple[int, int, int] | None:
    """(year, month, day) of a full date; (year, month, 0) of a month and year."""
    if mention.kind != "date" or mention.group not in ("full-date", "month-year"):
        return None
    day = calendar_day(mention.text)
    if day is None or (mention.group == "full-date" and not day[2]):
        return None
    return day if mention.group == "full-date" else (day[0], day[1], 0)


def _fitting_dates(mention: Mention, prompt: str, pool: Pool, document: str) -> list[str]:
    """Dates of the answer's format that the prompt and the document leave possible: on the
    same side of every other date the prompt names ("from November 1 to ___": later), and
    within the span of the event the document tells, when it tells one ("2 May 1982" in an
    article on a war fought from April to June 1982: no September)."""
    answer = _day_of(mention)
    options = _dates(mention)
    if answer is None:
        return options
    window = pool.window(document, answer[0])
    others = []
    for match in _MONTH_DAY.finditer(prompt):
        if mention.start <= match.start() < mention.end:
            continue
        month = _MONTHS.index(match.group("m1") or match.group("m2")) + 1
        year = int(match.group("y")) if match.group("y") else answer[0]
        others.append((year, month, int(match.group("d1") or match.group("d2"))))
    if window is None and not others:
        return options
    if options:
        options = options + _dates(mention, _MORE_MOVES)

    def fits(option: str) -> bool:
        day = _day_of(Mention(0, len(option), option, "date", mention.group, ""))
        if day is None:
            return False
        if window is not None and not _inside(day, _open_edge(window, answer), mention.group == "month-year"):
            return False
        return all((day > other) == (answer > other) for other in others if other != answer)

    return [option for option in options if fits(option)]


def _open_edge(window: Window, answer: Day) -> Window:
    """The window without the edge the answer is: when the card asks the day the war began,
    options after it only would make the earliest option the answer."""
    first, last = window
    if answer[:2] <= first[:2] and answer <= first:
        first = (first[0] - 1, 1, 1)
    if answer[:2] >= last[:2] and answer >= last:
        last = (last[0] + 1, 12, 31)
    return first, last


def _inside(day: Day, window: Window, by_month: bool) -> bool:
    first, last = window
    if by_month:
        return first[:2] <= day[:2] <= last[:2]
    return first <= day <= last


def _dates(mention: Mention, moves: tuple[tuple[int, int], ...] = ()) -> list[str]:
    text = mention.text
    if mention.group == "full-date":
        month_first = re.match(r"([A-Z][a-z]+)\.?\s+(\d{1,2}),\s+(\d{4})$", text)
        day_first = re.match(r"(\d{1,2})\s+([A-Z][a-z]+)\.?\s+(\d{4})$", text)  # "13 October 1921"
        if month_first and month_first.group(1) in _MONTHS:
            month, day, year = month_first.group(1), month_first.group(2), month_first.group(3)
        elif day_first and day_first.group(2) in _MONTHS:
            day, month, year = day_first.group(1), day_first.group(2), day_first.group(3)
        else:
            return []
        # Each option moves the day and the month: an option that changes one part only
        # leaves the answer as the one sharing a part with every other option.
        # Months stay within the answer's year, which the prompt's names may bound.
        options = []
        for dm, dd in moves or ((1, 7), (-1, 13), (2, 20), (-2, 4), (3, 10), (-3, 16), (4, 22)):
            m, d = _MONTHS.index(month) + dm, (int(day) - 1 + dd) % 28 + 1
            if 0 <= m < 12:
                options.append(f"{_MONTHS[m]} {d}, {year}" if month_first else f"{d} {_MONTHS[m]} {year}")
        return options
    if mention.group == "month-year":
        match = re.match(r"([A-Z][a-z]+)\.?\s+(\d{4})$", text)
        if not match or match.group(1) not in _MONTHS:
            return []
        month, year = _MONTHS.index(match.group(1)), int(match.group(2))
        # Month and year both move, so the answer is not the option the others centre on.
        shifts: tuple[tuple[int, int], ...] = ((3, -1), (-2, 1), (5, -1), (-4, 0), (2, 1))
        if moves:  # within the answer's year: the document's event spans months, not years
            shifts = ((1, 0), (-1, 0), (2, 0), (-2, 0), (3, 0), (-3, 0))
        return [f"{_MONTHS[(month + dm) % 12]} {year + dy}" for dm, dy in shifts]
    if mention.group == "month-day":
        match = re.match(r"([A-Z][a-z]+)\.?\s+(\d{1,2})$", text)
        if not match or match.group(1) not in _MONTHS:
            return []
        month, day = _MONTHS.index(match.group(1)), int(match.group(2))
        return [f"{_MONTHS[month]} {d}" for d in (day - 7, day - 3, day + 4, day + 9) if 1 <= d <= 28] + [
            f"{_MONTHS[(month + 1) % 12]} {day}"
        ]
    return []


def _numbers(mention: Mention) -> list[str]:
    text = mention.text
    if mention.group == "fraction":
        return [f for f in _FRACTIONS if f != text.lower()]
    if mention.group == "count-word":
        return [w for w in _NUMBER_WORDS if w != text.lower()]
    match = re.search(r"\d+(?:[.,]\d+)?", text)
    if not match:
        return []
    raw = match.group()
    value = (
        float(raw.replace(",", ""))
        if "," in raw and len(raw.split(",")[-1]) == 3
        else float(raw.replace(",", "."))
    )
    if mention.group in ("percent", "percent-sign"):
        steps = (-20, -10, 10, 20, 30) if value % 10 == 0 else (-15, -8, 7, 14, 25)
        values = [value + s for s in steps if 0 < value + s < 100]
    elif mention.group == "score":
        values = [value + s for s in (-8, 15, 27, 40) if 0 < value + s < 100]
    else:
        # A plausible scale, at the answer's precision: 1,768 km → 1,100 / 2,300 / 3,200.
        values = [_round_like(value * f, value) for f in (0.6, 1.3, 1.8, 0.4, 2.5)]
        values = [v for v in values if v > 0 and v != value]
    return [_format_like(raw, v, text) for v in values]


def _round_like(value: float, answer: float) -> float:
    """Rounded to the answer's own precision (its trailing zeros), at least to 1."""
    if answer != int(answer):
        return round(value, 1)
    step = 1
    whole = int(answer)
    while whole and whole % (step * 10) == 0:
        step *= 10
    step = max(step, 10 ** max(len(str(whole)) - 2, 0)) if whole >= 100 else step
    return float(max(step, round(value / step) * step))


def _format_like(raw: str, value: float, text: str) -> str:
    number = f"{int(value):,}" if value == int(value) else f"{value:g}"
    if "," not in raw and value == int(value):
        number = str(int(value))
    return text.replace(raw, number, 1)
