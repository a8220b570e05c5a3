"""The teacher's screen for a live class quiz, made for a projector and readable at 80×24.

Lobby: the join code in large digits and the names as students join. Then each question
with a large countdown and a live count of answers; the reveal (answer, how the class
answered, the source sentence); the scoreboard; at the end a summary. Enter moves on,
Escape ends the class. The screen only draws: ClassSession decides.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Digits, Static

from caucasusquiz.classroom.session import ClassSession, ClassView, Phase
from caucasusquiz.ui.notify_errors import notify_user_errors
from caucasusquiz.ui.screens.class_header import status_line
from caucasusquiz.ui.screens.class_join import leave_class_screen
from caucasusquiz.ui.screens.dialogs import ConfirmScreen
from caucasusquiz.ui.widgets.class_parts import question_text, standings_text, tally_text
from caucasusquiz.ui.widgets.fitting_footer import FittingFooter
from caucasusquiz.ui.widgets.labelled_lines import LabelledLines
from caucasusquiz.ui.widgets.literal import literal

POLL_SECONDS = 0.25
NEXT_LABEL = {
    Phase.LOBBY: "Start",
    Phase.QUESTION: "Reveal now",
    Phase.REVEAL: "Scores",
    Phase.SCOREBOARD: "Next question",
    Phase.ENDED: "Close",
}
LAST_SCOREBOARD_LABEL = "Finish"


def reveal_due(view: ClassView) -> bool:
    """Whether `ClassSession.tick()` would reveal now, as the view already shows: the time is
    up, or everyone has answered."""
    if view.phase is not Phase.QUESTION:
        return False
    return view.seconds_left <= 0 or 0 < len(view.students) <= view.answered


class ClassHostScreen(Screen[None]):
    HELP_TITLE = "class host"
    # One Enter binding per label; check_action shows the one that says what Enter does now.
    BINDINGS = [
        *(
            Binding("enter", f"next({label!r})", label)
            for label in (*NEXT_LABEL.values(), LAST_SCOREBOARD_LABEL)
        ),
        Binding("escape", "end", "End class"),
    ]

    def __init__(self, session: ClassSession) -> None:
        super().__init__()
        self.session = session
        self.view: ClassView | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="class-status")
        yield Digits(id="class-big")
        with VerticalScroll(id="class-scroll"):
            yield Static(id="class-body")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.poll()
        self.set_interval(POLL_SECONDS, self.poll)

    @notify_user_errors
    def poll(self) -> None:
        """Reveal when time is up or all have answered, then draw what changed."""
        view = self.session.view()
        if reveal_due(view):  # read once per poll; twice only at the moment of the reveal
            self.session.tick()
            view = self.session.view()
        if view != self.view:
            self.view = view
            self.draw(view)

    def on_resize(self) -> None:
        if self.view is not None:  # the header is fitted to the width
            self.draw(self.view)

    def draw(self, view: ClassView) -> None:
        parts = [view.title, f"code {view.code}"]
        if view.question is not None and view.phase is not Phase.ENDED:
            parts.append(f"question {view.question.position + 1} of {view.total}")
        status = status_line(parts, self.app.size.width - 2)
        self.query_one("#class-status", Static).update(status)
        big = self.query_one("#class-big", Digits)
        body = self.query_one("#class-body", Static)
        big.display = view.phase in (Phase.LOBBY, Phase.QUESTION)
        if view.phase is Phase.LOBBY:
            big.update(view.code)
            text = Text.assemble(
                ("Join with this code: ", "bold"),
                "in the app choose Join class, or run\n",
                (f"caucasusquiz class join {view.code} --name YOUR-NAME\n\n", "bold"),
                (f"{len(view.students)} joined", "bold"),
                ": " if view.students else "",
            )
            text.append_text(literal(", ".join(view.students)))
            text.append("\n\nEnter starts the quiz.", style="dim")
            body.update(text)
        elif view.phase is Phase.QUESTION and view.question is not None:
            big.update(f"{view.seconds_left:.0f}")
            text = question_text(view.question, view.total)
            text.append(f"\n\nAnswers: {view.answered} of {len(view.students)}", style="bold")
            body.update(text)
        elif view.phase is Phase.REVEAL and view.question is not None and view.tally is not None:
            text = literal(view.question.prompt, "bold")
            text.append("\n\n")
            text.append_text(tally_text(view.question, view.tally, self._text_width()))
            body.update(text)
        elif view.phase is Phase.SCOREBOARD:
            text = Text.assemble(("Scoreboard\n\n", "bold"))
            text.append_text(standings_text(view.standings))
            body.update(text)
        elif view.phase is Phase.ENDED:
            body.update(self.summary(view))
        self.refresh_bindings()

    def summary(self, view: ClassView) -> LabelledLines:
        standings = standings_text(view.standings, limit=10, gained=False)
        standings.rstrip()
        rows: list[tuple[Text | None, Text]] = [
            (None, Text("The class is over. Final scores\n", style="bold")),
            (None, standings),
            (None, Text("\nHow the class did, question by question\n", style="bold")),
        ]
        students = max(len(view.students), 1)
        # Only the questions that were shown: a class ended in the lobby asked none.
        asked = self.session.questions[: view.question.position + 1] if view.question is not None else []
        if not asked:
            rows.append((None, Text("No question was asked.", style="dim")))
        for question in asked:
            tally = self.session.tally(question)
            share = round(100 * tally.right / students)
            # A long question wraps under its own start, the shares a column of their own.
            share_text = Text(f"{share:>4}% right", style="green" if share >= 50 else "red")
            rows.append((share_text, literal(question.prompt)))
        details = Text.assemble(
            ("\nThe details: ", "dim"), (f"caucasusquiz report --class {view.code}", "bold")
        )
        rows.append((None, details))
        return LabelledLines(rows, gap=2)

    def _text_width(self) -> int:
        # The body's width: the screen less #class-scroll's padding (4) and its scroll bar (2).
        return max(20, self.app.size.width - 6)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        ended = self.view is not None and self.view.phase is Phase.ENDED
        if action == "next":
            return parameters == (self.next_label(),)
        return not (action == "end" and ended)

    def next_label(self) -> str:
        """What Enter does now, for the footer."""
        view = self.view
        if view is None:
            return NEXT_LABEL[Phase.LOBBY]
        last = view.question is not None and view.question.position + 1 >= view.total
        if view.phase is Phase.SCOREBOARD and last:
            return LAST_SCOREBOARD_LABEL
        return NEXT_LABEL[view.phase]

    @notify_user_errors
    def action_next(self, label: str = "") -> None:
        if self.session.phase is Phase.ENDED:
            self.leave()
            return
        self.session.next()
        self.poll()

    def action_end(self) -> None:
        self.app.push_screen(
            ConfirmScreen(
                "End the class?",
                "Scores so far are kept for the report.",
                yes="End",
                no="Go on",
                default="no",  # Enter, pressed for "next" all class long, must not end it
            ),
            self._end_if_confirmed,
        )

    @notify_user_errors  # a busy or damaged class file is a message, not a traceback
    def _end_if_confirmed(self, yes: bool | None) -> None:
        if yes:
            self.session.end()
            self.poll()

    def leave(self) -> None:
        leave_class_screen(self)
