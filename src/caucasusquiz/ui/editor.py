"""Edit a card in the teacher's own editor: open the deck file at the card's line, then reload and check."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual.app import SuspendNotSupported
from textual.binding import Binding

from caucasusquiz.decks.model import Card
from caucasusquiz.ui.notify_errors import refused_as_installed
from caucasusquiz.ui.screens.dialogs import MessageScreen

if TYPE_CHECKING:
    from caucasusquiz.ui.app import CaucasusQuizApp

FALLBACK_EDITORS = ("nano", "vim", "vi")


def editor_command() -> list[str] | None:
    """$VISUAL, then $EDITOR, then the first common editor found."""
    for variable in ("VISUAL", "EDITOR"):
        value = os.environ.get(variable, "").strip()
        if value:
            return shlex.split(value)
    for name in FALLBACK_EDITORS:
        if shutil.which(name):
            return [name]
    return None


def edit_card(app: CaucasusQuizApp, card: Card) -> None:
    """Open the card's deck in the editor; afterwards the app reloads the decks (its one
    reload path) and reports this file's problems."""
    from caucasusquiz.serving.mode import is_served

    if is_served():  # an editor is a shell, and deck files are read-only for a browser tab
        app.notify("Editing decks is off in a served session.", severity="warning")
        return
    workspace = app.require_workspace()
    deck = workspace.collection.deck(card.deck_id)
    if deck is None:
        app.notify("This card's deck is no longer loaded.", severity="error")
        return
    edit_deck_file(app, deck.path, card.line)


def edit_deck_file(app: CaucasusQuizApp, path: Path, line: int) -> None:
    """Open a deck file at a line (a card's, or the line of a problem just made there)."""
    if refused_as_installed(app, path):
        return
    command = editor_command()
    if command is None:
        app.push_screen(
            MessageScreen(
                "No editor found",
                f"Open {path} at line {line} yourself.",
                "Set $EDITOR (e.g. export EDITOR=nano) to edit from the app.",
            )
        )
        return
    # `+LINE FILE` opens at a line in vi, vim, nano, emacs, micro, kakoune and helix alike.
    argv = [*command, f"+{line}", str(path)]
    before = _contents(path)
    try:
        try:
            with app.suspend():
                result = subprocess.run(argv, check=False)
        except SuspendNotSupported:  # no terminal to hand over (tests, the web): run it as is
            result = subprocess.run(argv, check=False, capture_output=True)
    except OSError as exc:
        app.notify(f"Could not start {command[0]}: {exc.strerror}", severity="error")
        return
    if result.returncode != 0:
        app.notify(f"{command[0]} exited with status {result.returncode}.", severity="warning")
    if before is not None and _contents(path) == before:
        # Closed without saving: "saved and checked" would claim an edit that never happened.
        app.notify(f"{path.name}: no changes.", title="Editor closed")
        return
    app.reload_decks(path)


class EditAgainScreen(MessageScreen):
    """The problems an edit left in a deck; `e` opens the editor again at the first of them
    (the dialog says so: a teacher fixes a one-character slip without leaving the app)."""

    BINDINGS = [Binding("e", "edit_again", "Edit again"), Binding("f", "fix_ids", "Give ids")]

    def __init__(
        self, title: str, message: str, hint: str, path: Path, line: int, fixable_ids: bool = False
    ) -> None:
        super().__init__(title, message, hint)
        self.path, self.line = path, line
        self.fixable_ids = fixable_ids  # cards without an id: `f` does what `check --fix` does

    def action_fix_ids(self) -> None:
        """`check --fix` for this file, from the app: a card that lost its id gets it back
        (decks/remembered_ids.py), a new card a fresh one; the deck is then read again."""
        from caucasusquiz import paths
        from caucasusquiz.decks.cache import DeckCache
        from caucasusquiz.decks.fix import add_missing_ids_keeping_history
        from caucasusquiz.errors import UserError

        if not self.fixable_ids:
            return
        app = cast("CaucasusQuizApp", self.app)
        try:
            paths.writable_decks(self.path.parent)
            fixes = add_missing_ids_keeping_history(self.path, DeckCache(app.locations.cache_dir / "decks"))
        except UserError as exc:
            app.notify(str(exc), severity="error", timeout=10)
            return
        self.dismiss(None)
        if fixes:
            restored = sum(fix.restored for fix in fixes)
            app.notify(
                f"{self.path.name}: {len(fixes)} card id(s) written"
                + (f", {restored} of them the id the card had (its progress is kept)" if restored else "")
                + ".",
                title="Ids given",
            )
        app.reload_decks(self.path)

    def action_edit_again(self) -> None:
        app = cast("CaucasusQuizApp", self.app)
        self.dismiss(None)
        app.call_later(edit_deck_file, app, self.path, self.line)


def _contents(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None
