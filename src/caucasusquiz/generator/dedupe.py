"""One fact, one card set: repeated paragraphs and the same fact told twice are asked once.

Facts are deduplicated by their folded sentence (seed 003 repeats whole paragraphs);
cards by what they ask: two cards with the same answer whose facts share most of their
content words ask the same thing, even from two documents in different words. Both
steps use dictionaries keyed by identity, so the cost stays linear in the input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from caucasusquiz.generator.cards import Draft
from caucasusquiz.generator.damage import SMALL_NUMBERS
from caucasusquiz.generator.dates import ANY_YEAR, calendar_day
from caucasusquiz.generator.facts import Fact

NEAR_DUPLICATE = 0.5
_STOP = frozenset(
    "a an the of in on at to for and or by with from as is was were be been has have had that "
    "this its it their his her which who also".split()
)


def unique_facts(facts: Iterable[Fact]) -> tuple[list[Fact], list[Fact]]:
    """Facts in input order without repeats; also the repeats dropped."""
    seen: set[str] = set()
    kept: list[Fact] = []
    dropped: list[Fact] = []
    for fact in facts:
        if fact.key in seen:
            dropped.append(fact)
            continue
        seen.add(fact.key)
        kept.append(fact)
    return kept, dropped


def unique_cards(drafts: Iterable[Draft]) -> tuple[list[Draft], int]:
    """Cards without a second card asking the same answer about the same fact."""
    by_answer: dict[str, list[frozenset[str]]] = {}
    kept: list[Draft] = []
    dropped = 0
    fact_words: dict[str, frozenset[str]] = {}
    stated: set[str] = set()
    for draft in drafts:
        if draft.type == "truefalse":
            # Two statements on one value ("relations began in 1996", "the embassy opened in
            # 1996", both false for 1992) teach one thing twice and give each other away.
            year = ANY_YEAR.search(draft.answer_key)
            value = year.group(0) if year else draft.answer_key
            if value in stated:
                dropped += 1
                continue
            stated.add(value)
            kept.append(draft)
            continue
        words = fact_words.get(draft.fact_key)
        if words is None:
            words = fact_words[draft.fact_key] = content_words(draft.fact_key)
        earlier = by_answer.setdefault(draft.answer_key, [])
        if any(jaccard(words, other) >= NEAR_DUPLICATE for other in earlier):
            dropped += 1
            continue
        earlier.append(words)
        kept.append(draft)
    return kept, dropped


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


class SeenFacts:
    """Facts already taught, to catch one fact told twice in other words ("10 May 2005" /
    "May 10, 2005"; seeds that repeat each other). Facts are compared only with facts that
    share a number, year or date token, so the cost stays linear."""

    def __init__(self) -> None:
        self.by_number: dict[str, list[frozenset[str]]] = {}

    def repeats(self, text: str) -> bool:
        words = content_words(text)
        numbers = sorted({w for w in words if w.isdigit()})
        for number in numbers:
            for other in self.by_number.get(number, [])[-50:]:
                if jaccard(words, other) >= NEAR_DUPLICATE:
                    return True
        return False

    def add(self, text: str) -> None:
        words = content_words(text)
        for number in {w for w in words if w.isdigit()}:
            self.by_number.setdefault(number, []).append(words)


# ---- two sources that disagree ---------------------------------------------------------------

_CONTAINED = 0.8
_POSTINGS = 200  # candidates read per question: the cost stays linear in the input


class Disputes:
    """Sentences that tell one fact with another year ("a province of Russia since 1710" and,
    elsewhere, "… since 1721"). A card on a year two sources disagree on teaches one of them as
    wrong, so it is not made. Sentences are indexed by word; a question reads the sentences
    sharing its rarest word only."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.entries: list[tuple[frozenset[str], frozenset[str], frozenset[str]]] = []
        self.by_word: dict[str, list[int]] = {}
        for text in texts:
            entry = _claim(text)
            if entry is None:
                continue
            for word in entry[0]:
                self.by_word.setdefault(word, []).append(len(self.entries))
            self.entries.append(entry)

    def disputed(self, text: str) -> bool:
        """Another sentence tells this sentence's fact in its words and names, with other years."""
        entry = _claim(text)
        if entry is None:
            return False
        plain, names, years = entry
        rarest = min(plain, key=lambda w: len(self.by_word.get(w, ())))
        for index in self.by_word.get(rarest, [])[:_POSTINGS]:
            other, other_names, other_years = self.entries[index]
            if other_years & years:
                continue
            small, large = sorted(((plain, names), (other, other_names)), key=lambda e: len(e[0]))
            if small[1] <= large[1] and len(small[0] & large[0]) >= _CONTAINED * len(small[0]):
                return True
        return False


def _claim(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]] | None:
    years = frozenset(ANY_YEAR.findall(text))
    words = content_words(text)
    plain = frozenset(w for w in words if not any(c.isdigit() for c in w))
    if not years or len(plain) < 3:
        return None
    # Names and other figures must agree: "Section 4 … in 1995" and "Section 5 … in 1996" are
    # two facts, not one fact told twice.
    figures = {w for w in words if any(c.isdigit() for c in w) and w not in years}
    names = frozenset(w.lower() for w in re.findall(r"(?<=\s)[A-Z][\w-]+", text)) | figures
    return plain, names, years


# ---- no card gives another away ------------------------------------------------------------

_LONGEST_ANSWER = 8  # words: longer answers are matched by their first eight
_TYPE_RANK = {"choice": 0, "qa": 1, "cloze": 2, "truefalse": 3}


def _stem(word: str) -> str:
    """ "waived", "waive", "waives" → "waiv": a prompt that tells an answer in another form."""
    for suffix in ("ing", "ed", "es", "e", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _words(text: str) -> tuple[str, ...]:
    return tuple(_stem(w) for w in re.findall(r"\w+", re.sub(r"\{\{[^}]*\}\}", " ", text).casefold()))


# What an answer's point is without its frame: "the right to waive Section 907" is told by
# any prompt saying "waived Section 907".
_FRAME = re.compile(r"^(?:the |a |an )?(?:(?:right|power|authority|ability|permission) )?to ", re.I)


def _answer_forms(draft: Draft) -> set[tuple[str, ...]]:
    """What a prompt must not contain: the answer (also without its frame: "the right to"),
    and a person's surname alone."""
    forms = {_words(draft.answer_text)[:_LONGEST_ANSWER]}
    point = _FRAME.sub("", draft.answer_text)
    if point != draft.answer_text and len(_words(point)) >= 2:
        forms.add(_words(point)[:_LONGEST_ANSWER])
    words = _words(draft.answer_text)
    if draft.tags[:1] == ("person",) and len(words) > 1 and len(words[-1]) > 3:
        forms.add(words[-1:])
    # "the Boer War … 1899" tells "Second Boer War": a name without the ordinal that tells one
    # of a series from the others, when two or more words are left.
    ordinal = _ORDINAL_NAME.match(draft.answer_text)
    if ordinal is not None and len(_words(ordinal.group(1))) >= 2:
        forms.add(_words(ordinal.group(1))[:_LONGEST_ANSWER])
    return {f for f in forms if f}


_ORDINAL_NAME = re.compile(
    r"^(?:the\s+)?(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)\s+([A-Z].*)$", re.I
)


def _common_word(form: tuple[str, ...], draft: Draft) -> bool:
    """A one-word answer in lower case ("second", "east"): another document's prompt that says
    it tells nothing; only the same document's cards can give it away."""
    return len(form) == 1 and draft.answer_text.strip().isalpha() and draft.answer_text.strip().islower()


def _shown(draft: Draft) -> list[str]:
    """What a card shows before it is answered: its prompt and, for a choice, each option that is
    a name ("Second Boer War" offered on one card answers another), and what every option
    shares ("1840" in four dates of 1840 is shown as surely as in the prompt)."""
    shown = [draft.prompt]
    if draft.type != "choice":
        return shown
    body = dict(draft.body)
    listed = body.get("distractors")
    options = [str(body.get("answer", ""))] + (
        [str(o) for o in listed] if isinstance(listed, list | tuple) else []
    )
    shown += [option for option in options[1:] if not re.search(r"\d", option)]
    common = set.intersection(*(set(_words(option)) for option in options))
    shown += [word for word in sorted(common) if word.isdigit()]
    return shown


def _false_statement(draft: Draft) -> bool:
    return draft.type == "truefalse" and dict(draft.body).get("answer") is False


def without_giveaways(drafts: list[Draft]) -> tuple[list[Draft], int]:
    """The cards with none whose prompt or options hold another card's answer, across all documents.

    When a prompt holds another card's answer, the card answered is dropped (the prompt
    that tells it is a good card); the card answered by most prompts goes first, then a
    true/false or cloze before a question or a choice. Prompts are looked up by their word
    n-grams in a table of answers, so the cost is linear in the text."""
    by_form: dict[tuple[str, ...], list[int]] = {}
    for index, draft in enumerate(drafts):
        for form in _answer_forms(draft):
            by_form.setdefault(form, []).append(index)
    told_by: dict[int, set[int]] = {}  # card -> the cards whose prompt holds its answer
    for index, draft in enumerate(drafts):
        for shown in _shown(draft):
            words = _words(shown)
            for start in range(len(words)):
                for size in range(1, min(_LONGEST_ANSWER, len(words) - start) + 1):
                    form = words[start : start + size]
                    for other in by_form.get(form, ()):
                        if other == index or drafts[other].id == draft.id:
                            continue
                        if _common_word(form, drafts[other]) and drafts[other].order[0] != draft.order[0]:
                            continue
                        told_by.setdefault(other, set()).add(index)
    tells: dict[int, set[int]] = {}
    for answered, tellers in told_by.items():
        for teller in tellers:
            tells.setdefault(teller, set()).add(answered)
    dropped: set[int] = set()
    while told_by:
        # A false statement whose wrong value is another card's answer goes first (it
        # teaches nothing and confuses the other); then fewest cards lost: the card in
        # most give-aways goes first (then the one answered).
        worst = max(
            set(told_by) | set(tells),
            key=lambda i: (
                i in tells and _false_statement(drafts[i]),
                # A true statement telling another card's answer restates that card's fact.
                i in tells and drafts[i].type == "truefalse",
                len(told_by.get(i, ())) + len(tells.get(i, ())),
                len(told_by.get(i, ())),
                _TYPE_RANK.get(drafts[i].type, 4),
                drafts[i].order,
            ),
        )
        dropped.add(worst)
        for answered in tells.pop(worst, set()):
            told_by[answered].discard(worst)
            if not told_by[answered]:
                del told_by[answered]
        for teller in told_by.pop(worst, set()):
            tells[teller].discard(worst)
            if not tells[teller]:
                del tells[teller]
    return [d for i, d in enumerate(drafts) if i not in dropped], len(dropped)


_NAME = r"[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?"
# "Kosovo, Afghanistan and Iraq": a list of names.
_NAME_LIST = re.compile(rf"{_NAME}(?:,\s+{_NAME})*,?\s+and\s+{_NAME}")


def without_partial_lists(drafts: list[Draft], facts: Iterable[Fact]) -> tuple[list[Draft], int]:
    """The cards without a list of places that another sentence lists with more places.

    "In which two countries did Azerbaijan take part in peacekeeping missions?" → "Iraq and
    Kosovo" is not the one right answer when another document says "missions in Kosovo,
    Afghanistan and Iraq": Afghanistan would be marked wrong. Sentences are looked up by
    their capitalised words in an index, so the cost stays linear in the text."""
    lists = [d for d in drafts if d.tags[:1] == ("place",) and d.type == "qa" and " and " in d.answer_text]
    if not lists:
        return drafts, 0
    naming: dict[str, list[Fact]] = {}
    for fact in facts:
        for word in set(re.findall(r"\b[A-Z][\w'’-]+", fact.context)):
            naming.setdefault(word, []).append(fact)
    partial: set[str] = set()
    for draft in lists:
        items = {i.strip() for i in re.split(r",\s*|\s+and\s+", draft.answer_text) if i.strip()}
        first = sorted(items)[0].split()[0]
        for fact in naming.get(first, []):
            if fact.key == draft.fact_key:
                continue
            for found in _NAME_LIST.finditer(fact.context):
                names = {n.strip() for n in re.split(r",\s*|\s+and\s+", found.group()) if n.strip()}
                if items < names:
                    partial.add(draft.id)
    return [d for d in drafts if d.id not in partial], len(partial)


# Cards one paragraph may give of one kind (dates, years, numbers): four "signed in <month>"
# cards from one paragraph of agreements teach one pattern four times and serve as each
# other's options.
PER_PARAGRAPH_KIND = 2
PER_PARAGRAPH = 4
# Only dates and figures look alike ("signed in June 1992", "signed in April 1993"); a what or
# why card of the same paragraph asks something else each time.
_LOOKALIKE = frozenset({"date", "year", "number"})
CROWDED = "one paragraph gave enough cards of this kind already"
YEARS_APART = "another card's year gives this one by arithmetic ('ten years before …')"
CONVERTED = "another card gives this length in other units ('the 800-mile system' → 1,300 km)"
SAME_DATE = "this date is asked already (one event, one card)"
SAME_MONTH = "another card's date gives this one's month ('June 10, 1905' tells 'June 1905')"


def _full_date(draft: Draft) -> str | None:
    """ "14 December 1995" and "December 14, 1995" alike: "1995-12-14"; None for no full date.

    A year asked after its day ("November 30 marks the outbreak … in {{1939}}") or a day
    asked in its year's sentence asks the same full date."""
    day = _date_in(draft.answer_text)
    if day is not None:
        return day
    answer = draft.answer_text.strip()
    if not re.fullmatch(r"\d{4}|[A-Za-z]+\.? \d{1,2}|\d{1,2} [A-Za-z]+", answer):
        return None
    return _date_in(_unblanked(draft.prompt) + " " + answer)


def _date_in(text: str) -> str | None:
    day = calendar_day(text)
    if day is None or not day[2]:
        return None
    return f"{day[0]}-{day[1]:02d}-{day[2]:02d}"


# "ten years before it became a member": a year that another card's year gives by arithmetic.
_YEARS_APART = re.compile(
    r"\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty)\s+years?\s+(?:before|after|earlier|later|prior to)\b",
    re.IGNORECASE,
)
_COUNT_WORDS = {w: n for n, w in enumerate(SMALL_NUMBERS)} | {
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
}


_LENGTH = re.compile(
    r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)(?:\}\})?[\s-]*(?:\(\s*)?(km|kilometres?|kilometers?|miles?|mi)\b",
    re.IGNORECASE,
)
_MILE = 1.609344


def _lengths(text: str) -> list[tuple[float, str]]:
    """Lengths the text says, in km, with the unit it says them in: "800-mile" → (1287.5, "mi")."""
    found = []
    for number, unit in _LENGTH.findall(re.sub(r"\{\{([^:}]*)(?:::[^}]*)?\}\}", r"\1", text)):
        value = float(number.replace(",", ""))
        miles = unit.lower().startswith("mi")
        found.append((value * _MILE if miles else value, "mi" if miles else "km"))
    return found


def _asked_length(draft: Draft) -> tuple[float, str] | None:
    """The length a card asks: its answer, with the unit the answer or the words after it say."""
    answer = draft.answer_text.strip()
    if not re.fullmatch(
        r"\d[\d,]*(?:\.\d+)?(?:\s*(?:km|kilometres?|kilometers?|miles?))?", answer, re.IGNORECASE
    ):
        return None
    blank = re.search(r"\{\{[^}]*\}\}|___", draft.prompt)
    after = draft.prompt[blank.end() :] if blank else ""
    found = _lengths(answer + " " + after[:16])
    return found[0] if found else None


def _unblanked(prompt: str) -> str:
    """The prompt without its blank: what it tells."""
    return re.sub(r"\{\{[^}]*\}\}|___", " ", prompt)


def _same_length(a: tuple[float, str], b: tuple[float, str]) -> bool:
    return a[1] != b[1] and abs(a[0] - b[0]) <= 0.03 * max(a[0], b[0])


def _asked_month(draft: Draft) -> tuple[tuple[int, int] | None, bool]:
    """The (year, month) a card asks as a date, and whether it asks the month alone."""
    day = calendar_day(draft.answer_text)
    if day is None:
        return None, False
    return (day[0], day[1]), not day[2]


def _year_answer(draft: Draft) -> int | None:
    answer = draft.answer_text.strip()
    return int(answer) if ANY_YEAR.fullmatch(answer) else None


def _years_apart(draft: Draft) -> int | None:
    match = _YEARS_APART.search(re.sub(r"\{\{[^}]*\}\}", " ", draft.prompt))
    if match is None:
        return None
    word = match.group(1).lower()
    return int(word) if word.isdigit() else _COUNT_WORDS.get(word)


class Crowding:
    """Refuses a card when its paragraph gave enough cards (of its kind), or when its document
    asks its full date already: within one document one day is one event."""

    def __init__(self) -> None:
        self._kinds: dict[tuple[str, int, str], int] = {}
        self._paragraphs: dict[tuple[str, int], int] = {}
        self._dates: set[tuple[str, str]] = set()
        # Per document: the years its cards say, and the years a "N years before" card gives.
        self._years: dict[str, set[int]] = {}
        self._derived: dict[str, set[int]] = {}
        # Per document: the lengths its prompts say, and the lengths its cards ask.
        self._said_lengths: dict[str, list[tuple[float, str]]] = {}
        self._asked_lengths: dict[str, list[tuple[float, str]]] = {}
        self._last: tuple[Draft, _CrowdingKeys] | None = None
        # Per document: the (year, month) of each date asked, and whether it was a month alone.
        self._months: set[tuple[str, tuple[int, int], bool]] = set()

    def reason(self, draft: Draft) -> str | None:
        keys = self._keys(draft)
        document, line = keys.document, keys.line
        if keys.day is not None and (document, keys.day) in self._dates:
            return SAME_DATE
        if keys.month is not None and (document, keys.month, not keys.month_only) in self._months:
            return SAME_MONTH
        year, apart = keys.year, keys.apart
        if year is not None and year in self._derived.get(document, ()):
            return YEARS_APART
        if year is not None and apart and {year - apart, year + apart} & self._years.get(document, set()):
            return YEARS_APART
        asked = keys.asked_length
        if asked is not None and any(
            _same_length(asked, said) for said in self._said_lengths.get(document, ())
        ):
            return CONVERTED
        said_here = keys.said_lengths
        if any(_same_length(a, s) for a in self._asked_lengths.get(document, ()) for s in said_here):
            return CONVERTED
        kind = keys.kind
        if kind in _LOOKALIKE and self._kinds.get((document, line, kind), 0) >= PER_PARAGRAPH_KIND:
            return CROWDED
        if self._paragraphs.get((document, line), 0) >= PER_PARAGRAPH:
            return CROWDED
        return None

    def add(self, draft: Draft) -> None:
        keys = self._keys(draft)
        document, line, kind = keys.document, keys.line, keys.kind
        self._kinds[(document, line, kind)] = self._kinds.get((document, line, kind), 0) + 1
        self._paragraphs[(document, line)] = self._paragraphs.get((document, line), 0) + 1
        if keys.day is not None:
            self._dates.add((document, keys.day))
        if keys.month is not None:
            self._months.add((document, keys.month, keys.month_only))
        year, apart = keys.year, keys.apart
        said = {int(y) for y in ANY_YEAR.findall(draft.prompt)}
        self._years.setdefault(document, set()).update(said | ({year} if year else set()))
        if year is not None and apart:
            self._derived.setdefault(document, set()).update({year - apart, year + apart})
        self._said_lengths.setdefault(document, []).extend(keys.said_lengths)
        if keys.asked_length is not None:
            self._asked_lengths.setdefault(document, []).append(keys.asked_length)

    def _keys(self, draft: Draft) -> _CrowdingKeys:
        """What the rules compare of a card, read once: `add` follows `reason` on one card."""
        if self._last is not None and self._last[0] is draft:
            return self._last[1]
        document, line, _ = draft.order
        keys = _CrowdingKeys(
            document,
            line,
            draft.tags[0] if draft.tags else "",
            _full_date(draft),
            _year_answer(draft),
            _years_apart(draft),
            _asked_length(draft),
            tuple(_lengths(_unblanked(draft.prompt))),
            *_asked_month(draft),
        )
        self._last = (draft, keys)
        return keys


@dataclass(frozen=True, slots=True)
class _CrowdingKeys:
    document: str
    line: int
    kind: str
    day: str | None
    year: int | None
    apart: int | None
    asked_length: tuple[float, str] | None
    said_lengths: tuple[tuple[float, str], ...]
    month: tuple[int, int] | None
    month_only: bool


SAME_EVENT = "another card of the deck asks this event's date ('signed on 29 August 1842' and 'in 1842')"
# Two dated cards of one deck ask one event when they share a name and this share of words.
_SAME_EVENT_WORDS = 0.3
_EVENT_NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:of\s+|the\s+)?[A-Z][\w'’-]+)+")


def without_same_event(drafts: list[Draft], deck_of: dict[str, str]) -> tuple[list[Draft], list[Draft]]:
    """One event, one dated card per deck: "The Treaty of Nanking … ended the First Opium War …
    on 29 August 1842" and "The Treaty of Nanjing, signed … in 1842, marked the end of the First
    Opium War" ask one fact at year precision (the first in document order is kept). Two
    cards count as one event when they ask the same year, share a name of two or more words,
    and share a third of their words, or when both ask when something began, one the year alone
    and the other a month or a day of it ("the war broke out in 1899" and "Starting in October
    1899, the Boers placed … under siege": one beginning, asked twice). Cards are compared
    only within their year: linear."""
    seen: dict[tuple[str, int], list[tuple[frozenset[str], frozenset[str]]]] = {}
    starts: dict[tuple[str, int], bool] = {}  # a beginning asked: with its month or day, or not
    kept: list[Draft] = []
    dropped: list[Draft] = []
    for draft in drafts:
        year = _asked_year(draft)
        if year is None:
            kept.append(draft)
            continue
        told = _unblanked(draft.prompt)
        words = content_words(told) - {str(year)}
        names = frozenset(fold_name(m.group()) for m in _EVENT_NAME.finditer(told))
        key = (deck_of.get(draft.id, ""), year)
        earlier = seen.setdefault(key, [])
        precise = not re.fullmatch(r"\s*\d{3,4}\s*", draft.answer_text)
        start = _STARTED.search(told) is not None
        if any(
            names & other_names and jaccard(words, other_words) >= _SAME_EVENT_WORDS
            for other_words, other_names in earlier[-_POSTINGS:]
        ) or (start and starts.get(key) == (not precise)):
            dropped.append(draft)
            continue
        if start:
            starts.setdefault(key, precise)
        earlier.append((words, names))
        kept.append(draft)
    return kept, dropped


# What a beginning is told by: a war, a siege, a campaign that broke out, began or started.
_STARTED = re.compile(
    r"\b(?:broke out|break out|outbreak|began|begin|beginning|start(?:ed|ing|s)?|commenced?)\b", re.I
)


def fold_name(name: str) -> str:
    return re.sub(r"^(?:The|A|An)\s+", "", name).lower()


def _asked_year(draft: Draft) -> int | None:
    """The year a dated card asks (of its year, its date, or its true/false statement's value)."""
    if "{{" in draft.answer_text:
        return None
    found = ANY_YEAR.search(draft.answer_text)
    if found is None or len(draft.answer_text.split()) > 4:
        return None
    return int(found.group(1))
