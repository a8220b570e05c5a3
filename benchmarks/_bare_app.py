"""The baseline for UI benchmarks: a bare Textual app with the same kind of screen.

It paints a header, a table and a footer (first paint = "READY" on screen); each
key press replaces one line of text ("Question number N"), the least work a key
press that draws something can cost in Textual.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header, Static


class BareApp(App[None]):
    BINDINGS = [("3", "next", "Next"), ("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("READY", id="line")
        yield DataTable()
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Deck", "New", "Due")
        for i in range(8):
            table.add_row(f"Deck {i}", "20", "0")
        self.number = 0

    def action_next(self) -> None:
        self.number += 1
        self.query_one("#line", Static).update(f"Question number {self.number}?")


if __name__ == "__main__":
    BareApp().run()
