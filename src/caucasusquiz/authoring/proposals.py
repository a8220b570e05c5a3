"""Other forms of a card, fresh distractors, and cards for a sentence of a source document.

Forms are derived from the fact the card teaches (`authoring.fact`: a short true sentence
with the answer's place in it): the answer is blanked, asked, offered among distractors,
or swapped for a distractor to make a false statement. Distractors come from the
generator's (`generator.distractors`: nearby years and dates, names of the answer's fine
kind and era found in the collection's sentences), then from the answers and distractors
of other cards of the same kind in the collection. Cards for a sentence
the author picks in the source viewer come from the generator's public entry point,
`caucasusquiz.generator.pipeline.build`, run on that one document.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from caucasusquiz.authoring.warnings import kind_of
from caucasusquiz.decks.model import CARD_TYPES, Card, CardType
from caucasusquiz.text import fold

# The generator's modules take ~60 ms to import: they load at the first change of type, not
# when the author screen (which imports Proposal) opens.
if TYPE_CHECKING:
    from caucasusquiz.authoring.fact import Fact
    from caucasusquiz.generator.distractors import Pool

FieldValue = str | bool | Sequence[str]
# Fields each type owns; changing a card's type removes the old ones.
TYPE_FIELDS: dict[str, tuple[str, ...]] = {
    "cloze": ("text",),
    "qa": ("question", "answer", "accept"),
    "choice": ("question", "answer", "distractors"),
    "truefalse": ("statement", "answer"),
}
WANTED_DISTRACTORS = 3
OWN_DISTRACTORS = "multiple choice (its own distractors)"
# Fields a teacher wrote that a change of type removes, named as a warning says them.
LOSABLE: dict[str, tuple[str, str]] = {
    "distractors": ("distractor", "distractors"),
    "accept": ("accepted answer", "accepted answers"),
}


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

    def loss(self, card: Card) -> str | None:
        """What turning `card` into this proposal removes of the teacher's, said before it happens
        ("its 3 distractors are removed (u undoes)"), or None when nothing is lost."""
        changes = self.changes_from(card.type.value)
        lost: list[str] = []
        for name, (one, many) in LOSABLE.items():
            values: tuple[str, ...] = getattr(card, name)
            if values and name in changes and changes[name] is None:
                lost.append(f"{one} {values[0]}" if len(values) == 1 else f"{len(values)} {many}")
        if not lost:
            return None
        verb = "is" if len(lost) == 1 and not lost[0][0].isdigit() else "are"
        return f"its {' and '.join(lost)} {verb} removed (u undoes)"

    @property
    def prompt(self) -> str:
        own = dict(self.fields)
        return str(own.get("text") or own.get("question") or own.get("statement") or "")


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


@dataclass(frozen=True, slots=True)
class EarlierChoice:
    """The multiple-choice form a card had before a change of type took it away."""

    question: str
    distractors: tuple[str, ...]


def alternatives(card: Card, cards: Iterable[Card], earlier: EarlierChoice | None = None) -> list[Proposal]:
    """The other forms this card's fact can take: the fact in a short true sentence (the
    card's own wording, else the clause of its source sentence that holds it), asked as a
    question, offered among distractors of its kind, stated true and stated false.

    A card that was multiple choice before (`earlier`) is offered that first: its own
    distractors (and its own question, unless it is a question now) come back."""
    from caucasusquiz.authoring.fact import fact_of

    pool_cards = list(cards)
    fact = fact_of(card)
    if fact is None:
        return []
    answer, current = fact.answer, card.type.value
    # A question asks; the sentence with a blank is a cloze in disguise, fine for multiple
    # choice (the options say what goes in) but no question to type an answer to.
    question = card.prompt if card.type in (CardType.QA, CardType.CHOICE) else fact.question()
    asked = question or fact.blanked
    remembered = earlier.distractors if earlier is not None and current != "choice" else ()
    options = _wrong_answers(card, fact, pool_cards, asked or "", remembered)
    proposals: list[Proposal] = []
    own = _own_choice(card, answer, earlier) if remembered else None
    if own is not None:
        proposals.append(own)
    if current != "cloze" and fact.statement is not None:
        inner = f"{answer}::{card.hint}" if card.hint else answer
        text = fact.with_answer("{{" + inner + "}}")
        if text:
            proposals.append(Proposal("cloze", (("text", text),), "fill the blank"))
    if question and current != "qa":
        fields: list[tuple[str, FieldValue]] = [("question", question), ("answer", answer)]
        if card.accept:
            fields.append(("accept", list(card.accept)))
        proposals.append(Proposal("qa", tuple(fields), "question"))
    fresh = options[:WANTED_DISTRACTORS]
    if (
        asked
        and current != "choice"
        and len(options) >= 2
        and (own is None or dict(own.fields)["distractors"] != fresh)
    ):
        proposals.append(
            Proposal(
                "choice", (("question", asked), ("answer", answer), ("distractors", fresh)), "multiple choice"
            )
        )
    if fact.statement is not None and not (current == "truefalse" and card.answer == "true"):
        proposals.append(
            Proposal("truefalse", (("statement", fact.statement), ("answer", True)), "true or false: true")
        )
    wrong = _false_value(fact, options)
    false_statement = fact.with_answer(wrong) if wrong else None
    if false_statement and false_statement != card.prompt:
        proposals.append(
            Proposal(
                "truefalse",
                (("statement", false_statement), ("answer", False)),
                f"true or false: false ({wrong} for {answer})",
            )
        )
    return proposals


def _own_choice(card: Card, answer: str, earlier: EarlierChoice | None) -> Proposal | None:
    """The card as multiple choice again, with the distractors it had before."""
    if earlier is None:
        return None
    distractors = [d for d in earlier.distractors if _folded(d) != _folded(answer)]
    if len(distractors) < 2:
        return None
    question = card.prompt if card.type is CardType.QA else earlier.question
    return Proposal(
        "choice", (("question", question), ("answer", answer), ("distractors", distractors)), OWN_DISTRACTORS
    )


def _wrong_answers(
    card: Card, fact: Fact, cards: Sequence[Card], question: str, earlier: Sequence[str] = ()
) -> list[str]:
    """Distractors for the fact: the card's own (now or before a change of type), the value a
    false statement put in, then the generator's (of the answer's fine kind: nearby years,
    dates written the same way, people of the same role and era), then other cards' answers
    of the same kind."""
    from caucasusquiz.authoring.fact import swapped_words
    from caucasusquiz.generator.distractors import distractors
    from caucasusquiz.generator.kinds import fine_kind

    found: dict[str, None] = dict.fromkeys((*card.distractors, *earlier))
    swapped = swapped_words(card)
    if swapped:
        found.setdefault(swapped[1], None)
    if fact.mention is not None and fact.statement is not None:
        pool = _corpus_pool(cards)
        kind = fine_kind(fact.mention, fact.statement)
        for option in distractors(fact.mention, fact.answer, fact.statement, pool, kind):
            found.setdefault(option, None)
    for option in distractor_pool(card, cards, fact.answer):
        found.setdefault(option, None)
    taken = _folded(fact.answer)
    shown = f" {_folded(question)} "  # an option the question names gives itself away
    return [option for option in found if _folded(option) != taken and f" {_folded(option)} " not in shown]


def _false_value(fact: Fact, options: Sequence[str]) -> str | None:
    """The value of a plausible false statement: for a full date the same day and month in
    another year (a day off is a quibble, not a falsehood), else the first distractor."""
    mention = fact.mention
    if mention is not None and mention.kind == "date":
        year = re.search(r"\d{4}", mention.text)
        if year is not None:
            return mention.text.replace(year.group(), str(int(year.group()) - 3))
    return options[0] if options else None


def _folded(text: str) -> str:
    """Words only, as compared: "the U.S." and "the US" are one."""
    return " ".join(re.findall(r"\w+", fold(text).replace(".", "")))


def _corpus_pool(cards: Sequence[Card]) -> Pool:
    """The generator's pool of names by fine kind, from every card's sentence."""
    texts = (text for card in cards for text in (card.full_text, card.context) if text)
    return _pool_of(tuple(dict.fromkeys(texts)))


@functools.lru_cache(maxsize=2)  # the author screen asks once per card, over the same collection
def _pool_of(texts: tuple[str, ...]) -> Pool:
    from caucasusquiz.generator.distractors import Pool
    from caucasusquiz.generator.entities import find_mentions

    pool = Pool()
    for text in texts:
        pool.add(find_mentions(text), text)
    return pool


def swap_distractor(card: Card, index: int, cards: Iterable[Card]) -> list[str] | None:
    """The card's distractors with the one at `index` replaced by a fresh one of the answer's
    kind (see `alternatives`), or None when there is none."""
    if not 0 <= index < len(card.distractors):
        return None
    from caucasusquiz.authoring.fact import fact_of

    pool_cards = list(cards)
    fact = fact_of(card)
    fresh = _wrong_answers(card, fact, pool_cards, card.prompt) if fact else distractor_pool(card, pool_cards)
    taken = {_folded(option) for option in card.distractors}
    fresh = [option for option in fresh if _folded(option) not in taken]
    if not fresh:
        return None
    swapped = list(card.distractors)
    swapped[index] = fresh[0]
    return swapped


# -- cards for a sentence of a document --------------------------------------------------------


def generated_for_line(document: Path, line: int, sentence: str = "") -> list[Proposal]:
    """What the generator makes of the sentence at `document:line` (relies on `pipeline.build`):
    its cards cited at that line, and those whose sentence is `sentence` wherever they are
    cited (a sentence of a scraped wiki runs over several lines; the generator cites one)."""
    from caucasusquiz.generator.pipeline import build

    try:
        decks, _report = build([document])
    except Exception:  # the generator is being rewritten; a failure here must not cost the author's work
        return []
    source = f"{document.name}:{line}"
    proposals: list[Proposal] = []
    for _topic, drafts in decks.values():
        for draft in drafts:
            if draft.source != source and not (sentence and _same_sentence(draft.context, sentence)):
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


def _same_sentence(context: str, sentence: str) -> bool:
    """Does a draft's context hold the sentence, or the sentence the context (spacing and case aside)?"""
    ours, theirs = " ".join(sentence.casefold().split()), " ".join(context.casefold().split())
    return bool(ours and theirs) and (ours in theirs or theirs in ours)
