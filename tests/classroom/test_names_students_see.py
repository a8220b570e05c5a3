"""Which other students' names a student sees in a live quiz, and that the docs say so.

newuser5 F-G: the README said served tabs "never list other students' names", but the
scoreboard every student sees after a question names the top five.
"""

from __future__ import annotations

import re
from pathlib import Path

from caucasusquiz import paths
from caucasusquiz.commands.classroom import create_session
from caucasusquiz.ui.class_app import ClassApp
from caucasusquiz.ui.screens.class_join import JoinClassScreen

from .test_class_live import SIZE, body, join, right_key

ROOT = Path(__file__).resolve().parents[2]


async def test_the_waiting_room_counts_and_the_scoreboard_names(decks_dir, isolated_user_dirs, clock):
    locations = paths.resolve(decks=decks_dir, data_dir=isolated_user_dirs)
    database, session = create_session(locations, "history", 1, 20, clock=clock)
    leyla = ClassApp(lambda app: JoinClassScreen(isolated_user_dirs, app.clock), clock=clock)
    tural = ClassApp(lambda app: JoinClassScreen(isolated_user_dirs, app.clock), clock=clock)
    async with leyla.run_test(size=SIZE) as a, tural.run_test(size=SIZE) as b:
        await join(a, session.code, "Leyla")
        await join(b, session.code, "Tural")
        leyla.screen.poll()
        assert "2 in the class" in body(leyla) and "Tural" not in body(leyla)
        session.next()
        question = session.view().question
        leyla.screen.poll()
        if question.is_typed:
            await a.press(*question.answer, "enter")
        else:
            await a.press(right_key(question))
        session.reveal()
        leyla.screen.poll()
        assert "Right" in body(leyla) and "Tural" in body(leyla)  # the scoreboard below names him
    database.close()


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_the_readme_and_the_classroom_page_say_the_scoreboard_shows_names():
    readme = _flat((ROOT / "README.md").read_text(encoding="utf-8"))
    assert "never list other students' names" not in readme
    assert "in a live quiz every student's screen, in a tab as in a terminal, shows the scoreboard" in readme
    classroom = _flat((ROOT / "docs" / "classroom.md").read_text(encoding="utf-8"))
    assert "**Names in a live quiz**" in classroom and "top five names" in classroom
