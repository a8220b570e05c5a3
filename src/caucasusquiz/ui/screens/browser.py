"""The card browser: search every deck, see each card's state, suspend or unsuspend, edit."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Input, Static
from textual.widgets.data_table import ColumnKey

from caucasusquiz.clock import to_ms
from caucasusquiz.decks.model import Card
from caucasusquiz.progress import CardKey, CardProgress
from caucasusquiz.study.browse import card_row, parse_query, search, toggle_suspend
from caucasusquiz.text import plural
from caucasusquiz.ui.editor import edit_card
from caucasusquiz.ui.notify_errors import notify_user_errors
from caucasusquiz.ui.screens.app_screen import AppScreen
from caucasusquiz.ui.shorten import shorten
from caucasusquiz.ui.widgets.card_text import context_text
from caucasusquiz.ui.widgets.fitting_footer import FittingFooter
from caucasusquiz.ui.widgets.literal import literal

MAX_ROWS = 500
FIXED_COLUMNS = {"deck": 14, "state": 9, "due": 10, "stability": 6, "lapses": 6}


class BrowserScreen(AppScreen[None]):
    HELP_TITLE = "card browser"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("slash", "focus_search", "Search"),
        Binding("down", "focus_results", "Results", show=False),
        Binding("space", "toggle_suspend", "Suspend/unsuspend"),
        Binding("e", "edit", "Edit"),
        Binding("o", "source", "Source"),
    ]

    def __init__(self) -> None:
        super().__init__()
        # The profile's progress, read when the browser opens and again only when it may have
        # changed (a suspend here, decks reloaded, another screen on top): not on every
        # resize or key typed in the search box.
        self.progress: dict[CardKey, CardProgress] = {}
        self._progress_stale = True

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            id="search",
            placeholder="Search: words, tag:energy, deck:history, is:due/new/suspended/leech",
        )
        yield DataTable(id="results", cursor_type="row", zebra_stripes=True)
        yield Static(id="card-detail")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.sub_title = "cards"
        table = self.query_one("#results", DataTable)
        table.add_column("Deck", key="deck", width=FIXED_COLUMNS["deck"])
        table.add_column("Card", key="card", width=self._card_width())
        table.add_column("State", key="state", width=FIXED_COLUMNS["state"])
        table.add_column("Due", key="due", width=FIXED_COLUMNS["due"])
        table.add_column(Text("Stab.", justify="right"), key="stability", width=FIXED_COLUMNS["stability"])
        table.add_column(Text("Lapses", justify="right"), key="lapses", width=FIXED_COLUMNS["lapses"])
        self.watch(self.app, "decks_version", lambda _: self.run_search(reread=True), init=False)
        self.run_search()
        self.query_one("#search", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.run_search()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#results", DataTable).focus()

    def on_screen_suspend(self) -> None:
        # A screen over this one may change progress (a session from the command palette).
        self._progress_stale = True

    def on_screen_resume(self) -> None:
        if self._progress_stale and self.is_mounted:  # back from another screen
            self.run_search(reread=True)

    @notify_user_errors
    def run_search(self, reread: bool = False) -> None:
        workspace = self.app.require_workspace()
        if reread or self._progress_stale:
            self.progress = workspace.store.all_progress(workspace.profile.id)
            self._progress_stale = False
        now_ms = to_ms(self.app.clock())
        query = parse_query(self.query_one("#search", Input).value)
        self.found: list[Card] = search(workspace.collection.cards, self.progress, query, now_ms)
        table = self.query_one("#results", DataTable)
        table.clear()
        for card in self.found[:MAX_ROWS]:
            table.add_row(*self._cells(card, now_ms), key=f"{card.deck_id}\x00{card.id}")
        shown = min(len(self.found), MAX_ROWS)
        self.sub_title = plural(len(self.found), "card") + (
            f" (first {shown} shown)" if shown < len(self.found) else ""
        )
        self._show_detail()

    def _cells(self, card: Card, now_ms: int) -> list[str | Text]:
        row = card_row(self.progress.get(card.key), now_ms, self.app.tz)
        question = literal(card.question)
        question.truncate(self._card_width(), overflow="ellipsis")
        return [
            literal(shorten(card.deck_id, FIXED_COLUMNS["deck"])),  # "democracy-righ" read as a typo
            question,
            Text(row.state, style="bold" if row.due_now else ""),
            row.due,
            Text(row.stability, justify="right"),
            Text(row.lapses, justify="right"),
        ]

    def _card_width(self) -> int:
        # The Card column gets what the others leave, so State, Due, Stability and Lapses
        # stay on screen (cell padding 2 per column, margins, scroll bar).
        return max(12, (self.size.width or 80) - sum(FIXED_COLUMNS.values()) - 2 * 6 - 4)

    def on_resize(self, event: events.Resize) -> None:
        column = self.query_one("#results", DataTable).columns.get(ColumnKey("card"))
        if column is not None and column.width != self._card_width():
            column.width = self._card_width()
            self.run_search()

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
        text.append_text(context_text(card, self.app.document_title(card)))
        detail.update(text)

    @notify_user_errors
    def action_toggle_suspend(self) -> None:
        card = self.selected()
        if card is None:
            return
        workspace = self.app.require_workspace()
        updated = toggle_suspend(workspace.store, workspace.profile.id, card.key, self.progress.get(card.key))
        self.notify(("Suspended: " if updated.suspended else "Unsuspended: ") + card.question[:60], timeout=3)
        row = self.query_one("#results", DataTable).cursor_row
        self.run_search(reread=True)
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

    def action_focus_results(self) -> None:
        # Down in the search box goes to the results (the table handles Down itself).
        self.query_one("#results", DataTable).focus()

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_back(self) -> None:
        self.app.pop_screen()
