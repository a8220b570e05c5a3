"""`check` on each card's `source: "file.txt:21"`: is the document there, is the line in it, and
does that line plausibly hold the card's fact?

A hand-made deck's sources break quietly: a misspelt file name, a line past the end, or a
line added at the top of the document, which moves every fact down one line. The app then
shows the wrong sentence under the card, in the source viewer and on the author screen.

"Holds the fact" is judged cheaply, by words: the line has the card's answer, or at least
half of the card's key words (its answer's and prompt's words of four letters or more, and
numbers). When it does not, the nearest line that does is named; when no line does, nothing
is said (a card may be reworded from its sentence). Only `check` reads the documents: the
app's reload does not, so that it stays as fast as reading the deck files.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from pathlib import Path

from caucasusquiz.decks.model import CLOZE_BLANK, Card, CardType, Deck, Problem, ProblemKind, Severity
from caucasusquiz.decks.sources import DOCUMENT_SUFFIXES, is_safe_source_name, read_source
from caucasusquiz.text import fold, plural

_WORD = re.compile(r"[^\W_]+")
_SMALL_WORDS = frozenset(
    "that this with from what which when where were was have has had into than then they them "
    "their there these those been being about after before does did true false".split()
)
HALF = 0.5
RUN = 4  # words in a row that a line shares with the card's context
SHIFTED_TOGETHER = 3  # cards off by the same lines in one document: said once


def check_sources(decks: Iterable[Deck], folders: tuple[Path | None, ...]) -> list[Problem]:
    """Warnings for the sources of every card in `decks`; `folders`: the seeds and decks
    folders sources are looked for in (each deck's own `documents:` folders come after)."""
    problems: list[Problem] = []
    # Each document read and split once for the whole check: the shipped decks share five.
    lines_of: dict[tuple[str, Path, tuple[Path, ...]], list[str] | None] = {}
    for deck in decks:
        shifts: dict[tuple[str, int], list[tuple[Card, Problem]]] = {}
        for card in deck.cards:
            name = card.source_file
            if not name or not is_safe_source_name(name):
                continue  # no source, or one the loader already warned about
            where = (name, deck.path.parent, deck.documents)  # `documents:` can name another file
            if where not in lines_of:
                document = read_source(name, folders, deck.documents)
                lines_of[where] = document.text.splitlines() if document is not None else None
            lines = lines_of[where]
            if lines is None:
                problems.append(_missing(deck, card, name, folders))
            elif card.source_line is not None:
                problem, offset = _line_problem(deck, card, name, lines)
                if problem is not None and offset is not None:
                    shifts.setdefault((name, offset), []).append((card, problem))
                elif problem is not None:
                    problems.append(problem)
        problems += [
            p for (name, offset), found in shifts.items() for p in _shift_problems(deck, name, offset, found)
        ]
    return sorted(problems, key=lambda p: (str(p.path), p.line))


def _shift_problems(deck: Deck, name: str, offset: int, found: list[tuple[Card, Problem]]) -> list[Problem]:
    """Many cards off by the same number of lines in one document: a line was added to it (or
    removed) above them. One warning that says so, rather than one a card."""
    if len(found) < SHIFTED_TOGETHER:
        return [problem for _, problem in found]
    first = found[0][0]
    lines = ", ".join(str(card.source_line) for card, _ in found[:6]) + (", …" if len(found) > 6 else "")
    where = "below" if offset > 0 else "above"
    steps = plural(abs(offset), "line")
    message = (
        f"{len(found)} cards' facts are each {steps} {where} their source line in {name} "
        f"(source lines {lines}): a line was added to or removed from the document above them"
    )
    change = f"add {abs(offset)} to" if offset > 0 else f"take {abs(offset)} from"
    hint = f'{change} the line number in each of these cards\' source: "{name}:N"'
    return [Problem(deck.path, first.line, message, hint, Severity.WARNING, kind=ProblemKind.SOURCE_LINE)]


def _missing(deck: Deck, card: Card, name: str, folders: tuple[Path | None, ...]) -> Problem:
    places = [*deck.documents, *(f for f in folders if f is not None)]
    names = sorted({p.name for place in places if place.is_dir() for p in _documents_in(place)})
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.7)
    where = ", ".join(str(p) for p in dict.fromkeys(deck.documents)) or "the decks or seeds folder"
    line = f":{card.source_line}" if card.source_line else ""
    hint = (
        f'did you mean source: "{close[0]}{line}"?'
        if close
        else f"put the document in {where}, or correct the file name"
    )
    return _warning(deck, card, f"source document {name!r} is not found", hint, ProblemKind.SOURCE_NOT_FOUND)


def _documents_in(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.iterdir() if p.suffix.lower() in DOCUMENT_SUFFIXES]
    except OSError:
        return []


def _line_problem(deck: Deck, card: Card, name: str, lines: list[str]) -> tuple[Problem | None, int | None]:
    """The problem with a card's source line, and how many lines off its fact is (None when
    the line is past the end)."""
    number = card.source_line or 0
    fact = _Fact(card)
    if not fact.words and not fact.answer and not fact.context:
        return None, None
    if not 1 <= number <= len(lines):
        best = fact.best_line(lines, number)
        hint = (
            _use_line(name, best, lines)
            if best
            else f"{name} has {len(lines)} lines: correct the line number"
        )
        message = f"source line {number} is past the end of {name} ({len(lines)} lines)"
        return _warning(deck, card, message, hint, ProblemKind.SOURCE_LINE), None
    if fact.is_on(lines[number - 1]):
        return None, None
    best = fact.best_line(lines, number)
    if best is None:
        return None, None  # reworded beyond matching: nothing reliable to say
    shifted = " (lines added or removed above it move every source below them)"
    message = f"line {number} of {name} does not seem to hold this card's fact; line {best} does{shifted}"
    return _warning(deck, card, message, _use_line(name, best, lines), ProblemKind.SOURCE_LINE), best - number


def _use_line(name: str, number: int, lines: list[str]) -> str:
    words = lines[number - 1].split()
    start = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
    return f'write source: "{name}:{number}" ("{start}")'


def _warning(deck: Deck, card: Card, message: str, hint: str, kind: ProblemKind) -> Problem:
    return Problem(deck.path, card.line, f"card {card.id!r}: {message}", hint, Severity.WARNING, kind=kind)


class _Fact:
    """What a card's source line should share with it: with a `context:` (the sentence the card
    was made from, which may run on over the next lines), the line's words are the context's;
    without one, the line has the card's answer or half of its key words."""

    def __init__(self, card: Card) -> None:
        prompt = CLOZE_BLANK.sub(lambda m: m.group(1).split("::", 1)[0], card.prompt)
        typed_answer = card.type is not CardType.TRUEFALSE
        self.answer = _folded(card.answer) if typed_answer else ""
        self.words = _key_words(prompt) | (_key_words(card.answer) if typed_answer else set())
        context = _tokens(card.context or "")
        self.context = " ".join(["", *context, ""])  # spaced, so that words match whole
        self.context_runs = {tuple(context[i : i + RUN]) for i in range(len(context) - RUN + 1)}

    def _in_context(self, tokens: list[str]) -> bool:
        """A document's lines break a sentence anywhere (a scraped page, a link's text): a
        short line is in the context when all of it is, a longer one when a run of its words is."""
        if len(tokens) < RUN:
            return f" {' '.join(tokens)} " in self.context
        return any(tuple(tokens[i : i + RUN]) in self.context_runs for i in range(len(tokens) - RUN + 1))

    def is_on(self, line: str) -> bool:
        tokens = _tokens(line)
        if self.context and tokens and self._in_context(tokens):
            return True
        words = _key_words(line)
        folded = _folded(line)
        if self.answer and len(self.answer) >= 3 and self.answer in folded:
            return True
        return bool(self.words) and len(self.words & words) >= HALF * len(self.words)

    def best_line(self, lines: list[str], near: int) -> int | None:
        """The line nearest to line `near` that holds the card's fact (1-based)."""
        holding = [number for number, line in enumerate(lines, start=1) if self.is_on(line)]
        return min(holding, key=lambda number: (abs(number - near), number)) if holding else None


def _tokens(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def _folded(text: str) -> str:
    return " ".join(_tokens(text))


def _key_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(fold(text)) if (len(w) >= 4 or w.isdigit()) and w not in _SMALL_WORDS}
