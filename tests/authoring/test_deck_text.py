"""Edits from the app change only the lines they must: comments, order and quoting stay byte for byte."""

from __future__ import annotations

import pytest

from caucasusquiz.authoring.deck_text import EditError, add_card, drop_card, mark_reviewed, update_card
from caucasusquiz.decks.loader import read_deck


def lines(path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def without(after: list[str], *removed: str) -> list[str]:
    result = list(after)
    for line in removed:
        result.remove(line)
    return result


def test_mark_reviewed_adds_one_line_and_nothing_else(draft_deck):
    before = lines(draft_deck)
    edit = mark_reviewed(draft_deck, "wilson-1919", "2026-11-29")
    after = lines(draft_deck)
    assert without(after, "    reviewed: 2026-11-29") == before
    # the mark sits at the end of its own card
    assert (
        after.index("    reviewed: 2026-11-29")
        == before.index(
            '    context: "U.S. President Woodrow Wilson met the Azerbaijani delegation in Paris in 1919."'
        )
        + 1
    )
    card = read_deck(draft_deck).deck.cards[0]  # type: ignore[union-attr]
    assert card.reviewed == "2026-11-29"
    edit.undo()
    assert lines(draft_deck) == before


def test_marking_again_replaces_the_mark(draft_deck):
    mark_reviewed(draft_deck, "embassy-1992", "2026-11-28")
    once = lines(draft_deck)
    mark_reviewed(draft_deck, "embassy-1992", "2026-11-29")
    twice = lines(draft_deck)
    assert [a for a, b in zip(once, twice, strict=True) if a != b] == ["    reviewed: 2026-11-28"]


def test_update_keeps_comments_quoting_and_other_fields(draft_deck):
    before = draft_deck.read_bytes()
    update_card(
        draft_deck, "wilson-1919", {"answer": "Thomas Woodrow Wilson", "accept": ["Wilson", "W. Wilson"]}
    )
    after = lines(draft_deck)
    old = before.decode().split("\n")
    changed = [(a, b) for a, b in zip(old, after, strict=True) if a != b]
    assert changed == [
        ('    answer: "Woodrow Wilson"', '    answer: "Thomas Woodrow Wilson"'),
        ('    accept: ["Wilson"]', '    accept: ["Wilson", "W. Wilson"]'),
    ]
    assert "  # Wilson first: my class always asks about him" in after
    assert "    question: 'Which U.S. President met the Azerbaijani delegation in Paris in 1919?'" in after


def test_changing_type_replaces_the_type_fields_in_place(draft_deck):
    update_card(
        draft_deck,
        "embassy-1992",
        {
            "type": "qa",
            "text": None,
            "question": "In which year did the U.S. open its embassy in Baku?",
            "answer": "1992",
        },
    )
    deck = read_deck(draft_deck)
    assert deck.ok
    card = next(c for c in deck.deck.cards if c.id == "embassy-1992")  # type: ignore[union-attr]
    assert card.type.value == "qa" and card.answer == "1992"
    text = draft_deck.read_text(encoding="utf-8")
    assert (
        '    type: qa\n    question: "In which year did the U.S. open its embassy in Baku?"\n    answer: "1992"\n    tags: [year]'
        in text
    )


def test_an_edit_that_would_break_the_card_is_not_written(draft_deck):
    before = draft_deck.read_bytes()
    line = (
        before.decode()
        .split("\n")
        .index('    text: "The United States opened its embassy in Baku in {{1992::year}}."')
        + 1
    )
    with pytest.raises(EditError, match=f"not saved: line {line}: cloze text has no"):
        update_card(draft_deck, "embassy-1992", {"text": "No blank here."})
    assert draft_deck.read_bytes() == before


def test_drop_removes_the_card_and_records_its_id(draft_deck):
    before = draft_deck.read_text(encoding="utf-8")
    edit = drop_card(draft_deck, "embassy-tf")
    after = draft_deck.read_text(encoding="utf-8")
    card_block = before[before.index("  - id: embassy-tf") : before.index("  - id: btc-choice")]
    assert after == before.replace(card_block, "").replace("cards:\n", 'dropped: ["embassy-tf"]\ncards:\n', 1)
    deck = read_deck(draft_deck).deck
    assert deck is not None and deck.dropped == ("embassy-tf",)
    assert "embassy-tf" not in [c.id for c in deck.cards]
    drop_card(draft_deck, "btc-choice")
    assert 'dropped: ["embassy-tf", "btc-choice"]\n' in draft_deck.read_text(encoding="utf-8")
    # undoing out of order is refused: the file changed since
    with pytest.raises(EditError, match="changed since"):
        edit.undo()


def test_undo_of_a_drop_gives_back_the_file_byte_for_byte(draft_deck):
    before = draft_deck.read_bytes()
    drop_card(draft_deck, "wilson-1919").undo()
    assert draft_deck.read_bytes() == before


def test_crlf_and_bom_are_kept(draft_deck):
    text = draft_deck.read_text(encoding="utf-8").replace("\n", "\r\n")
    draft_deck.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    mark_reviewed(draft_deck, "wilson-1919", "true")
    data = draft_deck.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n    reviewed: true\r\n" in data
    assert data.count(b"\r\n") == text.count("\r\n") + 1 and b"\n" not in data.replace(b"\r\n", b"")


def test_add_card_follows_the_deck_layout(draft_deck):
    before = draft_deck.read_text(encoding="utf-8")
    add_card(
        draft_deck,
        {
            "id": "sec907",
            "type": "qa",
            "question": "Which section banned direct aid?",
            "answer": "Section 907",
            "source": "004_x.txt:8",
            "reviewed": "2026-11-29",
        },
        after_id="btc-choice",
    )
    after = draft_deck.read_text(encoding="utf-8")
    new = (
        '\n  - id: sec907\n    type: qa\n    question: "Which section banned direct aid?"\n'
        '    answer: "Section 907"\n    source: "004_x.txt:8"\n    reviewed: 2026-11-29'
    )
    assert after == before.replace("\n\n  - id: hand-made", "\n" + new + "\n\n  - id: hand-made")
    deck = read_deck(draft_deck)
    assert deck.ok
    ids = [c.id for c in deck.deck.cards]  # type: ignore[union-attr]
    assert ids == ["wilson-1919", "embassy-1992", "embassy-tf", "btc-choice", "sec907", "hand-made", "scp"]


def test_unknown_card_is_a_clear_error(draft_deck):
    with pytest.raises(EditError, match=r"card 'nope' is no longer in early\.yaml"):
        mark_reviewed(draft_deck, "nope", "true")


def test_set_study_writes_one_line_above_cards_then_replaces_it(draft_deck):
    from caucasusquiz.authoring.deck_text import set_study

    before = lines(draft_deck)
    set_study(draft_deck, True)
    assert without(lines(draft_deck), "study: reviewed") == before
    assert lines(draft_deck)[lines(draft_deck).index("study: reviewed") + 1] == "cards:"
    assert read_deck(draft_deck).deck.reviewed_only  # type: ignore[union-attr]
    set_study(draft_deck, False)
    assert without(lines(draft_deck), "study: all") == before
    assert not read_deck(draft_deck).deck.reviewed_only  # type: ignore[union-attr]
