"""The one-line header of the class screens, fitted to the terminal's width.

At 80 columns a long deck title and a score do not both fit: the title gives way first
(at a word boundary, ending in …), then the other parts, and the last part (the score, the question number)
never does.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text

from caucasusquiz.ui.shorten import shorten
from caucasusquiz.ui.widgets.literal import literal

SEPARATOR = " · "
FLOOR = 12  # cells a shortened part keeps while another part can still give way


def status_line(parts: Sequence[str], width: int) -> Text:
    """`parts` joined by ·, the first in bold, shortened from the first on to fit `width` cells
    (at a word boundary, as titles are everywhere: ui.shorten)."""
    shown = list(parts)
    for floor in (FLOOR, 1):
        for index, part in enumerate(shown[:-1]):
            excess = sum(cell_len(p) for p in shown) + cell_len(SEPARATOR) * (len(shown) - 1) - width
            if excess <= 0:
                break
            keep = max(min(floor, cell_len(part)), cell_len(part) - excess)
            shown[index] = shorten(part, keep)
    texts = [literal(part, "bold" if index == 0 else "") for index, part in enumerate(shown)]
    return Text(SEPARATOR).join(texts)
