"""Text from decks and files, made safe to draw: never markup, never a control character."""

from __future__ import annotations

from rich.text import Text

from caucasusquiz.text import strip_forbidden


def literal(text: str, style: str = "") -> Text:
    """`[bold]` in a card is shown as the characters `[bold]`, and ESC never reaches the terminal."""
    return Text(strip_forbidden(text), style=style)
