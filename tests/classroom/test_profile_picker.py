"""The profile picker on a shared machine, driven with Pilot: choose, filter, new, rename, delete."""

from __future__ import annotations

import asyncio
from pathlib import Path

from caucasusquiz.store.database import ProgressStore
from caucasusquiz.ui.screens.dialogs import ChoiceScreen, ConfirmScreen
from caucasusquiz.ui.screens.home import HomeScreen
from caucasusquiz.ui.screens.profiles import NamePrompt, ProfilePickerScreen

SIZE = (80, 24)


async def wait_for(pilot, condition, timeout: float = 5.0) -> None:
    async def poll() -> None:
        while not condition():
            await pilot.pause()

    await asyncio.wait_for(poll(), timeout)


def shown_names(app) -> list[str]:
    picker = app.screen.query_one("#profile-list")
    return [str(picker.get_option_at_index(i).prompt) for i in range(picker.option_count)]


def stored_names(data: Path) -> list[str]:
    store = ProgressStore.open(data / "progress.sqlite3")
    try:
        return sorted(store.profile_names())
    finally:
        store.close()


async def test_one_profile_opens_straight_to_home(app_factory, make_profiles):
    make_profiles("leyla")
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.app.opened.wait()
        assert isinstance(app.screen, HomeScreen)
        assert app.workspace.profile.name == "leyla"


async def test_picker_filters_as_you_type_and_enter_opens_the_profile(app_factory, make_profiles):
    make_profiles("leyla", "tural", "aysel")
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ProfilePickerScreen))
        assert sorted(shown_names(app)[:3]) == ["aysel", "leyla", "tural"]
        assert shown_names(app)[-1] == "+ New profile…"
        await pilot.press("t", "u")
        assert shown_names(app) == ["tural", "+ New profile “tu”…"]
        await pilot.press("enter")
        await pilot.app.opened.wait()
        assert isinstance(app.screen, HomeScreen)
        assert app.workspace.profile.name == "tural"
        assert app.workspace.store.last_profile() == "tural"


async def test_the_picker_highlights_the_default_profile_the_commands_use(
    app_factory, make_profiles, isolated_user_dirs, decks_dir, capsys
):
    """A third new user's report: the picker highlighted the profile with the newest review,
    `stats` reported the one last opened."""
    from caucasusquiz.cli import main
    from caucasusquiz.store.database import CardProgress

    make_profiles("leyla", "tural")
    store = ProgressStore.open(isolated_user_dirs / "progress.sqlite3")
    store.record_review(  # leyla studied last (e.g. her progress file was imported)...
        store.find_profile("leyla").id, ("history", "sec907"), None, CardProgress(),
        reviewed_ms=1_900_000_000_000, grade=3, typed="907", verdict="right", duration_ms=5,
    )  # fmt: skip
    store.remember_profile("tural")  # ...but tural opened the app last
    store.close()
    assert main(["stats", "--json", "--decks", str(decks_dir)]) == 0
    assert '"profile": "tural"' in capsys.readouterr().out
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ProfilePickerScreen))
        assert shown_names(app)[:2] == ["leyla", "tural"]  # the list: most recently studied first
        await pilot.press("enter")
        await pilot.app.opened.wait()
        assert app.workspace.profile.name == "tural"


async def test_arrow_keys_move_through_the_list(app_factory, make_profiles):
    make_profiles("leyla", "tural")
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ProfilePickerScreen))
        second = shown_names(app)[1]
        await pilot.press("down", "down", "up", "enter")  # clamps at the ends; lands on the second
        await pilot.app.opened.wait()
        assert app.workspace.profile.name == second


async def test_new_profile_asks_a_name_and_creates_it(app_factory, make_profiles, isolated_user_dirs):
    make_profiles("leyla", "tural")
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ProfilePickerScreen))
        for _ in range(3):
            await pilot.press("down")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, NamePrompt))
        await pilot.press(*"leyla", "enter")  # taken: the prompt says so and stays
        assert "already a profile" in str(app.screen.query_one("#name-error").content)
        await pilot.press(*["backspace"] * 5, *"Murad", "enter")
        await pilot.app.opened.wait()
        assert app.workspace.profile.name == "Murad"
    assert stored_names(isolated_user_dirs) == ["Murad", "leyla", "tural"]


async def test_rename_and_delete_ask_first(app_factory, make_profiles, isolated_user_dirs):
    make_profiles("leyla", "tural", "aysel")
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ProfilePickerScreen))
        await pilot.press(*"tural")
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, NamePrompt))
        await pilot.press(*["backspace"] * 5, *"Tural A.", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ProfilePickerScreen))
        assert "Tural A." in shown_names(app)

        await pilot.press(*"ays", "f8")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("n")  # keep
        await wait_for(pilot, lambda: isinstance(app.screen, ProfilePickerScreen))
        assert "aysel" in shown_names(app)
        await pilot.press("f8")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_for(pilot, lambda: "aysel" not in shown_names(app))
    assert stored_names(isolated_user_dirs) == ["Tural A.", "leyla"]


async def test_enter_on_the_delete_question_keeps_the_profile(app_factory, make_profiles, isolated_user_dirs):
    make_profiles("leyla", "tural")
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ProfilePickerScreen))
        await pilot.press(*"leyla", "f8")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert str(app.screen.focused.label) == "Keep"
        await pilot.press("enter")  # out of habit: the safe answer
        await wait_for(pilot, lambda: isinstance(app.screen, ProfilePickerScreen))
        assert "leyla" in shown_names(app)
    assert stored_names(isolated_user_dirs) == ["leyla", "tural"]


async def test_a_mistyped_profile_name_offers_the_existing_profile_first(
    app_factory, make_profiles, isolated_user_dirs
):
    make_profiles("Leyla", "tural")
    app = app_factory(profile="leyla")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        assert "Did you mean 'Leyla'?" in str(app.screen.message)
        assert str(app.screen.focused.label) == "Open Leyla"
        await pilot.press("enter")
        await pilot.app.opened.wait()
        assert app.workspace.profile.name == "Leyla"
    assert stored_names(isolated_user_dirs) == ["Leyla", "tural"]

    app = app_factory(profile="leyla")  # names are one name whatever their case (new-user trial 7)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        assert "whatever their case" in str(app.screen.message)
        await pilot.press("c")  # no "Create leyla" to take
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
    assert stored_names(isolated_user_dirs) == ["Leyla", "tural"]


async def test_a_new_profile_named_like_another_but_for_case_is_asked_as_a_near_miss(
    app_factory, make_profiles, isolated_user_dirs
):
    make_profiles("Ms Hart", "tural")
    app = app_factory(new_profile="ms hart")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press("enter")  # Open Ms Hart
        await pilot.app.opened.wait()
        assert app.workspace.profile.name == "Ms Hart"
    assert stored_names(isolated_user_dirs) == ["Ms Hart", "tural"]


async def test_escape_in_the_picker_quits_and_remembers_nobody(
    app_factory, make_profiles, isolated_user_dirs
):
    make_profiles("leyla", "tural")
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ProfilePickerScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: app._exit)
    assert app.workspace is None
    store = ProgressStore.open(isolated_user_dirs / "progress.sqlite3")
    assert store.last_profile() is None
    store.close()


async def test_an_unknown_profile_name_asks_before_creating(app_factory, make_profiles, isolated_user_dirs):
    make_profiles("leyla", "tural")
    app = app_factory(profile="leila")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        assert "Did you mean 'leyla'?" in str(app.screen.message)
        await pilot.press("n")  # not me: choose another
        await wait_for(pilot, lambda: isinstance(app.screen, ProfilePickerScreen))
    assert stored_names(isolated_user_dirs) == ["leyla", "tural"]

    app = app_factory(profile="Nigar")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.pause()
        keys = app.screen.query_one("#dialog-keys")  # new-user trial 8: the keys, not colour alone
        assert keys.display and keys.region.width > 0
        assert "⏎ create" in str(keys.content) and "esc choose another" in str(keys.content)
        await pilot.press("y")
        await pilot.app.opened.wait()
        assert app.workspace.profile.name == "Nigar"
    assert stored_names(isolated_user_dirs) == ["Nigar", "leyla", "tural"]


async def test_switch_profile_from_the_app(app_factory, make_profiles):
    make_profiles("leyla")
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.app.opened.wait()
        app.switch_profile()
        await wait_for(pilot, lambda: isinstance(app.screen, ProfilePickerScreen))
        await pilot.press("f8")  # the profile in use cannot be deleted
        assert not isinstance(app.screen, ConfirmScreen)
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, NamePrompt))
        await pilot.press(*"Kamran", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert app.workspace.profile.name == "Kamran"
        assert app.screen.sub_title == "profile: Kamran"


async def test_w_on_home_switches_profile_and_the_help_lists_it(app_factory, make_profiles):
    # newuser3 #11: switching was only in the palette, so nobody found it.
    from caucasusquiz.ui.screens.help import HelpScreen

    make_profiles("leyla")
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.app.opened.wait()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert ("w", "Switch profile (who studies)") in app.screen.rows
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("w")
        await wait_for(pilot, lambda: isinstance(app.screen, ProfilePickerScreen))


async def test_f2_and_f8_on_new_profile_say_what_they_need(app_factory, make_profiles):
    make_profiles("leyla", "tural")
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ProfilePickerScreen))
        await pilot.press("down", "down")  # onto "+ New profile…"
        await pilot.press("f2")
        assert not isinstance(app.screen, NamePrompt)
        assert [str(n.message) for n in app._notifications][-1] == (
            "Highlight a profile to rename it; Enter here makes a new one."
        )
        await pilot.press("f8")
        assert not isinstance(app.screen, ConfirmScreen)
        assert [str(n.message) for n in app._notifications][-1] == "Highlight a profile to delete it."


def footer_labels(app) -> list[str]:
    return [b.binding.description for b in app.screen.active_bindings.values() if b.binding.show]


async def test_escape_is_labelled_by_what_it_does(app_factory, make_profiles):
    # newuser4 #4: the picker opened with `w` said "esc Quit" though Esc goes back home.
    make_profiles("leyla", "tural")
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ProfilePickerScreen))
        assert "Quit" in footer_labels(app)  # opening the app: Esc quits
        assert "Back" not in footer_labels(app)
        await pilot.press("enter")
        await pilot.app.opened.wait()
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("w")
        await wait_for(pilot, lambda: isinstance(app.screen, ProfilePickerScreen))
        assert "Back" in footer_labels(app)
        assert "Quit" not in footer_labels(app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert not app._exit
