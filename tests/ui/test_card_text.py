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
