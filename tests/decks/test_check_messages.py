"""`check`'s messages, read as a teacher reads them: each says what to do, in plain English."""

from __future__ import annotations

from pathlib import Path

import pytest

from caucasusquiz.cli import main
from caucasusquiz.decks.loader import MAX_DECK_BYTES, read_deck

HEAD = "title: T\ncards:\n"


def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)  # costs no disk
    return path


def test_a_file_just_over_the_limit_does_not_read_as_within_it(tmp_path: Path):
    """It said "file is 16.0 MiB; decks are limited to 16 MiB"."""
    (error,) = read_deck(_sparse(tmp_path / "huge.yaml", MAX_DECK_BYTES + 1)).errors
    assert error.message == "file is 16,777,217 bytes; decks are limited to 16 MiB (16,777,216 bytes)"
    assert error.hint == "split it into several deck files"


def test_a_file_well_over_the_limit_is_said_in_mib(tmp_path: Path):
    (error,) = read_deck(_sparse(tmp_path / "huge.yaml", 20 * 1024 * 1024 + 512 * 1024)).errors
    assert error.message == "file is 20.5 MiB; decks are limited to 16 MiB"


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        (
            HEAD + "  - {id: a, question: Q?, answer: A, accept: 92}\n",
            "`accept` must be a list, not a single value",
            "write it as accept: [first, second]",
        ),
        (
            HEAD + "  -\n",
            "a card must be a mapping of fields, not an empty value",
            "start each card with `- id: ...` and put its fields below it",
        ),
        (
            HEAD + "  - {id: a, type: qa, question: Q?}\n",
            "missing required field `answer`",
            "add `answer:` and its text to this card",
        ),
        ("cards: []\n", "missing required field `title`", "add `title:` and its text at the top of the file"),
        (
            HEAD + "  - {id: a, question: Q?, answer: [A, B]}\n",
            "`answer` must be text, not a list",
            "a card has one answer; other answers to accept go in `accept: [...]`",
        ),
        (
            HEAD + "  - {id: a, question: [Q], answer: A}\n",
            "`question` must be text, not a list",
            "a value starting with [ or { is read as a list or mapping: put the whole value in quotes",
        ),
    ],
    ids=["not a list", "empty card", "no answer", "no title", "two answers", "bracketed question"],
)
def test_shape_problems_say_what_to_write(write_deck, text, message, hint):
    (error,) = read_deck(write_deck(text)).errors
    assert (error.message, error.hint) == (message, hint)


def test_the_summary_counts_duplicate_ids_in_the_plural(write_deck, capsys):
    path = write_deck(HEAD + "".join(f"  - {{id: a, question: Q{n}?, answer: A}}\n" for n in range(3)))
    assert main(["check", str(path)]) == 1
    summary = capsys.readouterr().out.splitlines()[-1]
    assert summary.startswith("1 deck file, 1 card (2 left out: 2 duplicate ids): 2 errors")


def test_the_summary_never_lets_a_folder_name_steer_the_terminal(tmp_path: Path, monkeypatch, capsys):
    folder = tmp_path / "decks\x1b]0;owned\x07"
    folder.mkdir()
    (folder / "deck.yaml").write_text(HEAD + "  - {id: a, question: Q?, answer: A}\n", encoding="utf-8")
    monkeypatch.setenv("CAUCASUSQUIZ_DECKS", str(folder))
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "1 deck file, 1 card: 0 errors" in out
    assert "\x1b" not in out and "\x07" not in out


def test_a_missing_field_points_at_its_misspelling(write_deck):
    """`answr: A` was reported twice, the missing `answer` with no word of the misspelling."""
    loaded = read_deck(write_deck(HEAD + "  - id: a\n    question: Q?\n    answr: A\n"))
    assert [(p.line, p.message, p.hint) for p in loaded.errors] == [
        (3, "missing required field `answer`", "line 5 has `answr`: spell it `answer`"),
        (5, "unknown card field 'answr'", "did you mean 'answer'?"),
    ]
