"""Every deck problem says what it is (its kind), so that code decides on the kind and the
message stays free to be worded for people."""

from __future__ import annotations

from pathlib import Path

import pytest

from caucasusquiz.cli import main
from caucasusquiz.decks import loader
from caucasusquiz.decks.loader import read_deck
from caucasusquiz.decks.model import ProblemKind

HEAD = "title: T\ncards:\n"

CASES = [
    (HEAD + "  - id: a\n    question: [unclosed\n", ProblemKind.YAML_SYNTAX),
    (HEAD + '  - id: a\n    question: "open\n', ProblemKind.YAML_SYNTAX),
    ("title: &t T\ndescription: *t\ncards: []\n", ProblemKind.UNSAFE_YAML),
    ("title: T\ncards: !!python/object/apply:os.system ['echo']\n", ProblemKind.UNSAFE_YAML),
    ("title: T\ncards:\n\t- id: a\n", ProblemKind.TAB_INDENT),
    ("", ProblemKind.EMPTY_FILE),
    ("- id: a\n", ProblemKind.WRONG_SHAPE),
    ("cards: []\n", ProblemKind.MISSING_FIELD),
    ("title: T\nversion: 2\ncards: []\n", ProblemKind.UNSUPPORTED_VERSION),
    (HEAD + "  - {question: Q?, answer: A}\n", ProblemKind.MISSING_ID),
    (HEAD + "  - {id: 'has space', question: Q?, answer: A}\n", ProblemKind.INVALID_ID),
    (
        HEAD + "  - {id: a, question: Q?, answer: A}\n  - {id: a, question: R?, answer: B}\n",
        ProblemKind.DUPLICATE_ID,
    ),
    (HEAD + "  - {id: a, question: Q?, answr: A}\n", ProblemKind.UNKNOWN_FIELD),
    (
        HEAD + "  - {id: a, type: qa, question: Q?, answer: A, distractors: [B, C]}\n",
        ProblemKind.FIELD_OF_OTHER_TYPE,
    ),
    (HEAD + "  - {id: a, type: clozee, text: x}\n", ProblemKind.UNKNOWN_TYPE),
    (HEAD + "  - {id: a, text: No blank.}\n", ProblemKind.CLOZE_BLANK),
    (HEAD + "  - {id: a, question: Q?, answer: A, distractors: [B]}\n", ProblemKind.TOO_FEW_DISTRACTORS),
    (HEAD + "  - {id: a, statement: S., answer: maybe}\n", ProblemKind.INVALID_VALUE),
    (HEAD + '  - {id: a, question: "Red \\e[31m", answer: A}\n', ProblemKind.FORBIDDEN_CHARACTER),
]


@pytest.mark.parametrize(("text", "kind"), CASES, ids=[c[1].value + str(i) for i, c in enumerate(CASES)])
def test_each_error_has_its_kind(write_deck, text, kind):
    errors = read_deck(write_deck(text)).errors
    assert errors and errors[0].kind is kind, [(p.kind, p.message) for p in errors]


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"title: T\ncards: [\x00]\n", ProblemKind.BINARY),
        (b"title: caf\xe9\ncards: []\n", ProblemKind.NOT_UTF8),
    ],
)
def test_unreadable_files_have_their_kind(tmp_path: Path, content: bytes, kind: ProblemKind):
    path = tmp_path / "deck.yaml"
    path.write_bytes(content)
    assert [p.kind for p in read_deck(path).errors] == [kind]


def test_check_decides_on_the_kind_not_the_wording(write_deck, monkeypatch, capsys):
    """Reworded messages change nothing `check` decides: the duplicate in the summary, the
    advice to run --fix for a missing id, the syntax error that leaves a whole file out."""
    real_error = loader._DeckReader.error

    def reworded(self, where, message, hint=None, *, kind):
        real_error(self, where, f"(reworded) {message.upper()}", hint, kind=kind)

    monkeypatch.setattr(loader._DeckReader, "error", reworded)
    write_deck(HEAD + "  - {question: Q?, answer: A}\n  - {id: b, question: Q?, answer: A}\n", "no-id.yaml")
    write_deck(
        HEAD + "  - {id: a, question: Q?, answer: A}\n  - {id: a, question: R?, answer: B}\n", "twice.yaml"
    )
    folder = write_deck(HEAD + '  - id: a\n    question: "open\n', "broken.yaml").parent
    assert main(["check", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "(reworded) DUPLICATE ID 'A'" in out
    assert "broken.yaml: whole file left out (1 card) until the syntax error is fixed" in out
    assert "(3 left out: 1 in a file left out whole, 1 duplicate id, 1 with errors)" in out
    assert "Some cards have no id: `caucasusquiz check --fix` adds them" in out
