"""The fact a card teaches, in the forms other card types need: a short true sentence with
the answer's place in it, a question asking for the answer, and the answer's kind.

The card's own wording comes first (a cloze's filled-in text, a true statement), because a
teacher already shortened it; otherwise the clause of the source sentence that holds the
answer, as the generator cuts it (`generator.clauses.clause_around`), never the whole
paragraph. Questions are formed by the generator's templates (`generator.questions`);
where none fits, the sentence with a blank is the question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from caucasusquiz.decks.model import CLOZE_BLANK, Card, CardType
from caucasusquiz.generator.cards import PRIMARY_MIN, score
from caucasusquiz.generator.clauses import clause_around
from caucasusquiz.generator.entities import Mention, find_mentions, fold
from caucasusquiz.generator.questions import question_for
from caucasusquiz.generator.rewrite import normalise, standalone
from caucasusquiz.generator.sentences import split_sentences

BLANK = "___"
MAX_STATEMENT_WORDS = 35  # the card rubric's upper bound for a prompt
# A false statement whose wording differs from its source sentence by more than this many
# words on either side was reworded, not falsified: its "changed words" would be garbage.
MAX_SWAP_WORDS = 6
# A clause is cut and closed with a full stop; one that ends in a quotation already has it
# inside the quote: `… and rule of law."` must not become `… and rule of law.".`.
_DOUBLED_STOP = re.compile(r"([.!?][\"'”’»)]+)\.$")


@dataclass(frozen=True, slots=True)
class Fact:
    answer: str
    statement: str | None  # a true sentence holding the answer at [start, end); None: none short enough
    start: int = 0
    end: int = 0
    mention: Mention | None = None  # the answer as the generator's entity finder sees it

    @property
    def blanked(self) -> str | None:
        if self.statement is None:
            return None
        return self.statement[: self.start] + BLANK + self.statement[self.end :]

    def with_answer(self, replacement: str) -> str | None:
        """The statement with another value in the answer's place (a false statement)."""
        if self.statement is None:
            return None
        return self.statement[: self.start] + replacement + self.statement[self.end :]

    def question(self) -> str | None:
        """A natural question asking for the answer, or None when no template fits."""
        if self.statement is None or self.mention is None:
            return None
        asked = question_for(self.statement, 0, self.mention)
        if asked is None or fold(self.answer) in fold(asked):
            return None
        return asked


def fact_of(card: Card) -> Fact | None:
    """What the card asks and a short true sentence saying it, or None when unclear."""
    if card.type is CardType.CLOZE:
        return _cloze_fact(card)
    if card.type is CardType.TRUEFALSE:
        return _truefalse_fact(card)
    return _fact_in(card.answer, card.context or "")


def _cloze_fact(card: Card) -> Fact | None:
    blank = CLOZE_BLANK.search(card.prompt)
    if blank is None:
        return None
    answer = blank.group(1).split("::", 1)[0]
    start = blank.start()
    text = card.full_text
    return _located(answer, text, start, start + len(answer))


def _truefalse_fact(card: Card) -> Fact | None:
    if card.answer == "true":
        return _fact_of_true_statement(card.prompt, card.tags)
    swapped = swapped_words(card)
    if swapped is None:
        return None
    right, wrong = swapped
    corrected = _find(card.prompt, wrong)
    if corrected >= 0:
        # The false statement is the teacher's wording: with the right value put back it is
        # the true one, shorter than the source sentence.
        statement = card.prompt[:corrected] + right + card.prompt[corrected + len(wrong) :]
        return _located(right, statement, corrected, corrected + len(right))
    return _fact_in(right, card.context or "")


def _fact_of_true_statement(statement: str, tags: Sequence[str]) -> Fact | None:
    """A true statement teaches its most informative span (the year or number its tags name)."""
    mentions = find_mentions(statement)
    wanted = [m for m in mentions if m.kind == "year"] if "year" in tags else []
    wanted = wanted or ([m for m in mentions if m.kind == "number"] if "number" in tags else [])
    if len({m.text for m in wanted}) == 1:
        best = wanted[0]
    else:
        # The span the generator would ask: a date, a number or a name worth a card.
        ranked = sorted(mentions, key=lambda m: -score(m, statement))
        if not ranked or score(ranked[0], statement) < PRIMARY_MIN:
            return None
        best = ranked[0]
    return Fact(best.text, statement, best.start, best.end, best)


def _fact_in(answer: str, sentence: str) -> Fact | None:
    """The answer in the clause of the source `sentence` that holds it (or the sentence, when
    short), tidied as the generator tidies a card's sentence: citations and opening
    connectives ("Also,", "However,") go."""
    answer = answer.strip()
    if not answer:
        return None
    sentence = normalise(sentence)
    index = _find(sentence, answer)
    if index < 0:
        return Fact(answer, None)
    for span in split_sentences(sentence):  # a context of several sentences: the answer's own
        if span.start <= index and index + len(answer) <= span.end:
            sentence, index = sentence[span.start : span.end], index - span.start
            break
    clause = clause_around(sentence, index, index + len(answer))
    if clause is not None:
        statement = _DOUBLED_STOP.sub(r"\1", clause.text)
    elif len(sentence.split()) <= MAX_STATEMENT_WORDS:
        statement = sentence
    else:
        return Fact(answer, None)
    tidy = standalone(statement)
    index = _find(tidy, answer)
    if index < 0 or _find(tidy[index + 1 :], answer) >= 0:
        tidy = statement  # the tidying touched the answer, or it is there twice: keep as cut
        index = _find(tidy, answer)
    return _located(answer, tidy, index, index + len(answer))


def _located(answer: str, statement: str, start: int, end: int) -> Fact:
    mention = next((m for m in find_mentions(statement) if m.start <= start and end <= m.end), None)
    if mention is not None and fold(mention.text) != fold(answer):
        mention = None  # the answer is part of a longer name: not the entity asked
    return Fact(statement[start:end], statement, start, end, mention)


def _find(haystack: str, needle: str) -> int:
    index = haystack.find(needle)
    if index < 0:
        index = haystack.casefold().find(needle.casefold())
    return index


def swapped_words(card: Card) -> tuple[str, str] | None:
    """(the right value, the false statement's value) of a false statement, or None.

    A statement that kept its sentence's wording is compared word by word. One that was
    reworded as well: its value is the one name, date or number of the statement that the
    sentence lacks, against the one of the same kind the sentence has and the statement lacks."""
    if card.type is not CardType.TRUEFALSE or card.answer == "true" or not card.context:
        return None
    return _swapped_run(card.prompt, card.context) or _swapped_value(card.prompt, card.context)


def _swapped_value(statement: str, sentence: str) -> tuple[str, str] | None:
    said, source = find_mentions(statement), find_mentions(sentence)
    said_keys = {m.canonical for m in said}
    source_keys = {m.canonical for m in source}
    invented = [m for m in said if m.canonical not in source_keys and not m.trivial]
    if len({m.canonical for m in invented}) != 1:
        return None
    wrong = invented[0]
    missing = {
        m.canonical: m
        for m in source
        if m.canonical not in said_keys and m.kind == wrong.kind and not m.trivial
    }
    if len(missing) != 1:
        return None
    (right,) = missing.values()
    return right.text, wrong.text


def _swapped_run(statement: str, sentence: str) -> tuple[str, str] | None:
    """Where the two differ word by word, when that is a short run (else it was reworded)."""
    true_words, false_words = sentence.split(), statement.split()
    start = 0
    while start < min(len(true_words), len(false_words)) and true_words[start] == false_words[start]:
        start += 1
    end = 0
    while (
        end < min(len(true_words), len(false_words)) - start
        and true_words[len(true_words) - 1 - end] == false_words[len(false_words) - 1 - end]
    ):
        end += 1
    right_words = true_words[start : len(true_words) - end]
    wrong_words = false_words[start : len(false_words) - end]
    if len(right_words) > MAX_SWAP_WORDS or len(wrong_words) > MAX_SWAP_WORDS:
        return None
    right = " ".join(right_words).strip(".,;:")
    wrong = " ".join(wrong_words).strip(".,;:")
    if not right or not wrong or not re.search(r"\w", right + wrong):
        return None
    return right, wrong
