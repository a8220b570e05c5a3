"""The real thing in a real terminal (tmux): study three cards, quit, come back, see the progress."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import sys
from pathlib import Path

import pytest

from ..tmux_terminal import Terminal  # noqa: TID252 (one tmux helper shared by two test folders)

pytestmark = [pytest.mark.tmux, pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")]


@pytest.fixture
def terminal_env(tmp_path: Path, example_deck: Path, isolated_user_dirs: Path) -> dict[str, str]:
    decks = tmp_path / "decks"
    decks.mkdir()
    shutil.copy(example_deck, decks / "history.yaml")
    return {
        "CAUCASUSQUIZ_DATA_DIR": str(isolated_user_dirs),
        "CAUCASUSQUIZ_DECKS": str(decks),
        "TERM": "xterm-256color",
        "PYTHONPATH": os.pathsep.join(sys.path),
    }


APP = f"{shlex.quote(sys.executable)} -m caucasusquiz"


def open_first_card(terminal: Terminal) -> None:
    """From the home screen into a session of all decks, on its first card."""
    terminal.wait_for("All decks")
    terminal.keys("Enter")
    terminal.wait_for("met the Azerbaijani delegation")


def test_study_three_cards_quit_and_find_the_progress(terminal_env):
    first = Terminal(APP, terminal_env)
    try:
        open_first_card(first)
        first.type("woodrow wilson")
        first.keys("Enter")
        first.wait_for("✓ Right")
        first.keys("3")
        first.wait_for("Freedom Support Act")
        first.type("section 907")
        first.keys("Enter")
        first.wait_for("✓ Right")
        first.keys("3")
        first.wait_for("Which pipeline")
        screen = first.screen()
        pipeline_key = next(line.split()[0] for line in screen.splitlines() if "Baku–Tbilisi–Ceyhan" in line)
        first.keys(pipeline_key)
        first.wait_for("✓ Right")
        first.keys("4" if pipeline_key == "3" else "3")  # the same key again at once is a double tap
        first.wait_for("True or false?")
        first.keys("Escape")
        first.wait_for("Session done")
        assert "3 cards in" in first.screen()
        first.keys("Enter")
        first.wait_for("3 reviewed")
        first.keys("q")
        first.wait_for("[exit status 0]")
    finally:
        first.close()

    second = Terminal(APP, terminal_env)
    try:
        screen = second.wait_for("3 reviewed")
        assert "2 new" in screen  # five cards, three already studied
        second.keys("s")
        second.wait_for("3 of 5 seen")
        second.keys("Escape")
        second.wait_for("All decks")
        second.keys("q")
        second.wait_for("[exit status 0]")
    finally:
        second.close()


def test_a_toast_leaves_the_title_the_card_and_the_keys_in_view(terminal_env):
    # A new user's report: in tmux at 80×24, notifications sat over the title bar.
    terminal = Terminal(APP, terminal_env)
    try:
        open_first_card(terminal)
        terminal.keys("C-b")  # bury: "Buried until tomorrow (^z: undo)." shows on the next card
        lines = terminal.wait_for("Buried until tomorrow").splitlines()
        assert "caucasusquiz — all decks" in lines[0]  # the whole title bar
        assert "Freedom Support Act" in "".join(lines)  # the card being answered
        assert "esc end" in lines[-1] or "esc end" in lines[-2]  # the key line
        terminal.keys("Escape")
        terminal.wait_for("No cards answered in this session.")
    finally:
        terminal.close()


def test_tab_and_typing_in_one_terminal_read_go_to_the_next_field(tmp_path, isolated_user_dirs):
    # A new user's report: tmux sent "Tab X" as one write, and the X went to the end of the
    # statement being left, not into the answer; the edit was saved like that.
    decks, seeds = tmp_path / "author-decks", tmp_path / "seeds"
    decks.mkdir()
    seeds.mkdir()
    statement = "The Baku–Tbilisi–Ceyhan pipeline runs through Azerbaijan, Georgia and Turkey."
    deck = decks / "tf.yaml"
    deck.write_text(
        f'title: "TF"\ncards:\n  - id: btc\n    type: truefalse\n    statement: "{statement}"\n'
        '    answer: true\n    source: "talks.txt:2"\n',
        encoding="utf-8",
    )
    cards = {"btc": {"fingerprint": "0" * 40, "source": ""}}  # a generated draft
    manifest = {"format": 1, "decks": {"tf": {"header": "", "cards": cards}}}
    (decks / ".generated.json").write_text(json.dumps(manifest), encoding="utf-8")
    (seeds / "talks.txt").write_text(f"Talks\n{statement}\n", encoding="utf-8")
    env = {
        "CAUCASUSQUIZ_DATA_DIR": str(isolated_user_dirs),
        "CAUCASUSQUIZ_SEEDS": str(seeds),
        "TERM": "xterm-256color",
        "PYTHONPATH": os.pathsep.join(sys.path),
    }
    command = f"{APP} author --decks {shlex.quote(str(decks))}"
    terminal = Terminal(command, env)
    try:
        terminal.wait_for("1 left")
        terminal.keys("e")
        shown = terminal.wait_for("Answer (true or false)").count("false")  # the label says it once
        terminal.keys("Tab", "false")  # one send-keys: one write to the terminal
        terminal.wait_until(lambda screen: screen.count("false") > shown)  # typed into a field
        terminal.keys("Enter")
        terminal.wait_for("Answer  false")  # saved: the card again, with its new answer
        terminal.keys("Escape")
        terminal.wait_for("All decks")
        terminal.keys("q")
        terminal.wait_for("[exit status 0]")
    finally:
        terminal.close()
    saved = deck.read_text(encoding="utf-8")
    assert f'statement: "{statement}"' in saved
    assert "answer: false" in saved


def test_the_source_viewer_moves_by_sentence_and_its_toast_leaves_the_line_number(terminal_env):
    # New-user trial 5: → pressed 85 times to reach a sentence, "line 15" shown with the
    # cursor on line 17, and toasts over that line ("treaty-of-westphali▌ Move to a line…").
    terminal = Terminal(APP, terminal_env)
    try:
        open_first_card(terminal)
        terminal.keys("Enter")  # on an empty answer: shows it
        terminal.wait_for("Source")
        terminal.keys("o")
        opened = terminal.wait_for(".txt, line ").splitlines()[1]
        terminal.keys("Tab")
        moved = terminal.wait_until(lambda screen: screen.splitlines()[1] != opened).splitlines()[1]
        assert ".txt, line " in moved
        terminal.keys(*["BTab"] * 8)  # back, sentence by sentence, to the first line and past it
        lines = terminal.wait_for("No more sentences this way.").splitlines()
        assert lines[1].strip().endswith(".txt, line 1")  # the line under the title, whole
        assert "No more sentences" not in lines[1] and "No more sentences" not in lines[0]
        terminal.keys("Escape")
        terminal.wait_for("met the Azerbaijani delegation")
    finally:
        terminal.close()
