"""A student's screens for a live class quiz: join with code and name, then answer each question.

Choice and true/false questions take one key (1–4, t/f); typed ones an answer and Enter,
checked leniently. At each reveal the student sees their result, points and rank.
Leaving and joining again with the same name keeps the score.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.events import Key
from textual.screen import Screen
from textual.widgets import Digits, Input, Static

from caucasusquiz.classroom.session import ClassSession, ClassView, Phase
from caucasusquiz.classroom.storage import ClassDatabase
from caucasusquiz.errors import UserError
from caucasusquiz.ui.notify_errors import notify_user_errors
from caucasusquiz.ui.screens.class_header import status_line
from caucasusquiz.ui.widgets.class_parts import (
    VERDICT_STYLE,
    VERDICT_WORD,
    question_text,
    standings_text,
)
from caucasusquiz.ui.widgets.fitting_footer import FittingFooter
from caucasusquiz.ui.widgets.literal import literal

POLL_SECONDS = 0.25


class JoinClassScreen(Screen[None]):
    """Code and name; Enter in the last box joins. Used from the home screen and `class join`."""

    HELP_TITLE = "join a class"
    BINDINGS = [Binding("escape", "leave", "Back")]

    def __init__(
        self,
        data_dir: Path,
        clock: Callable[[], datetime],
        code: str = "",
        name: str = "",
        fixed_name: bool = False,
    ) -> None:
        super().__init__()
        self.data_dir, self.clock, self.code, self.student_name = data_dir, clock, code, name
        # In a served tab a student joins as their profile: another's name would take over
        # that student's place and score.
        self.fixed_name = fixed_name and bool(name)

    def compose(self) -> ComposeResult:
        with Vertical(id="join-form"):
            yield Static("Join a class quiz", id="join-title")
            yield Static("The code is on the teacher's screen.", classes="muted")
            yield Input(self.code, placeholder="class code, e.g. 123456", id="join-code")
            yield Input(self.student_name, placeholder="your name", id="join-name", disabled=self.fixed_name)
            yield Static(id="join-error")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one("#join-name" if self.code and not self.student_name else "#join-code", Input).focus()
        if self.code.strip() and self.student_name.strip():
            # Both given (`class join CODE --name NAME`): join at once; the form stays
            # only when that fails, with the reason under it.
            self.join(self.code.strip(), self.student_name.strip())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        code = self.query_one("#join-code", Input).value.strip()
        name = self.query_one("#join-name", Input).value.strip()
        if self.fixed_name:
            name = self.student_name
        if event.input.id == "join-code" and not name:
            self.query_one("#join-name", Input).focus()
            return
        self.join(code, name)

    def join(self, code: str, name: str) -> None:
        try:
            database = ClassDatabase.open(self.data_dir)
            try:
                session = ClassSession.find(database, code, self.clock)
                student_id = session.join(name)
            except UserError:
                database.close()
                raise
        except UserError as exc:
            message = str(exc) + (f" ({exc.hint})" if exc.hint else "")
            self.query_one("#join-error", Static).update(Text(message, style="bold red"))
            return
        self.app.switch_screen(ClassStudentScreen(session, student_id, name))

    def action_leave(self) -> None:
        leave_class_screen(self)


class ClassStudentScreen(Screen[None]):
    HELP_TITLE = "class quiz"
    BINDINGS = [
        Binding("escape", "leave", "Leave (rejoin keeps your score)"),
        Binding("escape", "close", "Close"),  # once the class is over, nothing to rejoin
    ]

    def __init__(self, session: ClassSession, student_id: int, name: str) -> None:
        super().__init__()
        self.session = session
        self.student_id = student_id
        self.student_name = name
        self.view: ClassView | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="class-status")
        yield Digits(id="class-big")
        with VerticalScroll(id="class-scroll"):
            yield Static(id="class-body")
        yield Input(placeholder="your answer, then Enter", id="class-answer")
        yield Static(id="class-note")
        yield FittingFooter()

    def on_mount(self) -> None:
        if self.app.is_headless:  # nobody sees it blink; a steady cursor keeps screenshots comparable
            self.query_one("#class-answer", Input).cursor_blink = False
        self.poll()
        self.set_interval(POLL_SECONDS, self.poll)

    @notify_user_errors
    def poll(self) -> None:
        view = self.session.view(self.student_id)
        if view != self.view:
            changed_question = self.view is None or (view.phase, view.question) != (
                self.view.phase,
                self.view.question,
            )
            self.view = view
            self.draw(view, changed_question)

    def on_resize(self) -> None:
        if self.view is not None:  # the header is fitted to the width
            self.draw(self.view, changed_question=False)

    def draw(self, view: ClassView, changed_question: bool) -> None:
        mine = view.mine
        parts = [view.title, self.student_name]
        if mine is not None and mine.rank is not None:
            parts.append(f"{mine.score} pts · rank {mine.rank} of {len(view.students)}")
        status = status_line(parts, self.app.size.width - 2)
        self.query_one("#class-status", Static).update(status)
        self.refresh_bindings()
        big = self.query_one("#class-big", Digits)
        body = self.query_one("#class-body", Static)
        answer = self.query_one("#class-answer", Input)
        note = self.query_one("#class-note", Static)
        waiting_for_me = view.phase is Phase.QUESTION and mine is not None and mine.typed is None
        big.display = view.phase is Phase.QUESTION
        answer.display = bool(waiting_for_me and view.question is not None and view.question.is_typed)
        if changed_question:
            answer.value = ""
            note.update("")
        if answer.display:
            answer.focus()
        if view.phase is Phase.LOBBY:
            body.update(
                Text.assemble(
                    (f"You are in, {self.student_name}!\n\n", "bold"),
                    f"{len(view.students)} in the class. Waiting for the teacher to start…",
                )
            )
        elif view.phase is Phase.QUESTION and view.question is not None:
            big.update(f"{view.seconds_left:.0f}")
            text = question_text(view.question, view.total)
            if mine is not None and mine.typed is not None:
                text.append("\n\nAnswer sent: ", style="bold")
                text.append_text(literal(mine.typed))
                text.append(". Waiting for the others…", style="dim")
            elif not view.question.is_typed:
                text.append("\n\nPress the key of your answer.", style="italic dim")
            body.update(text)
        elif view.phase in (Phase.REVEAL, Phase.SCOREBOARD) and view.question is not None and mine:
            body.update(self.result(view))
        elif view.phase is Phase.ENDED:
            text = Text.assemble(("The class is over. Thank you!\n\n", "bold"))
            if mine is not None and mine.rank is not None:
                text.append(f"You scored {mine.score} points: rank {mine.rank} of {len(view.students)}.\n\n")
            text.append_text(standings_text(view.standings, highlight=self.student_name, gained=False))
            body.update(text)

    def result(self, view: ClassView) -> Text:
        mine, question = view.mine, view.question
        assert mine is not None and question is not None
        if mine.verdict is None:
            text = Text.assemble(("No answer this time.", "bold"))
        else:
            text = Text.assemble((VERDICT_WORD[mine.verdict], VERDICT_STYLE[mine.verdict]))
            text.append(f"  +{mine.points} points" if mine.points else "")
        text.append("\nThe answer: ")
        text.append_text(literal(question.answer, "bold green"))
        if question.context:
            text.append("\n\n")
            text.append_text(literal(question.context, "italic"))
        text.append("\n\n")
        text.append_text(standings_text(view.standings, limit=5, highlight=self.student_name))
        return text

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.send(event.value)

    def on_key(self, event: Key) -> None:
        """One key answers a choice or true/false question (the typed box is hidden for those)."""
        view = self.view
        if view is None or view.phase is not Phase.QUESTION or view.question is None:
            return
        if view.question.is_typed or event.character is None or not event.character.isalnum():
            return
        event.stop()
        self.send(event.character)

    @notify_user_errors
    def send(self, typed: str) -> None:
        recorded = self.session.answer(self.student_id, typed)
        note = self.query_one("#class-note", Static)
        if recorded is None:
            question = self.view.question if self.view else None
            keys = (
                "t or f" if question is not None and question.kind == "truefalse" else "the option's number"
            )
            note.update(Text(f"{typed!r} is not one of the options: press {keys}.", style="bold"))
            return
        if recorded is False:
            note.update(Text("Too late for this question.", style="dim"))
        self.poll()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        ended = self.view is not None and self.view.phase is Phase.ENDED
        if action == "leave":
            return not ended
        if action == "close":
            return ended
        return True

    def action_leave(self) -> None:
        leave_class_screen(self)

    def action_close(self) -> None:
        leave_class_screen(self)


def leave_class_screen(screen: Screen[None]) -> None:
    from caucasusquiz.ui.class_app import ClassApp

    # `class join` runs these screens as an app of their own; from the home screen they
    # are pushed over it and leaving goes back there.
    if isinstance(screen.app, ClassApp) or len(screen.app.screen_stack) < 2:
        screen.app.exit()
    else:
        screen.dismiss(None)
