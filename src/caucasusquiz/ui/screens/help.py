"""`?`: every key of the screen below and of the whole app, generated from the bindings themselves."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

# Keys that are not bindings of a screen but work there (typed-answer input, command palette).
EXTRA_KEYS = {
    "ReviewScreen": [
        ("Enter", "submit a typed answer (empty: show the answer)"),
        ("1–4, a–d", "pick an option of a choice card"),
        ("t / f", "answer true or false"),
    ],
}
GLOBAL_KEYS = [
    ("ctrl+p", "command palette: every action, themes, screens"),
    ("?", "this help"),
    ("ctrl+q", "quit the app"),
]


def _key_name(key: str) -> str:
    names = {"question_mark": "?", "escape": "Esc", "enter": "Enter", "space": "Space"}
    return " / ".join(names.get(k, k) for k in key.split(","))


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "close", "Close")]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.for_screen = screen

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        seen: set[str] = set()
        for binding in self.for_screen.BINDINGS:
            binding = binding if isinstance(binding, Binding) else Binding(*binding)
            if binding.description and binding.key not in seen:
                seen.add(binding.key)
                table.add_row(_key_name(binding.key), binding.description)
        for key, what in EXTRA_KEYS.get(type(self.for_screen).__name__, []):
            table.add_row(key, what)
        for key, what in GLOBAL_KEYS:
            table.add_row(key, what)
        title = getattr(self.for_screen, "HELP_TITLE", type(self.for_screen).__name__)
        with Vertical(id="dialog"):
            yield Static(Text(f"Keys: {title}"), classes="title")
            with VerticalScroll(id="help-body"):
                yield Static(table)
            yield Static(Text("Esc closes this help. Everything works with the keyboard alone.", style="dim"))

    def action_close(self) -> None:
        self.dismiss(None)
