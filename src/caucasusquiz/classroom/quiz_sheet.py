"""A printable quiz for paper tests: questions with numbered options, the answer key at the end.

The same choice as a live class quiz (the cards the class gets wrong first, else a balanced
pick), written as Markdown that prints well and converts to anything.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from caucasusquiz.classroom.questions import CardKey, build_questions
from caucasusquiz.decks.model import Card

ANSWER_LINE = "_" * 30


def _md(text: str) -> str:
    """Card text as Markdown text: no accidental emphasis, headings or line breaks."""
    for char in "\\*_`#[]<>|":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())


def quiz_markdown(
    cards: Sequence[Card], count: int, results: Mapping[CardKey, tuple[int, int]], title: str, seed: str
) -> str:
    questions = build_questions(cards, count, results, seed)
    lines = [f"# Quiz: {_md(title)}", "", f"Name: {ANSWER_LINE}    Date: {'_' * 12}", ""]
    key = []
    for number, question in enumerate(questions, 1):
        lines.append(f"{number}. {_md(question.prompt)}")
        lines.append("")
        if question.is_typed:
            lines += [f"   Answer: {ANSWER_LINE}", ""]
            key.append(f"{number}. {_md(question.answer)}")
        else:
            for index, option in enumerate(question.options, 1):
                lines.append(f"   {index}) {_md(option)}")
            lines.append("")
            right = question.right_option
            label = f"{right + 1}) " if right is not None else ""
            key.append(f"{number}. {label}{_md(question.answer)}")
    if not questions:
        lines += ["(No cards to ask.)", ""]
    lines += ["---", "", "## Answer key", "", *key, ""]
    return "\n".join(lines)
