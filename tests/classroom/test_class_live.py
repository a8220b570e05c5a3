"""A live class quiz with Pilot: one host app and two student apps on one class file, frozen clock.

Each app polls the class file; the tests call `poll()` after a move instead of waiting for
the poll timer, so nothing depends on how fast the machine is.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from caucasusquiz import paths
from caucasusquiz.classroom.session import Phase
from caucasusquiz.commands.classroom import create_session
from caucasusquiz.ui.class_app import ClassApp
from caucasusquiz.ui.screens.class_host import ClassHostScreen
from caucasusquiz.ui.screens.class_join import ClassStudentScreen, JoinClassScreen
from caucasusquiz.ui.screens.dialogs import ConfirmScreen
from caucasusquiz.ui.screens.home import HomeScreen

SIZE = (80, 24)


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def body(app) -> str:
    return str(app.screen.query_one("#class-body").content)


async def join(pilot, code: str, name: str) -> None:
    await pilot.press(*code, "enter", *name, "enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ClassStudentScreen), body(pilot.app)


def right_key(question) -> str:
    if question.kind == "truefalse":
        return "t" if question.answer == "True" else "f"
    return str(question.right_option + 1)


def wrong_key(question) -> str:
    if question.kind == "truefalse":
        return "f" if question.answer == "True" else "t"
    return str((question.right_option + 1) % len(question.options) + 1)


async def test_host_and_two_students_play_a_round(decks_dir: Path, isolated_user_dirs: Path, clock):
    locations = paths.resolve(decks=decks_dir, data_dir=isolated_user_dirs)
    database, session = create_session(locations, None, 2, 20, clock=clock)
    host = ClassApp(lambda _: ClassHostScreen(session), clock=clock)
    leyla = ClassApp(lambda app: JoinClassScreen(isolated_user_dirs, app.clock), clock=clock)
    tural = ClassApp(lambda app: JoinClassScreen(isolated_user_dirs, app.clock), clock=clock)
    async with host.run_test(size=SIZE) as h, leyla.run_test(size=SIZE) as a, tural.run_test(size=SIZE) as b:
        screen = host.screen
        assert isinstance(screen, ClassHostScreen)
        assert host.screen.query_one("#class-big").value == session.code  # in large digits
        assert f"class join {session.code}" in body(host)

        await join(a, session.code, "Leyla")
        await join(b, session.code, "Tural")
        screen.poll()
        assert "2 joined: Leyla, Tural" in body(host)
        assert "You are in, Leyla!" in body(leyla)

        await h.press("enter")  # start: the first question, with a countdown
        question = session.view().question
        for app in (leyla, tural):
            app.screen.poll()
        assert question.prompt in body(host) and question.prompt in body(leyla)
        assert "Answers: 0 of 2" in body(host)

        clock.now += timedelta(seconds=5)
        if question.is_typed:
            await a.press(*question.answer, "enter")
        else:
            await a.press(right_key(question))
        screen.poll()
        assert "Answers: 1 of 2" in body(host)
        assert "Answer sent" in body(leyla)

        clock.now += timedelta(seconds=5)
        if question.is_typed:
            await b.press(*"no idea", "enter")
        else:
            await b.press(wrong_key(question))
        screen.poll()  # everyone answered: the host reveals without waiting for the clock
        assert session.phase is Phase.REVEAL
        assert f"Answer: {question.answer}" in body(host)
        if question.context:
            assert question.context.split()[0] in body(host)
        leyla.screen.poll()
        tural.screen.poll()
        assert "✓ Right  +875 points" in body(leyla)
        assert "✗ Wrong" in body(tural) and "rank 2 of 2" in text_of(tural, "#class-status")

        await h.press("enter")  # scoreboard
        assert "Scoreboard" in body(host)
        lines = [line for line in body(host).splitlines() if "Leyla" in line or "Tural" in line]
        assert "Leyla" in lines[0] and "875" in lines[0] and "Tural" in lines[1]

        # Tural's tab closes; he joins again under the same name and keeps his place.
        await b.press("escape")
        tural2 = ClassApp(lambda app: JoinClassScreen(isolated_user_dirs, app.clock), clock=clock)
        async with tural2.run_test(size=SIZE) as b2:
            await join(b2, session.code, "Tural")
            assert session.view().students == ("Leyla", "Tural")

            await h.press("enter")  # question 2; nobody answers and time runs out
            clock.now += timedelta(seconds=21)
            screen.poll()
            assert session.phase is Phase.REVEAL
            tural2.screen.poll()
            assert "No answer this time." in body(tural2)

            await h.press("escape")  # end the class early, after a question
            assert isinstance(host.screen, ConfirmScreen)
            await h.press("y")
            assert session.phase is Phase.ENDED
            assert "The class is over" in body(host) and "% right" in body(host)
            leyla.screen.poll()
            assert "You scored 875 points: rank 1 of 2." in body(leyla)
    database.close()


async def test_joining_with_a_wrong_code_says_so(isolated_user_dirs: Path, clock):
    app = ClassApp(lambda app: JoinClassScreen(isolated_user_dirs, app.clock), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"999999", "enter", *"Leyla", "enter")
        assert isinstance(app.screen, JoinClassScreen)
        assert "no class is open with the code '999999'" in str(app.screen.query_one("#join-error").content)


async def test_join_class_from_the_home_screen_uses_the_profile_name(
    app_factory, decks_dir, isolated_user_dirs, clock
):
    locations = paths.resolve(decks=decks_dir, data_dir=isolated_user_dirs)
    database, session = create_session(locations, "history", 3, 20, clock=clock)
    app = app_factory(new_profile="Aysel")
    async with app.run_test(size=SIZE) as pilot:
        await app.opened.wait()
        await pilot.press("j")
        assert isinstance(app.screen, JoinClassScreen)
        await pilot.press(*session.code, "enter")  # the name is already there
        await pilot.pause()
        assert isinstance(app.screen, ClassStudentScreen)
        assert session.view().students == ("Aysel",)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
    database.close()


async def test_a_new_host_takes_over_an_open_class_where_it_was(
    decks_dir: Path, isolated_user_dirs: Path, clock
):
    from caucasusquiz.commands.classroom import resume_session

    locations = paths.resolve(decks=decks_dir, data_dir=isolated_user_dirs)
    database, session = create_session(locations, None, 2, 20, clock=clock)
    leyla = session.join("Leyla")
    session.join("Tural")
    session.next()
    assert session.answer(leyla, session.view().question.answer)
    code = session.code
    database.close()  # the host's terminal closes here

    database, again = resume_session(isolated_user_dirs, code, clock)
    host = ClassApp(lambda _: ClassHostScreen(again), clock=clock)
    async with host.run_test(size=SIZE) as h:
        assert "Answers: 1 of 2" in body(host)
        await h.press("enter")  # reveal
        assert f"Answer: {again.view().question.answer}" in body(host)
    database.close()


LONG_TITLE = "Early history: 1919 to independence"


def long_titled_session(decks_dir: Path, isolated_user_dirs: Path, clock):
    from caucasusquiz.classroom.questions import build_questions
    from caucasusquiz.classroom.session import ClassSession
    from caucasusquiz.classroom.storage import ClassDatabase
    from caucasusquiz.workspace import load_decks

    cards = list(load_decks(paths.resolve(decks=decks_dir)).cards)
    database = ClassDatabase.open(isolated_user_dirs)
    questions = build_questions(cards, 10, {}, seed="long")
    return database, ClassSession.create(database, questions, title=LONG_TITLE, seconds=20, clock=clock)


def shown_bindings(app) -> dict[str, str]:
    """The footer's keys and what they say they do."""
    return {
        binding.key: binding.description
        for _, binding, enabled, _ in app.screen.active_bindings.values()
        if enabled and binding.show
    }


async def test_the_headers_fit_80_columns_and_keep_score_and_rank(decks_dir, isolated_user_dirs, clock):
    database, session = long_titled_session(decks_dir, isolated_user_dirs, clock)
    session.join("Tural")
    host = ClassApp(lambda _: ClassHostScreen(session), clock=clock)
    leyla = ClassApp(lambda app: JoinClassScreen(isolated_user_dirs, app.clock), clock=clock)
    async with host.run_test(size=SIZE) as h, leyla.run_test(size=SIZE) as a:
        await join(a, session.code, "Leyla Mammadova, class 9B")
        await h.press("enter")
        leyla.screen.poll()  # the question is on her screen before she answers
        await a.pause()
        clock.now += timedelta(seconds=4)
        question = session.view().question
        keys = [*question.answer, "enter"] if question.is_typed else [right_key(question)]
        await a.press(*keys)
        session.reveal()
        host.screen.poll()
        leyla.screen.poll()
        student = text_of(leyla, "#class-status")
        assert len(student) <= SIZE[0] - 2, student  # the status line has a cell of padding each side
        assert student.endswith("pts · rank 1 of 2") and "Leyla Mammadova, class 9B" in student
        assert student.startswith("Early history") and "…" in student  # the title gave way
        assert int(student.split(" · ")[-2].split()[0]) > 0
        await h.press("enter", "enter")  # scores, then question 2
        header = text_of(host, "#class-status")
        assert len(header) <= SIZE[0] - 2, header
        assert header.endswith(f"question 2 of {session.view().total}") and f"code {session.code}" in header
    database.close()


async def test_a_class_ended_in_the_lobby_lists_no_question(decks_dir, isolated_user_dirs, clock):
    locations = paths.resolve(decks=decks_dir, data_dir=isolated_user_dirs)
    database, session = create_session(locations, None, 3, 20, clock=clock)
    session.join("Leyla")
    session.join("Tural")
    host = ClassApp(lambda _: ClassHostScreen(session), clock=clock)
    async with host.run_test(size=SIZE) as h:
        await h.press("escape", "y")
        assert session.phase is Phase.ENDED
        summary = body(host)
        assert "The class is over" in summary and "No question was asked." in summary
        assert "% right" not in summary
        assert not any(q.prompt[:40] in summary for q in session.questions)
        assert "Leyla" in summary and "Tural" in summary  # they joined, even with no points
        assert "Nobody has joined" not in summary
    database.close()


async def test_the_students_final_screen_offers_close(decks_dir, isolated_user_dirs, clock):
    locations = paths.resolve(decks=decks_dir, data_dir=isolated_user_dirs)
    database, session = create_session(locations, None, 2, 20, clock=clock)
    leyla = ClassApp(lambda app: JoinClassScreen(isolated_user_dirs, app.clock), clock=clock)
    async with leyla.run_test(size=SIZE) as a:
        await join(a, session.code, "Leyla")
        assert shown_bindings(leyla)["escape"] == "Leave (rejoin keeps your score)"
        session.end()
        leyla.screen.poll()
        await a.pause()
        assert shown_bindings(leyla)["escape"] == "Close"
        assert "rank 1 of 1" in body(leyla)
        await a.press("escape")
        assert leyla._exit_renderables is not None or not leyla.is_running
    database.close()


async def test_the_host_footer_says_what_enter_does_and_students_keep_their_score(
    decks_dir, isolated_user_dirs, clock
):
    locations = paths.resolve(decks=decks_dir, data_dir=isolated_user_dirs)
    database, session = create_session(locations, None, 2, 20, clock=clock)
    host = ClassApp(lambda _: ClassHostScreen(session), clock=clock)
    leyla = ClassApp(lambda app: JoinClassScreen(isolated_user_dirs, app.clock), clock=clock)
    async with host.run_test(size=SIZE) as h, leyla.run_test(size=SIZE) as a:
        await join(a, session.code, "Leyla")
        said = [shown_bindings(host)["enter"]]
        for _ in range(10):
            if session.phase is Phase.ENDED:
                break
            if session.phase is Phase.QUESTION and session.view().question.position == 0:
                question = session.view().question
                leyla.screen.poll()
                await a.pause()
                clock.now += timedelta(seconds=2)
                keys = [*question.answer, "enter"] if question.is_typed else [right_key(question)]
                await a.press(*keys)
                host.screen.poll()
                said.append(shown_bindings(host)["enter"])
            await h.press("enter")
            said.append(shown_bindings(host)["enter"])
            if session.phase is Phase.QUESTION and session.view().question.position == 1:
                leyla.screen.poll()
                header = text_of(leyla, "#class-status")
                assert header.endswith("pts · rank 1 of 1") and " 0 pts" not in header, header
        assert said[:2] == ["Start", "Reveal now"]
        assert said[-3:] == ["Scores", "Finish", "Close"]
        assert "Next question" in said
        assert "escape" not in shown_bindings(host)  # the class is over: nothing to end
    database.close()


async def test_enter_on_end_the_class_goes_on(decks_dir, isolated_user_dirs, clock):
    # Enter is the host's key for "next" all class long: on "End the class?" it must not end it.
    locations = paths.resolve(decks=decks_dir, data_dir=isolated_user_dirs)
    database, session = create_session(locations, None, 3, 20, clock=clock)
    session.join("Leyla")
    host = ClassApp(lambda _: ClassHostScreen(session), clock=clock)
    async with host.run_test(size=SIZE) as h:
        await h.press("escape")
        assert isinstance(host.screen, ConfirmScreen)
        await h.press("enter")
        assert not isinstance(host.screen, ConfirmScreen)
        assert session.phase is Phase.LOBBY
    database.close()
