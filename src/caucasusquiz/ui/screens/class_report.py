"""The class report in the app (Ctrl+P → Class report): the tables of `caucasusquiz report`,
laid out as it lays them out (classroom/report_layout.py), to the screen's width.

Students, mastery per deck, the cards the class gets wrong (worst first), and the live
quizzes, newest first. Long texts wrap within their column and a table too wide goes on in
another section, so nothing is cut at the right edge (it was at 80 columns: "last active …
mas", "U.S.", "(car"), and the report scrolls only up and down.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from caucasusquiz.classroom.report import ClassReport
from caucasusquiz.classroom.report_layout import NOTHING_YET, report_lines
from caucasusquiz.ui.widgets.fitting_footer import FittingFooter
from caucasusquiz.ui.widgets.literal import literal

MIN_WIDTH = 40  # before the first layout, and on a very narrow screen: the CLI's tables wrap there too


class ClassReportScreen(Screen[None]):
    HELP_TITLE = "class report"
    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back")]

    def __init__(self, report: ClassReport) -> None:
        super().__init__()
        self.report = report
        self.width_laid_out = 0  # the width the report was last laid out for

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="class-report"):
            yield Static(id="class-report-text")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.sub_title = "class report"
        self.call_after_refresh(self._lay_out)

    def on_resize(self) -> None:
        self.call_after_refresh(self._lay_out)

    def _lay_out(self) -> None:
        box = self.query_one("#class-report", VerticalScroll)
        width = max(MIN_WIDTH, box.scrollable_content_region.width)
        if width == self.width_laid_out:
            return
        self.width_laid_out = width
        lines = report_lines(self.report, width)
        if not lines:
            text = Text(NOTHING_YET)
        else:
            text = Text("\n").join(literal(line.text, "bold" if line.heading else "") for line in lines)
        self.query_one("#class-report-text", Static).update(text)
