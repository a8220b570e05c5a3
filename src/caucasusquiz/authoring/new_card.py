"""A card made by hand from a sentence of a source document, written into a deck with its source.

The author picks a sentence in the source viewer; the generator's proposals for that
line (if it made any) come first, then forms anyone can fill in: a fill-the-blank on
the sentence, the sentence as a true statement, and a plain question/answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from caucasusquiz.authoring import deck_text
from caucasusquiz.authoring.cursor_sentence import sentence_of_line, sentence_under_cursor
from caucasusquiz.authoring.deck_text import Edit, EditError, FieldValue
from caucasusquiz.authoring.proposals import Proposal, generated_for_line
from caucasusquiz.decks.ids import content_id
from caucasusquiz.decks.model import Deck

# What each form needs filled in before it can be written.
REQUIRED = {
    "cloze": ("text",),
    "qa": ("question", "answer"),
    "choice": ("question", "answer", "distractors"),
    "truefalse": ("statement", "answer"),
}


def sentence_at(line: str, column: int, lines: Sequence[str] | None = None, row: int | None = None) -> str:
    """The sentence the cursor is in: at `column` of `line`, which is line `row` (from 0) of
    the document's `lines` when given. With the document, a sentence that runs over several
    lines (a scraped wiki's, broken at every link and its preview) is found whole, as the
    generator reads it (see `cursor_sentence`); without it, the sentence of this line."""
    if lines is not None and row is not None:
        found = sentence_under_cursor(lines, row, column)
        if found:
            return found
    return sentence_of_line(line, column)


def proposals_for(document: Path | None, line: int, sentence: str) -> list[Proposal]:
    """Cards for this sentence: the generator's first (those about this sentence), then blank forms."""
    found: list[Proposal] = []
    if document is not None:
        for proposal in generated_for_line(document, line, sentence):
            context = str(dict(proposal.fields).get("context", ""))
            if not sentence or sentence in context or context in sentence:
                found.append(proposal)
    found.append(Proposal("cloze", (("text", sentence),), "fill the blank: put {{ }} around the answer"))
    found.append(
        Proposal("truefalse", (("statement", sentence), ("answer", True)), "true or false: the sentence")
    )
    found.append(Proposal("qa", (("question", ""), ("answer", "")), "your own question and answer"))
    return found


def write_card(
    deck: Deck,
    proposal: Proposal,
    source: str,
    sentence: str,
    today: date,
) -> tuple[str, Edit]:
    """Write the proposal into the deck as a reviewed card with its source; returns its id."""
    fields = dict(proposal.fields)
    missing = [name for name in REQUIRED.get(proposal.type, ()) if not _filled(fields.get(name))]
    if missing:
        raise EditError(f"fill in {', '.join(missing)} first")
    if proposal.type == "cloze" and "{{" not in str(fields["text"]):
        raise EditError("put {{ }} around the answer in the text")
    words = str(fields.get("question") or fields.get("text") or fields.get("statement") or sentence)
    card_id = content_id(words.replace("{{", "").replace("}}", ""), {card.id for card in deck.cards})
    ordered: dict[str, FieldValue] = {"id": card_id, "type": proposal.type}
    for name, value in fields.items():
        if name not in ("context", "tags") and _filled(value):
            ordered[name] = value
    tags = fields.get("tags")
    if tags:
        own = [tag for tag in tags if tag not in deck.tags]  # type: ignore[union-attr]
        if own:
            ordered["tags"] = own
    ordered["source"] = source
    ordered["context"] = str(fields.get("context") or sentence)
    ordered["reviewed"] = today.isoformat()
    return card_id, deck_text.add_card(deck.path, ordered)


def _filled(value: object) -> bool:
    if isinstance(value, bool):
        return True
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, Sequence):
        return len(value) > 0
    return value is not None
