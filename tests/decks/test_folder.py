"""Which files in a decks folder are decks: the app, `check` and `copy-decks` agree."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from caucasusquiz import paths
from caucasusquiz.cli import main
from caucasusquiz.commands.copy_decks import copy_decks
from caucasusquiz.decks.folder import TOPICS_FILE, deck_files, is_deck_file_name
from caucasusquiz.study.overview_cache import deck_files_signature
from caucasusquiz.workspace import load_decks

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("name", "is_deck"),
    [
        ("history.yaml", True),
        ("history.YML", True),
        ("topics.yaml", False),  # the generator's list of decks
        (".history.yaml", False),  # hidden: an editor's backup
        ("notes.txt", False),
    ],
)
def test_which_names_are_deck_files(name: str, is_deck: bool):
    assert is_deck_file_name(name) is is_deck


@pytest.fixture
def folder(tmp_path: Path, example_deck: Path) -> Path:
    """A decks folder with two decks, the seeds' topics file and files that are not decks."""
    decks = tmp_path / "decks"
    decks.mkdir()
    shutil.copy(example_deck, decks / "history.yaml")
    (decks / "extra.yml").write_text("title: Extra\ncards:\n  - id: a\n    question: Q?\n    answer: A\n")
    shutil.copy(ROOT / "seeds" / TOPICS_FILE, decks / TOPICS_FILE)
    (decks / ".backup.yaml").write_text("title: Old\ncards: []\n")
    (decks / "old.yaml").mkdir()
    return decks


def test_a_topics_file_in_the_decks_folder_is_not_a_deck_in_the_app(folder: Path):
    """`check` and `copy-decks` skipped it, but the app loaded it as a deck: a broken one
    (no title, no cards) on the home screen."""
    collection = load_decks(paths.resolve(decks=folder))
    assert sorted(deck.id for deck in collection.decks) == ["extra", "history"]
    assert [load.path.name for load in collection.loads if load.path.name == TOPICS_FILE] == []
    assert collection.problems == []


def test_the_app_check_and_copy_decks_count_the_same_deck_files(folder: Path, tmp_path: Path, capsys):
    names = ["extra.yml", "history.yaml"]
    assert [path.name for path in deck_files([folder])] == names
    assert sorted(load.path.name for load in load_decks(paths.resolve(decks=folder)).loads) == names
    assert [entry[0] for entry in deck_files_signature(folder)] == names  # the home screen's cache
    assert main(["check", str(folder)]) == 0
    assert "2 deck files, " in capsys.readouterr().out
    assert copy_decks(folder, tmp_path / "copy").decks == 2


def test_a_topics_file_named_on_its_own_is_never_read_as_a_deck(folder: Path):
    assert deck_files([folder / TOPICS_FILE, folder / "history.yaml"]) == [folder / "history.yaml"]
