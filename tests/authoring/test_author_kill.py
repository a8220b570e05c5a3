"""kill -9 in the middle of a review, in a real terminal: every decision made is in the deck file."""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

import pytest

from caucasusquiz.decks.loader import read_deck

from ..tmux_terminal import Terminal  # noqa: TID252 (one tmux helper shared by two test folders)

pytestmark = [pytest.mark.tmux, pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")]


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
