"""A package from current Anki (collection.anki21b, schema 18) built byte by byte, as Anki
writes it: decks, note types, fields and templates in tables of their own, their settings
as protobuf messages (Anki's rslib/src/storage/upgrades/schema15_upgrade.sql and
proto/anki/decks.proto). No Anki needed."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import zstandard

from caucasusquiz.cli import main
from caucasusquiz.decks.loader import read_deck

SCHEMA = """
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL,
  scm integer NOT NULL, ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL,
  ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL,
  dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL,
  sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL,
  ord integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL,
  queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL,
  reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL,
  odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE fields (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL,
  config blob NOT NULL, PRIMARY KEY (ntid, ord)) without rowid;
CREATE TABLE templates (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL,
  mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL,
  PRIMARY KEY (ntid, ord)) without rowid;
CREATE TABLE notetypes (id integer NOT NULL PRIMARY KEY, name text NOT NULL,
  mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
CREATE TABLE decks (id integer PRIMARY KEY NOT NULL, name text NOT NULL,
  mtime_secs integer NOT NULL, usn integer NOT NULL, common blob NOT NULL, kind blob NOT NULL);
"""
BASIC = 1_700_000_000_001
HISTORY, FILTERED = 1_700_000_000_100, 1_700_000_000_200


def varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def text_field(number: int, value: str | bytes) -> bytes:
    data = value.encode() if isinstance(value, str) else value
    return varint(number << 3 | 2) + varint(len(data)) + data


def int_field(number: int, value: int) -> bytes:
    return varint(number << 3) + varint(value)


def normal_deck(description: str, markdown: bool = False) -> bytes:
    """Deck.KindContainer{normal: Deck.Normal{config_id: 1, description, markdown_description}}."""
    normal = int_field(1, 1) + text_field(4, description) + (int_field(5, 1) if markdown else b"")
    return text_field(1, normal)


def filtered_deck() -> bytes:
    """Deck.KindContainer{filtered: Deck.Filtered{reschedule: true, search_terms: [is:due]}}."""
    return text_field(2, int_field(1, 1) + text_field(2, text_field(1, "is:due") + int_field(2, 100)))


def build_package(path: Path, decks: list[tuple[int, str, bytes]]) -> Path:
    db_path = path.with_suffix(".sqlite")
    db = sqlite3.connect(db_path)
    db.executescript(SCHEMA)
    db.execute("INSERT INTO col VALUES (1, 0, 0, 0, 18, 0, 0, 0, '', '', '', '', '')")
    db.execute("INSERT INTO notetypes VALUES (?, 'Basic', 0, 0, ?)", (BASIC, b""))  # kind 0: normal
    db.executemany(
        "INSERT INTO fields VALUES (?, ?, ?, ?)", [(BASIC, 0, "Front", b""), (BASIC, 1, "Back", b"")]
    )
    template = text_field(1, "{{Front}}") + text_field(2, "{{FrontSide}}<hr id=answer>{{Back}}")
    db.execute("INSERT INTO templates VALUES (?, 0, 'Card 1', 0, 0, ?)", (BASIC, template))
    for deck_id, name, kind in decks:
        db.execute("INSERT INTO decks VALUES (?, ?, 0, 0, ?, ?)", (deck_id, name, b"", kind))
    db.execute(
        "INSERT INTO notes VALUES (1, 'g1', ?, 0, 0, '', ?, 0, 0, 0, '')",
        (BASIC, "Which U.S. President met the Azerbaijani delegation in 1919?\x1fWoodrow Wilson"),
    )
    db.execute("INSERT INTO cards VALUES (1, 1, ?, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, '')", (HISTORY,))
    db.commit()
    db.close()
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("collection.anki21b", zstandard.ZstdCompressor().compress(db_path.read_bytes()))
        package.writestr("collection.anki2", b"")  # the 'please update' stub: the newest file wins
    return path


def test_the_description_of_a_deck_from_a_schema_18_package_is_imported(tmp_path: Path):
    package = build_package(
        tmp_path / "history.apkg",
        [
            (1, "Default", normal_deck("")),
            (HISTORY, "Caucasus\x1fHistory", normal_deck("How the two countries <b>first</b> met.")),
            (FILTERED, "Due today", filtered_deck()),
        ],
    )
    assert main(["import", str(package), "--out", str(tmp_path / "back")]) == 0
    (deck_file,) = (tmp_path / "back").glob("*.yaml")
    loaded = read_deck(deck_file)
    assert loaded.ok and loaded.deck is not None
    assert loaded.deck.description == "How the two countries first met."
    assert [card.answer for card in loaded.deck.cards] == ["Woodrow Wilson"]


def test_a_markdown_description_is_imported_as_its_text(tmp_path: Path):
    package = build_package(
        tmp_path / "history.apkg",
        [(HISTORY, "History", normal_deck("Early contacts, 1918–1920", markdown=True))],
    )
    assert main(["import", str(package), "--out", str(tmp_path / "back")]) == 0
    (deck_file,) = (tmp_path / "back").glob("*.yaml")
    loaded = read_deck(deck_file)
    assert loaded.deck is not None and loaded.deck.description == "Early contacts, 1918–1920"
