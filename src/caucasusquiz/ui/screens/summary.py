"""The end of a session: what was done, how well, what to look at again, and what comes tomorrow."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from caucasusquiz.study import humanize
from caucasusquiz.study.session import Summary
from caucasusquiz.ui.widgets.literal import literal


class SummaryScreen(Screen[None]):
    HELP_TITLE = "session summary"
    BINDINGS = [
        Binding("escape,enter,q", "app.pop_screen", "Home", priority=True),
        Binding("s", "app.open('stats')", "Stats"),
    ]

    def __init__(self, summary: Summary, title: str) -> None:
        super().__init__()
        self.summary = summary
        self.session_title = title

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="summary-numbers")
        yield Static(Text("Cards to revisit", style="bold"), classes="chart-title")
        with VerticalScroll(id="revisit"):
            yield Static(id="revisit-list")
        yield Footer()

    def on_mount(self) -> None:
        s = self.summary
        self.sub_title = f"session: {self.session_title}"
        if s.reviews:
            answers = f"  ({s.reviews} answers)" if s.reviews != s.cards else ""
            numbers = Text.assemble(
                ("Session done  ", "bold"),
                f"{s.cards} card{'s' * (s.cards != 1)} in ",
                humanize.duration(s.seconds),
                answers,
                "\n",
                ("Accuracy      ", "bold"),
                humanize.percent(s.accuracy),
                f"  ({s.right} right, {s.almost} almost, {s.wrong} wrong)\n",
                ("New cards     ", "bold"),
                f"{s.new_cards} seen, {s.new_remembered} remembered" if s.new_cards else "none",
                "\n",
                ("Due tomorrow  ", "bold"),
                str(s.due_tomorrow),
            )
        else:
            numbers = Text("No cards answered in this session.", style="bold")
        self.query_one("#summary-numbers", Static).update(numbers)
        cards = Text()
        for card in s.to_revisit:
            cards.append("• ")
            cards.append_text(literal(card.question))
            cards.append("  → ", style="dim")
            cards.append_text(literal(card.answer, "bold"))
            cards.append("\n")
        if not s.to_revisit:
            cards = Text("Nothing: every card was answered right.", style="dim")
        self.query_one("#revisit-list", Static).update(cards)
