"""Review: one card at a time. Question → answer → feedback with the source → rating → next card.

The screen only draws; the StudySession decides. Every rating is on disk when
`session.rate()` returns, before the next card is drawn.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.geometry import Region
from textual.reactive import Reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Header, Input, Static

from caucasusquiz.decks.model import Card, CardType
from caucasusquiz.errors import UserError
from caucasusquiz.study import humanize
from caucasusquiz.study.answers import AnswerCheck, Verdict
from caucasusquiz.study.rating import Rating
from caucasusquiz.study.session import StudySession, UndoKind
from caucasusquiz.text import plural
from caucasusquiz.ui import keys
from caucasusquiz.ui.editor import edit_card
from caucasusquiz.ui.keys import Step
from caucasusquiz.ui.notify_errors import notify_user_errors
from caucasusquiz.ui.same_frame import flush_pending_refreshes
from caucasusquiz.ui.screens.app_screen import AppScreen
from caucasusquiz.ui.shorten import shorten
from caucasusquiz.ui.stray_typing import KeyFate, StrayTyping, ignored_words
from caucasusquiz.ui.widgets.card_text import (
    VERDICT_LABELS,
    answer_span,
    feedback_text,
    line_starts,
    prompt_text,
    rating_text,
    sentence_text,
    source_text,
)
from caucasusquiz.ui.widgets.literal import literal
from caucasusquiz.ui.widgets.review_parts import CardBody, CardText
from caucasusquiz.ui.widgets.session_bar import SessionBar

# The same digit again this soon after it picked an option is a double tap, not a rating:
# the learner has not seen the feedback yet.
DOUBLE_TAP_SECONDS = 0.3

# The key the review's hint bar shows at any width: the way out of the session.
# The answer box's placeholder, longest first: the longest that fits the box is shown.
ANSWER_PLACEHOLDERS = (
    "Type the answer · Enter checks it · Enter on empty shows it",
    "Type the answer · ⏎ checks it · empty ⏎ shows it",
    "Answer · ⏎ checks · empty ⏎ shows",
)
KEPT_HINT_ACTIONS = frozenset({"end", "app.help"})
# Where the key line is short of room, the keys it keeps after the step's own (answer, rate)
# and the kept ones, most useful first: at 60 columns `o source` and `? help` fell off while
# `b bury` and `s suspend` stayed.
HINT_PRIORITY = ("show_source", "undo", "edit_card", "bury", "suspend", "scroll_card")

# Beside the source line when the card is taller than its room (the scroll bar is thin).
MORE = "   ↑↓ more"


UNDONE_WORDS: dict[UndoKind, str] = {
    "answer": "Answer taken back: try again.",
    "rating": "Undone: that card again.",
    "bury": "Undone: no longer buried.",
    "suspend": "Undone: no longer suspended.",
}

# An answer taken back after its feedback showed the answer: its retry keeps its grade.
SEEN_ANSWER_WORDS = "You saw the answer: rated {} unless you choose otherwise."

# Undone, on disk, for a card removed from its deck since: it is not asked again.
UNDONE_REMOVED_WORDS: dict[UndoKind, str] = {
    "answer": "Answer taken back",
    "rating": "Rating taken back",
    "bury": "No longer buried",
    "suspend": "No longer suspended",
}


class AnswerInput(Input):
    """The typed-answer box. Ctrl+E edits the card here (an Input would move to the line's end).

    Its cursor does not blink: a blink redraws the screen twice a second, and a key pressed
    just after such a frame waited for the next frame tick before its answer was drawn.
    """

    BINDINGS = [Binding("ctrl+e", "screen.edit_card('ctrl')", "Edit")]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Set by Enter until the next card: the answer is final, later keys are not text.
        self.sealed = False

    def on_mount(self) -> None:
        self.cursor_blink = False

    async def _on_key(self, event: events.Key) -> None:
        # Enter is taken here, not by Input's binding: a binding runs only once the key has
        # bubbled up to the app, and keys that came in the same terminal read as Enter (a
        # fast "⏎3", or SSH batching) would be typed into the answer before it was checked.
        # The screen is called, not sent a Submitted message: the "3" must find the answer
        # already checked (feedback shown), and a message would be handled after it.
        if self.sealed:  # not text (Input's handler is skipped): it bubbles on to the screen
            event.prevent_default()
            return
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.sealed = True
            screen = self.screen
            if isinstance(screen, ReviewScreen):
                screen.submit_answer(self.value)
            return
        await super()._on_key(event)


# The cells of the longest "<type> · " before the deck's title on the top line.
WHERE_LABEL_CELLS = max(cell_len(f"{kind.label} · ") for kind in CardType)


class ReviewScreen(AppScreen[None]):
    HELP_TITLE = "review"
    ONE_TOAST_AT_A_TIME = True  # a new toast dismisses the one shown (CaucasusQuizApp.notify)
    KEYS = keys.REVIEW_KEYS  # the help screen lists these
    BINDINGS = keys.bindings(keys.REVIEW_KEYS)

    # The answer box gains and loses focus on every card. Textual repaints the whole screen
    # when the focus moves, after the frame that drew the answer: a second, full frame on
    # the key path. The widgets whose look depends on focus restyle and repaint themselves.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def __init__(self, session: StudySession, title: str) -> None:
        super().__init__()
        self.session = session
        self.session_title = title
        self.phase = "question"
        self.chosen: int | None = None  # the option picked on a choice card
        self._option_key: tuple[int, float] | None = None  # the digit that answered, and when
        # What the hint bar and the counts line show now: redrawn only when that changes.
        self._hints_for: tuple[Step, int, int] | None = None
        self._hint_lines: dict[tuple[Step, int, int], Text] = {}  # built once per step and width
        self._counts_shown: tuple[int, int, int] | None = None
        # Answers rated in this session (the progress bar's count), kept here: the session's
        # summary is counted from all its answers, and is built once, when it is shown.
        self._rated = 0
        self._stray_typing = StrayTyping()  # a word typed where no answer box is
        self._hold_timer: Timer | None = None  # a held command letter's wait for the next key

    # -- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="review-top"):
            yield Static(id="review-where")
            yield Static(id="review-counts")
        yield SessionBar(id="session-progress")
        with CardBody(id="review-body"):
            yield CardText(id="prompt")
            yield AnswerInput(id="answer-input", placeholder=ANSWER_PLACEHOLDERS[0])
            yield CardText(id="options")
            yield CardText(id="feedback")
            yield CardText(id="context")
        # Below the scrolling card, so a long card never pushes them off screen.
        yield CardText(id="source-line")
        yield CardText(id="ratings")
        yield Static(id="key-hints")

    def on_mount(self) -> None:
        self.sub_title = self.session_title
        self._stray_typing.hold = self.app.letter_hold
        self.watch(self.app, "decks_version", lambda _: self._decks_changed(), init=False)
        self.show_card(self.session.next_card())

    # -- drawing -----------------------------------------------------------------------

    @property
    def step(self) -> Step:
        card = self.session.current
        if self.phase == "feedback" or card is None:
            return Step.FEEDBACK
        if card.is_typed:
            return Step.TYPING
        return Step.TRUE_FALSE if card.type is CardType.TRUEFALSE else Step.CHOOSING

    def show_card(self, card: Card | None) -> None:
        if card is None:
            self.action_end()
            return
        self.phase = "question"
        self.chosen = None
        self._option_key = None
        self._stop_hold_timer()
        self._stray_typing.reset()
        self._draw_where(card)
        self.query_one("#prompt", Static).update(prompt_text(card, width=self._prompt_width()))
        self._show("#feedback", "#context", "#ratings", "#source-line", visible=False)
        answer_input = self.query_one("#answer-input", AnswerInput)
        options = self.query_one("#options", Static)
        answer_input.display = card.is_typed
        options.display = not card.is_typed
        if card.is_typed:
            answer_input.value = ""
            answer_input.sealed = False
            # Focused now, not after this handler (Widget.focus): in the same frame as the card.
            self.set_focus(answer_input)
        else:
            options.update(self._options_text(card))
            self.set_focus(None)
        self._update_counts()
        self._update_hints()
        flush_pending_refreshes(self)  # the whole answer in the next frame
        early = self.session.early_by
        if early is not None:  # the learn-ahead rule, said rather than silent
            self.notify(
                f"Early: due in {humanize.interval(early)}, shown now as nothing else is due.", timeout=3
            )

    def _seen_answer_words(self) -> str | None:
        seen = self.session.seen_answer
        if seen is None:
            return None
        return SEEN_ANSWER_WORDS.format("Hard" if seen is Verdict.ALMOST else "Again")

    def _draw_where(self, card: Card) -> None:
        """The card's type and deck. A long deck title is shortened as everywhere (ui.shorten),
        in the room the longest type leaves, so that it reads the same on every card (it was
        cut at another letter whenever the type changed)."""
        deck = self.session.collection.deck(card.deck_id)
        # Beside the counts, as wide as they need: at 60 columns a 30-cell box for 22 cells
        # of counts cut "Relations today" to "Relatio…" with 15 columns left blank.
        room = self.size.width - 2 - self._counts_cells() - WHERE_LABEL_CELLS
        title = shorten(deck.title if deck else card.deck_id, max(room, 8))
        where = Text.assemble(card.type.label, " · ", literal(title))
        self.query_one("#review-where", Static).update(where, layout=False)

    def _prompt_width(self) -> int | None:
        # The card's box: the screen less margins, border and padding (6) and the scroll
        # bar's column, which is always kept (#review-body in app.tcss).
        return self.size.width - 7 if self.size.width > 20 else None

    def _show_context(self, card: Card) -> None:
        fact = self.app.fact_card(card)  # without `context:`, its source line
        sentence = sentence_text(fact)
        source = source_text(card, self.app.document_title(card), self._source_width())
        context = self.query_one("#context", Static)
        context.update(sentence)
        context.display = bool(sentence)
        line = self.query_one("#source-line", Static)
        line.update(source, layout=False)
        line.display = bool(source)

    def _source_width(self) -> int | None:
        # The source line is one line, with a margin of 2 on each side (#source-line in app.tcss).
        return self.size.width - 4 if self.size.width > 20 else None

    def on_resize(self, event: events.Resize) -> None:
        # The longest placeholder that fits the box (the box is the screen less 10 cells of
        # margins, borders and padding): at 60 columns the long one lost "shows it".
        room = event.size.width - 10
        fitting = [text for text in ANSWER_PLACEHOLDERS if cell_len(text) <= room]
        self.query_one("#answer-input", AnswerInput).placeholder = (fitting or ANSWER_PLACEHOLDERS[-1:])[0]
        card = self.session.current
        if card is not None:  # the card's lines are wrapped to the width
            self._draw_where(card)
            revealed = self.phase == "feedback"
            self.query_one("#prompt", Static).update(prompt_text(card, revealed, self._prompt_width()))
            if revealed:  # the source line's title is shortened to the width
                self._show_context(card)
            self._update_hints()

    def _show(self, *selectors: str, visible: bool) -> None:
        # Widgets are shown and hidden directly rather than through a class on the screen:
        # a screen class makes Textual restyle every widget below it, on every card.
        for selector in selectors:
            widget = self.query_one(selector)
            if widget.display != visible:  # each change asks for a layout
                widget.display = visible

    def _update_hints(self) -> None:
        step, card = self.step, self.session.current
        # A choice card with two distractors has three options: the key table names 1-3.
        options = len(self.session.options(card)) if step is Step.CHOOSING and card is not None else 0
        shown = (step, self.size.width or 80, options)
        if self._hints_for == shown:
            return  # the same step shows the same keys: nothing to redraw
        self._hints_for = shown
        hints = self._hint_lines.get(shown)
        if hints is None:
            hints = self._hint_lines[shown] = self._hint_line(*shown)
        self.query_one("#key-hints", Static).update(hints, layout=False)

    @staticmethod
    def _hint_line(step: Step, width: int, options: int = 0) -> Text:
        """The step's keys in the table's order, each whole, as many as fit; on a narrow
        screen Esc (end the session) and help are kept first: at 60 columns they fell off
        the end. Then the step's own keys, then HINT_PRIORITY's."""
        rows = keys.keys_for(step)

        def cells(row: keys.Key) -> int:
            return cell_len(row.label_for_options(options)) + cell_len(row.hint) + 3

        def priority(row: keys.Key) -> int:
            name = row.actions[0].split("(", 1)[0]
            return HINT_PRIORITY.index(name) + 1 if name in HINT_PRIORITY else 0

        kept = [row for row in rows if row.actions[0] in KEPT_HINT_ACTIONS]
        used = sum(cells(row) for row in kept)
        for row in sorted(rows, key=priority):  # stable: the table's order within a rank
            if row in kept or used + cells(row) > width:
                continue  # the rest are in the help screen
            kept.append(row)
            used += cells(row)
        hints = Text()
        for row in rows:
            if row in kept:
                hints.append(f" {row.label_for_options(options)} ", style="bold reverse")
                hints.append(f"{row.hint} ")
        return hints

    def _update_counts(self) -> None:
        session = self.session
        counts = session.counts
        shown = (counts.new, counts.learning, counts.review)
        if shown != self._counts_shown:
            self._counts_shown = shown
            self._draw_counts(shown)
        done = self._rated
        remaining = counts.total + (session.current is not None)
        if session.limit is not None:
            remaining = min(remaining, max(0, session.limit - done))
        self.query_one("#session-progress", SessionBar).update(total=done + remaining, progress=done)

    def _draw_counts(self, counts: tuple[int, int, int]) -> None:
        new, learning, review = counts
        text = Text.assemble(
            ("new ", "dim"),
            (str(new), "bold"),
            ("  learn ", "dim"),
            (str(learning), "bold"),
            ("  due ", "dim"),
            (str(review), "bold"),
        )
        # A fixed-width line: redrawn without a layout (see #review-counts in app.tcss),
        # unless the counts outgrow it (a digit more), which a card's redraw lays out anyway.
        box = self.query_one("#review-counts", Static)
        cells = self._counts_cells()
        if box.styles.width is None or box.styles.width.value != cells:
            box.styles.width = cells
        box.update(text, layout=False)

    def _counts_cells(self) -> int:
        """The counts' box: their text and a gap before it."""
        counts = self.session.counts
        digits = sum(len(str(n)) for n in (counts.new, counts.learning, counts.review))
        return len("new   learn   due ") + digits + 2

    def _options_text(self, card: Card, check: AnswerCheck | None = None) -> Text:
        lines = []
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
            lines.append(Text.assemble((f"{mark}{key}  ", "bold"), literal(option, style)))
        return Text("\n").join(lines)  # no blank line after the last: the feedback has its margin

    def show_feedback(self, check: AnswerCheck) -> None:
        card = self.session.current
        assert card is not None, "feedback is only shown for the card on screen"
        self.phase = "feedback"
        self.query_one("#answer-input").display = False
        self._show("#feedback", "#ratings", visible=True)
        self.query_one("#prompt", Static).update(prompt_text(card, revealed=True, width=self._prompt_width()))
        feedback = self.query_one("#feedback", Static)
        text = feedback_text(card, check)
        seen = self._seen_answer_words()
        if seen:
            text.append(f"\n{seen}", style="italic")
        feedback.update(text)
        feedback.set_classes(VERDICT_LABELS[check.verdict][1])
        self._show_context(card)
        if not card.is_typed:
            self.query_one("#options", Static).update(self._options_text(card, check))
        self.query_one("#ratings", Static).update(
            rating_text(self.session.preview(), self.session.suggested, self.size.width - 2)
        )
        self.set_focus(None)
        self._update_hints()
        flush_pending_refreshes(self)  # the whole answer in the next frame
        self.call_after_refresh(self._scroll_answer_into_view)

    def _scroll_answer_into_view(self) -> None:
        """A card taller than the screen scrolls: bring the lines of the context that hold the
        answer (of a true/false card, the whole sentence: any word may make it false) into
        view, scrolling no further than that, so the question stays in view if it can."""
        shown, context = self.session.current, self.query_one("#context", CardText)
        if self.phase != "feedback" or shown is None or not context.display or not context.size.width:
            return  # (no width: not laid out yet, as without same_frame; nothing to scroll to)
        card = self.app.fact_card(shown)  # the sentence as shown: its source line, without context
        lines = context.size.height
        first, last = 0, lines - 1
        span = answer_span(card)
        if span is not None:
            starts = [0, *line_starts(sentence_text(card).plain, context.size.width)]
            first, last = bisect_right(starts, span[0]) - 1, bisect_right(starts, span[1] - 1) - 1
        top = context.virtual_region.y + first
        body = self.query_one("#review-body", CardBody)
        body.scroll_to_region(Region(0, top, 1, last - first + 1), animate=False, immediate=True)
        if body.max_scroll_y:  # say so, and how, beside the source (the scroll bar is thin)
            width = self._source_width()
            source = source_text(card, self.app.document_title(card), width and width - cell_len(MORE))
            source.append(MORE, style="bold")
            self.query_one("#source-line", Static).update(source, layout=False)

    def action_scroll_card(self, lines: int) -> None:
        self.query_one("#review-body", CardBody).scroll_relative(y=lines, animate=False)

    # -- answering -----------------------------------------------------------------------

    async def on_key(self, event: events.Key) -> None:
        # Before the bindings (they are looked up once the key has passed the screen).
        fate = self._stray_typing.judge(self.step, event.key, event.character)
        if fate is KeyFate.PASS:
            return
        if fate is KeyFate.RELEASE:  # a command letter alone: it works first, then this key
            await self._release_held()
            return
        event.stop()
        event.prevent_default()
        if fate is KeyFate.HELD:  # does a letter follow? (ui/stray_typing.py)
            self._hold_timer = self.set_timer(self._stray_typing.hold, self._release_held)
            return
        self._stop_hold_timer()
        if fate is KeyFate.STARTED:
            card = self.session.current
            options = len(self.session.options(card)) if card is not None and not card.is_typed else 0
            self.notify(ignored_words(self.step, options), timeout=4)

    async def _release_held(self) -> None:
        """The held command letter does what its key does in this step."""
        self._stop_hold_timer()
        step, key = self.step, self._stray_typing.release()
        row = next((row for row in keys.keys_for(step) if key in row.keys), None) if key else None
        if row is not None and key is not None:
            await self.run_action(row.action_for(key))

    def _stop_hold_timer(self) -> None:
        if self._hold_timer is not None:
            self._hold_timer.stop()
            self._hold_timer = None

    def on_screen_suspend(self) -> None:
        self._stop_hold_timer()
        self._stray_typing.reset()  # another screen came: its keys start afresh here

    def submit_answer(self, typed: str) -> None:
        """The typed answer checked and its feedback shown, before any later key is handled."""
        if self.phase == "question" and self.session.current is not None:
            self.show_feedback(self.session.submit(typed))

    def action_number(self, number: int) -> None:
        card = self.session.current
        if card is None:
            return
        if self.phase == "feedback":
            if not self._double_tap(number):
                self._rate(Rating(number))
        elif not card.is_typed and number <= len(self.session.options(card)):
            self._choose(number - 1)
            self._option_key = (number, self.app.monotonic())

    def _double_tap(self, number: int) -> bool:
        if self._option_key is None:
            return False
        digit, at = self._option_key
        return digit == number and self.app.monotonic() - at < DOUBLE_TAP_SECONDS

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
        self._rated += 1
        self.show_card(self.session.next_card())
        if outcome.became_leech:
            deck = self.session.collection.deck(outcome.card.deck_id)
            where = f"{deck.path.name}:{outcome.card.line}" if deck else outcome.card.id
            self.notify(
                # The next card is on screen by now: e would edit that one, so say where it is.
                f"Forgotten {plural(outcome.progress.memory.lapses, 'time')}: tagged as a leech. "
                f"Consider rewording it: {where} (browser: is:leech).",
                title="Leech",
                severity="warning",
                timeout=10,
            )

    # -- commands --------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Each key works in the steps the key table gives it, and nowhere else.
        enabled = keys.enabled_in(self.step, action, parameters)
        return True if enabled is None else enabled

    @notify_user_errors
    def action_undo(self, _how: str = "") -> None:
        undone = self.session.undo()
        if undone is None:
            self.notify("Nothing to undo yet.", timeout=2)
            return
        if undone.kind == "rating":  # the session forgets that answer too
            self._rated -= 1
        if undone.card.key not in self.session.cards:  # removed from its deck since
            self.notify(
                f"{UNDONE_REMOVED_WORDS[undone.kind]}, but that card has since been removed from its "
                "deck: it is not asked again.",
                timeout=4,
            )
            if self.session.current is None:
                self.show_card(self.session.next_card())
            else:  # the card on screen stays as it is, with what was typed so far
                self._update_counts()
            return
        seen = self._seen_answer_words()
        self.notify(
            f"{UNDONE_WORDS[undone.kind]} {seen}" if seen else UNDONE_WORDS[undone.kind],
            timeout=4 if seen else 2,
        )
        self.show_card(self.session.current)

    @notify_user_errors
    def action_bury(self, _how: str = "") -> None:
        if self.session.current is None:
            return
        self.session.bury()
        self.show_card(self.session.next_card())
        self._notify_undoable("Buried until tomorrow", timeout=3)

    @notify_user_errors
    def action_suspend(self, _how: str = "") -> None:
        if self.session.current is None:
            return
        self.session.suspend()
        self.show_card(self.session.next_card())
        self._notify_undoable(
            "Suspended: it will not come up until you unsuspend it in the browser", timeout=4
        )

    def _notify_undoable(self, message: str, timeout: float) -> None:
        # Named after the next card is drawn: the undo key is the one that works there.
        if self.is_current:
            message += f" ({keys.label_for('undo', self.step)}: undo)"
        self.notify(message + ".", timeout=timeout)

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
        edit_card(self.app, card)  # the app reloads the decks; decks_version brings them here

    def _decks_changed(self) -> None:
        """Decks were reloaded: the session follows them; the card on screen shows its new
        wording, or, if it was removed, the next card comes."""
        session = self.session
        shown = session.current
        session.update_decks(self.app.require_workspace().collection)
        card = session.current
        if card is None:
            if shown is not None:
                self.notify("The card on screen was removed from its deck.", timeout=3)
                self.show_card(session.next_card())
            return
        self._update_counts()
        width = self._prompt_width()
        if self.phase == "question":
            self.query_one("#prompt", Static).update(prompt_text(card, width=width))
            if not card.is_typed:
                self.query_one("#options", Static).update(self._options_text(card))
        else:
            self.query_one("#prompt", Static).update(prompt_text(card, revealed=True, width=width))
            self._show_context(card)

    def action_end(self) -> None:
        from caucasusquiz.ui.screens.summary import SummaryScreen

        unrated = self.phase == "feedback" and self.session.current is not None
        summary = self.session.finish()
        self.app.switch_screen(SummaryScreen(summary, self.session_title, unrated_answer=unrated))
