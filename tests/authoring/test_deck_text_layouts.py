"""Deck text edits on layouts teachers write by hand: block scalars, block lists, comments, no final newline."""

from __future__ import annotations

from caucasusquiz.authoring.deck_text import drop_card, mark_reviewed, update_card
from caucasusquiz.decks.loader import read_deck

HAND = """\
title: Hand-written   # mine
cards:
  - type: choice        # type first, id second
    id: btc
    question: >-
      Which pipeline did the U.S. back
      as the main route for Caspian oil?
    answer: Baku–Tbilisi–Ceyhan
    distractors:
      - Nabucco      # a real project, never built
      - South Stream
      - Trans-Adriatic
    context: |
      Washington backed the Baku–Tbilisi–Ceyhan pipeline.

  # the last card, and no newline at the end of the file
  - id: capital
    question: What is the capital of Azerbaijan?
    answer: Baku"""


def test_reviewed_goes_after_a_block_scalar_not_inside_it(write_deck):
    path = write_deck(HAND)
    mark_reviewed(path, "btc", "2026-11-29")
    text = path.read_text(encoding="utf-8")
    assert (
        "      Washington backed the Baku–Tbilisi–Ceyhan pipeline.\n    reviewed: 2026-11-29\n\n  # the last"
        in text
    )
    deck = read_deck(path)
    assert deck.ok
    card = deck.deck.cards[0]  # type: ignore[union-attr]
    assert (
        card.context == "Washington backed the Baku–Tbilisi–Ceyhan pipeline."
        and card.reviewed == "2026-11-29"
    )


def test_last_card_without_final_newline(write_deck):
    path = write_deck(HAND)
    mark_reviewed(path, "capital", "true")
    assert path.read_text(encoding="utf-8") == HAND + "\n    reviewed: true"
    assert read_deck(path).deck.cards[1].reviewed == "true"  # type: ignore[union-attr]


def test_block_list_and_folded_question_are_replaced_whole(write_deck):
    path = write_deck(HAND)
    update_card(
        path, "btc", {"distractors": ["Nabucco", "South Stream", "TAP"], "question": "Which pipeline?"}
    )
    text = path.read_text(encoding="utf-8")
    assert (
        '    question: "Which pipeline?"\n    answer: Baku–Tbilisi–Ceyhan\n    distractors: ["Nabucco", "South Stream", "TAP"]\n    context: |\n'
        in text
    )
    assert "  - type: choice        # type first, id second\n    id: btc\n" in text
    assert read_deck(path).ok


def test_drop_keeps_the_comment_above_the_next_card(write_deck):
    path = write_deck(HAND)
    drop_card(path, "btc")
    assert path.read_text(encoding="utf-8") == (
        'title: Hand-written   # mine\ndropped: ["btc"]\ncards:\n'
        "  # the last card, and no newline at the end of the file\n"
        "  - id: capital\n    question: What is the capital of Azerbaijan?\n    answer: Baku"
    )
    assert read_deck(path).ok


def test_cards_written_in_flow_style_are_left_to_the_editor(write_deck):
    import pytest

    from caucasusquiz.authoring.deck_text import EditError, add_card

    path = write_deck('title: T\ncards: [{id: a, question: "Q?", answer: A}]\n')
    before = path.read_bytes()
    with pytest.raises(EditError, match="one line"):
        mark_reviewed(path, "a", "true")
    with pytest.raises(EditError, match="inside"):
        add_card(path, {"id": "b", "question": "Q2?", "answer": "B"})
    assert path.read_bytes() == before


def test_a_hash_line_inside_a_literal_block_is_text_not_a_comment(write_deck):
    path = write_deck(
        "title: T\ncards:\n  - id: a\n    question: Q?\n    answer: A\n    context: |\n      first\n      # second\n"
    )
    mark_reviewed(path, "a", "true")
    card = read_deck(path).deck.cards[0]  # type: ignore[union-attr]
    assert card.context == "first\n# second" and card.reviewed == "true"


def test_mixed_line_endings_are_left_alone(write_deck):
    import pytest

    from caucasusquiz.authoring.deck_text import EditError

    path = write_deck("title: T\r\ncards:\n  - id: a\r\n    question: Q?\n    answer: A\n")
    before = path.read_bytes()
    with pytest.raises(EditError, match="mixes line endings"):
        mark_reviewed(path, "a", "true")
    assert path.read_bytes() == before


def test_a_deck_that_cannot_be_saved_is_a_clear_error_not_a_traceback(write_deck, monkeypatch):
    import pytest

    from caucasusquiz.authoring import deck_text, yaml_text

    def refuse(path, data):
        raise PermissionError(13, "Permission denied")

    path = write_deck(HAND)
    before = path.read_bytes()
    monkeypatch.setattr(yaml_text, "write_atomically", refuse)
    with pytest.raises(deck_text.EditError, match=r"cannot save \(Permission denied\); nothing was changed"):
        mark_reviewed(path, "btc", "true")
    assert path.read_bytes() == before
