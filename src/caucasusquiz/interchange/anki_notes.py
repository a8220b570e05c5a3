"""Our note types in Anki: their names, fields and templates, shared by export and import.

Four note types, one per card type, so that a package read back gives the same cards.
Model and deck ids are fixed numbers derived from names: re-exporting gives Anki the same
note types and decks, and note GUIDs come from our deck and card ids, so importing a new
export into Anki updates the notes instead of adding copies.
"""

from __future__ import annotations

import hashlib
import json
import re

from caucasusquiz.decks.loader import TOP_KEYS
from caucasusquiz.interchange.common import DeckFields

PREFIX = "caucasusquiz"
CARD_REF = "Card ID"  # field holding "deck-id/card-id"
LIST_SEPARATOR = "<br>"  # between accepted answers and between distractors

CLOZE = f"{PREFIX} cloze"
TYPE_IN = f"{PREFIX} question (type in the answer)"
CHOICE = f"{PREFIX} multiple choice"
BASIC = f"{PREFIX} basic"

FIELDS: dict[str, tuple[str, ...]] = {
    CLOZE: ("Text", "Back Extra", "Source", CARD_REF),
    TYPE_IN: ("Front", "Back", "Accepted", "Source", "Context", CARD_REF),
    CHOICE: ("Front", "Back", "Options", "Distractors", "Source", "Context", CARD_REF),
    BASIC: ("Front", "Back", "Source", "Context", CARD_REF),
}

_EXTRAS = (
    "{{#Context}}<div class=context>{{Context}}</div>{{/Context}}"
    "{{#Source}}<div class=source>Source: {{Source}}</div>{{/Source}}"
)
TEMPLATES: dict[str, tuple[str, str]] = {
    CLOZE: (
        "{{cloze:Text}}",
        "{{cloze:Text}}{{#Back Extra}}<div class=context>{{Back Extra}}</div>{{/Back Extra}}"
        "{{#Source}}<div class=source>Source: {{Source}}</div>{{/Source}}",
    ),
    TYPE_IN: (
        "{{Front}}\n\n{{type:Back}}",
        "{{Front}}<hr id=answer>{{type:Back}}"
        "{{#Accepted}}<div class=accepted>Also right: {{Accepted}}</div>{{/Accepted}}" + _EXTRAS,
    ),
    CHOICE: ("{{Front}}{{Options}}", "{{FrontSide}}<hr id=answer>{{Back}}" + _EXTRAS),
    BASIC: ("{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}" + _EXTRAS),
}

CSS = (
    ".card { font-family: sans-serif; font-size: 20px; text-align: center; }\n"
    ".context { margin-top: 1em; font-size: 16px; color: #555; }\n"
    ".source, .accepted { margin-top: .5em; font-size: 14px; color: #777; }\n"
    "ol.options { display: inline-block; text-align: left; }\n"
)


# Author data Anki has no field for, carried so that export → import gives the same decks:
# review state as tags ("caucasusquiz::reviewed::2026-11-29", "caucasusquiz::reviewed",
# "caucasusquiz::draft"); the deck's `dropped` ids, and its other fields (DeckFields) as
# JSON, in comments at the end of its description. JSON's `<`, `>` and `&` are written as
# \u escapes, so nothing in it can end the comment or read as HTML.
REVIEWED_TAG = f"{PREFIX}::reviewed"
DRAFT_TAG = f"{PREFIX}::draft"
CARRIED_MARK = re.compile(r"\s*<!-- caucasusquiz (dropped|deck): ([^<>]*?) -->\s*$")
_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def review_tags(reviewed: str | None, draft: bool) -> list[str]:
    if reviewed:
        return [REVIEWED_TAG if reviewed == "true" else f"{REVIEWED_TAG}::{reviewed}"]
    return [DRAFT_TAG] if draft else []


def review_state(tags: tuple[str, ...]) -> tuple[tuple[str, ...], str | None, bool]:
    """(the card's own tags, its `reviewed` mark or None, whether it was a draft)."""
    own: list[str] = []
    reviewed, draft = None, False
    for tag in tags:
        if tag.lower() == REVIEWED_TAG.lower():
            reviewed = "true"
        elif tag.lower().startswith(REVIEWED_TAG.lower() + "::"):
            reviewed = tag[len(REVIEWED_TAG) + 2 :] or "true"
        elif tag.lower() == DRAFT_TAG.lower():
            draft = True
        else:
            own.append(tag)
    return tuple(own), reviewed, draft and reviewed is None


def description_with_carried(description: str, dropped: tuple[str, ...], fields: DeckFields) -> str:
    """The deck's description (HTML) with our comments after it."""
    data: dict[str, object] = {"order": list(fields.order)}
    data |= {name: list(value) for name, value in _lists(fields).items() if value}
    if fields.study:
        data["study"] = fields.study
    carried = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_HTML_SAFE)
    return (
        description
        + (f"<!-- caucasusquiz dropped: {' '.join(dropped)} -->" if dropped else "")
        + f"<!-- caucasusquiz deck: {carried} -->"
    )


def carried_in_description(description: str) -> tuple[str, tuple[str, ...], DeckFields | None]:
    """(the description without our comments, the dropped ids and the deck's fields they
    carried). A package from an older export has only the dropped ids; one from elsewhere,
    neither. What does not read as our JSON is left out, never trusted."""
    dropped: tuple[str, ...] = ()
    fields = None
    while (match := CARRIED_MARK.search(description)) is not None:
        if match.group(1) == "dropped":
            dropped = tuple(match.group(2).split())
        else:
            fields = _fields_from_json(match.group(2))
        description = description[: match.start()]
    return description, dropped, fields


def _lists(fields: DeckFields) -> dict[str, tuple[str, ...]]:
    return {"tags": fields.tags, "documents": fields.documents, "documents_at": fields.documents_at}


def _fields_from_json(text: str) -> DeckFields | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None

    def strings(name: str) -> tuple[str, ...]:
        value = data.get(name)
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return tuple(value)
        return ()

    study = data.get("study")
    return DeckFields(
        order=tuple(key for key in strings("order") if key in TOP_KEYS and key != "cards"),
        tags=strings("tags"),
        documents=strings("documents"),
        documents_at=strings("documents_at"),
        study=study if study in ("reviewed", "all") else None,
    )


def stable_id(*parts: str) -> int:
    """A positive id in the range Anki and genanki expect, the same for the same names."""
    digest = hashlib.sha1("\x1f".join(parts).encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def note_guid(deck_id: str, card_id: str) -> str:
    """The GUID Anki keys notes by: from our ids only, so wording changes keep the note."""
    import genanki  # deferred: the import command does not need it

    return str(genanki.guid_for(PREFIX, deck_id, card_id))
