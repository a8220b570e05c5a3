"""Review: one card at a time. Question → answer → feedback with the source → rating → next card.

The screen only draws; the StudySession decides. Every rating is on disk when
`session.rate()` returns, before the next card is drawn.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Input, ProgressBar, Static

from caucasusquiz.decks.model import Card, CardType
from caucasusquiz.errors import UserError
from caucasusquiz.study.answers import AnswerCheck
from caucasusquiz.study.rating import Rating
from caucasusquiz.study.session import StudySession
from caucasusquiz.ui.editor import edit_card
from caucasusquiz.ui.notify_errors import notify_user_errors
from caucasusquiz.ui.widgets.card_text import (
    VERDICT_LABELS,
    context_text,
    feedback_text,
    prompt_text,
    rating_text,
)
from caucasusquiz.ui.widgets.literal import literal

# Actions that have a plain key when no text input has focus, and a ctrl key while typing.
COMMANDS = ("undo", "bury", "suspend", "edit_card", "show_source")


class AnswerInput(Input):
    """The typed-answer box. Ctrl+E edits the card here (an Input would move to the line's end)."""

    BINDINGS = [Binding("ctrl+e", "screen.edit_card('ctrl')", "Edit")]

    def on_mount(self) -> None:
        # Nobody sees a headless app blink; a steady cursor keeps screenshots comparable.
        if self.app.is_headless:
            self.cursor_blink = False


class ReviewScreen(Screen[None]):
    HELP_TITLE = "review"
    BINDINGS = [
        Binding("1", "number(1)", "Again", show=False),
        Binding("2", "number(2)", "Hard", show=False),
        Binding("3", "number(3)", "Good", show=False),
        Binding("4", "number(4)", "Easy", show=False),
        Binding("t", "true_false(True)", "True", show=False),
        Binding("f", "true_false(False)", "False", show=False),
        Binding("enter", "accept", "Accept / show answer"),
        Binding("u", "undo('plain')", "Undo"),
        Binding("ctrl+z", "undo('ctrl')", "Undo"),
        Binding("b", "bury('plain')", "Bury"),
        Binding("ctrl+b", "bury('ctrl')", "Bury"),
        Binding("s", "suspend('plain')", "Suspend"),
        Binding("ctrl+s", "suspend('ctrl')", "Suspend"),
        Binding("e", "edit_card('plain')", "Edit"),
        Binding("o", "show_source('plain')", "Source"),
        Binding("ctrl+o", "show_source('ctrl')", "Source"),
        Binding("escape", "end", "End session"),
    ]

    def __init__(self, session: StudySession, title: str) -> None:
        super().__init__()
        self.session = session
        self.session_title = title
        self.phase = "question"
        self.chosen: int | None = None  # the option picked on a choice card

    # -- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="review-top"):
            yield Static(id="review-where")
            yield Static(id="review-counts")
        yield ProgressBar(id="session-progress", show_eta=False, show_percentage=False)
        with VerticalScroll(id="review-body"):
            yield Static(id="prompt")
            yield AnswerInput(
                id="answer-input", placeholder="Type the answer · Enter checks it · Enter on empty shows it"
            )
            yield Static(id="options")
            yield Static(id="feedback")
            yield Static(id="ratings")
            yield Static(id="context")
        yield Static(id="key-hints")

    def on_mount(self) -> None:
        self.sub_title = self.session_title
        self.watch(self.app, "decks_version", lambda _: self._decks_changed(), init=False)
        self.show_card(self.session.next_card())

    # -- drawing -----------------------------------------------------------------------

    @property
    def typing(self) -> bool:
        card = self.session.current
        return self.phase == "question" and card is not None and card.is_typed

    def show_card(self, card: Card | None) -> None:
        if card is None:
            self.action_end()
            return
        self.phase = "question"
        self.chosen = None
        deck = self.session.collection.deck(card.deck_id)
        where = Text.assemble(card.type.label, " · ", literal(deck.title if deck else card.deck_id))
        where.truncate(self.size.width - 26, overflow="ellipsis")
        self.query_one("#review-where", Static).update(where)
        self._update_counts()
        self.query_one("#prompt", Static).update(prompt_text(card))
        self._show("#feedback", "#context", "#ratings", visible=False)
        answer_input = self.query_one("#answer-input", AnswerInput)
        options = self.query_one("#options", Static)
        answer_input.display = card.is_typed
        options.display = not card.is_typed
        if card.is_typed:
            answer_input.value = ""
            answer_input.focus()
        else:
            options.update(self._options_text(card))
            self.set_focus(None)
        self._update_hints()

    def _show(self, *selectors: str, visible: bool) -> None:
        # Widgets are shown and hidden directly rather than through a class on the screen:
        # a screen class makes Textual restyle every widget below it, on every card.
        for selector in selectors:
            self.query_one(selector).display = visible

    def _update_hints(self) -> None:
        card = self.session.current
        if self.phase == "feedback":
            keys = [
                ("1-4", "rate"),
                ("⏎", "accept"),
                ("u", "undo"),
                ("b", "bury"),
                ("s", "suspend"),
                ("e", "edit"),
                ("o", "source"),
            ]
        elif card is not None and card.is_typed:
            keys = [
                ("⏎", "check"),
                ("^z", "undo"),
                ("^b", "bury"),
                ("^s", "suspend"),
                ("^e", "edit"),
                ("^o", "source"),
            ]
        else:
            choose = "t/f" if card is not None and card.type is CardType.TRUEFALSE else "1-4"
            keys = [
                (choose, "answer"),
                ("⏎", "show"),
                ("u", "undo"),
                ("b", "bury"),
                ("s", "suspend"),
                ("e", "edit"),
                ("o", "source"),
            ]
        keys += [("esc", "end"), ("?", "help")]
        hints = Text()
        width = self.size.width or 80
        for key, what in keys:
            if hints.cell_len + len(key) + len(what) + 3 > width:
                break  # the rest are in the help screen (?)
            hints.append(f" {key} ", style="bold reverse")
            hints.append(f"{what} ")
        self.query_one("#key-hints", Static).update(hints)

    def _update_counts(self) -> None:
        session = self.session
        counts = session.counts
        text = Text.assemble(
            ("new ", "dim"),
            (str(counts.new), "bold"),
            ("  learn ", "dim"),
            (str(counts.learning), "bold"),
            ("  due ", "dim"),
            (str(counts.review), "bold"),
        )
        self.query_one("#review-counts", Static).update(text)
        done = session.summary.cards_done
        remaining = counts.total + (session.current is not None)
        if session.limit is not None:
            remaining = min(remaining, max(0, session.limit - done))
        self.query_one("#session-progress", ProgressBar).update(total=max(1, done + remaining), progress=done)

    def _options_text(self, card: Card, check: AnswerCheck | None = None) -> Text:
        text = Text()
        for number, option in enumerate(self.session.options(card), start=1):
            key = (
                {True: "t", False: "f"}[option == "True"] if card.type is CardType.TRUEFALSE else str(number)
            )
            mark = "  "
            style = ""
            if check is not None:
                if option == check.expected:
                    mark, style = "✓ ", "bold"
                elif number - 1 == self.chosen:
                    mark, style = "✗ ", "strike"
            text.append(f"{mark}{key}  ", style="bold")
            text.append_text(literal(option, style))
            text.append("\n")
        return text

    def show_feedback(self, check: AnswerCheck) -> None:
        card = self.session.current
        self.phase = "feedback"
        self.query_one("#answer-input").display = False
        self._show("#feedback", "#context", "#ratings", visible=True)
        self.query_one("#prompt", Static).update(prompt_text(card, revealed=True))
        feedback = self.query_one("#feedback", Static)
        feedback.update(feedback_text(card, check))
        feedback.set_classes(VERDICT_LABELS[check.verdict][1])
        self.query_one("#context", Static).update(context_text(card))
        if not card.is_typed:
            self.query_one("#options", Static).update(self._options_text(card, check))
        self.query_one("#ratings", Static).update(rating_text(self.session.preview(), self.session.suggested))
        self.set_focus(None)
        self._update_hints()

    # -- answering -----------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.phase == "question" and self.session.current is not None:
            self.show_feedback(self.session.submit(event.value))

    def action_number(self, number: int) -> None:
        card = self.session.current
        if card is None:
            return
        if self.phase == "feedback":
            self._rate(Rating(number))
        elif not card.is_typed and number <= len(self.session.options(card)):
            self._choose(number - 1)

    def action_true_false(self, value: bool) -> None:
        card = self.session.current
        if self.phase == "question" and card is not None and card.type is CardType.TRUEFALSE:
            self._choose(0 if value else 1)

    def _choose(self, index: int | None) -> None:
        self.chosen = index
        option = self.session.options()[index] if index is not None else ""
        self.show_feedback(self.session.choose(index, typed=option))

    def action_accept(self) -> None:
        card = self.session.current
        if card is None:
            return
        if self.phase == "feedback":
            self._rate(None)
        elif not card.is_typed:
            self._choose(None)

    def _rate(self, rating: Rating | None) -> None:
        try:
            outcome = self.session.rate(rating)
        except UserError as exc:  # e.g. the disk became read-only: nothing is lost, say so
            self.notify(f"{exc} — this answer was not saved.", severity="error", timeout=10)
            return
        if outcome.became_leech:
            deck = self.session.collection.deck(outcome.card.deck_id)
            where = f"{deck.path.name}:{outcome.card.line}" if deck else outcome.card.id
            self.notify(
                f"Forgotten {outcome.progress.memory.lapses} times: tagged as a leech. "
                f"Consider rewording it ({where}, key e).",
                title="Leech",
                severity="warning",
                timeout=10,
            )
        self.show_card(self.session.next_card())

    # -- commands --------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in COMMANDS and parameters:
            # Show the plain key or the ctrl key, whichever works right now.
            return (parameters[0] == "ctrl") == self.typing
        return True

    @notify_user_errors
    def action_undo(self, _how: str = "") -> None:
        card = self.session.undo()
        if card is None:
            self.notify("Nothing to undo yet.")
            return
        self.notify("Undone.", timeout=2)
        self.show_card(card)

    @notify_user_errors
    def action_bury(self, _how: str = "") -> None:
        if self.session.current is None:
            return
        self.session.bury()
        self.notify("Buried until tomorrow (u: undo).", timeout=3)
        self.show_card(self.session.next_card())

    @notify_user_errors
    def action_suspend(self, _how: str = "") -> None:
        if self.session.current is None:
            return
        self.session.suspend()
        self.notify(
            "Suspended: it will not come up until you unsuspend it in the browser (u: undo).", timeout=4
        )
        self.show_card(self.session.next_card())

    def action_show_source(self, _how: str = "") -> None:
        from caucasusquiz.ui.screens.source import SourceScreen

        card = self.session.current
        if card is not None:
            self.app.push_screen(SourceScreen(card))

    @notify_user_errors
    def action_edit_card(self, _how: str = "") -> None:
        card = self.session.current
        if card is None:
            return
        edit_card(self.app, card, on_done=self._after_edit)

    def _after_edit(self) -> None:
        self._decks_changed()

    def _decks_changed(self) -> None:
        """Decks were reloaded: keep the session going with the new wording."""
        self.session.update_decks(self.app.require_workspace().collection)
        card = self.session.current
        if card is None:
            return
        if self.phase == "question":
            self.query_one("#prompt", Static).update(prompt_text(card))
            if not card.is_typed:
                self.query_one("#options", Static).update(self._options_text(card))
        else:
            self.query_one("#prompt", Static).update(prompt_text(card, revealed=True))
            self.query_one("#context", Static).update(context_text(card))

    def action_end(self) -> None:
        from caucasusquiz.ui.screens.summary import SummaryScreen

        self.app.switch_screen(SummaryScreen(self.session.finish(), self.session_title))
