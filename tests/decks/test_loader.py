"""Reading decks: what the cards mean, and the cache that makes start-up fast."""

from __future__ import annotations

import os
from pathlib import Path

from caucasusquiz.decks.cache import DeckCache
from caucasusquiz.decks.collection import load_collection, load_deck
from caucasusquiz.decks.loader import read_deck
from caucasusquiz.decks.model import CardType


def test_example_deck_reads_into_cards(example_deck: Path):
    deck = read_deck(example_deck).deck
    assert deck.id == "example-deck"
    assert deck.title == "Azerbaijan–United States relations: history"
    by_id = {card.id: card for card in deck.cards}
    wilson = by_id["wilson-1919"]
    assert wilson.type is CardType.CLOZE
    assert wilson.answer == "Woodrow Wilson"
    assert wilson.question == "U.S. President […] met the Azerbaijani delegation in Paris in 1919."
    assert (
        wilson.full_text == "U.S. President Woodrow Wilson met the Azerbaijani delegation in Paris in 1919."
    )
    assert wilson.tags == ("history", "diplomacy")  # deck tags first, then the card's own
    assert wilson.source_file == "004_0090684c75a18b22.txt" and wilson.source_line == 21
    assert wilson.context.startswith("A first encounter") and "\n" not in wilson.context
    assert wilson.line == 7
    assert by_id["sec907"].accept == ("907",)
    assert by_id["btc"].distractors == ("Nabucco", "South Stream", "Trans-Adriatic")
    assert by_id["embassy"].answer == "true" and by_id["embassy"].prompt.startswith("The United States")
    assert by_id["embassy-date"].hint == "month day, year"
    assert by_id["embassy-date"].answer == "March 16, 1992"


def test_cache_returns_the_same_deck_as_parsing(example_deck: Path, tmp_path: Path):
    cache = DeckCache(tmp_path / "cache")
    fresh = load_deck(example_deck, cache)
    cached = cache.get(example_deck, "example-deck")
    assert cached is not None
    assert cached.deck == fresh.deck
    assert cached.problems == fresh.problems


def test_cache_keeps_every_field_of_the_deck(write_deck, tmp_path: Path):
    """The second start reads decks from the cache: an imported deck's drafts (`reviewed: false`)
    stayed drafts only on the first, and `documents:` was forgotten, so the source viewer stopped
    finding the deck's articles."""
    path = write_deck(
        'title: T\ndocuments: "../articles"\nstudy: reviewed\ndropped: [old]\ntags: [x]\n'
        "cards:\n  - {id: a, question: Q?, answer: A, reviewed: false, source: 'a.txt:3', context: C}\n"
        "  - {id: b, text: 'In {{1992::year}}.', reviewed: 2026-11-29}\n"
    )
    cache = DeckCache(tmp_path / "cache")
    fresh = load_deck(path, cache)
    cached = cache.get(path, path.stem)
    assert cached is not None
    assert cached.deck.documents == (path.parent / "../articles",)
    assert cached.deck.cards[0].draft
    assert cached.deck == fresh.deck


def test_cache_keeps_problems_too(write_deck, tmp_path: Path):
    path = write_deck("title: T\ncards:\n  - {id: a, type: quiz}\n  - {id: b, question: Q?, answer: A}\n")
    cache = DeckCache(tmp_path / "cache")
    load_deck(path, cache)
    cached = cache.get(path, path.stem)
    assert [p.line for p in cached.errors] == [3]
    assert [c.id for c in cached.deck.cards] == ["b"]


def test_cache_notices_an_edit(write_deck, tmp_path: Path):
    path = write_deck("title: Old\ncards: []\n")
    cache = DeckCache(tmp_path / "cache")
    assert load_deck(path, cache).deck.title == "Old"
    path.write_text("title: New title\ncards: []\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert load_deck(path, cache).deck.title == "New title"


def test_damaged_cache_is_ignored_and_rewritten(example_deck: Path, tmp_path: Path):
    cache = DeckCache(tmp_path / "cache")
    load_deck(example_deck, cache)
    (entry,) = (tmp_path / "cache").iterdir()
    for garbage in (b"{not json", b'{"identity": 1}', b"\x00\xff", b'{"identity": [], "deck_id": 3}'):
        entry.write_bytes(garbage)
        assert load_deck(example_deck, cache).deck.title.startswith("Azerbaijan")
    assert cache.get(example_deck, "example-deck") is not None


def test_unwritable_cache_is_not_an_error(example_deck: Path, tmp_path: Path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    assert load_deck(example_deck, DeckCache(blocker)).deck is not None


def test_collection_finds_decks_and_cards(example_deck: Path, write_deck):
    other = write_deck("title: Other\ncards:\n  - {id: wilson-1919, question: Q?, answer: A}\n", "other.yaml")
    collection = load_collection([example_deck, other])
    assert [d.id for d in collection.decks] == ["example-deck", "other"]
    # The same card id in two decks is two cards: progress is keyed by (deck, card).
    assert collection.card("example-deck", "wilson-1919").type is CardType.CLOZE
    assert collection.card("other", "wilson-1919").type is CardType.QA
    assert collection.find_deck("Other").id == "other"
    assert collection.find_deck("other.yaml").id == "other"
    assert len(collection) == 6
