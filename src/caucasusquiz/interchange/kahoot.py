"""Kahoot: its quiz spreadsheet template (`.xlsx`), written and read with openpyxl.

Kahoot's template has a few lines of instructions, then a header row and one question per
row: question (max 120 characters), answers 1–4 (max 75 each), time limit in seconds
(5, 10, 20, 30, 60, 90, 120 or 240) and the correct answer number(s), e.g. "2" or "1,3".
Multiple-choice and true/false cards fit directly; a typed card goes in only when it has
three distractors, otherwise it is skipped and counted, as are cards over Kahoot's limits.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from caucasusquiz.decks.model import Card, CardType, Deck
from caucasusquiz.interchange import flat
from caucasusquiz.interchange.atomic import save_atomically
from caucasusquiz.interchange.common import (
    BadFile,
    ImportedCard,
    ImportResult,
    Reason,
    clean_text,
    cloze_from_flat,
)
from caucasusquiz.text import plural

MAX_QUESTION = 120
MAX_ANSWER = 75
TIME_LIMITS = (5, 10, 20, 30, 60, 90, 120, 240)
HEADER = (
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
)
HEADER_ROW = 8  # as in Kahoot's template: title and instructions above
MAX_XLSX_BYTES = 64 * 1024 * 1024
_LIMITS = f"Kahoot's limits ({MAX_QUESTION} characters a question, {MAX_ANSWER} an answer)"
_OVER_LIMITS = Reason(f"card over {_LIMITS}", f"cards over {_LIMITS}")
TYPED = Reason("typed card without distractors", "typed cards without distractors")
_HINT = "start from Kahoot's quiz spreadsheet template (Create → Import spreadsheet → download template)"


@dataclass
class KahootExport:
    rows: list[tuple[str, list[str], int, str]] = field(default_factory=list)
    skipped: Counter[Reason] = field(default_factory=Counter)


def time_limit(question: str, answers: Sequence[str]) -> int:
    """Roughly reading time: 20 s, or 30/60 s for long questions and answers."""
    length = len(question) + sum(len(a) for a in answers)
    return 20 if length < 120 else 30 if length < 240 else 60


def kahoot_rows(decks: Sequence[Deck]) -> KahootExport:
    export = KahootExport()
    for deck in decks:
        for card in deck.cards:
            row = _row(card, export.skipped)
            if row is not None:
                export.rows.append(row)
    return export


def _row(card: Card, skipped: Counter[Reason]) -> tuple[str, list[str], int, str] | None:
    if card.type is CardType.TRUEFALSE:
        question, answers, correct = card.prompt, ["True", "False"], "1" if card.answer == "true" else "2"
    elif len(card.distractors) >= 2:
        question = flat.front(card, with_options=False)
        answers = flat.options(card)
        correct = str(answers.index(card.answer) + 1)
    else:
        skipped[TYPED] += 1
        return None
    if len(question) > MAX_QUESTION or any(len(a) > MAX_ANSWER for a in answers):
        skipped[_OVER_LIMITS] += 1
        return None
    return question, answers, time_limit(question, answers), correct


def write_kahoot(decks: Sequence[Deck], out: Path, title: str) -> KahootExport:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    export = kahoot_rows(decks)
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet["B2"] = title
    sheet["B2"].font = Font(bold=True, size=14)
    sheet["B4"] = "Made by caucasusquiz from its decks. Import it in Kahoot: Create → Import spreadsheet."
    sheet["B5"] = "One question per row; correct answer(s) are answer numbers, e.g. 2 or 1,3."
    for column, text in enumerate(HEADER, start=2):
        sheet.cell(HEADER_ROW, column, text).font = Font(bold=True)
    for index, (question, answers, seconds, correct) in enumerate(export.rows, start=1):
        row = HEADER_ROW + index
        sheet.cell(row, 1, index)
        sheet.cell(row, 2, question)
        for offset, answer in enumerate(answers):
            sheet.cell(row, 3 + offset, answer)
        sheet.cell(row, 7, seconds)
        sheet.cell(row, 8, correct)
    sheet.column_dimensions["B"].width = 60
    for letter in "CDEF":
        sheet.column_dimensions[letter].width = 24
    save_atomically(out, book.save)
    return export


def import_kahoot(path: Path) -> ImportResult:
    sheet_rows = _read_rows(path)
    header_at, columns = _find_header(sheet_rows, path)
    result = ImportResult(path.name, "Kahoot spreadsheet")
    deck = result.deck(path.stem)
    for number, cells in sheet_rows[header_at + 1 :]:
        values = {key: cells[i] if i < len(cells) else None for key, i in columns.items()}
        question = _cell_text(values["question"])
        answers = [_cell_text(values.get(f"answer{n}")) for n in range(1, 5)]
        if not question and not any(answers):
            continue
        correct = [int(n) for n in re.findall(r"\d+", _cell_text(values.get("correct")))]
        card = _card(question, answers, correct, f"row {number} of {path.name}", result)
        if card is not None:
            deck.cards.append(card)
    return result


def _card(
    question: str, answers: list[str], correct: list[int], origin: str, result: ImportResult
) -> ImportedCard | None:
    given = [(n, a) for n, a in enumerate(answers, 1) if a]
    right = [a for n, a in given if n in correct]
    if not question or not given:
        result.skipped[Reason("row without a question or answers", "rows without a question or answers")] += 1
        return None
    if len(right) != 1:
        result.skipped[
            Reason(
                "question with no or several correct answers", "questions with no or several correct answers"
            )
        ] += 1
        return None
    answer = right[0]
    wrong = tuple(a for n, a in given if n not in correct)
    if {a.casefold() for _, a in given} == {"true", "false"}:
        return ImportedCard(CardType.TRUEFALSE, question, answer.casefold(), origin)
    if len(wrong) >= 2:
        return ImportedCard(CardType.CHOICE, question, answer, origin, distractors=wrong)
    cloze = cloze_from_flat(question, answer)
    if cloze is not None:
        return ImportedCard(CardType.CLOZE, cloze, answer, origin)
    return ImportedCard(CardType.QA, question, answer, origin)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_text(str(value))


def _read_rows(path: Path) -> list[tuple[int, list[object]]]:
    """Every row's values; formulas are refused (Kahoot and we need the values themselves)."""
    if not zipfile.is_zipfile(path):
        raise BadFile(f"{path.name} is not an .xlsx spreadsheet (not a zip file)", _HINT)
    try:
        with zipfile.ZipFile(path) as package:
            unpacked = sum(info.file_size for info in package.infolist())
        if unpacked > MAX_XLSX_BYTES:
            raise BadFile(
                f"{path.name} unpacks to {unpacked // 1024 // 1024} MiB; a quiz is far smaller (zip bomb?)"
            )
        from openpyxl import load_workbook

        # Opened by us: openpyxl refuses a file *name* not ending in .xlsx ("does not support
        # .kahoot-xlsx file format"), though the contents are what counts.
        handle = path.open("rb")
        try:
            book = load_workbook(handle, read_only=True, data_only=False)
        except BaseException:
            handle.close()
            raise
    except BadFile:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise BadFile(
            f"{path.name} is not a readable .xlsx spreadsheet ({type(exc).__name__}: {exc})", _HINT
        ) from None
    try:
        sheet = book.worksheets[0]
        rows: list[tuple[int, list[object]]] = []
        formulas = 0
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = list(row)
            formulas += sum(1 for c in cells if isinstance(c, str) and c.startswith("="))
            rows.append((number, cells))
    finally:
        book.close()
        handle.close()
    if formulas:
        raise BadFile(
            f"{path.name} has {plural(formulas, 'cell')} holding formulas, not values",
            "copy the sheet and paste it as values only (Paste special → Values), then import that",
        )
    return rows


def _find_header(rows: list[tuple[int, list[object]]], path: Path) -> tuple[int, dict[str, int]]:
    for index, (_, cells) in enumerate(rows[:30]):
        names = [_cell_text(c).casefold() for c in cells]
        question = next((i for i, n in enumerate(names) if n.startswith("question")), None)
        if question is None:
            continue
        columns = {"question": question}
        for i, name in enumerate(names):
            match = re.match(r"answer\s*([1-4])", name)
            if match:
                columns[f"answer{match.group(1)}"] = i
            elif name.startswith("correct"):
                columns["correct"] = i
            elif name.startswith("time"):
                columns["time"] = i
        if "answer1" in columns and "correct" in columns:
            return index, columns
    raise BadFile(f"{path.name} has no Kahoot header row (Question, Answer 1–4, Correct answer(s))", _HINT)
