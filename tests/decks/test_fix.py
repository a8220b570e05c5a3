"""`check --fix` gives hand-written cards an id and changes nothing else in the file."""

from __future__ import annotations

import re

import pytest

from caucasusquiz.cli import main
from caucasusquiz.decks.fix import add_missing_ids
from caucasusquiz.decks.loader import read_deck

HAND_WRITTEN = """\
# Cards my class asked about — keep this comment!
title: "Class questions"
cards:
  - id: kept
    question: Who met the delegation in 1919?   # trailing comment
    answer: Woodrow Wilson

  # added on Monday, no id yet
  - type: qa
    question: In which year did the U.S. embassy in Baku open?
    answer: "1992"
  -
    statement: Section 907 was waived in 2002.
    answer: true
  - {question: "Which city hosts the U.S. embassy?", answer: Baku}
"""


def test_fix_adds_ids_and_leaves_every_other_line_alone(write_deck, capsys):
    path = write_deck(HAND_WRITTEN)
    assert main(["check", str(path)]) == 1
    capsys.readouterr()

    assert main(["check", "--fix", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.count("fixed: added id") == 3

    after = path.read_text(encoding="utf-8")
    # Taking out exactly what the fix inserted gives back the original, byte for byte.
    undone = re.sub(r"(\n *)- id: (?!kept)[\w-]+\n *", r"\1- ", after)
    undone = re.sub(r"\n *id: (?!kept)[\w-]+(?=\n)", "", undone)
    undone = re.sub(r"\{id: [\w-]+, ", "{", undone)
    assert undone == HAND_WRITTEN
    assert len(after.splitlines()) == len(HAND_WRITTEN.splitlines()) + 2

    loaded = read_deck(path)
    assert loaded.ok and len(loaded.deck.cards) == 4


def test_fix_is_idempotent_and_ids_are_unique(write_deck):
    path = write_deck(HAND_WRITTEN)
    first = add_missing_ids(path)
    text = path.read_text(encoding="utf-8")
    assert add_missing_ids(path) == []
    assert path.read_text(encoding="utf-8") == text
    new_ids = [fix.new_id for fix in first]
    assert len(set(new_ids)) == len(new_ids) == 3
    # Ids are made of the card's own words, so they read well in the file.
    assert any(i.startswith("year-us-embassy-baku-") for i in new_ids), new_ids


def test_fix_keeps_windows_line_endings(write_deck):
    path = write_deck("")
    path.write_bytes(HAND_WRITTEN.replace("\n", "\r\n").encode())
    add_missing_ids(path)
    data = path.read_bytes()
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    assert read_deck(path).ok


@pytest.mark.parametrize(
    "endings",
    [
        ["\r\n", "\n"],  # an editor that wrote some lines one way and some the other
        ["\r"],  # classic Mac: it crashed `check --fix` with an IndexError
    ],
    ids=["mixed", "carriage returns"],
)
def test_fix_puts_ids_on_the_right_lines_whatever_the_line_endings(write_deck, capsys, endings):
    """With mixed endings the ids went to the wrong lines: one card stayed without, and an
    `id:` landed at the top level (a new error), while check said both were fixed."""
    lines = HAND_WRITTEN.split("\n")
    original = "".join(line + endings[i % len(endings)] for i, line in enumerate(lines[:-1]))
    path = write_deck("")
    path.write_bytes(original.encode())
    assert main(["check", "--fix", str(path)]) == 0
    assert capsys.readouterr().out.count("fixed: added id") == 3
    loaded = read_deck(path)
    assert loaded.ok and len(loaded.deck.cards) == 4
    after = path.read_bytes().decode()
    undone = re.sub(r"(\r\n|\r|\n)( *)- id: (?!kept)[\w-]+(\r\n|\r|\n) *", r"\1\2- ", after)
    undone = re.sub(r"(?<=[\r\n]) *id: (?!kept)[\w-]+(\r\n|\r|\n)", "", undone)
    undone = re.sub(r"\{id: [\w-]+, ", "{", undone)
    assert undone == original  # every ending as it was


def test_fix_keeps_a_byte_order_mark(write_deck):
    path = write_deck("")
    path.write_bytes(b"\xef\xbb\xbf" + HAND_WRITTEN.encode())
    assert len(add_missing_ids(path)) == 3
    assert path.read_bytes().startswith(b"\xef\xbb\xbf# Cards my class asked about")


def test_fix_leaves_a_broken_file_untouched(write_deck):
    text = "title: T\ncards:\n  - question: [broken\n"
    path = write_deck(text)
    assert add_missing_ids(path) == []
    assert path.read_text(encoding="utf-8") == text


def test_a_file_that_cannot_be_written_is_a_message_and_stays_as_it_was(write_deck, capsys, monkeypatch):
    """A read-only folder or a full disk gave a traceback."""
    from caucasusquiz.decks import fix

    def refuse(path, text, **_):
        raise PermissionError(13, "Permission denied")

    path = write_deck(HAND_WRITTEN)
    monkeypatch.setattr(fix, "write_atomically", refuse)
    assert main(["check", "--fix", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}: cannot write the new ids: Permission denied" in err
    assert "nothing in this file was changed" in err and "Traceback" not in err
    assert path.read_text(encoding="utf-8") == HAND_WRITTEN
