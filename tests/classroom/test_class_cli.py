"""`caucasusquiz class host|join` from the command line, each app run headless by a scripted pilot.

`ClassApp.run` is replaced by the same run, headless at 80×24, with an autopilot that plays
the user's keys; everything else (the command, its closing lines, its exit code) is real.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from caucasusquiz import paths, profiles
from caucasusquiz.classroom.session import ClassSession, Phase
from caucasusquiz.classroom.storage import ClassDatabase
from caucasusquiz.cli import main
from caucasusquiz.clock import utc_now
from caucasusquiz.commands.classroom import create_session
from caucasusquiz.store.database import ProgressStore
from caucasusquiz.ui.class_app import ClassApp
from caucasusquiz.ui.screens.class_host import ClassHostScreen
from caucasusquiz.ui.screens.class_join import ClassStudentScreen, JoinClassScreen

from .conftest import FROZEN

Script = Callable[[Pilot], Awaitable[None]]


@pytest.fixture
def play(monkeypatch: pytest.MonkeyPatch) -> Callable[[Script], list[str]]:
    """Run every ClassApp headless with `script` as its user; returns the screens' class names seen."""
    original = ClassApp.run
    seen: list[str] = []

    def setup(script: Script) -> list[str]:
        def run(self: ClassApp, *args: object, **kwargs: object) -> None:
            async def autopilot(pilot: Pilot) -> None:
                await pilot.pause()
                seen.append(type(pilot.app.screen).__name__)
                await script(pilot)

            original(self, headless=True, size=(80, 24), auto_pilot=autopilot)

        monkeypatch.setattr(ClassApp, "run", run)
        return seen

    return setup


def host_session(pilot: Pilot) -> ClassSession:
    screen = pilot.app.screen
    assert isinstance(screen, ClassHostScreen)
    return screen.session


def join_as(data_dir: Path, code: str, *names: str) -> None:
    database = ClassDatabase.open(data_dir)
    try:
        session = ClassSession.find(database, code, utc_now)
        for name in names:
            session.join(name)
    finally:
        database.close()


async def finish(pilot: Pilot) -> None:
    """From the final screen: Enter closes the app."""
    await pilot.pause()
    assert host_session(pilot).phase is Phase.ENDED
    await pilot.press("enter")


def host(decks_dir: Path, *flags: str) -> int:
    return main(["class", "host", "--decks", str(decks_dir), "--questions", "2", *flags])


def test_host_ends_cleanly_after_a_full_class(play, decks_dir, isolated_user_dirs, capsys):
    async def script(pilot: Pilot) -> None:
        session = host_session(pilot)
        join_as(isolated_user_dirs, session.code, "Leyla", "Tural")
        for _ in range(7):  # start, reveal, scores, next, reveal, scores, end
            await pilot.press("enter")
        await finish(pilot)

    play(script)
    assert host(decks_dir) == 0
    captured = capsys.readouterr()
    assert "error" not in captured.err
    assert "ended. Report: caucasusquiz report --class" in captured.out


def test_host_ends_cleanly_when_nobody_joined(play, decks_dir, isolated_user_dirs, capsys):
    async def script(pilot: Pilot) -> None:
        await pilot.press(*["enter"] * 7)
        await finish(pilot)

    play(script)
    assert host(decks_dir) == 0
    assert "cannot read the class file" not in capsys.readouterr().err


def test_host_ends_cleanly_after_ending_early(play, decks_dir, isolated_user_dirs, capsys):
    async def script(pilot: Pilot) -> None:
        join_as(isolated_user_dirs, host_session(pilot).code, "Leyla")
        await pilot.press("enter", "escape")
        await pilot.pause()
        await pilot.press("y")  # End
        await finish(pilot)

    play(script)
    assert host(decks_dir) == 0
    captured = capsys.readouterr()
    assert "cannot read the class file" not in captured.err
    assert "ended." in captured.out


def test_one_answer_counted_as_a_review_is_said_in_the_singular(
    play, decks_dir, isolated_user_dirs, capsys, make_profiles
):
    make_profiles("Leyla")

    async def script(pilot: Pilot) -> None:
        session = host_session(pilot)
        leyla = session.join("Leyla")
        await pilot.press("enter")  # the first question
        question = session.view().question
        session.answer(leyla, question.answer if question.is_typed else "1")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")  # End
        await finish(pilot)

    play(script)
    assert host(decks_dir, "--count-as-review") == 0
    assert "1 answer was recorded as a review in the students' profiles." in capsys.readouterr().out


def test_join_with_code_and_name_joins_without_the_form(play, decks_dir, isolated_user_dirs, clock):
    locations = paths.resolve(decks=decks_dir, data_dir=isolated_user_dirs)
    database, session = create_session(locations, None, 2, 20, clock=clock)

    async def script(pilot: Pilot) -> None:
        await pilot.press("escape")

    seen = play(script)
    try:
        assert main(["class", "join", session.code, "--name", "Leyla"]) == 0
        assert seen == [ClassStudentScreen.__name__]
        assert session.view().students == ("Leyla",)
    finally:
        database.close()


def test_join_without_name_joins_as_the_profile_last_studied(
    play, decks_dir, isolated_user_dirs, clock, make_profiles
):
    """newuser5 F-O: --help says "(default: your profile)", but the form opened empty."""
    make_profiles("Leyla", "Tural")
    store = ProgressStore.open(isolated_user_dirs / "progress.sqlite3")
    profiles.use(store, "Tural", FROZEN)  # the one last opened for study on this machine
    store.close()
    locations = paths.resolve(decks=decks_dir, data_dir=isolated_user_dirs)
    database, session = create_session(locations, None, 2, 20, clock=clock)

    async def script(pilot: Pilot) -> None:
        await pilot.press("escape")

    seen = play(script)
    try:
        assert main(["class", "join", session.code]) == 0
        assert seen == [ClassStudentScreen.__name__]
        assert session.view().students == ("Tural",)
    finally:
        database.close()


def test_join_without_name_asks_when_the_profile_is_the_unnamed_default(
    play, isolated_user_dirs, make_profiles
):
    """A profile called "default" (made for whoever opened the app first) is no name for
    the class to see: the form opens with the name box empty and in focus."""
    make_profiles("default")
    names: list[str] = []

    async def script(pilot: Pilot) -> None:
        box = pilot.app.screen.query_one("#join-name")
        names.append(box.value)
        assert box.has_focus
        pilot.app.exit()

    seen = play(script)
    assert main(["class", "join", "123456"]) == 0
    assert seen == [JoinClassScreen.__name__] and names == [""]


def test_the_help_says_what_join_takes_without_name(capsys):
    with pytest.raises(SystemExit):
        main(["class", "join", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "default: your profile's name, the one last opened for study or --profile;" in help_text
    assert 'a profile called "default" is not a name: the form asks' in help_text


def test_join_with_a_wrong_code_opens_the_form_with_the_reason(play, decks_dir, isolated_user_dirs):
    reasons: list[str] = []

    async def script(pilot: Pilot) -> None:
        reasons.append(str(pilot.app.screen.query_one("#join-error").render()))
        assert pilot.app.screen.query_one("#join-code").has_focus
        pilot.app.exit()

    seen = play(script)
    assert main(["class", "join", "999999", "--name", "Leyla"]) == 0
    assert seen == [JoinClassScreen.__name__]
    assert "no class is open with the code '999999'" in reasons[0]


def test_every_deck_in_the_examples_is_a_bundled_deck():
    """README, docs/classroom.md and `--help` name only decks a fresh clone has."""
    import re

    from caucasusquiz.cli import EPILOG

    decks = paths.bundled_dir("decks")
    assert decks is not None
    bundled = {deck.stem for deck in decks.glob("*.yaml")}
    root = Path(__file__).resolve().parents[2]
    texts = {
        "README.md": (root / "README.md").read_text(encoding="utf-8"),
        "docs/classroom.md": (root / "docs" / "classroom.md").read_text(encoding="utf-8"),
        "--help": EPILOG,
    }
    named = {
        (where, name)
        for where, text in texts.items()
        for name in re.findall(r"--deck ([a-z][a-z0-9-]*)\b", text)
    }
    assert named, "the examples name no deck any more"
    assert {(where, name) for where, name in named if name not in bundled} == set()
