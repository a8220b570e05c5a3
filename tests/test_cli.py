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


EVERY_HELP = [
    [],
    *([c] for c in ["study", "check", "generate", "author", "stats", "export", "import", "optimize"]),
    *([c] for c in ["class", "progress", "serve", "report", "copy-decks", "docs"]),
    ["class", "host"],
    ["class", "join"],
    ["progress", "export"],
    ["progress", "import"],
]


@pytest.mark.parametrize("columns", ["200", "80"])
@pytest.mark.parametrize("command", EVERY_HELP, ids=lambda c: " ".join(c) or "caucasusquiz")
def test_every_help_text_fits_80_columns_and_says_what_the_command_does(
    command, columns, capsys, monkeypatch
):
    monkeypatch.setenv("COLUMNS", columns)  # a wide terminal still gets lines one can read
    with pytest.raises(SystemExit):
        main([*command, "--help"])
    out = capsys.readouterr().out
    too_long = [line for line in out.splitlines() if len(line) > 80]
    assert not too_long, too_long
    _usage, _, rest = out.partition("\n\n")
    assert rest.split("\n", 1)[0].strip() and not rest.startswith(("positional", "options")), out


def test_export_help_names_the_printable_quiz(capsys):
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "quiz-md (a printable quiz with an answer key" in out


@pytest.mark.parametrize("command", ["check", "generate", "import"])
def test_commands_without_a_learner_do_not_list_the_profile_options(command, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    assert "--profile" not in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["stats", "--help"])
    assert "--profile NAME" in capsys.readouterr().out


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


@pytest.mark.parametrize(
    "argv",
    [
        ["stats", "--new-profile", "Zed"],
        ["--new-profile", "Zed", "stats"],
        ["report", "--new-profile", "Zed"],
        ["optimize", "--new-profile", "Zed"],
        ["check", "--new-profile", "Zed"],
        ["check", "--profile", "default"],
        ["class", "host", "--profile", "default"],
        ["progress", "import", "--new-profile", "Zed", "x.json"],
        ["serve", "--profile", "default"],
        ["generate", "--profile", "default"],
        ["import", "x.apkg", "--new-profile", "Zed"],
    ],
)
def test_a_profile_option_a_command_would_ignore_is_refused(argv, capsys):
    """`stats --new-profile Zed` used to print another profile's numbers with exit 0; `check
    --profile x` got argparse's bare "unrecognized arguments" with the top-level usage."""
    code = main(argv)
    assert code == 2
    err = capsys.readouterr().err
    assert "profile" in err and "Profile:" not in err
    assert "unrecognized arguments" not in err and "hint: " in err


@pytest.mark.parametrize("argv", [["report", "--profile", "default"], ["--profile", "default", "report"]])
def test_report_refuses_a_lone_profile_and_points_to_profiles(argv, capsys):
    """newuser4 #8: `report --profile` was accepted (its help said "learner profile to use",
    default the last opened) though the report covers every student and --profiles picks some."""
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "`caucasusquiz report` does not use a learner profile" in err
    assert "hint: for some students only, use --profiles NAME..." in err


@pytest.mark.parametrize(
    "argv",
    [
        ["progress", "export", "--decks", "somewhere"],
        ["--decks", "somewhere", "progress", "import", "x.json"],
        ["import", "x.apkg", "--decks", "somewhere"],
        ["class", "join", "--decks", "somewhere"],
        ["docs", "--decks", "somewhere"],
    ],
)
def test_decks_option_is_refused_by_commands_that_never_read_decks(argv, capsys):
    """`progress export --decks DIR` was accepted, though its help says it never reads decks."""
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "never reads the decks" in err and "hint: leave --decks out" in err


@pytest.mark.parametrize("command", [["progress", "export"], ["progress", "import"], ["import"], ["docs"]])
def test_help_of_commands_that_never_read_decks_does_not_offer_decks(command, capsys):
    with pytest.raises(SystemExit):
        main([*command, "--help"])
    assert "--decks" not in capsys.readouterr().out


@pytest.mark.parametrize(
    ("command", "listed"),
    [
        (["study"], {"--profile NAME", "--new-profile NAME"}),
        (["stats"], {"--profile NAME"}),
        (["report"], set()),  # a class report picks students with --profiles
        (["class", "join"], {"--profile NAME"}),
        (["class", "host"], set()),
        (["serve"], set()),
        (["progress", "import"], set()),
    ],
)
def test_help_lists_only_the_profile_options_the_command_honours(command, listed, capsys):
    with pytest.raises(SystemExit):
        main([*command, "--help"])
    out = capsys.readouterr().out
    assert {o for o in ("--profile NAME", "--new-profile NAME") if o in out} == listed


def test_class_join_help_names_only_options_that_exist(capsys):
    """The help said `--code`; the code is the positional CODE."""
    with pytest.raises(SystemExit):
        main(["class", "join", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "--code" not in out
    assert "with CODE and --name it joins at once" in out


def test_serve_help_agrees_with_the_served_tab_listing_no_profile_names(capsys):
    """docs/classroom.md: a tab never lists profile names, a student types their own."""
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "pick" not in out
    assert "type their name" in out and "never lists" in out
