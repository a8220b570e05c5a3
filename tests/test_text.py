"""The shared text helpers: one fold for every comparison, and text made safe to print."""

from __future__ import annotations

import pytest

from caucasusquiz.study.answers import normalize
from caucasusquiz.study.browse import parse_query
from caucasusquiz.text import fold, strip_forbidden


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Heydər Əliyev", "heyder eliyev"),
        ("İlham", "ilham"),
        ("Bakı", "baki"),
        ("Şuşa Ağdam Gəncə", "susa agdam gence"),
        ("Straße", "strasse"),
        ("Café", "cafe"),
    ],
)
def test_fold_is_lower_case_without_accents_and_schwa_is_e(text: str, folded: str):
    assert fold(text) == folded


def test_search_and_answer_checking_fold_the_same_way():
    # Both used to have their own fold; search must find what answer checking treats as equal.
    assert parse_query("Heydər").words == (fold("Heydər"),)
    assert normalize("Heydər Əliyev") == fold("Heydər Əliyev")


def test_strip_forbidden_leaves_no_escape_and_no_undecodable_byte():
    shown = strip_forbidden("deck\x1b]0;pwned\x07 " + "bad-\udcff.yaml")
    assert shown == "deck\ufffd]0;pwned\ufffd bad-\ufffd.yaml"
    assert strip_forbidden("a\x9b31mb") == "a\ufffd31mb"


def test_the_generator_folds_letters_the_same_way():
    # The generator read ə as a ("heydar"), answer checking as e: one fold now.
    from caucasusquiz.generator.entities import fold as entity_key

    assert entity_key("Heydər Əliyev") == "heyder eliyev"
    assert entity_key("U.S. İlham") == "us ilham"


def test_the_deck_checker_compares_folded_text(write_deck):
    from caucasusquiz.decks.loader import read_deck

    path = write_deck(
        "title: T\ncards:\n  - id: a\n    type: choice\n    question: Capital?\n    answer: Bakı\n"
        "    distractors: [Baki, Ganja, Sumqayıt]\n"
    )
    (error,) = read_deck(path).errors
    assert "also listed as a distractor" in error.message
