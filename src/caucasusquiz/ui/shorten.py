"""One rule for a title too long for its place: cut at a word boundary, ending in "…".

Deck titles were cut in four places by four rules (the header mid-word, the review
screen's top line at another point, the deck list at a third), so one title read
"…pipelines, cont…", "…the econom…" and "…pipeli…" on the screens a student goes through.
Every place that shortens a title now asks this module.
"""

from __future__ import annotations

from rich.cells import cell_len

ELLIPSIS = "…"
# A cut may fall after these (as after a space): "Azerbaijan–United" gives "Azerbaijan…".
BREAKS_AFTER = "–—-/"
# Left hanging at the end of a cut they would read as part of it: "relations:…", "Baku,…".
TRAILING = " \t,;:.–—-/·(&"


def shorten(text: str, cells: int) -> str:
    """`text` in at most `cells` terminal cells: whole when it fits, else its words that fit
    and "…", without the punctuation the cut leaves at the end. A first word longer than
    the room is cut within it: nothing of the title would show otherwise."""
    if cell_len(text) <= cells:
        return text
    if cells <= 1:
        return ELLIPSIS if cells == 1 else ""
    room = cells - cell_len(ELLIPSIS)
    fitted, used = "", 0
    for char in text:
        width = cell_len(char)
        if used + width > room:
            break
        fitted += char
        used += width
    follows = text[len(fitted)]  # the first character cut off (text is longer than fitted)
    if not follows.isspace() and fitted[-1:] not in BREAKS_AFTER:
        # Back to the end of the last whole word.
        boundary = max(max(fitted.rfind(c) for c in " \t"), *(fitted.rfind(c) + 1 for c in BREAKS_AFTER))
        if boundary > 0:
            fitted = fitted[:boundary]
    kept = fitted.rstrip(TRAILING)
    return (kept or fitted) + ELLIPSIS
