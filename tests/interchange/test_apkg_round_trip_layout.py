"""A deck made from the teacher's own article, through an Anki package and back.

newuser5 F-J: the re-imported deck had lost `documents:` (the link to its article) and
`tags: []`, and wrote `reviewed: "2026-11-29"` above `source:` instead of last and bare,
as the author screen writes it. Now only the two comment lines at the top differ (they say
where the file came from) when the folder is at the same depth; elsewhere `documents:` is
rewritten so that it still finds the article.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from caucasusquiz.authoring import deck_text
from caucasusquiz.cli import main
from caucasusquiz.decks.loader import read_deck
from caucasusquiz.decks.sources import find_source

from .helpers import ROOT

ARTICLE = ROOT / "tests" / "generator" / "data" / "treaty_of_lindholm.txt"
DECK = "treaty-lindholm.yaml"


@pytest.fixture
def authored(tmp_path: Path, capsys) -> Path:
    """`generate` from an article, then an author's work: a deck tag, a card dropped,
    `study: reviewed`, every card kept (signed off by date or with `true`)."""
    (tmp_path / "articles").mkdir()
    shutil.copy(ARTICLE, tmp_path / "articles")
    decks = tmp_path / "decks"
    assert main(["generate", str(tmp_path / "articles" / ARTICLE.name), "--out", str(decks)]) == 0
    path = decks / DECK
    path.write_text(
        path.read_text(encoding="utf-8").replace("tags: []", "tags: [lindholm]"), encoding="utf-8"
    )
    loaded = read_deck(path)
    assert loaded.deck is not None
    first, *others = [card.id for card in loaded.deck.cards]
    deck_text.drop_card(path, first)
    deck_text.set_study(path, True)
    for n, card_id in enumerate(others):
        deck_text.mark_reviewed(path, card_id, "true" if n == 1 else "2026-11-29")
    capsys.readouterr()
    return path


def round_trip(deck: Path, out: Path) -> Path:
    package = deck.parent.parent / "lindholm.apkg"
    assert (
        main(["export", "cards", "--decks", str(deck.parent), "--format", "apkg", "--out", str(package)]) == 0
    )
    assert main(["import", str(package), "--out", str(out)]) == 0
    assert main(["check", str(out)]) == 0
    return out / deck.name


def test_a_deck_comes_back_byte_for_byte_but_its_first_two_comment_lines(authored: Path, capsys):
    back = round_trip(authored, authored.parent.parent / "colleague")
    original = authored.read_text(encoding="utf-8")
    text = back.read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith("# Imported by `caucasusquiz import` from lindholm.apkg")
    assert text.splitlines(keepends=True)[2:] == original.splitlines(keepends=True)[2:]
    for line in ('documents: "../articles"', "tags: [lindholm]", "study: reviewed", "reviewed: true"):
        assert line in text.splitlines() or "    " + line in text.splitlines()


def test_the_imported_deck_still_finds_its_article_from_a_deeper_folder(authored: Path):
    back = round_trip(authored, authored.parent.parent / "term-2" / "class-9b" / "decks")
    assert 'documents: "../../../articles"' in back.read_text(encoding="utf-8").splitlines()
    deck = read_deck(back).deck
    assert deck is not None
    assert find_source(ARTICLE.name, [], deck.documents) == authored.parent.parent / "articles" / ARTICLE.name


def test_without_the_article_on_this_machine_documents_stays_as_written(authored: Path):
    package_home = authored.parent.parent
    back = round_trip(authored, package_home / "elsewhere" / "deep" / "decks")
    # what a colleague without the article gets: the path as the author wrote it, which
    # works again once the article is put beside the decks the same way
    shutil.rmtree(package_home / "articles")
    again = round_trip(back, package_home / "second" / "decks")
    assert 'documents: "../../../articles"' in again.read_text(encoding="utf-8").splitlines()


def test_a_draft_comes_back_a_draft_marked_last_like_a_review(tmp_path: Path, capsys):
    (tmp_path / "articles").mkdir()
    shutil.copy(ARTICLE, tmp_path / "articles")
    decks = tmp_path / "decks"
    assert main(["generate", str(tmp_path / "articles" / ARTICLE.name), "--out", str(decks)]) == 0
    back = round_trip(decks / DECK, tmp_path / "back")
    cards = re.split(r"\n\n", back.read_text(encoding="utf-8").split("cards:\n", 1)[1])
    # the generator's record of its drafts (.generated.json) stays with the original folder
    assert all(card.rstrip("\n").endswith("    reviewed: false") for card in cards)
    assert not any("# Anki note" in card for card in cards)


def test_a_second_export_from_the_deck_cache_still_carries_documents(authored: Path):
    """The deck cache once dropped `documents:` (newuser5 F-A); it keeps it now, so the link
    to the article survives whichever way the deck was loaded."""
    first = round_trip(authored, authored.parent.parent / "first")
    second = round_trip(authored, authored.parent.parent / "second")  # the deck now comes from the cache
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")


def test_the_deck_fields_travel_in_a_comment_that_html_cannot_end_early():
    from caucasusquiz.interchange import anki_notes
    from caucasusquiz.interchange.common import DeckFields

    fields = DeckFields(("title", "documents"), (), ("../a -->b&<c>",), ("/x/a -->b&<c>",), "all")
    description = anki_notes.description_with_carried("Cards &amp; more", ("gone-1",), fields)
    assert description.count("-->") == 2 and "<c>" not in description
    assert anki_notes.carried_in_description(description) == ("Cards &amp; more", ("gone-1",), fields)
    # a hand-edited or foreign comment is left out, never trusted
    broken = "Cards<!-- caucasusquiz deck: {not json} -->"
    assert anki_notes.carried_in_description(broken) == ("Cards", (), None)
