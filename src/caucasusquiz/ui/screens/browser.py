"""The card browser: search every deck, see each card's state, suspend or unsuspend, edit."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from caucasusquiz.decks.model import Card
from caucasusquiz.store.database import CardProgress
from caucasusquiz.study.browse import card_state, parse_query, search
from caucasusquiz.study.clock import from_ms, to_ms
from caucasusquiz.ui.editor import edit_card
from caucasusquiz.ui.notify_errors import notify_user_errors
from caucasusquiz.ui.widgets.card_text import context_text
from caucasusquiz.ui.widgets.literal import literal

MAX_ROWS = 500


class BrowserScreen(Screen[None]):
    HELP_TITLE = "card browser"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("slash", "focus_search", "Search"),
        Binding("space", "toggle_suspend", "Suspend/unsuspend"),
        Binding("e", "edit", "Edit"),
        Binding("o", "source", "Source"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            id="search",
            placeholder="Search: words, tag:energy, deck:history, is:due / new / suspended / leech",
        )
        yield DataTable(id="results", cursor_type="row", zebra_stripes=True)
        yield Static(id="card-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "cards"
        table = self.query_one("#results", DataTable)
        table.add_column("Deck", key="deck", width=14)
        table.add_column("Card", key="card")
        table.add_column("State", key="state", width=9)
        table.add_column("Due", key="due", width=10)
        table.add_column(Text("Stab.", justify="right"), key="stability", width=6)
        table.add_column(Text("Lapses", justify="right"), key="lapses", width=6)
        self.watch(self.app, "decks_version", lambda _: self.run_search(), init=False)
        self.run_search()
        self.query_one("#search", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.run_search()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#results", DataTable).focus()

    @notify_user_errors
    def run_search(self) -> None:
        workspace = self.app.require_workspace()
        self.progress = workspace.store.all_progress(workspace.profile.id)
        now_ms = to_ms(self.app.clock())
        query = parse_query(self.query_one("#search", Input).value)
        self.found: list[Card] = search(workspace.collection.cards, self.progress, query, now_ms)
        table = self.query_one("#results", DataTable)
        table.clear()
        for card in self.found[:MAX_ROWS]:
            table.add_row(*self._cells(card, now_ms), key=f"{card.deck_id}\x00{card.id}")
        shown = min(len(self.found), MAX_ROWS)
        self.sub_title = f"{len(self.found)} card{'s' * (len(self.found) != 1)}" + (
            f" (first {shown} shown)" if shown < len(self.found) else ""
        )
        self._show_detail()

    def _cells(self, card: Card, now_ms: int) -> list:
        p = self.progress.get(card.key)
        states = card_state(p, now_ms)
        state = (
            "suspended"
            if "suspended" in states
            else "leech"
            if "leech" in states
            else "buried"
            if "buried" in states
            else next(s for s in ("new", "learning", "review") if s in states)
        )
        due = (
            ""
            if p is None or p.memory.due_ms is None or p.memory.state == 0
            else from_ms(p.memory.due_ms).astimezone(self.app.tz).strftime("%Y-%m-%d")
        )
        stability = f"{p.memory.stability:.0f}d" if p and p.memory.stability else ""
        lapses = str(p.memory.lapses) if p else ""
        return [
            literal(card.deck_id),
            literal(card.question),
            Text(state, style="bold" if "due" in states else ""),
            due,
            Text(stability, justify="right"),
            Text(lapses, justify="right"),
        ]

    def selected(self) -> Card | None:
        table = self.query_one("#results", DataTable)
        if not table.row_count:
            return None
        row = table.cursor_row
        return self.found[row] if 0 <= row < len(self.found) else None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        card = self.selected()
        detail = self.query_one("#card-detail", Static)
        if card is None:
            detail.update(Text("No card matches.", style="dim"))
            return
        text = Text.assemble(
            literal(card.question, "bold"),
            "\n",
            ("Answer: ", "dim"),
            literal(card.answer, "bold"),
            "   ",
            (f"{card.deck_id}/{card.id}", "dim"),
        )
        if card.tags:
            text.append(f"   tags: {' '.join(card.tags)}", style="dim")
        text.append("\n")
        text.append_text(context_text(card))
        detail.update(text)

    @notify_user_errors
    def action_toggle_suspend(self) -> None:
        card = self.selected()
        if card is None:
            return
        workspace = self.app.require_workspace()
        current = self.progress.get(card.key) or CardProgress()
        updated = replace(current, suspended=not current.suspended)
        workspace.store.set_progress(workspace.profile.id, card.key, updated)
        self.notify(("Suspended: " if updated.suspended else "Unsuspended: ") + card.question[:60], timeout=3)
        row = self.query_one("#results", DataTable).cursor_row
        self.run_search()
        self.query_one("#results", DataTable).move_cursor(row=row)

    @notify_user_errors
    def action_edit(self) -> None:
        card = self.selected()
        if card is not None:
            edit_card(self.app, card)  # the reload comes back through decks_version

    def action_source(self) -> None:
        from caucasusquiz.ui.screens.source import SourceScreen

        card = self.selected()
        if card is not None:
            self.app.push_screen(SourceScreen(card))

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_back(self) -> None:
        self.app.pop_screen()
