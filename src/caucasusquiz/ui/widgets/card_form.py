"""A card's fields as a form: the author screen's inline edit and the make-card form share it.

Sentence-long fields (a question, a cloze text, a statement, the context) wrap over
several lines, so a 25-word question or a two-sentence context is read whole while it is
edited; short ones (an answer, a list) are one-line inputs. Each field carries its label
in its top border, which keeps a four-field form on an 80×24 screen. Keys, the same in
both forms: Tab / Shift+Tab move between fields, Enter (in any field: a card's text is
one line) or Ctrl+S saves, and the screen's Esc cancels.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Input, TextArea

from caucasusquiz.authoring.deck_text import FieldValue
from caucasusquiz.decks.model import CardType

LIST_SEPARATOR = ";"
LONG_FIELDS = ("text", "question", "statement", "context")
CONTEXT_LABEL = "Context: the sentence shown after the answer"


def form_keys(escape: str = "cancel") -> str:
    """The line under a form's title that says how it is used."""
    return f"Tab/Shift+Tab: fields · Enter or Ctrl+S: save · Esc: {escape}"


class FieldArea(TextArea):
    """A long text field: wrapped, Enter saves the form (a card's text is one line), Tab moves on."""

    DEFAULT_CSS = """
    FieldArea { height: auto; max-height: 8; }
    """

    class Submitted(Message):
        pass

    def __init__(self, text: str, *, id: str, classes: str) -> None:
        super().__init__(text, soft_wrap=True, tab_behavior="focus", id=id, classes=classes)

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Submitted())
            return
        await super()._on_key(event)


class CardForm(VerticalScroll):
    """Labelled fields, one per card field: `(name, label, text)` in the order shown.

    Posts `CardForm.Saved` on Enter or Ctrl+S; the field widgets' ids are `prefix + name`.
    """

    DEFAULT_CSS = """
    CardForm { height: 1fr; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        # Priority bindings run while the app dispatches the key, so the focus has moved
        # before the next key is dispatched: "Tab X" in one terminal read (a paste, a fast
        # typist) puts the X in the next field. Left to the field, the X went to the one left.
        Binding("tab", "move_focus(1)", "Next field", show=False, priority=True),
        Binding("shift+tab", "move_focus(-1)", "Previous field", show=False, priority=True),
    ]

    class Saved(Message):
        def __init__(self, form: CardForm) -> None:
            super().__init__()
            self.form = form

    def __init__(self, fields: Iterable[tuple[str, str, str]], *, prefix: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.fields = tuple(fields)
        self.prefix = prefix

    def compose(self) -> ComposeResult:
        for name, label, text in self.fields:
            widget: Input | FieldArea
            if name in LONG_FIELDS:
                widget = FieldArea(text, id=self.prefix + name, classes="form-field")
            else:
                widget = Input(value=text, id=self.prefix + name, classes="form-field")
            widget.border_title = label
            yield widget

    def values(self) -> dict[str, str]:
        """Every field's text, by field name."""
        return {str(widget.id).removeprefix(self.prefix): _text_of(widget) for widget in self._widgets()}

    def changed(self) -> dict[str, str]:
        """Only the fields whose text differs from what the form opened with (nothing else is rewritten)."""
        opened = {name: " ".join(text.splitlines()) for name, _, text in self.fields}
        return {name: text for name, text in self.values().items() if text != opened.get(name)}

    def focus_first(self) -> None:
        """The first field, with the cursor at the end of its text."""
        if self.screen.focused in self._widgets():
            return  # keys typed while the form opened (Tab, then text) already moved on
        for widget in self._widgets():
            widget.focus()
            if isinstance(widget, Input):
                widget.cursor_position = len(widget.value)
            else:
                widget.move_cursor(widget.document.end)
            return

    def action_move_focus(self, step: int) -> None:
        """The next (1) or previous (-1) field, round the form; set now, not after this key."""
        fields = self._widgets()
        focused = self.screen.focused
        # Before the form has focused its first field (a Tab typed as it opens), that field
        # is the one the author sees as current.
        current = fields.index(focused) if focused in fields else 0
        if fields:
            self.screen.set_focus(fields[(current + step) % len(fields)])

    def _widgets(self) -> list[Input | FieldArea]:
        return [w for w in self.query(".form-field") if isinstance(w, (Input, FieldArea))]

    def action_save(self) -> None:
        self.post_message(self.Saved(self))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_field_area_submitted(self, event: FieldArea.Submitted) -> None:
        event.stop()
        self.action_save()


def _text_of(widget: Input | FieldArea) -> str:
    # Line breaks cannot be part of a card's text: pasted ones become spaces.
    return " ".join(widget.text.splitlines()) if isinstance(widget, TextArea) else widget.value


def parse_form(card_type: str, values: dict[str, str]) -> dict[str, FieldValue | None]:
    """What a form says, as field changes: lists split, true/false as booleans, empty lists and an
    empty context removed."""
    changes: dict[str, FieldValue | None] = {}
    for name, value in values.items():
        value = value.strip()
        if name in ("accept", "distractors"):
            items = [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()]
            changes[name] = items if items else None
        elif name == "answer" and card_type == CardType.TRUEFALSE.value:
            word = value.lower()
            truth = {"true": True, "t": True, "yes": True, "false": False, "f": False, "no": False}
            changes[name] = truth.get(word, value)
        elif name == "context":
            changes[name] = value or None
        else:
            changes[name] = value
    return changes


def list_text(items: Iterable[object]) -> str:
    """A list field as the form shows it: `Wilson; Woodrow Wilson`."""
    return f"{LIST_SEPARATOR} ".join(str(item) for item in items)
