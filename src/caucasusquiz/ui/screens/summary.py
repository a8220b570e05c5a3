"""The end of a session: what was done, how well, what to look at again, and what comes back later
today and tomorrow."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from caucasusquiz.study import humanize
from caucasusquiz.study.session import Summary
from caucasusquiz.text import plural
from caucasusquiz.ui.widgets.fitting_footer import FittingFooter
from caucasusquiz.ui.widgets.literal import literal

# A student who answered and pressed Esc may think that answer counted (new-user trial 6):
# only a rating saves a card.
UNRATED_WORDS = "your last answer was not rated, so it was not saved (only rated cards are)"


class SummaryScreen(Screen[None]):
    HELP_TITLE = "session summary"
    BINDINGS = [
        Binding("escape,enter,q", "app.pop_screen", "Home", priority=True),
        Binding("s", "app.open('stats')", "Stats"),
    ]

    def __init__(self, summary: Summary, title: str, *, unrated_answer: bool = False) -> None:
        super().__init__()
        self.summary = summary
        self.session_title = title
        # The session ended on a card answered but not rated: that answer is not a review.
        self.unrated_answer = unrated_answer

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="summary-numbers")
        yield Static(Text("Cards to revisit", style="bold"), id="revisit-title", classes="chart-title")
        with VerticalScroll(id="revisit"):
            yield Static(id="revisit-list")
        yield FittingFooter()

    def on_mount(self) -> None:
        s = self.summary
        self.sub_title = f"session: {self.session_title}"
        numbers: RenderableType
        if s.reviews:
            answers = f"  ({plural(s.reviews, 'answer')})" if s.reviews != s.cards else ""
            new = f"{s.new_cards} seen, {s.new_remembered} remembered" if s.new_cards else "none"
            # The time the cards were on screen before each answer, summed: not the wall time
            # since the session began (the source viewer, a card made, a pause are not in it).
            spent = f"{humanize.duration(s.seconds)} of answering"
            numbers = labelled(
                ("Session done", f"{plural(s.cards, 'card')} in {spent}{answers}"),
                (
                    "Accuracy",
                    f"{humanize.percent(s.accuracy)}  ({s.right} right, {s.almost} almost, {s.wrong} wrong)",
                ),
                ("New cards", new),
                *([("Later today", later_today(s))] if s.later_today else []),
                ("Due tomorrow", str(s.due_tomorrow)),
                *([("Not saved", UNRATED_WORDS)] if self.unrated_answer else []),
            )
        elif self.unrated_answer:
            numbers = Text.assemble(
                ("No cards rated in this session.", "bold"), f"\nNot saved: {UNRATED_WORDS}."
            )
        else:
            numbers = Text("No cards answered in this session.", style="bold")
            # Nothing to revisit because nothing was answered, not because all went right.
            self.query_one("#revisit-title").display = False
            self.query_one("#revisit").display = False
        self.query_one("#summary-numbers", Static).update(numbers)
        cards: RenderableType = bulleted(
            Text.assemble(literal(card.question), ("  → ", "dim"), literal(card.answer, "bold"))
            for card in s.to_revisit
        )
        if not s.to_revisit:
            # "Every card was answered right" under "1 almost" contradicted the line above.
            nothing = "no card was answered wrong" if s.almost else "every card was answered right"
            cards = Text(f"Nothing: {nothing}.", style="dim")
        self.query_one("#revisit-list", Static).update(cards)


def later_today(summary: Summary) -> str:
    """ "3 learning cards, the next in 8 min": the cards a student who reads only "due
    tomorrow" would miss."""
    cards = plural(summary.later_today, "learning card")
    soon = summary.next_later_today
    if soon is None:
        return cards
    return f"{cards}, the first due {f'in {humanize.interval(soon)}' if soon else 'now'}"


# Two-column grids: a line too long for the screen wraps under its own text (a hanging
# indent), not back to the screen's edge under the bullet or the label.


def labelled(*rows: tuple[str, str]) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(ratio=1)
    for label, value in rows:
        grid.add_row(Text(label), Text(value))  # Text: never read as markup
    return grid


def bulleted(items: Iterable[Text]) -> Table:
    grid = Table.grid()
    grid.add_column(width=2, no_wrap=True)
    grid.add_column(ratio=1)
    for item in items:
        grid.add_row(Text("•"), item)
    return grid
