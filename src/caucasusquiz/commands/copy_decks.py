"""`caucasusquiz copy-decks DIR`: the shipped decks into a folder of the user's own, to edit.

The installed decks are never written to (an upgrade would undo the edit), so a teacher
who wants to change cards starts from a copy and studies it with --decks.
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import sys
from pathlib import Path

from caucasusquiz import paths
from caucasusquiz.errors import UserError
from caucasusquiz.text import plural, strip_forbidden


def run(args: argparse.Namespace) -> int:
    source = paths.bundled_dir("decks")
    if source is None:
        raise UserError("this installation has no decks to copy", "reinstall caucasusquiz")
    target = Path(args.folder).expanduser()
    copy_decks(source, target)
    count = len(list(target.glob("*.yaml")))
    # Absolute and quoted: the lines are meant to be pasted, from any folder, into a shell.
    where = shlex.quote(str(target.resolve()))
    print(
        strip_forbidden(
            f"Copied {plural(count, 'deck file')} to {target}.\n"
            f"Study and edit them with:  caucasusquiz --decks {where}\n"
            f"or, to make this folder the default, set CAUCASUSQUIZ_DECKS={where} in your shell profile.\n"
            "Your progress is kept by card id, so it carries over to the copy."
        ),
        file=sys.stdout,
    )
    return 0


def copy_decks(source: Path, target: Path) -> None:
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
