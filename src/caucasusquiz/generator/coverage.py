"""Where each sentence read ends up: taught, or not taught for one reason.

A sentence passes several stages: the sentence rules, the fact dedupe, the card gate, and
then checks on the cards of all sentences together (the same card asked twice, a card giving
another's answer away, a shorter list, a crowded paragraph). A sentence that made cards can
lose all of them in a later stage, so it is counted only at the end: taught when one of its
cards is in the decks, else not taught, with the reason its last card was dropped. Each
sentence lands in exactly one bucket, and the report's numbers add up:
read = taught + not taught.
"""

from __future__ import annotations

from collections.abc import Iterable

from caucasusquiz.generator.cards import Draft
from caucasusquiz.generator.facts import Fact, Sentence
from caucasusquiz.generator.report import Report

# A card dropped after its sentence was judged, for a reason no named stage gave (a safety
# net: the report must still add up).
DROPPED_LATER = "its cards were dropped by a later check"


class Ledger:
    """Every sentence of a run, by its number in reading order, and what became of it."""

    def __init__(self) -> None:
        self._read: list[tuple[str, str]] = []  # (source "file:line", sentence) by number
        self._untaught: dict[int, tuple[str, str, str]] = {}  # number -> (source, reason, text)
        self._fact_number: dict[int, int] = {}  # id(fact) -> number
        self._card_number: dict[int, int] = {}  # id(draft) -> number of the sentence that made it
        self._lost: dict[int, str] = {}  # number -> why its latest card was dropped
        # The ids above are only valid while their objects live: keep them alive.
        self._alive: list[Fact | Draft] = []

    def read(self, sentences: Iterable[Sentence], facts: Iterable[Fact]) -> None:
        """One document's sentences, and the facts made of those not rejected (one each, in order)."""
        kept: list[int] = []
        for sentence in sentences:
            number = len(self._read)
            source = f"{sentence.doc.name}:{sentence.line}"
            self._read.append((source, sentence.text))
            if sentence.reason is None:
                kept.append(number)
            else:
                self._untaught[number] = (source, sentence.reason, sentence.text)
        for number, fact in zip(kept, facts, strict=True):
            self._fact_number[id(fact)] = number
            self._alive.append(fact)

    def not_taught(self, fact: Fact, reason: str, text: str) -> None:
        """The fact's sentence makes no card, for `reason`."""
        self._untaught[self._fact_number[id(fact)]] = (fact.source, reason, text)

    def made(self, fact: Fact, drafts: Iterable[Draft]) -> None:
        """The fact's sentence made these cards (for now: a later check may drop them)."""
        number = self._fact_number[id(fact)]
        for draft in drafts:
            self._card_number[id(draft)] = number
            self._alive.append(draft)

    def dropped(self, drafts: Iterable[Draft], reason: str) -> None:
        """These cards were dropped by a check on all cards, for `reason`."""
        for draft in drafts:
            number = self._card_number.get(id(draft))
            if number is not None:
                self._lost[number] = reason

    def finish(self, cards: Iterable[Draft], report: Report) -> None:
        """Count every sentence once into `report`, given the cards that made it into the decks."""
        taught = {self._card_number[id(d)] for d in cards if id(d) in self._card_number}
        untaught = dict(self._untaught)
        for number in set(self._card_number.values()) - taught:
            source, text = self._read[number]
            untaught[number] = (source, self._lost.get(number, DROPPED_LATER), text)
        report.sentences = len(self._read)
        report.taught = len(taught)
        for number in sorted(untaught):  # in reading order
            report.reject(*untaught[number])


def dropped(before: Iterable[Draft], after: Iterable[Draft]) -> list[Draft]:
    """The cards of `before` that a check left out of `after`."""
    kept = {id(d) for d in after}
    return [d for d in before if id(d) not in kept]
