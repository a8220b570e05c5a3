"""Anki packages, proven with Anki's own backend (the `anki` package, a test-only dependency)."""

from __future__ import annotations

import json
import sqlite3
import time
import zipfile
from pathlib import Path

import pytest

from caucasusquiz.cli import main
from caucasusquiz.decks.collection import load_collection
from caucasusquiz.interchange import anki_notes
from caucasusquiz.interchange.apkg_export import write_apkg

from .helpers import card_facts, full_facts, make_decks

anki_collection = pytest.importorskip("anki.collection")
Collection = anki_collection.Collection


def open_in_anki(tmp_path: Path, *packages: Path, with_scheduling: bool = False):
    """A fresh Anki collection with the packages imported, as a user's File → Import does; the last log."""
    col = Collection(str(tmp_path / "anki.anki2"))
    log = None
    for package in packages:
        # with_scheduling is the import dialog's "Import any learning progress" box.
        options = anki_collection.ImportAnkiPackageOptions(with_scheduling=with_scheduling)
        request = anki_collection.ImportAnkiPackageRequest(package_path=str(package), options=options)
        log = col.import_anki_package(request).log
    return col, log


def export_apkg(decks: Path, out: Path, *extra: str) -> None:
    assert (
        main(["export", "cards", "--decks", str(decks), "--format", "apkg", "--out", str(out), *extra]) == 0
    )


@pytest.fixture
def decks(tmp_path: Path) -> Path:
    return make_decks(tmp_path / "decks")


def test_anki_opens_the_package_with_every_card_as_a_note_of_the_right_type(tmp_path, decks):
    export_apkg(decks, tmp_path / "all.apkg")
    col, log = open_in_anki(tmp_path, tmp_path / "all.apkg")
    ours = load_collection([decks])
    try:
        assert col.note_count() == len(ours) == len(log.new)
        wanted_type = {
            "cloze": anki_notes.CLOZE,
            "qa": anki_notes.TYPE_IN,
            "choice": anki_notes.CHOICE,
            "truefalse": anki_notes.BASIC,
        }
        deck_names = {d.name for d in col.decks.all_names_and_ids()}
        for deck in ours.decks:
            assert f"caucasusquiz::{deck.title}" in deck_names
        for card in ours.cards:
            [note_id] = col.find_notes(f'"Card ID:{card.deck_id}/{card.id}"')
            note = col.get_note(note_id)
            assert note.note_type()["name"] == wanted_type[card.type.value]
            assert note.guid == anki_notes.note_guid(card.deck_id, card.id)
            # Our own tags carry the review state (caucasusquiz::reviewed…, ::draft); the rest
            # are the card's.
            own = {tag for tag in note.tags if tag.startswith("caucasusquiz::")}
            assert set(note.tags) - own == set(card.tags)
            signed_off = {tag for tag in own if tag.startswith("caucasusquiz::reviewed")}
            assert bool(signed_off) == (card.reviewed is not None)
            assert note["Source"] == (card.source or "")
            anki_card = note.cards()[0]
            assert col.decks.name(anki_card.did).endswith(ours.deck(card.deck_id).title)
        wilson = col.get_note(col.find_notes('"Card ID:history/wilson-1919"')[0])
        assert (
            wilson["Text"]
            == "U.S. President {{c1::Woodrow Wilson}} met the Azerbaijani delegation in Paris in 1919."
        )
        assert "delegation of Azerbaijan Democratic Republic" in wilson["Back Extra"]
        dated = col.get_note(col.find_notes('"Card ID:history/embassy-date"')[0])
        assert "{{c1::March 16, 1992::month day, year}}" in dated["Text"]
        sec907 = col.get_note(col.find_notes('"Card ID:history/sec907"')[0])
        assert sec907["Back"] == "Section 907" and sec907["Accepted"] == "907"
        assert "{{type:Back}}" in sec907.note_type()["tmpls"][0]["qfmt"]
        btc = col.get_note(col.find_notes('"Card ID:history/btc"')[0])
        question = btc.cards()[0].question()
        for option in ("Baku–Tbilisi–Ceyhan", "Nabucco", "South Stream", "Trans-Adriatic"):
            assert f"<li>{option}</li>" in question
        embassy = col.get_note(col.find_notes('"Card ID:history/embassy"')[0])
        assert (embassy["Front"], embassy["Back"]) == (
            "True or false: The United States opened its embassy in Baku in 1992.",
            "True",
        )
    finally:
        col.close()


def test_a_second_export_updates_the_notes_in_anki_instead_of_duplicating_them(tmp_path, decks):
    export_apkg(decks, tmp_path / "first.apkg")
    history = decks / "history.yaml"
    history.write_text(
        history.read_text().replace("met the Azerbaijani delegation", "received the delegation")
    )
    # Anki updates a note only when the incoming one is newer: the second export comes later.
    write_apkg(load_collection([decks]).decks, tmp_path / "second.apkg", timestamp=time.time() + 60)

    def guids(package: Path) -> set[str]:
        database = tmp_path / f"{package.stem}.db"
        database.write_bytes(zipfile.ZipFile(package).read("collection.anki2"))
        with sqlite3.connect(database) as db:
            return {row[0] for row in db.execute("SELECT guid FROM notes")}

    assert guids(tmp_path / "first.apkg") == guids(tmp_path / "second.apkg")
    col, log = open_in_anki(tmp_path, tmp_path / "first.apkg", tmp_path / "second.apkg")
    try:
        assert col.note_count() == len(load_collection([decks]))
        assert len(log.new) == 0 and len(log.updated) == col.note_count()
        note = col.get_note(col.find_notes('"Card ID:history/wilson-1919"')[0])
        assert "received the delegation" in note["Text"]
    finally:
        col.close()


@pytest.mark.parametrize("legacy", [False, True], ids=["anki21b-zstd", "anki21-legacy"])
def test_round_trip_through_anki_gives_back_the_same_cards(tmp_path, decks, legacy):
    """our decks → apkg → imported by Anki → exported by Anki → imported by us → the same cards."""
    export_apkg(decks, tmp_path / "ours.apkg")
    col, _ = open_in_anki(tmp_path, tmp_path / "ours.apkg")
    from_anki = tmp_path / "from-anki.apkg"
    try:
        col.export_anki_package(
            out_path=str(from_anki),
            options=anki_collection.ExportAnkiPackageOptions(
                with_scheduling=False, with_deck_configs=False, with_media=False, legacy=legacy
            ),
            limit=None,
        )
    finally:
        col.close()
    names = zipfile.ZipFile(from_anki).namelist()
    assert ("collection.anki21" if legacy else "collection.anki21b") in names

    assert main(["import", str(from_anki), "--out", str(tmp_path / "back")]) == 0
    assert main(["check", str(tmp_path / "back")]) == 0
    assert full_facts(tmp_path / "back") == full_facts(decks)


def test_notes_made_in_anki_become_cards_and_the_rest_is_reported(tmp_path, capsys):
    col = Collection(str(tmp_path / "teacher.anki2"))
    deck = col.decks.id("Geography::Caucasus")

    def add(type_name: str, deck_id: int = deck, tags=(), **fields) -> None:
        note = col.new_note(col.models.by_name(type_name))
        for key, value in fields.items():
            note[key] = value
        note.tags = list(tags)
        col.add_note(note, deck_id)

    add("Basic", Front="Capital of <b>Azerbaijan</b>?", Back="Baku<br>", tags=["capitals"])
    add("Basic (and reversed card)", Front="Largest lake", Back="Caspian Sea")
    add("Basic (optional reversed card)", Front="Currency of Azerbaijan", Back="manat")
    add("Basic (type in the answer)", Front="Azerbaijan's calling code", Back="+994")
    add("Cloze", Text="{{c1::Baku::city}} lies on the {{c2::Caspian Sea}}.", **{"Back Extra": "Geography"})
    add("Basic", Front='Flag <img src="flag.png">', Back="<img src='flag-answer.png'>")
    add("Basic", Front="Anthem [sound:anthem.mp3]", Back="Azərbaycan marşı")
    vocab = col.models.new("Vocabulary")
    for name in ("Word", "Meaning", "Reading"):
        col.models.add_field(vocab, col.models.new_field(name))
    template = col.models.new_template("Card 1")
    template["qfmt"], template["afmt"] = "{{Word}}", "{{FrontSide}}<hr>{{Meaning}}<br>{{Reading}}"
    col.models.add_template(vocab, template)
    col.models.add(vocab)
    for word in ("salam", "sağ ol"):
        add("Vocabulary", Word=word, Meaning="greeting", Reading="-")
    package = tmp_path / "teacher.apkg"
    col.export_anki_package(
        out_path=str(package),
        options=anki_collection.ExportAnkiPackageOptions(
            with_scheduling=False, with_deck_configs=False, with_media=False, legacy=False
        ),
        limit=None,
    )
    col.close()

    assert main(["import", str(package), "--out", str(tmp_path / "out"), "--deck-title", "Caucasus"]) == 0
    report = capsys.readouterr().out
    assert "skipped 2 notes of unsupported type 'Vocabulary'" in report
    assert "skipped 1 note with an empty side (media only?)" in report
    assert "3 media references to 3 files: anthem.mp3, flag-answer.png, flag.png" in report
    facts = card_facts(tmp_path / "out", with_ids=False)
    assert facts == sorted(
        [
            ("qa", "Capital of Azerbaijan?", "Baku", (), ("capitals",)),
            ("qa", "Largest lake", "Caspian Sea", (), ()),
            ("qa", "Currency of Azerbaijan", "manat", (), ()),
            ("qa", "Azerbaijan's calling code", "+994", (), ()),
            ("cloze", "{{Baku::city}} lies on the Caspian Sea.", "Baku", (), ()),
            ("cloze", "Baku lies on the {{Caspian Sea}}.", "Caspian Sea", (), ()),
            ("qa", "Anthem", "Azərbaycan marşı", (), ()),
        ]
    )
    [deck_file] = (tmp_path / "out").glob("*.yaml")
    text = deck_file.read_text()
    assert 'title: "Caucasus"' in text and "# Anki note " in text and "(Cloze), cloze 2" in text


def test_with_progress_the_schedule_and_review_history_go_to_anki(tmp_path, decks, monkeypatch, capsys):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.StringIO("Woodrow Wilson\n3\nnope\n1\n"))
    assert main(["study", "--plain", "--decks", str(decks), "--deck", "history"]) == 0
    capsys.readouterr()
    assert main(["export", "progress", "--decks", str(decks)]) == 0
    grades = sorted(r["grade"] for r in json.loads(capsys.readouterr().out)["reviews"])
    export_apkg(decks, tmp_path / "progress.apkg", "--with-progress", "--deck", "history")
    assert "with the progress of profile" in capsys.readouterr().err
    col, _ = open_in_anki(tmp_path, tmp_path / "progress.apkg", with_scheduling=True)
    try:
        assert col.db.scalar("SELECT count(*) FROM revlog") == 2
        studied = col.db.list("SELECT type FROM cards WHERE type != 0")
        assert len(studied) == 2
        assert sorted(col.db.list("SELECT ease FROM revlog")) == grades and len(grades) == 2
    finally:
        col.close()


@pytest.mark.parametrize("legacy", [False, True], ids=["anki21b-zstd", "anki21-legacy"])
def test_a_deck_description_written_in_anki_is_imported(tmp_path, legacy):
    col = Collection(str(tmp_path / "teacher.anki2"))
    try:
        deck_id = col.decks.id("Caucasus::History")
        deck = col.decks.get(deck_id)
        deck["desc"] = "How the two countries <i>first</i> met."
        col.decks.save(deck)
        note = col.new_note(col.models.by_name("Basic"))
        note["Front"], note["Back"] = "Who met the Azerbaijani delegation in 1919?", "Woodrow Wilson"
        col.add_note(note, deck_id)
        package = tmp_path / "history.apkg"
        col.export_anki_package(
            out_path=str(package),
            options=anki_collection.ExportAnkiPackageOptions(
                with_scheduling=False, with_deck_configs=False, with_media=False, legacy=legacy
            ),
            limit=None,
        )
    finally:
        col.close()
    assert main(["import", str(package), "--out", str(tmp_path / "back")]) == 0
    (deck_file,) = (tmp_path / "back").glob("*.yaml")
    text = deck_file.read_text(encoding="utf-8")
    assert "How the two countries first met." in text
