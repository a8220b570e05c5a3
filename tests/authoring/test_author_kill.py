"""kill -9 in the middle of a review, in a real terminal: every decision made is in the deck file."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from caucasusquiz.decks.loader import read_deck

pytestmark = [pytest.mark.tmux, pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")]


class Terminal:
    """A tmux session at 80×24 running the app, whose process id is known (to kill it)."""

    def __init__(self, command: str, env: dict[str, str], pid_file: Path) -> None:
        self.name = f"cqa-{uuid.uuid4().hex[:8]}"
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        script = f"echo $$ > {shlex.quote(str(pid_file))}; exec env {exports} {command}"
        subprocess.run(
            ["tmux", "new-session", "-d", "-s", self.name, "-x", "80", "-y", "24", "sh", "-c", script],
            check=True,
        )
        self.pid_file = pid_file

    def screen(self) -> str:
        result = subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", self.name], capture_output=True, text=True
        )
        return result.stdout

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared; the screen shows:\n{screen}")
            time.sleep(0.05)

    def keys(self, *keys: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def kill(self) -> None:
        os.kill(int(self.pid_file.read_text().strip()), signal.SIGKILL)

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], check=False, capture_output=True)


def test_kill_9_mid_review_loses_no_decision(
    draft_deck: Path, seeds_dir: Path, isolated_user_dirs: Path, tmp_path
):
    env = {
        "CAUCASUSQUIZ_DATA_DIR": str(isolated_user_dirs),
        "CAUCASUSQUIZ_DECKS": str(draft_deck.parent),
        "TERM": "xterm-256color",
        "PYTHONPATH": os.pathsep.join(sys.path),
    }
    command = f"{shlex.quote(sys.executable)} -m caucasusquiz author"
    first = Terminal(command, env, tmp_path / "first.pid")
    try:
        first.wait_for("wilson-1919")
        first.keys("k")
        first.wait_for("embassy-1992")
        first.keys("d")
        first.wait_for("embassy-tf")
        first.kill()  # no clean exit, no chance to flush anything
    finally:
        first.close()
    deck = read_deck(draft_deck).deck
    assert deck is not None
    assert next(c for c in deck.cards if c.id == "wilson-1919").reviewed is not None
    assert deck.dropped == ("embassy-1992",) and "embassy-1992" not in [c.id for c in deck.cards]

    second = Terminal(command, env, tmp_path / "second.pid")
    try:
        screen = second.wait_for("embassy-tf")
        assert "2 left" in screen
    finally:
        second.close()
