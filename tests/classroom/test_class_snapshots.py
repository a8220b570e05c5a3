"""What the class screens look like at 80×24 (SVG snapshots), on a frozen clock and a fixed code."""

from __future__ import annotations

from pathlib import Path

import pytest

from caucasusquiz import paths
from caucasusquiz.classroom.questions import build_questions
from caucasusquiz.classroom.session import ClassSession
from caucasusquiz.classroom.storage import ClassDatabase
from caucasusquiz.ui.class_app import ClassApp
from caucasusquiz.ui.screens.class_host import ClassHostScreen
from caucasusquiz.ui.screens.class_join import ClassStudentScreen
from caucasusquiz.workspace import load_decks

SIZE = (80, 24)


@pytest.fixture
def session(decks_dir: Path, isolated_user_dirs: Path, clock):
    cards = [c for c in load_decks(paths.resolve(decks=decks_dir)).cards if c.id in ("btc", "sec907")]
    database = ClassDatabase.open(isolated_user_dirs)
    made = ClassSession.create(
        database,
        build_questions(cards, 2, {}, "snapshots"),
        title="History",
        seconds=20,
        clock=clock,
        code="482913",
    )
    yield made
    database.close()


def host_app(session, clock) -> ClassApp:
    return ClassApp(lambda _: ClassHostScreen(session), clock=clock)


def test_host_lobby(snap_compare, session, clock):
    session.join("Leyla")
    session.join("Tural")
    assert snap_compare(host_app(session, clock), terminal_size=SIZE)


def test_host_question(snap_compare, session, clock):
    leyla = session.join("Leyla")
    session.join("Tural")
    session.next()
    session.answer(leyla, "1")
    assert snap_compare(host_app(session, clock), terminal_size=SIZE)


def test_host_reveal(snap_compare, session, clock):
    leyla, tural = session.join("Leyla"), session.join("Tural")
    session.next()
    question = session.view().question
    right = question.right_option
    session.answer(leyla, str(right + 1))
    session.answer(tural, str((right + 1) % len(question.options) + 1))
    session.reveal()
    assert snap_compare(host_app(session, clock), terminal_size=SIZE)


def test_host_summary(snap_compare, session, clock):
    leyla, _ = session.join("Leyla"), session.join("Tural")
    session.next()
    question = session.view().question
    session.answer(leyla, str(question.right_option + 1))
    session.reveal()
    session.end()
    assert snap_compare(host_app(session, clock), terminal_size=SIZE)


def test_student_typed_question(snap_compare, session, clock):
    leyla = session.join("Leyla")
    session.next()
    session.reveal()
    session.next()
    session.next()  # the second question: Section 907, typed
    app = ClassApp(lambda _: ClassStudentScreen(session, leyla, "Leyla"), clock=clock)
    assert snap_compare(app, terminal_size=SIZE, press=[*"907"])
