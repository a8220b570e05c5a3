"""Statistics: the numbers, a 30-day due forecast, reviews per day, a calendar, mastery per deck."""

from __future__ import annotations

from datetime import timedelta

from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from caucasusquiz.clock import study_day
from caucasusquiz.study import humanize
from caucasusquiz.study.stats import Stats, collect_stats
from caucasusquiz.text import plural
from caucasusquiz.ui.screens.app_screen import AppScreen
from caucasusquiz.ui.shorten import shorten
from caucasusquiz.ui.widgets.charts import BarChart, HeatMap, mastery_bar
from caucasusquiz.ui.widgets.fitting_footer import FittingFooter
from caucasusquiz.ui.widgets.literal import literal

HISTORY_SHOWN = 30


class StatsScreen(AppScreen[None]):
    HELP_TITLE = "statistics"
    BINDINGS = [Binding("escape,q,s", "app.pop_screen", "Back")]

    def compose(self) -> ComposeResult:
        workspace = self.app.require_workspace()
        now = self.app.clock()
        stats = collect_stats(
            workspace.store, workspace.profile, workspace.collection, workspace.settings, now, self.app.tz
        )
        today = study_day(now, workspace.settings.day_starts_at, self.app.tz)
        history = [
            stats.reviews_per_day.get(today - timedelta(days=HISTORY_SHOWN - 1 - i), 0)
            for i in range(HISTORY_SHOWN)
        ]
        yield Header()
        with VerticalScroll():
            yield Static(_numbers(stats), id="stats-numbers")
            yield Static("Due in the next 30 days", classes="chart-title")
            yield BarChart([n for _, n in stats.forecast], ("today", "in 30 days"), id="forecast")
            yield Static("Reviews per day, last 30 days", classes="chart-title")
            yield BarChart(history, ("30 days ago", "today"), id="history")
            yield Static("Calendar", classes="chart-title")
            yield HeatMap(stats.reviews_per_day, today, id="calendar")
            yield Static(
                "Mastery by deck (share of cards with intervals of three weeks or more)",
                classes="chart-title",
            )
            yield Static(_Mastery(stats), id="deck-mastery")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.sub_title = f"profile: {self.app.require_workspace().profile.name}"


def _numbers(stats: Stats) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    retention = (
        f"{humanize.percent(stats.retention)} of {plural(stats.retention_reviews, 'mature review')}"
        if stats.retention is not None
        else "not measured yet (needs reviews a day or more apart)"
    )
    table.add_row(
        "Reviews",
        f"{stats.reviews_total} in all · {stats.reviews_today} today · "
        f"streak {plural(stats.streak_days, 'day')}",
    )
    table.add_row(
        "Cards",
        f"{stats.cards_seen} of {stats.cards_total} seen · {stats.due_now} due now · "
        f"{stats.due_today} due today",
    )
    table.add_row("True retention", retention)
    table.add_row("Leeches", f"{stats.leeches} · suspended {stats.suspended}")
    return table


class _Mastery:
    """Deck, cards seen and the mastery bar, a row per deck. The numbers always show: a long
    deck title is shortened (ui.shorten) to the room they leave, known only when drawn (a
    table column's own ellipsis cut the title mid-word and squeezed the numbers out)."""

    def __init__(self, stats: Stats) -> None:
        self.decks = stats.decks

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        seen = [f"{deck.seen}/{deck.cards} seen" for deck in self.decks]
        numbers = max((len(text) for text in seen), default=0) + mastery_bar(1.0).cell_len
        room = max(8, options.max_width - numbers - 2 * 2)  # the grid's two gaps
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True)
        table.add_column(justify="right", no_wrap=True)
        table.add_column(no_wrap=True)
        for deck, text in zip(self.decks, seen, strict=True):
            title = literal(shorten(deck.title, room))
            table.add_row(title, Text(text, style="dim"), mastery_bar(deck.mastery))
        yield table
