"""Decks → an Anki package (`.apkg`), written by genanki.

genanki writes the collection format every Anki since 2.1 imports (`collection.anki2`,
schema 11). We let it fill a SQLite file, optionally add the learner's schedule and
review log to it (`--with-progress`), and zip it ourselves under a temporary name, so a
failed export never leaves a broken package behind.
"""

from __future__ import annotations

import html
import itertools
import json
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, ScalarNode

from caucasusquiz.authoring.drafts import generated_ids, is_draft
from caucasusquiz.decks.loader import MAX_DECK_BYTES
from caucasusquiz.decks.model import CLOZE_BLANK, Card, CardType, Deck
from caucasusquiz.decks.yamlio import YamlProblem, compose
from caucasusquiz.files import UnreadableFile, read_regular_file
from caucasusquiz.interchange import anki_notes as notes
from caucasusquiz.interchange.atomic import save_atomically
from caucasusquiz.interchange.common import DeckFields
from caucasusquiz.interchange.flat import options
from caucasusquiz.progress import State
from caucasusquiz.store.database import CardProgress, ReviewRow

DEFAULT_PARENT = "caucasusquiz"
# genanki's collection is created on this day (its `col.crt`); review due dates count from it.
_COLLECTION_CREATED = 1411124400
_DAY_MS = 86_400_000


def _h(text: str | None) -> str:
    return html.escape(text or "", quote=False)


def _cloze_field(card: Card) -> str:
    """Our `{{answer::hint}}` as Anki's `{{c1::answer::hint}}`, the rest of the text escaped."""
    parts = CLOZE_BLANK.split(card.prompt)  # text, blank, text (split keeps the group)
    out = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            out.append(_h(part))
        else:
            answer, _, hint = part.partition("::")
            out.append(
                "{{c1::" + _h(answer.strip()) + (f"::{_h(hint.strip())}" if hint.strip() else "") + "}}"
            )
    return "".join(out)


def note_type_and_fields(card: Card) -> tuple[str, list[str]]:
    ref = f"{card.deck_id}/{card.id}"
    source, context = _h(card.source), _h(card.context)
    if card.type is CardType.CLOZE:
        return notes.CLOZE, [_cloze_field(card), context, source, ref]
    if card.type is CardType.QA:
        accepted = notes.LIST_SEPARATOR.join(map(_h, card.accept))
        return notes.TYPE_IN, [_h(card.prompt), _h(card.answer), accepted, source, context, ref]
    if card.type is CardType.CHOICE:
        shown = "".join(f"<li>{_h(o)}</li>" for o in options(card))
        distractors = notes.LIST_SEPARATOR.join(map(_h, card.distractors))
        return notes.CHOICE, [
            _h(card.prompt),
            _h(card.answer),
            f"<ol class=options>{shown}</ol>",
            distractors,
            source,
            context,
            ref,
        ]
    truth = "True" if card.answer == "true" else "False"
    return notes.BASIC, [_h(f"True or false: {card.prompt}"), truth, source, context, ref]


def deck_fields(deck: Deck) -> DeckFields:
    """What an import needs to write the deck file as it is (Anki keeps none of it)."""
    folder = deck.path.parent
    text = _file_text(deck.path)
    order = _top_keys(text) if text is not None else ()
    written: list[str] = []
    resolved: list[str] = []
    for folder_path in deck.documents:  # the deck's folder joined with what the file says
        try:
            written.append(folder_path.relative_to(folder).as_posix())
        except ValueError:
            continue
        resolved.append(str(folder_path.resolve()))
    return DeckFields(
        order=order,
        tags=deck.tags,
        documents=tuple(written),
        documents_at=tuple(resolved),
        study=("reviewed" if deck.reviewed_only else "all"),
    )


def _file_text(path: Path) -> str | None:
    try:
        return read_regular_file(path, MAX_DECK_BYTES).decode("utf-8-sig")
    except (OSError, UnreadableFile, UnicodeDecodeError):
        return None


def _top_keys(text: str) -> tuple[str, ...]:
    """The deck file's top-level keys in its order; none when it does not read as a mapping
    now (the import then writes them in the generator's order)."""
    try:
        root = compose(text)
    except YamlProblem:
        return ()
    if not isinstance(root, MappingNode):
        return ()
    return tuple(key.value for key, _ in root.value if isinstance(key, ScalarNode))


def _models() -> dict[str, Any]:
    import genanki

    built = {}
    for name, fields in notes.FIELDS.items():
        front, back = notes.TEMPLATES[name]
        built[name] = genanki.Model(
            notes.stable_id("model", name),
            name,
            fields=[{"name": f} for f in fields],
            templates=[{"name": "Cloze" if name == notes.CLOZE else "Card 1", "qfmt": front, "afmt": back}],
            css=notes.CSS,
            model_type=genanki.Model.CLOZE if name == notes.CLOZE else genanki.Model.FRONT_BACK,
        )
    return built


def anki_deck_name(parent: str, deck: Deck) -> str:
    # `::` nests decks in Anki; a title containing it must not create a level of its own.
    title = deck.title.replace("::", ":")
    return f"{parent}::{title}" if parent else title


def build_package(decks: Sequence[Deck], parent: str = DEFAULT_PARENT) -> Any:
    import genanki

    models = _models()
    anki_decks = []
    for deck in decks:
        anki_deck = genanki.Deck(notes.stable_id("deck", deck.id), anki_deck_name(parent, deck))
        anki_deck.description = notes.description_with_carried(
            _h(deck.description), deck.dropped, deck_fields(deck)
        )
        generated = generated_ids(deck.path.parent).get(deck.id, frozenset())
        for card in deck.cards:
            model, fields = note_type_and_fields(card)
            tags = [t.replace(" ", "_") for t in dict.fromkeys(card.tags)]
            tags += notes.review_tags(card.reviewed, is_draft(card, generated))
            anki_deck.add_note(
                genanki.Note(
                    model=models[model],
                    fields=fields,
                    tags=tags,
                    guid=notes.note_guid(card.deck_id, card.id),
                )
            )
        anki_decks.append(anki_deck)
    return genanki.Package(anki_decks)


def write_apkg(
    decks: Sequence[Deck],
    out: Path,
    parent: str = DEFAULT_PARENT,
    progress: Mapping[tuple[str, str], CardProgress] | None = None,
    reviews: Iterable[ReviewRow] = (),
    timestamp: float | None = None,
) -> int:
    """Write the package to `out`; returns the number of notes."""
    package = build_package(decks, parent)
    stamp = time.time() if timestamp is None else timestamp
    with tempfile.TemporaryDirectory(prefix="caucasusquiz-apkg-") as tmp:
        database = Path(tmp) / "collection.anki2"
        connection = sqlite3.connect(database)
        try:
            cursor = connection.cursor()
            package.write_to_db(cursor, stamp, itertools.count(int(stamp * 1000)))
            if progress is not None:
                _add_progress(cursor, decks, progress, reviews)
            connection.commit()
            count: int = cursor.execute("SELECT count(*) FROM notes").fetchone()[0]
        finally:
            connection.close()
        _zip_atomically(database, out)
    return count


def _zip_atomically(database: Path, out: Path) -> None:
    def write(name: str) -> None:
        with zipfile.ZipFile(name, "w", compression=zipfile.ZIP_DEFLATED) as package:
            package.write(database, "collection.anki2")
            package.writestr("media", "{}")

    save_atomically(out, write)


# Anki's revlog.type: 0 learning, 1 review, 2 relearning.
_REVLOG_TYPE = {State.NEW: 0, State.LEARNING: 0, State.REVIEW: 1, State.RELEARNING: 2}


def _add_progress(
    cursor: sqlite3.Cursor,
    decks: Sequence[Deck],
    progress: Mapping[tuple[str, str], CardProgress],
    reviews: Iterable[ReviewRow],
) -> None:
    """Give Anki the learner's schedule: each card's state and due date, and the review log.

    With the review log, Anki's FSRS can recompute the memory state itself; the stability
    and difficulty we know go into the card's `data` as Anki 23.10+ stores them.
    """
    # genanki's collection says scheduler v1, whose learning cards have three buttons: Anki
    # would then read our "Good" in learning as "Easy". Our grades are v2/v3 grades.
    (conf,) = cursor.execute("SELECT conf FROM col").fetchone()
    cursor.execute("UPDATE col SET conf = ?", (json.dumps({**json.loads(conf), "schedVer": 2}),))
    card_ids: dict[tuple[str, str], int] = {}
    by_guid = {
        guid: cid
        for guid, cid in cursor.execute(
            "SELECT notes.guid, cards.id FROM cards JOIN notes ON notes.id = cards.nid"
        )
    }
    for deck in decks:
        for card in deck.cards:
            cid = by_guid.get(notes.note_guid(card.deck_id, card.id))
            if cid is not None:
                card_ids[card.key] = cid
    for key, cid in card_ids.items():
        state = progress.get(key)
        if state is None or state.memory.state is State.NEW:
            continue
        cursor.execute(
            "UPDATE cards SET type=?, queue=?, due=?, ivl=?, factor=?, reps=?, lapses=?, left=?, data=? "
            "WHERE id=?",
            (*_schedule(state), cid),
        )
    used: set[int] = set()
    for review in reviews:
        cid = card_ids.get((review.deck_id, review.card_id))
        if cid is None:
            continue
        revlog_id = review.reviewed_ms
        while revlog_id in used:  # revlog ids are unique; two reviews in one millisecond are not
            revlog_id += 1
        used.add(revlog_id)
        cursor.execute(
            "INSERT INTO revlog VALUES (?,?,?,?,?,?,?,?,?)",
            (
                revlog_id,
                cid,
                -1,
                review.grade,
                _interval(review.interval_days),
                _interval(review.elapsed_days),
                2500 if review.state_before == State.REVIEW else 0,
                min(review.duration_ms or 0, 60_000),
                _REVLOG_TYPE[State(review.state_before)],
            ),
        )


def _interval(days: float | None) -> int:
    """revlog intervals: whole days when a day or more, else negative seconds (Anki's convention)."""
    if not days:
        return 0
    return round(days) if days >= 1 else -round(days * 86_400)


def _schedule(state: CardProgress) -> tuple[int, int, int, int, int, int, int, int, str]:
    memory = state.memory
    due_ms = memory.due_ms or 0
    data = json.dumps(
        {k: round(v, 4) for k, v in (("s", memory.stability), ("d", memory.difficulty)) if v is not None}
    )
    if memory.state is State.REVIEW:
        interval = max(1, round((due_ms - (memory.last_review_ms or due_ms)) / _DAY_MS))
        due = (due_ms // 1000 - _COLLECTION_CREATED) // 86_400
        card_type, queue, left = 2, 2, 0
    else:  # learning or relearning: due is a time of day, in seconds
        interval = 0 if memory.state is State.LEARNING else 1
        due = due_ms // 1000
        card_type, queue, left = (1 if memory.state is State.LEARNING else 3), 1, 1
    if state.suspended:
        queue = -1
    return card_type, queue, due, interval, 2500, memory.reps, memory.lapses, left, data
