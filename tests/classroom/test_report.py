"""`caucasusquiz report`: per student, per card (worst first) and per live quiz; table, md, csv, json."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from caucasusquiz import paths
from caucasusquiz.classroom.session import ClassSession
from caucasusquiz.classroom.storage import ClassDatabase
from caucasusquiz.cli import main
from caucasusquiz.commands.classroom import create_session
from caucasusquiz.store.database import CardProgress, ProgressStore

from .conftest import FROZEN

DAY_MS = 86_400_000


@pytest.fixture
def history(isolated_user_dirs: Path, decks_dir: Path, clock):
    """Leyla gets sec907 wrong twice, Tural once of two; both get btc right. Then a live quiz."""
    store = ProgressStore.open(isolated_user_dirs / "progress.sqlite3")
    start = int(FROZEN.timestamp() * 1000) - 3 * DAY_MS
    plan = {
        "Leyla": [("sec907", 1), ("sec907", 1), ("btc", 3)],
        "Tural": [("sec907", 1), ("sec907", 3), ("btc", 4)],
    }
    for name, answers in plan.items():
        profile = store.profile(name, FROZEN)
        for i, (card, grade) in enumerate(answers):
            store.record_review(
                profile.id,
                ("history", card),
                None,
                CardProgress(),
                reviewed_ms=start + i * 60_000,
                grade=grade,
                typed=None,
                verdict="right" if grade > 1 else "wrong",
                duration_ms=30_000,
            )
    store.close()
    locations = paths.resolve(decks=decks_dir, data_dir=isolated_user_dirs)
    database, session = create_session(locations, "history", 2, 20, clock=clock)
    leyla, tural = session.join("Leyla"), session.join("Tural")
    session.next()
    question = session.view().question
    right = question.answer if question.is_typed else str(question.right_option + 1)
    session.answer(leyla, right)
    session.answer(tural, "surely wrong" if question.is_typed else _wrong(question))
    session.end()
    code, session_id = session.code, session.id
    database.close()
    return code, session_id, question


def _wrong(question) -> str:
    if question.kind == "truefalse":
        return "f" if question.answer == "True" else "t"
    return str((question.right_option + 1) % len(question.options) + 1)


def run_report(capsys, decks_dir, *flags) -> str:
    assert main(["report", "--decks", str(decks_dir), *flags]) == 0
    return capsys.readouterr().out


def test_the_json_report_has_students_cards_and_quizzes(history, capsys, decks_dir):
    code, _session_id, _question = history
    data = json.loads(run_report(capsys, decks_dir, "--json"))
    students = {s["name"]: s for s in data["students"]}
    assert students["Leyla"]["reviews"] == 3 and students["Leyla"]["minutes"] == 1.5
    assert students["Leyla"]["accuracy"] == pytest.approx(1 / 3, abs=1e-3)
    assert students["Tural"]["accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert "history" in students["Leyla"]["mastery"]
    worst = data["cards"][0]
    assert (worst["card"], worst["reviews"], worst["wrong"], worst["error_rate"]) == ("sec907", 4, 3, 0.75)
    assert "Section 907" in worst["text"] or "Freedom Support Act" in worst["text"]
    assert [c["card"] for c in data["cards"]] == ["sec907"]  # cards nobody got wrong are left out
    (quiz,) = data["quizzes"]
    assert quiz["code"] == code and quiz["ended"]
    assert quiz["questions"][0]["right"] == 1 and quiz["questions"][0]["wrong"] == 1
    assert [(s["name"], s["rank"], s["right"]) for s in quiz["students"]] == [
        ("Leyla", 1, 1),
        ("Tural", 2, 0),
    ]


def test_the_table_reads_worst_card_first(history, capsys, decks_dir):
    out = run_report(capsys, decks_dir)
    assert "Students" in out and "Cards the class gets wrong (worst first)" in out
    assert "75%" in out and "history/sec907" in out
    assert f"Live quiz {history[0]}" in out


def test_one_class_only_and_other_formats(history, capsys, decks_dir):
    code, _session_id, _question = history
    out = run_report(capsys, decks_dir, "--class", code, "--format", "md")
    assert out.startswith("# Class report") and "| rank | student | score | right | answered |" in out
    assert "## Students" not in out
    rows = list(
        csv.reader(io.StringIO(run_report(capsys, decks_dir, "--format", "csv", "--profiles", "Tural")))
    )
    assert ["Students"] in rows and any(row and row[0] == "Tural" for row in rows)
    assert not any(
        row and row[0] == "Leyla" for row in rows[: rows.index(["Cards the class gets wrong (worst first)"])]
    )


def test_an_unknown_student_or_class_is_an_error_and_creates_nothing(
    history, capsys, decks_dir, isolated_user_dirs
):
    assert main(["report", "--decks", str(decks_dir), "--profiles", "Leila"]) == 1
    assert "did you mean 'Leyla'?" in capsys.readouterr().err
    assert main(["report", "--decks", str(decks_dir), "--class", "000000"]) == 1
    assert "no class quiz with the code '000000'" in capsys.readouterr().err
    store = ProgressStore.open(isolated_user_dirs / "progress.sqlite3")
    assert sorted(store.profile_names()) == ["Leyla", "Tural"]
    store.close()


def test_report_to_a_file(history, capsys, decks_dir, tmp_path):
    target = tmp_path / "report.md"
    assert main(["report", "--decks", str(decks_dir), "--format", "md", "--out", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("# Class report")


def test_nothing_to_report_on_a_fresh_machine(capsys, decks_dir):
    assert "Nothing to report yet" in run_report(capsys, decks_dir)


def test_the_quiz_report_reads_the_class_file_not_the_decks(history, isolated_user_dirs, clock):
    _code, session_id, question = history
    again = ClassSession(ClassDatabase.open(isolated_user_dirs), session_id, clock)
    assert again.questions[0].prompt == question.prompt
    again.database.close()


async def test_the_class_report_screen_shows_the_same_tables(history, decks_dir, isolated_user_dirs, clock):
    # New-user trial 5: at 80×24 the app's tables were cut at the right edge ("last active …
    # mas", "U.S.", "(car"); the CLI's fit. Now the app lays them out as the CLI does.
    from caucasusquiz.commands.report import render_table
    from caucasusquiz.ui.app import make_app
    from caucasusquiz.ui.screens.class_report import ClassReportScreen

    app = make_app(
        paths.resolve(decks=decks_dir, data_dir=isolated_user_dirs), "Leyla", clock=clock, watch_decks=False
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await app.opened.wait()
        app.class_report()
        screen = app.screen
        assert isinstance(screen, ClassReportScreen)
        for _ in range(20):  # laid out once the screen knows its width
            await pilot.pause()
            if screen.width_laid_out:
                break
        text = screen.query_one("#class-report-text").render()
        lines = str(text).splitlines()
        assert lines == render_table(screen.report, screen.width_laid_out).splitlines()
        assert "Students" in lines and "Cards the class gets wrong (worst first)" in lines
        assert any(line.startswith(f"Live quiz {history[0]}") for line in lines)
        assert "history/sec907" in str(text) and "75% (3 of 4)" in str(text)
        assert screen.width_laid_out <= 80 - 2 and max(map(len, lines)) <= screen.width_laid_out
        assert screen.query_one("#class-report").max_scroll_x == 0  # nothing beyond the right edge
        await pilot.press("escape")
        assert not isinstance(app.screen, ClassReportScreen)


DECK_NAMES = [
    f"{topic}-{part}" for topic in ("early-history", "diplomacy", "economy") for part in ("a", "b", "c")
]


def test_the_table_fits_80_columns_and_csv_keeps_every_deck(
    capsys, tmp_path, example_deck, make_profiles, monkeypatch
):
    """Nine decks and three students: the table fits the terminal; CSV keeps a column per deck."""
    decks = tmp_path / "many-decks"
    decks.mkdir()
    for name in DECK_NAMES:
        (decks / f"{name}.yaml").write_text(example_deck.read_text(encoding="utf-8"), encoding="utf-8")
    make_profiles("Leyla", "Tural", "Aysel Mammadova")
    monkeypatch.setenv("COLUMNS", "80")

    out = run_report(capsys, decks)
    assert max(len(line) for line in out.splitlines()) <= 80, out
    students = out.split("\n\n")[0].splitlines()
    assert students[0] == "Students"
    assert students[1].split() == [
        "student",
        "reviews",
        "minutes",
        "accuracy",
        "retention",
        "mastery",
        "last",
        "active",
    ]
    assert "Mastery per deck (share of mature cards)" in out
    per_deck = out.split("Mastery per deck (share of mature cards)\n")[1].splitlines()
    assert per_deck[0].split() == ["deck", "Aysel", "Mammadova", "Leyla", "Tural"]
    assert [line.split()[0] for line in per_deck[1:10]] == sorted(DECK_NAMES)

    rows = list(csv.reader(io.StringIO(run_report(capsys, decks, "--format", "csv"))))
    header = rows[rows.index(["Students"]) + 1]
    assert [cell for cell in header if cell.startswith("mastery ")] == [
        f"mastery {d}" for d in sorted(DECK_NAMES)
    ]
    data = json.loads(run_report(capsys, decks, "--format", "json"))
    assert sorted(data["students"][0]["mastery"]) == sorted(DECK_NAMES)


def test_a_wide_table_goes_on_in_sections_that_repeat_its_first_column():
    from caucasusquiz.classroom.report_layout import fitted_sections

    header = ["deck", *(f"student {n:02}" for n in range(12))]
    sections = fitted_sections(header, [["economy", *["50%"] * 12]], 60)
    assert len(sections) > 1
    assert all(len(line) <= 60 for section in sections for line in section)
    assert all(section[0].startswith("deck") and section[1].startswith("economy") for section in sections)
    shown = [name for section in sections for name in re.findall(r"student \d\d", section[0])]
    assert shown == header[1:]  # every column once, in order


def test_long_questions_wrap_in_full_at_80_columns_instead_of_being_cut():
    # A new user's quiz table showed "Azerbaijan and …": a long answer elsewhere in the
    # column took the room, and the question was cut to 16 characters.
    from caucasusquiz.classroom.report_layout import fitted_sections

    question = "Azerbaijan and the United States established diplomatic relations in which year?"
    answer = "the Transcaucasian Socialist Federative Soviet Republic"
    header = ["#", "right", "almost", "wrong", "no answer", "question", "answer"]
    rows = [
        ["1", "1", "0", "0", "0", question, "1992"],
        ["2", "0", "1", "0", "0", "In 1922 it joined?", answer],
    ]
    (section,) = fitted_sections(header, rows, 80)
    assert all(len(line) <= 80 for line in section)
    assert "…" not in "".join(section)
    words = " ".join(section).split()
    assert all(word in words for word in (question + " " + answer).split())
    # The question's column starts on the row's first line and goes on below it.
    start = section[0].index("question")
    first = next(line for line in section if line.startswith("1 "))
    assert first[start:].startswith("Azerbaijan and the")


def test_every_line_of_the_table_fits_80_columns(history, capsys, decks_dir, monkeypatch):
    """Long card texts, questions and quiz titles included."""
    monkeypatch.setenv("COLUMNS", "80")
    out = run_report(capsys, decks_dir)
    assert f"Live quiz {history[0]} — questions\nAzerbaijan–United States relations: history, " in out
    assert max(len(line) for line in out.splitlines()) <= 80, out


def test_a_quiz_ended_in_the_lobby_reports_no_question(isolated_user_dirs, decks_dir, clock, capsys):
    locations = paths.resolve(decks=decks_dir, data_dir=isolated_user_dirs)
    database, session = create_session(locations, None, 2, 20, clock=clock)
    session.join("Leyla")
    session.end()
    code = session.code
    database.close()
    out = run_report(capsys, decks_dir, "--class", code)
    questions = out.split(f"Live quiz {code} — students")[0]
    assert "(none)" in questions and "right  almost" not in questions
    assert "Leyla" in out.split(f"Live quiz {code} — students")[1]


def test_cards_of_another_decks_folder_are_said_to_be_elsewhere_not_gone(history, capsys, tmp_path):
    """newuser5 F-F: a report on another folder than the one studied must not call the
    studied cards deleted; only a card gone from a deck still in the folder is "no longer"."""
    other = tmp_path / "other-decks"
    other.mkdir()
    data = json.loads(run_report(capsys, other, "--json"))
    assert [c["text"] for c in data["cards"]] == [f"(not in {other})"]
    out = run_report(capsys, other)
    assert "no longer" not in out and "history/sec907" in out
    assert f"(not in {other})" in re.sub(r"\n\s*", " ", out)  # a long path wraps in its column


def test_a_card_removed_from_its_deck_is_no_longer_in_the_decks(history, capsys, decks_dir):
    deck = decks_dir / "history.yaml"
    text = deck.read_text(encoding="utf-8")
    deck.write_text(_without_card(text, "sec907"), encoding="utf-8")
    data = json.loads(run_report(capsys, decks_dir, "--json"))
    assert [c["text"] for c in data["cards"]] == ["(card no longer in the decks)"]


def _without_card(text: str, card_id: str) -> str:
    """The deck text without the card item whose id is `card_id`."""
    items = re.split(r"(?m)^(?=  - )", text)
    return "".join(item for item in items if f"id: {card_id}\n" not in item)
