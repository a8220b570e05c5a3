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
    # The bare `-` takes the id on its own line, like the cards written `- question: ...`.
    assert "\n  - id: section-907-" in after and "\n  -\n" not in after
    # Taking out exactly what the fix inserted gives back the original, byte for byte.
    undone = re.sub(r"- id: [\w-]+(?=\n    statement:)", "-", after)
    undone = re.sub(r"(\n *)- id: (?!kept)[\w-]+\n *", r"\1- ", undone)
    undone = re.sub(r"\n *id: (?!kept)[\w-]+(?=\n)", "", undone)
    undone = re.sub(r"\{id: [\w-]+, ", "{", undone)
    assert undone == HAND_WRITTEN
    assert len(after.splitlines()) == len(HAND_WRITTEN.splitlines()) + 1

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
    undone = re.sub(r"- id: [\w-]+(?=(\r\n|\r|\n)    statement:)", "-", after)
    undone = re.sub(r"(\r\n|\r|\n)( *)- id: (?!kept)[\w-]+(\r\n|\r|\n) *", r"\1\2- ", undone)
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


def test_the_dash_left_by_the_duplicate_id_hint_takes_the_new_id_on_its_own_line(write_deck):
    """newuser5 F-I: after deleting just `id: x` (keeping the `- `), --fix left `  - ` alone on
    its line and put the id on the next one: valid YAML, unlike every other card in the file.
    Line endings, the byte order mark and the other lines stay as they were."""
    original = (
        "\ufefftitle: T\r\ncards:\r\n  - id: a\r\n    question: Q?\r\n    answer: A\r\n"
        "  - \r\n    question: Which city was the first capital?\r\n    answer: Ganja\r\n"
    )
    path = write_deck("")
    path.write_bytes(original.encode())
    [fix] = add_missing_ids(path)
    assert fix.line == 6  # where the id now is
    after = path.read_bytes().decode()
    assert after == original.replace("  - \r\n", f"  - id: {fix.new_id}\r\n")
    assert read_deck(path).deck.cards[1].id == fix.new_id


@pytest.mark.parametrize(
    "card",
    [
        "  - # keep me\n    question: Q?\n    answer: A\n",  # the teacher's comment stays on the dash's line
        "-\n question: Q?\n answer: A\n",  # keys one column right of the dash: no room for `- id:`
    ],
    ids=["comment after the dash", "keys right under the dash"],
)
def test_a_dash_that_cannot_take_the_id_keeps_it_on_the_line_below(write_deck, card):
    path = write_deck("title: T\ncards:\n" + card)
    [fix] = add_missing_ids(path)
    loaded = read_deck(path)
    assert loaded.ok and loaded.deck.cards[0].id == fix.new_id
    assert path.read_text(encoding="utf-8").splitlines()[2] == card.splitlines()[0]


def test_each_fix_names_the_line_its_id_is_on_after_the_fix(write_deck, capsys):
    """`deck.yaml:N: fixed: added id 'x'`: N is where a teacher finds the id in the fixed file
    (ids added higher up push the cards below down)."""
    path = write_deck(HAND_WRITTEN)
    assert main(["check", "--fix", str(path)]) == 0
    said = re.findall(r":(\d+): fixed: added id '([\w-]+)'", capsys.readouterr().out)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(said) == 3
    for line, new_id in said:
        assert f"id: {new_id}" in lines[int(line) - 1], (line, new_id)
