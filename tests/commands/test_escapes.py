"""User-controlled text printed by commands never carries a terminal escape sequence."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

from caucasusquiz.cli import main

ESCAPES = "\x1b]0;pwned\x07\x9b2J"


@pytest.fixture
def decks(tmp_path: Path, example_deck: Path) -> Path:
    folder = tmp_path / "decks"
    folder.mkdir()
    shutil.copy(example_deck, folder / "history.yaml")
    return folder


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv"])
def test_export_progress_of_a_typed_escape_sequence_is_safe_to_print(monkeypatch, capsys, decks, fmt):
    # A student's typed answer lands in the teacher's terminal through `export progress`.
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{ESCAPES}\n1\n"))
    assert main(["study", "--plain", "--decks", str(decks)]) == 0
    capsys.readouterr()
    assert main(["export", "progress", "--format", fmt, "--decks", str(decks)]) == 0
    out = capsys.readouterr().out
    assert "pwned" in out
    assert not any(char in out for char in "\x1b\x07\x9b")


def test_export_to_a_file_keeps_the_typed_text_exactly(monkeypatch, capsys, decks, tmp_path):
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{ESCAPES}\n1\n"))
    assert main(["study", "--plain", "--decks", str(decks)]) == 0
    target = tmp_path / "progress.csv"
    assert (
        main(["export", "progress", "--format", "csv", "--output", str(target), "--decks", str(decks)]) == 0
    )
    assert ESCAPES in target.read_text(encoding="utf-8")


def test_the_deck_not_found_hint_is_safe_to_print(monkeypatch, capsys, decks):
    (decks / "evil.yaml").write_text(
        "title: Evil\ncards:\n  - {id: a, type: qa, question: Q?, answer: A}\n", encoding="utf-8"
    )
    (decks / "evil.yaml").rename(decks / "ev\x1b[2Jil.yaml")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["study", "--plain", "--deck", "nope\x1b[31m", "--decks", str(decks)]) == 1
    err = capsys.readouterr().err
    assert "no deck called" in err and "\x1b" not in err


def test_the_damaged_file_messages_are_safe_to_print(monkeypatch, capsys, decks, tmp_path):
    data = tmp_path / "data\x1b]0;x\x07"
    data.mkdir()
    (data / "progress.sqlite3").write_bytes(b"garbage" * 500)
    # `stats` only reads: it reports the damage and leaves the file alone.
    assert main(["stats", "--decks", str(decks), "--data-dir", str(data)]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and "\x1b" not in err and "\x07" not in err
    # Studying moves it aside and says where it was kept.
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    main(["study", "--plain", "--decks", str(decks), "--data-dir", str(data), "--new-profile", "a"])
    err = capsys.readouterr().err
    assert "kept as" in err and "\x1b" not in err and "\x07" not in err
