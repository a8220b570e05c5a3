"""Small native chart widgets: bar charts, a calendar heat map, and a mastery bar.

Native widgets rather than textual-plotext: plotext adds a dependency and an import of
its own, draws axes that do not fit an 80-column terminal well, and its colours vanish
under NO_COLOR. These render with Rich text, so they scale to the widget's width and
read in monochrome (heights and shades, not just colours).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from rich.text import Text
from textual.widget import Widget

from caucasusquiz.text import plural

BLOCKS = " ▁▂▃▄▅▆▇█"
SHADES = "·░▒▓█"


def mastery_bar(share: float, width: int = 8) -> Text:
    """`███░░░░░░░ 30%`: filled blocks for the share of mature cards."""
    filled = round(max(0.0, min(1.0, share)) * width)
    bar = Text("█" * filled, style="bold")
    bar.append("░" * (width - filled), style="dim")
    bar.append(f" {share * 100:3.0f}%")
    return bar


class BarChart(Widget):
    """Vertical bars for a short series (e.g. cards due on each of the next 30 days)."""

    DEFAULT_CSS = """
    BarChart { height: 7; }
    """

    def __init__(self, values: Sequence[int], labels: tuple[str, str] = ("", ""), **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.values = list(values)
        self.labels = labels

    def render(self) -> Text:
        rows = max(1, self.size.height - 1)
        values = self.values or [0]
        label_width = max(3, len(str(max(values)))) + 1
        room = max(1, self.size.width - label_width)
        per_bar = max(1, room // len(values))  # each value's share of the width
        bar = max(1, per_bar - 1) if per_bar > 1 else 1
        peak = max(values) or 1
        text = Text()
        for row in range(rows, 0, -1):
            label = str(max(values)) if row == rows else ""
            text.append(f"{label:>{label_width - 1}} ", style="dim")
            for value in values[:room]:
                fill = value / peak * rows - (row - 1)
                if fill >= 1:
                    char = BLOCKS[-1]
                elif fill > 0:
                    char = BLOCKS[max(1, round(fill * 8))]
                else:
                    char = " "  # an empty day draws nothing: a baseline read as one card due
                text.append(char * bar, style="bold" if fill > 0 else "dim")
                text.append(" " * (per_bar - bar))
            text.append("\n")
        left, right = self.labels
        span = min(room, per_bar * len(values))
        gap = max(1, span - len(left) - len(right))
        text.append(" " * label_width + f"{left}{' ' * gap}{right}", style="dim")
        return text


class HeatMap(Widget):
    """A calendar of study activity: one cell per day, weeks as columns, darker = more reviews."""

    DEFAULT_CSS = """
    HeatMap { height: 9; }
    """

    def __init__(self, counts: dict[date, int], today: date, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.counts = counts
        self.today = today

    def render(self) -> Text:
        weeks = max(1, (self.size.width - 4) // 2)
        start = self.today - timedelta(days=self.today.weekday()) - timedelta(weeks=weeks - 1)
        peak = max(self.counts.values(), default=0) or 1
        text = Text()
        for weekday, name in enumerate(("Mo", "", "We", "", "Fr", "", "Su")):
            text.append(f"{name:<3} ", style="dim")
            for week in range(weeks):
                day = start + timedelta(weeks=week, days=weekday)
                if day > self.today:
                    text.append("  ")
                    continue
                n = self.counts.get(day, 0)
                shade = SHADES[0] if n == 0 else SHADES[min(4, 1 + int(3 * n / peak))]
                text.append(shade + " ", style="bold" if n else "dim")
            text.append("\n")
        text.append(f"    {start:%d %b}", style="dim")
        text.append(f"  ·  none  ░ some  ▓ more  █ most ({plural(peak, 'review')})", style="dim")
        return text
