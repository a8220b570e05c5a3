"""The Textual application (placeholder home screen listing the decks)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header

from caucasusquiz.decks.cache import DeckCache
from caucasusquiz.decks.collection import load_collection
from caucasusquiz.paths import Locations


class CaucasusQuizApp(App[int]):
    TITLE = "caucasusquiz"
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, locations: Locations, profile: str | None = None) -> None:
        super().__init__()
        self.locations = locations
        self.profile = profile or "default"

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="decks", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        collection = load_collection([self.locations.decks], DeckCache(self.locations.cache_dir))
        table = self.query_one(DataTable)
        table.add_columns("Deck", "Cards")
        for deck in collection.decks:
            table.add_row(deck.title, str(len(deck.cards)))


def make_app(locations: Locations, profile: str | None = None) -> CaucasusQuizApp:
    return CaucasusQuizApp(locations, profile)
