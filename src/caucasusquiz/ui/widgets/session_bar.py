"""The session's progress as one line: a single widget drawn as one Rich bar.

Textual's ProgressBar is several widgets (bar, percentage, ETA) with reactives and an ETA
clock; the review screen redraws its progress on every answer, so it draws the same bar
(Textual's own bar renderable and colours) from one widget that never needs a layout.
"""

from __future__ import annotations

from rich.style import Style
from textual.app import RenderResult
from textual.renderables.bar import Bar
from textual.widget import Widget


class SessionBar(Widget, can_focus=False):
    COMPONENT_CLASSES = {"bar--bar", "bar--complete"}

    DEFAULT_CSS = """
    SessionBar {
        height: 1;
        &> .bar--bar { color: $primary; background: $surface; }
        &> .bar--complete { color: $success; background: $surface; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.total = 1
        self.progress = 0

    def update(self, *, total: int, progress: int) -> None:
        """Redraw the bar for `progress` out of `total` (a repaint: its size never changes)."""
        total = max(1, total)
        if (total, progress) != (self.total, self.progress):
            self.total, self.progress = total, progress
            self.refresh()

    @property
    def percentage(self) -> float:
        return min(1.0, self.progress / self.total)

    def render(self) -> RenderResult:
        percentage = self.percentage
        style = self.get_component_rich_style("bar--bar" if percentage < 1 else "bar--complete")
        return Bar(
            highlight_range=(0, self.content_size.width * percentage),
            highlight_style=Style.from_color(style.color),
            background_style=Style.from_color(style.bgcolor),
        )
