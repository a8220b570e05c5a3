"""What an author should look at on a draft: the card rubric's mistakes a machine can spot."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from caucasusquiz.decks.model import CLOZE_BLANK, Card, CardType
from caucasusquiz.generator.dates import ANY_YEAR, YEAR
from caucasusquiz.text import plural

MAX_PROMPT_WORDS = 35
_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# Time words that mean nothing once the article's date is gone: "last October", "this year".
RELATIVE_TIME = re.compile(
    rf"\b(?:(?:last|this|next|past|coming|previous)\s+(?:(?:two|three|few|several)\s+)?"
    rf"(?:years?|months?|weeks?|decades?|spring|summer|autumn|fall|winter|{_MONTHS})"
    r"|yesterday|today|tomorrow|recently|currently|nowadays|earlier this \w+|later this \w+)\b",
    re.IGNORECASE,
)


# A whole answer that is a date ("March 16, 1992", "16 March 1992", "Jan 2022"), not an
# event named after one ("September 11 attacks").
_DATE = re.compile(
    rf"(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}\s+(?:{_MONTHS})\.?(?:,?\s+\d{{4}})?"
    rf"|(?:{_MONTHS})\.?,?\s+\d{{4}})",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DraftWarning:
    code: str
    message: str


def kind_of(text: str) -> str:
    """A coarse kind for comparing an answer with its distractors."""
    value = text.strip()
    if re.fullmatch(YEAR, value):
        return "year"
    if _DATE.fullmatch(value):
        return "date"
    if re.search(r"\d\s*%|\bper ?cent\b", value, re.IGNORECASE):
        return "percentage"
    if re.search(r"[$€£]|\b(?:dollars?|million|billion)\b", value, re.IGNORECASE) and re.search(r"\d", value):
        return "amount"
    if re.fullmatch(r"[\d.,/ ]+", value):
        return "number"
    return "text"


def _folded(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def prompt_without_answer(card: Card) -> str:
    if card.type is CardType.CLOZE:
        return CLOZE_BLANK.sub(" ", card.prompt)
    return card.prompt


def warnings_for(card: Card, siblings: Iterable[Card] = ()) -> list[DraftWarning]:
    found: list[DraftWarning] = []
    prompt = prompt_without_answer(card)
    words = len(prompt.split())
    if words > MAX_PROMPT_WORDS:
        found.append(
            DraftWarning("long", f"long prompt: {words} words (aim for 20, never over {MAX_PROMPT_WORDS})")
        )
    relative = RELATIVE_TIME.search(card.full_text)
    # A year as the generator reads one (generator.dates), so the two never disagree on a draft.
    if relative and not ANY_YEAR.search(card.full_text):
        found.append(DraftWarning("time", f'"{relative.group(0)}" with no year: when is that for a student?'))
    if card.type is not CardType.TRUEFALSE:
        answer = _folded(card.answer)
        if len(answer) > 3 and re.search(rf"\b{re.escape(answer)}\b", _folded(prompt)):
            found.append(DraftWarning("answer", "the answer appears in the prompt"))
    if card.type is CardType.CHOICE:
        kind = kind_of(card.answer)
        odd = [d for d in card.distractors if kind_of(d) != kind]
        if odd:
            found.append(
                DraftWarning("kind", f"distractor of another kind than the answer ({kind}): {', '.join(odd)}")
            )
    others = [s for s in siblings if s.key != card.key]
    if others:
        found.append(DraftWarning("sibling", f"{plural(len(others), 'other card')} from the same sentence"))
    return found
