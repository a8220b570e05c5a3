"""A served browser tab (CAUCASUSQUIZ_SERVED=1): no editor, no other students' names, only seeds."""

from __future__ import annotations

import asyncio

import pytest

from caucasusquiz.serving.mode import ENV_SERVED
from caucasusquiz.store.database import ProgressStore
from caucasusquiz.ui.screens.home import HomeScreen
from caucasusquiz.ui.screens.profiles import NamePrompt, ProfilePickerScreen
from caucasusquiz.ui.screens.review import ReviewScreen
from caucasusquiz.ui.screens.source import SourceScreen

SIZE = (80, 24)


@pytest.fixture
def served(monkeypatch):
    monkeypatch.setenv(ENV_SERVED, "1")


async def wait_for(pilot, condition, timeout: float = 5.0) -> None:
    async def poll() -> None:
        while not condition():
            await pilot.pause()

    await asyncio.wait_for(poll(), timeout)


def shown(app) -> list[str]:
    options = app.screen.query_one("#profile-list")
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def notifications(app) -> str:
    return " ".join(n.message for n in app._notifications)


async def open_as_new_student(pilot, name: str) -> None:
    """What a student does in a new tab: types a name at the picker and accepts it as new."""
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ProfilePickerScreen))
    await pilot.press(*name, "enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, NamePrompt))
    await pilot.press("enter")
    await pilot.app.opened.wait()


async def test_a_tab_always_asks_who_is_studying_and_lists_nobody(
    served, app_factory, make_profiles, isolated_user_dirs
):
    make_profiles("leyla")
    store = ProgressStore.open(isolated_user_dirs / "progress.sqlite3")
    store.remember_profile("leyla")
    store.close()
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ProfilePickerScreen))
        assert shown(app) == ["+ New profile…"]  # leyla's name is not shown to the class
        await pilot.press("f8")  # nor can a student delete or rename anyone
        await pilot.press("f2")
        assert isinstance(app.screen, ProfilePickerScreen)
        await pilot.press(*"Leyl")
        assert shown(app) == ["+ New profile “Leyl”…"]
        await pilot.press("a")
        assert shown(app) == ["leyla", "+ New profile…"]  # her own name, typed in full
        await pilot.press("enter")
        await app.opened.wait()
        assert app.workspace.profile.name == "leyla"


async def test_a_new_student_in_a_tab_does_not_become_the_machines_default(
    served, app_factory, make_profiles, isolated_user_dirs
):
    make_profiles("teacher")
    store = ProgressStore.open(isolated_user_dirs / "progress.sqlite3")
    store.remember_profile("teacher")
    store.close()
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await open_as_new_student(pilot, "Nigar")
        assert app.workspace.profile.name == "Nigar"
        assert app.workspace.store.last_profile() == "teacher"
        app.switch_profile()
        assert isinstance(app.screen, HomeScreen)
        await wait_for(pilot, lambda: "open a new tab" in notifications(app))
        app.class_report()  # it names every student
        assert isinstance(app.screen, HomeScreen)
        await wait_for(pilot, lambda: "for the teacher's own screen" in notifications(app))


async def test_the_edit_key_starts_no_editor_in_a_tab(served, app_factory, monkeypatch):
    import caucasusquiz.ui.editor as editor

    started: list = []
    monkeypatch.setattr(editor.subprocess, "run", lambda *a, **k: started.append(a))
    monkeypatch.setenv("EDITOR", "sh")
    app = app_factory(new_profile="x")  # --new-profile is ignored in a tab: the picker asks
    async with app.run_test(size=SIZE) as pilot:
        await open_as_new_student(pilot, "Kamran")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen))
        await pilot.press("ctrl+e")
        await wait_for(pilot, lambda: "Editing decks is off in a served session." in notifications(app))
        assert started == []


async def test_the_source_viewer_never_opens_a_file_outside_the_seeds(app_factory, decks_dir, tmp_path):
    seeds = tmp_path / "seeds"  # the decks folder's sibling: the app's seeds folder
    seeds.mkdir()
    (tmp_path / "secret.txt").write_text("the teacher's secret notes", encoding="utf-8")
    deck = decks_dir / "history.yaml"
    deck.write_text(
        deck.read_text(encoding="utf-8").replace(
            'source: "004_0090684c75a18b22.txt:21"', 'source: "../secret.txt:1"'
        ),
        encoding="utf-8",
    )
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await app.opened.wait()
        card = app.workspace.collection.card("history", "wilson-1919")
        assert card.source == "../secret.txt:1"
        app.push_screen(SourceScreen(card))
        await pilot.pause()
        assert "secret" not in app.screen.query_one("#document").text
        assert "not in the seeds folder" in str(app.screen.query_one("#source-title").content)


async def test_in_a_tab_a_student_joins_a_class_only_as_themselves(
    served, app_factory, decks_dir, isolated_user_dirs, clock
):
    from caucasusquiz import paths
    from caucasusquiz.commands.classroom import create_session
    from caucasusquiz.ui.screens.class_join import ClassStudentScreen, JoinClassScreen

    database, session = create_session(
        paths.resolve(decks=decks_dir, data_dir=isolated_user_dirs), None, 2, 20, clock=clock
    )
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await open_as_new_student(pilot, "Aysel")
        await pilot.press("j")
        assert isinstance(app.screen, JoinClassScreen)
        assert app.screen.query_one("#join-name").disabled  # the name cannot be changed
        await pilot.press(*session.code, "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ClassStudentScreen))
        assert session.view().students == ("Aysel",)
    database.close()


async def test_a_tabs_palette_offers_neither_switch_profile_nor_the_class_report(
    served, app_factory, isolated_user_dirs
):
    # New-user trial 6: both were listed, and refused when chosen.
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await open_as_new_student(pilot, "Ana")
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Join class" in titles and "Study all due cards" in titles
        assert "Switch profile" not in titles and "Class report" not in titles


async def test_a_tab_never_writes_a_deck_file(served, app_factory, decks_dir, isolated_user_dirs):
    # docs/classroom.md: "deck files are read-only from a tab". Yet `d` on the home screen
    # opened the author screen, where keep/edit/drop write the teacher's deck files.
    from textual.widgets import Footer

    from caucasusquiz.ui.screens.author import AuthorScreen

    before = {path.name: path.read_text() for path in decks_dir.glob("*.yaml")}
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await open_as_new_student(pilot, "Ana")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        keys = [key.key for key in app.screen.query_one(Footer).query("FooterKey")]
        assert "d" not in keys and "j" in keys
        await pilot.press("d", "n")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert not [t for t in titles if "author" in t or t.startswith(("Students study", "New deck"))]
        assert any(t.startswith("Study: ") for t in titles)
        for writing in (app.open_author, app.action_new_decks):  # however reached
            app.clear_notifications()
            writing()
            await pilot.pause()
            assert not isinstance(app.screen, AuthorScreen)
            assert "read-only in a browser tab" in notifications(app)
        app.set_deck_study(app.require_workspace().collection.decks[0], True)
        await pilot.pause()
    assert {path.name: path.read_text() for path in decks_dir.glob("*.yaml")} == before
