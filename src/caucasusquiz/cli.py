"""The `caucasusquiz` command line: parse arguments, hand over to a command, turn errors into messages.

argparse rather than click: it is in the standard library and cheap to import
and does all this small command line needs. Each command's module is imported only
when that command runs, so `caucasusquiz --help` and `check` never load Textual.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, cast

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
  caucasusquiz                     open the app
  caucasusquiz study --plain       study line by line (screen readers, scripts)
  caucasusquiz check               check every deck: file:line for each problem
  caucasusquiz check --fix         also give hand-written cards an id
  caucasusquiz generate            regenerate decks from seeds/, keeping edits
  caucasusquiz author              review the generated drafts card by card
  caucasusquiz author --all        rework any card, reviewed and hand-made too
  caucasusquiz stats --json        progress as JSON
  caucasusquiz import shared.apkg  an Anki, Quizlet, CSV or Kahoot file → decks
  caucasusquiz export cards --format apkg -o decks.apkg
                                   the decks as an Anki package
  caucasusquiz export --format quiz-md -o quiz.md
                                   a printable quiz with an answer key
  caucasusquiz class host --deck early-history
                                   a live class quiz for a projector
  caucasusquiz copy-decks my-decks copy the shipped decks to edit them, then
                                   study the copy: caucasusquiz --decks my-decks
  caucasusquiz docs settings       read a guide (`caucasusquiz docs` lists them)

environment:
  CAUCASUSQUIZ_DECKS     decks folder (default: the decks shipped with the app:
                         read-only when installed, edit a copy from copy-decks;
                         in a source checkout, its decks/, edited in place)
  CAUCASUSQUIZ_DATA_DIR  where progress is kept (default: your user data folder)
  CAUCASUSQUIZ_PROFILE   learner profile (like --profile)
  CAUCASUSQUIZ_CONFIG    settings file, which must exist (default: settings.toml
                         in the data folder when chosen and it has one, else
                         in your config folder)
  NO_COLOR               draw without colour"""


def _common_options(defaults: bool, profiles: str = "study", decks: bool = True) -> argparse.ArgumentParser:
    """Options accepted both before and after the command name.

    `profiles` says which learner options the command offers: "study" both --profile and
    --new-profile, "learner" only --profile (it reads an existing profile), "none" neither
    (the command works without a learner); `decks`, whether it reads the decks folder. An
    option a command would ignore is still parsed (hidden from its help), so that
    _refuse_ignored_options can refuse it with a message that says why, wherever it was typed.
    """
    import argparse

    # On a subcommand the defaults are suppressed, so `caucasusquiz --decks X check`
    # is not overwritten by the subcommand's own (absent) --decks.
    default = None if defaults else argparse.SUPPRESS

    def shown(honoured: bool, text: str) -> str:
        return text if honoured else argparse.SUPPRESS

    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("locations")
    group.add_argument(
        "--decks",
        metavar="DIR",
        default=default,
        help=shown(decks, "decks folder to study (env CAUCASUSQUIZ_DECKS)"),
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
        help=shown(
            profiles != "none",
            "learner profile to use (env CAUCASUSQUIZ_PROFILE; default: the one last opened for study); "
            + (
                "must exist, except when studying, where you are asked"
                if profiles == "study"
                else "must exist"
            ),
        ),
    )
    group.add_argument(
        "--new-profile",
        metavar="NAME",
        default=default,
        help=shown(
            profiles == "study", "study under a new profile NAME, created without asking (for scripts)"
        ),
    )
    return parent


# Which learner options each command honours (see _common_options); the rest offer neither.
STUDYING = {None, "study"}
# `report` is about a class: `--profiles NAME...` picks students, so a lone --profile is refused.
READS_A_PROFILE = {"stats", "export", "optimize", "progress export", "class join"}
# Commands that never read the decks folder: --decks there would be silently ignored.
NO_DECKS = {"progress", "progress export", "progress import", "class join", "import", "copy-decks", "docs"}


def _command_name(args: argparse.Namespace) -> str | None:
    name: str | None = args.command
    if name in ("progress", "class"):
        name = f"{name} {getattr(args, name + '_command', '')}"
    return name


def _refuse_ignored_options(args: argparse.Namespace) -> None:
    """An option the command would ignore is refused, typed before or after the command name
    (`caucasusquiz --new-profile Zed stats`, `caucasusquiz check --profile x`): ignored, it
    would show another profile's data or another folder's decks without a word."""
    name = _command_name(args)
    if name in STUDYING:
        return
    if getattr(args, "new_profile", None):
        raise UserError(
            f"--new-profile is for studying; `caucasusquiz {name}` does not create a profile",
            "create it with `caucasusquiz study --new-profile NAME`"
            + (", or use --profile NAME for an existing one" if name in READS_A_PROFILE else ""),
            exit_code=2,
        )
    if getattr(args, "profile", None) and name not in READS_A_PROFILE:
        raise UserError(
            f"`caucasusquiz {name}` does not use a learner profile: --profile has no effect there",
            "for some students only, use --profiles NAME..." if name == "report" else "leave --profile out",
            exit_code=2,
        )
    if getattr(args, "decks", None) and name in NO_DECKS:
        raise UserError(
            f"`caucasusquiz {name}` never reads the decks: --decks has no effect there",
            "leave --decks out",
            exit_code=2,
        )


# Help is wrapped to at most this many columns, however wide the terminal: long lines are
# hard to read, and the descriptions, written by hand, are laid out for it.
HELP_COLUMNS = 80


def _help_formatter() -> Callable[..., argparse.HelpFormatter]:
    """argparse's formatter that keeps our paragraphs, narrowed to HELP_COLUMNS."""
    import argparse
    import shutil
    from functools import partial

    # argparse takes 2 off for its margin; a narrower terminal keeps its own width.
    width = min(shutil.get_terminal_size().columns, HELP_COLUMNS)
    return partial(argparse.RawDescriptionHelpFormatter, width=width, max_help_position=26)


def build_parser() -> argparse.ArgumentParser:
    import argparse  # deferred: 7 ms that `caucasusquiz` alone does not need

    formatter = _help_formatter()
    parser = argparse.ArgumentParser(
        prog="caucasusquiz",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=formatter,
        parents=[_common_options(True)],
    )
    parser.add_argument("--version", action="version", version=f"caucasusquiz {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    parents: dict[tuple[str, bool], argparse.ArgumentParser] = {}

    def options_for(name: str) -> argparse.ArgumentParser:
        profiles = "study" if name in STUDYING else "learner" if name in READS_A_PROFILE else "none"
        key = (profiles, name not in NO_DECKS)
        if key not in parents:
            parents[key] = _common_options(False, profiles=key[0], decks=key[1])
        return parents[key]

    def command(name: str, summary: str, description: str) -> argparse.ArgumentParser:
        return commands.add_parser(
            name,
            help=summary,
            description=description,
            parents=[options_for(name)],
            formatter_class=formatter,
        )

    study = command(
        "study",
        "start a study session",
        "Start a study session on the due cards.\n\n"
        "Opens the study app directly in a session; with --plain, runs a line-by-line\n"
        "session on standard input and output instead (no full-screen UI).",
    )
    study.add_argument(
        "--deck", metavar="NAME", help="study only this deck (id, file name, title, or the start of one)"
    )
    study.add_argument("--limit", metavar="N", type=_positive_int, help="stop after N cards")
    study.add_argument(
        "--plain", action="store_true", help="line-by-line mode for screen readers and scripts"
    )

    check = command(
        "check",
        "check decks for mistakes",
        "Check deck files and report every problem as file:line: message, and how\n"
        "many generated cards in each deck are still drafts (not reviewed).\n\n"
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
        "Reads plain-text documents, cleans scrape damage (link previews, lost\n"
        "numbers, page furniture), and writes one YAML deck per document, or per\n"
        "subject when a topics.yaml sits next to the seeds. Regenerating keeps cards\n"
        "you edited or added, and comments. Only the documents named in this run\n"
        "lose cards (ones they no longer yield, or all of a document gone from where\n"
        "it was found); other documents' cards are kept untouched.\n"
        "See `caucasusquiz docs generator`.",
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
        help="allow a run to remove more than 5 unedited generated cards (else it asks, or stops)",
    )

    author = command(
        "author",
        "review generated drafts (or, --all, any card) card by card",
        "Open the author screen on the cards the generator wrote that nobody has\n"
        "reviewed yet: keep, edit, drop, change type or swap a distractor with one key.\n"
        "With --all, walk every card, reviewed and hand-made ones too, with the same keys\n"
        "(`a` on the screen switches between the two), from where you left off: the first\n"
        "card not signed off yet, else the one after the card signed off last. Every\n"
        "decision is written into the deck file at once (the installed decks are\n"
        "read-only: work on a copy from `caucasusquiz copy-decks`). See\n"
        "`caucasusquiz docs authoring`.",
    )
    author.add_argument(
        "deck", nargs="?", metavar="DECK", help="only this deck (id, file name, title, or the start of one)"
    )
    author.add_argument(
        "--all",
        dest="all_cards",
        action="store_true",
        help="every card, not only the drafts: rework cards signed off before (dropping a "
        "hand-made card deletes it; u undoes)",
    )

    stats = command("stats", "show progress statistics", "Show progress for the current profile.")
    stats.add_argument("--json", action="store_true", help="print one JSON object")

    export = command(
        "export",
        "export decks or progress",
        "Export decks for other tools or for print, or the review log for reading.\n\n"
        "cards formats: apkg (Anki package), tsv (Anki text import), csv, quizlet\n"
        "(Quizlet's import box), kahoot-xlsx (Kahoot quiz spreadsheet), json, and\n"
        "quiz-md (a printable quiz with an answer key, in Markdown; --questions N).\n"
        "progress formats: json, csv, tsv (the review log; to back up and restore\n"
        "progress use `caucasusquiz progress export`).\n"
        "See `caucasusquiz docs interchange`.",
    )
    export.add_argument(
        "what",
        nargs="?",  # missing: a message listing both, not argparse's "required: what"
        choices=("cards", "progress"),
        help="cards: deck contents; progress: review log of the profile",
    )
    export.add_argument(
        "--format",
        choices=("apkg", "tsv", "csv", "quizlet", "kahoot-xlsx", "json", "quiz-md"),
        metavar="FORMAT",
        default=None,
        help="apkg, tsv, csv, quizlet, kahoot-xlsx, json or quiz-md (default: tsv for "
        "cards, which Anki imports; json for progress); quiz-md: a printable quiz with an answer key",
    )
    export.add_argument(
        "--questions", metavar="N", type=_positive_int, help="questions in a quiz-md sheet (default 10)"
    )
    export.add_argument("--output", "--out", "-o", metavar="FILE", help="write here instead of stdout")
    export.add_argument("--deck", metavar="NAME", action="append", help="only this deck (repeatable)")
    export.add_argument(
        "--with-progress",
        action="store_true",
        help="apkg: include the profile's schedule and review history",
    )

    from caucasusquiz.commands.import_ import add_arguments as import_arguments

    import_arguments(
        command(
            "import",
            "import an Anki, Quizlet, CSV or Kahoot file as decks",
            "Turn another tool's file into deck files that pass `caucasusquiz check`.\n\n"
            "Reads Anki packages (.apkg: Basic, reversed, type-in and Cloze notes), Quizlet\n"
            "text (.txt), spreadsheet CSV with a header row (.csv) and Kahoot quiz\n"
            "spreadsheets (.xlsx). Writes every deck file or none.\n"
            "See `caucasusquiz docs interchange`.",
        )
    )

    optimize = command(
        "optimize",
        "fit FSRS to your own review history",
        "Fit FSRS parameters to this profile's review log now.\n\n"
        "The app does this by itself in the background once a profile has\n"
        "400 reviews, and again as they grow. Needs enough reviews; prints log\n"
        "loss and RMSE before and after, measured on reviews held out from the fit.",
    )
    optimize.add_argument("--dry-run", action="store_true", help="report, but keep current parameters")
    _classroom_commands(command, options_for, formatter)
    progress = command(
        "progress",
        "move a profile's progress between machines",
        "Export one profile's progress to a file, or import such files (from students'\n"
        "machines, or a backup). Import adds only what is missing and never overwrites\n"
        "newer progress; a damaged or foreign file is refused whole. Neither reads the\n"
        "decks or settings.toml, so a broken one never blocks a backup.",
    )
    progress_moves = progress.add_subparsers(dest="progress_command", metavar="export|import", required=True)
    progress_export = progress_moves.add_parser(
        "export",
        help="write a profile's progress as JSON",
        description="Write one profile's progress (schedule, review log, settings it\n"
        "learned) as JSON, for `caucasusquiz progress import` on any machine.",
        parents=[options_for("progress export")],
        formatter_class=formatter,
    )
    progress_export.add_argument("--out", "-o", metavar="FILE", help="write here instead of standard output")
    progress_import = progress_moves.add_parser(
        "import",
        help="add progress files to this machine's profiles",
        description="Add progress files (from `caucasusquiz progress export`) to this\n"
        "machine's profiles: only what is missing is added, newer progress is never\n"
        "overwritten, and a damaged or foreign file is refused whole.",
        parents=[options_for("progress import")],
        formatter_class=formatter,
    )
    progress_import.add_argument("files", nargs="+", metavar="FILE", help="files from progress export")
    serve = command(
        "serve",
        "serve the app to a class's browsers",
        "Serve the app to browsers, one app process per tab (textual-serve). Students\n"
        "open the URL, type their name (a new name makes a new profile; a tab never lists\n"
        "the others' names) and study; progress stays on this machine.\n"
        "Only this machine can connect unless --host says otherwise; then a\n"
        "class code (printed at start, or --code) must be entered first.\n"
        "See `caucasusquiz docs classroom`.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument("--code", metavar="CODE", help="the class code (default: a new one off loopback)")
    copy = command(
        "copy-decks",
        "copy the shipped decks into a folder, to edit them",
        "Copy the decks shipped with caucasusquiz into a new (or empty) folder, to edit\n"
        "and study: the installed decks themselves are never changed, since an upgrade\n"
        "would undo the edit. Then study the copy with `caucasusquiz --decks DIR` or\n"
        "CAUCASUSQUIZ_DECKS=DIR; progress is kept by card id, so it carries over.",
    )
    copy.add_argument("folder", metavar="DIR", help="a new or empty folder for the copy")
    docs = command(
        "docs",
        "read the guides installed with the app",
        "The guides (studying, deck format, settings, classroom, import and export…),\n"
        "installed with the app. Without NAME, lists them and says where they are.",
    )
    docs.add_argument("name", nargs="?", metavar="NAME", help="the guide to print, e.g. settings")
    report = command(
        "report",
        "what the class struggles with",
        "A class report: per student (reviews, time, accuracy, true retention, mastery\n"
        "per deck, last active), the cards the class gets wrong most, and each live\n"
        "quiz per question and per student. From the profiles' study progress and the\n"
        "live quizzes on this machine.",
    )
    report.add_argument("--profiles", nargs="+", metavar="NAME", help="only these students (default: all)")
    report.add_argument(
        "--class", dest="class_code", metavar="CODE", help="only the live quiz with this code"
    )
    report.add_argument("--deck", metavar="NAME", help="only cards of this deck")
    report.add_argument(
        "--format", choices=("table", "md", "csv", "json"), default="table", help="default table"
    )
    report.add_argument("--json", action="store_true", help="the same as --format json")
    report.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    return parser


def _classroom_commands(
    command: Callable[..., argparse.ArgumentParser],
    options_for: Callable[[str], argparse.ArgumentParser],
    formatter: Callable[..., argparse.HelpFormatter],
) -> None:
    """`class host|join`: a live class quiz; see docs/classroom.md."""
    klass = command(
        "class",
        "run or join a live class quiz",
        "A live class quiz on this machine: the teacher hosts (on a projector),\n"
        "students join with the code from a terminal or a served browser tab.\n"
        "See `caucasusquiz docs classroom`.",
    )
    moves = klass.add_subparsers(dest="class_command", metavar="host|join", required=True)
    host = moves.add_parser(
        "host",
        help="host a quiz: show the code, then one question at a time",
        description="Host a live quiz, full screen for a projector: a join code, then one\n"
        "question at a time with a countdown, the answers as they come in, the right\n"
        "answer with its source sentence, and the scores. Students join with\n"
        "`caucasusquiz class join CODE`. The quiz changes nobody's schedule unless\n"
        "--count-as-review is given.",
        parents=[options_for("class host")],
        formatter_class=formatter,
    )
    host.add_argument("--deck", metavar="NAME", help="ask only this deck (default: all decks)")
    host.add_argument(
        "--questions", metavar="N", type=_positive_int, default=10, help="how many (default 10)"
    )
    host.add_argument(
        "--seconds", metavar="S", type=_positive_int, default=20, help="time per question (default 20)"
    )
    host.add_argument(
        "--count-as-review",
        action="store_true",
        help="also record each answer in the student's profile (default: the quiz is not a review)",
    )
    host.add_argument(
        "--resume",
        metavar="CODE",
        help="take over the open class with this code (after the host's terminal closed or crashed)",
    )
    join = moves.add_parser(
        "join",
        help="join a quiz with the code on the teacher's screen",
        description="Join the live quiz whose code is on the teacher's screen, from a\n"
        "terminal on the teacher's machine (with CODE and --name it joins at once):\n"
        "answer each question with a key and see your points and rank. Leaving and\n"
        "joining again with the same name keeps your score.",
        parents=[options_for("class join")],
        formatter_class=formatter,
    )
    join.add_argument("code", nargs="?", metavar="CODE", help="the class code")
    join.add_argument(
        "--name",
        metavar="NAME",
        help="your name as the class sees it (default: your profile's name, the one last opened "
        'for study or --profile; a profile called "default" is not a name: the form asks)',
    )


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
        # A stand-in with the attributes the commands read (argparse's Namespace is the same idea).
        args = cast(
            "argparse.Namespace",
            SimpleNamespace(command=None, decks=None, data_dir=None, profile=None, new_profile=None),
        )
    else:
        args = build_parser().parse_args(arguments)
    try:
        return _dispatch(args)
    except UserError as exc:
        from caucasusquiz.text import strip_forbidden

        # Messages quote file names, deck names and typed text: never let them steer the terminal.
        print(f"caucasusquiz: error: {strip_forbidden(str(exc))}", file=sys.stderr)
        if exc.hint:
            print(f"  hint: {strip_forbidden(exc.hint)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `caucasusquiz stats | head -1`
        sys.stderr.close()
        return 0


def _dispatch(args: argparse.Namespace) -> int:
    _refuse_ignored_options(args)
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
    elif command == "author":
        from caucasusquiz.commands.author import run
    elif command == "stats":
        from caucasusquiz.commands.stats import run
    elif command == "export":
        if args.what is None and args.format != "quiz-md":  # a quiz sheet is always of cards
            raise UserError(
                "say what to export: cards or progress",
                "`caucasusquiz export cards` (the decks, TSV for Anki) or `caucasusquiz export progress` "
                "(the review log, JSON); `caucasusquiz export --help` lists the options",
                exit_code=2,
            )
        from caucasusquiz.commands.export import run
    elif command == "import":
        from caucasusquiz.commands.import_ import run
    elif command == "class":
        from caucasusquiz.commands.classroom import run
    elif command == "report":
        from caucasusquiz.commands.report import run
    elif command == "serve":
        from caucasusquiz.commands.serve import run
    elif command == "progress":
        from caucasusquiz.commands.progress import run
    elif command == "copy-decks":
        from caucasusquiz.commands.copy_decks import run
    elif command == "docs":
        from caucasusquiz.commands.docs import run
    else:
        from caucasusquiz.commands.optimize import run
    return run(args)
