"""The review screen's card body and its text blocks, laid out once per answer.

Textual's widgets ask for a layout when their virtual (scrollable) size changes. Here that
size only ever changes during a layout (a card's text is replaced, a block shown or
hidden), which has already placed every widget at its new size; the request it makes then
is a second, identical layout one frame later. On the review screen that second frame
came after every answer, and a key pressed just after the answer was drawn waited for it.
These subclasses keep the new size without asking for that layout; scroll bars still
follow it (Textual updates them from the layout itself).
"""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Static


class CardBody(VerticalScroll):
    """The scrolling part of the review screen: question, answer box or options, feedback."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=False)


class CardText(Static):
    """A block of the card (question, options, feedback, context, source, ratings)."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=False)
