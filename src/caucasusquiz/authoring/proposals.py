"""Other forms of a card, fresh distractors, and cards for a sentence of a source document.

Forms are derived from the card itself and its source sentence (the `context`): the
answer is found in the sentence and blanked, asked, offered among distractors, or
swapped for a distractor to make a false statement. Distractors come from the answers
and distractors of other cards of the same kind in the collection. Cards for a sentence
the author picks in the source viewer come from the generator's public entry point,
`caucasusquiz.generator.pipeline.build`, run on that one document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from caucasusquiz.authoring.warnings import kind_of
from caucasusquiz.decks.model import CARD_TYPES, Card, CardType

BLANK = "___"
FieldValue = str | bool | Sequence[str]
# Fields each type owns; changing a card's type removes the old ones.
TYPE_FIELDS: dict[str, tuple[str, ...]] = {
    "cloze": ("text",),
    "qa": ("question", "answer", "accept"),
    "choice": ("question", "answer", "distractors"),
    "truefalse": ("statement", "answer"),
}
WANTED_DISTRACTORS = 3


@dataclass(frozen=True, slots=True)
class Proposal:
    """A card's content in one form: its type and the fields that type needs."""

    type: str
    fields: tuple[tuple[str, FieldValue], ...]
    label: str

    def changes_from(self, card_type: str) -> dict[str, FieldValue | None]:
        """The field edits that turn a card of `card_type` into this proposal."""
        changes: dict[str, FieldValue | None] = {"type": self.type}
        own = dict(self.fields)
        for name in TYPE_FIELDS.get(card_type, ()):
            if name not in own:
                changes[name] = None
        changes.update(own)
        return changes

    @property
    def prompt(self) -> str:
        own = dict(self.fields)
        return str(own.get("text") or own.get("question") or own.get("statement") or "")


def sentence_of(card: Card) -> str:
    return card.context or card.full_text


def _find(haystack: str, needle: str) -> int:
    index = haystack.find(needle)
    if index < 0:
        index = haystack.casefold().find(needle.casefold())
    return index


def _blanked(sentence: str, answer: str, blank: str) -> str | None:
    index = _find(sentence, answer)
    if index < 0 or not answer.strip():
        return None
    return sentence[:index] + blank + sentence[index + len(answer) :]


def _question_of(card: Card, sentence: str, answer: str) -> str | None:
    if card.type in (CardType.QA, CardType.CHOICE):
        return card.prompt
    if card.type is CardType.CLOZE:
        return re.sub(r"\{\{.*?\}\}", BLANK, card.prompt, count=1)
    return _blanked(sentence, answer, BLANK)


def _fact_answer(card: Card) -> str | None:
    """What the card asks. A false statement asks what it changed in the sentence; a true
    one states its fact whole, so the fact is the year or number its kind tag names."""
    if card.type is not CardType.TRUEFALSE:
        return card.answer
    swapped = _swapped(card)
    if swapped:
        return swapped[0]
    if card.answer == "true":
        return _tagged_value(card.prompt, card.tags)
    return None


YEAR = re.compile(r"(?<![\d.,])(1[0-9]{3}|20[0-9]{2})(?![\d.,]*\d)")
NUMBER = re.compile(r"(?<![\w.,])\d[\d,.]*\d(?!\w)|(?<![\w.,])\d(?!\w)")


def _tagged_value(statement: str, tags: Sequence[str]) -> str | None:
    """The one year (or number) in a true statement tagged `year` (or `number`), else None."""
    pattern = YEAR if "year" in tags else NUMBER if "number" in tags else None
    if pattern is None:
        return None
    found = list(dict.fromkeys(match.group(0) for match in pattern.finditer(statement)))
    return found[0] if len(found) == 1 else None


def _swapped(card: Card) -> tuple[str, str] | None:
    """(the sentence's words, the false statement's words) where the two differ, or None."""
    if card.type is not CardType.TRUEFALSE or card.answer == "true" or not card.context:
        return None
    true_words, false_words = card.context.split(), card.prompt.split()
    start = 0
    while start < min(len(true_words), len(false_words)) and true_words[start] == false_words[start]:
        start += 1
    end = 0
    while (
        end < min(len(true_words), len(false_words)) - start
        and true_words[len(true_words) - 1 - end] == false_words[len(false_words) - 1 - end]
    ):
        end += 1
    right = " ".join(true_words[start : len(true_words) - end]).strip(".,;:")
    wrong = " ".join(false_words[start : len(false_words) - end]).strip(".,;:")
    return (right, wrong) if right and wrong else None


def distractor_pool(card: Card, cards: Iterable[Card], answer: str | None = None) -> list[str]:
    """Plausible wrong answers: other cards' answers and distractors of the answer's kind.

    Text answers match by the cards' own kind tags (`person`, `organisation`…), leaving
    out the tags every card of a deck shares; numbers, years and dates by their form.
    Cards of the same deck come first."""
    answer = answer if answer is not None else card.answer
    everything = [c for c in cards if c.key != card.key and c.type is not CardType.TRUEFALSE]
    by_deck: dict[str, list[Card]] = {}
    for other in [card, *everything]:
        by_deck.setdefault(other.deck_id, []).append(other)
    shared = {deck_id: _shared_tags(deck_cards) for deck_id, deck_cards in by_deck.items()}

    def kind_tags(of: Card) -> set[str]:
        return set(of.tags) - shared[of.deck_id]

    kind = kind_of(answer)
    own_tags = kind_tags(card)
    taken = {answer.casefold(), *(d.casefold() for d in card.distractors)}
    found: dict[str, None] = {}
    ordered = sorted(everything, key=lambda c: c.deck_id != card.deck_id)
    for other in ordered:
        if kind == "text" and not own_tags & kind_tags(other):
            continue
        for candidate in (other.answer, *other.distractors):
            folded = candidate.casefold()
            if kind_of(candidate) != kind or folded in taken:
                continue
            if folded in answer.casefold() or answer.casefold() in folded:
                continue
            found.setdefault(candidate, None)
    return list(found)


def _shared_tags(cards: Iterable[Card]) -> set[str]:
    shared: set[str] | None = None
    count = 0
    for card in cards:
        count += 1
        shared = set(card.tags) if shared is None else shared & set(card.tags)
    # A deck of one card shares nothing worth removing.
    return (shared or set()) if count > 1 else set()


def alternatives(card: Card, cards: Iterable[Card]) -> list[Proposal]:
    """The other forms this card's fact can take, derived from the card and its sentence."""
    pool_cards = list(cards)
    sentence = sentence_of(card)
    answer = _fact_answer(card)
    if answer is None:
        return []
    proposals: list[Proposal] = []
    current = card.type.value
    hint = card.hint
    if current != "cloze":
        inner = f"{answer}::{hint}" if hint else answer
        text = _blanked(sentence, answer, "{{" + inner + "}}")
        if text:
            proposals.append(Proposal("cloze", (("text", text),), "fill the blank"))
    question = _question_of(card, sentence, answer)
    if question and current != "qa":
        fields: list[tuple[str, FieldValue]] = [("question", question), ("answer", answer)]
        if card.accept:
            fields.append(("accept", list(card.accept)))
        proposals.append(Proposal("qa", tuple(fields), "question"))
    pool = distractor_pool(card, pool_cards, answer)
    swapped = _swapped(card)
    if swapped and swapped[1] not in pool:
        pool.insert(0, swapped[1])  # the false statement's own wrong value is the best distractor
    if question and current != "choice":
        options = list(card.distractors) or pool[:WANTED_DISTRACTORS]
        if len(options) >= 2:
            proposals.append(
                Proposal(
                    "choice",
                    (
                        ("question", question),
                        ("answer", answer),
                        ("distractors", options[:WANTED_DISTRACTORS]),
                    ),
                    "multiple choice",
                )
            )
    if current != "truefalse" and _find(sentence, answer) >= 0:
        proposals.append(
            Proposal("truefalse", (("statement", sentence), ("answer", True)), "true or false: true")
        )
        wrong = (list(card.distractors) or pool)[:1]
        if wrong:
            false_statement = _blanked(sentence, answer, wrong[0])
            if false_statement:
                proposals.append(
                    Proposal(
                        "truefalse",
                        (("statement", false_statement), ("answer", False)),
                        f"true or false: false ({wrong[0]} for {answer})",
                    )
                )
    return proposals


def swap_distractor(card: Card, index: int, cards: Iterable[Card]) -> list[str] | None:
    """The card's distractors with the one at `index` replaced by a fresh one, or None."""
    if not 0 <= index < len(card.distractors):
        return None
    pool = distractor_pool(card, cards)
    if not pool:
        return None
    swapped = list(card.distractors)
    swapped[index] = pool[0]
    return swapped


# -- cards for a sentence of a document --------------------------------------------------------


def generated_for_line(document: Path, line: int) -> list[Proposal]:
    """What the generator makes of the sentence at `document:line` (relies on `pipeline.build`)."""
    from caucasusquiz.generator.pipeline import build

    try:
        decks, _report = build([document])
    except Exception:  # the generator is being rewritten; a failure here must not cost the author's work
        return []
    source = f"{document.name}:{line}"
    proposals: list[Proposal] = []
    for _topic, drafts in decks.values():
        for draft in drafts:
            if draft.source != source:
                continue
            fields: list[tuple[str, FieldValue]] = [(key, _field_value(value)) for key, value in draft.body]
            if draft.tags:
                fields.append(("tags", list(draft.tags)))
            fields.append(("context", draft.context))
            label = CardType(draft.type).label if draft.type in CARD_TYPES else draft.type
            proposals.append(Proposal(draft.type, tuple(fields), f"{label} (from the generator)"))
    return proposals


def _field_value(value: object) -> FieldValue:
    """A generator draft's value as a deck field: text, true/false, or a list of text."""
    if isinstance(value, bool | str):
        return value
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return str(value)
