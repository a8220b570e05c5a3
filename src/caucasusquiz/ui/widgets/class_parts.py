"""Pieces of the class quiz screens as Rich text: the question, how the class answered, the scores."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from caucasusquiz.classroom.questions import Question
from caucasusquiz.classroom.session import Standing, Tally
from caucasusquiz.ui.shorten import shorten
from caucasusquiz.ui.widgets.literal import literal

BAR_WIDTH = 30
VERDICT_STYLE = {"right": "bold green", "almost": "bold yellow", "wrong": "bold red"}
VERDICT_WORD = {"right": "✓ Right", "almost": "≈ Almost", "wrong": "✗ Wrong"}


def option_label(question: Question, index: int) -> str:
    if question.kind == "truefalse":
        return question.options[index][0].lower()  # t / f
    return str(index + 1)


def question_text(question: Question, total: int) -> Text:
    text = Text.assemble((f"Question {question.position + 1} of {total}\n\n", "dim"))
    text.append_text(literal(question.prompt, "bold"))
    text.append("\n")
    for index, option in enumerate(question.options):
        text.append(f"\n  {option_label(question, index)}  ", style="bold reverse")
        text.append(" ")
        text.append_text(literal(option))
    if question.is_typed:
        text.append("\n\nType the answer.", style="italic dim")
    return text


MIN_BAR_WIDTH = 10  # a long option leaves the bars this much at least
RIGHT_MARK = " ✓"


def _bar(count: int, most: int, style: str, bar_width: int = BAR_WIDTH) -> Text:
    width = round(count / most * bar_width) if most else 0
    return Text("█" * width + ("▏" if not width else ""), style=style)


def tally_text(question: Question, tally: Tally, width: int = 76) -> Text:
    """The correct answer, a bar per option (or right/almost/wrong), then the source sentence;
    each option's line fits in `width` cells, the option whole when it can be."""
    text = Text.assemble(("Answer: ", "bold"))
    text.append_text(literal(question.answer, "bold green"))
    text.append("\n\n")
    if question.is_typed:
        rows = [
            ("Right", tally.right, "green"),
            ("Almost", tally.almost, "yellow"),
            ("Wrong", tally.wrong, "red"),
        ]
    else:
        right = question.right_option
        rows = [
            (f"{option_label(question, i)} {option}", n, "green" if i == right else "red")
            for i, (option, n) in enumerate(zip(question.options, tally.per_option, strict=True))
        ]
    if tally.unanswered:
        rows.append(("No answer", tally.unanswered, "dim"))
    most = max((n for _, n, _ in rows), default=0)
    # The right option's count is followed by RIGHT_MARK: bars differ in colour only, which a
    # capture, a projector or NO_COLOR loses (True ███ 1 / False ███ 1 looked the same).
    mark = 0 if question.is_typed else len(RIGHT_MARK)
    room = width - 2 - len(str(most)) - mark  # the label, the bar, the count, a space between each
    label_width = min(max(len(label) for label, _, _ in rows), max(1, room - MIN_BAR_WIDTH))
    bar_width = max(1, min(BAR_WIDTH, room - label_width))
    for label, count, style in rows:
        shown = shorten(label, label_width)
        text.append_text(literal(f"{shown:<{label_width}} "))
        text.append_text(_bar(count, most, style, bar_width))
        text.append(f" {count}")
        if mark and style == "green":
            text.append(RIGHT_MARK, style="bold green")
        text.append("\n")
    if question.context:
        text.append("\n")
        text.append_text(literal(question.context, "italic"))
    return text


def standings_text(
    standings: Sequence[Standing], limit: int = 8, highlight: str | None = None, gained: bool = True
) -> Text:
    if not standings:
        return Text("Nobody has joined.", style="dim")
    text = Text()
    for standing in standings[:limit]:
        style = "bold reverse" if standing.name == highlight else ("bold" if standing.rank == 1 else "")
        plus = f"+{standing.gained}" if standing.gained and gained else ""
        line = literal(f"{standing.rank:>3}. {standing.name[:30]:<30} {standing.score:>6} {plus:>6}\n", style)
        text.append_text(line)
    if len(standings) > limit:
        text.append(f"     … and {len(standings) - limit} more\n", style="dim")
    return text
