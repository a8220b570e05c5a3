"""The class report in the app (Ctrl+P → Class report): the same tables as `caucasusquiz report`.

Students, the cards the class gets wrong (worst first), and the live quizzes, newest first.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from caucasusquiz.classroom.report import ClassReport, report_tables
from caucasusquiz.ui.shorten import shorten
from caucasusquiz.ui.widgets.literal import literal

MAX_CELL = 60


class ClassReportScreen(Screen[None]):
    HELP_TITLE = "class report"
    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back")]

    def __init__(self, report: ClassReport) -> None:
        super().__init__()
        self.report = report

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="class-report"):
            tables = report_tables(self.report)
            if not tables:
                yield Static("Nothing to report yet: no profile has studied and no class quiz was held.")
            for title, header, rows in tables:
                yield Static(Text(title, style="bold"), classes="report-title")
                table: DataTable[Text] = DataTable(
                    zebra_stripes=True, cursor_type="row", classes="report-table"
                )
                table.add_columns(*header)
                for row in rows:
                    # A long text is shortened at a word boundary, as everywhere (ui.shorten).
                    table.add_row(*(literal(shorten(cell, MAX_CELL)) for cell in row))
                yield table
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "class report"
