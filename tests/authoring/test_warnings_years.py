"""The author screen's warnings read a year as the generator does (generator.dates): a card
the generator would not write for want of a year is not waved through by the author's check,
and a year the generator reads ("the 1990s") is one here too."""

from __future__ import annotations

import pytest

from caucasusquiz.authoring.warnings import kind_of, warnings_for
from caucasusquiz.decks.model import Card, CardType
from caucasusquiz.generator.dates import ANY_YEAR


def qa(question: str, answer: str = "Baku") -> Card:
    return Card(deck_id="d", id="c", type=CardType.QA, answer=answer, prompt=question)


def time_warned(question: str) -> bool:
    return "time" in {w.code for w in warnings_for(qa(question))}


@pytest.mark.parametrize(
    "question",
    [
        "Which city did the envoy visit last October, after the 1550 treaty?",
        "Which city hosted talks this year, with 1599 delegates?",
    ],
)
def test_a_1500s_count_is_no_year_for_either(question):
    assert ANY_YEAR.search(question) is None
    assert time_warned(question)  # "last October" / "this year" still needs a year


def test_a_decade_is_a_year_for_both():
    question = "Which city grew fastest in the past decades, since the 1990s?"
    assert ANY_YEAR.search(question) is not None
    assert not time_warned(question)


def test_kind_of_a_year_is_the_generators_year():
    assert kind_of("1992") == "year"
    # An answer that is a year alone is a year before 1600 too ("1066"), as an option is to
    # the generator; a count written with its comma is a number.
    assert kind_of("1066") == "year"
    assert kind_of("1,550") == "number"
