"""`caucasusquiz import FILE`: an Anki package, Quizlet text, a spreadsheet CSV or a Kahoot
spreadsheet → deck files that pass `caucasusquiz check`. All files are written, or none."""

from __future__ import annotations

import argparse
from pathlib import Path

from caucasusquiz import paths
from caucasusquiz.errors import UserError
from caucasusquiz.interchange.common import ImportResult
from caucasusquiz.text import plural

FORMATS = ("apkg", "csv", "quizlet", "kahoot")
_BY_SUFFIX = {".apkg": "apkg", ".colpkg": "apkg", ".csv": "csv", ".txt": "quizlet", ".xlsx": "kahoot"}


def run(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise UserError(f"{path} does not exist or is not a file")
    fmt = args.source_format or _BY_SUFFIX.get(path.suffix.lower())
    if fmt is None:
        raise UserError(
            f"cannot tell what kind of file {path.name} is",
            "name it .apkg, .csv, .txt (Quizlet) or .xlsx (Kahoot), or say --from apkg|csv|quizlet|kahoot",
        )
    result = read(path, fmt, args)
    from caucasusquiz.interchange.yaml_out import plan, skipped_summary, write_all

    out = paths.writable_decks(Path(args.out))
    planned = plan(result, out, args.deck_title, args.force)
    write_all(planned)
    total = sum(p.cards for p in planned)
    print(
        f"Imported {plural(total, 'card')} from {path.name} ({result.kind}) "
        f"into {plural(len(planned), 'deck file')}:"
    )
    for deck in planned:
        print(f"  {deck.path}  {plural(deck.cards, 'card')}  “{deck.title}”")
    for line in skipped_summary(result):
        print(f"  {line}")
    print(f"Study them with: caucasusquiz --decks {out}")
    return 0


def read(path: Path, fmt: str, args: argparse.Namespace) -> ImportResult:
    if fmt == "apkg":
        from caucasusquiz.interchange.apkg_import import import_apkg

        return import_apkg(path)
    if fmt == "csv":
        from caucasusquiz.interchange.csv_format import import_csv

        return import_csv(path)
    if fmt == "quizlet":
        from caucasusquiz.interchange.quizlet import import_quizlet, separator

        return import_quizlet(path, separator(args.term_sep), separator(args.card_sep))
    from caucasusquiz.interchange.kahoot import import_kahoot

    return import_kahoot(path)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a .apkg, .csv, .txt (Quizlet) or .xlsx (Kahoot) file")
    parser.add_argument("--out", metavar="DIR", default=".", help="folder for the deck files (default: here)")
    parser.add_argument("--deck-title", metavar="T", help="title of the new deck (default: the name it had)")
    parser.add_argument(
        "--from", dest="source_format", choices=FORMATS, help="the file's format, when its name does not say"
    )
    parser.add_argument("--force", action="store_true", help="replace deck files that already exist")
    parser.add_argument("--term-sep", metavar="SEP", help="Quizlet: term/definition separator (default: tab)")
    parser.add_argument("--card-sep", metavar="SEP", help="Quizlet: between cards (default: new line)")
