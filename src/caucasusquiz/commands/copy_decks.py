"""`caucasusquiz copy-decks DIR`: the shipped decks into a folder of the user's own, to edit.

The installed decks are never written to (an upgrade would undo the edit), so a teacher
who wants to change cards starts from a copy and studies it with --decks.
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from caucasusquiz import paths
from caucasusquiz.errors import UserError
from caucasusquiz.text import plural, strip_forbidden


def run(args: argparse.Namespace) -> int:
    source = paths.bundled_dir("decks")
    if source is None:
        raise UserError("this installation has no decks to copy", "reinstall caucasusquiz")
    target = Path(args.folder).expanduser()
    copied = copy_decks(source, target)
    # Absolute and quoted: the lines are meant to be pasted, from any folder, into a shell.
    where = shlex.quote(str(target.resolve()))
    print(
        strip_forbidden(
            f"Copied {copied} to {target}.\n"
            f"Study and edit them with:  caucasusquiz --decks {where}\n"
            f"or, to make this folder the default, set CAUCASUSQUIZ_DECKS={where} in your shell profile.\n"
            "Your progress is kept by card id, so it carries over to the copy."
        ),
        file=sys.stdout,
    )
    return 0


@dataclass(frozen=True, slots=True)
class Copied:
    """What copy-decks copied, as the teacher will find it in the folder."""

    decks: int  # deck files, by the rule the app reads them by (*.yaml and *.yml)
    others: tuple[str, ...]  # every other file, named and said what it is for

    def __str__(self) -> str:
        """`7 deck files and .generated.json (the generator's record of the cards it wrote)`."""
        parts = [plural(self.decks, "deck file"), *self.others]
        return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]


def copy_decks(source: Path, target: Path) -> Copied:
    """Copy every deck file (and the generator's record of what it wrote, so a later
    `generate` there keeps the copy's hand edits) into `target`, which must be new or empty:
    a teacher's edited decks are never overwritten."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UserError(
            f"{target} already exists and is not an empty folder",
            "name a new folder; nothing was copied, so no deck there was overwritten",
        )
    if paths.is_installed_bundle(target):
        raise UserError(f"{target} is inside the installed program", "name a folder of your own")
    try:
        shutil.copytree(source, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
    except OSError as exc:
        raise UserError(f"cannot copy the decks to {target}: {exc.strerror or exc}") from None
    return _what_was_copied(target)


def _what_was_copied(target: Path) -> Copied:
    from caucasusquiz.decks.folder import TOPICS_FILE, deck_files
    from caucasusquiz.decks.manifest import MANIFEST

    purposes = {
        MANIFEST: "the generator's record of the cards it wrote",
        TOPICS_FILE: "the generator's list of decks and their keywords",
    }
    decks = set(deck_files([target]))
    others = sorted(
        path.relative_to(target).as_posix()
        for path in target.rglob("*")
        if path.is_file() and path not in decks
    )
    return Copied(
        len(decks), tuple(f"{name} ({purposes[name]})" if name in purposes else name for name in others)
    )
