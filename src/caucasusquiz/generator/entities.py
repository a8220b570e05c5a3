"""Finding the informative spans of a sentence: dates, years, numbers, people, organisations,
places, acts and events — each with a kind, a format and a canonical form.

The canonical form is what makes spelling variants one entity (İlham/Ilham Aliyev,
U.S./US/USA/United States): distractors never offer a variant of the answer, dedupe
sees the same fact in two spellings, and the topic itself is never an answer.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from caucasusquiz.generator.damage import MONTHS
from caucasusquiz.generator.dates import YEAR
from caucasusquiz.generator.gazetteer import KNOWN, Known
from caucasusquiz.text import fold as fold_letters


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str  # date | year | number | person | organisation | place | act | project | event
    group: str  # format for dates and numbers (full-date, percent, …), role for names
    canonical: str  # folded identity: variants of one entity share it
    known: bool = False
    topic: bool = False
    trivial: bool = False


def fold(text: str) -> str:
    """Lower-case ASCII without dots or accents: "İlham" → "ilham", "U.S." → "us"."""
    text = fold_letters(text).encode("ascii", "ignore").decode()
    text = text.replace(".", "").replace("–", "-").replace("—", "-")
    return " ".join(re.findall(r"[a-z0-9/$%-]+", text))


_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"\d{1,2}(?:\s*[-–]\s*\d{1,2})?"
_YEAR = YEAR
DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("full-date", re.compile(rf"\b{_MONTH}\s+{_DAY},\s+{_YEAR}\b")),
    ("full-date", re.compile(rf"\b{_DAY}\s+{_MONTH}\s+{_YEAR}\b")),
    ("month-year", re.compile(rf"\b{_MONTH}\s+{_YEAR}\b")),
    ("month-day", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s*\d)")),
    ("month-day", re.compile(rf"\b{_DAY}\s+{_MONTH}(?!\w|,?\s*\d)")),
    ("month-year", re.compile(rf"\b{_MONTH},\s+{_YEAR}\b")),
)
# "the 1980s" is a decade, not the year 1980.
YEAR_PATTERN = re.compile(rf"(?<![\d$/.,-]){_YEAR}(?![\d/]|[-–]\d|\.\d|,\d|’?'?s\b)")
_NAMED_BY_YEAR = re.compile(
    r"\b(?:War|Revolution|Revolutions|Act|Constitution|Crisis|Panic|Compromise|Uprising|Rebellion|"
    r"Revolt|Class|Games|Exposition|Exhibition|Olympics|Charter|Accord|Accords)\s+of\s+$"
)
NUMBER_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("money", re.compile(r"\$\s?\d+(?:[.,]\d+)*(?:\s(?:million|billion|thousand|trillion))?\b")),
    ("percent", re.compile(r"\b\d+(?:[.,]\d+)?\s(?:percent|per cent)\b")),
    ("percent-sign", re.compile(r"\b\d+(?:[.,]\d+)?%")),
    ("score", re.compile(r"\b\d+/\d+\b")),
    ("fraction", re.compile(r"\b(?:one|two|three)-(?:third|quarter|half|fifth|tenth)s?\b")),
    # "took control of the fifth of Azerbaijani territory", "a quarter of its exports"
    ("fraction", re.compile(r"\b(?:a|the)\s+(?:third|quarter|fifth|tenth)(?=\s+of\b)")),
    # "an indemnity of 5 million thalers": the figure with its scale word, in any unit.
    # Only before a unit: "a democracy of 3.4 million that …" is a population, said in passing.
    (
        "count",
        re.compile(
            r"(?<![\w.,/$-])\d+(?:\.\d+)?\s(?:thousand|million|billion)\b"
            r"(?=\s+(?:[a-z-]+\s+)?[a-z]+s\b)"
        ),
    ),
    (
        "count",
        re.compile(
            r"\b\d{1,3}(?:,\d{3})+\b|\b(?<![.,/$-])\d{1,3}\b(?![.,/%-]?\d)(?=\s+"
            r"(?:[A-Za-z-]+\s+){0,3}(?:[A-Za-z]+s|personnel|people|men|women|children)\b)"
        ),
    ),
    (
        "count-word",
        re.compile(
            r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            r"fifteen|twenty)\b(?=\s+(?:[a-z-]+\s+){0,3}(?:[a-z]+s|personnel|people|men|women|children)\b)",
            re.IGNORECASE,
        ),
    ),
)
# Titles before a name; the name is 2–4 capitalised words or initials ("William J. Burns").
_TITLE = (
    r"(?:Senators|Representatives|Congressmen|President|Prime Minister|Secretary of State|"
    r"Secretary of the Navy|Secretary of "
    r"Defense|Secretary|Senator|Sen\.|Ambassador(?: to [A-Z][a-z]+)?|Advisor|Adviser|"
    r"Congressman|Congresswoman|Minister|Chairman|Assistant Secretary|Representative|"
    r"Rep\.|Governor|General|Gen\.|Dr\.|Mr\.|Mrs\.|Ms\.|leader|colleague|member|chairman|"
    r"ambassador|journalist|spokesman|spokeswoman|envoy|Envoy)"
)
_NAME_WORD = r"(?:[A-ZÇŞÖÜİ][a-zçşöüığə'’-]+|[A-Z]\.(?:[A-Z]\.)*)"
_TITLED_NAME = re.compile(
    rf"\b{_TITLE},?\s+({_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}"
    r"(?:\s+(?:Jr\.|III|II))?)(?='s\b|[^\w'’]|$)"
)
_NAME_THEN_TITLE = re.compile(
    rf"\b({_NAME_WORD}\s+{_NAME_WORD}),\s+(?:the\s+)?(?:former\s+)?"
    rf"(?:Deputy\s+|Assistant\s+|Under\s+)*{_TITLE}\b"
)
_ORG_SUFFIX = (
    r"(?:Group|Committee|Commission|Organization|Organisation|Agency|Department|Council|"
    r"Bureau|Association|Center|Centre|Institute|Party|Parliament|Assembly|Ministry|"
    r"Foundation|Club|Alliance|Corporation|Company|Bank|Fund|University|Court|Office)"
)
_GENERIC_ORG = re.compile(
    rf"\b(?:(?:U\.S\.|[A-Z][\w'’-]*)\s+(?:(?:of|for|on|and|the)\s+)*){{1,5}}"
    rf"{_ORG_SUFFIX}\b"
)
_GENERIC_ACT = re.compile(
    r"\b(?:[A-Z][\w'’.-]*\s+){1,5}(?:Act|Accords?|Agreement|Treaty|"
    r"Principles|Protocols?|Programme|Program|Initiative|Doctrine|"
    r"Pipeline|Corridor|Railway|(?<=[a-z] )pipeline)\b"
)
# A named war or upheaval, by its own last word: "the Russo-Turkish War of 1877–1878",
# "the Velvet Revolution", "the Armenian Genocide".
_GENERIC_EVENT = re.compile(
    r"\b(?:[A-Z][\w'’–-]*\s+){1,4}(?:War|Revolution|Uprising|Genocide|Crisis)"
    r"(?:\s+of\s+\d{4}(?:[–-]\d{2,4})?)?(?![\w-])"
)
# A name after its head word: "Treaty of Kars", "Battle of Sardarabad".
_HEAD_OF_NAME = re.compile(
    r"\b(?P<head>Treaty|Pact|Charter|Declaration|Battle|Siege)\s+of\s+"
    r"(?P<name>[A-Z][\w'’–-]*(?:[ -][A-Z][\w'’–-]*)?)(?![\w-])"
)
# A person named without a title, known by what follows the name: a party marker
# ("Ted Cruz (R-TX)"), an appositive ("David Woodward, a professor …", "…, who …") or a
# verb only people do ("Ted Cruz introduced", "Eric Rubin said").
_PERSON_VERBS = (
    r"said|says|stated|told|wrote|writes|argued|noted|added|introduced|sponsored|co-sponsored|"
    r"proposed|urged|announced|warned|praised|criticized|criticised|resigned|testified|insisted|"
    r"suggested|recalled|explained|emphasized|emphasised|stressed|claimed|believes|believed|"
    r"was elected|was appointed|was born|died|served as|succeeded"
)
_BARE_PERSON = re.compile(
    rf"(?<![\w.'’-])(?<!the )(?<!The )"
    rf"([A-ZÇŞÖÜİ][a-zçşöüığə'’-]{{1,}}(?:\s+[A-Z]\.)?(?:\s+{_NAME_WORD}){{1,2}})"
    rf"(?=\s+\((?:D|R|I)-[A-Z]{{2}}\)|,\s+(?:a|an|the|who)\s+[a-z]|\s+(?:{_PERSON_VERBS})\b)"
)
# Words that make a capitalised run a body, a place or a publication, never a person.
_NOT_PERSON_WORDS = frozenset(
    "Army Navy Union States State Republic Kingdom Empire Federation Group Committee Commission "
    "House Department Ministry Government Council Party Parliament Assembly Congress Senate Court "
    "Sea Ocean River Lake Mountains Caucasus Asia Europe America Africa East West North South "
    "Central National Federal Soviet International Watch Radio News Times Post Press Agency "
    "Monitor Daily Journal Review Foundation Institute Center Centre Bank Fund Corporation Company "
    "Inc Ltd University Office Embassy Administration Bureau Council Forces Guard Police Service "
    "Organization Organisation Association Alliance Network Television Today Weekly Herald "
    "Minister President Secretary Ambassador Senator General Chairman Director Prime Foreign "
    "Affairs Defense Defence Energy Security Development Program Programme Act Treaty Agreement "
    "Pipeline War Revolution Crisis Conference Summit Declaration Charter Report Senators Senator "
    "Representatives Representative Congressman Congresswoman Congressmen Sen Rep Mr Mrs Ms Dr "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
# Words a capitalised run may start with that are not part of a name.
_NOT_NAME_START = frozenset(
    "The A An In On At As For By From This That These Those His Her Their Its After Before During "
    "Since According Following Deputy Assistant Secretary President Minister Under Acting Former".split()
)

_KIND_RANK = {
    "date": 6,
    "number": 5,
    "person": 4,
    "act": 4,
    "project": 4,
    "event": 3,
    "organisation": 3,
    "place": 2,
    "year": 1,
}


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[re.Pattern[str], dict[str, Known]]:
    spellings: dict[str, Known] = {}
    for known in KNOWN:
        for spelling in (known.name, *known.variants):
            spellings.setdefault(spelling, known)
    alternation = "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w–-])(?:{alternation})(?![\w–]|-\w)")
    return pattern, spellings


def canonical_of(text: str) -> str:
    """The identity of a name or value: a known entity's canonical name, else the folded text."""
    _, spellings = _gazetteer()
    known = spellings.get(text) or spellings.get(text.removeprefix("the "))
    return fold(known.name if known else text)


def known_entity(text: str) -> Known | None:
    return _gazetteer()[1].get(text)


def find_mentions(text: str) -> list[Mention]:
    """Every informative span of `text`, without overlaps (longest and most specific win)."""
    found: list[Mention] = []
    pattern, spellings = _gazetteer()
    for match in pattern.finditer(text):
        known = spellings[match.group()]
        found.append(
            Mention(
                match.start(),
                match.end(),
                match.group(),
                known.kind,
                known.group,
                fold(known.name),
                True,
                known.topic,
                known.trivial,
            )
        )
    for group, date in DATE_PATTERNS:
        for match in date.finditer(text):
            found.append(_value(match, "date", group))
    for match in YEAR_PATTERN.finditer(text):
        if _NAMED_BY_YEAR.search(text, max(0, match.start() - 40), match.start()):
            continue  # "the War of 1812": the year is part of a fixed name, not a fact to ask
        found.append(_value(match, "year", "year"))
    for group, number in NUMBER_PATTERNS:
        for match in number.finditer(text):
            found.append(_value(match, "number", group))
    for match in _TITLED_NAME.finditer(text):
        found.append(_name(match, 1))
    for match in _NAME_THEN_TITLE.finditer(text):
        found.append(_name(match, 1))
    for match in _BARE_PERSON.finditer(text):
        words = match.group(1).split()
        if words[0] in _NOT_NAME_START or words[0].rstrip(".") in MONTHS:
            continue
        if any(w.strip(",.'’") in _NOT_PERSON_WORDS for w in words):
            continue
        found.append(_name(match, 1))
    for match in _GENERIC_ORG.finditer(text):
        found.append(_generic(text, match, "organisation"))
    for match in _GENERIC_EVENT.finditer(text):
        found.append(_generic(text, match, "event"))
    for match in _HEAD_OF_NAME.finditer(text):
        kind = "event" if match.group("head") in ("Battle", "Siege") else "act"
        found.append(Mention(match.start(), match.end(), match.group(), kind, kind, fold(match.group())))
    for match in _GENERIC_ACT.finditer(text):
        if match.group().endswith(" pipeline") and not text[: match.start()].endswith(("the ", "The ")):
            continue  # "crude oil Petroleum pipeline": a link's word, not a pipeline's name
        kind = (
            "project"
            if match.group().split()[-1] in ("Pipeline", "pipeline", "Corridor", "Railway")
            else "act"
        )
        found.append(_generic(text, match, kind))
    return _resolve(found)


def _value(match: re.Match[str], kind: str, group: str) -> Mention:
    value = match.group()
    if value.endswith(".") and len(value.split()[-1]) > 4:
        value = value[:-1]  # "on 29 October." ends the sentence; "Oct." keeps its dot
    canonical = _date_key(value) if kind == "date" else fold(value)
    return Mention(match.start(), match.start() + len(value), value, kind, group, canonical)


def _date_key(value: str) -> str:
    """ "10 May 2005" and "May 10, 2005" are one date: "2005 may 10"."""
    words = fold(value).split()
    year = [w for w in words if len(w) == 4 and w.isdigit()]
    day = [w for w in words if w.isdigit() and len(w) <= 2]
    month = [w[:3] for w in words if w.isalpha()]
    return " ".join(year + month + day)


def _name(match: re.Match[str], group: int) -> Mention:
    name = match.group(group)
    words = name.split()
    while words and words[0] in _NOT_NAME_START:
        words.pop(0)
    name = " ".join(words)
    start = match.start(group) + match.group(group).index(name) if name else match.start(group)
    known = known_entity(name)
    if known is not None:
        return Mention(
            start,
            start + len(name),
            name,
            known.kind,
            known.group,
            fold(known.name),
            True,
            known.topic,
            known.trivial,
        )
    return Mention(start, start + len(name), name, "person", "person", fold(name))


def _generic(text: str, match: re.Match[str], kind: str) -> Mention:
    words = match.group().split()
    while len(words) > 1 and words[0] in _NOT_NAME_START:
        words.pop(0)
    name = " ".join(words)
    start = match.end() - len(name)
    return Mention(start, match.end(), name, kind, kind, fold(name))


def _resolve(found: list[Mention]) -> list[Mention]:
    """Keep non-overlapping mentions: known names first, then longer, then the richer kind.

    Kept spans are held sorted by start, so each candidate is checked against its two
    neighbours only: the cost grows with n log n, not n², on one huge paragraph.
    """
    ordered = sorted(
        found, key=lambda m: (not m.known, -(m.end - m.start), -_KIND_RANK.get(m.kind, 0), m.start)
    )
    starts: list[int] = []
    kept: list[Mention] = []
    for mention in ordered:
        if mention.end - mention.start < 2 or not mention.text.strip():
            continue
        index = bisect.bisect_left(starts, mention.start)
        if index < len(kept) and kept[index].start < mention.end:
            continue
        if index > 0 and kept[index - 1].end > mention.start:
            continue
        starts.insert(index, mention.start)
        kept.insert(index, mention)
    return kept
