"""Our note types in Anki: their names, fields and templates, shared by export and import.

Four note types, one per card type, so that a package read back gives the same cards.
Model and deck ids are fixed numbers derived from names: re-exporting gives Anki the same
note types and decks, and note GUIDs come from our deck and card ids, so importing a new
export into Anki updates the notes instead of adding copies.
"""

from __future__ import annotations

import hashlib
import re

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
# "caucasusquiz::draft") and the deck's `dropped` ids in a comment of its description.
REVIEWED_TAG = f"{PREFIX}::reviewed"
DRAFT_TAG = f"{PREFIX}::draft"
DROPPED_MARK = re.compile(r"\s*<!-- caucasusquiz dropped: ([^<>]*?) -->\s*$")


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


def description_with_dropped(description: str, dropped: tuple[str, ...]) -> str:
    return description + (f"<!-- caucasusquiz dropped: {' '.join(dropped)} -->" if dropped else "")


def dropped_from_description(description: str) -> tuple[str, tuple[str, ...]]:
    """(the description without our comment, the dropped ids it carried)."""
    match = DROPPED_MARK.search(description)
    if match is None:
        return description, ()
    return description[: match.start()], tuple(match.group(1).split())


def stable_id(*parts: str) -> int:
    """A positive id in the range Anki and genanki expect, the same for the same names."""
    digest = hashlib.sha1("\x1f".join(parts).encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def note_guid(deck_id: str, card_id: str) -> str:
    """The GUID Anki keys notes by: from our ids only, so wording changes keep the note."""
    import genanki  # deferred: the import command does not need it

    return str(genanki.guid_for(PREFIX, deck_id, card_id))
