"""Which sentence `o` highlights on a card's source line, and where its cursor lands.

`tests/data/source_viewer/card_sentences.json` holds every card of the bundled decks (as the
decks were when the viewer was made one pass instead of one cleaning per word) with the
columns the viewer selected for it and the sentence `c` then finds at the cursor. The seeds
do not change (they are kept as scraped), so these must not change either.
"""

from __future__ import annotations

import json
import re
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest

from caucasusquiz.authoring.cursor_sentence import sentences_on_line
from caucasusquiz.authoring.new_card import sentence_at
from caucasusquiz.decks.model import Card, CardType
from caucasusquiz.ui.screens.source import card_sentence_columns

ROOT = Path(__file__).resolve().parents[2]
PINNED = json.loads(
    (ROOT / "tests" / "data" / "source_viewer" / "card_sentences.json").read_text(encoding="utf-8")
)


@cache
def _seed_lines(name: str) -> tuple[str, ...]:
    return tuple((ROOT / "seeds" / name).read_text(encoding="utf-8").splitlines())


def _card(fields: dict[str, object]) -> Card:
    return Card(
        deck_id="pinned",
        id=str(fields["id"]),
        type=CardType(fields["type"]),
        answer=str(fields["answer"]),
        prompt=str(fields["prompt"]),
        accept=tuple(fields["accept"]),  # type: ignore[arg-type]
        source=str(fields["source"]),
        context=fields["context"],  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("pinned", PINNED, ids=[entry["card"]["id"] for entry in PINNED])
def test_the_viewer_selects_the_same_sentence_of_every_bundled_card(pinned):
    card = _card(pinned["card"])
    lines = _seed_lines(card.source_file)
    row = card.source_line - 1
    start, end = card_sentence_columns(lines, row, card)
    assert [start, end] == pinned["selected"], lines[row][start:end]
    assert sentence_at(lines[row], start, lines, row) == pinned["sentence_at_start"]


def test_a_long_wiki_line_selects_the_cards_sentence_with_the_cursor_in_it():
    # 004's line 168 is 152 words long: several sentences of one paragraph, a citation dropped
    # by the cleaning among them. The highlight starts at the card's sentence, not at the
    # dropped citation before it ("Mark C. “Sentencing…”", as it did).
    pinned = next(entry for entry in PINNED if entry["card"]["id"] == "melia-foreign-ngos")
    card = _card(pinned["card"])
    lines = _seed_lines(card.source_file)
    start, end = card_sentence_columns(lines, 167, card)
    assert 0 < start < end < len(lines[167])  # one sentence of the line, not the whole line
    assert lines[167][start:end].startswith("Deputy Assistant Secretary Melia's statement")
    assert lines[167][start:end].endswith("withholding travel rights to activists.")
    # The cursor is in the card's sentence, the one `c` then makes a card of.
    sentence = sentence_at(lines[167], start, lines, 167)
    assert sentence.startswith("Deputy Assistant Secretary Melia's statement lists")
    assert card.context.endswith(sentence)


@pytest.mark.parametrize(
    ("name", "row"),
    [
        ("004_0090684c75a18b22.txt", 167),  # 152 words, one paragraph
        ("004_0090684c75a18b22.txt", 20),  # a wiki link's line, its preview on the next
        ("004_0090684c75a18b22.txt", 21),  # a link preview
        ("004_0090684c75a18b22.txt", 0),  # the title: no prose, the line's own sentences
        ("001_1159552fd4ce1a0f.txt", 10),  # lost numbers and cut sentences
        ("003_fe87461889a8b6c3.txt", 31),
    ],
)
def test_the_sentences_of_a_line_are_the_sentence_under_the_cursor_at_each_word(name, row):
    lines = _seed_lines(name)
    spans = sentences_on_line(lines, row)
    for word in re.finditer(r"\S+", lines[row]):
        span = next(span for span in spans if span.start <= word.start() < span.end)
        assert span.sentence == sentence_at(lines[row], word.start(), lines, row), word.group()
    assert all(before.end <= after.start for before, after in pairwise(spans))


def test_a_blank_line_has_no_sentences():
    assert sentences_on_line(["A sentence.", "", "Another."], 1) == []
