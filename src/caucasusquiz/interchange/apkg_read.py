"""Reading an Anki package safely: the zip, the collection inside it, and its note types.

Anki has written three collection formats, and a package carries one of them:

- `collection.anki2`: schema 11, note types and decks as JSON in the `col` row. genanki
  and Anki before 2.1.x write it.
- `collection.anki21`: the same schema, written by Anki 2.1 ("support older versions").
- `collection.anki21b`: Anki 2.1.50 and later by default. A zstd-compressed SQLite file,
  schema 18: note types, fields, templates and decks in tables of their own, their
  settings (a deck's description too) as protobuf messages. Such a package also holds a
  `collection.anki2` that only says "please update to the latest Anki version", so the
  newest file wins.

Limits guard against zip bombs (sizes are checked as the bytes arrive, not only as the zip
directory claims) and a damaged collection gives one message, never a traceback.
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from caucasusquiz.interchange.common import BadFile

MAX_COLLECTION_BYTES = 512 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed; SQLite files compress 3–20×, bombs 1000×+
COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
_HINT = "export it again from Anki (File → Export → Anki Deck Package)"


@dataclass(frozen=True, slots=True)
class NoteType:
    id: int
    name: str
    is_cloze: bool
    fields: tuple[str, ...]
    templates: tuple[tuple[str, str], ...]  # (front, back) of each card template


@dataclass(frozen=True, slots=True)
class NoteRow:
    guid: str
    type_id: int
    tags: tuple[str, ...]
    fields: tuple[str, ...]
    deck: str  # the deck of its first card, levels joined by "::"


@dataclass(slots=True)
class AnkiCollection:
    format: str  # which collection file was read
    note_types: dict[int, NoteType]
    notes: list[NoteRow]
    descriptions: dict[str, str] = field(default_factory=dict)  # deck name → its description (HTML)


def read_package(path: Path) -> AnkiCollection:
    name = path.name
    if not zipfile.is_zipfile(path):
        raise BadFile(f"{name} is not an Anki package (not a zip file)", _HINT)
    try:
        with zipfile.ZipFile(path) as package:
            members = set(package.namelist())
            chosen = next((c for c in COLLECTIONS if c in members), None)
            if chosen is None:
                raise BadFile(f"{name} is a zip file but holds no Anki collection", _HINT)
            data = _read_member(package, chosen, name)
    # RuntimeError: an encrypted member; NotImplementedError: an unknown compression method.
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, EOFError) as exc:
        raise BadFile(f"{name} is a damaged zip file ({exc})", _HINT) from None
    if chosen.endswith("b"):
        data = _unzstd(data, name)
    with _sqlite(data) as db:
        try:
            return _read_collection(db, chosen)
        except (sqlite3.DatabaseError, KeyError, ValueError, TypeError, IndexError) as exc:
            raise BadFile(f"{name} holds a corrupt Anki collection ({exc})", _HINT) from None


def _read_member(package: zipfile.ZipFile, member: str, name: str) -> bytes:
    info = package.getinfo(member)
    if info.file_size > MAX_COLLECTION_BYTES or (
        info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 1 << 20
    ):
        raise _bomb(name)
    chunks: list[bytes] = []
    total = 0
    with package.open(info) as stream:
        while chunk := stream.read(1 << 20):
            total += len(chunk)
            if total > MAX_COLLECTION_BYTES:  # the directory may lie about sizes
                raise _bomb(name)
            chunks.append(chunk)
    return b"".join(chunks)


def _bomb(name: str) -> BadFile:
    return BadFile(
        f"{name} unpacks to far more data than an Anki deck holds (a zip bomb?); nothing was imported",
        f"collections above {MAX_COLLECTION_BYTES // (1024 * 1024)} MiB are refused",
    )


def _unzstd(data: bytes, name: str) -> bytes:
    # zstandard: Anki 2.1.50+ compresses its collection with zstd, which the standard library
    # of Python 3.11 cannot read. Streamed with a cap, since Anki's frames do not state their size.
    import zstandard

    out = bytearray()
    try:
        reader = zstandard.ZstdDecompressor().stream_reader(data)
        while chunk := reader.read(1 << 20):
            out += chunk
            if len(out) > MAX_COLLECTION_BYTES:
                raise _bomb(name)
    except zstandard.ZstdError as exc:
        raise BadFile(f"{name} holds a corrupt Anki collection (zstd: {exc})", _HINT) from None
    return bytes(out)


@contextlib.contextmanager
def _sqlite(data: bytes) -> Iterator[sqlite3.Connection]:
    with tempfile.TemporaryDirectory(prefix="caucasusquiz-import-") as tmp:
        path = Path(tmp) / "collection.sqlite"
        path.write_bytes(data)
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            yield db
        finally:
            db.close()


def _read_collection(db: sqlite3.Connection, chosen: str) -> AnkiCollection:
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "notetypes" in tables:
        note_types, decks, descriptions = _schema18(db)
    else:
        note_types, decks, descriptions = _schema11(db)
    first_deck: dict[int, int] = {}
    for nid, did in db.execute("SELECT nid, did FROM cards ORDER BY nid, ord"):
        first_deck.setdefault(nid, did)
    notes = [
        NoteRow(
            guid=str(guid),
            type_id=int(mid),
            tags=tuple(str(tags).split()),
            fields=tuple(str(fields).split("\x1f")),
            deck=decks.get(first_deck.get(nid, -1), ""),
        )
        for nid, guid, mid, tags, fields in db.execute(
            "SELECT id, guid, mid, tags, flds FROM notes ORDER BY id"
        )
    ]
    return AnkiCollection(chosen, note_types, notes, descriptions)


NoteTypes = dict[int, NoteType]
DeckNames = dict[int, str]  # deck id → name, levels joined by "::"
Descriptions = dict[str, str]  # deck name → its description


def _schema11(db: sqlite3.Connection) -> tuple[NoteTypes, DeckNames, Descriptions]:
    """Note types and decks as JSON in the `col` row (each deck's description is its "desc")."""
    models_json, decks_json = db.execute("SELECT models, decks FROM col").fetchone()
    note_types = {}
    for model in json.loads(models_json).values():
        fields = tuple(f["name"] for f in sorted(model["flds"], key=lambda f: f["ord"]))
        templates = tuple((t["qfmt"], t["afmt"]) for t in sorted(model["tmpls"], key=lambda t: t["ord"]))
        note_types[int(model["id"])] = NoteType(
            int(model["id"]), model["name"], model["type"] == 1, fields, templates
        )
    all_decks = json.loads(decks_json).values()
    decks = {int(d["id"]): d["name"] for d in all_decks}
    descriptions = {d["name"]: str(d.get("desc") or "") for d in all_decks}
    return note_types, decks, descriptions


def _schema18(db: sqlite3.Connection) -> tuple[NoteTypes, DeckNames, Descriptions]:
    """Note types, their fields and templates, and decks in tables of their own (Anki's
    rslib/src/storage/upgrades/schema15_upgrade.sql); their settings are protobuf messages."""
    fields: dict[int, list[tuple[int, str]]] = {}
    for ntid, order, name in db.execute("SELECT ntid, ord, name FROM fields"):
        fields.setdefault(ntid, []).append((order, name))
    templates: dict[int, list[tuple[int, tuple[str, str]]]] = {}
    for ntid, order, config in db.execute("SELECT ntid, ord, config FROM templates"):
        message = _protobuf(config)
        # CardTemplateConfig: 1 = question format, 2 = answer format
        front, back = (_text(message.get(n)) for n in (1, 2))
        templates.setdefault(ntid, []).append((order, (front, back)))
    note_types = {}
    for ntid, name, config in db.execute("SELECT id, name, config FROM notetypes"):
        kind = _protobuf(config).get(1, 0)  # NotetypeConfig.kind: 0 normal, 1 cloze
        note_types[ntid] = NoteType(
            ntid,
            name,
            kind == 1,
            tuple(n for _, n in sorted(fields.get(ntid, []))),
            tuple(t for _, t in sorted(templates.get(ntid, []))),
        )
    decks: DeckNames = {}
    descriptions: Descriptions = {}
    for did, raw_name, kind in db.execute("SELECT id, name, kind FROM decks"):
        name = raw_name.replace("\x1f", "::")
        decks[did] = name
        # Deck.KindContainer: 1 = a normal deck (2: a filtered one, which has no description);
        # Deck.Normal: 4 = description (HTML, or Markdown when 5 = markdown_description is set).
        normal = _protobuf(kind).get(1) if kind else None
        if isinstance(normal, bytes):
            descriptions[name] = _text(_protobuf(normal).get(4))
    return note_types, decks, descriptions


def _text(value: int | bytes | None) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else ""


def _protobuf(data: bytes) -> dict[int, int | bytes]:
    """The top-level fields of a protobuf message (first value of each): all we need of Anki's configs.

    Hand-read rather than through `anki`'s generated classes: two fields do not justify a
    100 MB dependency at run time.
    """
    values: dict[int, int | bytes] = {}
    i, end = 0, len(data)

    def varint() -> int:
        nonlocal i
        shift = result = 0
        while True:
            if i >= end:
                raise ValueError("truncated protobuf")
            byte = data[i]
            i += 1
            result |= (byte & 0x7F) << shift
            if not byte & 0x80:
                return result
            shift += 7

    while i < end:
        key = varint()
        number, wire = key >> 3, key & 7
        value: int | bytes
        if wire == 0:
            value = varint()
        elif wire == 1:
            value, i = int.from_bytes(data[i : i + 8], "little"), i + 8
        elif wire == 2:
            length = varint()
            value, i = data[i : i + length], i + length
        elif wire == 5:
            value, i = int.from_bytes(data[i : i + 4], "little"), i + 4
        else:
            raise ValueError(f"unexpected protobuf wire type {wire}")
        values.setdefault(number, value)
    return values


FIELD_REFERENCE = re.compile(r"\{\{([^{}#/^!][^{}]*)\}\}")
SPECIAL_FIELDS = {"FrontSide", "Tags", "Type", "Deck", "Subdeck", "Card", "CardFlag", "CardID"}


def field_references(template: str) -> list[tuple[str, str]]:
    """(filters, field name) for each `{{filter:Field}}` in a card template, in order."""
    refs = []
    for match in FIELD_REFERENCE.finditer(template):
        filters, _, name = match.group(1).strip().rpartition(":")
        refs.append((filters, name.strip()))
    return refs
