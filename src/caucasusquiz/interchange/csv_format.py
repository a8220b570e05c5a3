"""CSV: one card per row under a header, for spreadsheets.

Export columns (documented in docs/interchange.md): deck, id, type, question, answer,
accept, distractors, tags, source, context, deck_title. `question` is the prompt as a deck file has
it (a cloze keeps its `{{blank}}`, a true/false card its statement, with answer
true/false); `accept` and `distractors` are separated by ` | `, tags by spaces.

Import takes any spreadsheet's CSV with a header row: the columns are found by name
(question/front/term/prompt/text/statement, answer/back/definition, and the optional
ones above), the delimiter (comma, semicolon or tab) from the header line.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from pathlib import Path

from caucasusquiz.decks.model import CLOZE_BLANK, Card, CardType, Deck
from caucasusquiz.interchange.common import (
    TRUE_FALSE_PREFIX,
    BadFile,
    Extras,
    ImportedCard,
    ImportResult,
    Reason,
    clean_text,
    truth_value,
)
from caucasusquiz.interchange.flat import card_from_flat
from caucasusquiz.interchange.textfile import read_text
from caucasusquiz.text import plural

COLUMNS = (
    "deck",
    "id",
    "type",
    "question",
    "answer",
    "accept",
    "distractors",
    "tags",
    "source",
    "context",
    "deck_title",
)
LIST_SEPARATOR = " | "
_SYNONYMS = {
    "question": ("question", "front", "term", "prompt", "text", "statement", "q"),
    "answer": ("answer", "back", "definition", "a", "correct answer"),
    "deck": ("deck",),
    "deck_title": ("deck title", "title"),
    "id": ("id", "card id"),
    "type": ("type", "card type"),
    "accept": ("accept", "accepted", "alternatives"),
    "distractors": ("distractors", "wrong answers", "options"),
    "tags": ("tags", "tag"),
    "source": ("source",),
    "context": ("context", "sentence", "extra", "notes"),
}
_HINT = "the first row must name the columns, e.g. question,answer (see `caucasusquiz docs interchange`)"


def export_csv(decks: Sequence[Deck]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for deck in decks:
        for card in deck.cards:
            writer.writerow([*_row(card), deck.title])
    return buffer.getvalue()


def _row(card: Card) -> list[str]:
    return [
        card.deck_id,
        card.id,
        card.type.value,
        card.prompt,
        card.answer,
        LIST_SEPARATOR.join(card.accept),
        LIST_SEPARATOR.join(card.distractors),
        " ".join(dict.fromkeys(card.tags)),
        card.source or "",
        card.context or "",
    ]


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _normal(name: str) -> str:
    return re.sub(r"[\s_-]+", " ", name.strip().casefold())


def import_csv(path: Path) -> ImportResult:
    text = read_text(path, "a CSV file")
    lines = text.split("\n", 1)
    delimiter = _delimiter(lines[0])
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise BadFile(f"{path.name} is empty", _HINT)
        columns = _columns(header, path)
        result = ImportResult(path.name, "CSV")
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise BadFile(
                    f"{path.name}:{reader.line_num}: this row has {plural(len(row), 'field')}, "
                    f"the header has {len(header)}",
                    "a value with a delimiter or a line break inside must be in double quotes; "
                    "nothing was imported",
                )
            _add_row(result, {key: row[i] for key, i in columns.items()}, reader.line_num)
    except csv.Error as exc:
        raise BadFile(f"{path.name}:{reader.line_num}: {exc}", "check the quotes on that line") from None
    return result


def _columns(header: list[str], path: Path) -> dict[str, int]:
    names = {_normal(h): i for i, h in reversed(list(enumerate(header)))}
    columns = {}
    for key, synonyms in _SYNONYMS.items():
        for synonym in synonyms:
            if synonym in names:
                columns[key] = names[synonym]
                break
    if "question" not in columns or "answer" not in columns:
        shown = ", ".join(h.strip() for h in header[:6])
        raise BadFile(f"{path.name}:1: no question and answer columns in the header ({shown})", _HINT)
    return columns


def _split(text: str) -> tuple[str, ...]:
    return tuple(t for t in (clean_text(p) for p in text.split("|")) if t)


def _add_row(result: ImportResult, row: dict[str, str], line: int) -> None:
    origin = f"row {line} of {result.path_name}"
    common: Extras = {
        "id": clean_text(row.get("id", "")) or None,
        "tags": tuple(row.get("tags", "").split()),
        "source": clean_text(row.get("source", "")) or None,
        "context": clean_text(row.get("context", "")) or None,
    }
    question, answer = clean_text(row["question"]), clean_text(row["answer"])
    if not question or not answer:
        result.skipped[
            Reason("row with an empty question or answer", "rows with an empty question or answer")
        ] += 1
        return
    kind = clean_text(row.get("type", "")).casefold() or _inferred_type(question, answer, row)
    card: ImportedCard | None = None
    if kind == "truefalse":
        truth = truth_value(answer)
        if truth is not None:
            statement = question.removeprefix(TRUE_FALSE_PREFIX)
            card = ImportedCard(CardType.TRUEFALSE, statement, "true" if truth else "false", origin, **common)
    elif kind == "choice":
        card = ImportedCard(
            CardType.CHOICE,
            question,
            answer,
            origin,
            distractors=_split(row.get("distractors", "")),
            **common,
        )
    elif kind == "cloze":
        blank = CLOZE_BLANK.search(question)
        if blank is not None:
            card = ImportedCard(
                CardType.CLOZE, question, clean_text(blank.group(1).partition("::")[0]), origin, **common
            )
        else:
            card = card_from_flat(question, answer, origin, **common)
    elif kind == "qa":
        card = ImportedCard(
            CardType.QA, question, answer, origin, accept=_split(row.get("accept", "")), **common
        )
    else:
        known = "(cloze, qa, choice, truefalse)"
        result.skipped[
            Reason(f"row of unknown type {kind!r} {known}", f"rows of unknown type {kind!r} {known}")
        ] += 1
        return
    if card is None or card.type.value != kind:
        result.skipped[
            Reason(f"{kind} row that does not fit the type", f"{kind} rows that do not fit the type")
        ] += 1
        return
    deck = clean_text(row.get("deck", ""))
    title = clean_text(row.get("deck_title", ""))
    # Without a deck column, the deck is named after the file.
    result.deck(title or deck or Path(result.path_name).stem, deck or None).cards.append(card)


def _inferred_type(question: str, answer: str, row: dict[str, str]) -> str:
    if _split(row.get("distractors", "")):
        return "choice"
    if answer.casefold() in ("true", "false"):
        return "truefalse"
    if CLOZE_BLANK.search(question):
        return "cloze"
    flat = card_from_flat(question, answer, "")
    return flat.type.value if flat is not None else "qa"
