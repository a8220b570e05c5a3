"""`?` or F1: every key of the screen below and of the whole app.

Drawn from the review screen's key table (ui/keys.py), step by step, and for other screens
from their bindings; the same table makes the review screen's bindings and hint bar.
"""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from caucasusquiz.ui.keys import GLOBAL_KEYS, Key, Step, keys_for


def _key_name(key: str) -> str:
    names = {"question_mark": "?", "escape": "Esc", "enter": "Enter", "space": "Space"}
    return " / ".join(names.get(k, k) for k in key.split(","))


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q,f1", "close", "Close")]

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self.for_screen = screen

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        key_table: tuple[Key, ...] | None = getattr(self.for_screen, "KEYS", None)
        if key_table is not None:
            for step in Step:
                table.add_row(Text(f"{step.value.capitalize()}:", style="italic"), "")
                for row in keys_for(step, key_table):
                    table.add_row(f"  {row.label}", row.description)
        else:
            seen: set[str] = set()
            for binding in self.for_screen.BINDINGS:
                binding = binding if isinstance(binding, Binding) else Binding(*binding)
                if binding.description and binding.key not in seen:
                    seen.add(binding.key)
                    table.add_row(_key_name(binding.key), binding.description)
        table.add_row(Text("Everywhere:", style="italic"), "")
        for key, what in GLOBAL_KEYS:
            table.add_row(f"  {key}", what)
        title = getattr(self.for_screen, "HELP_TITLE", type(self.for_screen).__name__)
        with Vertical(id="dialog"):
            yield Static(Text(f"Keys: {title}"), classes="title")
            with VerticalScroll(id="help-body"):
                yield Static(table)
            yield Static(Text("Esc closes this help. Everything works with the keyboard alone.", style="dim"))

    def action_close(self) -> None:
        self.dismiss(None)
