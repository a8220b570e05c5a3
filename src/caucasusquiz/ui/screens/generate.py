"""New deck from documents: a path prompt, the generator in a worker thread, its report, then the drafts.

Cards go into the decks folder the app studies, merged like `caucasusquiz generate`
does (hand edits and reviewed cards kept, dropped cards left out).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.suggester import Suggester
from textual.widgets import Header, Input, ProgressBar, Static

from caucasusquiz.authoring.documents import complete_path, parse_paths
from caucasusquiz.errors import UserError
from caucasusquiz.ui.screens.app_screen import AppScreen
from caucasusquiz.ui.widgets.fitting_footer import FittingFooter
from caucasusquiz.ui.widgets.literal import literal

if TYPE_CHECKING:  # the generator is imported when it runs
    from caucasusquiz.generator.report import Report

GenerateState = Literal["asking", "running", "done"]


class PathSuggester(Suggester):
    """Completes the last path typed, as far as it is unambiguous (→ accepts)."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        return complete_path(value, Path.cwd())


class GenerateScreen(AppScreen[None]):
    HELP_TITLE = "new deck from documents"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("r", "review", "Review the drafts"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.state: GenerateState = "asking"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="generate-intro")
        yield Input(
            placeholder="seeds/  or  article.txt other.txt", id="generate-paths", suggester=PathSuggester()
        )
        yield ProgressBar(id="generate-progress", show_eta=False)
        with VerticalScroll(id="generate-report-box"):
            yield Static(id="generate-report")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.sub_title = "new deck from documents"
        decks = self.app.require_workspace().locations.decks
        intro = Text(
            "Text documents (files or folders) to make cards from. → completes a path, Enter starts.\n"
        )
        intro.append("Cards are written into ", style="dim")
        intro.append_text(literal(str(decks), "dim"))
        intro.append("; your edits there are kept.", style="dim")
        self.query_one("#generate-intro", Static).update(intro)
        self.query_one("#generate-progress").display = False
        self.query_one("#generate-paths", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.state == "running":
            return
        try:
            paths = parse_paths(event.value, Path.cwd())
        except UserError as error:
            self.notify(f"{error} — {error.hint}" if error.hint else str(error), severity="error")
            return
        self.state = "running"
        bar = self.query_one("#generate-progress", ProgressBar)
        bar.update(total=None, progress=0)
        bar.display = True
        self.query_one("#generate-report", Static).update(Text("Reading the documents…", style="dim"))
        self._generate(paths, self.app.require_workspace().locations.decks)

    @work(thread=True, exclusive=True, group="generate")
    def _generate(self, paths: list[Path], out: Path) -> None:
        from caucasusquiz.generator.pipeline import generate

        def progress(done: int, total: int) -> None:
            self.app.call_from_thread(self._progress, done, total)

        try:
            report = generate(paths, out, progress=progress)
        except UserError as error:
            self.app.call_from_thread(self._failed, str(error), error.hint)
            return
        except OSError as error:
            self.app.call_from_thread(self._failed, f"cannot read or write: {error}", None)
            return
        except Exception as error:  # a generator bug must not take the author's app down
            message = f"the generator stopped: {type(error).__name__}: {error}"
            self.app.call_from_thread(self._failed, message, "run `caucasusquiz generate` to see the details")
            return
        self.app.call_from_thread(self._done, report)

    def _progress(self, done: int, total: int) -> None:
        self.query_one("#generate-progress", ProgressBar).update(total=max(total, 1), progress=done)

    def _failed(self, message: str, hint: str | None) -> None:
        self.state = "asking"
        self.query_one("#generate-progress").display = False
        text = Text(message, style="bold")
        if hint:
            text.append(f"\n{hint}", style="dim")
        self.query_one("#generate-report", Static).update(text)
        self.query_one("#generate-paths", Input).focus()

    def _done(self, report: Report) -> None:
        from caucasusquiz.workspace import load_decks

        self.state = "done"
        self.query_one("#generate-progress").display = False
        text = Text(report.summary() + "\n", style="bold")
        text.append_text(literal("\n".join(report.lines())))
        text.append("\n\nPress r to review the drafts now, Esc to go back.", style="bold")
        self.query_one("#generate-report", Static).update(text)
        workspace = self.app.require_workspace()
        workspace.collection = load_decks(workspace.locations)
        self.app.decks_version += 1
        self.set_focus(None)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "review":
            return self.state == "done"
        return True

    def action_review(self) -> None:
        self.dismiss(None)
        self.app.open_author()

    def action_back(self) -> None:
        if self.state != "running":
            self.dismiss(None)
