"""Deck files that are not files: a symlink to /dev/zero or /dev/urandom, a FIFO, a name that
is not UTF-8, control characters in a name. Each is a clear problem, never a hang or a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from caucasusquiz.decks.cache import DeckCache
from caucasusquiz.decks.collection import load_collection
from caucasusquiz.decks.fix import add_missing_ids

GOOD = "title: Good\ncards:\n  - {id: a, type: qa, question: Q?, answer: A}\n"


def run_check(folder: Path, *extra: str) -> subprocess.CompletedProcess[bytes]:
    # In a subprocess with a timeout: a FIFO used to block `check` for ever.
    return subprocess.run(
        [sys.executable, "-m", "caucasusquiz", "check", str(folder), *extra],
        capture_output=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "good.yaml").write_text(GOOD, encoding="utf-8")
    return decks


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_symlink_to_an_endless_device_is_refused_without_reading_it(folder: Path, device: str):
    (folder / "x.yaml").symlink_to(device)
    result = run_check(folder)
    assert result.returncode == 1
    assert b"x.yaml:1: error: is not a regular file" in result.stdout
    assert b"Traceback" not in result.stderr
    assert load_collection([folder]).deck("good") is not None  # the good deck still loads


def test_a_fifo_does_not_hang_check_study_or_the_fixer(folder: Path):
    os.mkfifo(folder / "x.yaml")
    result = run_check(folder, "--fix")
    assert result.returncode == 1 and b"x.yaml:1: error: is not a regular file" in result.stdout
    assert add_missing_ids(folder / "x.yaml") == []
    collection = load_collection([folder], DeckCache(folder.parent / "cache"))
    assert [p.message for p in collection.errors] == ["is not a regular file (a device, a pipe or a socket)"]


def test_a_deck_file_name_that_is_not_utf8_is_a_problem_not_a_traceback(folder: Path, tmp_path: Path):
    name = os.fsdecode(b"bad-\xff.yaml")
    (folder / name).write_text(GOOD, encoding="utf-8")
    collection = load_collection([folder], DeckCache(tmp_path / "cache"))  # the cache wrote JSON and crashed
    assert [p.message for p in collection.errors] == ["the file name is not printable UTF-8 text"]
    assert collection.deck("good") is not None
    result = run_check(folder)
    assert result.returncode == 1 and b"Traceback" not in result.stderr
    assert "bad-\ufffd.yaml:1: error: the file name is not printable UTF-8 text" in result.stdout.decode()


def test_escape_sequences_in_file_names_never_reach_the_terminal(folder: Path):
    (folder / "evil\x1b]0;pwned\x07.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    result = run_check(folder)
    assert result.returncode == 1
    assert b"\x1b" not in result.stdout + result.stderr and b"\x07" not in result.stdout + result.stderr
    assert "evil\ufffd]0;pwned\ufffd.yaml" in result.stdout.decode()


def test_a_missing_path_with_escapes_is_reported_safely(tmp_path: Path):
    result = run_check(tmp_path / "no\x1b[2Jpe")
    assert result.returncode == 1
    assert b"\x1b" not in result.stderr and "no\ufffd[2Jpe" in result.stderr.decode()


async def test_the_app_opens_with_a_fifo_and_a_device_among_the_decks(folder: Path, isolated_user_dirs):
    import asyncio
    from datetime import UTC, datetime

    from caucasusquiz import paths
    from caucasusquiz.ui.app import make_app

    os.mkfifo(folder / "pipe.yaml")
    (folder / "zero.yaml").symlink_to("/dev/zero")
    now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    app = make_app(
        paths.resolve(decks=folder, data_dir=isolated_user_dirs),
        None,
        watch_decks=False,
        clock=lambda: now,
        tz=UTC,
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await asyncio.wait_for(app.opened.wait(), timeout=30)
        await pilot.pause()
        assert app.workspace is not None
        assert app.workspace.collection.deck("good") is not None
        assert len(app.workspace.collection.errors) == 2


def test_a_cache_entry_that_is_a_fifo_is_ignored(folder: Path, tmp_path: Path):
    cache = DeckCache(tmp_path / "cache")
    load_collection([folder], cache)  # writes the entry
    (entry,) = (tmp_path / "cache").iterdir()
    entry.unlink()
    os.mkfifo(entry)
    # A FIFO in the cache folder used to block the app's start: now the deck is simply re-read.
    assert load_collection([folder], cache).deck("good") is not None


def test_a_folder_named_like_a_deck_is_not_counted_as_one(folder: Path):
    """It was counted ("2 deck files") but never read: the numbers did not add up."""
    (folder / "old.yaml").mkdir()
    result = run_check(folder)
    assert result.returncode == 0, result.stderr
    assert b"1 deck file, 1 card: 0 errors" in result.stdout


@pytest.mark.parametrize(
    ("make", "hint"),
    [
        (
            lambda path: path.symlink_to(path.parent / "gone.yaml"),
            b"it is a link to a file that is not there",
        ),
        (lambda path: os.mkfifo(path), b"a deck is a plain text file: move this out of the decks folder"),
    ],
    ids=["broken link", "fifo"],
)
def test_a_deck_name_with_no_file_behind_it_says_what_to_do(folder: Path, make, hint: bytes):
    make(folder / "x.yaml")
    result = run_check(folder)
    assert result.returncode == 1
    assert b"x.yaml:1: error:" in result.stdout and b"hint: " + hint in result.stdout
