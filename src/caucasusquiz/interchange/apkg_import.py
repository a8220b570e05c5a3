"""Anki notes → our cards.

- Our own note types (written by `export --format apkg`) come back exactly: type, ids,
  accepted answers, distractors, source and context travel in their fields.
- Cloze notes: one of our cloze cards per cloze number, the other deletions filled in,
  as Anki shows them.
- Front/back note types (Basic, Basic and reversed, optional reversed, type in the answer,
  and any note type shaped like them): one question–answer card from the first template;
  "True or false: …" with True/False becomes a true/false card.
- Anything else (Image Occlusion, note types with several fields on a side) is counted
  by note type name and reported, never dropped silently.
"""

from __future__ import annotations

import re
from pathlib import Path

from caucasusquiz.decks.model import CardType
from caucasusquiz.interchange import anki_notes as ours
from caucasusquiz.interchange.apkg_read import (
    SPECIAL_FIELDS,
    NoteRow,
    NoteType,
    field_references,
    read_package,
)
from caucasusquiz.interchange.common import BadFile, Extras, ImportedCard, ImportResult, Reason, clean_text
from caucasusquiz.interchange.flat import card_from_flat
from caucasusquiz.interchange.html_text import plain_text

_NEWER_FORMAT_STUB = "Please update to the latest Anki version"
_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::([^{}]*?))?\}\}", re.DOTALL)
_MISSING_TYPE = Reason(
    "note whose note type is missing from the package", "notes whose note type is missing from the package"
)
_SEVERAL_BLANKS = Reason(
    "cloze card with several blanks on one card", "cloze cards with several blanks on one card"
)
_NO_DELETION = Reason("cloze note without a cloze deletion", "cloze notes without a cloze deletion")
_EMPTY_SIDE = Reason("note with an empty side (media only?)", "notes with an empty side (media only?)")


def _unsupported(note_type: NoteType) -> Reason:
    return Reason(
        f"note of unsupported type {note_type.name!r}", f"notes of unsupported type {note_type.name!r}"
    )


def import_apkg(path: Path) -> ImportResult:
    collection = read_package(path)
    if collection.notes and all(n.fields[0].startswith(_NEWER_FORMAT_STUB) for n in collection.notes):
        # Newer packages carry this stub beside the real collection; alone, the real one is missing.
        raise BadFile(
            f"{path.name} holds only Anki's 'please update' placeholder, not the deck",
            "export it again from Anki; the package lost its collection.anki21b",
        )
    result = ImportResult(path.name, f"Anki package, {collection.format}")
    for note in collection.notes:
        note_type = collection.note_types.get(note.type_id)
        if note_type is None:
            result.skipped[_MISSING_TYPE] += 1
            continue
        _import_note(note, note_type, result)
    _describe(result, collection.descriptions)
    return result


def _describe(result: ImportResult, descriptions: dict[str, str]) -> None:
    """Each deck's description, and the `dropped` ids and deck fields our export carried in it."""
    leaves = {_leaf(name): text for name, text in descriptions.items()}
    for deck in result.decks:
        description, dropped, fields = ours.carried_in_description(leaves.get(deck.name, ""))
        deck.description = plain_text(description)[0] or deck.description
        deck.dropped = dropped
        deck.fields = fields


class _Fields:
    """A note's fields by name, as plain text, counting the media they referred to."""

    def __init__(self, note: NoteRow, note_type: NoteType, result: ImportResult) -> None:
        self.raw = dict(zip(note_type.fields, note.fields, strict=False))
        self.result = result

    def text(self, name: str | None) -> str:
        text, media = plain_text(self.raw.get(name or "", ""))
        for item in media:
            self.result.media[item] += 1
        return text

    def items(self, name: str) -> tuple[str, ...]:
        parts = (self.text_of(part) for part in self.raw.get(name, "").split(ours.LIST_SEPARATOR))
        return tuple(p for p in parts if p)

    def text_of(self, html: str) -> str:
        return plain_text(html)[0]


def _leaf(deck: str) -> str:
    return deck.rpartition("::")[2] or deck


def _import_note(note: NoteRow, note_type: NoteType, result: ImportResult) -> None:
    fields = _Fields(note, note_type, result)
    origin = f"Anki note {note.guid} ({note_type.name})"
    if note_type.name in ours.FIELDS and ours.CARD_REF in note_type.fields:
        card = _our_card(note_type.name, fields, note.tags, origin)
        if card is None:
            result.skipped[
                Reason(
                    f"note of type {note_type.name!r} with empty fields",
                    f"notes of type {note_type.name!r} with empty fields",
                )
            ] += 1
            return
        deck_id, _, _ = fields.text(ours.CARD_REF).partition("/")
        result.deck(_leaf(note.deck), deck_id or None).cards.append(card)
        return
    cards = _cloze_cards(note_type, fields, note, origin, result) if note_type.is_cloze else None
    if not note_type.is_cloze:
        cards = _front_back_card(note_type, fields, note, origin, result)
    if cards:
        result.deck(_leaf(note.deck)).cards.extend(cards)


def _our_card(name: str, fields: _Fields, tags: tuple[str, ...], origin: str) -> ImportedCard | None:
    _, _, card_id = fields.text(ours.CARD_REF).partition("/")
    tags, reviewed, draft = ours.review_state(tags)
    common: Extras = {
        "id": card_id or None,
        "tags": tags,
        "reviewed": reviewed,
        "draft": draft,
        "source": fields.text("Source") or None,
        "context": fields.text("Back Extra" if name == ours.CLOZE else "Context") or None,
    }
    if name == ours.CLOZE:
        cards = _cloze_texts(fields.text("Text"))
        if len(cards) != 1:
            return None
        prompt, answer = cards[0][1], cards[0][2]
        return ImportedCard(CardType.CLOZE, prompt, answer, origin, **common)
    front, back = fields.text("Front"), fields.text("Back")
    if not front or not back:
        return None
    if name == ours.TYPE_IN:
        return ImportedCard(CardType.QA, front, back, origin, accept=fields.items("Accepted"), **common)
    if name == ours.CHOICE:
        return ImportedCard(
            CardType.CHOICE, front, back, origin, distractors=fields.items("Distractors"), **common
        )
    return card_from_flat(front, back, origin, **common)


def _cloze_texts(text: str) -> list[tuple[int, str, str]]:
    """(cloze number, our cloze text, answer) for each number: its deletions blank, the others filled."""
    numbers = sorted({int(m.group(1)) for m in _CLOZE.finditer(text)})
    cards = []
    for number in numbers:
        if len([m for m in _CLOZE.finditer(text) if int(m.group(1)) == number]) != 1:
            continue  # several blanks on one card: our cloze cards have exactly one

        def fill(match: re.Match[str], number: int = number) -> str:
            answer = clean_text(match.group(2))
            if int(match.group(1)) != number:
                return answer
            hint = clean_text(match.group(3) or "")
            return "{{" + answer + (f"::{hint}" if hint else "") + "}}"

        prompt = _CLOZE.sub(fill, text)
        answer = clean_text(next(m.group(2) for m in _CLOZE.finditer(text) if int(m.group(1)) == number))
        cards.append((number, prompt, answer))
    return cards


def _cloze_cards(
    note_type: NoteType, fields: _Fields, note: NoteRow, origin: str, result: ImportResult
) -> list[ImportedCard]:
    front = note_type.templates[0][0] if note_type.templates else ""
    cloze_fields = [name for filters, name in field_references(front) if "cloze" in filters.split(":")]
    text = fields.text(cloze_fields[0]) if cloze_fields else ""
    if not cloze_fields or "image-occlusion" in text or "Occlusion" in note_type.fields:
        result.skipped[_unsupported(note_type)] += 1
        return []
    extra = next((fields.text(n) for n in ("Back Extra", "Extra") if n in note_type.fields), "")
    found = _cloze_texts(text)
    numbers = {int(m.group(1)) for m in _CLOZE.finditer(text)}
    if len(found) < len(numbers):
        result.skipped[_SEVERAL_BLANKS] += len(numbers) - len(found)
    if not numbers:
        result.skipped[_NO_DELETION] += 1
    return [
        ImportedCard(
            CardType.CLOZE,
            prompt,
            answer,
            f"{origin}, cloze {number}",
            tags=note.tags,
            context=extra or None,
        )
        for number, prompt, answer in found
    ]


def _front_back_card(
    note_type: NoteType, fields: _Fields, note: NoteRow, origin: str, result: ImportResult
) -> list[ImportedCard]:
    sides = _sides(note_type)
    if sides is None:
        result.skipped[_unsupported(note_type)] += 1
        return []
    front, back = fields.text(sides[0]), fields.text(sides[1])
    card = card_from_flat(front, back, origin, tags=note.tags)
    if card is None:
        result.skipped[_EMPTY_SIDE] += 1
        return []
    return [card]


def _sides(note_type: NoteType) -> tuple[str, str] | None:
    """The question field and the answer field of a front/back note type, read from its first template."""
    if not note_type.templates:
        return None
    front, back = note_type.templates[0]
    known = set(note_type.fields)
    front_refs = field_references(front)
    typed = [name for filters, name in front_refs if "type" in filters.split(":") and name in known]
    shown = [name for filters, name in front_refs if "type" not in filters.split(":") and name in known]
    shown = list(dict.fromkeys(n for n in shown if n not in SPECIAL_FIELDS))
    answers = [
        name
        for _, name in field_references(back)
        if name in known and name not in SPECIAL_FIELDS and name not in shown
    ]
    answers = list(dict.fromkeys(typed + answers))
    if len(shown) != 1 or len(answers) != 1:
        return None
    return shown[0], answers[0]
