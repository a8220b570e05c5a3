"""New-user trial 7 (a teacher writing decks by hand): slips `check` did not name, or named wrongly."""

from __future__ import annotations

from caucasusquiz.cli import main
from caucasusquiz.decks.loader import read_deck
from caucasusquiz.decks.model import ProblemKind
from caucasusquiz.decks.syntax_hints import syntax_hint

HEAD = "title: T\ncards:\n"


def test_a_thousands_comma_in_a_flow_list_is_named_with_the_quoted_fix(write_deck, capsys):
    path = write_deck(
        HEAD + "  - id: a\n    question: How many?\n    answer: 1,500 people\n    accept: [1500, 1,500]\n"
    )
    load = read_deck(path)
    # YAML's reading is kept (see text_slips): the warning is what tells the teacher.
    assert load.deck is not None and load.deck.cards[0].accept == ("1500", "1", "500")
    (warning,) = [p for p in load.problems if p.kind is ProblemKind.SPLIT_AT_COMMA]
    assert warning.line == 6 and not warning.is_error
    assert "'1' and '500' look like one number split at its comma" in warning.message
    assert warning.hint == 'put the number in quotes: accept: [1500, "1,500"]'
    assert main(["check", str(path)]) == 0
    assert "1 warning" in capsys.readouterr().out


def test_years_listed_without_spaces_and_quoted_numbers_are_not_split_numbers(write_deck):
    path = write_deck(
        HEAD + "  - id: a\n    question: Which two years?\n    answer: 1991\n"
        '    accept: [1991,1992, "2,000", 1, 500]\n'
        "    distractors: [1,2,3]\n"
    )
    assert not [p for p in read_deck(path).problems if p.kind is ProblemKind.SPLIT_AT_COMMA]


def test_a_distractor_split_at_its_comma_is_named_too(write_deck):
    path = write_deck(
        HEAD + "  - id: a\n    question: How many?\n    answer: 1,500\n    distractors: [2,000, 3,500,000]\n"
    )
    warnings = [p for p in read_deck(path).problems if p.kind is ProblemKind.SPLIT_AT_COMMA]
    assert [w.hint for w in warnings] == ['put the number in quotes: distractors: ["2,000", "3,500,000"]']


def test_text_after_a_glued_hash_is_a_comment_and_check_says_so(write_deck):
    path = write_deck(
        HEAD + "  - id: a\n    question: Which rule of the Moot came first? #1 or #2\n    answer: the first\n"
        "  - id: b\n    text: The Moot had {{40}} members #seats in 1702\n"
    )
    load = read_deck(path)
    assert load.deck is not None
    assert load.deck.cards[0].prompt == "Which rule of the Moot came first?"  # what YAML reads
    cuts = [p for p in load.problems if p.kind is ProblemKind.COMMENT_CUTS_TEXT]
    assert [(p.line, p.hint) for p in cuts] == [
        (
            4,
            'put the whole value in quotes to keep it: question: "Which rule of the Moot came first? #1 or #2"',
        ),
        (7, 'put the whole value in quotes to keep it: text: "The Moot had {{40}} members #seats in 1702"'),
    ]
    assert "'#1 or #2'" in cuts[0].message and "comment" in cuts[0].message


def test_a_deliberate_comment_after_a_value_is_not_a_cut(write_deck, example_deck):
    path = write_deck(HEAD + "  - id: a  # the first\n    question: Q?\n    answer: 1992    # checked\n")
    assert not [p for p in read_deck(path).problems if p.kind is ProblemKind.COMMENT_CUTS_TEXT]
    assert not read_deck(example_deck).problems  # its comments are all `  # note`


def test_git_merge_conflict_markers_are_named_with_what_to_do(write_deck, capsys):
    path = write_deck(
        HEAD
        + "  - id: a\n"
        + "<<<<<<< HEAD\n    question: Who led it?\n=======\n    question: Who was its leader?\n"
        + ">>>>>>> 8ee176b\n    answer: A\n"
    )
    (error,) = read_deck(path).errors
    assert error.kind is ProblemKind.MERGE_CONFLICT and error.line == 4
    assert error.message.startswith("unresolved git merge conflict")
    assert "delete the three marker lines" in (error.hint or "")
    assert main(["check", str(path)]) == 1
    assert "whole file left out (1 card) until the merge conflict is resolved" in capsys.readouterr().out


def test_a_card_that_lost_its_dash_line_is_named_as_merged_into_the_one_above(write_deck):
    path = write_deck(
        HEAD
        + "  - id: republic\n    type: truefalse\n    statement: It became a republic in 1789.\n"
        + "    answer: false\n"
        # `  - id: founder` deleted here, `- ` included
        + "    type: qa\n    question: Who was the first president?\n    answer: Mirela Thane\n"
    )
    errors = read_deck(path).errors
    duplicate = next(p for p in errors if p.kind is ProblemKind.DUPLICATE_KEY)
    assert duplicate.line == 7
    merged = "two cards seem merged into one: the second starts on line 7 and lost its `- `"
    assert merged in (duplicate.hint or "") and "`  - type: qa`" in (duplicate.hint or "")
    assert "remove one of them" not in (duplicate.hint or "")
    # `statement` is the first card's own field: no "did you mean type: truefalse".
    other = next(p for p in errors if p.kind is ProblemKind.FIELD_OF_OTHER_TYPE)
    assert merged in (other.hint or "")


def test_one_field_written_twice_keeps_the_plain_duplicate_hint(write_deck):
    path = write_deck(HEAD + "  - id: a\n    question: Q?\n    answer: A\n    answer: B\n")
    (error,) = read_deck(path).errors
    assert error.hint == "YAML would silently keep only the last one; remove one of them"


def test_a_value_starting_with_a_quoted_word_keeps_both_quotes_in_the_fix():
    line = 'question: "Salt Wars" ended in which year?'
    hint = syntax_hint("did not find expected key", [line], 0)
    assert hint is not None and hint.endswith("question: '\"Salt Wars\" ended in which year?'")
    # A value quoted whole with quotes inside keeps only its inner text, as before.
    hint = syntax_hint("did not find expected key", ['answer: "He said "no""'], 0)
    assert hint is not None and hint.endswith("answer: 'He said \"no\"'")
    hint = syntax_hint("did not find expected key", ['answer: "Salt Wars" ended in "1702"'], 0)
    assert hint is not None and hint.endswith('answer: \'"Salt Wars" ended in "1702"\'')


def test_the_names_the_app_shows_for_card_types_are_suggested(write_deck):
    cases = {
        "multiple choice": "choice",
        "mc": "choice",
        "question": "qa",
        "fill the blank": "cloze",
        "tf": "truefalse",
    }
    for typed, meant in cases.items():
        path = write_deck(HEAD + f"  - id: a\n    type: {typed}\n    question: Q?\n    answer: A\n")
        (error,) = [p for p in read_deck(path).errors if p.kind is ProblemKind.UNKNOWN_TYPE]
        assert (error.hint or "").startswith(f"write `type: {meant}`"), (typed, error.hint)


def test_a_distractor_field_misnamed_on_a_card_without_type_is_suggested(write_deck):
    for name in ("distractor", "choices", "options"):
        path = write_deck(HEAD + f"  - id: a\n    question: Q?\n    answer: A\n    {name}: [B, C]\n")
        (error,) = read_deck(path).errors
        assert error.hint == "did you mean 'distractors'? (it makes a multiple-choice card)", name


DOCUMENT = (
    "A Short History of Veldoria\n"
    "\n"
    "Veldoria is a small river country between the Ostrin Mountains and the Grey Sea.\n"
    "Its first capital was Lindwater, founded in 1204.\n"
    "Veldoria became a republic in 1791 after the Lantern Revolution.\n"
)
SOURCED = (
    "title: Veldoria\ndocuments: sources\ncards:\n"
    "  - id: capital\n    question: What was the first capital?\n    answer: Lindwater\n"
    '    source: "{capital}"\n'
    "  - id: republic\n    statement: Veldoria became a republic in 1789.\n    answer: false\n"
    '    source: "{republic}"\n'
)


def _sourced_deck(write_deck, capital: str, republic: str, document: str = DOCUMENT):
    path = write_deck(SOURCED.format(capital=capital, republic=republic), "veldoria.yaml")
    (path.parent / "sources").mkdir(exist_ok=True)
    (path.parent / "sources" / "veldoria-history.txt").write_text(document, encoding="utf-8")
    return path


def test_check_accepts_sources_that_hold_their_cards_facts(write_deck, capsys):
    path = _sourced_deck(write_deck, "veldoria-history.txt:4", "veldoria-history.txt:5")
    assert main(["check", str(path)]) == 0
    assert "0 errors, 0 warnings" in capsys.readouterr().out


def test_check_names_a_misspelt_source_document_and_the_likely_one(write_deck, capsys):
    path = _sourced_deck(write_deck, "veldoria-histroy.txt:4", "veldoria-history.txt:5")
    assert main(["check", str(path)]) == 0  # a warning: the card itself is fine to study
    out = capsys.readouterr().out
    assert (
        "veldoria.yaml:4: warning: card 'capital': source document 'veldoria-histroy.txt' is not found" in out
    )
    assert 'hint: did you mean source: "veldoria-history.txt:4"?' in out


def test_check_names_a_source_line_past_the_end_and_the_line_with_the_fact(write_deck, capsys):
    path = _sourced_deck(write_deck, "veldoria-history.txt:200", "veldoria-history.txt:5")
    main(["check", str(path)])
    out = capsys.readouterr().out
    assert "card 'capital': source line 200 is past the end of veldoria-history.txt (5 lines)" in out
    assert (
        'write source: "veldoria-history.txt:4" ("Its first capital was Lindwater, founded in 1204.")' in out
    )


def test_check_notices_sources_shifted_by_a_line_added_to_the_document(write_deck, capsys):
    shifted = DOCUMENT.replace("\n\n", "\nA subtitle added later\n\n", 1)
    path = _sourced_deck(write_deck, "veldoria-history.txt:4", "veldoria-history.txt:5", shifted)
    main(["check", str(path)])
    out = capsys.readouterr().out
    assert (
        "card 'capital': line 4 of veldoria-history.txt does not seem to hold this card's fact; line 5 does"
        in out
    )
    assert (
        "card 'republic': line 5 of veldoria-history.txt does not seem to hold this card's fact; line 6 does"
        in out
    )
    assert "0 errors, 2 warnings" in out


def test_the_shipped_decks_sources_all_hold_their_facts(capsys):
    # The generator's sources point into scraped lines that break a sentence anywhere.
    from pathlib import Path

    decks = Path(__file__).resolve().parents[2] / "decks"
    assert main(["check", str(decks)]) == 0
    assert ": 0 errors, 0 warnings" in capsys.readouterr().out


def test_check_says_which_cards_study_reviewed_hides(write_deck, capsys):
    path = write_deck(
        "title: R\nstudy: reviewed\ncards:\n"
        "  - {id: a, question: Who?, answer: A, reviewed: true}\n"
        "  - {id: b, question: Where?, answer: B}\n"
    )
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "1 card without a reviewed mark is hidden from students by `study: reviewed`" in out
    assert "2 cards (1 card without a reviewed mark hidden by `study: reviewed`): 0 errors" in out


def test_a_source_outside_the_folders_is_answered_with_the_teachers_own_file_name(write_deck):
    path = write_deck(
        "title: T\ndocuments: sources\ncards:\n"
        '  - {id: a, question: Q?, answer: A, source: "../decks/sources/veldoria-history.txt:5"}\n'
    )
    (warning,) = [p for p in read_deck(path).problems if p.kind is ProblemKind.UNSAFE_PATH]
    assert 'write the file name alone (source: "veldoria-history.txt:5")' in (warning.hint or "")
    assert "004_" not in (warning.hint or "")  # a seed of the shipped decks meant nothing here


def test_many_sources_shifted_alike_are_said_once(write_deck, capsys):
    facts = [
        ("Lindwater was founded by fishermen in 1204.", "Who founded Lindwater?", "fishermen"),
        ("The Salt Wars with Brenn ended in 1689.", "When did the Salt Wars end?", "1689"),
        (
            "The Great Fire of 1611 destroyed the wooden harbour.",
            "What did the Great Fire destroy?",
            "harbour",
        ),
        ("Veldoria's currency is the crown.", "What is Veldoria's currency?", "the crown"),
        ("Mirela Thane was the first president.", "Who was the first president?", "Mirela Thane"),
    ]
    document = "Title\n\n" + "".join(f"{sentence}\n" for sentence, _, _ in facts)
    cards = "".join(
        f'  - id: c{n}\n    question: {question}\n    answer: {answer}\n    source: "towns.txt:{n + 3}"\n'
        for n, (_, question, answer) in enumerate(facts)
    )
    path = write_deck("title: Towns\ndocuments: sources\ncards:\n" + cards, "towns.yaml")
    (path.parent / "sources").mkdir()
    (path.parent / "sources" / "towns.txt").write_text(document.replace("\n\n", "\nA subtitle\n\n", 1))
    main(["check", str(path)])
    out = capsys.readouterr().out
    assert (
        "5 cards' facts are each 1 line below their source line in towns.txt (source lines 3, 4, 5, 6, 7)"
        in out
    )
    assert 'hint: add 1 to the line number in each of these cards\' source: "towns.txt:N"' in out
    assert "0 errors, 1 warning" in out
