"""Checking a learner's answer: typed answers, multiple choice and true/false.

Pure domain logic with no UI import: the study engine, the plain line mode and the TUI all
call this module, possibly on every key press, so a check takes tens of microseconds.

Typed answers are RIGHT when their canonical form (`normalize`) equals that of the answer,
of an `accept` entry, or of either part of an answer with a parenthetical ("... (USAID)").
The canonical form drops what does not change the fact: case, accents, Turkish and
Azerbaijani letters (ə also read as a), punctuation, dashes, a leading article, word breaks,
and how a number, percentage, dollar amount, fraction, ordinal or date is written.

ALMOST (suggested Hard, shown with the difference) is kept for answers that show the fact
is known but its form is off:
- a small typo: Damerau-Levenshtein distance 1 for 4–7 letters, 2 for 8–15, 3 beyond; none
  under 4 letters; in answers up to 7 letters the first letter must be right (Bush/Rush);
- the surname alone of a person's name ("Wilson", "Aliyev": right person, or his father);
- a long name without its leading qualifier or a small word ("Minsk Group" for "OSCE Minsk
  Group", "Partnership Peace"), never without its last word ("Freedom Support" is no act);
- the right number without its unit or word ("53" for "53%", "907" for "Section 907");
- the right name followed by what it names ("Baku–Tbilisi–Ceyhan pipeline").
A different number, year, date or month is always WRONG, however close the letters: a
wrong year is a wrong fact, not a typo. The learner can always override the verdict.
"""

from __future__ import annotations

import hashlib
import math
import random
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher
from enum import StrEnum
from functools import lru_cache
from itertools import groupby

# One Rating class for the whole app: FSRS numbers, also the keys 1–4.
from caucasusquiz.study.rating import Rating

__all__ = [
    "TRUE_FALSE_OPTIONS",
    "AnswerCheck",
    "DiffSegment",
    "Rating",
    "Verdict",
    "check_option",
    "check_typed",
    "choice_options",
    "fast_answer_seconds",
    "normalize",
    "parse_option",
    "suggest_rating",
]


class Verdict(StrEnum):  # a str: "right" == Verdict.RIGHT
    RIGHT = "right"
    ALMOST = "almost"
    WRONG = "wrong"
    REVEALED = "revealed"  # empty input: the learner asked to see the answer


@dataclass(frozen=True, slots=True)
class DiffSegment:
    text: str
    kind: str  # "same" | "missing" (in expected, not typed) | "extra" (typed, not expected)


@dataclass(frozen=True, slots=True)
class AnswerCheck:
    verdict: Verdict
    typed: str  # what the learner typed (stripped)
    expected: str  # the canonical answer to show
    matched: str | None  # the accepted form that matched; None if wrong or revealed
    # Typed vs the closest accepted form, as written (not normalised). Joining same+extra
    # gives `typed`, same+missing the form. Empty when typed exactly, revealed, or for options.
    diff: tuple[DiffSegment, ...]
    # Answered by picking an option (choice, true/false) rather than typing the answer.
    by_option: bool = False


TRUE_FALSE_OPTIONS: tuple[str, str] = ("True", "False")  # fixed order, never shuffled

# --------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------

# Letters NFKD does not decompose (ı, ə, ø…) must be mapped by hand; the Turkish and
# Azerbaijani ones are listed even where NFKD would do, so the mapping is explicit.
# İ must not reach casefold(), which would give "i" plus a combining dot.
_LETTER_MAP = str.maketrans(
    {
        "İ": "i",
        "ı": "i",
        "Ə": "e",
        "ə": "e",
        "Ş": "s",
        "ş": "s",
        "Ğ": "g",
        "ğ": "g",
        "Ç": "c",
        "ç": "c",
        "Ö": "o",
        "ö": "o",
        "Ü": "u",
        "ü": "u",
        "ß": "ss",
        "Ø": "o",
        "ø": "o",
        "Æ": "ae",
        "æ": "ae",
        "Œ": "oe",
        "œ": "oe",
        "Ł": "l",
        "ł": "l",
        "Đ": "d",
        "đ": "d",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2044": "/",
        "\u2215": "/",  # fraction and division slashes (NFKD turns ½ into 1⁄2)
        "&": " and ",
    }
)

_ISO_DATE = re.compile(r"\b([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})\b")
_THOUSANDS = re.compile(r"\b[0-9]{1,3}(?:,[0-9]{3})+\b")
_MONEY_SHORTHAND = re.compile(r"\$\s*([0-9]+(?:\.[0-9]+)?)\s*(k|m|mn|mln|bn|b)\b")
_OUT_OF = re.compile(r"([0-9])\s+out\s+of\s+([0-9])")
_SLASH_BETWEEN_DIGITS = re.compile(r"([0-9])\s*/\s*([0-9])")
# Dots and apostrophes join what they separate (U.S. = US, Azerbaijan's); decimal points stay.
_JOINING_MARKS = re.compile(r"(?<![0-9])\.|\.(?![0-9])|['\"`‘’“”]")
_SEPARATORS = re.compile(r"[^\w%$/.]+|_+|(?<![0-9])/|/(?![0-9])")
_UNIT_SIGNS = re.compile(r"([%$])")
_SPACE_NOT_BETWEEN_DIGITS = re.compile(r"(?<![0-9]) | (?![0-9])")
_PARENTHETICAL = re.compile(r"\(([^()]*)\)")

_DECIMAL = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_DIGIT_ORDINAL = re.compile(r"([0-9]+)(?:st|nd|rd|th)")
_DAY = re.compile(r"([0-9]{1,2})(?:st|nd|rd|th)?")
_YEAR = re.compile(r"[0-9]{4}")
_NUMBER_CORE = re.compile(r"[0-9]+(?:[./][0-9]+)*")
_NUMBER_WITH_UNIT = re.compile(r"[0-9]+(?:[./][0-9]+)*(?:%|st|nd|rd|th)?")

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
_TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "mln": 10**6,
    "bn": 10**9,
}
_ORDINAL_UNITS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
}
_ORDINAL_TEENS = {
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
}
_ORDINAL_TENS = {
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
}
_ORDINAL_SCALES = {"hundredth": 100, "thousandth": 10**3, "millionth": 10**6}
_ORDINAL_SUFFIXES = {1: "st", 2: "nd", 3: "rd"}
_MULTIPLIERS = frozenset({"hundred", *_SCALES})
_NUMBER_WORDS = frozenset(
    {*_UNITS, *_TEENS, *_TENS, *_ORDINAL_UNITS, *_ORDINAL_TEENS, *_ORDINAL_TENS, *_MULTIPLIERS}
)
_NUMERATORS = {"a": 1, "an": 1, **{w: v for w, v in _UNITS.items() if v}}
_DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}
_PERCENT_WORDS = frozenset({"%", "percent", "percents", "pct"})
_DOLLAR_WORDS = frozenset({"dollars", "dollar", "usd"})

_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTHS = {
    **{name: name for name in _MONTH_NAMES},
    **{name[:3]: name for name in _MONTH_NAMES},
    "sept": "september",
}
_FULL_MONTHS = frozenset(_MONTH_NAMES)
_ARTICLES = frozenset({"the", "a", "an"})


def normalize(text: str) -> str:
    """The canonical comparison form of an answer.

    `normalize("U.S. Agency")` is "us agency", `normalize("forty per cent")` is "40%",
    `normalize("6 Mar 1992")` is "march 6 1992", `normalize("$10,000,000")` is
    "10000000 dollars". Words stay separated by single spaces; `check_typed` in addition
    ignores where the spaces between words fall ("Nagornokarabakh").
    """
    return _normalize(text)


@lru_cache(maxsize=4096)
def _normalize(text: str) -> str:
    folded = _fold_letters(text)
    folded = _ISO_DATE.sub(_iso_date_as_words, folded)
    folded = _THOUSANDS.sub(lambda match: match.group().replace(",", ""), folded)
    folded = _MONEY_SHORTHAND.sub(_expand_money_shorthand, folded)
    folded = _OUT_OF.sub(r"\1/\2", folded)
    folded = _SLASH_BETWEEN_DIGITS.sub(r"\1/\2", folded)
    folded = _JOINING_MARKS.sub("", folded)
    folded = _SEPARATORS.sub(" ", folded)
    folded = _UNIT_SIGNS.sub(r" \1 ", folded)
    words = _canonical_quantities(folded.split())
    words = _canonical_dates(words)
    words = _without_leading_article(words)
    return " ".join(_joined_initials(words))


def _fold_letters(text: str) -> str:
    text = text.translate(_LETTER_MAP)
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
        text = text.translate(_LETTER_MAP)
    return text.casefold()


def _compact(norm: str) -> str:
    """Word breaks do not matter (Nagornokarabakh), but 1 2 must not become 12."""
    return _SPACE_NOT_BETWEEN_DIGITS.sub("", norm)


def _iso_date_as_words(match: re.Match[str]) -> str:
    year, month, day = (int(part) for part in match.groups())
    if 1 <= month <= 12 and 1 <= day <= 31:
        return f"{_MONTH_NAMES[month - 1]} {day} {year}"
    return match.group()


def _expand_money_shorthand(match: re.Match[str]) -> str:
    word = {
        "k": "thousand",
        "m": "million",
        "mn": "million",
        "mln": "million",
        "bn": "billion",
        "b": "billion",
    }[match.group(2)]
    return f"$ {match.group(1)} {word}"


def _canonical_quantities(words: list[str]) -> list[str]:
    """Numbers in words or digits, percentages, dollar amounts, fractions, ordinals → digits."""
    out: list[str] = []
    i = 0
    while i < len(words):
        read = _read_quantity(words, i)
        if read is None:
            out.append(words[i])
            i += 1
        else:
            quantity, i = read
            out.extend(quantity)
    return out


def _read_quantity(words: list[str], i: int) -> tuple[list[str], int] | None:
    j = i
    dollars = False
    if words[j] == "us" and j + 1 < len(words) and words[j + 1] in ("$", "usd"):
        j += 1
    if words[j] in ("$", "usd"):
        dollars = True
        j += 1
    read = _read_number(words, j)
    if read is None:
        return None
    number, j, kind = read
    if kind == "cardinal":
        if j < len(words) and words[j] in _PERCENT_WORDS:
            return [number + "%"], j + 1
        if words[j : j + 2] == ["per", "cent"]:
            return [number + "%"], j + 2
        if words[j : j + 2] in (["us", "dollars"], ["us", "dollar"]):
            dollars, j = True, j + 2
        elif j < len(words) and words[j] in _DOLLAR_WORDS:
            dollars, j = True, j + 1
    return ([number, "dollars"] if dollars else [number]), j


def _read_number(words: list[str], i: int) -> tuple[str, int, str] | None:
    """The number starting at words[i] as (digits, next index, kind), or None."""
    if i >= len(words):
        return None
    word = words[i]
    following = words[i + 1] if i + 1 < len(words) else ""
    if word in _NUMERATORS and following in _DENOMINATORS:
        return f"{_NUMERATORS[word]}/{_DENOMINATORS[following]}", i + 2, "fraction"
    if word == "half":
        return "1/2", i + 1, "fraction"
    digit_ordinal = _DIGIT_ORDINAL.fullmatch(word)
    if digit_ordinal:
        return _ordinal(int(digit_ordinal.group(1))), i + 1, "ordinal"
    value, j, is_ordinal, kind_of_last = _read_number_words(words, i)
    if j == i:
        return None
    if is_ordinal:
        return _ordinal(int(value)), j, "ordinal"
    value, j = _paired_year(words, value, j, kind_of_last)
    return _format_decimal(value), j, "cardinal"


def _read_number_words(words: list[str], i: int) -> tuple[Decimal, int, bool, str]:
    """Read "one hundred and twenty-one", "10 million", "twenty-eighth"…

    Returns (value, next index, is ordinal, kind of the last word). Impossible sequences
    ("one two") stop the number, so they stay two numbers.
    """
    total = Decimal(0)
    group = Decimal(0)
    last = ""
    j = i
    while j < len(words):
        word = words[j]
        following = words[j + 1] if j + 1 < len(words) else ""
        after_small = last in ("", "hundred", "scale")
        if last == "" and _DECIMAL.fullmatch(word):
            group, last = Decimal(word), "digits"
        elif last == "" and word in ("a", "an") and following in _MULTIPLIERS:
            group, last = Decimal(1), "unit"  # "a hundred", "a million"
        elif word in _UNITS and (after_small or last == "tens"):
            group, last = group + _UNITS[word], "unit"
        elif word in _TEENS and after_small:
            group, last = group + _TEENS[word], "teen"
        elif word in _TENS and after_small:
            group, last = group + _TENS[word], "tens"
        elif word == "hundred" and last in ("", "unit", "teen", "digits"):
            group, last = (group or 1) * 100, "hundred"
        elif word in _SCALES and last != "scale":
            total, group, last = total + (group or 1) * _SCALES[word], Decimal(0), "scale"
        elif word in _ORDINAL_UNITS and (after_small or last == "tens"):
            return total + group + _ORDINAL_UNITS[word], j + 1, True, "ordinal"
        elif word in _ORDINAL_TEENS and after_small:
            return total + group + _ORDINAL_TEENS[word], j + 1, True, "ordinal"
        elif word in _ORDINAL_TENS and after_small:
            return total + group + _ORDINAL_TENS[word], j + 1, True, "ordinal"
        elif word in _ORDINAL_SCALES and last not in ("scale", "digits"):
            return total + (group or 1) * _ORDINAL_SCALES[word], j + 1, True, "ordinal"
        elif word == "and" and last in ("hundred", "scale") and following in _NUMBER_WORDS:
            pass  # "one hundred and five"
        else:
            break
        j += 1
    return total + group, j, False, last


def _paired_year(words: list[str], value: Decimal, j: int, last: str) -> tuple[Decimal, int]:
    """ "nineteen ninety-two" is 1992, "twenty twenty" 2020: two two-digit groups."""
    if last not in ("teen", "tens", "unit") or not 10 <= value <= 99:
        return value, j
    if j >= len(words) or (words[j] not in _TEENS and words[j] not in _TENS):
        return value, j
    second, k, is_ordinal, _ = _read_number_words(words, j)
    if is_ordinal or not 10 <= second <= 99:
        return value, j
    return value * 100 + second, k


def _format_decimal(value: Decimal) -> str:
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 19 else _ORDINAL_SUFFIXES.get(number % 10, "th")
    return f"{number}{suffix}"


def _canonical_dates(words: list[str]) -> list[str]:
    """Every written form of a date becomes "month day year" ("march 6 1992")."""
    out: list[str] = []
    i = 0
    while i < len(words):
        read = _read_date(words, i)
        if read is None:
            out.append(words[i])
            i += 1
        else:
            date, i = read
            out.extend(date)
    return out


def _read_date(words: list[str], i: int) -> tuple[list[str], int] | None:
    word = words[i]
    if word in _MONTHS:
        month = _MONTHS[word]
        day = _day_at(words, i + 1)
        if day is not None:
            year = _year_at(words, i + 2)
            return ([month, day, year], i + 3) if year else ([month, day], i + 2)
        year = _year_at(words, i + 1)
        if year:
            return [month, year], i + 2
        # A bare abbreviation ("mar", "may") is only a month next to a day or a year.
        return ([month], i + 1) if word in _FULL_MONTHS else None
    day = _day_at(words, i)
    if day is None:
        return None
    j = i + 2 if i + 1 < len(words) and words[i + 1] == "of" else i + 1
    if j >= len(words) or words[j] not in _MONTHS:
        return None
    year = _year_at(words, j + 1)
    month = _MONTHS[words[j]]
    return ([month, day, year], j + 2) if year else ([month, day], j + 1)


def _day_at(words: list[str], i: int) -> str | None:
    match = _DAY.fullmatch(words[i]) if i < len(words) else None
    if match and 1 <= int(match.group(1)) <= 31:
        return str(int(match.group(1)))
    return None


def _year_at(words: list[str], i: int) -> str | None:
    return words[i] if i < len(words) and _YEAR.fullmatch(words[i]) else None


def _without_leading_article(words: list[str]) -> list[str]:
    if len(words) > 1 and words[0] in _ARTICLES:
        return words[1:]
    return words


def _joined_initials(words: list[str]) -> list[str]:
    """ "U. S." and "U S" are "us", like "U.S."."""
    out: list[str] = []
    previous_was_initial = False
    for word in words:
        is_initial = len(word) == 1 and word.isalpha()
        if is_initial and previous_was_initial:
            out[-1] += word
        else:
            out.append(word)
        previous_was_initial = is_initial
    return out


# --------------------------------------------------------------------------------------
# Typed answers
# --------------------------------------------------------------------------------------

# Words a learner may put before an answer that do not change it ("President Woodrow
# Wilson", "in 1992", "about 40%"). Only stripped from what is typed, never from answers.
_TYPED_LEAD_WORDS = frozenset(
    "president pres mr mrs ms dr sir senator sen ambassador secretary general gen prime minister "
    "governor gov mayor in on at about around approximately approx roughly circa ca nearly some".split()
)
# Nouns that end names of things rather than of people: "Minsk Group", "Madrid Principles"
# are not a given name and a surname.
_NAMED_THING_NOUNS = frozenset(
    "accord accords act agency agreement alliance army assembly bank bay center centre city "
    "coalition commission committee company conference congress consortium corporation corridor "
    "council court declaration department doctrine embassy federation field forum foundation fund "
    "group house initiative institute island islands lake law league ministry mission mountains "
    "movement office organization organisation parliament partnership party peace pipeline plan "
    "policy principles process program programme project protocol railway region republic "
    "resolution river road route sea section senate service state states strategy summit talks "
    "treaty union university war zone stream basin valley gulf strait peninsula line airport port "
    "square street avenue".split()
)
# First words of place names ("South Caucasus", "New York"), not given names.
_PLACE_QUALIFIERS = frozenset(
    "north south east west northern southern eastern western new upper lower central great "
    "greater united saint st san mount lake cape port fort".split()
)
# Small words a learner may leave out of a long name: "Partnership Peace".
_FUNCTION_WORDS = frozenset({"of", "for", "and", "the", "in", "on", "to", "a", "an", "de"})
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Below this similarity a wrong answer is shown replaced as a whole, not letter by letter.
_MIN_ALIGNED_RATIO = 0.4


@dataclass(frozen=True, slots=True)
class _Shape:
    """One normalised reading of a text, with what the matching rules look at."""

    norm: str
    key: str  # norm with word breaks removed
    words: tuple[str, ...]
    facts: tuple[str, ...]  # numbers and months: must be identical for a typo to be "almost"


@dataclass(frozen=True, slots=True)
class _Form:
    """An accepted answer as written, with its readings (ə read as e, and as a)."""

    text: str
    shapes: tuple[_Shape, ...]
    surname: str | None  # compact key of the surname when the form looks like a person's name


def check_typed(typed: str, answer: str, accept: Sequence[str] = ()) -> AnswerCheck:
    """Check a typed answer against the card's answer and its other accepted forms."""
    typed = typed.strip()
    expected = answer.strip()
    if not typed:
        return AnswerCheck(Verdict.REVEALED, typed, expected, None, ())
    forms = _accepted_forms(expected, tuple(accept))
    if not forms:
        return AnswerCheck(Verdict.WRONG, typed, expected, None, _diff(typed, expected))
    readings = _typed_readings(typed)
    for form in forms:
        if _is_right(readings, form, typed):
            return AnswerCheck(Verdict.RIGHT, typed, expected, form.text, _diff(typed, form.text))
    for form in forms:
        if _is_almost(readings, form):
            return AnswerCheck(Verdict.ALMOST, typed, expected, form.text, _diff(typed, form.text))
    closest = _closest_form(readings[0], forms)
    return AnswerCheck(Verdict.WRONG, typed, expected, None, _diff(typed, closest.text))


@lru_cache(maxsize=2048)
def _accepted_forms(answer: str, accept: tuple[str, ...]) -> tuple[_Form, ...]:
    texts: dict[str, None] = {}  # ordered set: the answer's own forms come first
    for text in (answer, *accept):
        for part in _with_parenthetical_parts(text.strip()):
            texts.setdefault(part)
    return tuple(_form(text) for text in texts)


def _with_parenthetical_parts(text: str) -> Iterable[str]:
    """ "U.S. Agency for International Development (USAID)": the whole, either part."""
    if not text:
        return
    yield text
    if "(" not in text:
        return
    outside = " ".join(_PARENTHETICAL.sub(" ", text).split())
    if outside:
        yield outside
    for inside in _PARENTHETICAL.findall(text):
        if inside.strip():
            yield inside.strip()


def _form(text: str) -> _Form:
    shapes = tuple(_shape(norm) for norm in _schwa_readings(text))
    return _Form(text, shapes, _surname_key(text))


def _schwa_readings(text: str) -> tuple[str, ...]:
    """ə is usually written e in English texts, but also a (Heydər → Heydar)."""
    as_e = _normalize(text)
    if not as_e:  # only punctuation ("—", "?"): compare it as written
        return (text.strip().casefold(),)
    if "ə" not in text and "Ə" not in text:
        return (as_e,)
    as_a = _normalize(text.replace("ə", "a").replace("Ə", "A"))
    return (as_e,) if as_a == as_e else (as_e, as_a)


def _shape(norm: str) -> _Shape:
    words = tuple(norm.split())
    key = _compact(norm) if norm else ""
    facts = tuple(w for w in words if w in _FULL_MONTHS or any(c.isdigit() for c in w))
    return _Shape(norm, key, words, facts)


def _surname_key(text: str) -> str | None:
    """The surname of a text that looks like a person's name ("Woodrow Wilson").

    Two to four capitalised words of letters only, none an acronym or a noun that names
    a thing, not starting like a place ("OSCE Minsk Group", "Freedom Support Act", "South
    Caucasus" are not people). A heuristic: a name it misses is only judged more strictly.
    """
    words = text.split()
    if not 2 <= len(words) <= 4 or words[0].casefold() in _PLACE_QUALIFIERS:
        return None
    for word in words:
        if not _NAME_WORD.fullmatch(word) or not word[0].isupper():
            return None
        if (len(word) > 1 and word.isupper()) or word.casefold() in _NAMED_THING_NOUNS:
            return None
    surname = _compact(_normalize(words[-1]))
    return surname if len(surname) >= 4 else None


def _typed_readings(typed: str) -> tuple[_Shape, ...]:
    """What the learner typed, read as written and without leading titles or hedges."""
    readings: dict[str, _Shape] = {}
    for norm in _schwa_readings(typed):
        readings.setdefault(norm, _shape(norm))
        words = norm.split()
        while len(words) > 1 and words[0] in _TYPED_LEAD_WORDS:
            words = words[1:]
            stripped = " ".join(_without_leading_article(words))
            readings.setdefault(stripped, _shape(stripped))
    return tuple(readings.values())


def _is_right(readings: tuple[_Shape, ...], form: _Form, typed: str) -> bool:
    keys = {shape.key for shape in form.shapes}
    if any(reading.key in keys for reading in readings):
        return True
    # "Wilson, Woodrow" is how a name is written in an index: right, as a teacher would say.
    return "," in typed and any(_is_reversed_name(r, s, form) for r in readings for s in form.shapes)


def _is_almost(readings: tuple[_Shape, ...], form: _Form) -> bool:
    for reading in readings:
        if form.surname and _is_surname_of(reading, form.surname):
            return True
        for shape in form.shapes:
            if (
                _is_small_typo(reading, shape)
                or _is_reversed_name(reading, shape, form)
                or _lacks_one_leading_or_small_word(reading, shape)
                or _is_number_without_its_words(reading, shape)
                or _adds_a_naming_noun(reading, shape)
            ):
                return True
    return False


def _typo_allowance(length: int) -> int:
    """How many edits a word of `length` letters may have and still be almost right."""
    if length < 4:
        return 0
    if length <= 7:
        return 1
    if length <= 15:
        return 2
    return 3


def _is_small_typo(typed: _Shape, expected: _Shape) -> bool:
    allowance = _typo_allowance(len(expected.key))
    if allowance == 0 or abs(len(typed.key) - len(expected.key)) > allowance:
        return False
    # A different number, year or month is a different fact, never a typo.
    if typed.facts != expected.facts:
        return False
    # In a short word a different first letter is more often another word than a slip
    # (Bush/Rush); longer answers have enough letters left to be recognisable.
    if len(expected.key) <= 7 and typed.key[:1] != expected.key[:1]:
        return False
    if _differs_by_a_whole_word(typed, expected):
        return False
    return _osa_distance(typed.key, expected.key, allowance) <= allowance


def _differs_by_a_whole_word(typed: _Shape, expected: _Shape) -> bool:
    """ "Freedom Support" for "Freedom Support Act" is a word left out, not a slip of the
    fingers; only the stricter word rules may forgive it. Words under 3 letters ("DC")
    are not counted: leaving them out is a small slip."""
    if len(typed.words) == len(expected.words):
        return False
    longer, shorter = (expected, typed) if len(expected.words) > len(typed.words) else (typed, expected)
    words = longer.words
    return any(
        len(word) >= 3 and _compact(" ".join(words[:i] + words[i + 1 :])) == shorter.key
        for i, word in enumerate(words)
    )


def _is_surname_of(typed: _Shape, surname: str) -> bool:
    """ "Wilson" for "Woodrow Wilson": the right person, said the short way, but it could be
    another of the family (Aliyev: Heydar or İlham), so almost rather than right."""
    if typed.facts:
        return False
    if typed.key == surname:
        return True
    allowance = _typo_allowance(len(surname))
    return (
        allowance > 0
        and typed.key[:1] == surname[:1]
        and _osa_distance(typed.key, surname, allowance) <= allowance
    )


def _is_reversed_name(typed: _Shape, expected: _Shape, form: _Form) -> bool:
    words = expected.words
    return form.surname is not None and typed.words == (words[-1], *words[:-1])


def _lacks_one_leading_or_small_word(typed: _Shape, expected: _Shape) -> bool:
    """ "Minsk Group" for "OSCE Minsk Group", "Partnership Peace" for "Partnership for Peace".

    Only names of three words or more, and only the first word (a qualifier) or a small
    word may be left out: the last word is the head noun ("Freedom Support" is not an act).
    """
    words = expected.words
    if len(words) < 3 or len(typed.words) != len(words) - 1:
        return False
    for index, word in enumerate(words):
        omissible = (index == 0 or word in _FUNCTION_WORDS) and word not in expected.facts
        if omissible and typed.words == words[:index] + words[index + 1 :]:
            return True
    return False


def _is_number_without_its_words(typed: _Shape, expected: _Shape) -> bool:
    """ "907" for "Section 907", "53" for "53%", "10 million" for "$10 million": the number
    is right, the learner left out a unit or a word or two around it. Not for dates: the
    day or year alone is not the date."""
    if not typed.words or not all(_NUMBER_WITH_UNIT.fullmatch(w) for w in typed.words):
        return False
    if any(word in _FULL_MONTHS for word in expected.words):
        return False
    if _NUMBER_CORE.findall(typed.norm) != _NUMBER_CORE.findall(expected.norm):
        return False
    return sum(1 for w in expected.words if not _NUMBER_CORE.search(w)) <= 2


def _adds_a_naming_noun(typed: _Shape, expected: _Shape) -> bool:
    """ "Baku–Tbilisi–Ceyhan pipeline": the right name with the kind of thing it names."""
    return (
        len(typed.words) == len(expected.words) + 1
        and typed.words[:-1] == expected.words
        and typed.words[-1] in _NAMED_THING_NOUNS
    )


def _osa_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance (adjacent transpositions), or limit + 1 when larger.

    Only a band of width 2 * limit + 1 around the diagonal is computed: O(len * limit).
    """
    if a == b:
        return 0
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    over = limit + 1
    before_previous: list[int] = []
    previous = [j if j <= limit else over for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        current = [over] * (len(b) + 1)
        if i <= limit:
            current[0] = i
        low, high = max(1, i - limit), min(len(b), i + limit)
        for j in range(low, high + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, before_previous[j - 2] + 1)
            current[j] = min(best, over)
        if min(current[low - 1 : high + 1]) >= over:
            return over
        before_previous, previous = previous, current
    return previous[len(b)]


def _closest_form(typed: _Shape, forms: tuple[_Form, ...]) -> _Form:
    if len(forms) == 1:
        return forms[0]
    return max(
        forms, key=lambda form: SequenceMatcher(None, typed.key, form.shapes[0].key, autojunk=False).ratio()
    )


# --------------------------------------------------------------------------------------
# The difference shown to the learner
# --------------------------------------------------------------------------------------


def _diff(typed: str, target: str) -> tuple[DiffSegment, ...]:
    """Segments turning `typed` into `target`, on the texts as written.

    Letters are aligned ignoring case and accents, so "wilson" lines up with "Wilson";
    where they still differ (w/W) the segment is shown as changed. Each changed run is
    given as what was typed ("extra") followed by what was expected ("missing"): "Wils",
    extra "e", missing "o", "n". Stray one- or two-letter matches inside a change are
    folded into it ("President" → "Woodrow", not P/Wood/r/esident/ow), and an answer with
    little in common with the target is shown replaced as a whole.
    """
    if typed == target:
        return ()
    folded_typed, folded_target = _fold_each_char(typed), _fold_each_char(target)
    matcher = SequenceMatcher(None, folded_typed, folded_target, autojunk=False)
    if matcher.ratio() < _MIN_ALIGNED_RATIO:
        return _merged_changes([DiffSegment(typed, "extra"), DiffSegment(target, "missing")])
    segments: list[DiffSegment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            segments.extend(_equal_run(typed[i1:i2], target[j1:j2]))
        else:
            segments += [DiffSegment(typed[i1:i2], "extra"), DiffSegment(target[j1:j2], "missing")]
    return _merged_changes(segments)


def _equal_run(typed: str, target: str) -> Iterable[DiffSegment]:
    """A run equal once folded: same where the letters are identical, changed elsewhere."""
    position = 0
    for same, run in groupby(zip(typed, target, strict=True), key=lambda pair: pair[0] == pair[1]):
        end = position + len(list(run))
        if same:
            yield DiffSegment(typed[position:end], "same")
        else:
            yield DiffSegment(typed[position:end], "extra")
            yield DiffSegment(target[position:end], "missing")
        position = end


_MAX_ISLAND = 2  # matching letters this short, between two changes, are part of the change


def _merged_changes(segments: list[DiffSegment]) -> tuple[DiffSegment, ...]:
    """Group segments into same runs and change blocks (one extra, then one missing)."""
    segments = [segment for segment in segments if segment.text]
    out: list[DiffSegment] = []
    extra = missing = ""
    for index, segment in enumerate(segments):
        if segment.kind == "extra":
            extra += segment.text
        elif segment.kind == "missing":
            missing += segment.text
        elif _is_island(segments, index):
            extra += segment.text
            missing += segment.text
        else:
            _flush_change(out, extra, missing)
            extra = missing = ""
            if out and out[-1].kind == "same":
                out[-1] = DiffSegment(out[-1].text + segment.text, "same")
            else:
                out.append(segment)
    _flush_change(out, extra, missing)
    return tuple(out)


def _is_island(segments: list[DiffSegment], index: int) -> bool:
    return (
        len(segments[index].text) <= _MAX_ISLAND
        and 0 < index < len(segments) - 1
        and segments[index - 1].kind != "same"
        and segments[index + 1].kind != "same"
    )


def _flush_change(out: list[DiffSegment], extra: str, missing: str) -> None:
    if extra:
        out.append(DiffSegment(extra, "extra"))
    if missing:
        out.append(DiffSegment(missing, "missing"))


def _fold_each_char(text: str) -> str:
    """`text` with each character folded to one character, so positions stay aligned."""
    return "".join(_fold_char(c) for c in text)


@lru_cache(maxsize=1024)
def _fold_char(char: str) -> str:
    folded = _fold_letters(char)
    return folded if len(folded) == 1 else char


# --------------------------------------------------------------------------------------
# Choice and true/false
# --------------------------------------------------------------------------------------


def choice_options(answer: str, distractors: Sequence[str], seed: str, shown: int = 3) -> tuple[str, ...]:
    """The answer and up to `shown` distractors, in an order fixed by `seed`.

    The same seed (e.g. f"{deck}/{card}/{review_number}") gives the same options in the same
    order on any machine; another seed usually another order and, when the card has more
    distractors than `shown`, another pick. Distractors that repeat the answer or each
    other (after normalising) are left out.
    """
    rng = random.Random(_seed_number(seed))
    answer = answer.strip()
    seen = {_option_key(answer)}
    candidates: list[str] = []
    for distractor in distractors:
        distractor = distractor.strip()
        key = _option_key(distractor)
        if distractor and key not in seen:
            seen.add(key)
            candidates.append(distractor)
    picked = rng.sample(candidates, min(max(shown, 0), len(candidates)))
    options = [answer, *picked]
    rng.shuffle(options)
    return tuple(options)


def _seed_number(seed: str) -> int:
    # Not hash(): string hashes are salted per process, and the order must survive restarts.
    return int.from_bytes(hashlib.blake2b(seed.encode("utf-8"), digest_size=8).digest(), "big")


def _option_key(text: str) -> str:
    return _compact(_normalize(text)) or text.casefold()


def check_option(
    chosen_index: int | None, options: Sequence[str], answer: str, typed: str = ""
) -> AnswerCheck:
    """Check the option picked for a choice or true/false card (None: revealed).

    `typed` is what the learner typed to pick it ("2", "b"); when empty, the chosen option's
    text stands for it. There is no letter diff: the UI shows the chosen and the right option.
    Raises IndexError for an index outside `options` (use `parse_option`, which never
    returns one).
    """
    right_index = _answer_index(options, answer)
    expected = options[right_index] if right_index is not None else answer.strip()
    typed = typed.strip()
    if chosen_index is None:
        return AnswerCheck(Verdict.REVEALED, typed, expected, None, (), by_option=True)
    if not 0 <= chosen_index < len(options):
        raise IndexError(f"option {chosen_index} of {len(options)}")
    chosen = options[chosen_index]
    typed = typed or chosen
    if chosen_index == right_index:
        return AnswerCheck(Verdict.RIGHT, typed, expected, chosen, (), by_option=True)
    return AnswerCheck(Verdict.WRONG, typed, expected, None, (), by_option=True)


def _answer_index(options: Sequence[str], answer: str) -> int | None:
    answer = answer.strip()
    for index, option in enumerate(options):
        if option.strip() == answer:
            return index
    key = _option_key(answer)
    for index, option in enumerate(options):
        if _option_key(option) == key:
            return index
    return None


_OPTION_LABEL = re.compile(r"[(\[]?\s*([a-z]|[0-9]{1,3})\s*[)\].:]?", re.IGNORECASE)
_TRUE_WORDS = frozenset({"t", "true", "y", "yes"})
_FALSE_WORDS = frozenset({"f", "false", "n", "no"})


def parse_option(text: str, options: Sequence[str]) -> int | None:
    """The 0-based option the learner means, or None when it is not clear (ask again).

    Understood: the number ("2"), the letter ("b", "B", "b)", "(b)"), the option's text
    (normalised, a unique prefix of 3+ letters, or a unique almost-match), and for true/false
    also t/f, yes/no, y/n. A number or letter that is also another option's text is
    ambiguous and gives None: never guess.
    """
    raw = text.strip()
    if not raw or not options:
        return None
    by_text = _option_with_text(raw, options)
    label = _OPTION_LABEL.fullmatch(raw)
    if label:
        by_label = _option_by_label(label.group(1).casefold(), len(options))
        if by_label is not None:
            return by_label if by_text in (None, by_label) else None
    true_false = _true_false_indices(options)
    if true_false:
        word = _normalize(raw)
        if word in _TRUE_WORDS:
            return true_false[0]
        if word in _FALSE_WORDS:
            return true_false[1]
    if by_text is not None:
        return by_text
    return _option_by_prefix(raw, options) if label is None else None


def _option_by_label(label: str, count: int) -> int | None:
    index = int(label) - 1 if label.isdigit() else ord(label) - ord("a")
    return index if 0 <= index < count else None


def _true_false_indices(options: Sequence[str]) -> tuple[int, int] | None:
    keys = [_option_key(option) for option in options]
    if len(keys) == 2 and set(keys) == {"true", "false"}:
        return keys.index("true"), keys.index("false")
    return None


def _option_with_text(typed: str, options: Sequence[str]) -> int | None:
    """The single option the text is (right), else the single one it almost is."""
    for verdict in (Verdict.RIGHT, Verdict.ALMOST):
        found = [i for i, option in enumerate(options) if check_typed(typed, option).verdict is verdict]
        if len(found) == 1:
            return found[0]
        if found:
            return None
    return None


def _option_by_prefix(typed: str, options: Sequence[str]) -> int | None:
    prefix = _compact(_normalize(typed))
    if len(prefix) < 3 or any(c.isdigit() for c in prefix):
        return None  # "199" could be any year: a number is never completed by guessing
    found = [i for i, option in enumerate(options) if _option_key(option).startswith(prefix)]
    return found[0] if len(found) == 1 else None


# --------------------------------------------------------------------------------------
# Suggested rating
# --------------------------------------------------------------------------------------

# "Fast" means recalled without effort. The clock runs from showing the card to submitting,
# so it includes reading the prompt and typing. A fluent recall of a short prompt takes about
# 2–3 s; a student types about 200 characters a minute (0.3 s a character). Typed answers
# are therefore fast within 3 s plus 0.3 s per typed character ("1992": 4.2 s; "Woodrow
# Wilson": 7.2 s). Picking an option needs no typing but reading the options: a fixed 5 s.
# Erring on the slow side matters: a false Easy stretches the interval far more than a
# false Good shortens it.
RECALL_SECONDS = 3.0
SECONDS_PER_TYPED_CHARACTER = 0.3
OPTION_FAST_SECONDS = 5.0


def fast_answer_seconds(check: AnswerCheck) -> float:
    """The answer time under which a right answer is suggested as Easy."""
    if check.by_option:
        return OPTION_FAST_SECONDS
    return RECALL_SECONDS + SECONDS_PER_TYPED_CHARACTER * len(check.typed)


def suggest_rating(check: AnswerCheck, seconds: float | None) -> Rating:
    """wrong or revealed → Again; almost → Hard; right → Good, or Easy when fast.

    An unknown or impossible time (None, negative, NaN) never earns Easy.
    """
    if check.verdict in (Verdict.WRONG, Verdict.REVEALED):
        return Rating.AGAIN
    if check.verdict is Verdict.ALMOST:
        return Rating.HARD
    if seconds is None or not math.isfinite(seconds) or seconds < 0:
        return Rating.GOOD
    return Rating.EASY if seconds <= fast_answer_seconds(check) else Rating.GOOD


def meaningful_diff(diff: tuple[DiffSegment, ...]) -> tuple[DiffSegment, ...]:
    """The diff as a learner should see it: changes that only differ in case, accents, dashes
    or spacing (which never affect the verdict) are shown as the expected text, unmarked."""
    shown: list[DiffSegment] = []
    i = 0
    while i < len(diff):
        if diff[i].kind == "same":
            shown.append(diff[i])
            i += 1
            continue
        typed = expected = ""
        while i < len(diff) and diff[i].kind != "same":
            if diff[i].kind == "extra":
                typed += diff[i].text
            else:
                expected += diff[i].text
            i += 1
        if typed and expected and _compact(_normalize(typed)) == _compact(_normalize(expected)):
            shown.append(DiffSegment(expected, "same"))
        else:
            shown += [DiffSegment(t, k) for t, k in ((typed, "extra"), (expected, "missing")) if t]
    merged: list[DiffSegment] = []
    for segment in shown:
        if merged and merged[-1].kind == segment.kind:
            merged[-1] = DiffSegment(merged[-1].text + segment.text, segment.kind)
        else:
            merged.append(segment)
    return tuple(merged)
