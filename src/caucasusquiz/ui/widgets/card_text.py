"""Card text as Rich `Text`: always literal, never markup, never a control character.

`[bold]` typed into a deck is shown as the eight characters `[bold]`. Everything the
review screen shows of a card goes through these functions.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import cache

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from caucasusquiz.decks.document_titles import source_words
from caucasusquiz.decks.model import CLOZE_BLANK, Card, CardType
from caucasusquiz.study import humanize
from caucasusquiz.study.answers import AnswerCheck, DiffSegment, Verdict, meaningful_diff
from caucasusquiz.study.rating import Rating
from caucasusquiz.text import strip_forbidden
from caucasusquiz.ui.shorten import shorten
from caucasusquiz.ui.widgets.literal import literal

VERDICT_LABELS = {
    Verdict.RIGHT: ("✓ Right", "verdict-right"),
    Verdict.ALMOST: ("≈ Almost", "verdict-almost"),
    Verdict.WRONG: ("✗ Wrong", "verdict-wrong"),
    Verdict.REVEALED: ("Answer", "verdict-revealed"),
}


def prompt_text(card: Card, revealed: bool = False, width: int | None = None) -> Text:
    """The question; a cloze shows its blank in place (filled in and highlighted once revealed).

    With `width`, the text comes wrapped to it, and the blank (or the answer in its place) is
    never broken across lines: `[ month day, year ]` is one piece.
    """
    if card.type is not CardType.CLOZE:
        text = literal(card.prompt, "bold")
        if card.type is CardType.TRUEFALSE:
            text = Text.assemble(("True or false?  ", "dim"), text)
        return text
    match = CLOZE_BLANK.search(card.prompt)
    assert match is not None, "the deck loader refuses a cloze without its blank"
    before, after = card.prompt[: match.start()], card.prompt[match.end() :]
    text = literal(before, "bold")
    if revealed:
        blank = strip_forbidden(card.answer)
        text.append(blank, style="bold reverse")
    else:
        blank = strip_forbidden(f"[ {card.hint} ]" if card.hint else "[ … ]")
        text.append(blank, style="bold underline")
    start = len(text)
    text.append(strip_forbidden(after), style="bold")
    return _wrapped_keeping(text, start - len(blank), start, width) if width else text


def _wrapped_keeping(text: Text, start: int, end: int, width: int) -> Text:
    """`text` wrapped at `width` with newlines, never inside text[start:end] (if it fits a line)."""
    plain = text.plain
    unbreakable = plain[:start] + "".join("_" if ch.isspace() else ch for ch in plain[start:end])
    offsets = line_starts(unbreakable, width)
    if not offsets:
        return text
    lines = text.divide(offsets)
    for line in lines:
        line.rstrip()
    return Text("\n").join(lines)


def line_starts(plain: str, width: int) -> list[int]:
    """Where each line after the first starts when Rich word-wraps `plain` at `width` (a word
    longer than a line is folded). Rich's public `Text.wrap` gives the lines, not where they
    start: each line is the next run of `plain` (past the whitespace between lines, which
    is dropped when a line would be too long with it), so its text is found from there."""
    starts = []
    position = 0
    for number, line in enumerate(Text(plain).wrap(_console(), width, overflow="fold")):
        found = line.plain.rstrip()
        if found:  # else a line of spaces only (after a folded word): it starts where it is
            position = plain.find(found, position)
        if number:
            starts.append(position)
        position += len(line.plain)
    return starts


@cache
def _console() -> Console:
    # Text.wrap asks for a console (for justifying, which is not used here); made once, when
    # a card is first wrapped, not at import.
    return Console()


def typed_with_mistakes(diff: tuple[DiffSegment, ...]) -> Text:
    """The learner's answer with what should not be there struck out."""
    text = Text()
    for segment in meaningful_diff(diff, "typed"):
        if segment.kind == "same":
            text.append(strip_forbidden(segment.text))
        elif segment.kind == "extra":
            text.append(strip_forbidden(segment.text), style="strike red")
    return text


def expected_with_gaps(diff: tuple[DiffSegment, ...]) -> Text:
    """The right answer with what the learner left out or got wrong underlined."""
    text = Text()
    for segment in meaningful_diff(diff):
        if segment.kind == "same":
            text.append(strip_forbidden(segment.text), style="bold")
        elif segment.kind == "missing":
            text.append(strip_forbidden(segment.text), style="bold underline green")
    return text


def feedback_text(card: Card, check: AnswerCheck) -> Text:
    label, _ = VERDICT_LABELS[check.verdict]
    text = Text(label, style="bold")
    if check.verdict is Verdict.RIGHT:
        text.append("  ")
        text.append(strip_forbidden(check.expected), style="bold")
        if check.matched and check.matched != check.expected:
            text.append(f"  (accepted: {strip_forbidden(check.matched)})", style="dim")
        return text
    almost = check.verdict is Verdict.ALMOST and bool(check.diff)
    if check.typed:
        text.append("   yours: ", style="dim")
        text.append_text(typed_with_mistakes(check.diff) if almost else literal(check.typed, "strike"))
    text.append("\nCorrect: ", style="dim")
    if almost and check.matched and check.matched != check.expected:
        # The gaps are against the accepted form the answer was close to; shown under the
        # card's own answer, so a learner never takes that form for the answer itself.
        text.append_text(literal(check.expected, "bold"))
        text.append("\nClosest accepted: ", style="dim")
        text.append_text(expected_with_gaps(check.diff))
        return text
    text.append_text(expected_with_gaps(check.diff) if almost else literal(check.expected, "bold"))
    return text


def context_text(card: Card, title: str | None = None) -> Text:
    """The fact in its sentence, and where it comes from (`title`: its document's)."""
    sentence, source = sentence_text(card), source_text(card, title)
    return Text("\n").join(part for part in (sentence, source) if part)


def sentence_text(card: Card) -> Text:
    """The fact in its sentence, the answer highlighted ("" when the card has no sentence)."""
    sentence = _sentence(card)
    text = literal(sentence, "italic")
    span = answer_span(card)
    if span is not None:
        text.stylize("bold reverse", *span)
    return text


def answer_span(card: Card) -> tuple[int, int] | None:
    """Where the answer is in the card's sentence (as `sentence_text` shows it): None for a
    true/false card (its whole sentence is the answer) or an answer the sentence words otherwise."""
    if card.type is CardType.TRUEFALSE or not card.answer:
        return None
    start = _sentence(card).casefold().find(card.answer.casefold())
    return (start, start + len(card.answer)) if start >= 0 else None


def _sentence(card: Card) -> str:
    return card.context or (card.full_text if card.type is CardType.CLOZE else "")


def source_text(card: Card, title: str | None = None, width: int | None = None) -> Text:
    """Where the fact comes from, in one line ("" when the card names no source): the
    document's title when it is known (decks/document_titles.py), else its file name.

    In `width` cells, a long title is shortened at a word with "…" (ui.shorten), so that the
    line number stays: the one-line source line cut "…Energy Security," and lost the rest."""
    words = source_words(card, title)
    if title and width is not None and cell_len(words) > width:
        around = cell_len(words) - cell_len(title)
        words = source_words(card, shorten(title, max(width - around, 1)))
    return Text(words, style="dim")


def rating_text(previews: dict[Rating, timedelta], suggested: Rating, width: int | None = None) -> Text:
    """The four ratings and their intervals on one line. Where that line is wider than
    `width` (60 columns), the intervals are written short (`6d`): it wrapped as "4 Easy 6" /
    "days", the number torn from its unit."""
    text = _rating_line(previews, suggested, humanize.interval, "  ")
    if width is not None and cell_len(text.plain.rstrip()) > width:
        text = _rating_line(previews, suggested, humanize.interval_short, " ")
    return text


def _rating_line(
    previews: dict[Rating, timedelta], suggested: Rating, say: Callable[[timedelta], str], gap: str
) -> Text:
    text = Text()
    for rating in Rating:
        chosen = rating is suggested
        text.append("▶" if chosen else " ", style="bold")
        text.append(f"{rating.value} {rating.label}", style="bold reverse" if chosen else "bold")
        text.append(f" {say(previews[rating])}{gap}", style="" if chosen else "dim")
    return text
