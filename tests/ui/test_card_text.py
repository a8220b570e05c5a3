"""Card text wrapped to the card's box: Rich's word wrap, with the cloze blank kept whole."""

from __future__ import annotations

import random
from itertools import pairwise

from rich.cells import cell_len

from caucasusquiz.ui.widgets.card_text import line_starts

WORDS = ["a", "the", "Azerbaijan", "1992", "İlham", "世界", "[", "…", "x" * 30]


def test_lines_break_between_words_and_fold_a_word_longer_than_a_line():
    assert line_starts("one two three", 7) == [8]
    assert line_starts("x" * 10, 4) == [4, 8]
    assert line_starts("short", 80) == []


def test_wrapped_lines_keep_every_character_and_fit_the_width():
    rng = random.Random(7)
    for _ in range(500):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 30)))
        width = rng.randint(5, 60)
        starts = [0, *line_starts(text, width), len(text)]
        lines = [text[start:end] for start, end in pairwise(starts)]
        assert "".join(lines) == text
        assert all(cell_len(line.rstrip()) <= width for line in lines), (text, width, lines)
        # A word is broken only when it is longer than a line.
        for line in lines[:-1]:
            if line and not line[-1].isspace():
                assert cell_len(line) >= width - 1, (text, width, lines)


def test_an_almost_against_another_accepted_form_shows_the_cards_own_answer_first():
    # A new user typed "the military operation" and read "Correct: the Karabakh military
    # operation": an accepted form the card never states, taken for the answer.
    from caucasusquiz.decks.model import Card, CardType
    from caucasusquiz.study.answers.typed import check_typed
    from caucasusquiz.ui.widgets.card_text import feedback_text

    answer = "the anti-terrorist measures in Karabakh"
    accept = ["the Karabakh military operation"]
    check = check_typed("the military operation", answer, accept)
    card = Card(
        deck_id="d", id="c", type=CardType.QA, prompt="Which action?", answer=answer, accept=tuple(accept)
    )
    lines = feedback_text(card, check).plain.splitlines()
    assert lines[1] == f"Correct: {answer}"
    assert lines[2] == "Closest accepted: the Karabakh military operation"


def test_an_almost_against_the_answer_itself_shows_it_once():
    from caucasusquiz.decks.model import Card, CardType
    from caucasusquiz.study.answers.typed import check_typed
    from caucasusquiz.ui.widgets.card_text import feedback_text

    check = check_typed("Woodrow Wilsn", "Woodrow Wilson")
    card = Card(deck_id="d", id="c", type=CardType.QA, prompt="Who?", answer="Woodrow Wilson")
    assert feedback_text(card, check).plain.splitlines()[1:] == ["Correct: Woodrow Wilson"]
