"""What the class screens' 0.25 s poll costs: one reading of the class file, not two."""

from __future__ import annotations

from datetime import timedelta

from caucasusquiz import paths
from caucasusquiz.classroom.session import Phase
from caucasusquiz.commands.classroom import create_session
from caucasusquiz.ui.class_app import ClassApp
from caucasusquiz.ui.screens.class_host import ClassHostScreen

SIZE = (80, 24)


async def test_the_host_reads_the_class_file_once_per_poll_and_still_reveals_on_time(
    decks_dir, isolated_user_dirs, clock, monkeypatch
):
    locations = paths.resolve(decks=decks_dir, data_dir=isolated_user_dirs)
    database, session = create_session(locations, None, 2, 20, clock=clock)
    students = [session.join("Leyla"), session.join("Tural")]
    queries: list[str] = []
    read = database.read
    monkeypatch.setattr(database, "read", lambda sql, *args: queries.append(sql) or read(sql, *args))

    def queries_of(action) -> int:
        queries.clear()
        action()
        return len(queries)

    host = ClassApp(lambda _: ClassHostScreen(session), clock=clock)
    async with host.run_test(size=SIZE) as pilot:
        screen = host.screen
        assert isinstance(screen, ClassHostScreen)
        assert queries_of(screen.poll) == queries_of(session.view)  # in the lobby
        await pilot.press("enter")  # the first question, with its countdown
        assert screen.view.phase is Phase.QUESTION
        assert queries_of(screen.poll) == queries_of(session.view)
        clock.now += timedelta(seconds=21)  # time is up: revealed at the next poll
        screen.poll()
        assert screen.view.phase is Phase.REVEAL
        assert queries_of(screen.poll) == queries_of(session.view)
        await pilot.press("enter", "enter")  # the scoreboard, the second question
        assert screen.view.phase is Phase.QUESTION
        for student in students:  # everyone has answered: revealed at the next poll
            session.answer(student, screen.view.question.answer)
        screen.poll()
        assert screen.view.phase is Phase.REVEAL
    database.close()
