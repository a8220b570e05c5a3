"""A problem's message and hint are safe to show as they are: text quoted from a deck file
(a line, a card's first words) cannot carry a text-direction override to any reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from caucasusquiz.decks.cache import DeckCache
from caucasusquiz.decks.collection import load_deck
from caucasusquiz.decks.loader import read_deck
from caucasusquiz.decks.model import Problem, ProblemKind
from caucasusquiz.text import first_forbidden_char

RLO = "\u202e"  # shows the rest of the line right to left ("Trojan Source")
HEAD = "title: T\ncards:\n"


@pytest.mark.parametrize(
    ("cards", "kind"),
    [
        # The hint quotes the line, rewritten with other quotes.
        (f'  - id: a\n    question: "He said "no" {RLO}1919"\n    answer: A\n', ProblemKind.YAML_SYNTAX),
        # The message quotes both cards' first words.
        (
            f"  - id: a\n    question: Q{RLO}1?\n    answer: A\n  - id: a\n    question: R{RLO}2?\n    answer: B\n",
            ProblemKind.DUPLICATE_ID,
        ),
    ],
    ids=["syntax hint", "duplicate id message"],
)
def test_text_quoted_from_the_file_reaches_no_reader_with_an_override(
    write_deck, cards, kind, tmp_path: Path
):
    path = write_deck(HEAD + cards)
    (problem,) = [p for p in read_deck(path).problems if p.kind is kind]
    assert RLO in path.read_text(encoding="utf-8")
    for text in (problem.message, problem.hint or ""):
        assert first_forbidden_char(text) is None, text
    assert "\ufffd" in problem.message + (problem.hint or "")  # something was there, and it shows
    # The app may get its problems from the deck cache: the same clean text.
    cache = DeckCache(tmp_path / "cache")
    load_deck(path, cache)
    (cached,) = [p for p in load_deck(path, cache).problems if p.kind is kind]
    assert (cached.message, cached.hint) == (problem.message, problem.hint)


def test_a_problem_made_anywhere_is_clean():
    problem = Problem(Path("d.yaml"), 1, "card \x1b[2J", "hint \u2066x", kind=ProblemKind.INVALID_VALUE)
    assert (problem.message, problem.hint) == ("card \ufffd[2J", "hint \ufffdx")


def test_the_whole_file_left_out_line_names_the_file_safely(write_deck):
    """The app shows it too: a file name can carry an override as well as its lines."""
    from caucasusquiz.decks.left_out import whole_file_left_out

    path = write_deck(HEAD + "  - question: [broken\n", name=f"history{RLO}lmy.yaml")
    said = whole_file_left_out(read_deck(path))
    assert said is not None and said.startswith("history\ufffdlmy.yaml: whole file left out")
