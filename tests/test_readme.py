"""What the README tells a new user must be true of the app they get."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from caucasusquiz.cli import build_parser
from caucasusquiz.decks.collection import load_collection

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    """Every `caucasusquiz …` line of the README's shell blocks, without its comment."""
    found = []
    for block in re.findall(r"```sh\n(.*?)```", README, re.DOTALL):
        for line in block.splitlines():
            command = re.split(r"\s#", line, maxsplit=1)[0].strip()
            if command.startswith("caucasusquiz") and "--help" not in command:
                found.append(command)
    return found


def test_the_readme_states_no_card_count_the_decks_do_not_have():
    # It said "150 fact cards" while the shipped decks held 107: a figure goes stale.
    shipped = len(load_collection([ROOT / "decks"]))
    counts = [int(n) for n in re.findall(r"\b(\d+)\s+(?:[\w-]+\s+)?(?:fact\s+)?cards\b", README)]
    assert all(n == shipped for n in counts), counts


def test_the_readme_warns_that_make_run_edits_the_checkouts_decks():
    quick_start = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert "inside this checkout" in quick_start
    assert 'make run ARGS="--decks /tmp/my-decks"' in quick_start


@pytest.mark.parametrize("command", _commands())
def test_every_command_in_the_readme_is_one_the_cli_accepts(command):
    try:
        build_parser().parse_args(shlex.split(command)[1:])
    except SystemExit as exit_info:  # argparse's usage error
        pytest.fail(f"{command!r}: exit {exit_info.code}")
