"""`?` or F1: every key of the screen below and of the whole app.

Drawn from the review screen's key table (ui/keys.py), step by step, and for other screens
from their bindings; the same table makes the review screen's bindings and hint bar.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from caucasusquiz.ui.keys import GLOBAL_KEYS, Key, Step, keys_for


def _key_name(key: str) -> str:
    names = {
        "question_mark": "?",
        "escape": "Esc",
        "enter": "Enter",
        "space": "Space",
        "tab": "Tab",
        "shift+tab": "Shift+Tab",
    }
    return " / ".join(names.get(k, k) for k in key.split(","))


def _offered(screen: Screen[Any], binding: Binding) -> bool:
    """Is the key offered at all on this screen? A screen may name keys that never work in
    this run (`w` in a served browser tab, which is one student): those are not listed. Keys
    that work only at times (swap a distractor: on a choice card) are listed all the same."""
    not_offered: Callable[[], Collection[str]] | None = getattr(screen, "keys_not_offered", None)
    return not_offered is None or binding.key not in not_offered()


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q,f1", "close", "Close")]

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self.for_screen = screen
        # (key, description) as listed, every section's rows in order.
        self.rows: list[tuple[str, str]] = []

    def compose(self) -> ComposeResult:
        # Sections of (heading, rows). A heading is a line of its own: in the key column it
        # made that column as wide as "On a multiple-choice card:" and wrapped every description.
        sections: list[tuple[str | None, list[tuple[str, str]]]] = []
        key_table: tuple[Key, ...] | None = getattr(self.for_screen, "KEYS", None)
        if key_table is not None:
            for step in Step:
                rows = [(row.label, row.description) for row in keys_for(step, key_table)]
                sections.append((f"{step.value.capitalize()}:", rows))
        else:
            seen: set[str] = set()
            rows = []
            for binding in self.for_screen.BINDINGS:
                binding = binding if isinstance(binding, Binding) else Binding(*binding)
                if binding.description and binding.key not in seen and _offered(self.for_screen, binding):
                    seen.add(binding.key)
                    # The tooltip, when a binding has one, is the longer name a short footer word stands for.
                    rows.append((_key_name(binding.key), binding.tooltip or binding.description))
            sections.append((None, rows))
        sections.append(("Everywhere:", list(GLOBAL_KEYS)))
        self.rows = [row for _, rows in sections for row in rows]
        indent = 2 if any(heading for heading, _ in sections[:-1]) else 0
        key_width = indent + max(len(key) for _, rows in sections for key, _ in rows)
        parts: list[RenderableType] = []
        for heading, rows in sections:
            if heading:
                parts.append(Text(heading, style="italic"))
            table = Table.grid(padding=(0, 2))
            table.add_column(style="bold", no_wrap=True, width=key_width)
            table.add_column()
            for key, what in rows:
                table.add_row(" " * (indent if heading else 0) + key, what)
            parts.append(table)
        title = getattr(self.for_screen, "HELP_TITLE", type(self.for_screen).__name__)
        with Vertical(id="dialog"):
            yield Static(Text(f"Keys: {title}"), classes="title")
            with VerticalScroll(id="help-body"):
                yield Static(Group(*parts))
            yield Static(id="help-hint")

    def on_mount(self) -> None:
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        # The list scrolls inside the dialog, which keeps its title and closing hint in view
        # (the dialog's border, padding, title and hint take 8 rows, the margin around it 2).
        body = self.query_one("#help-body", VerticalScroll)
        body.styles.max_height = max(3, self.app.size.height - 10)
        self.call_after_refresh(self._show_hint)

    def _show_hint(self) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        hint = "Esc closes this help. Everything works with the keyboard alone."
        if body.max_scroll_y:
            hint = "More keys below: ↓ or PgDn scrolls. Esc closes this help."
        self.query_one("#help-hint", Static).update(Text(hint, style="dim"))

    def action_close(self) -> None:
        self.dismiss(None)
