"""Modal dialogs: a yes/no question, a question with several answers, and a message with what to do.

Enter presses the focused button. A question whose yes loses something (a profile and its
progress) starts with the safe answer focused, as confirmation dialogs do: Enter pressed
out of habit keeps things as they are, and the dangerous answer takes a deliberate key.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmScreen(ModalScreen[bool]):
    """Ask one question; dismisses with True (yes) or False (no / Escape).

    `default` is the button focused at first, the one Enter presses. Pass "no" when yes
    destroys something: the yes button is then drawn as a warning and the no button as the
    main one.
    """

    BINDINGS = [
        Binding("escape", "answer(False)", "Cancel"),
        Binding("y", "answer(True)", "Yes", show=False),
        Binding("n", "answer(False)", "No", show=False),
    ]

    def __init__(
        self,
        title: str,
        message: str,
        yes: str = "Yes",
        no: str = "No",
        *,
        default: Literal["yes", "no"] = "yes",
        key_line: str | None = None,
    ) -> None:
        super().__init__()
        self.title_text, self.message, self.yes, self.no = title, message, yes, no
        self.default = default
        self.key_line = key_line  # the keys, said beside the buttons (colour alone said which is focused)

    def compose(self) -> ComposeResult:
        destructive = self.default == "no"
        with Vertical(id="dialog"):
            yield Static(Text(self.title_text), classes="title")
            yield Static(Text(self.message))
            with Horizontal(id="dialog-buttons"):
                if self.key_line:
                    yield Static(Text(self.key_line), id="dialog-keys", classes="-shown")
                yield Button(self.no, id="no", variant="primary" if destructive else "default")
                yield Button(self.yes, id="yes", variant="error" if destructive else "primary")

    def on_mount(self) -> None:
        self.query_one(f"#{self.default}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


@dataclass(frozen=True, slots=True)
class Choice:
    """One answer of a ChoiceScreen: what it returns, its button, and a letter that picks it."""

    value: str
    label: str
    key: str | None = None


class ChoiceScreen(ModalScreen[str]):
    """Ask a question with several answers; dismisses with the chosen one's value, or with
    `cancel` on Escape. The `default` answer is focused at first (Enter picks it): make it
    the safe one."""

    DEFAULT_CSS = """
    ChoiceScreen {
        align: center middle;
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, message: str, choices: list[Choice], *, default: str, cancel: str) -> None:
        super().__init__()
        self.title_text, self.message, self.choices = title, message, choices
        self.default, self.cancel = default, cancel
        self._by_key = {choice.key: choice.value for choice in choices if choice.key}

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text(self.title_text), classes="title")
            yield Static(Text(self.message))
            keyed = [
                f"{choice.key}{' or Esc' if choice.value == self.cancel else ''}: {choice.label}"
                for choice in self.choices
                if choice.key
            ]
            if keyed:  # without Tab, the letters are the way to an answer other than Enter's
                yield Static(Text(" · ".join(keyed)), classes="muted")
            with Horizontal(id="dialog-buttons"):
                for number, choice in enumerate(self.choices):
                    yield Button(
                        Text(choice.label),
                        id=f"choice-{number}",
                        variant="primary" if choice.value == self.default else "default",
                    )

    def on_mount(self) -> None:
        number = next(i for i, choice in enumerate(self.choices) if choice.value == self.default)
        self.query_one(f"#choice-{number}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        number = int((event.button.id or "choice-0").removeprefix("choice-"))
        self.dismiss(self.choices[number].value)

    def on_key(self, event: events.Key) -> None:
        value = self._by_key.get(event.character or "")
        if value is not None:
            event.stop()
            self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(self.cancel)


class MessageScreen(ModalScreen[None]):
    """Show a message (an error and what to do about it); any of Enter/Escape closes it.

    A message taller than the screen (a list of deck problems) scrolls by keyboard inside
    the dialog, while its title, hint and buttons stay in view; the key line says how.
    """

    BINDINGS = [
        Binding("escape,enter", "close", "Close"),
        Binding("down", "scroll_message('down')", show=False),
        Binding("up", "scroll_message('up')", show=False),
        Binding("pagedown,space", "scroll_message('page_down')", show=False),
        Binding("pageup", "scroll_message('page_up')", show=False),
        Binding("home", "scroll_message('home')", show=False),
        Binding("end", "scroll_message('end')", show=False),
    ]
    KEYS_TEXT = "↓ PgDn End: more   ⏎ close"

    def __init__(self, title: str, message: str, hint: str | None = None) -> None:
        super().__init__()
        self.title_text, self.message, self.hint = title, message, hint

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text(self.title_text), classes="title")
            with VerticalScroll(id="dialog-scroll", can_focus=False):
                yield Static(Text(self.message), id="dialog-message")
            if self.hint:
                yield Static(Text(self.hint), classes="muted")
            with Horizontal(id="dialog-buttons"):
                yield Static(Text(self.KEYS_TEXT), id="dialog-keys")
                yield Button("OK", id="ok", variant="primary")

    def on_mount(self) -> None:
        self.call_after_refresh(self.fit_message)

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit_message)

    def fit_message(self) -> None:
        """Long: the dialog takes the height it may have and the message scrolls inside it;
        short: the dialog is as tall as its text, as before (measured, not guessed: the
        message wraps at the dialog's width)."""
        dialog = self.query_one("#dialog", Vertical)
        message = self.query_one("#dialog-message", Static)
        width = self.query_one("#dialog-scroll", VerticalScroll).content_region.width
        if width <= 0:
            return
        needed = message.get_content_height(self.size, self.size, width)
        # Everything else in the dialog: its border and padding, the title, hint and buttons.
        chrome = dialog.styles.gutter.height + sum(
            child.outer_size.height + child.styles.margin.height
            for child in dialog.children
            if child.id != "dialog-scroll" and child.display
        )
        long = needed + chrome > int(self.size.height * 0.9)
        dialog.set_class(long, "-long")
        self.query_one("#dialog-keys", Static).display = long

    def action_scroll_message(self, how: str) -> None:
        scroll = self.query_one("#dialog-scroll", VerticalScroll)
        getattr(scroll, f"scroll_{how}")(animate=False)

    def on_button_pressed(self) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
