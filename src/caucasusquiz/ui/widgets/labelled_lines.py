"""Rows of a label and its text, the text's wrapped lines under the text, not under the label.

The author screen's card (`Prompt`, `Answer`, `Wrong 1` …) and its source excerpt (line
numbers) read as two columns: a long prompt or source line that wraps to column 1 hides
the labels and the line numbers. Rich's `Text` wraps without a hanging indent, and a
`Table` would do it but is not text: this renderable wraps each row itself, and `str()`
of it is its plain text, as a `Text` would give.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text


class LabelledLines:
    """`rows` of (label, text) in two columns, the labels padded to the widest one (or to
    `label_width`, if wider); a row whose label is None is a line of its own, across both."""

    def __init__(self, rows: Iterable[tuple[Text | None, Text]], gap: int = 1, label_width: int = 0) -> None:
        self.rows: Sequence[tuple[Text | None, Text]] = tuple(rows)
        self.gap = gap
        labels = [label.cell_len for label, _ in self.rows if label is not None]
        self.label_width = max([label_width, *labels])

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        indent = self.label_width + self.gap
        width = max(1, options.max_width - indent)
        for label, text in self.rows:
            if label is None:
                yield from text.wrap(console, options.max_width, overflow="fold")
                continue
            for number, line in enumerate(text.wrap(console, width, overflow="fold")):
                head = label.copy() if number == 0 else Text()
                head.pad_right(indent - head.cell_len)
                yield Text.assemble(head, line)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((self.label_width + self.gap + text.cell_len for _, text in self.rows), default=0)
        return Measurement(min(widest, options.max_width), options.max_width)

    def __str__(self) -> str:
        return "\n".join(
            text.plain if label is None else f"{label.plain:<{self.label_width}}{' ' * self.gap}{text.plain}"
            for label, text in self.rows
        )
