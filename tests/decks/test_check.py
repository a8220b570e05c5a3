"""Every problem `caucasusquiz check` promises to find, with the message and the line a teacher sees."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from caucasusquiz.cli import main
from caucasusquiz.decks.loader import MAX_DECK_BYTES, read_deck

HEAD = "title: T\ncards:\n"

# (case name, deck text, line of the problem, words the message must contain, hint words or None)
ERROR_CASES = [
    (
        "yaml syntax",
        HEAD + "  - id: a\n    question: [unclosed\n    answer: x\n",
        4,
        "YAML syntax error",
        None,
    ),
    (
        "unclosed quote at the end",
        HEAD + '  - id: a\n    question: "open\n',
        4,
        'the quote (") opened on this line is never closed',
        'close it at the end of the value: question: "open"',
    ),
    (
        # YAML reads on to the next quote and fails a line below; the mistake is on line 6.
        "unclosed quote mid-card",
        HEAD + '  - id: a\n    type: qa\n    question: Q?\n    answer: "the Red Army\n'
        '    accept: ["Red Army", "Soviet army"]\n',
        6,
        'the quote (") opened on this line is never closed',
        'close it at the end of the value: answer: "the Red Army"',
    ),
    (
        "unclosed single quote",
        HEAD + "  - id: a\n    type: qa\n    question: 'Q?\n    answer: 'x'\n  - id: b\n",
        5,
        "the quote (') opened on this line is never closed",
        "question: 'Q?'",
    ),
    (
        "colon in value",
        HEAD + "  - id: a\n    question: Who said: yes?\n    answer: x\n",
        4,
        "YAML syntax error",
        "must be quoted",
    ),
    ("tab indentation", "title: T\ncards:\n\t- id: a\n", 3, "tab used for indentation", "spaces"),
    ("top level list", "- id: a\n- id: b\n", 1, "top level must be a mapping", None),
    ("top level scalar", "just words\n", 1, "top level must be a mapping", None),
    ("cards not a list", "title: T\ncards: none yet\n", 2, "`cards` must be a list", None),
    ("cards missing", "title: T\n", 1, "no `cards:` list", None),
    ("title missing", "cards: []\n", 1, "missing required field `title`", None),
    (
        "missing id",
        HEAD + "  - type: qa\n    question: Q?\n    answer: A\n",
        3,
        "card has no id",
        "check --fix",
    ),
    (
        "duplicate id",
        HEAD + "  - {id: a, question: Q?, answer: A}\n  - {id: a, question: R?, answer: B}\n",
        4,
        "duplicate id 'a' (first used on line 3): the card on line 3 (\"Q?\") keeps this id and "
        'its progress; this card ("R?") is left out',
        "change its `id: a` (line 3 or 4) to a new id, or delete just `id: a,` from that line "
        "and run `caucasusquiz check --fix`",
    ),
    ("invalid id", HEAD + "  - {id: 'has space', question: Q?, answer: A}\n", 3, "invalid id", None),
    (
        "unknown type",
        HEAD + "  - id: a\n    type: clozee\n    text: '{{x}}'\n",
        4,
        "unknown card type 'clozee'",
        "did you mean 'cloze'",
    ),
    (
        "unknown key",
        HEAD + "  - id: a\n    question: Q?\n    answr: A\n",
        5,
        "unknown card field 'answr'",
        "did you mean 'answer'",
    ),
    (
        "unknown deck key",
        "titel: T\ntitle: T\ncards: []\n",
        1,
        "unknown deck field 'titel'",
        "did you mean 'title'",
    ),
    (
        "field of another type",
        HEAD + "  - id: a\n    type: qa\n    question: Q?\n    answer: A\n    distractors: [B, C]\n",
        7,
        "`distractors` is not used by a qa card",
        "type: choice",
    ),
    (
        "duplicate key",
        HEAD + "  - id: a\n    question: Q?\n    question: R?\n    answer: A\n",
        5,
        "duplicate key 'question'",
        None,
    ),
    (
        "qa without answer",
        HEAD + "  - id: a\n    type: qa\n    question: Q?\n",
        3,
        "missing required field `answer`",
        None,
    ),
    ("cloze without text", HEAD + "  - id: a\n    type: cloze\n", 3, "missing required field `text`", None),
    (
        "truefalse without answer",
        HEAD + "  - id: a\n    statement: S.\n",
        3,
        "true/false card has no `answer:`",
        None,
    ),
    (
        "truefalse not boolean",
        HEAD + "  - id: a\n    statement: S.\n    answer: maybe\n",
        5,
        "must be true or false",
        None,
    ),
    ("cloze no blank", HEAD + "  - id: a\n    text: No blank here.\n", 4, "no {{blank}}", None),
    ("cloze two blanks", HEAD + "  - id: a\n    text: '{{One}} and {{two}}.'\n", 4, "has 2 blanks", None),
    ("cloze empty blank", HEAD + "  - id: a\n    text: 'Empty {{ }} blank.'\n", 4, "blank is empty", None),
    ("cloze unbalanced", HEAD + "  - id: a\n    text: 'A {{b}} and {{c.'\n", 4, "unbalanced braces", None),
    (
        "choice one distractor",
        HEAD + "  - id: a\n    question: Q?\n    answer: A\n    distractors: [B]\n",
        6,
        "at least 2 distractors",
        None,
    ),
    (
        "choice answer in distractors",
        HEAD + "  - id: a\n    question: Q?\n    answer: Baku\n    distractors: [Ganja, baku, Sumgait]\n",
        6,
        "also listed as a distractor",
        None,
    ),
    (
        "choice without distractors",
        HEAD + "  - id: a\n    type: choice\n    question: Q?\n    answer: A\n",
        3,
        "no `distractors:`",
        None,
    ),
    ("tags not a list", "title: T\ntags: history\ncards: []\n", 2, "`tags` must be a list", "tags: ["),
    (
        "card tags not a list",
        HEAD + "  - {id: a, question: Q?, answer: A, tags: x}\n",
        3,
        "`tags` must be a list",
        None,
    ),
    (
        "question is a list",
        HEAD + "  - id: a\n    question: [Q]\n    answer: A\n",
        4,
        "`question` must be text",
        None,
    ),
    ("card not a mapping", HEAD + "  - just a line\n", 3, "a card must be a mapping", None),
    ("empty string", HEAD + "  - id: a\n    question: ''\n    answer: A\n", 4, "`question` is empty", None),
    ("empty value", HEAD + "  - id: a\n    question:\n    answer: A\n", 4, "`question` is empty", None),
    (
        "escape sequence",
        HEAD + '  - id: a\n    question: "Red \\e[31malert"\n    answer: A\n',
        4,
        "ESC, the start of a terminal escape sequence",
        None,
    ),
    (
        "raw escape byte",
        HEAD + "  - id: a\n    question: Red \x1b[31m\n    answer: A\n",
        4,
        "U+001B is not allowed",
        None,
    ),
    ("control character", HEAD + '  - id: a\n    question: "bell \\a"\n    answer: A\n', 4, "U+0007", None),
    (
        "bidi override",
        HEAD + '  - id: a\n    question: "abc \u202e cba"\n    answer: A\n',
        4,
        "text-direction override",
        None,
    ),
    ("alias", "title: &t T\ndescription: *t\ncards: []\n", 1, "anchors and aliases", None),
    (
        "python object tag",
        "title: T\ncards: !!python/object/apply:os.system ['echo hacked']\n",
        2,
        "is not allowed: decks are data",
        None,
    ),
    (
        "merge key",
        "base: &b {x: 1}\ntitle: T\ncards:\n  - <<: *b\n",
        4,
        "merge keys (<<) are not allowed",
        None,
    ),
    ("wrong version", "title: T\nversion: 2\ncards: []\n", 2, "unsupported deck format version", None),
]


@pytest.mark.parametrize(
    ("text", "line", "message", "hint"),
    [case[1:] for case in ERROR_CASES],
    ids=[case[0] for case in ERROR_CASES],
)
def test_each_problem_is_reported_with_its_line(write_deck, text, line, message, hint):
    loaded = read_deck(write_deck(text))
    found = [p for p in loaded.errors if message in p.message]
    assert found, f"no error containing {message!r}; got {[str(p) for p in loaded.problems]}"
    assert found[0].line == line, str(found[0])
    if hint:
        assert hint in (found[0].hint or "")


WARNING_CASES = [
    (
        "answer in question",
        HEAD + "  - id: a\n    question: When did Baku open?\n    answer: Baku\n",
        5,
        "answer appears in the question",
    ),
    (
        "cloze gives itself away",
        HEAD + "  - id: a\n    text: 'Baku is {{Baku}}.'\n",
        4,
        "appears outside the blank",
    ),
    (
        "many distractors",
        HEAD + "  - id: a\n    question: Q?\n    answer: A\n    distractors: [B, C, D, E]\n",
        6,
        "each review shows 3",
    ),
    ("tag with space", "title: T\ntags: [early history]\ncards: []\n", 2, "contains a space"),
    ("no cards yet", "title: T\ncards: []\n", 2, "no cards yet"),
]


@pytest.mark.parametrize(
    ("text", "line", "message"), [c[1:] for c in WARNING_CASES], ids=[c[0] for c in WARNING_CASES]
)
def test_warnings_do_not_make_the_deck_fail(write_deck, text, line, message):
    loaded = read_deck(write_deck(text))
    assert loaded.ok, [str(p) for p in loaded.errors]
    warnings = [p for p in loaded.problems if message in p.message]
    assert warnings and warnings[0].line == line


def test_all_problems_are_reported_not_just_the_first(write_deck):
    text = HEAD + (
        "  - {question: Q?, answer: A}\n"  # line 3: no id
        "  - {id: b, type: quiz}\n"  # line 4: unknown type
        "  - {id: c, text: 'no blank'}\n"  # line 5: cloze without a blank
        "  - {id: d, question: Q?, answer: A, x: 1}\n"  # line 6: unknown field
    )
    loaded = read_deck(write_deck(text))
    assert [p.line for p in loaded.errors] == [3, 4, 5, 6]


def test_a_duplicate_id_does_not_hide_the_cards_other_problems(write_deck):
    # The second card reuses an id and its cloze has no blank: both are reported at once,
    # not the missing blank only after the id is fixed.
    text = HEAD + (
        "  - {id: a, question: Q?, answer: A}\n"
        "  - id: a\n"  # line 4
        "    type: cloze\n"
        "    text: Hillary Clinton visited Baku in July 2010.\n"  # line 6
        "    answr: x\n"  # line 7
    )
    loaded = read_deck(write_deck(text))
    messages = [(p.line, p.message) for p in loaded.errors]
    assert messages[0][0] == 4 and messages[0][1].startswith("duplicate id 'a' (first used on line 3)")
    assert [line for line, _ in messages] == [4, 6, 7]
    assert "no {{" in messages[1][1] and "answr" in messages[2][1]
    assert [c.id for c in loaded.deck.cards] == ["a"]  # the first card keeps its id and stays usable


def test_valid_cards_of_a_partly_broken_deck_stay_usable(write_deck):
    text = HEAD + "  - {id: good, question: Q?, answer: A}\n  - {id: bad, type: quiz}\n"
    loaded = read_deck(write_deck(text))
    assert not loaded.ok
    assert [c.id for c in loaded.deck.cards] == ["good"]


def test_yaml_scalars_keep_what_the_author_typed(write_deck):
    text = (
        HEAD
        + "  - {id: a, question: Year?, answer: 1992, accept: [92]}\n  - {id: b, question: Q?, answer: yes}\n"
    )
    cards = read_deck(write_deck(text)).deck.cards
    assert cards[0].answer == "1992" and cards[0].accept == ("92",)
    assert cards[1].answer == "yes"


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        (b"", 1, "the file is empty"),
        (b"# only a comment\n", 1, "the file is empty"),
        (b"title: T\ncards:\n  - \x00\x01\x02", 3, "binary file"),
        (b"title: caf\xe9\ncards: []\n", 1, "not UTF-8"),
        (b"title: T\ncards: []\nx: \xff\n", 3, "not UTF-8"),
    ],
)
def test_unreadable_files(tmp_path: Path, content: bytes, line: int, message: str):
    path = tmp_path / "deck.yaml"
    path.write_bytes(content)
    errors = read_deck(path).errors
    assert len(errors) == 1 and message in errors[0].message and errors[0].line == line


def test_utf8_with_bom_is_fine(tmp_path: Path):
    path = tmp_path / "deck.yaml"
    path.write_bytes("\ufefftitle: İlham\ncards: []\n".encode())
    assert read_deck(path).ok


def test_huge_file_is_refused_without_reading_it(tmp_path: Path):
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_DECK_BYTES + 1)  # sparse: costs no disk
    errors = read_deck(path).errors
    assert "decks are limited to 16 MiB" in errors[0].message


def test_alias_bomb_is_refused_quickly(write_deck):
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, name = chr(96 + i), chr(97 + i)
        levels.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    path = write_deck("\n".join(levels) + "\n")
    started = time.perf_counter()
    errors = read_deck(path).errors
    # Expanding this would build 9**10 strings; refusing it is instant. (A generous bound,
    # not a benchmark: it only fails if the aliases were expanded.)
    assert time.perf_counter() - started < 2
    assert "anchors and aliases" in errors[0].message


def test_object_tags_never_execute(write_deck, tmp_path: Path):
    marker = tmp_path / "pwned"
    path = write_deck(f"title: !!python/object/apply:os.system ['touch {marker}']\ncards: []\n")
    assert not read_deck(path).ok
    assert not marker.exists()


# -- the command ------------------------------------------------------------------------


def test_check_command_lists_problems_and_exits_1(write_deck, capsys):
    path = write_deck(HEAD + "  - {question: Q?, answer: A}\n  - {id: b, question: Q?, answr: A}\n")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:3: error: card has no id" in out
    assert f"{path}:4: error: unknown card field 'answr'" in out
    assert "hint: did you mean 'answer'?" in out
    assert "1 deck file, 0 cards: 3 errors" in out or "errors" in out.splitlines()[-2]


def test_check_command_exits_0_with_only_warnings(write_deck, capsys):
    path = write_deck(HEAD + "  - {id: a, question: Which city is Baku?, answer: Baku}\n")
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "warning: the answer appears in the question" in out
    assert "0 errors, 1 warning" in out


def test_check_defaults_to_the_decks_folder(write_deck, capsys, monkeypatch):
    path = write_deck(HEAD + "  - {id: a, question: Q?, answer: A}\n")
    monkeypatch.setenv("CAUCASUSQUIZ_DECKS", str(path.parent))
    assert main(["check"]) == 0
    # The summary names the folder it checked: a teacher editing a copy sees which one was clean.
    assert f"{path.parent}: 1 deck file, 1 card: 0 errors, 0 warnings" in capsys.readouterr().out


def test_check_summary_counts_the_cards_it_left_out_and_why(write_deck, capsys):
    """A file of 4 cards, one a duplicate and one broken, said only "2 cards"."""
    path = write_deck(
        HEAD + "  - {id: a, question: Q1?, answer: A}\n"
        "  - {id: b, question: Q2?, answer: B}\n"
        "  - {id: a, question: Q3?, answer: C}\n"
        "  - {id: d, question: Q4?}\n"
    )
    assert main(["check", str(path)]) == 1
    summary = capsys.readouterr().out.splitlines()[-1]
    assert summary.startswith("1 deck file, 2 cards (2 left out: 1 duplicate id, 1 with errors): 2 errors")


def test_check_says_a_file_with_a_syntax_error_is_left_out_whole(write_deck, capsys):
    """The summary said "82 cards: 1 error", not that all 3 cards of the broken file were out."""
    write_deck(HEAD + "  - {id: a, question: Q1?, answer: A}\n", name="good.yaml")
    broken = write_deck(
        HEAD + '  - id: b\n    question: Q2?\n    answer: "B\n'
        "  - id: c\n    question: Q3?\n    answer: C\n"
        '  - id: d\n    question: Q4?\n    answer: "D"\n',
        name="broken.yaml",
    )
    assert main(["check", str(broken.parent)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert "broken.yaml: whole file left out (3 cards) until the syntax error is fixed" in lines
    assert lines[-1].startswith("2 deck files, 1 card (3 left out: 3 in a file left out whole): 1 error")


def _follow_the_delete_advice(path: Path, hint: str, line: int) -> None:
    """Do what the hint says, literally: delete just the quoted text from that line."""
    deleted = re.search(r"delete just `([^`]+)`", hint)
    assert deleted, hint
    lines = path.read_text(encoding="utf-8").split("\n")
    assert deleted.group(1) in lines[line - 1], (hint, lines[line - 1])
    lines[line - 1] = lines[line - 1].replace(deleted.group(1), "", 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def test_following_the_duplicate_id_hint_gives_the_copy_its_own_id(write_deck, capsys):
    """A teacher copies a card, id and all, to make a new one above it; the hint says how to part them.

    The `id:` shares its line with the `- ` that starts the card: deleting that whole line
    would merge the copy into the card above, so the hint says to delete just `id: x`."""
    original = "  - id: red-army\n    type: qa\n    question: Which army invaded in 1920?\n    answer: the Red Army\n"
    copy = (
        "  - id: red-army\n    type: qa\n    question: Which city was the first capital?\n    answer: Ganja\n"
    )
    path = write_deck(HEAD + "  - id: other\n    question: Q?\n    answer: A\n" + copy + original)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert 'the card on line 6 ("Which city was the first capital?") keeps this id and its progress' in out
    assert 'this card ("Which army invaded in 1920?") is left out' in out
    assert "Some cards have no id" not in out  # the --fix in the hint is not about a missing id
    hint = next(line for line in out.splitlines() if "if one of them is a copy" in line)
    assert "change its `id: red-army` (line 6 or 10) to a new id" in hint
    assert "keep the `- ` before it" in hint
    _follow_the_delete_advice(path, hint, 6)  # the copy is the card on line 6
    followed = path.read_text(encoding="utf-8").split("\n")
    assert main(["check", "--fix", str(path)]) == 0
    capsys.readouterr()
    # The new id goes where the old one was, after the `- ` the teacher kept: the card looks
    # like every other card in the file, and no other line changed.
    fixed = path.read_text(encoding="utf-8").split("\n")
    assert re.fullmatch(r"  - id: [\w-]+", fixed[5]), fixed[5]
    assert fixed[:5] + fixed[6:] == followed[:5] + followed[6:]
    assert main(["check", str(path)]) == 0
    assert "0 errors, 0 warnings" in capsys.readouterr().out
    loaded = read_deck(path)
    assert loaded.deck.cards[0].id == "other"  # nothing merged into the card above
    assert loaded.deck.cards[2].id == "red-army"
    assert loaded.deck.cards[1].prompt == "Which city was the first capital?"
    assert loaded.deck.cards[2].prompt == "Which army invaded in 1920?"


@pytest.mark.parametrize(
    ("cards", "copy_line"),
    [
        ("  - {id: a, question: Q?, answer: A}\n  - {id: a, question: R?, answer: B}\n", 4),
        (
            "  - id: a\n    question: Q?\n    answer: A\n  - type: qa\n    id: a\n"
            "    question: R?\n    answer: B\n",
            7,
        ),
    ],
    ids=["flow mapping", "id on a line of its own"],
)
def test_the_duplicate_id_hint_works_in_every_layout(write_deck, capsys, cards, copy_line):
    path = write_deck(HEAD + cards)
    assert main(["check", str(path)]) == 1
    hint = next(line for line in capsys.readouterr().out.splitlines() if "if one of" in line)
    _follow_the_delete_advice(path, hint, copy_line)
    assert main(["check", "--fix", str(path)]) == 0
    capsys.readouterr()
    assert main(["check", str(path)]) == 0
    assert [c.prompt for c in read_deck(path).deck.cards] == ["Q?", "R?"]


def test_check_on_a_missing_path_is_a_message_not_a_traceback(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nope.yaml")]) == 1
    err = capsys.readouterr().err
    assert "nope.yaml: no such file or folder" in err and "Traceback" not in err


def test_check_on_an_empty_folder(tmp_path, capsys):
    assert main(["check", str(tmp_path)]) == 1
    assert "no deck files" in capsys.readouterr().err


def test_two_deck_files_with_the_same_id(write_deck, capsys):
    write_deck("title: A\ncards: []\n", "history.yaml")
    path = write_deck("title: B\ncards: []\n", "history.yml")
    assert main(["check", str(path.parent)]) == 1
    assert "another deck file is also named 'history'" in capsys.readouterr().out


def test_documented_example_passes(example_deck, capsys):
    assert main(["check", str(example_deck)]) == 0
    assert "5 cards: 0 errors, 0 warnings" in capsys.readouterr().out
