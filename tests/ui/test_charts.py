"""The small chart widgets draw what the numbers say."""

from __future__ import annotations

from textual.app import App, ComposeResult

from caucasusquiz.ui.widgets.charts import BarChart

VALUES = [0, 4, 0, 0, 2, 0]


class ChartApp(App[None]):
    def compose(self) -> ComposeResult:
        yield BarChart(VALUES, ("today", "later"))


async def test_an_empty_day_draws_no_bar():
    # Empty forecast days once drew a baseline "▁", which reads as a small bar.
    app = ChartApp()
    async with app.run_test(size=(40, 8)):
        lines = app.query_one(BarChart).render().plain.splitlines()
    bars = lines[:-1]  # the last line holds the labels
    label_width = 4  # the peak's digits, padded to three, and a space
    per_bar = (40 - label_width) // len(VALUES)
    for day, value in enumerate(VALUES):
        start = label_width + day * per_bar
        cells = "".join(line[start : start + per_bar] for line in bars)
        assert bool(cells.strip()) == bool(value), f"day {day} (value {value}) drew {cells!r}"
