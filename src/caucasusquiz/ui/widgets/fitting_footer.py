"""The key footer on a narrow terminal: the keys that fit, each whole, and always `?`.

Textual's Footer lays its keys out in a row and lets the ones past the edge run under the
palette's key, cut mid-word ("j Join w▏^p palette" at 60 columns, "? He▏" in the browser at
80). Here the keys that would not fit whole are left out, from the end of the row, but `?`
(help) stays: the help screen lists every key of the screen.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.widget import Widget
from textual.widgets import Footer

# The key kept whatever the width: it opens the list of all the others.
HELP_ACTIONS = frozenset({"help", "app.help"})
# Kept too: at 60 columns the home screen lost `q Quit`, and a new user could not see how to leave.
KEPT_ACTIONS = HELP_ACTIONS | {"quit", "app.quit"}


class FittingFooter(Footer):
    async def recompose(self) -> None:
        await super().recompose()
        self.call_after_refresh(self.fit)

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit)

    def fit(self) -> None:
        """Show the keys in their order while they fit before the palette's key (or the edge)."""
        # Found by their CSS type name: the class is private to Textual (textual.widgets._footer).
        keys = list(self.query("FooterKey"))
        palette = next((key for key in keys if key.has_class("-command-palette")), None)
        listed = [key for key in keys if key is not palette]
        if not listed or not self.size.width:
            return
        room = self.size.width - (palette.outer_size.width if palette is not None else 0)
        shown: set[Widget] = {key for key in listed if getattr(key, "action", "") in KEPT_ACTIONS}
        used = sum(_width(key) for key in shown)
        for key in listed:
            if key in shown:
                continue
            if used + _width(key) > room:
                break  # the keys after it are left out too: the row keeps its order
            used += _width(key)
            shown.add(key)
        for key in listed:
            if key.display != (key in shown):
                key.display = key in shown


def _width(key: Widget) -> int:
    """The cells the key takes in the row: its text, padding and margins."""
    styles = key.styles
    return (
        cell_len(str(key.render()))
        + styles.padding.left
        + styles.padding.right
        + styles.margin.left
        + styles.margin.right
    )
