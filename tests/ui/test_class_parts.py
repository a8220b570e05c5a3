"""The class quiz's reveal, at the width of an 80-column host screen."""

from __future__ import annotations

from caucasusquiz.classroom.questions import Question
from caucasusquiz.classroom.session import Tally
from caucasusquiz.ui.widgets.class_parts import tally_text

OPTIONS = (
    "the Transcaucasian Soviet Federative Socialist Republic",
    "the Russian Soviet Federative Socialist Republic",
    "the Ukrainian Soviet Socialist Republic",
    "the Transcaucasian Democratic Federative Republic",
)


def test_the_reveal_shows_long_options_whole_beside_their_bars():
    # A new user's report: options were cut at 26 characters ("1 the Transcaucasian
    # Soviet… ▏ 0") beside a 30-cell bar, with room to spare at 80 columns.
    question = Question(
        0, "early", "tsfsr", "choice", "In 1922 … which republic?", OPTIONS[0], options=OPTIONS
    )
    text = tally_text(
        question, Tally(per_option=(3, 1, 0, 12), right=3, almost=0, wrong=13, unanswered=1), 74
    )
    lines = text.plain.splitlines()
    for number, option in enumerate(OPTIONS, start=1):
        line = next(line for line in lines if line.startswith(f"{number} "))
        assert option in line and len(line) <= 74, line
    bars = [line.index("█") for line in lines if "█" in line]
    assert len(set(bars)) == 1  # the bars start in one column
    assert max(line.count("█") for line in lines) >= 10


def test_a_long_line_wraps_under_its_own_start():
    # The end-of-class summary cut questions at about 72 columns ("…established diplomati…").
    from rich.text import Text

    from caucasusquiz.ui.widgets.class_parts import hanging

    prompt = (
        "In which year did Azerbaijan and the United States establish diplomatic relations with each other?"
    )
    lines = hanging(Text(prompt), 13, 74).plain.splitlines()
    assert len(lines) == 2 and all(len(line) + (13 if n == 0 else 0) <= 74 for n, line in enumerate(lines))
    assert lines[1].startswith(" " * 13) and lines[1][13] != " "
    assert " ".join(line.strip() for line in lines) == prompt


def test_the_reveal_marks_the_right_options_bar_in_words_not_only_in_colour():
    # A second new user's report: "t True ███ 1" / "f False ███ 1" on the host's reveal, and
    # nothing but colour said which was right (lost in a capture and under NO_COLOR).
    question = Question(0, "early", "tf", "truefalse", "Wilson met them.", "False", options=("True", "False"))
    text = tally_text(question, Tally(per_option=(1, 1), right=1, almost=0, wrong=1, unanswered=0), 76)
    lines = [line for line in text.plain.splitlines() if "█" in line]
    assert len(lines) == 2
    assert lines[0].endswith(" 1") and "✓" not in lines[0]
    assert lines[1].endswith("1 ✓") and "False" in lines[1]
    assert all(len(line) <= 76 for line in text.plain.splitlines())
