"""Corrupted sentences: a card teaching a damaged fact is worse than no card at all.

The seeds lost numbers (`in , following`, `about 30, people`, `almost percent`,
`Section of the`), glued words where a number was (`started inwhen`, `SinceArmenian`),
were cut at "U." / "D.", lost quoted text after `wrote:`, and stop mid-sentence. Each
rule names what it found; the report counts sentences rejected per reason.
"""

from __future__ import annotations

import re

from caucasusquiz.generator.dates import MONTH_NAMES
from caucasusquiz.generator.sentences import Span

MONTHS = [
    *MONTH_NAMES,
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
]
_MONTH_SET = frozenset(MONTHS)
# The numbers written as words, each at its own value: SMALL_NUMBERS[3] == "three".
SMALL_NUMBERS = tuple("zero one two three four five six seven eight nine ten eleven twelve".split())
NUMBER_WORDS = frozenset(SMALL_NUMBERS[1:]) | frozenset(
    "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty "
    "seventy eighty ninety hundred thousand million billion half a few several".split()
)

# A preposition or quantifier with its number gone: "in , following", "since ."
_LOST_AFTER_WORD = re.compile(
    r"\b(?:in|on|since|from|until|by|of|about|almost|nearly|over|around|some|than|"
    r"approximately|roughly|between|and|to|only|least)\s+[,.;:%)]"
)
_SPACE_BEFORE_PUNCT = re.compile(r"\w\s+[,.;:](?:\s|$)")
_PERCENT = re.compile(r"(\S+)\s+(?:percent|per cent)\b", re.IGNORECASE)
_LOST_SECTION = re.compile(
    r"\b(?:Section|Article|Chapter|Resolution|Amendment|Title|Paragraph)"
    r"\s+(?:of|to|in|and|the|by)\b"
)
_THOUSANDS = re.compile(r"(\S+)\s+(\d{1,3}),\s+(?!\d)[a-z]")
_LOST_MONEY = re.compile(r"\$\s*(?:million|billion|thousand|bn|m)\b|\$\s*[,.]")
_LOST_RANGE = re.compile(r"\bbetween\s+and\b|\bfrom\s+to\b|\b(?:in|since)\s+and\b")
_EMPTY_BRACKETS = re.compile(r"\(\s*[,;]?\s*\)|\[\s*\]|\(\s*[,;]")
# Words glued where a number was: "started inwhen", "SinceArmenian forces".
_GLUED_LOWER = re.compile(
    r"\b(?:in|since|until|from|by|of|on|at|during)"
    r"(?:when|where|which|while|the|and|after|before)\b"
)
# A link's words joined to the word before by the scrape: "ofLithuanians", "TheSoviet invasion",
# "amongAllied POWs". Such a sentence has other joins that cannot be seen ("tohumanitarian").
_GLUED_LINK = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Oo]f|[Aa]nd|[Oo]r|[Aa]mong|[Bb]etween|[Bb]y|[Ww]ith|[Ff]or|[Tt]o|[Ii]nto)"
    r"[A-Z][a-z]"
)
_GLUED_CAMEL = re.compile(r"\b[A-Za-z]?[a-z]{3,}[A-Z][a-z]{2,}")
_CUT_INITIAL = re.compile(r"(?:^|\s)[A-Z]\.[\"'”’)]*$")
_DANGLING = re.compile(
    r"\b(?:the|a|an|of|to|in|at|for|with|by|from|and|or|his|her|their|its|"
    r"our|that|between)\s*[.!?]$",
    re.IGNORECASE,
)
_MARKUP = re.compile(r"[{}|<>\\]|\[\[|\]\]|\*\*|==|__|&\w+;")
_URL = re.compile(r"https?://|www\.|\b[\w.+-]+@[\w-]+\.\w")


def damage(text: str, span: Span) -> str | None:
    """The reason a sentence must not be taught, or None when it looks intact."""
    words = text.split()
    if span.ending == ":":
        return "lost quote or list" if len(words) > 3 else "heading"
    if span.ending == "":
        return "heading" if _looks_like_heading(text) else "truncated"
    if _CUT_INITIAL.search(text):
        return "cut at initial"
    if _URL.search(text):
        return "url/e-mail"
    if _MARKUP.search(text):
        return "markup"
    if lost := _lost_number(text):
        return lost
    if _GLUED_LOWER.search(text) or any(_glued(m.group()) for m in _GLUED_CAMEL.finditer(text)):
        return "glued words (lost number)"
    if _GLUED_LINK.search(text):
        return "glued words (scrape join)"
    if _DANGLING.search(text):
        return "truncated"
    if len(words) < 5:
        return "fragment"
    return None


def _lost_number(text: str) -> str | None:
    if _LOST_AFTER_WORD.search(text) or _SPACE_BEFORE_PUNCT.search(text):
        return "lost number"
    for match in _PERCENT.finditer(text):
        if not _is_number(match.group(1)):
            return "lost number"
    if _LOST_SECTION.search(text) or _LOST_MONEY.search(text) or _LOST_RANGE.search(text):
        return "lost number"
    for match in _THOUSANDS.finditer(text):
        before = match.group(1).strip('("“')
        # "about 30, people" lost its ",000"; "Section 907, viewing" and "September 11, and"
        # are names and dates.
        if before[:1].islower() and before not in _MONTH_SET:
            return "lost number"
    if _EMPTY_BRACKETS.search(text):
        return "lost number"
    return None


# "capacity to deliver up to per day": the scrape dropped the figure before the unit.
_LOST_RATE = re.compile(
    r"\b(?:up to|of|averaged|averages|averaging|about|over|some|nearly|almost|than|around|"
    r"approximately|roughly|exceeding|reaching|reached|deliver|carry|transport|pump)\s+"
    r"per\s+(?:day|year|annum|month|week|hour|capita)\b"
)


def lost_rate(text: str) -> bool:
    """A rate whose figure the scrape dropped ("up to per day"). The sentence is read whole by
    `damage`; this is asked of a finished card's prompt and context (`gate`)."""
    return _LOST_RATE.search(text) is not None


def _is_number(token: str) -> bool:
    token = token.strip('("“$').lower()
    return (
        bool(re.fullmatch(r"[\d.,/-]+", token))
        or token in NUMBER_WORDS
        or ("-" in token and all(part in NUMBER_WORDS for part in token.split("-")))
    )


def _glued(word: str) -> bool:
    """A lowercase-to-capital join inside a word that is not a name like McDonald or PanArmenian."""
    return not re.match(r"^(?:Mc|Mac|Pan|De|La|Le|Van|Von|Di|Du|O)[A-Z]", word)


_OPEN_END = re.compile(
    r"\b(?:the|a|an|of|to|in|at|for|with|by|from|and|or|his|her|their|its|"
    r"that|between|on|as|than)$"
)


def _looks_like_heading(text: str) -> bool:
    """Short, and no sentence ending: a title, a byline, a section name.

    Prose stopped mid-phrase ("… exempted the Southern Gas Corridor from") is not one.
    """
    if _OPEN_END.search(text.rstrip()):
        return False
    return len(text.split()) <= 16 or not re.search(r"[a-z]", text)
