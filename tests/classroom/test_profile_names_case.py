"""New-user trial 7: profile names that differ only in case were two profiles, and the picker's
filter matched both and renamed the wrong one (a class's 14 reviews ended under another name)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from caucasusquiz import profiles
from caucasusquiz.errors import UserError
from caucasusquiz.store.database import ProgressStore
from caucasusquiz.ui.screens.profiles import NamePrompt, ProfilePickerScreen

from .test_profile_picker import SIZE, shown_names, stored_names, wait_for

NOW = datetime(2026, 11, 29, tzinfo=UTC)


@pytest.fixture
def store(tmp_path):
    store = ProgressStore.open(tmp_path / "progress.sqlite3")
    yield store
    store.close()


def test_a_rename_to_another_profiles_name_in_other_case_is_refused(store):
    profiles.use(store, "Class 8A", NOW)
    profiles.use(store, "Class 8B", NOW)
    with pytest.raises(UserError, match=r"already a profile called 'Class 8B'.*differ only in case"):
        profiles.rename(store, "Class 8A", "class 8b")
    assert profiles.rename(store, "Class 8A", "class 8a") == "class 8a"  # its own name, recased
    assert sorted(store.profile_names()) == ["Class 8B", "class 8a"]


def test_a_new_profile_in_another_profiles_name_but_case_is_refused(store):
    profiles.use(store, "Ms Hart", NOW)
    with pytest.raises(UserError, match="already a profile called 'Ms Hart'"):
        profiles.use(store, "ms hart", NOW)
    assert store.profile_names() == ["Ms Hart"]


async def test_the_picker_refuses_a_rename_that_differs_only_in_case(app_factory, make_profiles):
    make_profiles("Class 8A", "Class 8B")
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ProfilePickerScreen))
        await pilot.press(*"8a", "f2")
        await wait_for(pilot, lambda: isinstance(app.screen, NamePrompt))
        await pilot.press("ctrl+a", *["delete"] * 10, *"class 8b", "enter")
        await pilot.pause()
        assert isinstance(app.screen, NamePrompt)  # refused where it is typed
        assert "differ only in case" in str(app.screen.query_one("#name-error").content)


async def test_the_filter_acts_on_the_profile_named_exactly_as_typed(
    app_factory, make_profiles, isolated_user_dirs
):
    make_profiles("Class 8B", "class 8b")  # made before names were unique regardless of case
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ProfilePickerScreen))
        await pilot.press(*"class 8b")
        assert shown_names(app)[:2] == ["Class 8B", "class 8b"]
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, NamePrompt))
        assert app.screen.title_text == "Rename profile class 8b"
        await pilot.press("ctrl+a", *["delete"] * 10, *"Class 8C", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ProfilePickerScreen))
    assert stored_names(isolated_user_dirs) == ["Class 8B", "Class 8C"]
