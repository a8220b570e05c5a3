"""`caucasusquiz check` reads each deck file once: the loader counts the cards a problem leaves
out while it reads, so the summary never opens a file a second time (twice the cost, and a file
saved in between would be counted from another version than the one checked)."""

from __future__ import annotations

import builtins
import io
import os
from collections import Counter
from pathlib import Path

import pytest

from caucasusquiz.cli import main

HEAD = "title: T\ncards:\n"


@pytest.fixture
def opened(monkeypatch) -> Counter[Path]:
    """How many times each file was opened, by any of Python's ways of opening one."""
    counts: Counter[Path] = Counter()
    real_os_open, real_open = os.open, builtins.open

    def count(path: object) -> None:
        if isinstance(path, (str, os.PathLike)):
            counts[Path(os.fsdecode(path)).resolve()] += 1

    def os_open(path, *args, **kwargs):
        count(path)
        return real_os_open(path, *args, **kwargs)

    def open_(file, *args, **kwargs):
        count(file)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", os_open)
    monkeypatch.setattr(builtins, "open", open_)
    monkeypatch.setattr(io, "open", open_)
    return counts


def test_check_opens_each_deck_file_once(write_deck, opened, capsys):
    good = write_deck(
        HEAD + "  - {id: a, question: Q1?, answer: A}\n  - {id: a, question: Q2?, answer: B}\n", "good.yaml"
    )
    broken = write_deck(HEAD + '  - id: b\n    question: Q?\n    answer: "B\n  - id: c\n', "broken.yaml")
    opened.clear()  # writing them counted
    assert main(["check", str(good.parent)]) == 1
    out = capsys.readouterr().out
    assert "broken.yaml: whole file left out (2 cards) until the syntax error is fixed" in out
    assert "(3 left out: 2 in a file left out whole, 1 duplicate id)" in out  # the counts are all there
    assert opened[good.resolve()] == 1
    assert opened[broken.resolve()] == 1


def test_the_count_is_of_the_version_checked(write_deck, monkeypatch, capsys):
    """A teacher saving the file while check runs: the count comes from the text that was checked."""
    from caucasusquiz.decks import loader

    path = write_deck(HEAD + '  - id: b\n    question: Q?\n    answer: "B\n  - id: c\n')
    real_read = loader.read_regular_file

    def read_then_save(file: Path, limit: int) -> bytes:
        data = real_read(file, limit)
        file.write_text(HEAD + "  - id: x\n" * 5, encoding="utf-8")  # saved just after being read
        return data

    monkeypatch.setattr(loader, "read_regular_file", read_then_save)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "deck.yaml: whole file left out (2 cards) until the syntax error is fixed" in out
    assert out.splitlines()[-1].startswith("1 deck file, 0 cards (2 left out: 2 in a file left out whole)")


def test_check_fix_reads_again_only_the_files_it_fixed(write_deck, opened, capsys):
    """--fix read every file to look for cards without an id, then again to check it."""
    clean = write_deck(HEAD + "  - {id: a, question: Q1?, answer: A}\n", "clean.yaml")
    needs = write_deck(HEAD + "  - {question: Q2?, answer: B}\n", "needs.yaml")
    opened.clear()
    assert main(["check", "--fix", str(clean.parent)]) == 0
    out = capsys.readouterr().out
    assert f"{needs}:3: fixed: added id" in out
    assert out.splitlines()[-1].startswith("2 deck files, 2 cards: 0 errors, 0 warnings")
    assert opened[clean.resolve()] == 1
    assert opened[needs.resolve()] == 3  # checked, fixed, checked again as it is now
