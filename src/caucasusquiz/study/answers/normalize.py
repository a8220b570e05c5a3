"""The canonical comparison form of an answer: `normalize`.

It drops what does not change the fact: case, accents, Turkish and Azerbaijani letters,
punctuation, dashes, a leading article, and how a number, percentage, dollar amount,
fraction, ordinal or date is written ("forty per cent" is "40%", "6 Mar 1992" and
"21/01/2022" are dates).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache

from caucasusquiz.text import fold

# Dashes, fraction and division slashes (NFKD turns ½ into 1⁄2), and & in one spelling.
_PUNCTUATION = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2044": "/",
        "\u2215": "/",
        "&": " and ",
    }
)
# 21/01/2022, 21.1.2022, 21-01-2022: day first, as written outside the United States. A
# month-first date is read as such only when it cannot be day-first (01/21/2022).
_NUMERIC_DATE = re.compile(r"\b([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})\b")
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

# A number longer than this is read as a word, not a number: Python refuses to convert
# integers of more than 4,300 digits to text, and no fact needs 100 digits.
MAX_DIGITS = 100
_DECIMAL = re.compile(rf"[0-9]{{1,{MAX_DIGITS}}}(?:\.[0-9]{{1,{MAX_DIGITS}}})?")
_DIGIT_ORDINAL = re.compile(rf"([0-9]{{1,{MAX_DIGITS}}})(?:st|nd|rd|th)")
_DAY = re.compile(r"([0-9]{1,2})(?:st|nd|rd|th)?")
_YEAR = re.compile(r"[0-9]{4}")
NUMBER_CORE = re.compile(r"[0-9]+(?:[./][0-9]+)*")
NUMBER_WITH_UNIT = re.compile(r"[0-9]+(?:[./][0-9]+)*(?:%|st|nd|rd|th)?")

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
FULL_MONTHS = frozenset(_MONTH_NAMES)
_ARTICLES = frozenset({"the", "a", "an"})


@lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """The canonical comparison form of an answer.

    `normalize("U.S. Agency")` is "us agency", `normalize("forty per cent")` is "40%",
    `normalize("6 Mar 1992")` is "march 6 1992", `normalize("$10,000,000")` is
    "10000000 dollars". Words stay separated by single spaces; `check_typed` in addition
    ignores where the spaces between words fall ("Nagornokarabakh").
    """
    folded = comparison_fold(text)
    folded = _ISO_DATE.sub(_iso_date_as_words, folded)
    folded = _NUMERIC_DATE.sub(_numeric_date_as_words, folded)
    folded = _THOUSANDS.sub(lambda match: match.group().replace(",", ""), folded)
    folded = _MONEY_SHORTHAND.sub(_expand_money_shorthand, folded)
    folded = _OUT_OF.sub(r"\1/\2", folded)
    folded = _SLASH_BETWEEN_DIGITS.sub(r"\1/\2", folded)
    folded = _JOINING_MARKS.sub("", folded)
    folded = _SEPARATORS.sub(" ", folded)
    folded = _UNIT_SIGNS.sub(r" \1 ", folded)
    words = _rewritten(_rewritten(folded.split(), _read_quantity), _read_date)
    words = without_leading_article(words)
    return " ".join(_joined_initials(words))


def comparison_fold(text: str) -> str:
    """Letters folded (`caucasusquiz.text.fold`), then dashes, slashes and & in one spelling."""
    return fold(text).translate(_PUNCTUATION)


def compact(norm: str) -> str:
    """Word breaks do not matter (Nagornokarabakh), but 1 2 must not become 12."""
    return _SPACE_NOT_BETWEEN_DIGITS.sub("", norm)


def _iso_date_as_words(match: re.Match[str]) -> str:
    year, month, day = (int(part) for part in match.groups())
    if 1 <= month <= 12 and 1 <= day <= 31:
        return f"{_MONTH_NAMES[month - 1]} {day} {year}"
    return match.group()


def _numeric_date_as_words(match: re.Match[str]) -> str:
    first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
    day, month = (second, first) if second > 12 and first <= 12 else (first, second)
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


# Reads a run of words starting at an index: (what to put instead, index after the run),
# or None when nothing it knows starts there.
_Reader = Callable[[list[str], int], tuple[list[str], int] | None]


def _rewritten(words: list[str], read: _Reader) -> list[str]:
    """The words, left to right, with each run that `read` recognises replaced by its reading."""
    out: list[str] = []
    i = 0
    while i < len(words):
        found = read(words, i)
        if found is None:
            out.append(words[i])
            i += 1
        else:
            replacement, i = found
            out.extend(replacement)
    return out


def _read_quantity(words: list[str], i: int) -> tuple[list[str], int] | None:
    """Numbers in words or digits, percentages, dollar amounts, fractions, ordinals → digits."""
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
            group, last = (group or Decimal(1)) * 100, "hundred"
        elif word in _SCALES and last != "scale":
            total, group, last = total + (group or Decimal(1)) * _SCALES[word], Decimal(0), "scale"
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


def _read_date(words: list[str], i: int) -> tuple[list[str], int] | None:
    """Every written form of a date becomes "month day year" ("march 6 1992")."""
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
        return ([month], i + 1) if word in FULL_MONTHS else None
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


def without_leading_article(words: list[str]) -> list[str]:
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
