"""`o`: the seed document a card came from, opened at the card's line with that line selected."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Static, TextArea
from textual.widgets.text_area import Selection

from caucasusquiz.decks.model import Card
from caucasusquiz.decks.sources import read_source, source_folders
from caucasusquiz.text import strip_forbidden
from caucasusquiz.ui.screens.app_screen import AppScreen


class SourceScreen(AppScreen[None]):
    HELP_TITLE = "source document"
    BINDINGS = [
        Binding("escape,q,o", "app.pop_screen", "Back"),
        Binding("c", "make_card", "Card from this sentence"),
    ]

    def __init__(self, card: Card) -> None:
        super().__init__()
        self.card = card
        self.document: Path | None = None  # the seed file shown, once it could be read

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="source-title", classes="title")
        yield TextArea(id="document", read_only=True, soft_wrap=True, show_line_numbers=True)
        yield Footer()

    def on_mount(self) -> None:
        card = self.card
        locations = self.app.require_workspace().locations
        seeds = locations.seeds
        title = self.query_one("#source-title", Static)
        area = self.query_one("#document", TextArea)
        name = card.source_file
        if not name:
            title.update("This card has no source.")
            area.text = strip_forbidden(card.context or "")
            return
        from caucasusquiz.serving.mode import is_served

        # A served tab (a student's browser) sees only the seed documents, never deck files.
        served = is_served()
        deck = self.app.require_workspace().collection.deck(card.deck_id)
        documents = deck.documents if deck is not None and not served else ()
        document = read_source(name, source_folders(seeds, locations.decks, served), documents)
        if document is None:
            where = f"the seeds folder ({seeds})"
            if documents:
                where += " nor in the deck's documents folder (" + ", ".join(map(str, documents)) + ")"
            title.update(Text(strip_forbidden(f"{name} is not in {where}."), style="bold"))
            area.text = strip_forbidden(card.context or "")
            return
        text = document.text
        self.sub_title = strip_forbidden(name)
        self.document = document.path
        line = (card.source_line or 1) - 1
        title.update(Text(strip_forbidden(f"{name}, line {line + 1}"), style="bold"))
        area.text = strip_forbidden(text)
        if 0 <= line < area.document.line_count:
            area.selection = Selection((line, 0), (line, len(area.document.get_line(line))))
            area.scroll_cursor_visible(center=True, animate=False)
        area.focus()

    def action_make_card(self) -> None:
        """Make a card from the sentence under the cursor (see ui/screens/make_card.py)."""
        from caucasusquiz.ui.screens.make_card import open_for_cursor

        open_for_cursor(self, self.query_one("#document", TextArea))
