"""A war's result, read from the infobox a wiki scrape keeps as "- Result: …" lines.

A scraped wiki page keeps its infobox as an "Infobox" line followed by "- Key: value"
lines. The lines are not prose and give no sentence card, but one of them is what a
teacher asks first about a war: its result ("Paraguayan victory"). Only a conflict's
infobox (it names the conflict: "- Conflict: Chaco War") and only its result are asked;
other keys are commanders' lists, ranges of casualties, or the present (an ambassador).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from caucasusquiz.decks.ids import slug_words
from caucasusquiz.generator.cards import Draft
from caucasusquiz.generator.documents import Document
from caucasusquiz.generator.entities import fold

_START = re.compile(r"^\s*Infobox\s*$", re.IGNORECASE)
_FIELD = re.compile(r"^\s*[-*•]?\s*(?P<key>[A-Za-z][A-Za-z ]{1,30}?)\d?\s*:\s*(?P<value>.*?)\s*$")
MAX_FIELDS = 60  # an infobox ends at its first blank line; never read further than this
MAX_ANSWER_CHARS = 60


@dataclass(frozen=True, slots=True)
class Field:
    value: str
    line: int  # 1-based line of the document


def infobox(lines: tuple[str, ...]) -> dict[str, Field]:
    """The first infobox's fields by lower-cased key ("result" → "Paraguayan victory")."""
    for index, line in enumerate(lines):
        if not _START.match(line):
            continue
        fields: dict[str, Field] = {}
        for number, row in enumerate(lines[index + 1 : index + 1 + MAX_FIELDS], start=index + 2):
            if not row.strip():
                break
            found = _FIELD.match(row)
            if found is not None and found.group("value"):
                fields.setdefault(found.group("key").strip().lower(), Field(found.group("value"), number))
        return fields
    return {}


def result_card(document: Document) -> Draft | None:
    """ "What was the result of the Chaco War?" — "Paraguayan victory", from the infobox."""
    fields = infobox(document.lines)
    conflict, result = fields.get("conflict"), fields.get("result")
    if conflict is None or result is None:
        return None
    name = conflict.value.strip()
    answer = re.sub(r"\s*[\[(].*$", "", result.value).strip(" .,;")
    words = name.split()
    if not 1 <= len(words) <= 8 or not words[0][:1].isupper() or re.search(r"\d", answer):
        return None  # a range of years or a count is no result to recall
    if not 1 <= len(answer.split()) <= 8 or len(answer) > MAX_ANSWER_CHARS:
        return None  # "See Aftermath", a paragraph: no short answer
    article = "" if re.match(r"(?:The|the)\b", name) else "the "
    question = f"What was the result of {article}{name}?"
    context = f"{name} (infobox) — Result: {answer}"
    key = fold(context)
    digest = hashlib.sha1(f"{key}|{fold(answer)}|ask".encode()).hexdigest()
    body: tuple[tuple[str, object], ...] = (("question", question), ("answer", answer))
    return Draft(
        f"{slug_words(answer, 3)}-{digest[:6]}",
        "qa",
        body,
        ("cause-or-definition",),
        f"{document.name}:{result.line}",
        context,
        fold(answer),
        key,
        (document.name, result.line, 0),
        answer,
        question,
    )
