"""Every kind of bad file gets one clear message, exit status 1, no traceback, and nothing written."""

from __future__ import annotations

import io
import sqlite3
import zipfile
from pathlib import Path

import pytest

from caucasusquiz.cli import main
from caucasusquiz.interchange import apkg_read


def run_import(capsys, path: Path, out: Path, *extra: str) -> str:
    status = main(["import", str(path), "--out", str(out), *extra])
    captured = capsys.readouterr()
    assert status == 1, captured
    assert "Traceback" not in captured.err
    assert not out.exists() or not any(out.iterdir()), "a bad file must not leave a partial deck"
    lines = [line for line in captured.err.splitlines() if line.startswith("caucasusquiz: error:")]
    assert len(lines) == 1, captured.err
    return captured.err


def zip_with(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return path


def test_an_apkg_that_is_not_a_zip(tmp_path, capsys):
    path = tmp_path / "deck.apkg"
    path.write_text("this is a text file renamed to .apkg")
    assert "deck.apkg is not an Anki package (not a zip file)" in run_import(capsys, path, tmp_path / "out")


def test_a_zip_without_a_collection(tmp_path, capsys):
    path = zip_with(tmp_path / "photos.apkg", {"cat.jpg": b"\xff\xd8"})
    assert "holds no Anki collection" in run_import(capsys, path, tmp_path / "out")


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(apkg_read, "MAX_COLLECTION_BYTES", 8 * 1024 * 1024)
    path = zip_with(tmp_path / "bomb.apkg", {"collection.anki2": b"\0" * (16 * 1024 * 1024)})
    assert path.stat().st_size < 100_000
    assert "zip bomb" in run_import(capsys, path, tmp_path / "out")


def test_a_zstd_bomb_inside_an_anki21b_is_refused(tmp_path, capsys, monkeypatch):
    import zstandard

    monkeypatch.setattr(apkg_read, "MAX_COLLECTION_BYTES", 8 * 1024 * 1024)
    # Compressed without a stated size, as Anki writes it: the limit must hold while streaming.
    buffer = io.BytesIO()
    with zstandard.ZstdCompressor().stream_writer(buffer, closefd=False) as writer:
        for _ in range(16):
            writer.write(b"\0" * (1024 * 1024))
    path = zip_with(tmp_path / "bomb.apkg", {"collection.anki21b": buffer.getvalue()})
    assert "zip bomb" in run_import(capsys, path, tmp_path / "out")


def test_a_corrupt_collection(tmp_path, capsys):
    path = zip_with(tmp_path / "broken.apkg", {"collection.anki2": b"SQLite format 3\0" + b"garbage" * 500})
    assert "broken.apkg holds a corrupt Anki collection" in run_import(capsys, path, tmp_path / "out")


def test_a_collection_with_missing_tables(tmp_path, capsys):
    database = tmp_path / "c.db"
    with sqlite3.connect(database) as db:
        db.execute("CREATE TABLE col (id integer)")
    path = zip_with(tmp_path / "empty.apkg", {"collection.anki2": database.read_bytes()})
    assert "holds a corrupt Anki collection" in run_import(capsys, path, tmp_path / "out")


def test_a_corrupt_zstd_collection(tmp_path, capsys):
    path = zip_with(tmp_path / "new.apkg", {"collection.anki21b": b"(\xb5/\xfd" + b"not zstd" * 20})
    assert "corrupt Anki collection (zstd" in run_import(capsys, path, tmp_path / "out")


def test_an_xlsx_with_formulas_only(tmp_path, capsys):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(
        ["Question", "Answer 1", "Answer 2", "Answer 3", "Answer 4", "Time limit", "Correct answer(s)"]
    )
    sheet.append(["=A1", "=B1", "=C1", "=D1", "=E1", "=F1", "=G1"])
    book.save(tmp_path / "quiz.xlsx")
    err = run_import(capsys, tmp_path / "quiz.xlsx", tmp_path / "out")
    assert "quiz.xlsx has 7 cells holding formulas, not values" in err and "Paste special" in err
    sheet.append(["Capital?", "Baku", "Ganja", "Shaki", "=2+2", 20, 1])
    sheet.delete_rows(2)
    book.save(tmp_path / "quiz.xlsx")
    assert "quiz.xlsx has 1 cell holding formulas" in run_import(
        capsys, tmp_path / "quiz.xlsx", tmp_path / "out"
    )


def test_an_xlsx_that_is_not_a_spreadsheet(tmp_path, capsys):
    path = zip_with(tmp_path / "quiz.xlsx", {"hello.txt": b"hi"})
    assert "quiz.xlsx is not a readable .xlsx spreadsheet" in run_import(capsys, path, tmp_path / "out")


def test_an_xlsx_without_kahoot_header(tmp_path, capsys):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Name", "Score"])
    book.save(tmp_path / "grades.xlsx")
    assert "no Kahoot header row" in run_import(capsys, tmp_path / "grades.xlsx", tmp_path / "out")


def test_a_ragged_csv_row_names_its_line_and_nothing_is_written(tmp_path, capsys):
    path = tmp_path / "cards.csv"
    path.write_text("question,answer\nCapital?,Baku\nCurrency?,manat,extra,fields\nSea?,Caspian\n")
    err = run_import(capsys, path, tmp_path / "out")
    assert "cards.csv:3: this row has 4 fields, the header has 2" in err
    path.write_text("question,answer,tags\nCapital?,Baku,geo\nCurrency?\n")
    assert "cards.csv:3: this row has 1 field, the header has 3" in run_import(capsys, path, tmp_path / "out")


def test_a_csv_in_the_wrong_encoding(tmp_path, capsys):
    path = tmp_path / "cards.csv"
    path.write_bytes("question,answer\nBaşkent?,Bakü\n".encode("cp1254"))
    err = run_import(capsys, path, tmp_path / "out")
    assert "cards.csv:2: not UTF-8 text" in err and "CSV UTF-8" in err


def test_a_csv_without_a_header(tmp_path, capsys):
    path = tmp_path / "cards.csv"
    path.write_text("Capital?,Baku\nCurrency?,manat\n")
    assert "no question and answer columns in the header" in run_import(capsys, path, tmp_path / "out")


def test_a_binary_file_named_csv(tmp_path, capsys):
    path = tmp_path / "cards.csv"
    path.write_bytes(b"question,answer\n\x00\x01\x02")
    assert "binary file" in run_import(capsys, path, tmp_path / "out")


def test_quizlet_text_without_separators(tmp_path, capsys):
    path = tmp_path / "set.txt"
    path.write_text("Baku capital\nManat currency\n")
    assert "cannot tell how terms and definitions are separated" in run_import(capsys, path, tmp_path / "out")


def test_quizlet_line_missing_the_given_separator(tmp_path, capsys):
    path = tmp_path / "set.txt"
    path.write_text("Baku\tcapital\nManat currency\n")
    assert "line 2 has no tab between term and definition" in run_import(
        capsys, path, tmp_path / "out", "--term-sep", "tab"
    )


def test_an_unknown_file_kind(tmp_path, capsys):
    path = tmp_path / "deck.pdf"
    path.write_bytes(b"%PDF-1.4")
    assert "cannot tell what kind of file deck.pdf is" in run_import(capsys, path, tmp_path / "out")


@pytest.mark.parametrize("name", ["empty.csv", "empty.txt"])
def test_an_empty_file(tmp_path, capsys, name):
    path = tmp_path / name
    path.write_text("")
    run_import(capsys, path, tmp_path / "out")


def test_a_package_with_only_the_please_update_placeholder(tmp_path, capsys):
    """What a current Anki package looks like when its collection.anki21b was lost."""
    anki = pytest.importorskip("anki.collection")
    col = anki.Collection(str(tmp_path / "c.anki2"))
    note = col.new_note(col.models.by_name("Basic"))
    note["Front"], note["Back"] = "Capital?", "Baku"
    col.add_note(note, col.decks.id("Geo"))
    package = tmp_path / "full.apkg"
    col.export_anki_package(
        out_path=str(package),
        options=anki.ExportAnkiPackageOptions(
            with_scheduling=False, with_deck_configs=False, with_media=False
        ),
        limit=None,
    )
    col.close()
    stub = zipfile.ZipFile(package).read("collection.anki2")
    broken = zip_with(tmp_path / "broken.apkg", {"collection.anki2": stub})
    assert "only Anki's 'please update' placeholder" in run_import(capsys, broken, tmp_path / "out")


def test_with_progress_is_only_for_anki_packages(tmp_path, capsys):
    status = main(["export", "cards", "--format", "csv", "--with-progress", "-o", str(tmp_path / "x.csv")])
    assert status == 1 and "--with-progress goes with --format apkg" in capsys.readouterr().err
    assert not (tmp_path / "x.csv").exists()


def test_an_xlsx_zip_bomb(tmp_path, capsys, monkeypatch):
    from caucasusquiz.interchange import kahoot

    monkeypatch.setattr(kahoot, "MAX_XLSX_BYTES", 8 * 1024 * 1024)
    path = zip_with(tmp_path / "quiz.xlsx", {"xl/worksheets/sheet1.xml": b" " * (16 * 1024 * 1024)})
    assert "zip bomb" in run_import(capsys, path, tmp_path / "out")
