"""The command line a user types: help texts, version, and errors without tracebacks."""

from __future__ import annotations

import subprocess
import sys

import pytest

from caucasusquiz import __version__
from caucasusquiz.cli import main

COMMANDS = ["study", "check", "generate", "stats", "export", "optimize"]


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert f"    {command}" in out
    assert "CAUCASUSQUIZ_DATA_DIR" in out


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: caucasusquiz {command}")
    assert "--data-dir" in out  # the location options work after the command too


def test_version(capsys):
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.strip() == f"caucasusquiz {__version__}"


def test_unknown_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["studdy"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'studdy'" in capsys.readouterr().err


def test_python_dash_m_runs_the_same_cli():
    result = subprocess.run(
        [sys.executable, "-m", "caucasusquiz", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and result.stdout.strip() == f"caucasusquiz {__version__}"


def test_help_does_not_load_textual():
    code = (
        "import sys; from caucasusquiz.cli import build_parser; build_parser().format_help();"
        "sys.exit('textual' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
