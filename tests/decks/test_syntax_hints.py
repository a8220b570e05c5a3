"""A YAML syntax error says what to do, from the line it points at: the line written so that
YAML reads it, which a teacher can paste over theirs (and then check passes)."""

from __future__ import annotations

import re

import pytest

from caucasusquiz.cli import main
from caucasusquiz.decks.loader import read_deck

HEAD = "title: T\ncards:\n"


@pytest.mark.parametrize(
    ("typed", "prompt", "said"),
    [
        ("question: {what} is it?", "{what} is it?", "a value starting with { is read as a mapping"),
        ("question: [1992] what?", "[1992] what?", "a value starting with [ is read as a list"),
        ("question: @home?", "@home?", "a value cannot start with @"),
        ('question: "He said "no""', 'He said "no"', 'the value ends at its second "'),
        ("question: 'It''s 'x' now'", "It's 'x' now", "the value ends at its second '"),
        ("question: Who said: yes?", "Who said: yes?", 'a value containing ": " must be quoted'),
        ("question:Which year?", "Which year?", "put a space after the colon"),
    ],
)
def test_following_the_hint_fixes_the_line(write_deck, capsys, typed, prompt, said):
    path = write_deck(HEAD + f"  - id: a\n    {typed}\n    answer: A\n")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:4: error: YAML syntax error" in out
    hint = next(line for line in out.splitlines() if line.startswith("    hint: "))
    assert said in hint
    fixed = re.search(r"(question: .*)$", hint)
    assert fixed, hint
    path.write_text(HEAD + f"  - id: a\n    {fixed.group(1)}\n    answer: A\n", encoding="utf-8")
    loaded = read_deck(path)
    assert loaded.ok, [str(p) for p in loaded.problems]
    assert loaded.deck.cards[0].prompt == prompt


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (HEAD + "  - id: a\n    question: Q?\n   answer: A\n", 5),  # a space too few
        (HEAD + "  - id: a\n    question: Q?\n      answer: A\n", 5),  # a space too many
        (HEAD + "  - id: a\n    question: Q?\n    answer: A\n - id: b\n    question: R?\n", 6),
    ],
    ids=["field indented less", "field indented more", "card indented less"],
)
def test_an_indentation_mistake_is_named(write_deck, text, line):
    (error,) = read_deck(write_deck(text)).errors
    assert error.line == line
    assert error.hint.startswith("check the indentation of this line and the one before")
    assert "quoted" not in error.hint  # it said a value with ": " must be quoted: there was none


def test_a_quote_with_an_escape_inside_is_not_rewritten(write_deck):
    (error,) = read_deck(write_deck(HEAD + '  - id: a\n    question: "a \\t "b""\n    answer: A\n')).errors
    assert error.hint.endswith('write each " inside the value as \\"')


@pytest.mark.parametrize("opening", ["[", '"'], ids=["bracket", "unclosed quote"])
def test_a_very_long_line_is_shortened_in_the_hint(write_deck, opening):
    """A 5,000-character line made a 5,000-character hint; its start and end say where the
    quotes go."""
    words = "word " * 1000
    (error,) = read_deck(
        write_deck(HEAD + f"  - id: a\n    question: {opening}{words}what?\n    answer: A\n")
    ).errors
    assert len(error.hint) < 250
    assert f'question: "{opening if opening == "[" else ""}word word' in error.hint
    assert error.hint.endswith('word what?"')
