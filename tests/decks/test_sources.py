"""A card's source opens only files inside the decks' and seeds' folders."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from caucasusquiz.decks.loader import read_deck
from caucasusquiz.decks.model import Card, CardType
from caucasusquiz.decks.sources import find_source, read_source, source_folders


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    seeds, decks = tmp_path / "seeds", tmp_path / "decks"
    seeds.mkdir()
    decks.mkdir()
    (seeds / "004_doc.txt").write_text("line one\nline two\n", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    return seeds, decks


def test_a_seed_file_is_found_and_read(folders):
    document = read_source("004_doc.txt", folders)
    assert document is not None and document.text.startswith("line one")


@pytest.mark.parametrize(
    "name",
    [
        "/etc/shadow",
        "/etc/passwd",
        "../../../etc/passwd",
        "../secret.txt",
        "sub/../../secret.txt",
        "C:\\Windows\\x",
    ],
)
def test_paths_outside_the_folders_are_never_opened(folders, name):
    assert find_source(name, folders) is None
    assert read_source(name, folders) is None


def test_a_symlink_out_of_the_seeds_folder_is_not_followed(folders, tmp_path):
    seeds, _ = folders
    (seeds / "link.txt").symlink_to(tmp_path / "secret.txt")
    (seeds / "zero.txt").symlink_to("/dev/zero")
    assert read_source("link.txt", folders) is None
    assert read_source("zero.txt", folders) is None


def test_the_source_line_is_ascii_digits_only():
    card = Card("d", "c", CardType.QA, "a", "q?", source="doc.txt:" + "9" * 5000)
    assert card.source_line is None
    assert Card("d", "c", CardType.QA, "a", "q?", source="doc.txt:²").source_line is None
    assert Card("d", "c", CardType.QA, "a", "q?", source="doc.txt:21").source_line == 21


@pytest.mark.parametrize("source", ["/etc/shadow:1", "../../../etc/passwd:1"])
def test_check_warns_about_a_source_outside_the_folders(write_deck, source):
    path = write_deck(
        f'title: T\ncards:\n  - id: a\n    type: qa\n    question: Q?\n    answer: A\n    source: "{source}"\n'
    )
    loaded = read_deck(path)
    assert loaded.deck is not None and len(loaded.deck.cards) == 1  # a warning: the card is kept
    (warning,) = loaded.problems
    assert not warning.is_error and warning.line == 7
    assert "outside the decks' and seeds' folders" in warning.message


async def test_the_app_source_screen_does_not_show_a_file_outside(folders, tmp_path, isolated_user_dirs):
    from datetime import UTC, datetime

    from caucasusquiz import paths
    from caucasusquiz.ui.app import make_app

    seeds, decks = folders
    (decks / "d.yaml").write_text(
        "title: D\ncards:\n  - {id: a, type: qa, question: Q?, answer: A, source: '../secret.txt:1'}\n",
        encoding="utf-8",
    )
    locations = paths.resolve(decks=decks, data_dir=isolated_user_dirs, seeds=seeds)
    now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    app = make_app(locations, None, watch_decks=False, clock=lambda: now, tz=UTC)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.opened.wait()
        await pilot.pause()
        await pilot.press("enter")  # start studying
        await pilot.pause()
        await pilot.press("enter", "o")  # reveal, then open the source
        # (`o` waits a moment for a second letter: ui/stray_typing.py)
        await asyncio.wait_for(_until(pilot, lambda: bool(app.screen.query("#document"))), 10)
        assert "secret" not in app.screen.query_one("#document").text
        assert "is not in the seeds folder" in str(app.screen.query_one("#source-title").content)


# -- a deck's own `documents:` folder (written by `generate` for a user's own article) ----------


@pytest.fixture
def article_decks(tmp_path: Path) -> Path:
    """`generate my-article.txt --out my-decks`: the article beside the decks' folder."""
    (tmp_path / "tea.txt").write_text("Tea\nTea grows in Lankaran.\n", encoding="utf-8")
    (tmp_path / "id_rsa").write_text("KEY", encoding="utf-8")
    decks = tmp_path / "my-decks"
    decks.mkdir()
    return decks


def deck_with_documents(decks: Path, documents: str) -> Path:
    path = decks / "tea.yaml"
    path.write_text(
        f"title: Tea\ndocuments: {documents}\ncards:\n"
        "  - {id: a, type: qa, question: Where?, answer: Lankaran, source: 'tea.txt:2'}\n",
        encoding="utf-8",
    )
    return path


def test_a_deck_finds_its_documents_in_its_declared_folder(folders, article_decks):
    deck = read_deck(deck_with_documents(article_decks, '".."')).deck
    assert deck is not None and deck.documents == (article_decks / "..",)
    assert read_source("tea.txt", folders) is None  # not in the seeds or decks folders
    document = read_source("tea.txt", folders, deck.documents)
    assert document is not None and document.text.startswith("Tea\n")


@pytest.mark.parametrize("name", ["id_rsa", "../secret.txt", "/etc/passwd", "../../../etc/passwd"])
def test_the_documents_folder_opens_only_text_documents_inside_it(folders, article_decks, name):
    deck = read_deck(deck_with_documents(article_decks, '".."')).deck
    assert deck is not None
    assert read_source(name, folders, deck.documents) is None


@pytest.mark.parametrize("documents", ['"/etc"', '"~/private"', '"C:\\\\Windows"', '["..", "/"]'])
def test_an_absolute_documents_folder_is_refused_with_a_warning(article_decks, documents):
    loaded = read_deck(deck_with_documents(article_decks, documents))
    assert loaded.deck is not None and all(p.name == ".." for p in loaded.deck.documents)
    assert any(
        "is not a path relative to the deck file" in p.message and p.line == 2 for p in loaded.problems
    )


def test_a_served_session_looks_in_the_seeds_only(folders):
    seeds, decks = folders
    assert source_folders(seeds, decks, served=True) == (seeds,)
    assert source_folders(seeds, decks) == (seeds, decks)


async def _until(pilot, condition) -> None:
    while not condition():
        await pilot.pause()
