"""`caucasusquiz serve` in a real browser: headless Chromium from the system, driven by Playwright.

Open the page, create a profile, answer a card, find the review in that student's
progress; then a second tab joins a live class quiz under the same name.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from caucasusquiz import paths
from caucasusquiz.commands.classroom import create_session

from .browser import CHROMIUM, CHROMIUM_ARGS, Screen, free_port, start_server, stop_server, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def chromium():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def server(tmp_path: Path, example_deck: Path, isolated_user_dirs: Path):
    decks = tmp_path / "decks"
    decks.mkdir()
    shutil.copy(example_deck, decks / "history.yaml")
    port = free_port()
    process = start_server(decks, isolated_user_dirs, port)
    yield f"http://127.0.0.1:{port}/", decks
    stop_server(process)


def reviews_of(data: Path, name: str) -> list[tuple]:
    db = sqlite3.connect(data / "progress.sqlite3")
    try:
        return db.execute(
            "SELECT r.card_id, r.verdict FROM reviews r JOIN profiles p ON p.id = r.profile_id WHERE p.name = ?",
            (name,),
        ).fetchall()
    finally:
        db.close()


def test_a_student_studies_in_the_browser_and_joins_a_class(chromium, server, isolated_user_dirs, clock):
    url, decks = server
    page = chromium.new_page(viewport={"width": 1000, "height": 640})
    screen = Screen(page)
    page.goto(url)
    screen.wait_for("Who is studying?")
    screen.focus()

    screen.expect_new()
    page.keyboard.type("Leyla")
    screen.wait_for("New profile “Leyla”")  # the picker has every letter
    screen.expect_new()
    page.keyboard.press("Enter")
    screen.wait_for("New profile: your name")  # the name prompt, filled in with what was typed
    screen.expect_new()
    page.keyboard.press("Enter")
    screen.wait_for("All decks")  # home, as Leyla

    screen.expect_new()
    page.keyboard.press("Enter")
    screen.wait_for("met the Azerbaijani delegation")
    screen.expect_new()
    page.keyboard.type("Woodrow Wilson")
    page.keyboard.press("Enter")
    screen.wait_for("Right")
    page.keyboard.press("3")  # Good
    assert wait_until(lambda: screen.pump() or reviews_of(isolated_user_dirs, "Leyla"), 30, "the review") == [
        ("wilson-1919", "right")
    ]

    # A second tab: Leyla types her name, and joins the class from the home screen.
    locations = paths.resolve(decks=decks, data_dir=isolated_user_dirs)
    database, session = create_session(locations, None, 2, 30, clock=clock)
    tab = chromium.new_page(viewport={"width": 1000, "height": 640})
    second = Screen(tab)
    tab.goto(url)
    second.wait_for("Who is studying?")
    second.focus()
    second.expect_new()
    tab.keyboard.type("Leyla")
    second.wait_for("Leyla")  # her own name, typed in full, is offered
    tab.keyboard.press("Enter")
    second.wait_for("All decks")
    tab.keyboard.press("j")
    second.wait_for("Join a class quiz")
    tab.keyboard.type(session.code)
    tab.keyboard.press("Enter")
    wait_until(lambda: second.pump() or session.view().students == ("Leyla",), 30, "Leyla in the class")
    second.wait_for("You are in, Leyla!")
    database.close()


def test_after_the_class_code_the_keys_go_to_the_app_without_a_click(
    chromium, tmp_path, example_deck, isolated_user_dirs
):
    # New-user trial 6: past the code page the picker was drawn, but "Ana" + Enter went
    # nowhere until the student clicked into the page.
    decks = tmp_path / "decks"
    decks.mkdir()
    shutil.copy(example_deck, decks / "history.yaml")
    port = free_port()
    process = start_server(decks, isolated_user_dirs, port, "--code", "4711")
    try:
        page = chromium.new_page(viewport={"width": 1000, "height": 640})
        screen = Screen(page)
        page.goto(f"http://127.0.0.1:{port}/")
        page.wait_for_selector("#code:focus")  # the code box has the focus (autofocus)
        page.keyboard.type("4711")
        page.keyboard.press("Enter")
        screen.wait_for("Who is studying?")
        screen.expect_new()
        page.keyboard.type("Ana")  # no click
        screen.wait_for("New profile “Ana”")
    finally:
        stop_server(process)
