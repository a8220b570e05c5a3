"""The class quiz's reveal, at the width of an 80-column host screen, and its summary."""

from __future__ import annotations

from caucasusquiz import paths
from caucasusquiz.classroom.questions import Question, build_questions
from caucasusquiz.classroom.session import ClassSession, Tally
from caucasusquiz.classroom.storage import ClassDatabase
from caucasusquiz.ui.class_app import ClassApp
from caucasusquiz.ui.screens.class_host import ClassHostScreen
from caucasusquiz.ui.widgets.class_parts import tally_text
from caucasusquiz.workspace import load_decks

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


async def test_a_long_question_in_the_class_summary_wraps_under_its_own_start(
    decks_dir, isolated_user_dirs, clock
):
    # The end-of-class summary cut questions at about 72 columns ("…established diplomati…");
    # the rows are LabelledLines now, the share a column of its own (widgets/labelled_lines.py).
    cards = [c for c in load_decks(paths.resolve(decks=decks_dir)).cards if c.id == "btc"]
    database = ClassDatabase.open(isolated_user_dirs)
    session = ClassSession.create(
        database,
        build_questions(cards, 1, {}, "summary"),
        title="History",
        seconds=20,
        clock=clock,
        code="482913",
    )
    session.join("Leyla")
    session.next()
    session.reveal()
    session.end()
    app = ClassApp(lambda _: ClassHostScreen(session), clock=clock)
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        body = app.screen.query_one("#class-body")
        lines = [strip.text.rstrip() for strip in body.render_lines(body.region.reset_offset)]
    database.close()
    prompt = cards[0].prompt
    first = next(n for n, line in enumerate(lines) if "% right" in line)
    column = lines[first].index(prompt.split()[0])
    rest = [line for line in lines[first + 1 :] if line.strip() and "The details" not in line]
    assert rest and all(line[:column].strip() == "" and line[column] != " " for line in rest), lines
    assert " ".join(line.strip() for line in [lines[first][column:], *rest]) == prompt  # none of it cut


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
