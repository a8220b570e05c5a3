"""The base of the screens that run inside `CaucasusQuizApp`: `self.app` typed as that app.

Textual types `self.app` as a bare `App`, so mypy could not check a screen's calls such as
`self.app.require_workspace()`. The class-room screens, which also run in `ClassApp`, keep
Textual's `Screen`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual import getters
from textual.screen import Screen

if TYPE_CHECKING:  # the app imports the screens
    from caucasusquiz.ui.app import CaucasusQuizApp

ResultT = TypeVar("ResultT")


class AppScreen(Screen[ResultT]):
    if TYPE_CHECKING:
        # Textual's way to type a widget's app (as Textual itself does for `MessagePump.app`);
        # at run time the screen keeps Textual's property.
        app = getters.app(CaucasusQuizApp)
