"""A small app for `caucasusquiz class host` and `class join`: one class screen, the app's styles."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual.app import App
from textual.screen import Screen

from caucasusquiz.clock import utc_now


class ClassApp(App[None]):
    TITLE = "caucasusquiz class"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = False

    def __init__(
        self, make_screen: Callable[[ClassApp], Screen[None]], clock: Callable[[], datetime] = utc_now
    ) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.clock = clock

    def on_mount(self) -> None:
        self.push_screen(self.make_screen(self))
