"""CSV, Quizlet text, Kahoot spreadsheets and JSON, out and back in, as a teacher uses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caucasusquiz.cli import main
from caucasusquiz.decks.collection import load_collection
from caucasusquiz.interchange import kahoot

from .helpers import card_facts, full_facts, make_decks


@pytest.fixture
def decks(tmp_path: Path) -> Path:
    return make_decks(tmp_path / "decks")


def export(decks: Path, fmt: str, out: Path, *extra: str) -> Path:
    assert main(["export", "cards", "--decks", str(decks), "--format", fmt, "--out", str(out), *extra]) == 0
    return out


def import_(path: Path, out: Path, *extra: str) -> Path:
    assert main(["import", str(path), "--out", str(out), *extra]) == 0
    assert main(["check", str(out)]) == 0
    return out


def test_csv_round_trip_keeps_every_field_and_id(tmp_path, decks):
    csv_file = export(decks, "csv", tmp_path / "cards.csv")
    assert csv_file.read_text().splitlines()[0] == (
        "deck,id,type,question,answer,accept,distractors,tags,source,context,deck_title"
    )
    back = import_(csv_file, tmp_path / "back")
    assert full_facts(back) == full_facts(decks)
    titles = {d.id: d.title for d in load_collection([back]).decks}
    assert titles == {d.id: d.title for d in load_collection([decks]).decks}


def test_csv_from_a_spreadsheet_with_bom_and_semicolons(tmp_path, capsys):
    sheet = tmp_path / "Klasse 9.csv"
    sheet.write_bytes(
        "\ufeffFront;Back;Tags\n"
        "Capital of Azerbaijan?;Baku;capitals geo\n"
        "Baku lies on the Caspian Sea;true;\n"
        '"The embassy opened in [...: year].";1992;\n'
        "\n"
        "Which sea?;Caspian;\n".encode()
    )
    import_(sheet, tmp_path / "out", "--deck-title", "Class 9")
    assert card_facts(tmp_path / "out", with_ids=False) == sorted(
        [
            ("qa", "Capital of Azerbaijan?", "Baku", (), ("capitals", "geo")),
            ("truefalse", "Baku lies on the Caspian Sea", "true", (), ()),
            ("cloze", "The embassy opened in {{1992::year}}.", "1992", (), ()),
            ("qa", "Which sea?", "Caspian", (), ()),
        ]
    )
    assert "Imported 4 cards" in capsys.readouterr().out
    [deck_file] = (tmp_path / "out").glob("*.yaml")
    assert deck_file.name == "klasse-9.yaml" and 'title: "Class 9"' in deck_file.read_text()
    assert "# row 2 of Klasse 9.csv" in deck_file.read_text()


def test_tab_separated_csv_is_detected(tmp_path):
    sheet = tmp_path / "tabs.csv"
    sheet.write_text("question\tanswer\tdistractors\nWhich pipeline?\tBTC\tNabucco | TAP | South Stream\n")
    import_(sheet, tmp_path / "out")
    assert card_facts(tmp_path / "out", with_ids=False) == [
        ("choice", "Which pipeline?", "BTC", ("Nabucco", "TAP", "South Stream"), ())
    ]


def test_quizlet_round_trip_keeps_type_prompt_answer_and_distractors(tmp_path, decks):
    text_file = export(decks, "quizlet", tmp_path / "set.txt")
    lines = text_file.read_text().splitlines()
    assert all(line.count("\t") == 1 for line in lines) and len(lines) == len(load_collection([decks]))
    assert "True or false: The United States opened its embassy in Baku in 1992.\tTrue" in lines
    assert "The United States opened its embassy in Baku on […: month day, year].\tMarch 16, 1992" in lines
    back = import_(text_file, tmp_path / "back")
    want = sorted((t, p, a, d, ()) for t, p, a, d, _ in card_facts(decks).values())
    assert card_facts(back, with_ids=False, with_tags=False) == want


def test_quizlet_export_with_comma_and_custom_card_separator(tmp_path):
    text_file = tmp_path / "quizlet.txt"
    text_file.write_text("Baku,capital of Azerbaijan;;Manat,currency of Azerbaijan;;")
    import_(text_file, tmp_path / "out", "--card-sep", ";;")
    assert card_facts(tmp_path / "out", with_ids=False) == [
        ("qa", "Baku", "capital of Azerbaijan", (), ()),
        ("qa", "Manat", "currency of Azerbaijan", (), ()),
    ]
    custom = tmp_path / "custom.txt"
    custom.write_text("Baku - capital\nManat - currency\n")
    import_(custom, tmp_path / "custom", "--term-sep", " - ")
    assert len(card_facts(tmp_path / "custom")) == 2


def test_kahoot_round_trip_of_choice_and_true_false_cards(tmp_path, decks, capsys):
    sheet = export(decks, "kahoot-xlsx", tmp_path / "quiz.xlsx")
    err = capsys.readouterr().err
    collection = load_collection([decks])
    fits = [
        c
        for c in collection.cards
        if c.type.value in ("choice", "truefalse")
        and len(c.prompt) <= kahoot.MAX_QUESTION
        and all(len(o) <= kahoot.MAX_ANSWER for o in (c.answer, *c.distractors[:3]))
    ]
    typed = sum(1 for c in collection.cards if c.is_typed)
    assert f"Wrote {sheet}: {len(fits)} Kahoot questions" in err
    assert f"skipped {typed} typed cards without distractors" in err

    from openpyxl import load_workbook

    rows = list(load_workbook(sheet).active.iter_rows(values_only=True))
    assert rows[kahoot.HEADER_ROW - 1][1:8] == kahoot.HEADER
    assert [r[0] for r in rows[kahoot.HEADER_ROW :]] == list(
        range(1, len(fits) + 1)
    )  # numbered like the template
    btc = next(
        r for r in rows if r[1] == "Which pipeline did the U.S. back as the main route for Caspian oil?"
    )
    assert btc[int(btc[7]) + 1] == "Baku–Tbilisi–Ceyhan" and btc[6] in kahoot.TIME_LIMITS

    back = import_(sheet, tmp_path / "back")
    want = sorted((c.type.value, c.prompt, c.answer, c.distractors[:3], ()) for c in fits)
    assert card_facts(back, with_ids=False, with_tags=False) == want


def test_a_kahoot_spreadsheet_with_another_extension_is_read_with_from_kahoot(tmp_path, decks, capsys):
    """openpyxl refused `deck.kahoot-xlsx` by its name ("does not support .kahoot-xlsx file format")."""
    sheet = export(decks, "kahoot-xlsx", tmp_path / "quiz.xlsx")
    renamed = sheet.rename(tmp_path / "deck.kahoot-xlsx")
    capsys.readouterr()
    back = import_(renamed, tmp_path / "back", "--from", "kahoot")
    assert "Kahoot spreadsheet" in capsys.readouterr().out
    assert card_facts(back, with_ids=False, with_tags=False)


def test_json_is_the_deck_model(tmp_path, decks):
    data = json.loads(export(decks, "json", tmp_path / "decks.json").read_text())
    history = next(d for d in data["decks"] if d["id"] == "history")
    assert history["title"] == "Azerbaijan–United States relations: history"
    dated = next(c for c in history["cards"] if c["id"] == "embassy-date")
    assert dated["hint"] == "month day, year" and dated["type"] == "cloze"


def test_export_only_the_named_decks(tmp_path, decks):
    out = export(decks, "csv", tmp_path / "two.csv", "--deck", "history", "--deck", "Relations today")
    decks_in_file = {line.split(",")[0] for line in out.read_text().splitlines()[1:]}
    assert decks_in_file == {"history", "recent-relations"}


def test_binary_formats_need_a_file_name(decks, capsys):
    assert main(["export", "cards", "--decks", str(decks), "--format", "apkg"]) == 1
    assert "--format apkg writes a file" in capsys.readouterr().err


def test_import_never_replaces_a_deck_without_force(tmp_path, decks, capsys):
    csv_file = export(decks, "csv", tmp_path / "cards.csv", "--deck", "history")
    import_(csv_file, tmp_path / "out")
    before = (tmp_path / "out" / "history.yaml").read_text()
    assert main(["import", str(csv_file), "--out", str(tmp_path / "out")]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["import", str(csv_file), "--out", str(tmp_path / "out"), "--force"]) == 0
    assert (tmp_path / "out" / "history.yaml").read_text() == before


def test_imported_decks_get_ordinary_file_permissions(tmp_path):
    # Written through temporary files, they once kept mkstemp's owner-only 0600.
    import os

    sheet = tmp_path / "class.csv"
    sheet.write_text("Front,Back\nCapital of Azerbaijan?,Baku\n", encoding="utf-8")
    umask = os.umask(0o022)
    try:
        import_(sheet, tmp_path / "out")
    finally:
        os.umask(umask)
    [deck_file] = (tmp_path / "out").glob("*.yaml")
    assert deck_file.stat().st_mode & 0o777 == 0o644


def test_a_kahoot_of_mostly_typed_cards_says_how_to_make_them_multiple_choice(tmp_path, capsys):
    """newuser5 F-H: "1 Kahoot questions", and no word on how to get more than one question."""
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "treaty.yaml").write_text(
        "title: Peace of Westphalia\n"
        "cards:\n"
        "  - id: signed\n    type: choice\n    question: When were the treaties signed?\n"
        "    answer: 1648\n    distractors: [1618, 1635, 1659]\n"
        "  - id: thalers\n    type: qa\n    question: How much did Sweden receive?\n"
        "    answer: 5 million thalers\n"
        "  - id: alsace\n    type: cloze\n    text: France gained most of {{Alsace}}.\n",
        encoding="utf-8",
    )
    sheet = export(folder, "kahoot-xlsx", tmp_path / "quiz.xlsx")
    err = capsys.readouterr().err
    assert f"Wrote {sheet}: 1 Kahoot question\n" in err
    assert "skipped 2 typed cards without distractors" in err
    assert "`t` (change type) on the author screen" in err and "multiple choice" in err

    (folder / "treaty.yaml").write_text(
        (folder / "treaty.yaml").read_text(encoding="utf-8").split("  - id: alsace")[0], encoding="utf-8"
    )
    (folder / "more.yaml").write_text(
        "title: More\ncards:\n"
        "  - id: tf\n    type: truefalse\n    statement: Westphalia is in Germany.\n    answer: true\n",
        encoding="utf-8",
    )
    export(folder, "kahoot-xlsx", sheet)
    err = capsys.readouterr().err
    assert "2 Kahoot questions" in err and "skipped 1 typed card without distractors" in err
    assert "change type" not in err  # most cards made it: no hint needed


def test_an_imported_cloze_gets_an_id_without_its_answer(tmp_path):
    # New-user trial 7: `great-fire-1611-destroyed-562336` told the year in the browser.
    rows = tmp_path / "unit2.csv"
    rows.write_text(
        "question,answer\nIn [...] the Great Fire destroyed the old town.,1611\n", encoding="utf-8"
    )
    back = import_(rows, tmp_path / "out")
    (card,) = [card for deck in load_collection(sorted(back.glob("*.yaml"))).decks for card in deck.cards]
    assert card.answer == "1611" and "1611" not in card.id, card.id
