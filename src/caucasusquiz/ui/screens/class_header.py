"""The one-line header of the class screens, fitted to the terminal's width.

At 80 columns a long deck title and a score do not both fit: the title gives way first
(ending in …), then the other parts, and the last part (the score, the question number)
never does.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text

from caucasusquiz.ui.widgets.literal import literal

SEPARATOR = " · "
FLOOR = 12  # cells a shortened part keeps while another part can still give way


def status_line(parts: Sequence[str], width: int) -> Text:
    """`parts` joined by ·, the first in bold, shortened from the first on to fit `width` cells."""
    texts = [literal(part, "bold" if index == 0 else "") for index, part in enumerate(parts)]
    for floor in (FLOOR, 1):
        for text in texts[:-1]:
            excess = sum(cell_len(t.plain) for t in texts) + cell_len(SEPARATOR) * (len(texts) - 1) - width
            if excess <= 0:
                break
            keep = max(min(floor, cell_len(text.plain)), cell_len(text.plain) - excess)
            text.truncate(keep, overflow="ellipsis")
    return Text(SEPARATOR).join(texts)
