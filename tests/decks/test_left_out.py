"""What a teacher is told about cards left out, from what the loader counted while reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from caucasusquiz.decks.cache import DeckCache
from caucasusquiz.decks.collection import load_collection, load_deck
from caucasusquiz.decks.left_out import cards_left_out, whole_file_left_out
from caucasusquiz.decks.loader import read_deck

HEAD = "title: T\ncards:\n"
UNCLOSED = (
    HEAD + '  - id: b\n    question: Q2?\n    answer: "B\n  - id: c\n    question: Q3?\n    answer: C\n'
)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (UNCLOSED, "deck.yaml: whole file left out (2 cards) until the syntax error is fixed"),
        (
            "cards:\n  - {id: a, question: Q?, answer: A}\n",  # no title
            "deck.yaml: whole file left out (1 card) until its errors are fixed",
        ),
        ("- id: a\n", "deck.yaml: whole file left out until its errors are fixed"),  # not a deck
        (HEAD + "  - {id: a, question: Q?, answer: A}\n", None),
    ],
    ids=["syntax error", "no title", "not a mapping", "loads"],
)
def test_whole_file_left_out_says_what_it_costs(write_deck, text, said):
    assert whole_file_left_out(read_deck(write_deck(text))) == said


def test_the_count_needs_no_second_read_of_the_file(write_deck):
    """The cards a broken file costs were counted while it was read: by the time the note is
    written the file may have changed (or gone), and it must not be read again for a count."""
    path = write_deck(UNCLOSED)
    loaded = read_deck(path)
    path.unlink()
    assert (
        whole_file_left_out(loaded)
        == "deck.yaml: whole file left out (2 cards) until the syntax error is fixed"
    )


def test_the_cache_keeps_the_count_and_the_kind_of_problem(write_deck, tmp_path: Path):
    """Second start, from the cache: the app says the same as on the first."""
    path = write_deck(UNCLOSED)
    cache = DeckCache(tmp_path / "cache")
    fresh = load_deck(path, cache)
    cached = cache.get(path, path.stem)
    assert cached is not None
    assert cached.written == 2 and cached.problems == fresh.problems
    assert whole_file_left_out(cached) == whole_file_left_out(fresh)


def test_cards_left_out_by_reason(write_deck):
    write_deck(UNCLOSED, "broken.yaml")
    folder = write_deck(
        HEAD + "  - {id: a, question: Q1?, answer: A}\n"
        "  - {id: a, question: Q2?, answer: B}\n"  # duplicate id
        "  - {id: c, question: Q3?}\n",  # no answer
        "partly.yaml",
    ).parent
    left_out = cards_left_out(load_collection([folder]).loads)
    assert (left_out.whole_files, left_out.in_whole_files, left_out.duplicate_ids, left_out.with_errors) == (
        1,
        2,
        1,
        1,
    )
    assert str(left_out) == "4 left out: 2 in a file left out whole, 1 duplicate id, 1 with errors"


def test_nothing_left_out_says_nothing(write_deck):
    path = write_deck(HEAD + "  - {id: a, question: Q?, answer: A}\n")
    left_out = cards_left_out(load_collection([path]).loads)
    assert left_out.total == 0 and str(left_out) == ""


def test_a_second_file_with_the_same_deck_id_is_counted_too(write_deck):
    write_deck(HEAD + "  - {id: a, question: Q?, answer: A}\n", "history.yaml")
    twin = write_deck(
        HEAD + "  - {id: a, question: Q?, answer: A}\n  - {id: b, question: R?, answer: B}\n", "history.yml"
    )
    collection = load_collection([twin.parent])
    (out,) = [load for load in collection.loads if load.left_out_whole]
    assert out.path == twin
    assert (
        whole_file_left_out(out)
        == "history.yml: whole file left out (2 cards) until one of the two files is renamed"
    )
    assert str(cards_left_out(collection.loads)) == "2 left out: 2 in a file left out whole"


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (
            b"\x89PNG\r\n\x1a\n\x00\x00",
            "deck.yaml: whole file left out: it is not a text file (move it out of the decks folder)",
        ),
        (b"title: caf\xe9\ncards: []\n", "deck.yaml: whole file left out until it is saved as UTF-8 text"),
    ],
    ids=["binary", "not UTF-8"],
)
def test_a_file_that_is_no_deck_says_what_would_bring_it_back(tmp_path: Path, content: bytes, said: str):
    """ "photo.yaml: whole file left out until its errors are fixed" gave nothing to do."""
    path = tmp_path / "deck.yaml"
    path.write_bytes(content)
    assert whole_file_left_out(read_deck(path)) == said


def test_a_huge_file_is_to_be_split(tmp_path: Path):
    path = tmp_path / "deck.yaml"
    with path.open("wb") as handle:
        handle.truncate(17 * 1024 * 1024)
    assert (
        whole_file_left_out(read_deck(path))
        == "deck.yaml: whole file left out until it is split into smaller deck files"
    )
