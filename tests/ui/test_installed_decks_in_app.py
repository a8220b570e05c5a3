"""The app on the decks installed with the program (site-packages): it studies them, and
every way of writing them (editor, author screen, `c`, deck settings) says to copy them first.

Here the "installed bundle" is the test's decks folder (files.INSTALLED_BUNDLE points at it),
as in tests/commands/test_installed_decks.py.
"""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from caucasusquiz import files
from caucasusquiz.ui.screens.home import HomeScreen
from caucasusquiz.ui.screens.review import ReviewScreen
from caucasusquiz.ui.screens.source import SourceScreen

SIZE = (80, 24)


@pytest.fixture
def installed(decks_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(files, "INSTALLED_BUNDLE", decks_dir.resolve())
    return decks_dir


def marker_editor(tmp_path: Path) -> tuple[str, Path]:
    """An $EDITOR that only leaves a file behind, so a test can tell it was started."""
    marker = tmp_path / "editor-was-started"
    script = tmp_path / "editor.py"
    script.write_text(f"import pathlib\npathlib.Path({str(marker)!r}).write_text('yes')\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return f"{sys.executable} {script}", marker


def messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def screen_text(app) -> str:
    return "\n".join(strip.text.rstrip() for strip in app.screen._compositor.render_strips())


async def assert_whole_toast_on_screen(pilot) -> None:
    """New-user trial 6: the toast was cut after "(/…/site-packages/caucasusquiz", so the
    reason and `copy-decks` were never seen. Its title and every word show at 80×24."""
    from textual.widgets._toast import Toast

    app = pilot.app
    for _ in range(50):  # a toast is mounted a few messages after notify()
        await pilot.pause()
        toasts = [toast for toast in app.screen.query(Toast) if toast.region.height]
        if toasts:
            break
    else:
        raise AssertionError("no toast was shown")
    # What the screen shows where the toast is (clipped by its rack if it is too tall).
    region = toasts[-1].region.intersection(app.screen.region)
    rows = [strip.text for strip in app.screen._compositor.render_strips()][region.y : region.bottom]
    shown = " ".join(" ".join(row[region.x : region.right].strip("▌ ").split()) for row in rows)
    assert shown == (
        "Installed decks are read-only Edit a copy: caucasusquiz copy-decks DIR, then caucasusquiz --decks DIR."
    ), shown


async def opened(pilot) -> None:
    await pilot.app.opened.wait()
    await pilot.pause()


async def test_e_refuses_to_open_the_installed_deck_in_the_editor(
    app_factory, installed, tmp_path, monkeypatch
):
    command, marker = marker_editor(tmp_path)
    monkeypatch.setenv("EDITOR", command)
    monkeypatch.delenv("VISUAL", raising=False)
    before = (installed / "history.yaml").read_text()
    app = app_factory()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await opened(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("enter", "e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not marker.exists()
        assert any("copy-decks" in m for m in messages(app)), messages(app)
        await assert_whole_toast_on_screen(pilot)
        assert isinstance(app.screen, ReviewScreen)  # the session goes on
    assert (installed / "history.yaml").read_text() == before


async def test_the_author_screen_and_new_decks_refuse_the_installed_decks(app_factory, installed):
    app = app_factory()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await opened(pilot)
        for opening in (app.open_author, app.action_new_decks):
            app.clear_notifications()
            opening()
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert any("copy-decks" in m for m in messages(app)), messages(app)
            await assert_whole_toast_on_screen(pilot)


async def test_the_palette_offers_no_writing_entries_and_a_deck_setting_is_not_written(
    app_factory, installed
):
    before = (installed / "history.yaml").read_text()
    app = app_factory()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await opened(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert any(t.startswith("Study: ") for t in titles)
        assert not [t for t in titles if t.startswith("Students study") or "author" in t or "New deck" in t]
        deck = app.require_workspace().collection.decks[0]
        app.set_deck_study(deck, True)
        await pilot.pause()
        assert any("copy-decks" in m for m in messages(app)), messages(app)
        await assert_whole_toast_on_screen(pilot)
    assert (installed / "history.yaml").read_text() == before


async def test_c_in_the_source_viewer_refuses_the_installed_decks(app_factory, installed):
    from caucasusquiz.ui.screens.make_card import MakeCardScreen

    app = app_factory()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await opened(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter", "o")
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)
        await pilot.press("c")
        await pilot.pause()
        assert not isinstance(app.screen, MakeCardScreen)
        assert any("copy-decks" in m for m in messages(app)), messages(app)
        await assert_whole_toast_on_screen(pilot)


async def test_a_copy_of_the_decks_still_offers_the_writing_entries(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert any(t.startswith("Students study") for t in titles)
        assert "Review drafts (author)" in titles
