"""Checking a typed answer: right, almost or wrong.

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
- the right name followed by what it names ("Baku–Tbilisi–Ceyhan pipeline");
- the head noun alone of a two-word term in lower case ("democracy" for "secular
  democracy"): the learner knows what kind of thing, and the difference shows the word
  that makes it the fact. Not for proper names ("Deniz" is no gas field), a noun of five
  letters or fewer or a generic one ("role", "policy": no knowledge shown), nor when the
  missing word turns the thing into another ("limited", "former", "non…": "sovereignty"
  for "limited sovereignty" is the opposite fact).
A different number, year, date or month is always WRONG, however close the letters: a
wrong year is a wrong fact, not a typo. The learner can always override the verdict.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from caucasusquiz.study.answers.diff import letter_diff
from caucasusquiz.study.answers.normalize import (
    FULL_MONTHS,
    NUMBER_CORE,
    NUMBER_WITH_UNIT,
    compact,
    normalize,
    without_leading_article,
)
from caucasusquiz.study.answers.verdict import AnswerCheck, Verdict

_PARENTHETICAL = re.compile(r"\(([^()]*)\)")
_OUT_OF_SCALE = re.compile(r"\b([0-9]+)/(10|20|100|1000)\b")
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
# Words that make a term into another fact: its head noun alone is not almost right.
_MEANING_CHANGERS = frozenset(
    "former partial limited full indirect direct nominal alleged failed informal unofficial "
    "illegal de facto".split()
)
_NEGATING_PREFIXES = ("un", "non", "anti", "counter", "pseudo", "quasi")
# Small words a learner may leave out of a long name: "Partnership Peace".
_FUNCTION_WORDS = frozenset({"of", "for", "and", "the", "in", "on", "to", "a", "an", "de"})
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


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
        return AnswerCheck(Verdict.WRONG, typed, expected, None, letter_diff(typed, expected))
    readings = _typed_readings(typed)
    for form in forms:
        if _is_right(readings, form, typed):
            return AnswerCheck(Verdict.RIGHT, typed, expected, form.text, letter_diff(typed, form.text))
    # A surname accepted on its own ("Trump" for "Donald Trump") is right: then the full name
    # with a slip in the given name only ("Donld Trump"), which holds that right surname, is
    # right too. A slip in the surname itself ("Mirela Thayne") stays almost, as it is without
    # `accept`: the accepted surname was never typed.
    accepted_keys = {shape.key for form in forms for shape in form.shapes}
    for form in forms:
        if form.surname in accepted_keys and any(
            _is_small_typo(reading, shape) and _ends_with_surname(reading, form.surname)
            for reading in readings
            for shape in form.shapes
        ):
            return AnswerCheck(Verdict.RIGHT, typed, expected, form.text, letter_diff(typed, form.text))
    # "WTO" for "World Trade Organization": the initials show the learner knows which body,
    # not that they can name it; almost, with the full name shown (never a person's initials).
    for form in forms:
        if _is_almost(readings, form) or _is_acronym_of(typed, form):
            return AnswerCheck(Verdict.ALMOST, typed, expected, form.text, letter_diff(typed, form.text))
    closest = _closest_form(readings[0], forms)
    return AnswerCheck(Verdict.WRONG, typed, expected, None, letter_diff(typed, closest.text))


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
    as_e = normalize(text)
    if not as_e:  # only punctuation ("—", "?"): compare it as written
        return (text.strip().casefold(),)
    if "ə" not in text and "Ə" not in text:
        return (as_e,)
    as_a = normalize(text.replace("ə", "a").replace("Ə", "A"))
    return (as_e,) if as_a == as_e else (as_e, as_a)


def _shape(norm: str) -> _Shape:
    words = tuple(norm.split())
    key = compact(norm) if norm else ""
    facts = tuple(w for w in words if w in FULL_MONTHS or any(c.isdigit() for c in w))
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
    surname = compact(normalize(words[-1]))
    return surname if len(surname) >= 4 else None


def _typed_readings(typed: str) -> tuple[_Shape, ...]:
    """What the learner typed, read as written and without leading titles or hedges."""
    readings: dict[str, _Shape] = {}
    for norm in _schwa_readings(typed):
        readings.setdefault(norm, _shape(norm))
        words = norm.split()
        while len(words) > 1 and words[0] in _TYPED_LEAD_WORDS:
            words = words[1:]
            stripped = " ".join(without_leading_article(words))
            readings.setdefault(stripped, _shape(stripped))
    return tuple(readings.values())


def _is_right(readings: tuple[_Shape, ...], form: _Form, typed: str) -> bool:
    keys = {shape.key for shape in form.shapes}
    if any(reading.key in keys for reading in readings):
        return True
    # "Wilson, Woodrow" is how a name is written in an index: right, as a teacher would say.
    return "," in typed and any(_is_reversed_name(r, s, form) for r in readings for s in form.shapes)


_ACRONYM_SMALL_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "a", "an", "to", "at"})
# Words of a name: spaces, dashes and slashes part them ("Baku–Tbilisi–Ceyhan"); a hyphen
# only before a capital ("Co-operation" is one word, its initial C).
_NAME_WORD_BREAK = re.compile(r"[\s–—/]+|-(?=[A-Z])")
_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")  # "U.S.", which gives both its letters


def _is_acronym_of(typed: str, form: _Form) -> bool:
    """Are these the initials of the name `form` (never a person's)?

    One rule for every name: the initials of its capitalised words, with the small words
    (of, for, and, the…) skipped or kept — "PP" or "PfP" for "Partnership for Peace" —, in
    any case and with or without dots. Initials in the name give their letters ("USAID" for
    "U.S. Agency for International Development"). A common noun after the name may be left
    off or typed out: "BTC" or "BTC pipeline" for "the Baku–Tbilisi–Ceyhan pipeline".
    """
    if form.surname is not None:
        return False
    words = [w for w in _NAME_WORD_BREAK.split(form.text.strip()) if w]
    while words and words[0].casefold() in _ACRONYM_SMALL_WORDS:
        words = words[1:]  # "the World Trade Organization"
    trailing: list[str] = []
    while words and not words[-1][:1].isupper() and words[-1].casefold() not in _ACRONYM_SMALL_WORDS:
        trailing.insert(0, words.pop())
    typed_words = typed.split()
    if trailing and [w.casefold() for w in typed_words[1:]] == [w.casefold() for w in trailing]:
        typed_words = typed_words[:1]
    letters = typed_words[0].replace(".", "") if len(typed_words) == 1 else ""
    if not (2 <= len(letters) <= 8) or not letters.isalpha():
        return False
    named = [w for w in words if w.casefold() not in _ACRONYM_SMALL_WORDS]
    if len(named) < 2 or not all(w[:1].isupper() for w in named):
        return False
    wanted = letters.casefold()
    return wanted in (_initials(named), _initials(words))


def _initials(words: Iterable[str]) -> str:
    return "".join(
        word.replace(".", "") if _DOTTED_INITIALS.fullmatch(word) else word[0] for word in words
    ).casefold()


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
                or _is_score_without_its_scale(reading, shape)
                or _adds_a_naming_noun(reading, shape)
                or _is_head_noun_alone(reading, shape, form)
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
        len(word) >= 3 and compact(" ".join(words[:i] + words[i + 1 :])) == shorter.key
        for i, word in enumerate(words)
    )


def _ends_with_surname(typed: _Shape, surname: str | None) -> bool:
    """ "Donld Trump" ends with the surname "Trump" exactly, as typed."""
    return surname is not None and bool(typed.words) and compact(typed.words[-1]) == surname


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
    if not typed.words or not all(NUMBER_WITH_UNIT.fullmatch(w) for w in typed.words):
        return False
    if any(word in FULL_MONTHS for word in expected.words):
        return False
    if NUMBER_CORE.findall(typed.norm) != NUMBER_CORE.findall(expected.norm):
        return False
    return sum(1 for w in expected.words if not NUMBER_CORE.search(w)) <= 2


def _is_score_without_its_scale(typed: _Shape, expected: _Shape) -> bool:
    """ "12" for a score of "12/100": the number is right, the scale it is out of is left out.
    Only for scales (10, 20, 100, 1000): "1" is not "1/2"."""
    if not _OUT_OF_SCALE.search(expected.norm):
        return False
    bare = _shape(_OUT_OF_SCALE.sub(r"\1", expected.norm))
    return typed.key == bare.key or _is_number_without_its_words(typed, bare)


def _adds_a_naming_noun(typed: _Shape, expected: _Shape) -> bool:
    """ "Baku–Tbilisi–Ceyhan pipeline": the right name with the kind of thing it names."""
    return (
        len(typed.words) == len(expected.words) + 1
        and typed.words[:-1] == expected.words
        and typed.words[-1] in _NAMED_THING_NOUNS
    )


def _is_head_noun_alone(typed: _Shape, expected: _Shape, form: _Form) -> bool:
    """ "democracy" for "secular democracy": see the module's rules for what is left out."""
    if len(expected.words) != 2 or expected.facts or not form.text.islower():
        return False
    modifier, head = expected.words
    return (
        typed.words == (head,)
        and len(head) >= 6
        and head not in _NAMED_THING_NOUNS
        and modifier not in _MEANING_CHANGERS
        and not modifier.startswith(_NEGATING_PREFIXES)
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
