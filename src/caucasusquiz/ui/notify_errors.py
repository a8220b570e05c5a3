"""Turn a user-fixable error raised inside a key handler into a notification.

An exception escaping a Textual handler ends the app with a traceback. A read-only disk,
a deck folder that vanished or a damaged file are not bugs: the learner is told what
happened and what to do, and the app carries on.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from textual.app import App
from textual.message_pump import MessagePump

from caucasusquiz import files
from caucasusquiz.errors import InstalledFilesReadOnly, UserError

P = ParamSpec("P")
R = TypeVar("R")
W = TypeVar("W", bound=MessagePump)  # a widget, screen or app: it has `.app`


def notify_user_errors(handler: Callable[Concatenate[W, P], R]) -> Callable[Concatenate[W, P], R | None]:
    """Decorate a widget's method: a UserError becomes an error notification."""

    @functools.wraps(handler)
    def wrapper(widget: W, /, *args: P.args, **kwargs: P.kwargs) -> R | None:
        try:
            return handler(widget, *args, **kwargs)
        except UserError as error:
            notify_error(widget.app, error)
            return None

    return wrapper


# The toasts of the review, source and home screens show a title and two lines (app.tcss),
# 43 cells wide on the home screen: the full InstalledFilesReadOnly text was cut after
# "the decks installed with caucasusquiz (/…/site-packages/caucasusquiz", so its reason and
# its remedy were never seen (new-user trial 6). This says both, remedy first, in that room.
INSTALLED_TITLE = "Installed decks are read-only"
INSTALLED_REMEDY = "Edit a copy: caucasusquiz copy-decks DIR, then caucasusquiz --decks DIR."


def notify_error(app: App[Any], error: UserError) -> None:
    """The error and its hint (what to do) as one error notification."""
    if isinstance(error, InstalledFilesReadOnly):
        app.notify(INSTALLED_REMEDY, title=INSTALLED_TITLE, severity="error", timeout=10, markup=False)
        return
    message = str(error) + (f" — {error.hint}" if error.hint else "")
    app.notify(message, title="Could not do that", severity="error", timeout=10)


def refused_as_installed(app: App[Any], path: Path) -> bool:
    """True, after saying why and naming `copy-decks`, when `path` is one of the decks
    installed with the program: the editor, the author screen and every card or deck
    setting written from the app stop here instead of changing site-packages."""
    try:
        files.refuse_installed_bundle(path)
    except InstalledFilesReadOnly as error:
        notify_error(app, error)
        return True
    return False


SERVED_READ_ONLY = "Deck files are read-only in a browser tab: ask your teacher to change a card."


def refused_deck_write(app: App[Any], path: Path) -> bool:
    """True, after saying why, when a deck file may not be written from here: in a served
    browser tab (a student at someone else's machine; docs/classroom.md promises the decks
    are read-only there), and for the decks installed with the program."""
    from caucasusquiz.serving.mode import is_served

    if is_served():
        app.notify(SERVED_READ_ONLY, title="Not in a browser tab", severity="warning", timeout=6)
        return True
    return refused_as_installed(app, path)
