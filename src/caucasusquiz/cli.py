"""The `caucasusquiz` command line: parse arguments, hand over to a command, turn errors into messages.

argparse rather than click: it is in the standard library and cheap to import
and does all this small command line needs. Each command's module is imported only
when that command runs, so `caucasusquiz --help` and `check` never load Textual.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING

from caucasusquiz import __version__
from caucasusquiz.errors import UserError

if TYPE_CHECKING:
    import argparse

DESCRIPTION = """\
Study Azerbaijan–United States relations with spaced repetition.

Run without a command to open the study app on the decks. Cards come from
hand-editable YAML decks; progress is saved locally after every answer."""

EPILOG = """\
examples:
  caucasusquiz                      open the app
  caucasusquiz study --plain        study line by line (screen readers, scripts)
  caucasusquiz check                check every deck, with file:line for each problem
  caucasusquiz check --fix          also give hand-written cards an id
  caucasusquiz generate             regenerate the decks from seeds/, keeping hand edits
  caucasusquiz stats --json         progress as JSON

environment:
  CAUCASUSQUIZ_DECKS     decks folder (default: the decks shipped with the app)
  CAUCASUSQUIZ_DATA_DIR  where progress is kept (default: your user data folder)
  CAUCASUSQUIZ_CONFIG    settings file (default: settings.toml in your config folder)
  NO_COLOR               draw without colour"""


def _common_options(defaults: bool) -> argparse.ArgumentParser:
    """Options accepted both before and after the command name."""
    import argparse

    # On a subcommand the defaults are suppressed, so `caucasusquiz --decks X check`
    # is not overwritten by the subcommand's own (absent) --decks.
    default = None if defaults else argparse.SUPPRESS
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("locations")
    group.add_argument(
        "--decks", metavar="DIR", default=default, help="decks folder to study (env CAUCASUSQUIZ_DECKS)"
    )
    group.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="folder for progress and cache (env CAUCASUSQUIZ_DATA_DIR)",
    )
    group.add_argument(
        "--profile",
        metavar="NAME",
        default=default,
        help="learner profile to use (default: the last one used, else 'default')",
    )
    return parent


def build_parser() -> argparse.ArgumentParser:
    import argparse  # deferred: 7 ms that `caucasusquiz` alone does not need

    parser = argparse.ArgumentParser(
        prog="caucasusquiz",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[_common_options(True)],
    )
    parser.add_argument("--version", action="version", version=f"caucasusquiz {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    common = _common_options(False)

    def command(name: str, summary: str, description: str) -> argparse.ArgumentParser:
        return commands.add_parser(
            name,
            help=summary,
            description=description,
            parents=[common],
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    study = command(
        "study",
        "start a study session",
        "Start a study session on the due cards.\n\n"
        "Opens the study app directly in a session; with --plain, runs a line-by-line\n"
        "session on standard input and output instead (no full-screen UI).",
    )
    study.add_argument("--deck", metavar="NAME", help="study only this deck (id, file name or title)")
    study.add_argument("--limit", metavar="N", type=_positive_int, help="stop after N cards")
    study.add_argument(
        "--plain", action="store_true", help="line-by-line mode for screen readers and scripts"
    )

    check = command(
        "check",
        "check decks for mistakes",
        "Check deck files and report every problem as file:line: message.\n\n"
        "Exit status: 0 when there are no errors (warnings are allowed), 1 otherwise.",
    )
    check.add_argument(
        "paths", nargs="*", metavar="PATH", help="deck files or folders (default: the decks folder)"
    )
    check.add_argument(
        "--fix", action="store_true", help="give cards without an id a fresh one (no other line changes)"
    )
    check.add_argument("--quiet", "-q", action="store_true", help="print only errors and the summary")

    generate = command(
        "generate",
        "generate decks from seed documents",
        "Turn seed documents into fact cards.\n\n"
        "Reads plain-text documents, cleans scrape damage (link previews, lost numbers,\n"
        "page furniture), and writes one YAML deck per document, or per subject when a\n"
        "topics.yaml sits next to the seeds. Regenerating keeps cards you edited or added,\n"
        "and comments; cards whose source vanished are reported.\n"
        "See docs/generator.md.",
    )
    generate.add_argument(
        "seeds",
        nargs="*",
        metavar="SEED",
        help="text files or folders of them (default: ./seeds if it exists, else the shipped seeds)",
    )
    generate.add_argument(
        "--out",
        metavar="DIR",
        help="where decks are written (default: ./decks when the seeds are ./seeds, "
        "else the decks folder the app studies)",
    )
    generate.add_argument("--quiet", "-q", action="store_true", help="print only the summary")
    generate.add_argument(
        "--coverage",
        action="store_true",
        help="also list every sentence that gave no card, with its file:line and the reason",
    )
    generate.add_argument(
        "--prune",
        action="store_true",
        help="allow a run to remove more than a few unedited generated cards (else it asks, or stops)",
    )

    stats = command("stats", "show progress statistics", "Show progress for the current profile.")
    stats.add_argument("--json", action="store_true", help="print one JSON object")

    export = command(
        "export", "export decks or progress", "Export decks for other tools, or progress for a backup."
    )
    export.add_argument(
        "what",
        choices=("cards", "progress"),
        help="cards: deck contents; progress: review log of the profile",
    )
    export.add_argument(
        "--format",
        choices=("csv", "tsv", "json"),
        default=None,
        help="output format (default: tsv for cards, which Anki imports; json for progress)",
    )
    export.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    export.add_argument("--deck", metavar="NAME", help="only this deck")

    optimize = command(
        "optimize",
        "fit FSRS to your own review history",
        "Fit FSRS parameters to this profile's review log.\n\n"
        "Needs enough reviews; prints log loss and RMSE before and after,\n"
        "measured on reviews held out from the fit.",
    )
    optimize.add_argument("--dry-run", action="store_true", help="report, but keep current parameters")
    return parser


def _positive_int(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    if not arguments:
        # The everyday case, `caucasusquiz` alone, skips argparse: importing it and building
        # the six subcommands costs about 11 ms of the app's first paint.
        args = SimpleNamespace(command=None, decks=None, data_dir=None, profile=None)
    else:
        args = build_parser().parse_args(arguments)
    try:
        return _dispatch(args)
    except UserError as exc:
        print(f"caucasusquiz: error: {exc}", file=sys.stderr)
        if exc.hint:
            print(f"  hint: {exc.hint}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `caucasusquiz stats | head -1`
        sys.stderr.close()
        return 0


def _dispatch(args: argparse.Namespace) -> int:
    command = args.command
    if command is None:
        from caucasusquiz.commands.tui import run_app

        return run_app(args)
    if command == "study":
        if args.plain:
            from caucasusquiz.commands.plain_study import run
        else:
            from caucasusquiz.commands.tui import run_study as run
        return run(args)
    if command == "check":
        from caucasusquiz.commands.check import run
    elif command == "generate":
        from caucasusquiz.commands.generate import run
    elif command == "stats":
        from caucasusquiz.commands.stats import run
    elif command == "export":
        from caucasusquiz.commands.export import run
    else:
        from caucasusquiz.commands.optimize import run
    return run(args)
