"""Imported cards → deck files that pass `caucasusquiz check`, written all or nothing.

Cards go through the generator's emitter (`generator.emit`), so an imported deck looks
exactly like a generated one: same key order, same quoting, `reviewed:` last as the
author screen writes it. A card that came without its own id gets a comment naming where
it came from; the deck's fields are written by `deck_head`. Every file is checked by the
deck loader before anything is written; then all files are written to temporary names
and renamed at the end, so a failure leaves no half-written deck behind.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from caucasusquiz.decks.ids import is_valid_id, slug_words
from caucasusquiz.decks.loader import read_deck_text
from caucasusquiz.decks.model import CLOZE_BLANK, CardType
from caucasusquiz.errors import UserError
from caucasusquiz.files import new_file_mode
from caucasusquiz.generator.cards import Draft
from caucasusquiz.generator.emit import card_text as emit_card
from caucasusquiz.generator.emit import quote
from caucasusquiz.interchange.common import ImportedCard, ImportedDeck, ImportResult, Reason
from caucasusquiz.interchange.deck_head import head_lines
from caucasusquiz.text import plural

_TAG_JUNK = re.compile(r"[^\w-]+")
_BARE_MARK = re.compile(r"true|false|\d{4}-\d{2}-\d{2}")
_YAML_NULLS = {"null", "~", "none"}


@dataclass(frozen=True, slots=True)
class PlannedDeck:
    path: Path
    deck_id: str
    title: str
    text: str
    cards: int


_EMPTY = Reason("card with an empty question or answer", "cards with an empty question or answer")
_NOT_ONE_BLANK = Reason("cloze card without exactly one blank", "cloze cards without exactly one blank")
_FEW_OPTIONS = Reason(
    "multiple-choice card with fewer than three options",
    "multiple-choice cards with fewer than three options",
)
_ANSWER_AMONG_WRONG = Reason(
    "multiple-choice card with its answer among the wrong options",
    "multiple-choice cards with their answer among the wrong options",
)


def unusable(card: ImportedCard) -> Reason | None:
    """Why a card cannot become a valid deck card (a reason for the skipped counts), or None."""
    if not card.prompt or not card.answer:
        return _EMPTY
    if card.type is CardType.CLOZE and len(CLOZE_BLANK.findall(card.prompt)) != 1:
        return _NOT_ONE_BLANK
    if card.type is CardType.CHOICE:
        if len(card.distractors) < 2:
            return _FEW_OPTIONS
        if card.answer.casefold() in {d.casefold() for d in card.distractors}:
            return _ANSWER_AMONG_WRONG
    return None


def clean_tag(tag: str) -> str | None:
    """A tag as our decks write them: letters, digits, - and _ (Anki's `a::b` becomes `a-b`)."""
    cleaned = _TAG_JUNK.sub("-", tag).strip("-")
    return cleaned if cleaned and cleaned.casefold() not in _YAML_NULLS else None


def _body(card: ImportedCard) -> tuple[tuple[str, object], ...]:
    if card.type is CardType.CLOZE:
        return (("text", card.prompt),)
    if card.type is CardType.TRUEFALSE:
        return (("statement", card.prompt), ("answer", card.answer == "true"))
    body: list[tuple[str, object]] = [("question", card.prompt), ("answer", card.answer)]
    if card.type is CardType.QA and card.accept:
        body.append(("accept", list(card.accept)))
    if card.type is CardType.CHOICE:
        body.append(("distractors", list(card.distractors)))
    return tuple(body)


def _review_mark(card: ImportedCard) -> str:
    """`reviewed:` as the author screen writes it, last and bare: a date, true, or false for
    a draft (see drafts.py). Anything else an old package might carry is quoted."""
    mark = card.reviewed or ("false" if card.draft else None)
    if mark is None:
        return ""
    value = mark if _BARE_MARK.fullmatch(mark) else quote(mark)
    return f"    reviewed: {value}\n"


def _clean_tags(tags: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for t in map(clean_tag, tags) if t))


def _card_id(card: ImportedCard, taken: set[str]) -> str:
    if card.id and is_valid_id(card.id) and card.id not in taken:
        return card.id
    # Words of the question for a reader, a hash of where it came from for uniqueness.
    # The blank is left out: an id is shown (browser, author screen) and must not give the answer.
    base = slug_words(CLOZE_BLANK.sub(" ", card.prompt))
    digest = hashlib.sha1(f"{card.origin}\n{card.prompt}".encode()).hexdigest()
    for length in range(6, 41):
        candidate = f"{base[:60]}-{digest[:length]}"
        if candidate not in taken:
            return candidate
    raise AssertionError("sha1 collision")  # pragma: no cover


def deck_text(deck: ImportedDeck, title: str, result: ImportResult, folder: Path) -> tuple[str, int]:
    """The deck file's text (for a file in `folder`) and its number of cards; unusable cards
    are counted as skipped."""
    deck_tags = _clean_tags(deck.fields.tags) if deck.fields else ()
    header = [
        f"# Imported by `caucasusquiz import` from {result.path_name} ({result.kind}"
        + (f", deck {deck.name!r})." if deck.name else ")."),
        "# Check it with `caucasusquiz check`; edit freely.",
        *head_lines(deck, title, deck_tags, folder),
        "cards:",
    ]
    blocks: list[str] = []
    taken: set[str] = set()
    for card in deck.cards:
        reason = unusable(card)
        if reason:
            result.skipped[reason] += 1
            continue
        card_id = _card_id(card, taken)
        taken.add(card_id)
        # The deck's tags reach every card; written on the deck, not again on each card.
        tags = tuple(tag for tag in _clean_tags(card.tags) if tag not in deck_tags)
        draft = Draft(
            id=card_id,
            type=card.type.value,
            body=_body(card),
            tags=tags,
            source=card.source or "",
            context=card.context or "",
            answer_key="",
            fact_key="",
            order=("", 0, 0),
        )
        # A card with its own id came from a deck file (our export) and needs no note of
        # where it was in the package; one that got a new id says where it came from.
        comment = "" if card_id == card.id else f"  # {card.origin}\n"
        blocks.append(comment + emit_card(draft) + _review_mark(card))
    return "\n".join(header) + "\n" + "\n".join(blocks), len(blocks)


def _deck_file_id(deck: ImportedDeck, used: set[str]) -> str:
    base = deck.id if deck.id and is_valid_id(deck.id) else slug_words(deck.name or "imported", 6)
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def plan(result: ImportResult, out_dir: Path, deck_title: str | None, overwrite: bool) -> list[PlannedDeck]:
    """Every deck file to write, checked; raises before anything is written."""
    if not result.card_count:
        reasons = ", ".join(why.counted(n) for why, n in result.skipped.most_common()) or "no rows"
        raise UserError(f"{result.path_name}: no cards to import ({reasons})")
    planned: list[PlannedDeck] = []
    used: set[str] = set()
    decks = [d for d in result.decks if d.cards]
    for deck in decks:
        deck_id = _deck_file_id(deck, used)
        used.add(deck_id)
        if deck_title and len(decks) > 1:
            title = f"{deck_title}: {deck.name or deck_id}"
        else:
            title = deck_title or deck.name or deck_id
        text, count = deck_text(deck, title, result, out_dir)
        if not count:
            continue
        path = out_dir / f"{deck_id}.yaml"
        if path.exists() and not overwrite:
            raise UserError(
                f"{path} already exists", "choose another folder with --out DIR, or replace it with --force"
            )
        loaded = read_deck_text(text, path, deck_id)
        if loaded.errors:  # a bug in an importer, not the user's mistake; still never write it
            raise UserError(
                f"{result.path_name}: the imported deck would not pass check:\n{loaded.errors[0]}"
            )
        planned.append(PlannedDeck(path, deck_id, title, text, count))
    if not planned:
        raise UserError(f"{result.path_name}: no cards to import")
    return planned


def write_all(planned: list[PlannedDeck]) -> None:
    """Write every file under a temporary name, then rename them all: nothing half-written."""
    temporaries: list[tuple[Path, Path]] = []
    try:
        for deck in planned:
            deck.path.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=f".{deck.deck_id}.", suffix=".tmp", dir=deck.path.parent)
            temporaries.append((Path(name), deck.path))
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(deck.text)
            os.chmod(name, new_file_mode(deck.path))  # mkstemp's 0600 would hide decks from others
        for temporary, final in temporaries:
            os.replace(temporary, final)
    except OSError as exc:
        for temporary, _ in temporaries:
            temporary.unlink(missing_ok=True)
        raise UserError(f"cannot write {exc.filename or 'the deck'}: {exc.strerror}") from None


def skipped_summary(result: ImportResult) -> list[str]:
    lines = [f"skipped {why.counted(n)}" for why, n in sorted(result.skipped.items(), key=lambda x: -x[1])]
    if result.media:
        total = sum(result.media.values())
        names = ", ".join(sorted(result.media)[:5]) + (" …" if len(result.media) > 5 else "")
        lines.append(
            f"skipped {plural(total, 'media reference')} to {plural(len(result.media), 'file')}: {names}"
        )
    return lines
