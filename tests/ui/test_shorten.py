"""The one rule for shortening a title: at a word boundary, ending in "…"."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from caucasusquiz.ui.shorten import shorten

LONG = "Energy, trade and the economy: pipelines, contracts, sanctions and the oil of the Caspian"


def test_a_title_that_fits_is_whole():
    assert shorten("Early history", 13) == "Early history"


@pytest.mark.parametrize(
    ("cells", "shown"),
    [
        (46, "Energy, trade and the economy: pipelines…"),  # not "pipelines, cont…"
        (38, "Energy, trade and the economy…"),  # no "economy:…" left hanging
        (33, "Energy, trade and the economy…"),
        (12, "Energy…"),
    ],
)
def test_a_long_title_is_cut_after_a_whole_word(cells, shown):
    assert shorten(LONG, cells) == shown
    assert cell_len(shown) <= cells


def test_a_dash_between_words_is_a_boundary_too():
    assert shorten("Azerbaijan–United States relations: history", 30) == "Azerbaijan–United States…"
    assert shorten("Azerbaijan–United States relations: history", 20) == "Azerbaijan–United…"
    assert shorten("Azerbaijan–United States relations: history", 15) == "Azerbaijan…"


def test_a_first_word_longer_than_the_room_is_cut_inside_it():
    assert shorten("Transcaucasian federation", 8) == "Transca…"
    assert shorten("anything", 1) == "…" and shorten("anything", 0) == ""


def test_wide_characters_count_as_two_cells():
    title = "日本語 の デッキ と その 歴史"
    shown = shorten(title, 12)
    assert cell_len(shown) <= 12 and shown.endswith("…") and title.startswith(shown[:-1])
